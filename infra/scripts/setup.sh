#!/usr/bin/env bash
# Installs what citybrain needs on a fresh machine, and nothing that is already there:
#   Debian packages: kcat (hosts librdkafka's mock Kafka cluster), chromium + CJK fonts (end-to-end tests);
#   npm packages: `npm ci` when node_modules is missing or older than package-lock.json.
# Idempotent and quiet when everything is present, so `npm test` and `npm run demo` can always call it.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
if [ "${CITYBRAIN_SKIP_BROWSER:-0}" != "1" ] && [ -d web/e2e ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # grep reads all of fc-list's output (no -q): an early exit would SIGPIPE fc-list, and with pipefail the
  # fonts would look missing and be reinstalled (apt-get update included) on every run.
  fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
