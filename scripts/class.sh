#!/usr/bin/env bash
# Runs a class: `make class` (ADDRESS=0.0.0.0 for the class's laptops, PORT, CLASS).
#
# Installs what building needs (scripts/setup.sh serve), builds the release page into dist/
# and the class server (server/, binary pos-class), and starts the server: it serves dist/,
# prints the address and its QR code, links the pages that open it without any pasting,
# relays where WebRTC cannot connect, and its own tab hosts the class's chain. A failed
# build stops here with its error and a non-zero exit: nothing is served.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export ADDRESS="${ADDRESS:-127.0.0.1}"
export PORT="${PORT:-8080}"
CLASS="${CLASS:-class}"

bash scripts/setup.sh serve
# shellcheck source=scripts/env.sh
source scripts/env.sh

rm -rf dist
if ! bash scripts/trunk.sh build --release; then
  printf '\n[class] The page did not build (the error is above), so nothing is served.\n' >&2
  exit 1
fi
if ! cargo build --locked --release -p pos-class; then
  printf '\n[class] The class server did not build (the error is above).\n' >&2
  exit 1
fi
exec target/release/pos-class --dist dist --class "$CLASS"
