# shellcheck shell=bash
# Source this file (do not execute it):  source scripts/env.sh
# Puts the project's tools first on PATH:
#   1. $REPO/node_modules/.bin : wasm-opt (npm binaryen@132.0.0; Debian's binaryen 108 is too old)
#   2. $CARGO_HOME/bin (~/.cargo/bin): cargo, trunk, wasm-pack, wasm-bindgen, wasm-bindgen-test-runner
# and silences trunk's version check (its server is not reachable from here).
# Safe to source more than once: entries are moved to the front, not duplicated.

_pos_env_prepend() {
  local dir="$1" rest="" p
  local IFS=:
  for p in $PATH; do
    [ "$p" = "$dir" ] || [ -z "$p" ] || rest="${rest:+$rest:}$p"
  done
  PATH="$dir${rest:+:$rest}"
}

POS_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export POS_REPO
_pos_env_prepend "${CARGO_HOME:-$HOME/.cargo}/bin"
_pos_env_prepend "$POS_REPO/node_modules/.bin"
export PATH
export TRUNK_SKIP_VERSION_CHECK=true
unset -f _pos_env_prepend
