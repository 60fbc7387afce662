#!/usr/bin/env bash
# A real WordPress (Debian's package) on its own MariaDB, in a scratch directory, with content
# made through WordPress' own functions (src/test/wordpress/content.php), then exported with
# WordPress' own exporter (Tools → Export, the same export_wp()). Writes OUT/export.xml (the WXR)
# and OUT/comments.json (every comment as WordPress' database has it); then activates the Hiwar
# plugin (deploy/wordpress/hiwar) and writes OUT/plugin.json (src/test/wordpress/plugin.php), and
# stops MariaDB.
# SITE is the site's address (its export keys comments by it), e.g. news.example/run-1.
# FIRST_POST is the ID the first post asks for (WordPress' import_id), so runs never share ids.
#   src/test/wordpress/site.sh OUT [SITE] [FIRST_POST]
# With SERVE_PORT set it then serves the site (PHP's own server on 127.0.0.1:SERVE_PORT, SITE
# should be 127.0.0.1:SERVE_PORT and SCHEME http), the plugin pointing at HIWAR_URL and signing
# with HIWAR_KEY (a PEM; its kid HIWAR_KID, issuer HIWAR_ISSUER), until it is sent SIGTERM; the
# WordPress directory is then in OUT/wordpress-dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
site=${2:-news.example}
case "$site" in */*) path=${site#*/} ;; *) path= ;; esac
first_post=${3:-100}
bash "$here/install.sh"
work=$(mktemp -d)
cleanup() {
  [ -n "${db_pid:-}" ] && kill "$db_pid" 2>/dev/null && wait "$db_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# MariaDB of its own: a private data directory and socket, no TCP port to collide on.
mariadb-install-db --no-defaults --user=root --datadir="$work/db" --auth-root-authentication-method=normal \
  --skip-test-db >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
mariadbd --no-defaults --user=root --datadir="$work/db" --socket="$work/db.sock" --skip-networking \
  --skip-log-bin --innodb-buffer-pool-size=32M >"$work/db.log" 2>&1 &
db_pid=$!
for _ in $(seq 1 300); do
  mariadb --no-defaults -uroot -S "$work/db.sock" -e "select 1" >/dev/null 2>&1 && break
  kill -0 "$db_pid" 2>/dev/null || break
  sleep 0.2
done
mariadb --no-defaults -uroot -S "$work/db.sock" -e "create database wordpress character set utf8mb4" \
  || { echo "MariaDB did not start:"; tail -20 "$work/db.log"; exit 1; }

# WordPress as Debian ships it, with a config of our own (Debian's reads /etc/wordpress by host name).
# At the site's path under the web root, so a site in a folder (news.example/run-1) is served there.
wpdir="$work/root/$path"
mkdir -p "$(dirname "$wpdir")"
cp -r /usr/share/wordpress "$wpdir"
cat > "$wpdir/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$work/db.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '${SCHEME:-https}://$site');
define('WP_SITEURL', '${SCHEME:-https}://$site');
define('WP_CONTENT_DIR', '$wpdir/wp-content');
define('AUTH_KEY', 'test'); define('SECURE_AUTH_KEY', 'test'); define('LOGGED_IN_KEY', 'test'); define('NONCE_KEY', 'test');
define('AUTH_SALT', 'test'); define('SECURE_AUTH_SALT', 'test'); define('LOGGED_IN_SALT', 'test'); define('NONCE_SALT', 'test');
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) { define('ABSPATH', __DIR__ . '/'); }
require_once ABSPATH . 'wp-settings.php';
PHP
php -d display_errors=stderr "$here/content.php" "$wpdir" "$out" "$first_post"
# The Hiwar plugin, from deploy/wordpress/hiwar, activated; what its endpoints answer.
mkdir -p "$wpdir/wp-content/plugins"
cp -r "$here/../../../deploy/wordpress/hiwar" "$wpdir/wp-content/plugins/hiwar"
php -d display_errors=stderr "$here/plugin.php" "$wpdir" "$out"
if [ -n "${SERVE_PORT:-}" ]; then
  php -d display_errors=stderr "$here/serve.php" "$wpdir" "$HIWAR_URL" "$HIWAR_KEY" "$HIWAR_KID" "$HIWAR_ISSUER"
  echo "$wpdir" > "$out/wordpress-dir" # for scripts that act in the site while it is served (comments-open.php)
  php -S "127.0.0.1:$SERVE_PORT" -t "$work/root" >"$out/php.log" 2>&1 &
  php_pid=$!
  trap 'kill $php_pid 2>/dev/null; cleanup' EXIT
  trap 'exit 0' TERM INT
  echo "serving on http://127.0.0.1:$SERVE_PORT"
  wait "$php_pid"
fi
