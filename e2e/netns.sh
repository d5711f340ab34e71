#!/usr/bin/env bash
# Runs the WebRTC end-to-end test (e2e/webrtc.test.mjs) inside a network namespace of its own,
# so that no ICE traffic leaves it:
#   - `unshare -n` makes a new network namespace (root needed; it disappears with the process,
#     and the veth pair with it);
#   - inside: loopback up, a veth pair 10.99.0.1/24 <-> 10.99.0.2/24, both up, and a default
#     route via the peer, so Chromium has an address to offer as its ICE host candidate;
#   - the static page server (127.0.0.1 of the namespace) and Chromium run inside it too.
# With POS_NETNS_DROP_UDP=1 the namespace also drops every UDP packet (nft), so no WebRTC
# link can open while TCP (the class server) still works: e2e/class.test.mjs's relay test.
# With POS_NETNS_LOOPBACK_ONLY=1 there is no veth pair: browsers find no network address to
# offer, and e2e/engines/settle.mjs checks that every link promise still settles in words.
# Besides the Chromium tests, e2e/engines/webrtc.mjs links Chromium, Firefox and WebKit pages.
# Extra arguments go to `node --test` (e.g. --test-name-pattern=relay).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ "${POS_NETNS:-}" != "1" ]]; then
  if [[ "$(id -u)" != "0" ]]; then
    echo "e2e/netns.sh: needs root for unshare -n (a network namespace of the test's own)" >&2
    exit 1
  fi
  for tool in unshare ip; do
    command -v "$tool" >/dev/null || { echo "e2e/netns.sh: needs $tool (Debian: util-linux, iproute2)" >&2; exit 1; }
  done
  outer="$(readlink /proc/self/ns/net)"
  if [[ "${POS_NETNS_DROP_UDP:-}" == "1" ]]; then
    command -v nft >/dev/null || [ -x /usr/sbin/nft ] || { echo "e2e/netns.sh: needs nft (Debian: nftables)" >&2; exit 1; }
  fi
  exec unshare --net -- env POS_NETNS=1 POS_NETNS_OUTER="$outer" bash "${BASH_SOURCE[0]}" "$@"
fi

# Inside the new namespace from here on.
if [[ -z "${POS_NETNS_OUTER:-}" || "$(readlink /proc/self/ns/net)" == "$POS_NETNS_OUTER" ]]; then
  echo "e2e/netns.sh: refusing to run: not inside a network namespace of its own" >&2
  exit 1
fi
ip link set lo up
if [[ "${POS_NETNS_LOOPBACK_ONLY:-}" == "1" ]]; then
  echo "netns: loopback only: $(ip -brief addr | tr -s ' ' | tr '\n' ';')"
  cd "$REPO"
  mkdir -p e2e/screenshots
  exec node --test "$@" e2e/engines/settle.mjs
fi
ip link add pos-veth0 type veth peer name pos-veth1
ip addr add 10.99.0.1/24 dev pos-veth0
ip addr add 10.99.0.2/24 dev pos-veth1
ip link set pos-veth0 up
ip link set pos-veth1 up
ip route add default via 10.99.0.2 dev pos-veth0
echo "netns: $(ip -brief addr | tr -s ' ' | tr '\n' ';')"

files=(e2e/webrtc.test.mjs e2e/class.test.mjs e2e/teacher.test.mjs e2e/engines/webrtc.mjs)
if [[ "${POS_NETNS_DROP_UDP:-}" == "1" ]]; then
  PATH="$PATH:/usr/sbin"
  nft add table inet posdrop
  nft 'add chain inet posdrop out { type filter hook output priority 0 ; }'
  nft add rule inet posdrop out meta l4proto udp drop
  echo "netns: every UDP packet is dropped: $(nft list ruleset | tr -s ' \n' ' ')"
  files=(e2e/class.test.mjs)
fi

cd "$REPO"
mkdir -p e2e/screenshots
node --test "$@" "${files[@]}"
