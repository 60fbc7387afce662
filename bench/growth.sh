#!/usr/bin/env bash
# How reads cost as the data grows: for each size (default 10,000, 100,000 and 1,000,000 comments
# in total, bench/seed.sh's shape), a fresh database, the packaged jar, and wrk on the same 2 cores:
# the anonymous first page of bench-hot (kept), the signed-in one, and next pages at 500 random
# cursors, newest and top (rendered: the keyset queries). Keyset paging should keep the rendered
# pages flat; this shows whether it does.
# Usage: bench/growth.sh [SECONDS] [CONNECTIONS] [SIZES...]   (default 10 s, 32 connections)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-10}
connections=${2:-32}
sizes=(10000 100000 1000000)
[ $# -gt 2 ] && sizes=("${@:3}")
db=hiwar_bench_growth
port=8091
bench_setup
base="http://localhost:$port"
token=$(mint_tokens 1 bench-user '[]')
results=""
for total in "${sizes[@]}"; do
  psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db" 2>/dev/null
  start_jar "$port" "$db" "$work/jar-$total.log" HIWAR_RATELIMIT_ENABLED=false
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" "$root/bench/seed.sh" "$total" | tail -1 >&2
  cursor_paths "$db" newest > "$work/newest.paths"
  cursor_paths "$db" top > "$work/top.paths"
  url="$base/api/v1/articles/bench-hot/comments"
  results+=$(
    measure "$total anonymous-first" "$url"
    measure "$total signed-in-first" -H "Authorization: Bearer $token" "$url"
    HIWAR_PATHS="$work/newest.paths" measure "$total next-pages,random" -s "$root/bench/paths.lua" "$base"
    HIWAR_PATHS="$work/top.paths" measure "$total top,next-pages,random" -s "$root/bench/paths.lua" "$base"
  )$'\n'
  kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true
done
echo "wrk -t2 -c$connections, ${seconds}s after a warm-up until the JIT is quiet, each"
printf '%-12s %-24s %10s %10s %10s\n' comments read req/s p50 p99
awk 'NF >= 5 { printf "%-12s %-24s %10s %10s %10s %s\n", $1, $2, $3, $4, $5, $6 }' <<<"$results"
