#!/usr/bin/env bash
# The README's two commands on a machine where nothing answers on 5432 (PostgreSQL) or 6379
# (Redis). The script re-runs itself in network and mount namespaces of its own (root and
# util-linux's unshare), where this machine's servers are out of reach and its redis-server
# binary is hidden (so tests that run their own Redis use the embedded binary), and there:
#   1. ./mvnw quarkus:dev with no dev data yet: the time to the demo page, then a comment posted
#      as the demo reader and approved by the demo moderator;
#   2. ./mvnw quarkus:dev again (the dev data kept): the time to the demo page, and the approved
#      comment still there;
#   3. ./mvnw verify (skip it with --no-verify).
# Before isolating, where this machine runs its own PostgreSQL and Redis, it times the same dev
# mode start against them, as the reference the two times above are compared with.
# Maven runs offline in the namespace, so its artifacts are fetched first (quarkus:go-offline).
# Usage: sudo deploy/fresh-machine-check.sh [--no-verify]
set -euo pipefail
cd "$(dirname "$0")/.."

base=http://localhost:8080
dev_pid=
stop_dev() {
  if [ -n "$dev_pid" ]; then
    kill -TERM -- "-$dev_pid" 2>/dev/null || true
    wait "$dev_pid" 2>/dev/null || true
    dev_pid=
    # The next start must not find this one still serving.
    for _ in $(seq 1 60); do curl -sf -o /dev/null "$base/" || break; sleep 0.5; done
  fi
}
trap stop_dev EXIT

# Starts dev mode; sets $elapsed to the seconds until the demo page answers.
elapsed=
start_dev() {
  local log=$1 start
  start=$(date +%s.%N)
  setsid ./mvnw -o -B quarkus:dev -Dquarkus.console.enabled=false >"$log" 2>&1 &
  dev_pid=$!
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "$base/"; then
      elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
      return 0
    fi
    kill -0 "$dev_pid" 2>/dev/null || { echo "dev mode exited; see $log" >&2; tail -40 "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "dev mode did not serve $base/ within 5 minutes; see $log" >&2; exit 1
}

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

if [ "${HIWAR_ISOLATED:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "Needs root for a network namespace: sudo $0" >&2; exit 2; }
  echo "== Fetching what Maven needs (online, before isolating)"
  ./mvnw -q -B quarkus:go-offline dependency:go-offline >/dev/null
  # The reference, in the same run: the same start with this machine's own PostgreSQL and Redis.
  if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
    start_dev target/fresh-dev-reference.log
    echo "== Reference: dev mode with this machine's own PostgreSQL and Redis, demo page after ${elapsed} s"
    stop_dev
    export HIWAR_REFERENCE_SECONDS=$elapsed
  fi
  trap - EXIT
  exec unshare --net --mount env HIWAR_ISOLATED=1 bash "$0" "$@"
fi

ip link set lo up
mount --make-rprivate /
if own=$(command -v redis-server); then mount --bind /dev/null "$own"; fi
if [ -n "${own:-}" ] && [ -x "$own" ]; then echo "$own is still executable" >&2; exit 1; fi
for port in 5432 6379; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port answers inside the namespace: not a fresh machine" >&2; exit 1
  fi
done
echo "== In a network namespace: nothing answers on 5432 or 6379, and there is no redis-server"


rm -rf target/hiwar-dev
start_dev target/fresh-dev-1.log
first=$elapsed
grep -m1 "Local services:" target/fresh-dev-1.log
echo "== Dev mode, first run: demo page after ${first} s"
curl -sf "$base/" | grep -q 'data-article-id="demo-library-cairo"'
reader=$(curl -sf -X POST "$base/dev/sign-in?as=reader" | json "['token']")
moderator=$(curl -sf -X POST "$base/dev/sign-in?as=moderator" | json "['token']")
text="تعليق من آلة جديدة $(date +%s)"
posted=$(curl -sf -X POST "$base/api/v1/articles/demo-library-cairo/comments" \
  -H "Authorization: Bearer $reader" -H 'Content-Type: application/json' \
  -d "{\"body\": \"$text\"}")
id=$(echo "$posted" | json "['id']")
version=$(echo "$posted" | json "['version']")
status=$(echo "$posted" | json "['status']")
echo "   posted comment $id as the demo reader: $status (a new commenter's first comment waits for review)"
[ "$status" = pending ] || { echo "expected the first comment to wait for review" >&2; exit 1; }
decided=$(curl -sf -X POST "$base/api/v1/moderation/comments/$id/decision" \
  -H "Authorization: Bearer $moderator" -H 'Content-Type: application/json' \
  -d "{\"action\": \"approve\", \"version\": $version}")
echo "   the demo moderator approved it: $(echo "$decided" | json "['status']")"
curl -sf "$base/api/v1/comments/$id" | json "['status']" | grep -qx published
stop_dev

start_dev target/fresh-dev-2.log
second=$elapsed
echo "== Dev mode, second run (dev data kept): demo page after ${second} s"
curl -sf "$base/api/v1/comments/$id" | json "['body']" | grep -qx "$text"
echo "   comment $id is still there, published"
stop_dev

if [ "${1:-}" != --no-verify ]; then
  echo "== ./mvnw verify"
  start=$(date +%s)
  ./mvnw -o -B verify >target/fresh-verify.log 2>&1 || { tail -60 target/fresh-verify.log >&2; exit 1; }
  grep -E "Tests run: [0-9]+, Failures" target/fresh-verify.log | tail -2
  grep -m2 "Local services:" target/fresh-verify.log
  echo "   green in $(( $(date +%s) - start )) s"
fi
ratio() { awk -v a="$1" -v b="${HIWAR_REFERENCE_SECONDS:-}" 'BEGIN { if (b > 0) printf " (%.2fx the reference %s s)", a / b, b }'; }
echo "== Fresh-machine check passed: first page ${first} s$(ratio "$first"), then ${second} s$(ratio "$second")"
