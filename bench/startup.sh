#!/usr/bin/env bash
# Launch to ready of the packaged jar (deploy/run.sh, deploy/jvm.options), with this build's
# class-data archive and without it (HIWAR_CDS=off), alternating, on a migrated database; and in
# the same run the reference: the same JVM's own launch with the same flags (java -version), so a
# slower machine shows as a slower reference. The first start of a new build also makes the
# archive (bench/lib.sh's start_jar): its time is printed too.
# BASELINE=DIR adds, alternating, another build to compare against: DIR holds its quarkus-app and
# its jvm.options (e.g. cp -r target/quarkus-app deploy/jvm.options /tmp/before, from an older
# commit); its first start there makes its own archive.
# Usage: bench/startup.sh [ROUNDS]   (default 5)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/lib.sh"
rounds=${1:-5}
db=hiwar_bench_startup
port=8093
bench_setup
psql -q -U postgres -h localhost -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
start_jar "$port" "$db" "$work/jar.log"   # migrates the empty database (and makes the archive on a new build)
echo "first start on an empty database (migrations): $ready_seconds s${cds_training_ready_seconds:+; the first start of this build, which made the class-data archive: $cds_training_ready_seconds s}"
kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
with=() without=() jvm=() baseline=()
run_baseline() {
  HIWAR_APP_DIR="$BASELINE/quarkus-app" JAVA_OPTS="$(cat "$BASELINE/jvm.options")" launch_jar "$port" "$db" "$work/jar.log"
  kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true
}
[ -z "${BASELINE:-}" ] || run_baseline   # its archive
for i in $(seq 1 "$rounds"); do
  if [ -n "${BASELINE:-}" ]; then run_baseline; baseline+=("$ready_seconds"); fi
  start_jar "$port" "$db" "$work/jar.log"; with+=("$ready_seconds")
  kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true
  HIWAR_CDS=off start_jar "$port" "$db" "$work/jar.log"; without+=("$ready_seconds")
  kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true
  t=$(date +%s%N); java $(cat "$root/deploy/jvm.options") -version 2>/dev/null
  jvm+=("$(awk -v ns=$(( $(date +%s%N) - t )) 'BEGIN { printf "%.3f", ns / 1e9 }')")
done
m_with=$(echo "${with[*]}" | median); m_without=$(echo "${without[*]}" | median); m_jvm=$(echo "${jvm[*]}" | median)
echo "launch to ready with the class-data archive: ${with[*]} s (median $m_with s)"
echo "launch to ready without it (HIWAR_CDS=off): ${without[*]} s (median $m_without s)"
echo "reference, the JVM's own launch (java -version, same flags): ${jvm[*]} s (median $m_jvm s)"
if [ -n "${BASELINE:-}" ]; then
  m_base=$(echo "${baseline[*]}" | median)
  echo "baseline $BASELINE, with its archive: ${baseline[*]} s (median $m_base s); this build / baseline: $(awk -v a="$m_with" -v b="$m_base" 'BEGIN { printf "%.2f", a / b }')"
fi
awk -v a="$m_with" -v b="$m_without" -v r="$m_jvm" 'BEGIN { printf "with / without: %.2f; with / JVM launch: %.1f, without / JVM launch: %.1f\n", a / b, a / r, b / r }'
