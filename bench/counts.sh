#!/usr/bin/env bash
# Counts for listing pages: GET /api/v1/counts for 10 articles, on the packaged jar, with wrk
# on the same 2 cores. Seeds 10 articles with comments in a scratch database first.
# Usage: bench/counts.sh [SECONDS] [CONNECTIONS]   (default 30 s, 64 connections)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-30}
connections=${2:-64}
db=hiwar_bench_counts
port=8093
bench_setup

psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db"
start_jar "$port" "$db" "$work/jar.log" HIWAR_RATELIMIT_ENABLED=false
# Ten articles with 1..10 x 100 comments, written through SQL (the trigger keeps the counts).
psql -q -U postgres -h localhost -d "$db" <<'SQL'
insert into users (subject, display_name) values ('bench-reader', 'قارئ');
insert into articles (id, title) select 'news-' || i, 'خبر ' || i from generate_series(1, 10) i;
insert into comments (article_id, author_id, status, body, dir, created_at)
select 'news-' || a, (select id from users where subject = 'bench-reader'), 'published', 'تعليق ' || n, 'rtl', now()
from generate_series(1, 10) a, generate_series(1, 1000) n where n <= a * 100;
SQL
ids=$(seq -s, -f 'news-%g' 1 10)
url="http://localhost:$port/api/v1/counts?articles=$ids"
curl -fs "$url"; echo
wrk -t2 -c"$connections" -d10s "$url" >/dev/null   # warm-up: JIT, cache
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")
echo "$out" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket"
rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$jar_pid/status")
printf 'counts for 10 articles: req/s %s  p50 %s  p99 %s  RSS %s  (%d connections, %s s)\n' \
  "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
  "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$rss" "$connections" "$seconds"
