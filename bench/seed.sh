#!/usr/bin/env bash
# Seeds benchmark data through SQL, not the API: TOTAL comments (default 1,000,000) on TOTAL/10
# articles plus one hot article, bench-hot, with min(50,000, TOTAL/2) comments.
# - Threads: three comments in ten are replies, in chains three deep (the widget's max depth).
# - Status: 10 % pending (100,000 at 1M), 1 % rejected, 0.5 % deleted; 1 % reported, a fifth of
#   those hidden by their reports.
# - Likes: three comments in ten have 1 to 12, from distinct readers (comment_likes rows and
#   like_count agree); 20,000 readers write and like.
# Triggers are off while it writes (session_replication_role = replica); the counts they keep
# (article_counts, moderation_counts) are recomputed at the end, so the service sees
# exactly what its triggers would have kept. No audit rows are written for seeded comments.
# Writes to the database the service reads: QUARKUS_DATASOURCE_JDBC_URL (default
# jdbc:postgresql://localhost:5432/postgres), QUARKUS_DATASOURCE_USERNAME (default postgres),
# QUARKUS_DATASOURCE_PASSWORD. The schema must exist: start the service against that database
# once first (Flyway migrates it). Re-running replaces the earlier bench data.
# Usage: bench/seed.sh [TOTAL]
set -euo pipefail

total=${1:-${TOTAL:-1000000}}
url=${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://localhost:5432/postgres}
rest=${url#jdbc:postgresql://}
hostport=${rest%%/*}
db=${rest#*/}; db=${db%%\?*}
host=${hostport%%:*}
port=5432; [[ $hostport == *:* ]] && port=${hostport##*:}
export PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-}
hot=$(( total / 2 < 50000 ? total / 2 : 50000 ))
articles=$(( total / 10 ))
started=$(date +%s)

psql -v ON_ERROR_STOP=1 -v total="$total" -v hot="$hot" -v articles="$articles" -q -h "$host" -p "$port" \
  -U "${QUARKUS_DATASOURCE_USERNAME:-postgres}" -d "$db" <<'SQL'
set session_replication_role = replica;  -- no triggers, no foreign-key checks: the data below is consistent by construction
begin;
delete from comment_likes where comment_id in (select id from comments where article_id like 'bench-%');
delete from comment_reports where comment_id in (select id from comments where article_id like 'bench-%');
delete from comments where article_id like 'bench-%';
delete from articles where id like 'bench-%';
delete from users where subject like 'bench-user-%';

insert into users (subject, display_name)
select 'bench-user-' || n, 'قارئ ' || n from generate_series(1, 20000) n;
create temporary table bench_users as
select row_number() over (order by id) - 1 as k, id from users where subject like 'bench-user-%';
create unique index on bench_users (k);

insert into articles (id, url, title, created_at)
values ('bench-hot', 'https://news.example/bench-hot', 'مقال ساخن للقياس', now() - interval '3 days');
insert into articles (id, url, title, created_at)
select 'bench-' || n, 'https://news.example/bench-' || n, 'مقال رقم ' || n, now() - interval '3 days'
from generate_series(0, :articles - 1) n;

-- Comment n (1..total) gets id base + n. The first :hot go to bench-hot; the others to the small
-- articles in runs of ten, so that a reply's parent (n - 1) is always on the same article.
create temporary table bench_base as select coalesce(max(id), 0) + 1000 as base from comments;
insert into comments (id, article_id, author_id, parent_id, depth, status, body, dir, created_at,
                      deleted_at, search_text, like_count, open_reports, report_score, hidden)
overriding system value
select b.base + n,
       case when n <= :hot then 'bench-hot' else 'bench-' || ((n - :hot - 1) / 10) % :articles end,
       u.id,
       case when n % 10 in (8, 9, 0) and n % 10000 <> 0 then b.base + n - 1 end,
       case when n % 10000 = 0 then 0 when n % 10 = 8 then 1 when n % 10 = 9 then 2 when n % 10 = 0 then 3 else 0 end,
       case when n % 10 = 3 then 'pending' when n % 100 = 47 then 'rejected' when n % 200 = 11 then 'deleted' else 'published' end,
       case when n % 200 = 11 then ''
            else 'تعليق رقم ' || n || ' على الخبر: ' || (array['أتفق مع الكاتب في أغلب ما قال', 'هذا التحليل يحتاج إلى أرقام أدق',
                 'شكرا على التغطية السريعة للأحداث', 'أين رد الوزارة على هذه الأسئلة؟', 'الموضوع أكبر من مجرد خبر عابر'])[1 + n % 5] end,
       'rtl',
       now() - interval '2 days' + n * interval '100 milliseconds',
       case when n % 200 = 11 then now() end,
       'تعليق رقم ' || n,
       case when (n * 7919) % 10 < 3 then 1 + (n * 31) % 12 else 0 end,
       case when n % 100 = 21 then 2 + (n % 500 = 21)::int else 0 end,
       case when n % 100 = 21 then 2 + (n % 500 = 21)::int else 0 end,
       n % 500 = 21
from generate_series(1::bigint, :total) n
cross join bench_base b
join bench_users u on u.k = n % 20000;
select setval(pg_get_serial_sequence('comments', 'id'), (select max(id) from comments));

insert into comment_likes (comment_id, user_id, created_at)
select c.id, u.id, c.created_at + interval '1 minute'
from comments c cross join generate_series(1, 12) j
join bench_users u on u.k = (c.id * 37 + j * 101) % 20000
where c.article_id like 'bench-%' and j <= c.like_count;

insert into comment_reports (comment_id, user_id, reason, weight, created_at)
select c.id, u.id, (array['spam', 'abuse', 'hate'])[j], 1, c.created_at + interval '2 minutes'
from comments c cross join generate_series(1, 3) j
join bench_users u on u.k = (c.id * 53 + j * 211) % 20000
where c.article_id like 'bench-%' and j <= c.open_reports;

-- What the triggers would have kept.
delete from article_counts where article_id like 'bench-%';
insert into article_counts (article_id, slot, n)
select article_id, 0, count(*) filter (where comment_is_public(status, hidden))
from comments where article_id like 'bench-%' group by article_id;
delete from moderation_counts;
insert into moderation_counts (queue, slot, n)
select moderation_queue(status, open_reports), (id % 16)::int, count(*) from comments group by 1, 2;
commit;
vacuum analyze;
checkpoint;
SQL
psql -tA -h "$host" -p "$port" -U "${QUARKUS_DATASOURCE_USERNAME:-postgres}" -d "$db" -c "
  select format('seeded in %s s: %s comments (%s on bench-hot, %s pending), %s articles, %s likes, %s reports',
    $(date +%s) - $started + 0,
    (select count(*) from comments where article_id like 'bench-%'),
    (select count(*) from comments where article_id = 'bench-hot'),
    (select count(*) from comments where article_id like 'bench-%' and status = 'pending'),
    (select count(*) from articles where id like 'bench-%'),
    (select count(*) from comment_likes), (select count(*) from comment_reports))"
