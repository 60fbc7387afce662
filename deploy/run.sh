#!/bin/sh
# Runs the packaged service: java with the flags of deploy/jvm.options (HIWAR_JVM_OPTIONS names
# another file), then JAVA_OPTS, then the jar (HIWAR_APP_DIR, default target/quarkus-app).
#
# Class-data sharing: the JVM maps this build's classes from an archive instead of parsing and
# verifying each one at every start (launch to ready 0.7 to 1.9 s shorter on the bench machine, and
# 5 MiB less RSS: bench/README.md). The first run of a build writes the archive when it stops,
# under a name of its own, moved into place whole, so an instance starting meanwhile never maps
# half a file; every later run maps it. The archive's name carries the build and the JVM, since
# the JVM refuses an archive of other jars or of another JVM build (it would start without one).
# HIWAR_CDS_DIR: where archives go (default: the app directory; unwritable means no archive).
# HIWAR_CDS=off: no archive. `deploy/run.sh --archive` prints this build's archive path.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app=${HIWAR_APP_DIR:-$here/../target/quarkus-app}
jar=$app/quarkus-run.jar
opts=$(cat "${HIWAR_JVM_OPTIONS:-$here/jvm.options}")
dir=${HIWAR_CDS_DIR:-$app}
java=$(command -v java)
key=$( { ls -lLR --time-style=+%s "$java" "$jar" "$app/lib" "$app/app" "$app/quarkus"; } 2>/dev/null | cksum | cut -d' ' -f1)
archive=$dir/hiwar-cds-$key.jsa

if [ "${1:-}" = --archive ]; then
  [ "${HIWAR_CDS:-on}" = off ] || echo "$archive"
  exit 0
fi
# shellcheck disable=SC2086 # the options are words
if [ "${HIWAR_CDS:-on}" = off ] || { [ ! -s "$archive" ] && [ ! -w "$dir" ]; }; then
  exec java $opts ${JAVA_OPTS:-} -jar "$jar"
fi
if [ -s "$archive" ]; then
  exec java $opts -XX:SharedArchiveFile="$archive" ${JAVA_OPTS:-} -jar "$jar"
fi

# The first run of this build: the JVM writes the archive as it exits (without a warning for each
# class it leaves out). It logs the classes it loads, and the service links those of the jars as
# it stops, since the JVM archives only linked classes (startup.ArchiveTraining). Archives of
# older builds go.
rm -f "$dir"/hiwar-cds-*.jsa
tmp=$archive.$$.tmp
java $opts -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds*=error -Xlog:class+load=info:file="$tmp.classes":none \
  -Dhiwar.cds.loaded-classes="$tmp.classes" ${JAVA_OPTS:-} -jar "$jar" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true' TERM INT HUP
status=0
wait "$pid" || status=$?
# A signal interrupts wait; the JVM is still stopping (and writing): wait for it again.
while kill -0 "$pid" 2>/dev/null; do
  status=0
  wait "$pid" || status=$?
done
rm -f "$tmp.classes"
if [ -s "$tmp" ]; then mv -f "$tmp" "$archive"; else rm -f "$tmp"; fi
exit "$status"
