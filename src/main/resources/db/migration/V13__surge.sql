-- The surge autopilot's durable part (owned by moderation.surge): moderators' pins and an
-- article's own thresholds. The rates and the current steps live in Redis and are rebuilt
-- from traffic; a pin survives a Redis restart and is re-applied on the next tick.
create table surge_settings (
    article_id  text primary key references articles (id) on delete cascade,
    pinned_step text check (pinned_step in ('normal', 'slow', 'held', 'closed')),
    thresholds  jsonb,
    updated_by  text not null,
    updated_at  timestamptz not null default now()
);
