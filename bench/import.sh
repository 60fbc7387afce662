#!/usr/bin/env bash
# Imports a generated WordPress export into the packaged jar (production flags, a scratch
# database): how long the upload and its check take, the job's comments per second, and the
# peak RSS while it runs; then the counts against a recount. In the same run the reference:
# pgbench's single-row insert rate with one connection (an import is one writer).
# Usage: bench/import.sh [COMMENTS] [PER_POST]   (default 1,000,000 comments, 10 per post)
# IMPORT_OPTIONS adds the import's options, e.g. IMPORT_OPTIONS='remoderate=true&mergeGuests=true'
# (the jar then gets a guest salt).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
comments=${1:-1000000}
per_post=${2:-10}
db=hiwar_bench_import
port=8095
bench_setup
file="$work/export.xml"
t0=$(date +%s%N)
python3 "$root/bench/wxr-generate.py" "$comments" "$per_post" "$file"
echo "export: $comments comments, $(du -m "$file" | cut -f1) MB, written in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
admin=$(mint_tokens 1 bench-admin '["admin"]')

psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
start_jar "$port" "$db" "$work/jar.log" QUARKUS_REDIS_HOSTS=redis://localhost:6379/3 HIWAR_ARTICLES_ALLOWED_HOSTS=bench.example \
  HIWAR_IMPORTS_GUEST_SALT=bench-only-guest-salt-0123456789

peak=0
sample() { local r; r=$(awk '/VmRSS/ {print $2}' "/proc/$jar_pid/status"); [ "$r" -gt "$peak" ] && peak=$r; return 0; }
t0=$(date +%s%N)
answer=$(curl -sS -X POST -T "$file" -H "Authorization: Bearer $admin" -H "Content-Type: application/xml" "http://localhost:$port/api/v1/admin/imports${IMPORT_OPTIONS:+?$IMPORT_OPTIONS}")
upload_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
id=$(jq -r .id <<<"$answer")
[ "$id" != "null" ] || { echo "refused: $answer" >&2; exit 1; }
sample
while :; do
  job=$(curl -fsS -H "Authorization: Bearer $admin" "http://localhost:$port/api/v1/admin/imports/$id")
  sample
  [ "$(jq -r .state <<<"$job")" = running ] || break
  sleep 0.5
done
kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true
jq -c '{state, read, created, skipped, failed, articles, users, reasons}' <<<"$job"
seconds=$(psql -qtA -U postgres -h localhost -d "$db" -c "select extract(epoch from finished_at - created_at) from import_jobs where id = $id")
created=$(jq -r .created <<<"$job")
recount=$(psql -qtA -U postgres -h localhost -d "$db" -c "
  select (select count(*) from comments where status = 'pending') = (select sum(n) from moderation_counts where queue = 'pending')
     and (select count(*) from comments where comment_is_public(status, hidden)) = (select sum(n) from article_counts)")

psql -qtA -U postgres -h localhost -d "$db" -c "select 'decisions recorded: ' || (select count(*) from moderation_decisions)
  || '; by status: ' || (select string_agg(status || ' ' || n, ', ' order by status) from (select status, count(*) n from comments group by 1) s)
  || '; guest accounts: ' || (select count(*) from users where subject like 'guest:%')"
psql -q -U postgres -h localhost -d "$db" -c "create table bench_insert (id bigserial primary key, body text, created_at timestamptz default now())"
echo "insert into bench_insert (body) values ('تعليق للقياس');" > "$work/insert.sql"
tps=$(pgbench -n -U postgres -h localhost -c 1 -j 1 -T 20 -f "$work/insert.sql" "$db" 2>/dev/null | awk '/^tps/ {print $3; exit}')

printf 'upload and check: %d ms; job: %.1f s for %s comments created: %.0f comments/s; peak RSS %d MiB; counts exact: %s\n' \
  "$upload_ms" "$seconds" "$created" "$(awk -v c="$created" -v s="$seconds" 'BEGIN { print c / s }')" $((peak / 1024)) "$recount"
printf 'pgbench single-row insert, 1 connection: tps %s\n' "$tps"
awk -v c="$created" -v s="$seconds" -v t="$tps" 'BEGIN { printf "imported comments/s / pgbench insert tps: %.3f\n", c / s / t }'
