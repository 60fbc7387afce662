-- audit: a new comment's entry takes its reason from the comment's own rules when the
-- transaction declared no action (moderation no longer spends a round trip per POST on
-- set_config to say "system, create, these rules": the row already says it).
create or replace function moderation_audit_status() returns trigger language plpgsql as $$
declare
    declared boolean := coalesce(current_setting('hiwar.action', true), '') <> '';
begin
    insert into moderation_audit (actor, action, comment_id, user_id, article_id, status_before, status_after, reason)
    values (coalesce(nullif(current_setting('hiwar.actor', true), ''), 'system'),
            coalesce(nullif(current_setting('hiwar.action', true), ''), case when tg_op = 'INSERT' then 'create' else 'status' end),
            new.id, new.author_id, new.article_id,
            case when tg_op = 'INSERT' then null else old.status end, new.status,
            case when declared or tg_op <> 'INSERT' then nullif(current_setting('hiwar.reason', true), '')
                 else nullif(array_to_string(new.rules, ','), '') end);
    return null;
end $$;
