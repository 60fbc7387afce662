#!/usr/bin/env bash
# Moderation evaluation, offline (no service, no database): the pipeline with the shipped
# word lists and default settings. Prints one "name: value" figure per line.
#   bench/moderation-eval.sh FILE.tsv      a labelled file (header id source label text; 1 = offensive)
#   bench/moderation-eval.sh --evasion     every banned term under every evasion type
#   bench/moderation-eval.sh --benign FILE ordinary sentences, one per line (bench/benign-news.txt)
#   bench/moderation-eval.sh --thresholds FILE.tsv...  the model's recommended reject-at and hold-at
#                                          from the files' held-out rows, and what each costs
#   bench/moderation-eval.sh --heap        the model's heap (bytes per loaded model)
#   bench/moderation-eval.sh               all of them: ../shared/eval/*.tsv, --evasion, --benign
# Misses and false alarms go to stderr.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
# Settings can be tried without a rebuild: EVAL_OPTS="-Dhiwar.moderation.model.hold-at=0.43" bench/moderation-eval.sh
run() { java ${EVAL_OPTS:-} -cp "target/classes:target/test-classes:$cp" com.hiwar.moderation.ModerationEval "$@"; }
if [ $# -gt 0 ]; then
  run "$@"
else
  for f in "$root"/../shared/eval/*.tsv; do run "$f"; done
  run --thresholds "$root"/../shared/eval/*.tsv
  run --heap
  run --evasion
  run --benign "$root/bench/benign-news.txt"
fi
