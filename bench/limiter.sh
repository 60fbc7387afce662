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
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${KEEP_LOGS:-}" ] || rm -rf "$work"' EXIT

command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
jar="$root/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }

# Reader tokens signed with the test key, as the publisher's login would issue them.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"rsa-2048"}' | b64url)
for i in $(seq 1 300); do
  payload=$(printf '{"iss":"https://publisher.test","aud":"hiwar","sub":"bench-reader-%d","name":"قارئ %d","iat":%d,"exp":%d}' \
    "$i" "$i" "$now" $((now + 7200)) | b64url)
  sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$root/src/test/resources/keys/rsa-private.pem" -binary | b64url)
  echo "$header.$payload.$sig"
done > "$work/tokens"
export HIWAR_TOKENS="$work/tokens"

psql -q -U postgres -h localhost -c "drop database if exists hiwar_bench_post with (force)" -c "create database hiwar_bench_post" >/dev/null

evalsha_calls() { redis-cli -n 3 info commandstats | sed -nE 's/^cmdstat_evalsha:calls=([0-9]+),.*/\1/p' | tr -d '\r' | grep . || echo 0; }

measure() { # mode: off|on
  local mode=$1 enabled=false
  [ -n "${ONLY:-}" ] && [ "$ONLY" != "$mode" ] && return 0
  [ "$mode" = on ] && enabled=true
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/hiwar_bench_post \
  QUARKUS_REDIS_HOSTS=redis://localhost:6379/3 \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root/src/test/resources/keys/jwks.json" \
  MP_JWT_VERIFY_ISSUER=https://publisher.test MP_JWT_VERIFY_AUDIENCES=hiwar \
  QUARKUS_HTTP_PORT=$port QUARKUS_LOG_LEVEL=WARN \
  HIWAR_RATELIMIT_ENABLED=$enabled \
  HIWAR_RATELIMIT_COMMENT_CREATE="user:100000000/1s, article:100000000/1s, ip:100000000/1s" \
    java -jar "$jar" > "$work/jar-$mode.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -fs "http://localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
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
