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
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
site=${2:-news.example}
first_post=${3:-100}
bash "$here/install.sh"
work=$(mktemp -d)
port=$((33000 + RANDOM % 2000))
cleanup() {
  [ -n "${db_pid:-}" ] && kill "$db_pid" 2>/dev/null && wait "$db_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# MariaDB of its own: a private data directory, socket and port.
mariadb-install-db --no-defaults --user=root --datadir="$work/db" --auth-root-authentication-method=normal \
  --skip-test-db >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
mariadbd --no-defaults --user=root --datadir="$work/db" --socket="$work/db.sock" --port="$port" \
  --bind-address=127.0.0.1 --skip-log-bin --innodb-buffer-pool-size=32M >"$work/db.log" 2>&1 &
db_pid=$!
for _ in $(seq 1 100); do
  mariadb --no-defaults -uroot -S "$work/db.sock" -e "select 1" >/dev/null 2>&1 && break
  sleep 0.2
done
mariadb --no-defaults -uroot -S "$work/db.sock" -e "create database wordpress character set utf8mb4"

# WordPress as Debian ships it, with a config of our own (Debian's reads /etc/wordpress by host name).
cp -r /usr/share/wordpress "$work/wp"
cat > "$work/wp/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$work/db.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', 'https://$site');
define('WP_SITEURL', 'https://$site');
define('WP_CONTENT_DIR', '$work/wp/wp-content');
define('AUTH_KEY', 'test'); define('SECURE_AUTH_KEY', 'test'); define('LOGGED_IN_KEY', 'test'); define('NONCE_KEY', 'test');
define('AUTH_SALT', 'test'); define('SECURE_AUTH_SALT', 'test'); define('LOGGED_IN_SALT', 'test'); define('NONCE_SALT', 'test');
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) { define('ABSPATH', __DIR__ . '/'); }
require_once ABSPATH . 'wp-settings.php';
PHP
php -d display_errors=stderr "$here/content.php" "$work/wp" "$out" "$first_post"
# The Hiwar plugin, from deploy/wordpress/hiwar, activated; what its endpoints answer.
mkdir -p "$work/wp/wp-content/plugins"
cp -r "$here/../../../deploy/wordpress/hiwar" "$work/wp/wp-content/plugins/hiwar"
php -d display_errors=stderr "$here/plugin.php" "$work/wp" "$out"
