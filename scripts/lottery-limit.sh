#!/usr/bin/env bash
# Builds core/examples/lottery_limit.rs like the lottery worker's module (profile
# wasm-worker, feature simd, wasm-opt -Oz as trunk does for pos-worker) into
# target/lottery-limit/ (or $1) beside e2e/limit/'s page and worker, for
# `node e2e/bench-limit.mjs`. $2 names the module (default lottery_limit.wasm), so that two
# builds can sit side by side and be timed in turn.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=scripts/env.sh
source "$REPO/scripts/env.sh"

TARGET="${CARGO_TARGET_DIR:-$REPO/target}"
OUT="${1:-$TARGET/lottery-limit}"
NAME="${2:-lottery_limit.wasm}"
cargo build --quiet -p pos-core --example lottery_limit --features simd \
  --target wasm32-unknown-unknown --profile wasm-worker
mkdir -p "$OUT"
wasm-opt -Oz --low-memory-unused \
  "$TARGET/wasm32-unknown-unknown/wasm-worker/examples/lottery_limit.wasm" -o "$OUT/$NAME"
cp e2e/limit/index.html e2e/limit/worker.js "$OUT/"
echo "$OUT/$NAME"
