-- The rules that held or rejected a comment (and "moderator" once one decided), kept on the
-- comment itself: the moderation queue filters by rule without reading the decisions table,
-- which belongs to another package.
alter table comments add column rules text[] not null default '{}';

update comments c set rules = r.rules
from (select d.comment_id, array_agg(distinct x ->> 'rule') as rules
      from moderation_decisions d cross join jsonb_array_elements(d.reasons) x
      group by d.comment_id) r
where r.comment_id = c.id;
