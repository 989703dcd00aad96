#!/usr/bin/env bash
# Installs the chat widget's only browser dependency, socket.io-client, from the
# npm registry into bot/web/node_modules (git-ignored). The web process serves
# it from there at /widget/socket.io.min.js; nothing from node_modules is
# committed. Idempotent: when the installed tree matches package-lock.json it
# returns at once.
set -euo pipefail
cd "$(dirname "$0")/../bot/web"

client=node_modules/socket.io-client/dist/socket.io.min.js
stamp=node_modules/.securebase-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)

if [ -f "$client" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "The chat widget needs npm (Node.js) to install socket.io-client; please install Node.js." >&2
  exit 1
fi
echo "Installing the widget's socket.io-client from the npm registry (npm ci)"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
test -f "$client" || { echo "npm ci did not produce $client" >&2; exit 1; }
echo "$want" > "$stamp"
