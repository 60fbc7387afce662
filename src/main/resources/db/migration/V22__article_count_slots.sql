-- Published comments per article, kept in up to 16 slots per article instead of one column:
-- every new public comment added one to its article's row, so on a breaking story concurrent
-- comments queued on that one row's lock until each committed, and each left a dead version of
-- the row behind. A transaction adds to the slot of its connection (the backend's pid), so
-- concurrent writers mostly take different rows (two pooled connections may share a slot), and
-- one transaction takes one slot per article, in the order it touches articles, as it took the
-- article rows before: no new lock order.
-- The count is the sum of the slots (article_published_count).
create table article_counts (
    article_id text     not null references articles (id) on delete cascade,
    slot       smallint not null,
    n          int      not null,
    primary key (article_id, slot)
);

insert into article_counts (article_id, slot, n)
select id, 0, published_count from articles where published_count <> 0;

create function article_published_count(article text) returns int language sql stable as $$
    select coalesce(sum(n), 0)::int from article_counts where article_id = article
$$;

create or replace function article_count_change() returns trigger language plpgsql as $$
declare
    delta int := 0;
begin
    if tg_op in ('UPDATE', 'DELETE') and comment_is_public(old.status, old.hidden) then
        delta := delta - 1;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and comment_is_public(new.status, new.hidden) then
        delta := delta + 1;
    end if;
    if delta <> 0 then
        insert into article_counts (article_id, slot, n)
        values (coalesce(new.article_id, old.article_id), (pg_backend_pid() % 16)::smallint, delta)
        on conflict (article_id, slot) do update set n = article_counts.n + excluded.n;
    end if;
    return null;
end $$;

alter table articles drop column published_count;
