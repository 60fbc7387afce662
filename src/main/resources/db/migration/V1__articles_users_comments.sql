-- Articles are keyed by the publisher's own id (a WordPress post id, a slug...).
create table articles (
    id          text primary key,
    url         text,
    title       text,
    open        boolean     not null default true,
    created_at  timestamptz not null default now()
);

-- Readers are created the first time a valid token is seen.
-- status is checked on every write, so a ban bites on the next request.
create table users (
    id            bigint generated always as identity primary key,
    subject       text        not null unique,
    display_name  text,
    status        text        not null default 'active' check (status in ('active', 'banned')),
    banned_until  timestamptz,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now()
);

create table comments (
    id          bigint generated always as identity primary key,
    article_id  text        not null references articles (id),
    author_id   bigint      references users (id),
    parent_id   bigint      references comments (id),
    depth       integer     not null default 0 check (depth >= 0),
    status      text        not null check (status in ('published', 'pending', 'rejected', 'deleted')),
    body        text        not null,
    dir         text        not null check (dir in ('rtl', 'ltr')),
    created_at  timestamptz not null,
    edited_at   timestamptz,
    deleted_at  timestamptz,
    version     integer     not null default 0,
    check ((parent_id is null) = (depth = 0))
);

-- Keyset pagination: top-level comments of an article, and replies of a comment,
-- both walked in (created_at, id) order in either direction.
create index comments_top_level_keyset on comments (article_id, created_at, id) where parent_id is null;
create index comments_replies_keyset on comments (parent_id, created_at, id) where parent_id is not null;
-- Published totals per article are counted from the index alone.
create index comments_published_per_article on comments (article_id) where status = 'published';
create index comments_author on comments (author_id, created_at);
