#!/usr/bin/env bash
# POST a comment on the packaged jar, everything on: JWT verification, the Redis limiter (limits
# too high to refuse, so every request pays its round trip), moderation (word lists, rules, the
# model), the durable insert and the live announcement. wrk on the same 2 cores, 300 readers on
# 100 articles (bench/post-comment.lua; HIWAR_ARTICLES=1 puts every comment on one). In the same run the reference: pgbench's single-row
# insert rate into a table with a bigserial key, a text and a timestamp, same connections.
# The surge autopilot records every comment but its thresholds are off here: 300 new readers
# writing 3 comments a second on each of 100 articles, every comment held (its number reads as a
# phone number), is a surge on every one of them by the defaults, and this measures the everyday
# path (bench/surge.sh measures the autopilot).
# Usage: bench/post.sh [SECONDS] [CONNECTIONS]   (default 20 s, 32 connections)
# PROFILE=1 also records JFR during the measured run and prints the hottest frames and the
# hottest Hiwar frames.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-20}
connections=${2:-32}
db=hiwar_bench_post
port=8097
bench_setup
mint_tokens 300 bench-reader '[]' > "$work/tokens"
export HIWAR_TOKENS="$work/tokens"

psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
redis-cli -n 3 flushdb >/dev/null   # a fresh Redis too: no rates or surge steps left from an earlier run
jfr=()
[ -n "${PROFILE:-}" ] && jfr=(-XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename="$work/post.jfr",settings=profile)
JAVA_OPTS="${JAVA_OPTS-$(cat "$root/deploy/jvm.options")} ${jfr[*]}" start_jar "$port" "$db" "$work/jar.log" QUARKUS_REDIS_HOSTS=redis://localhost:6379/3 \
  HIWAR_MODERATION_NEW_COMMENTER_PENDING=0 \
  HIWAR_MODERATION_SURGE_SLOW_COMMENTS_PER_MINUTE=0 HIWAR_MODERATION_SURGE_SLOW_NEW_COMMENTERS_PER_MINUTE=0 \
  HIWAR_MODERATION_SURGE_SLOW_HELD_SHARE=0 HIWAR_MODERATION_SURGE_SLOW_REPORTS_PER_MINUTE=0 \
  HIWAR_MODERATION_SURGE_HELD_COMMENTS_PER_MINUTE=0 HIWAR_MODERATION_SURGE_HELD_NEW_COMMENTERS_PER_MINUTE=0 \
  HIWAR_MODERATION_SURGE_HELD_HELD_SHARE=0 HIWAR_MODERATION_SURGE_HELD_REPORTS_PER_MINUTE=0 \
  HIWAR_RATELIMIT_ACTIONS_COMMENT_CREATE="user:100000000/1s, article:100000000/1s, ip:100000000/1s"

warm_up POST -s "$root/bench/post-comment.lua" "http://localhost:$port"
# Where the limiter decided during the run: a call that times out falls back to the
# per-instance limiter, which is cheaper, so a figure with many local decisions flatters.
limiter_counts() {
  curl -fs "http://localhost:$((port + 1))/q/metrics" | awk '
    /^hiwar_ratelimit_decisions_total\{action="comment-create"/ { split($1, a, "store=\""); split(a[2], b, "\""); n[b[1]] += $2 }
    /^hiwar_ratelimit_redis_outages_total/ { o = $2 }
    END { printf "%d %d %d\n", n["redis"], n["local"], o }'
}
# Where the machine's CPU goes during the run, in clock ticks (100 a second per core): the
# service, PostgreSQL (its backends and its own writers), Redis, and the rest (wrk, the kernel).
ticks() { local sum=0 p; for p in "$@"; do sum=$((sum + $({ awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0; } | tail -1))); done; echo "$sum"; }
cpu_snapshot() { echo "$(ticks "$jar_pid") $(ticks $(pgrep -x postgres)) $(ticks $(pgrep -x redis-server)) $(awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"; }
read -r redis0 local0 outages0 <<<"$(limiter_counts)"
read -r jvm0 pg0 rds0 all0 <<<"$(cpu_snapshot)"
out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/bench/post-comment.lua" "http://localhost:$port")
read -r jvm1 pg1 rds1 all1 <<<"$(cpu_snapshot)"
read -r redis1 local1 outages1 <<<"$(limiter_counts)"
limiter="limiter decisions during the run: redis $((redis1 - redis0)), local $((local1 - local0)); Redis taken for down $((outages1 - outages0)) times"
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' || true)
# The widget sends an Idempotency-Key with every POST, so a retry replays the first answer: a
# look-up of the key before the limiter, and the key's row kept with the comment. Measured too.
export HIWAR_IDEMPOTENCY=1
warm_up "POST with Idempotency-Key" -s "$root/bench/post-comment.lua" "http://localhost:$port"
keyed=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/bench/post-comment.lua" "http://localhost:$port")
unset HIWAR_IDEMPOTENCY
keyed_line=$(printf 'POST /comments with Idempotency-Key  req/s %s  p50 %s  p99 %s  %s' "$(awk '/Requests\/sec/ {print $2}' <<<"$keyed")" \
  "$(awk '$1 == "50%" {print $2}' <<<"$keyed")" "$(awk '$1 == "99%" {print $2}' <<<"$keyed")" "$(grep -E "Non-2xx|Socket errors" <<<"$keyed" | tr -s ' ' || true)")
rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$jar_pid/status")
[ -n "${PROFILE:-}" ] && jcmd "$jar_pid" JFR.dump filename="$work/post.jfr" >/dev/null
kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true

# The reference: single-row inserts through pgbench, same number of client connections.
psql -q -U postgres -h localhost -d "$db" -c "create table bench_insert (id bigserial primary key, body text, created_at timestamptz default now())"
echo "insert into bench_insert (body) values ('تعليق للقياس');" > "$work/insert.sql"
tps=$(pgbench -n -U postgres -h localhost -c "$connections" -j 2 -T "$seconds" -f "$work/insert.sql" "$db" 2>/dev/null \
  | awk '/^tps/ {print $3; exit}')

printf 'POST /comments  req/s %s  p50 %s  p99 %s  RSS %s  %s\n' "$rps" "$p50" "$p99" "$rss" "$errors"
printf 'pgbench single-row insert  tps %s\n' "$tps"
echo "$limiter"
awk -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v r=$((rds1 - rds0)) -v a=$((all1 - all0)) -v rps="$rps" -v s="$seconds" 'BEGIN {
  n = rps * s; printf "CPU during the run, of both cores: service %.0f %%, PostgreSQL %.0f %%, Redis %.0f %%, the rest (wrk, the kernel) %.0f %%; ", 100 * j / a, 100 * p / a, 100 * r / a, 100 * (a - j - p - r) / a
  printf "per POST: service %.2f ms, PostgreSQL %.2f ms of CPU\n", 10 * j / n, 10 * p / n }'
awk -v a="$rps" -v b="$tps" 'BEGIN { printf "POST / pgbench insert: %.4f (one POST costs %.1f inserts)\n", a / b, b / a }'
echo "$keyed_line"
awk -v a="$(awk '{print $6}' <<<"$keyed_line")" -v b="$tps" 'BEGIN { printf "keyed POST / pgbench insert: %.4f (one POST costs %.1f inserts)\n", a / b, b / a }'

if [ -n "${PROFILE:-}" ]; then
  set +o pipefail   # head closes the pipes early
  echo "hottest frames (self, JFR execution samples):"
  echo "samples by thread:"; jfr print --events jdk.ExecutionSample "$work/post.jfr" | grep -oE "sampledThread = \"[^\"]*" | sed -E "s/[0-9]+$/N/" | sort | uniq -c | sort -rn | head -8
  jfr print --events jdk.ExecutionSample "$work/post.jfr" | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
    | sort | uniq -c | sort -rn | head -25
  echo "where the samples are (inclusive: a frame anywhere on the stack), of $(jfr print --events jdk.ExecutionSample "$work/post.jfr" | grep -c 'jdk.ExecutionSample') samples:"
  jfr print --stack-depth 300 --events jdk.ExecutionSample "$work/post.jfr" | perl -ne '
    if (/jdk\.ExecutionSample/) { print "$_\n" for keys %s; %s = () }
    $s{$1} = 1 if /^\s+((?:com\.hiwar|io\.smallrye\.jwt|org\.hibernate\.(?:query|event|engine\.transaction)|org\.postgresql\.core|io\.quarkus\.redis|io\.vertx\.redis|com\.fasterxml\.jackson\.databind)[\w.\$]*)\(/;
    END { print "$_\n" for keys %s }' | sort | uniq -c | sort -rn | head -40
fi
