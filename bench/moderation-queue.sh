#!/usr/bin/env bash
# The moderation queue on the 1M-comment database (bench/seed.sh: 100,000 pending): p99 of the
# first queue page and of a claim, each at about 50 requests/s (wrk, 5 connections, each waiting
# 100 ms between requests), on the packaged jar. Usage: bench/moderation-queue.sh [SECONDS]  (default 20)
# Needs: ./mvnw package -DskipTests; PostgreSQL and Redis on localhost; openssl; wrk (installed if missing).
set -euo pipefail
seconds=${1:-20}
port=${PORT:-8083}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/lib.sh"
bench_setup

db=hiwar_bench_queue
psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
start_jar "$port" "$db" "$work/jar.log" QUARKUS_REDIS_HOSTS=redis://localhost:6379/4
# bench/seed.sh's database: 1,000,000 comments by default (TOTAL), 100,000 of them pending.
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" "$root/bench/seed.sh" "${TOTAL:-1000000}" | tail -1
mint_tokens 100 bench-moderator '["moderator"]' > "$work/tokens"
export HIWAR_TOKENS="$work/tokens"
# A wrk script: METHOD PATH as a random moderator, each connection pausing 100 ms between requests.
lua_for() {
  cat <<LUA
local tokens = {}
init = function() for l in io.lines(os.getenv("HIWAR_TOKENS")) do tokens[#tokens + 1] = l end end
request = function()
  return wrk.format("$1", "$2", {["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]})
end
delay = function() return 100 end
LUA
}
lua_for GET "/api/v1/moderation/queues/pending?limit=20" > "$work/page.lua"
grep -v '^delay' "$work/page.lua" > "$work/page-unpaced.lua"
lua_for POST "/api/v1/moderation/queues/pending/claim?limit=20" > "$work/claim.lua"
run() { # name script
  wrk -t1 -c5 -d"${WARMUP:-30}s" -s "$2" "http://localhost:$port" >/dev/null   # warm-up
  local out; out=$(wrk -t1 -c5 -d"${seconds}s" --latency -s "$2" "http://localhost:$port")
  printf '%-30s req/s %-8s p50 %-9s p99 %-9s %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' || true)"
}
echo "$(psql -tA -U postgres -h localhost -d "$db" -c "select count(*) from comments") comments, $(psql -tA -U postgres -h localhost -d "$db" -c "select count(*) from comments where status = 'pending'") pending; wrk 1 thread, 5 connections, 100 ms between requests per connection, ${seconds}s after ${WARMUP:-30}s warm-up"
# At 50 paced requests a second the JIT may never compile the queue's paths: warm up unpaced on
# the page (a read: claims would drain the queue) until the JIT is quiet, then paced as before.
connections=5 warm_up "queue page, unpaced" -s "$work/page-unpaced.lua" "http://localhost:$port"
run "first page of pending" "$work/page.lua"
run "claim 20 pending" "$work/claim.lua"
psql -tA -U postgres -h localhost -d "$db" -c "select 'claimed during the run: ' || count(*) from comments where claimed_by is not null"
