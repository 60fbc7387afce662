#!/usr/bin/env bash
# Three packaged instances behind HAProxy, PostgreSQL with a synchronous standby, Redis with
# Sentinel, all real processes; a mixed load with live streams; faults in order (rolling restart,
# kill -9, Redis failover, PostgreSQL failover, Redis stall). Prints one row per phase and the
# audit of acknowledged writes and counts (com.hiwar.ops.Soak).
#   bench/soak.sh [PHASE_SECONDS=80] [STALL_SECONDS=30] [STREAMS=500] [WRITERS=8] [READERS=4] [POSTS_PER_SECOND=100]
# Defaults run about 10 minutes. The writers are paced: unpaced (0) on 2 cores they saturate the
# machine, and a restarted instance then needs over 90 s to become ready (bench/README.md).
# Needs root (PostgreSQL runs as the postgres user) and installs haproxy with apt if it is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q package -DskipTests
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
ulimit -n 65536 2>/dev/null || true
java -Xss256k -cp "target/classes:target/test-classes:$cp" com.hiwar.ops.Soak "${1:-80}" "${2:-30}" "${3:-500}" "${4:-8}" "${5:-4}" "${6:-100}"
