-- Coordinated campaigns (owned by moderation.campaign): each comment long enough to compare
-- keeps a MinHash signature and its LSH band keys for a while; groups of near-identical
-- comments from enough accounts become campaigns that moderators decide as one. No text is
-- copied here: the card shows its members' comments, so an author's erasure reaches it too.
create table campaigns (
    id         bigserial primary key,
    status     text not null default 'open' check (status in ('open', 'approved', 'rejected')),
    decided_by text,
    decided_at timestamptz,
    created_at timestamptz not null default now()
);

create table campaign_signatures (
    comment_id  bigint primary key references comments (id) on delete cascade,
    article_id  text not null,
    author_id   bigint references users (id) on delete set null,
    campaign_id bigint references campaigns (id) on delete set null,
    bands       bigint[] not null,
    minhash     integer[] not null,
    created_at  timestamptz not null default now()
);
create index campaign_signatures_bands on campaign_signatures using gin (bands);
create index campaign_signatures_recent on campaign_signatures (created_at);
create index campaign_signatures_campaign on campaign_signatures (campaign_id) where campaign_id is not null;
