#!/usr/bin/env bash
# What the real-WordPress tests need, from Debian's packages: WordPress itself, PHP's command
# line with MySQL support, and MariaDB. Idempotent; .ci/run and the tests call it.
set -euo pipefail
need=()
[ -f /usr/share/wordpress/wp-load.php ] || need+=(wordpress)
command -v php >/dev/null || need+=(php-cli)
php -m 2>/dev/null | grep -qi '^mysqli$' || need+=(php-mysql)
command -v mariadb-install-db >/dev/null || need+=(mariadb-server)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${need[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }
fi
