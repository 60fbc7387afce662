-- Moderation queue: claims, featured comments, reports state, search, exact counts, audit.

create extension if not exists pg_trgm;

alter table comments
    add column featured         boolean     not null default false,
    add column open_reports     int         not null default 0,   -- reader reports not yet resolved (issue 6 files them)
    add column search_text      text        not null default '',  -- normalized for matching, for moderator search
    add column claimed_by       text,
    add column claim_expires_at timestamptz;

-- Claims, decisions and report counts update comments in place: free room on each page lets
-- those updates stay HOT (no new entries in the five indexes, the trigram one above all).
alter table comments set (fillfactor = 85);

-- Queue pages: keyset on (created_at, id) within a status.
create index comments_queue on comments (status, created_at, id);
create index comments_reported on comments (created_at, id) where status = 'published' and open_reports > 0;
create index comments_author_status on comments (author_id, status);
create index comments_search on comments using gin (search_text gin_trgm_ops);

alter table articles add column closes_at timestamptz;   -- auto-close: no new comments after this
alter table users add column notes_count int not null default 0;

-- The queue a comment belongs to, as counted below.
create function moderation_queue(status text, open_reports int) returns text language sql immutable as $$
    select case when status = 'published' and open_reports > 0 then 'reported' else status end
$$;

-- Exact counts that cannot drift: kept by a trigger in the same transaction as every change,
-- spread over 16 slots so concurrent writers rarely wait on one row. Read as a sum.
create table moderation_counts (
    queue text not null,
    slot  int  not null,
    n     bigint not null default 0,
    primary key (queue, slot)
);

-- Both counter rows of a move are changed in one statement, in queue-name order, so two
-- transactions moving comments in opposite directions never lock them in opposite orders.
create function moderation_count_change() returns trigger language plpgsql as $$
begin
    insert into moderation_counts (queue, slot, n)
    select queue, slot, sum(delta) from (
        select moderation_queue(old.status, old.open_reports) as queue, (old.id % 16)::int as slot, -1 as delta
        where tg_op in ('UPDATE', 'DELETE')
        union all
        select moderation_queue(new.status, new.open_reports), (new.id % 16)::int, 1
        where tg_op in ('INSERT', 'UPDATE')
    ) moves
    group by queue, slot
    order by queue, slot
    on conflict (queue, slot) do update set n = moderation_counts.n + excluded.n;
    return null;
end $$;

create trigger comments_count_insert_delete after insert or delete on comments
    for each row execute function moderation_count_change();
create trigger comments_count_update after update of status, open_reports on comments
    for each row when (moderation_queue(old.status, old.open_reports) is distinct from moderation_queue(new.status, new.open_reports))
    execute function moderation_count_change();

insert into moderation_counts (queue, slot, n)
select moderation_queue(status, open_reports), (id % 16)::int, count(*) from comments group by 1, 2
on conflict (queue, slot) do update set n = excluded.n;

-- The audit log: every status change of a comment is written by the database itself, so no
-- code path can skip it; the application names the actor and reason for its transaction
-- (set_config('hiwar.actor' / 'hiwar.reason', ..., true)). Other actions (bans, trust,
-- article settings, word lists) are written by the services.
create table moderation_audit (
    id            bigint generated always as identity primary key,
    at            timestamptz not null default now(),
    actor         text        not null,          -- a moderator's sub, or 'system'
    action        text        not null,          -- create, edit, approve, reject, feature, ban, ...
    comment_id    bigint,
    user_id       bigint,
    article_id    text,
    status_before text,
    status_after  text,
    reason        text,
    details       jsonb       not null default '{}'
);
create index moderation_audit_at on moderation_audit (at desc, id desc);
create index moderation_audit_comment on moderation_audit (comment_id, id desc);
create index moderation_audit_user on moderation_audit (user_id, id desc);
create index moderation_audit_actor on moderation_audit (actor, id desc);

create function moderation_audit_status() returns trigger language plpgsql as $$
begin
    insert into moderation_audit (actor, action, comment_id, user_id, article_id, status_before, status_after, reason)
    values (coalesce(nullif(current_setting('hiwar.actor', true), ''), 'system'),
            coalesce(nullif(current_setting('hiwar.action', true), ''), case when tg_op = 'INSERT' then 'create' else 'status' end),
            new.id, new.author_id, new.article_id,
            case when tg_op = 'INSERT' then null else old.status end, new.status,
            nullif(current_setting('hiwar.reason', true), ''));
    return null;
end $$;

create trigger comments_audit_insert after insert on comments
    for each row execute function moderation_audit_status();
create trigger comments_audit_status after update of status on comments
    for each row when (old.status is distinct from new.status) execute function moderation_audit_status();

create table moderator_notes (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references users (id),
    author     text        not null,
    body       text        not null,
    created_at timestamptz not null default now()
);
create index moderator_notes_user on moderator_notes (user_id, id desc);

-- Moderators' decisions are recorded alongside the automatic ones.
alter table moderation_decisions drop constraint moderation_decisions_decision_check;
alter table moderation_decisions add constraint moderation_decisions_decision_check
    check (decision in ('publish', 'pending', 'reject', 'approve', 'feature', 'unfeature', 'restore'));
