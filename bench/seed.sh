#!/usr/bin/env bash
# Seeds benchmark data: one article (bench-hot) with HOT comments (default 10,000), and 10,000
# articles (bench-0 .. bench-9999) with 5 comments each. Writes to the database the service reads:
#   QUARKUS_DATASOURCE_JDBC_URL (default jdbc:postgresql://localhost:5432/postgres),
#   QUARKUS_DATASOURCE_USERNAME (default postgres), QUARKUS_DATASOURCE_PASSWORD.
# The schema must exist: start the service against that database once first (Flyway migrates it).
# Re-running replaces the earlier bench data.
set -euo pipefail

url=${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://localhost:5432/postgres}
rest=${url#jdbc:postgresql://}
hostport=${rest%%/*}
db=${rest#*/}; db=${db%%\?*}
host=${hostport%%:*}
port=5432; [[ $hostport == *:* ]] && port=${hostport##*:}
export PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-}

psql -v ON_ERROR_STOP=1 -v hot="${HOT:-10000}" -q -h "$host" -p "$port" -U "${QUARKUS_DATASOURCE_USERNAME:-postgres}" -d "$db" <<'SQL'
begin;
delete from comments where article_id like 'bench-%';
delete from articles where id like 'bench-%';
delete from users where subject like 'bench-user-%';

insert into users (subject, display_name)
select 'bench-user-' || n, 'قارئ ' || n from generate_series(1, 1000) n;

insert into articles (id, url, title, created_at)
select 'bench-hot', 'https://news.example/bench-hot', 'مقال ساخن للقياس', now() - interval '2 days';
insert into articles (id, url, title, created_at)
select 'bench-' || n, 'https://news.example/bench-' || n, 'مقال رقم ' || n, now() - interval '2 days'
from generate_series(0, 9999) n;

-- Roughly one in five comments is a reply to an earlier top-level comment of the same article.
insert into comments (article_id, author_id, status, body, dir, created_at)
select 'bench-hot', u.id, 'published',
       'تعليق رقم ' || n || ' على المقال، وفيه بعض النص العربي لقياس حجم الاستجابة بشكل واقعي.',
       'rtl', now() - interval '1 day' + n * interval '1 second'
from generate_series(1, :hot) n
join users u on u.subject = 'bench-user-' || (1 + n % 1000);

update comments c set parent_id = p.id, depth = 1
from (select id, row_number() over (order by id) rn from comments where article_id = 'bench-hot') p,
     (select id, row_number() over (order by id) rn from comments where article_id = 'bench-hot') me
where c.id = me.id and me.rn % 5 = 0 and p.rn = me.rn - 1 - (me.rn % 7);

insert into comments (article_id, author_id, status, body, dir, created_at)
select 'bench-' || a, u.id, 'published', 'تعليق ' || k || ' على المقال ' || a, 'rtl',
       now() - interval '1 day' + (a * 5 + k) * interval '1 second'
from generate_series(0, 9999) a
cross join generate_series(1, 5) k
join users u on u.subject = 'bench-user-' || (1 + (a * 5 + k) % 1000);
commit;
analyze articles; analyze comments; analyze users;
SQL
echo "seeded: bench-hot with ${HOT:-10000} comments, bench-0..bench-9999 with 5 each"
