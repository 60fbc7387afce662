-- Reader interactions: likes, reports, per-article counts, notifications, account erasure.

alter table comments
    add column like_count   int     not null default 0,
    add column report_score int     not null default 0,    -- open reports, weighted (trusted readers count more)
    add column hidden       boolean not null default false; -- hidden by readers' reports until a moderator decides

-- A reader likes a comment at most once: the primary key makes PUT .../like idempotent.
create table comment_likes (
    comment_id bigint      not null references comments (id),
    user_id    bigint      not null references users (id),
    created_at timestamptz not null default now(),
    primary key (comment_id, user_id)
);
create index comment_likes_user on comment_likes (user_id, created_at);

create table comment_reports (
    id          bigint generated always as identity primary key,
    comment_id  bigint      not null references comments (id),
    user_id     bigint      references users (id),          -- null once the reporter erased their account
    reason      text        not null check (reason in ('spam', 'abuse', 'hate', 'off-topic', 'personal-data', 'other')),
    note        text,
    weight      int         not null check (weight > 0),
    created_at  timestamptz not null default now(),
    resolved_at timestamptz,
    resolution  text        check (resolution in ('approved', 'rejected', 'deleted'))
);
-- One report per reader per comment, ever: a reader cannot re-hide a comment a moderator approved.
create unique index comment_reports_once on comment_reports (comment_id, user_id);
create index comment_reports_open on comment_reports (comment_id) where resolved_at is null;
create index comment_reports_user on comment_reports (user_id);

-- sort=top: likes, then recency, as a keyset.
create index comments_top on comments (article_id, like_count desc, created_at desc, id desc) where parent_id is null;

-- Published comments per article, for listing pages: kept by the database in the same
-- transaction as every change, so counts never drift from what readers see.
alter table articles add column published_count int not null default 0;

create function comment_is_public(status text, hidden boolean) returns boolean language sql immutable as $$
    select status = 'published' and not hidden
$$;

create function article_count_change() returns trigger language plpgsql as $$
declare
    delta int := 0;
begin
    if tg_op in ('UPDATE', 'DELETE') and comment_is_public(old.status, old.hidden) then
        delta := delta - 1;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and comment_is_public(new.status, new.hidden) then
        delta := delta + 1;
    end if;
    if delta <> 0 then
        update articles set published_count = published_count + delta
        where id = coalesce(new.article_id, old.article_id);
    end if;
    return null;
end $$;

create trigger comments_article_count after insert or delete or update of status, hidden on comments
    for each row execute function article_count_change();

update articles a set published_count = (
    select count(*) from comments c where c.article_id = a.id and comment_is_public(c.status, c.hidden));

drop index comments_published_per_article;

-- What a reader is told: replies to their comments, and moderators' decisions on them.
create table notifications (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references users (id),
    kind       text        not null check (kind in ('reply', 'approved', 'rejected')),
    comment_id bigint      not null references comments (id),  -- the reply, or the comment decided on
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
-- A retried or repeated event never notifies twice.
create unique index notifications_once on notifications (user_id, kind, comment_id);
create index notifications_user on notifications (user_id, id desc);
create index notifications_unread on notifications (user_id) where read_at is null;

-- Erasure requested: the account is frozen at once and erased in batches by whichever
-- instance gets there first, so a restart midway only delays it.
alter table users add column erase_requested_at timestamptz;
create index users_erasing on users (erase_requested_at) where erase_requested_at is not null;
