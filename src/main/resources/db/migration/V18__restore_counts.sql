-- portability: what a restore of a Hiwar export brought back besides comments (likes, reports, decisions).
alter table import_jobs add column restored jsonb not null default '{}';
