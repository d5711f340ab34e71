#!/usr/bin/env bash
# Builds the page and serves it: `make serve` (ADDRESS=0.0.0.0 for a class's laptops, PORT).
#
# Installs only what building and serving need (scripts/setup.sh serve), builds the release
# page into dist/, and only when that build succeeded serves it with trunk (which rebuilds
# when a source file changes). A failed build stops here with its error and a non-zero exit:
# nothing is served, neither an empty dist/ nor the one of an earlier build.
#
# dist/ stays a clean release build that any static server can serve (docs/setup.md): trunk
# serves without its live reload, which would otherwise write a script into dist/index.html
# that keeps trying a WebSocket only trunk's own server answers (reload the page by hand
# after a rebuild).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
ADDRESS="${ADDRESS:-127.0.0.1}"
PORT="${PORT:-8080}"

bash scripts/setup.sh serve
# shellcheck source=scripts/env.sh
source scripts/env.sh

rm -rf dist
if ! bash scripts/trunk.sh build --release; then
  printf '\n[serve] The build failed (the error is above), so nothing is served.\n' >&2
  exit 1
fi

printf '\n[serve] Open http://%s:%s/\n' "$([ "$ADDRESS" = 0.0.0.0 ] && echo 127.0.0.1 || echo "$ADDRESS")" "$PORT"
if [ "$ADDRESS" = 0.0.0.0 ]; then
  printf '[serve] Listening on every address of this machine: the laptops of the class open\n'
  for a in $(hostname -I 2>/dev/null); do
    case "$a" in *:*) ;; *) printf '          http://%s:%s/\n' "$a" "$PORT" ;; esac
  done
else
  printf '[serve] Only this machine can open it; ADDRESS=0.0.0.0 opens it to the laptops of a class.\n'
fi
exec trunk serve --release --no-autoreload --no-error-reporting --address "$ADDRESS" --port "$PORT" --open=false
