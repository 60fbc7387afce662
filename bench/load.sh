#!/usr/bin/env bash
# Load run against a running Hiwar (the packaged jar): first-page GETs, measured with wrk
# after a warm-up. Usage: bench/load.sh BASE_URL [SECONDS]   (default 20 s per scenario)
# Needs the data of bench/seed.sh. Prints req/s, p50 and p99 per scenario and the
# service's resident memory (RSS), read from /proc for the process listening on the port.
set -euo pipefail
base=${1:?usage: bench/load.sh BASE_URL [SECONDS]}
seconds=${2:-20}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v wrk >/dev/null; then
  echo "installing wrk from apt" >&2
  apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

port=$(echo "$base" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#'); port=${port:-80}
pid=$(ss -ltnpH "sport = :$port" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -n 1)
rss() { [ -n "$pid" ] && awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status" || echo "unknown"; }

run() { # name, path or lua script
  local name=$1 target=$2 args=()
  if [[ $target == *.lua ]]; then args=(-s "$target"); target=""; fi
  wrk -t"$threads" -c"$connections" -d5s "${args[@]}" "$base$target" >/dev/null   # warm-up
  local out; out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "${args[@]}" "$base$target")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local errors; errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  printf '%-34s req/s %-10s p50 %-9s p99 %-9s RSS %s %s\n' "$name" "$rps" "$p50" "$p99" "$(rss)" "$errors"
}

echo "wrk: $threads threads, $connections connections, ${seconds}s after 5s warm-up, against $base"
run "first page, 10k-comment article" "/api/v1/articles/bench-hot/comments"
run "first page, random small article" "$here/random-article.lua"
