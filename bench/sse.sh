#!/usr/bin/env bash
# Live updates: CLIENTS streams on one article of the packaged jar, POSTS comments posted one
# every 200 ms; prints post-to-delivery percentiles over every (comment, client) pair, and the
# server's heap and RSS per connection (after a full GC). Client and server share the 2 cores.
# Usage: bench/sse.sh [CLIENTS] [POSTS]   (default 1000 clients, 50 posts)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
clients=${1:-1000}
posts=${2:-50}
db=hiwar_bench_sse
port=8094
bench_setup
cd "$root"
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db"
start_jar "$port" "$db" "$work/jar.log" HIWAR_RATELIMIT_ENABLED=false HIWAR_MODERATION_NEW_COMMENTER_PENDING=0 \
  HIWAR_LIVE_CHANNEL=hiwar:live:bench
java -cp "target/classes:target/test-classes:$cp" com.hiwar.live.SseLoad "http://localhost:$port" "$clients" "$posts" "$jar_pid"
