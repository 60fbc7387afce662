# Shared by the bench scripts (source it). Needs openssl.
root=${root:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

# Tokens signed with the test key, as the publisher's login would issue them:
# mint_tokens COUNT SUBJECT_PREFIX GROUPS_JSON > file   (GROUPS_JSON like [] or ["moderator"])
mint_tokens() {
  local count=$1 prefix=$2 groups=$3 now header payload sig i
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"rsa-2048"}' | b64url)
  for i in $(seq 1 "$count"); do
    payload=$(printf '{"iss":"https://publisher.test","aud":"hiwar","sub":"%s-%d","name":"قارئ %d","groups":%s,"iat":%d,"exp":%d}' \
      "$prefix" "$i" "$i" "$groups" "$now" $((now + 7200)) | b64url)
    sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$root/src/test/resources/keys/rsa-private.pem" -binary | b64url)
    echo "$header.$payload.$sig"
  done
}

# bench_setup: a scratch folder in $work (kept with KEEP_LOGS=1), background jobs stopped on
# exit, wrk installed, the packaged jar present.
bench_setup() {
  work=$(mktemp -d)
  trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${KEEP_LOGS:-}" ] || rm -rf "$work"' EXIT
  ensure_wrk
  [ -f "$root/target/quarkus-app/quarkus-run.jar" ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
}

ensure_wrk() {
  command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
}

# start_jar PORT DATABASE LOG [ENV=VALUE...]: the packaged jar against the test keys, started by
# deploy/run.sh as in production; waits until ready. Sets $jar_pid (the JVM) and $ready_seconds.
# JVM flags: deploy/jvm.options, as in production; JAVA_OPTS replaces them (JAVA_OPTS= for the JVM's defaults).
# Its management interface (health, metrics) listens on PORT+1.
# The first start of a build is deploy/run.sh's training run, which writes the class-data archive
# as it stops: it is made here by a start and a stop of its own ($cds_training_ready_seconds), so
# every measured start maps the archive, as every start after a deployment's first does.
start_jar() {
  local port=$1 archive
  if curl -fs -o /dev/null "http://localhost:$((port + 1))/q/health/ready"; then
    echo "port $((port + 1)) already answers: stop the service left running there first" >&2
    return 1
  fi
  archive=$("$root/deploy/run.sh" --archive)
  if [ -n "$archive" ] && [ ! -s "$archive" ]; then
    launch_jar "$@" && cds_training_ready_seconds=$ready_seconds || return 1
    curl -fs -o /dev/null "http://localhost:$port/api/v1/articles/bench-cds-training/comments" || true
    kill "$jar_pid"; wait "$jar_pid" 2>/dev/null || true   # the launcher waits for the archive
    [ -s "$archive" ] || { echo "the training run wrote no class-data archive; see $3" >&2; return 1; }
  fi
  launch_jar "$@"
}

launch_jar() {
  local port=$1 db=$2 log=$3 opts=$root/deploy/jvm.options; shift 3
  [ -n "${JAVA_OPTS+set}" ] && opts=/dev/null
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root/src/test/resources/keys/jwks.json" \
      MP_JWT_VERIFY_ISSUER=https://publisher.test MP_JWT_VERIFY_AUDIENCES=hiwar \
      QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1))" QUARKUS_LOG_LEVEL=WARN "$@" \
      MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} HIWAR_JVM_OPTIONS="$opts" JAVA_OPTS="${JAVA_OPTS-}" \
      "$root/deploy/run.sh" > "$log" 2>&1 &
  jar_pid=$!
  local started; started=$(date +%s%N)
  for _ in $(seq 1 1200); do
    if curl -fs "http://localhost:$((port + 1))/q/health/ready" >/dev/null; then
      ready_seconds=$(awk -v ns=$(( $(date +%s%N) - started )) 'BEGIN { printf "%.2f", ns / 1e9 }')   # launch to ready
      return 0
    fi
    sleep 0.05
  done
  echo "the jar did not become ready; see $log" >&2
  return 1
}

# jit_ticks: CPU ticks (1/100 s) the running jar's JIT compiler threads have used so far.
jit_ticks() {
  local t sum=0
  for t in /proc/"$jar_pid"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(awk '{print $14 + $15}' "$t/stat"))) ;;
    esac
  done
  echo "$sum"
}

# warm_up NAME WRK-ARGS...: the load in 5 s slices until the jar's JIT is quiet (its compiler
# threads used under 5 % of a core in the last slice), at most WARMUP_MAX s (default 120).
# A fixed 5 s was not a warm-up: on a POST the C2 thread still took a fifth of a core after
# 90 s, and what it compiles competes with the requests for the same 2 cores.
warm_up() {
  local name=$1 before waited=0; shift
  while :; do
    before=$(jit_ticks)
    wrk -t2 -c"$connections" -d5s "$@" >/dev/null
    waited=$((waited + 5))
    (( $(jit_ticks) - before < 25 || waited >= ${WARMUP_MAX:-120} )) && break
  done
  echo "warm-up of $name: ${waited} s (JIT compiler threads under 5 % of a core in the last 5 s, or WARMUP_MAX)" >&2
}

# measure NAME WRK-ARGS...: warm_up, then $seconds s with $connections connections;
# prints "NAME req/s p50 p99 errors".
measure() {
  local name=$1; shift
  warm_up "$name" "$@"
  local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@")
  local errors; errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' | tr '\n' ' ' || true)
  printf '%s %s %s %s %s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$errors"
  # Where memory grows, phase by phase (stderr: the table on stdout keeps its columns).
  [ -n "${jar_pid:-}" ] && [ -r "/proc/$jar_pid/status" ] && awk -v n="$name" '/VmRSS/ {r = $2} /VmHWM/ {p = $2}
    END {printf "  after %s: RSS %.0f MiB, peak %.0f MiB\n", n, r / 1024, p / 1024}' "/proc/$jar_pid/status" >&2
  return 0
}

# cursor_paths DATABASE newest|top: 500 random positions among bench-hot's published top-level
# comments, as page paths with a cursor in db.Cursor's format (for bench/paths.lua).
cursor_paths() {
  local micros="(extract(epoch from created_at) * 1000000)::bigint" query raw
  if [ "$2" = top ]; then query="sort=top&"; raw="'t.' || $micros || '.' || id || '.' || like_count"
  else query=""; raw="'n.' || $micros || '.' || id"; fi
  psql -tA -U postgres -h localhost -d "$1" -c "
    select '/api/v1/articles/bench-hot/comments?${query}cursor=' || translate(encode(convert_to($raw, 'UTF8'), 'base64'), '+/=', '-_')
    from comments c where article_id = 'bench-hot' and parent_id is null and status = 'published' and not hidden
    order by md5(id::text) limit 500"
}
