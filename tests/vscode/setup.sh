#!/usr/bin/env bash
# Installs what the workbench test needs, from the package registries only (see
# shared recipes): code-server 4.100.3 (the last for Node 20), Debian's Chromium, playwright-core.
# Idempotent; everything goes under $TOOLS (default: .tools in the repository).
set -euo pipefail
TOOLS=${TOOLS:-$(cd "$(dirname "$0")/../.." && pwd)/.tools}
mkdir -p "$TOOLS"
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false

need_apt=()
for pkg in chromium ripgrep build-essential pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

cd "$TOOLS"
if [ ! -x node_modules/.bin/code-server ] || [ ! -f node_modules/code-server/.installed ]; then
  [ -f package.json ] || echo '{"name": "shapesense-test-tools", "private": true}' > package.json
  npm install --no-save --ignore-scripts code-server@4.100.3 playwright-core@1.56.1 >/dev/null
  npm rebuild argon2 --build-from-source >/dev/null 2>&1 || true
  (
    cd node_modules/code-server/lib/vscode
    npm install --omit=dev --ignore-scripts >/dev/null
    mkdir -p node_modules/@vscode/ripgrep/bin
    ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    npm rebuild >/dev/null 2>&1 || npm rebuild
  )
  (
    cd node_modules/code-server
    npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" sh ./postinstall.sh >/dev/null
  )
  touch node_modules/code-server/.installed
fi
echo "$TOOLS"
