-- Security review (issue 12).

-- Staff groups of each user's latest token: only admins may ban staff, and never the last admin.
alter table users add column staff_groups text[] not null default '{}';
create index users_admins on users using gin (staff_groups);
