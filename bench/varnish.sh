#!/usr/bin/env bash
# A burst through Varnish (deploy/varnish/hiwar.vcl, Debian's varnish and varnish-modules), on the
# packaged jar, with wrk on the same 2 cores: 128 connections on bench-hot's anonymous first page
# (bench/seed.sh, TOTAL comments, default 1,000,000). Prints, for the burst, req/s and p99 through
# Varnish, its hit ratio, and the origin's load (requests that reached Hiwar, per second); then how
# long a new comment takes to appear through Varnish during a burst, with Hiwar's purge and without
# it (max-age and stale-while-revalidate alone). Usage: bench/varnish.sh [SECONDS]  (default 20)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-20}
db=hiwar_bench_varnish
port=8087
vport=8089
bench_setup
command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || { apt-get install -y -qq varnish varnish-modules >/dev/null || { apt-get update -qq && apt-get install -y -qq varnish varnish-modules >/dev/null; }; }
export PATH=$PATH:/usr/sbin

psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db" 2>/dev/null
start_jar "$port" "$db" "$work/jar.log" HIWAR_RATELIMIT_ENABLED=false HIWAR_COMMENTS_SHARED_CACHE_PURGE_URLS="http://127.0.0.1:$vport/"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" "$root/bench/seed.sh" "${TOTAL:-1000000}" | tail -1
sed "s/\.port = \"8080\"/.port = \"$port\"/" "$root/deploy/varnish/hiwar.vcl" > "$work/hiwar.vcl"
chmod a+rx "$work" && chmod a+r "$work/hiwar.vcl"   # varnishd's workers run as another user
varnishd -F -n "$work/varnish" -a "127.0.0.1:$vport" -f "$work/hiwar.vcl" -s malloc,64m > "$work/varnishd.log" 2>&1 &
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$vport/api/v1/articles/bench-hot/comments" && break; sleep 0.1; done
stat() { varnishstat -n "$work/varnish" -1 -f "$1" | awk '{print $2}'; }
url="http://127.0.0.1:$vport/api/v1/articles/bench-hot/comments"
token=$(mint_tokens 1 bench-user '[]')

burst() { # seconds -> "req/s p99 hit-ratio origin-req/s"
  local h0 m0 g0 b0 out
  h0=$(stat MAIN.cache_hit); m0=$(stat MAIN.cache_miss); b0=$(stat MAIN.backend_req)
  out=$(wrk -t2 -c128 -d"$1s" --latency "$url")
  local h=$(( $(stat MAIN.cache_hit) - h0 )) m=$(( $(stat MAIN.cache_miss) - m0 )) b=$(( $(stat MAIN.backend_req) - b0 ))
  awk -v h="$h" -v m="$m" -v b="$b" -v s="$1" -v rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
      -v p99="$(awk '$1 == "99%" {print $2}' <<<"$out")" \
      'BEGIN { printf "%s %s %.4f %.1f %d\n", rps, p99, h / (h + m), b / s, b }'
}
appears() { # -> seconds from a comment's 201 to its first sight through Varnish, during a burst
  wrk -t2 -c128 -d8s "$url" >/dev/null &
  local wrk_pid=$! times=() i id t0
  sleep 2
  for i in 1 2 3 4 5; do
    id=$(curl -fs -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
      -d "{\"body\":\"تعليق جديد للقياس رقم $RANDOM\"}" "http://localhost:$port/api/v1/articles/bench-hot/comments" | grep -o '"id":[0-9]*' | head -1)
    t0=$(date +%s%N)
    until curl -fs "$url" | grep -q "$id,"; do sleep 0.01; done
    times+=("$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.3f", ns / 1e9 }')")
    sleep 0.5
  done
  wait "$wrk_pid" || true
  echo "${times[*]}"
}

wrk -t2 -c128 -d5s "$url" >/dev/null   # warm-up
read -r rps p99 ratio origin backend <<<"$(burst "$seconds")"
direct=$(wrk -t2 -c128 -d"${seconds}s" "http://localhost:$port/api/v1/articles/bench-hot/comments" \
  | awk '/Requests\/sec/ {r = $2} /Non-2xx|Socket errors/ {e = e " " $0} END {print r e}')
with_purge=$(appears)
kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true
start_jar "$port" "$db" "$work/jar2.log" HIWAR_RATELIMIT_ENABLED=false
without_purge=$(appears)

echo "burst: wrk -t2 -c128 ${seconds}s on bench-hot's anonymous first page"
printf 'through Varnish         req/s %10s  p99 %-9s hit ratio %s\n' "$rps" "$p99" "$ratio"
printf 'origin during the burst req/s %10s  (%s requests reached Hiwar)\n' "$origin" "$backend"
printf 'Hiwar alone, same load  req/s %10s\n' "$direct"
echo "a new comment visible through Varnish after (s), 5 tries during a burst:"
echo "  with Hiwar's purge:   $with_purge"
echo "  without (max-age 2 s + stale-while-revalidate 10 s): $without_purge"
