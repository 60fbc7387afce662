-- Moderation: word lists, pre-moderation flags and the reasons behind every automatic decision.

-- Each list's version goes up on every change; instances compare it to reload (and are told
-- through Redis pub/sub). A list row exists once the list was seeded or edited.
create table word_lists (
    name       text primary key check (name in ('banned', 'suspect')),
    version    bigint      not null default 1,
    updated_at timestamptz not null default now(),
    updated_by text
);

create table word_list_terms (
    list text not null references word_lists (name),
    term text not null,
    primary key (list, term)
);

alter table articles add column premoderated boolean not null default false;
alter table users add column premoderated boolean not null default false;

-- One row per automatic decision (on create and on each edit). Reasons are what fired:
-- [{rule, code, message, term, start, end}], spans in UTF-16 units of the body as stored.
create table moderation_decisions (
    id          bigint generated always as identity primary key,
    comment_id  bigint      not null references comments (id),
    version     int         not null,
    decision    text        not null check (decision in ('publish', 'pending', 'reject')),
    reasons     jsonb       not null default '[]',
    decided_by  text        not null default 'auto',
    created_at  timestamptz not null default now()
);
create index moderation_decisions_comment on moderation_decisions (comment_id, id desc);
