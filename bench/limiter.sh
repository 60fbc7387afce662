#!/usr/bin/env bash
# The rate limiter's cost on writes: POST /comments throughput and latency with the limiter
# off and on, on the packaged jar, in one run (rounds alternate off/on to share drift).
# "On" uses limits too high to refuse anything, so every request pays the Redis round trip
# (user, article and IP buckets in one EVALSHA) and none is turned away.
# Usage: bench/limiter.sh [SECONDS] [ROUNDS]   (default 20 s per measurement, 2 rounds)
# Needs: ./mvnw package -DskipTests; PostgreSQL and Redis on localhost; openssl; wrk (installed if missing).
set -euo pipefail
seconds=${1:-20}
rounds=${2:-2}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
port=${PORT:-8082}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/lib.sh"
bench_setup

mint_tokens 300 bench-reader '[]' > "$work/tokens"
export HIWAR_TOKENS="$work/tokens"

psql -q -U postgres -h localhost -c "drop database if exists hiwar_bench_post with (force)" -c "create database hiwar_bench_post" >/dev/null

evalsha_calls() { redis-cli -n 3 info commandstats | sed -nE 's/^cmdstat_evalsha:calls=([0-9]+),.*/\1/p' | tr -d '\r' | grep . || echo 0; }

measure() { # mode: off|on
  local mode=$1 enabled=false
  [ -n "${ONLY:-}" ] && [ "$ONLY" != "$mode" ] && return 0
  [ "$mode" = on ] && enabled=true
  start_jar "$port" hiwar_bench_post "$work/jar-$mode.log" QUARKUS_REDIS_HOSTS=redis://localhost:6379/3 \
    HIWAR_RATELIMIT_ENABLED=$enabled HIWAR_MODERATION_NEW_COMMENTER_PENDING=0 \
    HIWAR_RATELIMIT_ACTIONS_COMMENT_CREATE="user:100000000/1s, article:100000000/1s, ip:100000000/1s"
  local pid=$jar_pid
  wrk -t"$threads" -c"$connections" -d10s -s "$here/post-comment.lua" "http://localhost:$port" >/dev/null  # warm-up
  local before; before=$(evalsha_calls)
  local out; out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$here/post-comment.lua" "http://localhost:$port")
  local after; after=$(evalsha_calls)
  local requests; requests=$(awk '/requests in/ {print $1}' <<<"$out")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' || true)
  printf 'limiter %-3s  req/s %-9s p50 %-9s p99 %-9s  EVALSHA per request %s  %s\n' "$mode" "$rps" "$p50" "$p99" \
    "$(awk -v a="$after" -v b="$before" -v n="$requests" 'BEGIN { printf "%.3f", (a - b) / n }')" "$errors"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "logs in $work"
echo "POST /comments, wrk $threads threads, $connections connections, ${seconds}s per measurement after 10s warm-up"
for r in $(seq 1 "$rounds"); do
  measure off
  measure on
done
