#!/usr/bin/env bash
# Runs trunk (`build` or `serve`) with the project's tools on PATH, e.g.
#   bash scripts/trunk.sh build --release
#
# Trunk.toml runs cargo offline, so that trunk never tries to download its own tools (they
# are installed by scripts/setup.sh). So this fetches the crates of Cargo.lock first, for
# every target: on a fresh machine with an empty crate cache the build would otherwise stop
# at the first crate it lacks. A warm cache makes it a no-op.
#
# Plain stable Rust: no unstable options, no std of our own.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=scripts/env.sh
source "$REPO/scripts/env.sh"

cargo fetch --locked --quiet
exec trunk "$@"
