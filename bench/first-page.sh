#!/usr/bin/env bash
# Reads at news scale, on the packaged jar, with wrk on the same 2 cores, and in the same run the
# reference: nginx serving the very same bytes as the first page. Seeds a scratch database through
# SQL first (bench/seed.sh: TOTAL comments, default 1,000,000; bench-hot has 50,000).
# Usage: bench/first-page.sh [SECONDS] [CONNECTIONS]   (default 30 s, 32 connections)
# Prints req/s, p50 and p99, each also as a ratio to nginx, for:
#   anonymous / signed-in first page of bench-hot (the reader has likes among its comments);
#   the second page by cursor, newest and top (kept, as on a breaking story everyone asks for it);
#   next pages at 500 random cursors deep in bench-hot, newest and top (rendered: the keyset queries);
#   first pages of random small articles; counts for 10 articles;
#   the anonymous first page with the page cache off;
# and the service's RSS after the runs, with its peak (VmHWM). JVM flags: deploy/jvm.options unless JAVA_OPTS is set.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-30}
connections=${2:-32}
total=${TOTAL:-1000000}
db=hiwar_bench_pages
port=8095
nginx_port=8099
bench_setup
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { apt-get install -y -qq nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }; }

psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db" 2>/dev/null
start_jar "$port" "$db" "$work/jar.log" HIWAR_RATELIMIT_ENABLED=false
first_ready=$ready_seconds   # includes migrating the empty database
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" "$root/bench/seed.sh" "$total" | tail -1
base="http://localhost:$port"
url="$base/api/v1/articles/bench-hot/comments"
token=$(mint_tokens 1 bench-user '[]')   # bench-user-1 is a seeded reader with likes

# nginx: the same bytes, as a static file, with keep-alive like the service.
mkdir -p "$work/nginx/html"
curl -fs "$url" > "$work/nginx/html/page.json"
chmod a+x "$work" && chmod -R a+rX "$work/nginx"   # nginx's workers run as another user
cat > "$work/nginx/nginx.conf" <<EOF
worker_processes 2;
error_log $work/nginx/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { application/json json; }
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/html; }
}
EOF
/usr/sbin/nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" -g 'daemon off;' &

cursor_paths "$db" newest > "$work/newest.paths"
cursor_paths "$db" top > "$work/top.paths"
seq 0 4999 | awk -v n=$((total / 10)) '{print "/api/v1/articles/bench-" ($1 * 19) % n "/comments"}' > "$work/small.paths"

paths() { HIWAR_PATHS="$1" measure "$2" -s "$root/bench/paths.lua" "$base"; }
next_cursor() { curl -fs "$1" | grep -o '"nextCursor":"[^"]*"' | cut -d'"' -f4; }
ids=$(seq -s, -f 'bench-%g' 0 9)
echo "wrk -t2 -c$connections, ${seconds}s after a warm-up until the JIT is quiet; first page $(wc -c < "$work/nginx/html/page.json") bytes; $total comments, bench-hot has $(grep -o '"publishedCount":[0-9]*' "$work/nginx/html/page.json" | cut -d: -f2) published"
results=$(
  measure anonymous "$url"
  measure signed-in -H "Authorization: Bearer $token" "$url"
  measure nginx "http://127.0.0.1:$nginx_port/page.json"
  measure second-page,kept "$url?cursor=$(next_cursor "$url")"
  measure top,second-page,kept "$url?sort=top&cursor=$(next_cursor "$url?sort=top")"
  paths "$work/newest.paths" next-pages,random
  paths "$work/top.paths" top,next-pages,random
  paths "$work/small.paths" small-articles,random
  measure counts,10-articles "$base/api/v1/counts?articles=$ids"
)
rss=$(awk '/VmRSS/ {r = $2} /VmHWM/ {p = $2} END {printf "%.0f MiB (peak %.0f MiB)", r / 1024, p / 1024}' "/proc/$jar_pid/status")
# The same service with the page cache off: every read renders, as before issue 14.
kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true
start_jar "$port" "$db" "$work/jar-off.log" HIWAR_RATELIMIT_ENABLED=false HIWAR_COMMENTS_PAGE_CACHE_TTL=0s
restart_ready=$ready_seconds   # a restart on a migrated 1M-comment database
results+=$'\n'$(measure anonymous,page-cache-off "$url")
nginx_rps=$(awk '$1 == "nginx" {print $2}' <<<"$results")
awk -v ref="$nginx_rps" '{ e = ""; for (i = 5; i <= NF; i++) e = e " " $i;
  printf "%-28s req/s %10s  p50 %-9s p99 %-9s %.4f x nginx%s\n", $1, $2, $3, $4, $2 / ref, e }' <<<"$results"
echo "launch to ready: ${first_ready} s on an empty database (migrations), ${restart_ready} s on the seeded one${cds_training_ready_seconds:+ (the first start of this build, which made the class-data archive: $cds_training_ready_seconds s)}"
echo "service RSS after the runs (cache on): $rss   JVM flags: ${JAVA_OPTS-$(cat "$root/deploy/jvm.options")}"
