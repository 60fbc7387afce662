#!/usr/bin/env bash
# Trains the model that ships in the jar, reproducibly: the training part (four rows in five, by a
# fixed hash of source and id) of every labelled file in DATA_DIR, fixed settings and seed. The same
# data gives the same bytes; the script prints the SHA-256 and the figures on the held-out part.
#   bench/train-model.sh [DATA_DIR] [OUT]   (defaults: ../shared/eval, src/main/resources/moderation/offensive-model.bin)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=${1:-$root/../shared/eval}
out=${2:-$root/src/main/resources/moderation/offensive-model.bin}
mkdir -p "$(dirname "$out")"
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "target/classes:target/test-classes:$cp" com.hiwar.moderation.model.TrainModel "$data" "$out"
# The build's copy too, so the evaluation and the benchmark run right after use the new model.
if [ -z "${2:-}" ]; then ./mvnw -q process-resources; fi
