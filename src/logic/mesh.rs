//! Tabs as nodes: the frames that tabs of one browser exchange over a BroadcastChannel, and
//! what a tab knows about the others (presence, roles, conflicts, rejected frames).
//!
//! This is plain data and logic; `channel.rs` only moves the frames' text. A frame wraps one
//! core message (the same bytes in-tab nodes exchange) with the sending tab and node, or is a
//! presence frame that tells the network's genesis so that a new tab can join. Everything that
//! arrives is untrusted: size-limited, parsed with a typed error, rate-limited, and then the
//! core validates the message inside like any other.

use crate::logic::vec_map::VecMap;
use crate::logic::wire::{FrameError, MAX_FRAME_BYTES, MAX_NODES, MAX_TABS};
use pos_core::{Genesis, Hash, PeerId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long a new tab listens for a network before it starts one (ms).
pub const DISCOVERY_MS: u64 = 900;

/// A tab not heard from for this long has gone (ms).
pub const TAB_TIMEOUT_MS: u64 = 6_000;

/// How often a tab repeats its presence (ms).
pub const HELLO_EVERY_MS: u64 = 2_000;

/// Most frames accepted per second from all other tabs together; the rest are dropped.
pub const MAX_FRAMES_PER_SECOND: u32 = 1_500;

/// Most conflicts waiting for the user's choice; further ones are not recorded (counted as
/// `frame:tooManyConflicts`).
pub const MAX_CONFLICTS: usize = 8;

/// A conflict whose tab has not spoken for this long is dropped (ms).
pub const CONFLICT_TIMEOUT_MS: u64 = 60_000;

/// Most tabs ignored at the user's choice; the one silent longest makes room.
pub const MAX_IGNORED: usize = 64;

/// An ignored tab silent for this long is forgotten (ms): tab ids are new on every page load.
pub const IGNORED_TIMEOUT_MS: u64 = 600_000;

/// Longest tab id, in letters and digits.
pub const MAX_TAB_ID: usize = 16;

/// A tab's part in its network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// Listening for a network to join.
    Discovering,
    /// Started the network: holds genesis and the exchange.
    Host,
    /// Joined a network another tab started.
    Member,
}

/// What tabs say to each other. In JSON, one key naming the kind, as the core's messages:
/// `{"bye":{"tab":"ab12"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Frame {
    /// "I am here" (sent on arrival and now and then); asks others to answer with `Here`.
    Hello {
        /// The sending tab.
        tab: String,
        /// Its role.
        role: Role,
        /// Its network's genesis, once it has one.
        genesis: Option<Genesis>,
        /// Its best height.
        height: u64,
    },
    /// The answer to a `Hello`.
    Here {
        /// The sending tab.
        tab: String,
        /// Its role.
        role: Role,
        /// Its network's genesis, once it has one.
        genesis: Option<Genesis>,
        /// Its best height.
        height: u64,
    },
    /// The tab is closing.
    Bye {
        /// The sending tab.
        tab: String,
    },
    /// A core message from one of the tab's nodes.
    Msg {
        /// The sending tab.
        tab: String,
        /// The sending node in that tab ("n0", …).
        node: String,
        /// One receiver ("tab/node"), or every node.
        to: Option<String>,
        /// The core message (JSON text).
        data: String,
    },
}

impl Frame {
    /// The sending tab.
    pub fn tab(&self) -> &str {
        match self {
            Frame::Hello { tab, .. }
            | Frame::Here { tab, .. }
            | Frame::Bye { tab }
            | Frame::Msg { tab, .. } => tab,
        }
    }

    /// The frame as text for the channel.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Parses untrusted text into a frame.
pub fn parse(text: &str) -> Result<Frame, FrameError> {
    if text.len() > MAX_FRAME_BYTES {
        return Err(FrameError::TooLarge);
    }
    let frame: Frame = serde_json::from_str(text).map_err(|_| FrameError::Malformed)?;
    if !valid_tab(frame.tab()) {
        return Err(FrameError::BadTab);
    }
    if let Frame::Msg { node, to, .. } = &frame {
        let to_ok = to.as_deref().is_none_or(|to| {
            to.split_once('/')
                .is_some_and(|(t, n)| valid_tab(t) && node_index(n).is_some())
        });
        if node_index(node).is_none() || !to_ok {
            return Err(FrameError::BadNode);
        }
    }
    Ok(frame)
}

/// Whether `tab` is 1 to [`MAX_TAB_ID`] letters and digits.
pub fn valid_tab(tab: &str) -> bool {
    !tab.is_empty() && tab.len() <= MAX_TAB_ID && tab.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The index in `n0` … `n15` (as tabs name their nodes, without leading zeros), or `None`.
pub fn node_index(node: &str) -> Option<usize> {
    let digits = node.strip_prefix('n')?;
    if digits.is_empty()
        || digits.len() > 2
        || (digits.len() > 1 && digits.starts_with('0'))
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    digits.parse::<usize>().ok().filter(|&i| i < MAX_NODES)
}

/// How frames from another tab reach this one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Via {
    /// The BroadcastChannel of this browser.
    Channel,
    /// The WebRTC link of that id (`crate::logic::link`).
    WebRtc(String),
    /// The class server's WebSocket (`crate::logic::class`), carrying frames of that tab: the
    /// server's own tab, or a tab whose link could not open.
    Relay(String),
}

impl Via {
    /// The word `network()`, `peers(i)` and the roster use for it.
    pub fn word(&self) -> &'static str {
        match self {
            Via::Channel => "channel",
            Via::WebRtc(_) => "webrtc",
            Via::Relay(_) => "relay",
        }
    }
}

/// Another tab as this one knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TabPeer {
    /// Its role, as it last said.
    pub role: Role,
    /// Its network (genesis block hash), if it has one.
    pub network: Option<Hash>,
    /// Its best height, as it last said.
    pub height: u64,
    /// When it was last heard (ms).
    pub last_seen: u64,
    /// How it was last heard.
    pub via: Via,
}

/// Another tab that runs a different network under the same name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// The other tab.
    pub tab: String,
    /// Its network's genesis.
    pub genesis: Genesis,
    /// Its network's id.
    pub network: Hash,
    /// Its height when it said so.
    pub height: u64,
    /// When it last said so (ms); see [`CONFLICT_TIMEOUT_MS`].
    pub last_seen: u64,
}

/// What one tab knows of the others.
#[derive(Debug, Clone)]
pub struct Mesh {
    /// This tab's id.
    pub tab: String,
    /// The network's name (from `?net=`).
    pub name: String,
    /// This tab's role.
    pub role: Role,
    /// When discovery started (ms).
    pub since: u64,
    /// Other tabs by id.
    pub tabs: VecMap<String, TabPeer>,
    /// Tabs on another network of this name, waiting for the user's choice.
    pub conflicts: Vec<Conflict>,
    /// Tabs whose network the user chose not to join: their frames are dropped. The value is
    /// when each was last heard (ms).
    pub ignored: VecMap<String, u64>,
    /// Frames dropped at the edge, by reason.
    pub rejected: BTreeMap<String, u64>,
    /// Start of the current rate window (ms) and frames accepted in it.
    window: (u64, u32),
    /// When this tab last said hello (ms).
    pub last_hello: u64,
    /// WebRTC links to other machines, by this tab's id for them (at most
    /// [`crate::logic::link::MAX_LINKS`]).
    pub links: VecMap<String, crate::logic::link::LinkStatus>,
    /// The number of the next link (`L1`, `L2`, …): ids are never reused.
    pub next_link: u64,
    /// Whether this tab joined a network only through WebRTC links (it has no channel name).
    pub by_link: bool,
    /// Whether a class server hosts this network: the tab then waits for the server's tab
    /// instead of starting the network itself after [`DISCOVERY_MS`].
    pub wait_for_host: bool,
    /// What the tab knows of its class server, when it was opened from one.
    pub class: Option<crate::logic::class::ClassLink>,
}

impl Mesh {
    /// A tab that starts listening on network `name` at `now`.
    pub fn new(tab: String, name: String, now: u64) -> Mesh {
        Mesh {
            tab,
            name,
            role: Role::Discovering,
            since: now,
            tabs: VecMap::new(),
            conflicts: Vec::new(),
            ignored: VecMap::new(),
            rejected: BTreeMap::new(),
            window: (now, 0),
            last_hello: now,
            links: VecMap::new(),
            next_link: 1,
            by_link: false,
            wait_for_host: false,
            class: None,
        }
    }

    /// Counts a dropped frame.
    pub fn reject(&mut self, e: FrameError) {
        *self.rejected.entry(e.key().to_string()).or_insert(0) += 1;
    }

    /// Whether a frame from `tab` may be taken: a known tab, or room for one more.
    pub fn room_for(&self, tab: &str) -> bool {
        self.tabs.contains_key(tab) || self.tabs.len() < MAX_TABS
    }

    /// Ignores `tab` from `now` on; the tab ignored and silent longest makes room.
    pub fn ignore(&mut self, tab: &str, now: u64) {
        if !self.ignored.contains_key(tab) && self.ignored.len() >= MAX_IGNORED {
            let oldest = self
                .ignored
                .iter()
                .min_by_key(|(_, seen)| **seen)
                .map(|(t, _)| t.clone());
            if let Some(t) = oldest {
                self.ignored.remove(&t);
            }
        }
        self.ignored.insert(tab.to_string(), now);
    }

    /// Takes one more frame into the rate window; false when over the limit.
    pub fn admit(&mut self, now: u64) -> bool {
        if now >= self.window.0 + 1_000 {
            self.window = (now, 0);
        }
        self.window.1 += 1;
        self.window.1 <= MAX_FRAMES_PER_SECOND
    }

    /// The peer id of node `node` of tab `tab`.
    pub fn peer_id(tab: &str, node: &str) -> PeerId {
        PeerId(format!("{tab}/{node}"))
    }

    /// Tabs silent for longer than [`TAB_TIMEOUT_MS`]; they are forgotten. Conflicts silent
    /// for [`CONFLICT_TIMEOUT_MS`] and ignored tabs silent for [`IGNORED_TIMEOUT_MS`] go too.
    pub fn expire(&mut self, now: u64) -> Vec<String> {
        self.conflicts
            .retain(|c| c.last_seen + CONFLICT_TIMEOUT_MS >= now);
        let stale: Vec<String> = self
            .ignored
            .iter()
            .filter(|(_, seen)| **seen + IGNORED_TIMEOUT_MS < now)
            .map(|(t, _)| t.clone())
            .collect();
        for t in &stale {
            self.ignored.remove(t);
        }
        let gone: Vec<String> = self
            .tabs
            .iter()
            .filter(|(_, t)| t.last_seen + TAB_TIMEOUT_MS < now)
            .map(|(id, _)| id.clone())
            .collect();
        for id in &gone {
            self.tabs.remove(id);
        }
        gone
    }
}
