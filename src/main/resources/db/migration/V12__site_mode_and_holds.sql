-- Site-wide settings, one row per key (owned by moderation.site). The moderation mode is read
-- by every instance at start-up, on announcement, and on a version check.
create table site_settings (
    key        text primary key,
    value      jsonb not null,
    version    bigint not null default 1,
    updated_by text not null,
    updated_at timestamptz not null default now()
);
insert into site_settings (key, value, updated_by) values ('moderation', '{"mode": "post"}', 'system');

-- History-based holds (users are owned by auth): a reader whose record crossed a threshold has
-- every comment held until a moderator approves one, with the reason shown to moderators.
alter table users
    add column held_reason text check (held_reason in ('rejections', 'reports')),
    add column held_at     timestamptz,
    add column held_details jsonb;
