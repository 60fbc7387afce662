-- Webhooks: endpoints admins register, events written in the transaction of the change that
-- caused them (the outbox), one delivery per event and endpoint, and every attempt at it.

create table webhook_endpoints (
    id                    bigserial primary key,
    url                   text not null,
    description           text,
    event_types           text[] not null,
    enabled               boolean not null default true,
    -- Standard Webhooks secrets ("whsec_" + base64). After a rotation the previous one keeps
    -- signing beside the new one until previous_secret_until, so receivers can switch over.
    secret                text not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    created_by            text not null,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               int not null default 0
);

-- The outbox: each event once, whatever the number of endpoints.
create table webhook_events (
    id         text primary key, -- "msg_" + a random id: the webhook-id receivers deduplicate on
    type       text not null,
    payload    text not null,    -- the exact JSON body every endpoint receives and every signature covers
    created_at timestamptz not null default now()
);

create table webhook_deliveries (
    id              bigserial primary key,
    event_id        text not null references webhook_events (id) on delete cascade,
    endpoint_id     bigint not null references webhook_endpoints (id) on delete cascade,
    status          text not null default 'pending' check (status in ('pending', 'delivered', 'dead')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    -- A worker holds a delivery while it sends it; a worker that died lets go when this passes.
    leased_until    timestamptz,
    last_status     int,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz not null default now(),
    unique (event_id, endpoint_id)
);

create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, id) where status = 'pending';
create index webhook_deliveries_of_endpoint on webhook_deliveries (endpoint_id, id desc);

create table webhook_attempts (
    id          bigserial primary key,
    delivery_id bigint not null references webhook_deliveries (id) on delete cascade,
    started_at  timestamptz not null,
    duration_ms int not null,
    status_code int,          -- null: no HTTP answer (refused, timed out, blocked address)
    error       text,
    response    text          -- the first 1 KB of the answer, never more
);

create index webhook_attempts_of_delivery on webhook_attempts (delivery_id, id);
