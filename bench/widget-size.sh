#!/usr/bin/env bash
# Widget weight as browsers download it: embed.js (JS with the CSS inlined) and count.js from
# the packaged jar, raw and as the service compresses them (gzip), plus gzip -9 for reference.
# Usage: bench/widget-size.sh   (target: embed.js at most 30 KB gzipped)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
db=hiwar_bench_widget
port=8096
bench_setup
psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db"
start_jar "$port" "$db" "$work/jar.log"
for file in embed.js count.js; do
  raw=$(curl -fs "http://localhost:$port/$file" | wc -c)
  served=$(curl -fs -H 'Accept-Encoding: gzip' "http://localhost:$port/$file" | wc -c)
  best=$(curl -fs "http://localhost:$port/$file" | gzip -9 | wc -c)
  printf '%-9s raw %6d B   served gzip %6d B (%.1f KB)   gzip -9 %6d B\n' "$file" "$raw" "$served" "$(awk -v b="$served" 'BEGIN {print b / 1024}')" "$best"
done
