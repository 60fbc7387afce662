-- Imports from WordPress and Disqus (issue 16).

-- comment: where an imported comment came from ("wp:<site>:<comment id>", "disqus:<post id>"),
-- so importing the same export again finds it and changes nothing; and a guest author's name
-- (WordPress and Disqus guests have no account here: no email, no IP address is kept).
alter table comments add column source_key text;
alter table comments add column guest_name text;
create unique index comments_source_key on comments (source_key) where source_key is not null;

-- portability: import jobs and what they did.
create table import_jobs (
    id          bigint generated always as identity primary key,
    format      text        not null check (format in ('wxr', 'disqus')),
    state       text        not null check (state in ('running', 'done', 'failed')),
    options     jsonb       not null default '{}',
    started_by  text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    finished_at timestamptz,
    read        bigint      not null default 0,
    created     bigint      not null default 0,
    skipped     bigint      not null default 0,
    failed      bigint      not null default 0,
    articles    bigint      not null default 0,
    users       bigint      not null default 0,
    -- reason -> how many rows it skipped or failed, and the first few failures by source id
    reasons     jsonb       not null default '{}',
    failures    jsonb       not null default '[]',
    error       text
);
create index import_jobs_created on import_jobs (created_at desc, id desc);
