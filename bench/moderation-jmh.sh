#!/usr/bin/env bash
# JMH: the whole moderation pipeline (word lists and model) on 1 KB Arabic comments with 10,000-term
# word lists, one thread; the pipeline without the model; and the same-run reference, SHA-256 of the
# same comments. Prints each figure and its ratio to the reference.
# Usage: bench/moderation-jmh.sh [JMH options]   (default: -f 1 -t 1 -wi 3 -w 5s -i 5 -r 5s)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
if [ $# -eq 0 ]; then set -- -f 1 -t 1 -wi 3 -w 5s -i 5 -r 5s; fi
csv=$(mktemp)
java -cp "target/classes:target/test-classes:$cp" org.openjdk.jmh.Main PipelineBenchmark -rf csv -rff "$csv" "$@"
awk -F, 'NR > 1 { gsub(/"/, ""); n = split($1, p, "."); name[NR] = p[n]; score[NR] = $5; if (p[n] == "referenceSha256") ref = $5 }
  END { for (i in name) printf "%-22s %10.0f ops/s   %.4f x reference\n", name[i], score[i], score[i] / ref }' "$csv" | sort
rm -f "$csv"
