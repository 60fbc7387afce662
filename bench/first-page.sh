#!/usr/bin/env bash
# The first page of a hot article, on the packaged jar, with wrk on the same 2 cores, and in the
# same run the reference: nginx serving the very same bytes. Seeds a scratch database through SQL
# (bench/seed.sh: the hot article with HOT comments, default 50,000, plus 10,000 small articles).
# Usage: bench/first-page.sh [SECONDS] [CONNECTIONS]   (default 30 s, 32 connections)
# Prints req/s, p50 and p99 for: anonymous first page, signed-in first page, nginx, the second
# page by cursor (newest and top), and the anonymous first page again with the page cache off; each as a ratio to nginx; and the service's RSS.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
seconds=${1:-30}
connections=${2:-32}
db=hiwar_bench_pages
port=8095
nginx_port=8099
bench_setup
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { apt-get install -y -qq nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }; }

psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db"
start_jar "$port" "$db" "$work/jar.log" HIWAR_RATELIMIT_ENABLED=false
HOT=${HOT:-50000} QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" "$root/bench/seed.sh"
url="http://localhost:$port/api/v1/articles/bench-hot/comments"
token=$(mint_tokens 1 bench-reader '[]')

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

measure() { # name, then wrk arguments; prints "name req/s p50 p99"
  local name=$1; shift
  wrk -t2 -c"$connections" -d5s "$@" >/dev/null   # warm-up: JIT, caches
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")
  local errors; errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  printf '%s %s %s %s %s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$errors"
}

echo "wrk -t2 -c$connections, ${seconds}s after a 5 s warm-up; page: $(wc -c < "$work/nginx/html/page.json") bytes, bench-hot has ${HOT:-50000} comments"
# Later pages are not kept: they measure the keyset queries themselves.
next_cursor() { curl -fs "$1" | grep -o '"nextCursor":"[^"]*"' | cut -d'"' -f4; }
next_url="$url?cursor=$(next_cursor "$url")"
top_next_url="$url?sort=top&cursor=$(next_cursor "$url?sort=top")"
results=$(
  measure anonymous "$url"
  measure signed-in -H "Authorization: Bearer $token" "$url"
  measure nginx "http://127.0.0.1:$nginx_port/page.json"
  measure next-page "$next_url"
  measure top,next-page "$top_next_url"
)
rss=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$jar_pid/status")
# The same service with the page cache off: every read renders, as before issue 14.
kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true
start_jar "$port" "$db" "$work/jar-off.log" HIWAR_RATELIMIT_ENABLED=false HIWAR_COMMENTS_PAGE_CACHE_TTL=0s
results+=$'\n'$(measure anonymous,page-cache-off "$url")
nginx_rps=$(awk '$1 == "nginx" {print $2}' <<<"$results")
awk -v ref="$nginx_rps" '{ printf "%-28s req/s %10s  p50 %-9s p99 %-9s %.4f x nginx %s\n", $1, $2, $3, $4, $2 / ref, $5 }' <<<"$results"
echo "service RSS after the runs: $rss"
