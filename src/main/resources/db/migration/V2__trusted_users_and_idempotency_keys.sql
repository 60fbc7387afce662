-- Moderators can mark a reader trusted: looser rate limits, as the token's "trusted" claim gives.
alter table users add column trusted boolean not null default false;

-- Idempotency-Key records (IETF httpapi idempotency-key draft). Written in the same
-- transaction as the write they guard, so a stored key always matches a stored effect.
create table idempotency_keys (
    owner       text        not null,   -- the token's sub: keys are per client
    key         text        not null,
    fingerprint text        not null,   -- sha-256 of the operation and its request body
    status      int         not null,
    location    text,
    body        text        not null,
    created_at  timestamptz not null default now(),
    primary key (owner, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
