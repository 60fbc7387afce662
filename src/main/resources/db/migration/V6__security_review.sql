-- Security review (issue 12).

-- Staff groups of each user's latest token: only admins may ban staff, and never the last admin.
alter table users add column staff_groups text[] not null default '{}';
create index users_admins on users using gin (staff_groups);

-- Article metadata: a comment may propose a title and URL; later proposals replace them only
-- once the publisher's own page confirms them, and a moderator's correction locks them.
alter table articles
    add column metadata_locked       boolean not null default false,
    add column metadata_confirmed_at timestamptz;
