#!/usr/bin/env bash
# A breaking-news burst on one article, replayed twice against the packaged service (real
# PostgreSQL and Redis): with the surge autopilot on, then off. Prints when each step engaged and
# released (from the audit log) and how many abusive comments were published (com.hiwar.ops.SurgeReplay).
#   bench/surge.sh [SECONDS=90] [PER_SECOND=50] [ABUSIVE_SHARE=0.2] [CALM_SECONDS=30] [ABUSIVE_FILE]
# ABUSIVE_FILE: labelled TSV (id source label text; label 1 = offensive) or one text per line.
# Default: /work/shared/eval/osact2020.tsv when present, else the test fixture's insults.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
abusive=${5:-}
if [ -z "$abusive" ]; then
  if [ -f ../shared/eval/osact2020.tsv ]; then abusive=../shared/eval/osact2020.tsv; else abusive=src/test/resources/model-fixture/fixture.tsv; fi
fi
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "target/classes:target/test-classes:$cp" com.hiwar.ops.SurgeReplay "${1:-90}" "${2:-50}" "${3:-0.2}" "${4:-30}" "$abusive"
