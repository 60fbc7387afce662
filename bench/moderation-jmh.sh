#!/usr/bin/env bash
# JMH: the whole moderation pipeline on 1 KB Arabic comments with 10,000-term word lists,
# one thread. Usage: bench/moderation-jmh.sh [JMH options]   (default: -f 1 -t 1 -wi 3 -w 5s -i 5 -r 5s)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
if [ $# -eq 0 ]; then set -- -f 1 -t 1 -wi 3 -w 5s -i 5 -r 5s; fi
java -cp "target/classes:target/test-classes:$cp" org.openjdk.jmh.Main PipelineBenchmark "$@"
