#!/usr/bin/env bash
# Runs trunk (`build` or `serve`) with the page's size settings, e.g.
#   bash scripts/trunk.sh build --release
#
# The page's wasm is built with a standard library of its own (cargo's build-std) instead of
# the prebuilt one, so that std itself is optimised for size (its `optimize_for_size`
# feature) and a panic stops the module at once (`-C panic=immediate-abort`) instead of
# formatting a message: about 31 KB less gzip for the whole playground. The cost: a panic shows
# in the console as "RuntimeError: unreachable", without the message that Yew's panic hook
# would print.
#
# These are unstable cargo/rustc options. This machine has one toolchain, stable 1.95, and no
# nightly can be fetched, so this one command sets RUSTC_BOOTSTRAP=1 for them; the tests,
# clippy and the CLI build on plain stable. They need the rust-src component (scripts/setup.sh
# adds it). POS_PREBUILT_STD=1 builds with the prebuilt std instead (about 31 KB more gzip).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=scripts/env.sh
source "$REPO/scripts/env.sh"

if [ "${POS_PREBUILT_STD:-0}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Only the wasm target: build scripts and proc-macros stay ordinary host builds.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
fi
exec trunk "$@"
