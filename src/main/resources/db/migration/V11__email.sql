-- Email: who opted in to what (the address is stored only from opting in until opting out or
-- erasure), and the outbox of messages, each sent at least once by a worker on some instance.

create table email_subscriptions (
    user_id        bigint primary key references users (id) on delete cascade,
    address        text not null,
    replies        text not null default 'off' check (replies in ('off', 'instant', 'digest')),
    decisions      text not null default 'off' check (decisions in ('off', 'instant', 'digest')),
    queue_digest   boolean not null default false,
    locale         text not null default 'ar' check (locale in ('ar', 'en')),
    last_digest_at timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create table email_messages (
    id               bigserial primary key,
    user_id          bigint not null references users (id) on delete cascade,
    kind             text not null check (kind in ('reply', 'approved', 'rejected', 'digest', 'queue-digest')),
    -- What the message tells, rendered when it is sent: only what is public then goes out.
    notification_ids bigint[] not null default '{}',
    dedupe_key       text not null unique,
    status           text not null default 'pending' check (status in ('pending', 'sent', 'dead', 'cancelled')),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null default now(),
    leased_until     timestamptz,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null default now()
);

create index email_messages_due on email_messages (next_attempt_at, id) where status = 'pending';
create index email_messages_sent_by_user on email_messages (user_id, sent_at) where status = 'sent';
