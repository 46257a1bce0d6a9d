#!/usr/bin/env bash
# Installs a real VS Code for the e2e tests: code-server 4.100.3 (= VS Code
# 1.100, runs on Node 20) into <repo>/.cache/code-server, plus Debian's
# Chromium and ripgrep. Follows the verified recipe in
# /work/shared/design/vscode-e2e.md ("Installing code-server 4.100.3 from
# scratch"). Only the npm registry and Debian apt are needed.
#
#   bash test/e2e/install-code-server.sh          # idempotent; ~1 s when cached
#   FORCE=1 bash test/e2e/install-code-server.sh  # reinstall code-server
#
# Why each step is the way it is:
# - --ignore-scripts everywhere: code-server's and @vscode/ripgrep's
#   postinstalls fetch prebuilt binaries from outside the registry.
# - argon2 is built from source: code-server loads it at start even with
#   --auth none, and without --build-from-source it first tries a download.
# - node-pty / @vscode/spdlog / native-watchdog are built with npm's own
#   node-gyp, not `npm rebuild`: node-pty's install script runs `npx node-gyp`,
#   which fails on a cold npm cache. --nodedir=/usr (Debian's node headers)
#   keeps node-gyp from downloading headers.
# - Pin code-server with Node: 4.103+ needs Node 22 and 4.117 on Node 20 starts
#   but its extension host dies silently.
set -euo pipefail

CS_VERSION=4.100.3
start=$(date +%s.%N)
elapsed() { awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PREFIX="$REPO/.cache/code-server"
CS="$PREFIX/node_modules/code-server"
VSC="$CS/lib/vscode"
MARKER="$PREFIX/.installed-$CS_VERSION"

# Headers come from Debian's nodejs (/usr/include/node). Set it here rather
# than relying on ~/.npmrc so a fresh machine does not try to download them.
NODEDIR=/usr
[[ -f $NODEDIR/include/node/node.h ]] || { echo "missing $NODEDIR/include/node/node.h (Node headers)" >&2; exit 1; }
export npm_config_nodedir=$NODEDIR

# --- 1. system packages -------------------------------------------------------
APT_PKGS=(chromium ripgrep build-essential python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "apt: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${APT_PKGS[@]}" >/dev/null
else
  echo "apt: ${APT_PKGS[*]} already installed"
fi

# Runs `code-server --version` with HOME/XDG in a throwaway folder: even
# --version writes a default config.yaml and logs into $HOME otherwise.
cs_version() {
  local h; h=$(mktemp -d)
  HOME=$h XDG_CONFIG_HOME=$h/config XDG_DATA_HOME=$h/data \
    node "$CS/out/node/entry.js" --version 2>/dev/null | grep -E "^$CS_VERSION "
  local rc=$?; rm -rf "$h"; return $rc
}

# --- cache check ----------------------------------------------------------------
# "Installed" = marker for this version exists AND the binary really starts.
if [[ -z ${FORCE:-} && -f $MARKER ]] && cs_version >/dev/null; then
  echo "code-server $CS_VERSION already installed in $PREFIX ($(elapsed) s)"
  exit 0
fi

# --- 2. code-server from npm --------------------------------------------------------
echo "npm: code-server@$CS_VERSION -> $PREFIX"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
# Own package.json so npm never walks up into the repo's package.json.
echo '{ "name": "e2e-code-server", "private": true }' > "$PREFIX/package.json"
npm install --prefix "$PREFIX" --ignore-scripts --no-audit --no-fund --loglevel=error \
  "code-server@$CS_VERSION"

# --- 3. argon2 from source ----------------------------------------------------------
echo "build: argon2"
npm rebuild --prefix "$PREFIX" argon2 --build-from-source --loglevel=error

# --- 4. VS Code's own production deps ---------------------------------------------
echo "npm: lib/vscode production dependencies"
(cd "$VSC" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)

# --- 5. native modules with npm's own node-gyp ------------------------------------
NPM_DIR=$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)
NODE_GYP="$NPM_DIR/node_modules/node-gyp/bin/node-gyp.js"
for m in native-watchdog @vscode/spdlog node-pty; do
  echo "build: $m"
  (cd "$VSC/node_modules/$m" && node "$NODE_GYP" rebuild --nodedir="$NODEDIR" --loglevel=error >/dev/null)
done

# --- 6. the asar link and ripgrep ---------------------------------------------------
# VS Code resolves some modules through node_modules.asar; search needs rg.
ln -sfn node_modules "$VSC/node_modules.asar"
mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
ln -sf /usr/bin/rg "$VSC/node_modules/@vscode/ripgrep/bin/rg"

# --- verify, mark ---------------------------------------------------------------------
version=$(cs_version) || { echo "code-server does not start" >&2; exit 1; }
echo "$version" > "$MARKER"
echo "code-server installed: $version"
echo "install took $(elapsed) s"
