#!/usr/bin/env bash
# The moderation queue under 100,000 pending comments: p99 of the first queue page and of a
# claim, each at about 50 requests/s (wrk, 5 connections, each waiting 100 ms between
# requests), on the packaged jar. Usage: bench/moderation-queue.sh [SECONDS]  (default 20)
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
echo "seeding 100,000 pending comments"
psql -q -U postgres -h localhost -d "$db" <<'SQL'
insert into articles (id, title, url) select 'bench-' || g, 'مقال رقم ' || g, 'https://news.example/' || g from generate_series(1, 1000) g;
insert into users (subject, display_name) select 'bench-author-' || g, 'كاتب ' || g from generate_series(1, 10000) g;
insert into comments (article_id, author_id, depth, status, body, dir, created_at, search_text)
select 'bench-' || (1 + g % 1000), (select min(id) from users) + g % 10000, 0, 'pending',
       'تعليق ينتظر المراجعة رقم ' || g, 'rtl', now() - make_interval(secs => 100000 - g), 'تعليق ينتظر المراجعه رقم ' || g
from generate_series(1, 100000) g;
vacuum analyze;
checkpoint;
SQL
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
lua_for POST "/api/v1/moderation/queues/pending/claim?limit=20" > "$work/claim.lua"
run() { # name script
  wrk -t1 -c5 -d"${WARMUP:-30}s" -s "$2" "http://localhost:$port" >/dev/null   # warm-up
  local out; out=$(wrk -t1 -c5 -d"${seconds}s" --latency -s "$2" "http://localhost:$port")
  printf '%-30s req/s %-8s p50 %-9s p99 %-9s %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' || true)"
}
echo "100,000 pending; wrk 1 thread, 5 connections, 100 ms between requests per connection, ${seconds}s after ${WARMUP:-30}s warm-up"
run "first page of pending" "$work/page.lua"
run "claim 20 pending" "$work/claim.lua"
psql -tA -U postgres -h localhost -d "$db" -c "select 'claimed during the run: ' || count(*) from comments where claimed_by is not null"
