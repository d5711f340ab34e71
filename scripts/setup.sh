#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh Debian machine (run as root).
# Idempotent: when everything is present it only checks, and takes about a second.
#
# Sources:  crates.io (cargo install), Debian packages (apt-get), the npm registry (npm ci).
# Nothing is downloaded from anywhere else (no prebuilt trunk/wasm-pack tools, no Playwright browsers).
#
# It changes no environment of its caller: use `source scripts/env.sh` for PATH.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$REPO/scripts/env.sh"

WASM_TARGET=wasm32-unknown-unknown
WASM_BINDGEN_FALLBACK=0.2.130

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root for: $*"
  fi
}

command -v cargo >/dev/null 2>&1 || die "cargo not found (expected in \$HOME/.cargo/bin via rustup)"
command -v rustup >/dev/null 2>&1 || die "rustup not found"

# 1. wasm target -------------------------------------------------------------------------------
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  log "ok: rust target $WASM_TARGET"
else
  log "installing rust target $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi

# The page's release build compiles its own std (scripts/trunk.sh): it needs std's source.
if rustup component list --installed | grep -q '^rust-src'; then
  log "ok: rust-src"
else
  log "rustup component add rust-src"
  rustup component add rust-src
fi

# 2. Debian packages: Chromium + ChromeDriver (same version), Node.js/npm if missing --------------
apt_pkgs=()
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || apt_pkgs+=(chromium chromium-driver)
command -v node >/dev/null 2>&1 || apt_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_pkgs+=(npm)
# The WebRTC tests run in a network namespace of their own (unshare, ip).
command -v ip >/dev/null 2>&1 || apt_pkgs+=(iproute2)
command -v unshare >/dev/null 2>&1 || apt_pkgs+=(util-linux)
if [ "${#apt_pkgs[@]}" -eq 0 ]; then
  log "ok: chromium, chromedriver, node, npm, ip, unshare"
else
  log "apt-get install ${apt_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update
  as_root apt-get install -y --no-install-recommends "${apt_pkgs[@]}"
fi

# 3. wasm-bindgen-cli: must equal the wasm-bindgen version in Cargo.lock --------------------------
wb_version=""
if [ -f "$REPO/Cargo.lock" ]; then
  wb_version="$(awk '
    /^\[\[package\]\]/ { in_wb = 0 }
    /^name = "wasm-bindgen"$/ { in_wb = 1 }
    in_wb && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
  ' "$REPO/Cargo.lock")"
fi
wb_version="${wb_version:-$WASM_BINDGEN_FALLBACK}"
if command -v wasm-bindgen >/dev/null 2>&1 \
  && [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$wb_version" ] \
  && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  log "ok: wasm-bindgen-cli $wb_version"
else
  # Not --locked: its lockfile wants a webpki-roots version the crates.io index lacks.
  log "cargo install wasm-bindgen-cli --version $wb_version (~2 min)"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# 4. wasm-pack ---------------------------------------------------------------------------------
if command -v wasm-pack >/dev/null 2>&1; then
  log "ok: $(wasm-pack --version)"
else
  log "cargo install --locked wasm-pack (~2 min)"
  cargo install --locked wasm-pack
fi

# 5. trunk -------------------------------------------------------------------------------------
if command -v trunk >/dev/null 2>&1; then
  log "ok: $(trunk --version)"
else
  # trunk declares a rust-version newer than this toolchain; it builds fine with it.
  log "cargo install --locked --ignore-rust-version trunk (~9 min)"
  cargo install --locked --ignore-rust-version trunk
fi

# 6. npm dev tools: playwright-core, binaryen (wasm-opt) ---------------------------------------
cd "$REPO"
if [ -f package.json ]; then
  need_npm=0
  if [ ! -d node_modules ]; then
    need_npm=1
  elif [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] \
      || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    need_npm=1
  elif [ ! -x node_modules/.bin/wasm-opt ]; then
    need_npm=1
  fi
  if [ "$need_npm" -eq 0 ]; then
    log "ok: node_modules ($(node_modules/.bin/wasm-opt --version 2>/dev/null || echo 'wasm-opt ?'))"
  elif [ -f package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund
  else
    log "npm install (no package-lock.json)"
    npm install --no-audit --no-fund
  fi
else
  log "skip npm: no package.json"
fi

log "done"
