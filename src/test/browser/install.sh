#!/usr/bin/env bash
# What the browser tests need, installed by the project itself: Debian's Chromium (apt, never
# a downloaded browser), Node.js, and playwright-core from npm (pinned in package-lock.json).
# Idempotent: does nothing when everything is there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sudo_if() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt" >&2
  sudo_if apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
    || { sudo_if apt-get update -qq && sudo_if apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "Installing playwright-core from npm" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
