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

# start_jar PORT DATABASE LOG [ENV=VALUE...]: the packaged jar against the test keys; waits until ready.
# Its management interface (health, metrics) listens on PORT+1.
start_jar() {
  local port=$1 db=$2 log=$3; shift 3
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$db" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$root/src/test/resources/keys/jwks.json" \
      MP_JWT_VERIFY_ISSUER=https://publisher.test MP_JWT_VERIFY_AUDIENCES=hiwar \
      QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1))" QUARKUS_LOG_LEVEL=WARN "$@" \
      java ${JAVA_OPTS:-} -jar "$root/target/quarkus-app/quarkus-run.jar" > "$log" 2>&1 &
  jar_pid=$!
  for _ in $(seq 1 120); do curl -fs "http://localhost:$((port + 1))/q/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "the jar did not become ready; see $log" >&2
  return 1
}
