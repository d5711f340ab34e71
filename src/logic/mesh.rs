//! Tabs as nodes: the frames that tabs of one browser exchange over a BroadcastChannel, and
//! what a tab knows about the others (presence, roles, conflicts, rejected frames).
//!
//! This is plain data and logic; `channel.rs` only moves the frames' text. A frame wraps one
//! core message (the same bytes in-tab nodes exchange) with the sending tab and node, or is a
//! presence frame that tells the network's genesis so that a new tab can join. Everything that
//! arrives is untrusted: size-limited, parsed with a typed error, rate-limited, and then the
//! core validates the message inside like any other.

use crate::logic::class::ClassConnection;
use crate::logic::i18n::Say;
use crate::logic::link::{
    Invitation, LinkChange, LinkReason, LinkState, LinkStatus, LinkTable, Side,
};
use crate::logic::wire::{FrameError, MAX_FRAME_BYTES, MAX_NODES, MAX_TABS};
use pos_core::vec_map::VecMap;
use pos_core::{Genesis, Hash, PeerId};
use serde::{Deserialize, Serialize};

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

/// What the mesh wants done after an input, in order. The tab carries each out: the mesh
/// decides, the tab's nodes and feed are the tab's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeshEvent {
    /// Say where this tab stands to every other tab (`answer`: as a `Here`, else a `Hello`).
    /// Built when carried out, so that it tells the network the tab has then.
    Presence {
        /// A `Here` (the answer to a `Hello`) rather than a `Hello`.
        answer: bool,
    },
    /// A core message from another tab's node for this tab's nodes: node `to`, or all.
    Deliver {
        /// The sending node.
        from: PeerId,
        /// One local node, or every one.
        to: Option<usize>,
        /// The core message (JSON text, untrusted).
        data: String,
    },
    /// Rebuild this tab on that network: it was discovering, or the user chose it.
    Join(Genesis),
    /// Every local node forgets the nodes of this tab.
    Forget(String),
    /// A line for the activity feed.
    Note {
        /// `info` or `reject`.
        kind: &'static str,
        /// The line.
        text: Say,
    },
}

fn note(kind: &'static str, text: Say) -> MeshEvent {
    MeshEvent::Note { kind, text }
}

/// What accepting an invitation did to this tab's network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adoption {
    /// The inviter runs this tab's network already.
    Same,
    /// This tab had no chain of its own yet and joined the inviter's network.
    Joined,
    /// This tab runs another network with blocks of its own: a conflict waits for a choice.
    Conflict,
}

/// What one tab knows of the others: a state machine. Frames, the clock, link reports and
/// the user's choices go in as method calls (`handle_*`, `link_*`, `choose_*`); what that
/// means comes out as [`MeshEvent`]s, which the tab carries out.
#[derive(Debug, Clone)]
pub struct Mesh {
    tab: String,
    name: String,
    role: Role,
    /// When discovery began: when the tab was made, moved to its first tick (see
    /// [`Mesh::handle_timeout`]).
    since: u64,
    ticked: bool,
    tabs: VecMap<String, TabPeer>,
    conflicts: Vec<Conflict>,
    /// Tabs whose network the user chose not to join: their frames are dropped. The value is
    /// when each was last heard (ms).
    ignored: VecMap<String, u64>,
    rejected: VecMap<String, u64>,
    /// Start of the current rate window (ms) and frames accepted in it.
    window: (u64, u32),
    last_hello: u64,
    links: LinkTable,
    by_link: bool,
    wait_for_host: bool,
    class: Option<ClassConnection>,
}

impl Mesh {
    /// A tab that starts listening on network `name` at `now`.
    pub fn new(tab: String, name: String, now: u64) -> Mesh {
        Mesh {
            tab,
            name,
            role: Role::Discovering,
            since: now,
            ticked: false,
            tabs: VecMap::new(),
            conflicts: Vec::new(),
            ignored: VecMap::new(),
            rejected: VecMap::new(),
            window: (now, 0),
            last_hello: now,
            links: LinkTable::default(),
            by_link: false,
            wait_for_host: false,
            class: None,
        }
    }

    /// A tab with a network already (`hosts`: it started it): it says hello at once.
    /// `by_link`: it has no channel, only WebRTC links.
    pub fn settled(tab: String, name: String, hosts: bool, by_link: bool, now: u64) -> Mesh {
        let mut m = Mesh::new(tab, name, now);
        m.role = if hosts { Role::Host } else { Role::Member };
        m.last_hello = 0;
        m.by_link = by_link;
        m
    }

    /// This tab's id.
    pub fn tab(&self) -> &str {
        &self.tab
    }

    /// The network's name (from `?net=`, or the inviter's for a tab joined by link).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// This tab's part in its network.
    pub fn role(&self) -> Role {
        self.role
    }

    /// Other tabs by id.
    pub fn tabs(&self) -> &VecMap<String, TabPeer> {
        &self.tabs
    }

    /// Tabs on another network of this name, waiting for the user's choice.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Tabs ignored at the user's choice, with when each was last heard (ms).
    pub fn ignored(&self) -> &VecMap<String, u64> {
        &self.ignored
    }

    /// Frames dropped at the edge, by reason.
    pub fn rejected(&self) -> &VecMap<String, u64> {
        &self.rejected
    }

    /// The WebRTC links.
    pub fn links(&self) -> &LinkTable {
        &self.links
    }

    /// What the tab knows of its class server, when it was opened from one.
    pub fn class(&self) -> Option<&ClassConnection> {
        self.class.as_ref()
    }

    /// The same, to change.
    pub fn class_mut(&mut self) -> Option<&mut ClassConnection> {
        self.class.as_mut()
    }

    /// A class server hosts this network: the tab waits for the server's tab instead of
    /// starting the network itself after [`DISCOVERY_MS`].
    pub fn expect_class_host(&mut self) {
        self.wait_for_host = true;
        self.class.get_or_insert_with(ClassConnection::default);
    }

    /// This tab is the class server's own, at `address`.
    pub fn serve_class(&mut self, address: &str) {
        self.class = Some(ClassConnection {
            class: Some(self.name.clone()),
            server: Some(self.tab.clone()),
            connected: true,
            serving: true,
            address: Some(address.to_string()),
            ..ClassConnection::default()
        });
    }

    /// Counts a dropped frame.
    pub fn reject(&mut self, e: FrameError) {
        *self.rejected.get_or_insert_with(e.key().to_string(), || 0) += 1;
    }

    /// Whether a frame from `tab` may be taken: a known tab, or room for one more.
    fn room_for(&self, tab: &str) -> bool {
        self.tabs.contains_key(tab) || self.tabs.len() < MAX_TABS
    }

    /// Ignores `tab` from `now` on; the tab ignored and silent longest makes room.
    fn ignore(&mut self, tab: &str, now: u64) {
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
    fn admit(&mut self, now: u64) -> bool {
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

    /// This tab's presence: `Here` (an answer) or `Hello`, with `genesis` once it has a
    /// network, and its best `height`.
    pub fn presence(&self, answer: bool, genesis: &Genesis, height: u64) -> Frame {
        let genesis = (self.role != Role::Discovering).then(|| genesis.clone());
        let (tab, role) = (self.tab.clone(), self.role);
        if answer {
            Frame::Here {
                tab,
                role,
                genesis,
                height,
            }
        } else {
            Frame::Hello {
                tab,
                role,
                genesis,
                height,
            }
        }
    }

    /// The tab is closing: its goodbye.
    pub fn goodbye(&self) -> Frame {
        Frame::Bye {
            tab: self.tab.clone(),
        }
    }

    /// Core messages of this tab's nodes, as frames for the other tabs; none while
    /// discovering (a provisional network stays in the tab).
    pub fn outbound(&self, outbound: Vec<pos_core::sim::Outbound>) -> Vec<Frame> {
        if self.role == Role::Discovering {
            return Vec::new();
        }
        outbound
            .into_iter()
            .filter_map(|o| {
                Some(Frame::Msg {
                    tab: self.tab.clone(),
                    node: format!("n{}", o.from),
                    to: o.to.map(|p| p.0),
                    data: String::from_utf8(o.bytes).ok()?,
                })
            })
            .collect()
    }

    /// The tab rebuilt itself on another network ([`MeshEvent::Join`]): it is a member now,
    /// and says so.
    pub fn joined(&mut self) -> Vec<MeshEvent> {
        self.role = Role::Member;
        self.conflicts.clear();
        vec![MeshEvent::Presence { answer: false }]
    }

    /// One frame of text (untrusted) that came over `via` at `now`; `ours` is the network
    /// this tab's nodes run.
    pub fn handle_frame(
        &mut self,
        now: u64,
        text: &str,
        via: Via,
        ours: Option<Hash>,
    ) -> Vec<MeshEvent> {
        match self.take_frame(now, text, via, ours) {
            Ok(events) => events,
            Err(Some(e)) => {
                self.reject(e);
                Vec::new()
            }
            Err(None) => Vec::new(),
        }
    }

    fn take_frame(
        &mut self,
        now: u64,
        text: &str,
        via: Via,
        ours: Option<Hash>,
    ) -> Result<Vec<MeshEvent>, Option<FrameError>> {
        if !self.admit(now) {
            return Err(Some(FrameError::Flood));
        }
        let frame = parse(text)?;
        let tab = frame.tab().to_string();
        if tab == self.tab {
            return Err(None);
        }
        if let Some(seen) = self.ignored.get_mut(&tab) {
            *seen = now;
            return Err(None);
        }
        if !matches!(frame, Frame::Bye { .. }) && !self.room_for(&tab) {
            return Err(Some(FrameError::TooManyTabs));
        }
        match &via {
            // Through the class server: only as the tab the server says sent it, and only
            // from tabs the server carries for this one.
            Via::Relay(from) => {
                let carried = self.class.as_ref().is_some_and(|c| c.carries(from));
                if *from != tab || !carried {
                    return Err(Some(FrameError::BadTab));
                }
            }
            // Over a link: only from the tab at its other end.
            Via::WebRtc(id) => self.links.admit(id, &tab)?,
            Via::Channel => {}
        }
        Ok(match frame {
            Frame::Hello {
                role,
                genesis,
                height,
                ..
            } => {
                let mut events =
                    self.presence_frame(&tab, role, genesis, height, now, via, ours)?;
                events.push(MeshEvent::Presence { answer: true });
                events
            }
            Frame::Here {
                role,
                genesis,
                height,
                ..
            } => self.presence_frame(&tab, role, genesis, height, now, via, ours)?,
            Frame::Bye { .. } => {
                self.tabs.remove(&tab);
                let mut events = vec![MeshEvent::Forget(tab)];
                if let Via::WebRtc(id) = via {
                    events.extend(self.link_update(
                        &id,
                        LinkState::Closed,
                        LinkReason::Goodbye,
                        now,
                    ));
                }
                events
            }
            Frame::Msg { node, to, data, .. } => {
                let peer = self.tabs.get_or_insert_with(tab.clone(), || TabPeer {
                    role: Role::Member,
                    network: None,
                    height: 0,
                    last_seen: now,
                    via: via.clone(),
                });
                peer.last_seen = now;
                peer.via = via;
                if self.role == Role::Discovering {
                    return Err(None);
                }
                let to = match to {
                    None => None,
                    // For one node of this tab, or for another tab.
                    Some(to) => Some(
                        to.strip_prefix(self.tab.as_str())
                            .and_then(|r| r.strip_prefix("/n"))
                            .and_then(|n| n.parse::<usize>().ok())
                            .ok_or(None)?,
                    ),
                };
                let from = Mesh::peer_id(&tab, &node);
                vec![MeshEvent::Deliver { from, to, data }]
            }
        })
    }

    /// A tab said where it stands: note it, join its network while discovering, or record a
    /// conflict when it runs another network under our name.
    #[allow(clippy::too_many_arguments)]
    fn presence_frame(
        &mut self,
        tab: &str,
        role: Role,
        genesis: Option<Genesis>,
        height: u64,
        now: u64,
        via: Via,
        ours: Option<Hash>,
    ) -> Result<Vec<MeshEvent>, Option<FrameError>> {
        if genesis
            .as_ref()
            .is_some_and(|g| g.network.len() > pos_core::block::MAX_NETWORK_NAME)
        {
            return Err(Some(FrameError::BadGenesis));
        }
        let network = genesis.as_ref().map(|g| g.block().hash());
        self.tabs.insert(
            tab.to_string(),
            TabPeer {
                role,
                network,
                height,
                last_seen: now,
                via,
            },
        );
        let Some(genesis) = genesis else {
            return Ok(Vec::new());
        };
        // The class server's own tab runs the class's network: a page of the class whose
        // server restarted (a new chain under the class's name) joins it rather than asking.
        let our_server = self
            .class
            .as_ref()
            .is_some_and(|c| !c.serving && c.server.as_deref() == Some(tab));
        match self.role {
            Role::Discovering if role != Role::Discovering => Ok(vec![MeshEvent::Join(genesis)]),
            Role::Host | Role::Member if network != ours && our_server => Ok(vec![
                note("info", Say::new("feed-server-new-chain")),
                MeshEvent::Join(genesis),
            ]),
            Role::Host | Role::Member if network != ours => {
                self.conflict(tab, genesis, height, now)
            }
            _ => {
                // A tab that now runs this network (it joined ours, or we joined its) is no
                // longer in conflict with it.
                self.conflicts.retain(|c| c.tab != tab);
                Ok(Vec::new())
            }
        }
    }

    /// Tab `tab` runs another network under this one's name: the conflict waits for the
    /// user's choice (heard again, it stays while the tab speaks).
    fn conflict(
        &mut self,
        tab: &str,
        genesis: Genesis,
        height: u64,
        now: u64,
    ) -> Result<Vec<MeshEvent>, Option<FrameError>> {
        if let Some(c) = self.conflicts.iter_mut().find(|c| c.tab == tab) {
            if c.genesis == genesis {
                c.height = height;
                c.last_seen = now;
            }
            return Ok(Vec::new());
        }
        if self.conflicts.len() >= MAX_CONFLICTS {
            return Err(Some(FrameError::TooManyConflicts));
        }
        let network = genesis.block().hash();
        self.conflicts.push(Conflict {
            tab: tab.to_string(),
            genesis,
            network,
            height,
            last_seen: now,
        });
        Ok(vec![note(
            "reject",
            Say::new("feed-conflict").with("tab", tab),
        )])
    }

    /// The clock reached `now`: discovery ends, silent tabs and stuck links expire, and the
    /// tab repeats its presence when due.
    pub fn handle_timeout(&mut self, now: u64) -> Vec<MeshEvent> {
        let mut events = Vec::new();
        if !self.ticked {
            // The tab's greeting leaves with its first tick: a page slow to start (WebKit
            // compiling the page on a tablet or a busy machine) must not have spent the
            // discovery window before any other tab could answer.
            self.ticked = true;
            self.since = self.since.max(now);
        }
        if self.role == Role::Discovering && !self.wait_for_host && now >= self.since + DISCOVERY_MS
        {
            self.role = Role::Host;
            self.last_hello = 0;
            events.push(note(
                "info",
                Say::new("feed-started-network").with("network", self.name.clone()),
            ));
        }
        self.conflicts
            .retain(|c| c.last_seen + CONFLICT_TIMEOUT_MS >= now);
        self.ignored
            .retain(|_, seen| *seen + IGNORED_TIMEOUT_MS >= now);
        let gone: Vec<String> = self
            .tabs
            .iter()
            .filter(|(_, t)| t.last_seen + TAB_TIMEOUT_MS < now)
            .map(|(id, _)| id.clone())
            .collect();
        for id in gone {
            self.tabs.remove(&id);
            events.push(MeshEvent::Forget(id));
        }
        let (stuck, ended) = self.links.due(now);
        for id in stuck {
            events.extend(self.link_update(&id, LinkState::Failed, LinkReason::Stuck, now));
        }
        for id in ended {
            events.extend(self.link_forget(&id));
        }
        if self.role != Role::Discovering && now >= self.last_hello + HELLO_EVERY_MS {
            self.last_hello = now;
            events.push(MeshEvent::Presence { answer: false });
        }
        events
    }

    /// The user chose the network of conflicting tab `tab`: its genesis, to join.
    pub fn choose_theirs(&self, tab: &str) -> Result<Genesis, Say> {
        self.conflicts
            .iter()
            .find(|c| c.tab == tab)
            .map(|c| c.genesis.clone())
            .ok_or_else(|| Say::new("refusal-no-conflict").with("tab", tab))
    }

    /// The user chose to keep this tab's network at `now`: frames from `tab` are ignored from
    /// then on (until it falls silent for [`IGNORED_TIMEOUT_MS`]).
    pub fn choose_mine(&mut self, tab: &str, now: u64) -> Result<Vec<MeshEvent>, Say> {
        let before = self.conflicts.len();
        self.conflicts.retain(|c| c.tab != tab);
        if self.conflicts.len() == before {
            return Err(Say::new("refusal-no-conflict").with("tab", tab));
        }
        self.ignore(tab, now);
        self.tabs.remove(tab);
        Ok(vec![MeshEvent::Forget(tab.to_string())])
    }

    /// Refused while the tab still looks for its network of tabs.
    pub fn ready_to_invite(&self) -> Result<(), Say> {
        match self.role {
            Role::Discovering => Err(Say::new("refusal-discovering")),
            _ => Ok(()),
        }
    }

    /// Adds a link in state "connecting" ([`LinkTable::add`]); returns this tab's id for it.
    pub fn link_new(
        &mut self,
        side: Side,
        remote_link: Option<String>,
        remote: Option<String>,
        now: u64,
    ) -> Result<(String, Vec<MeshEvent>), Say> {
        let (id, dropped) = self.links.add(side, remote_link, remote, now)?;
        let events = match dropped {
            Some(l) => self.link_gone(&l),
            None => Vec::new(),
        };
        Ok((id, events))
    }

    /// The inviter learnt from the answer which tab is at the other end.
    pub fn link_answered(&mut self, id: &str, tab: Option<&str>, now: u64) {
        self.links.answered(id, tab, now);
    }

    /// The browser says where link `id` stands, and why: an open link says hello at once; a
    /// link that is over forgets the tab heard only through it.
    pub fn link_update(
        &mut self,
        id: &str,
        state: LinkState,
        reason: LinkReason,
        now: u64,
    ) -> Vec<MeshEvent> {
        match self.links.update(id, state, reason, now) {
            LinkChange::Opened { remote } => vec![
                note(
                    "info",
                    Say::new("feed-linked").with("tab", remote.unwrap_or_default()),
                ),
                MeshEvent::Presence { answer: false },
            ],
            LinkChange::Over {
                remote,
                word,
                reason,
            } => {
                let mut events = self.forget_over(id, remote.as_deref());
                events.push(note(
                    "reject",
                    Say::new("feed-link-over")
                        .with("tab", remote.as_deref().unwrap_or("?"))
                        .with("word", word)
                        .with("reason", reason.say()),
                ));
                events
            }
            LinkChange::Nothing | LinkChange::Changed => Vec::new(),
        }
    }

    /// Removes link `id` (the edge closes its connection); nothing when there is none.
    pub fn link_forget(&mut self, id: &str) -> Vec<MeshEvent> {
        match self.links.remove(id) {
            Some(l) => self.link_gone(&l),
            None => Vec::new(),
        }
    }

    fn link_gone(&mut self, l: &LinkStatus) -> Vec<MeshEvent> {
        self.forget_over(&l.id, l.remote.as_deref())
    }

    /// Forgets the tab reached over link `id` if it was last heard there.
    fn forget_over(&mut self, id: &str, remote: Option<&str>) -> Vec<MeshEvent> {
        let Some(tab) = remote else {
            return Vec::new();
        };
        let over_link = self
            .tabs
            .get(tab)
            .is_some_and(|t| t.via == Via::WebRtc(id.to_string()));
        if !over_link {
            return Vec::new();
        }
        self.tabs.remove(tab);
        vec![MeshEvent::Forget(tab.to_string())]
    }

    /// The invited side takes the inviter's network (`ours`: the network this tab runs;
    /// `fresh`: it has no block or pooled transaction of its own): the same one; or, when
    /// this tab has no chain of its own yet and no other tab or machine on its network, the
    /// inviter's; otherwise the two networks conflict and the page asks which to keep.
    pub fn invitation(
        &mut self,
        inv: &Invitation,
        ours: Option<Hash>,
        fresh: bool,
        now: u64,
    ) -> (Adoption, Vec<MeshEvent>) {
        let theirs = inv.genesis.block().hash();
        if Some(theirs) == ours {
            return (Adoption::Same, Vec::new());
        }
        // Tabs or machines already sharing this tab's network would be left behind.
        if self.role == Role::Discovering || (fresh && self.tabs.is_empty()) {
            // A tab without a channel of its own takes the network's name too.
            if self.by_link {
                self.name = inv.name.clone();
            }
            return (Adoption::Joined, vec![MeshEvent::Join(inv.genesis.clone())]);
        }
        let events = match self.conflict(&inv.tab, inv.genesis.clone(), 0, now) {
            Ok(events) if events.is_empty() => events,
            Ok(_) => vec![note(
                "reject",
                Say::new("feed-invitation-conflict").with("tab", inv.tab.clone()),
            )],
            Err(e) => {
                if let Some(e) = e {
                    self.reject(e);
                }
                Vec::new()
            }
        };
        (Adoption::Conflict, events)
    }

    /// Where the tab of `peer` was last heard, and for a WebRTC link its state's word.
    pub fn via_of(&self, tab: &str) -> Option<(&Via, Option<&'static str>)> {
        let via = &self.tabs.get(tab)?.via;
        let state = match via {
            Via::WebRtc(id) => Some(self.links.get(id).map_or("closed", |l| l.state.word())),
            _ => None,
        };
        Some((via, state))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pos_core::Wallet;

    fn genesis(name: &str) -> Genesis {
        Genesis {
            network: name.into(),
            forger: Wallet::from_seed([1; 32]).address(),
            exchange: Wallet::from_seed([2; 32]).address(),
            supply: 1_000,
            timestamp: 7,
        }
    }

    fn hello(tab: &str, role: Role, g: Option<&Genesis>) -> String {
        Frame::Hello {
            tab: tab.into(),
            role,
            genesis: g.cloned(),
            height: 3,
        }
        .to_text()
    }

    fn msg(tab: &str, to: Option<&str>) -> String {
        Frame::Msg {
            tab: tab.into(),
            node: "n1".into(),
            to: to.map(str::to_string),
            data: "{}".into(),
        }
        .to_text()
    }

    fn host(g: &Genesis) -> Mesh {
        Mesh::settled("me".into(), g.network.clone(), true, false, 0)
    }

    /// Each row: a mesh, one frame over the channel, the events it makes and the frame
    /// rejections counted.
    #[test]
    fn frames_in_events_out() {
        let ours = genesis("class");
        let theirs = genesis("class-other");
        let id = Some(ours.block().hash());
        let deliver = |to| MeshEvent::Deliver {
            from: PeerId("ab/n1".into()),
            to,
            data: "{}".into(),
        };
        let conflict_note = note("reject", Say::new("feed-conflict").with("tab", "ab"));
        let rows: Vec<(&str, Mesh, String, Vec<MeshEvent>, u64)> = vec![
            (
                "a discovering tab joins the first network it hears",
                Mesh::new("me".into(), "class".into(), 0),
                hello("ab", Role::Host, Some(&ours)),
                vec![
                    MeshEvent::Join(ours.clone()),
                    MeshEvent::Presence { answer: true },
                ],
                0,
            ),
            (
                "a host answers a hello of its own network",
                host(&ours),
                hello("ab", Role::Member, Some(&ours)),
                vec![MeshEvent::Presence { answer: true }],
                0,
            ),
            (
                "another network under our name is a conflict",
                host(&ours),
                hello("ab", Role::Host, Some(&theirs)),
                vec![conflict_note, MeshEvent::Presence { answer: true }],
                0,
            ),
            (
                "a message for every node",
                host(&ours),
                msg("ab", None),
                vec![deliver(None)],
                0,
            ),
            (
                "a message for node 2 here",
                host(&ours),
                msg("ab", Some("me/n2")),
                vec![deliver(Some(2))],
                0,
            ),
            (
                "a message for another tab",
                host(&ours),
                msg("ab", Some("cd/n2")),
                vec![],
                0,
            ),
            (
                "our own frame, echoed",
                host(&ours),
                msg("me", None),
                vec![],
                0,
            ),
            (
                "a goodbye",
                host(&ours),
                Frame::Bye { tab: "ab".into() }.to_text(),
                vec![MeshEvent::Forget("ab".into())],
                0,
            ),
            ("garbage", host(&ours), "{\"hello\":1}".into(), vec![], 1),
            ("a bad tab id", host(&ours), msg("a-b", None), vec![], 1),
        ];
        for (what, mut mesh, frame, events, rejected) in rows {
            let got = mesh.handle_frame(10, &frame, Via::Channel, id);
            assert_eq!(got, events, "{what}");
            assert_eq!(mesh.rejected().values().sum::<u64>(), rejected, "{what}");
        }
    }

    #[test]
    fn discovery_listens_from_the_first_tick_however_late_the_page_started() {
        let g = genesis("class");
        let mut m = Mesh::new("me".into(), "class".into(), 0);
        // The page took 5 s to start: its first tick does not end discovery at once.
        assert_eq!(m.handle_timeout(5_000), vec![]);
        assert_eq!(m.role(), Role::Discovering);
        let events = m.handle_frame(
            5_300,
            &hello("host1", Role::Host, Some(&g)),
            Via::Channel,
            None,
        );
        assert!(
            matches!(&events[..], [MeshEvent::Join(_), ..]),
            "joins the first network it hears: {events:?}"
        );
        // Nobody answering: it hosts a window after its first tick.
        let mut alone = Mesh::new("me".into(), "class".into(), 0);
        assert_eq!(alone.handle_timeout(5_000), vec![]);
        assert_eq!(alone.handle_timeout(5_000 + DISCOVERY_MS - 1), vec![]);
        assert!(!alone.handle_timeout(5_000 + DISCOVERY_MS).is_empty());
        assert_eq!(alone.role(), Role::Host);
    }

    #[test]
    fn the_clock_ends_discovery_and_forgets_silent_tabs() {
        let g = genesis("class");
        let mut m = Mesh::new("me".into(), "class".into(), 0);
        assert_eq!(m.handle_timeout(0), vec![]);
        assert_eq!(m.handle_timeout(DISCOVERY_MS - 1), vec![]);
        let events = m.handle_timeout(DISCOVERY_MS);
        assert!(matches!(
            &events[..],
            [MeshEvent::Note { kind: "info", .. }]
        ));
        assert_eq!(m.role(), Role::Host);
        assert_eq!(
            m.handle_timeout(HELLO_EVERY_MS),
            vec![MeshEvent::Presence { answer: false }]
        );
        let id = Some(g.block().hash());
        let _ = m.handle_frame(1_000, &hello("ab", Role::Member, None), Via::Channel, id);
        assert_eq!(m.tabs().len(), 1);
        let late = 1_000 + TAB_TIMEOUT_MS + 1;
        assert!(m
            .handle_timeout(late)
            .contains(&MeshEvent::Forget("ab".into())));
        assert!(m.tabs().is_empty());
    }

    #[test]
    fn a_link_admits_only_the_tab_at_its_other_end() {
        let g = genesis("class");
        let id = Some(g.block().hash());
        let mut m = host(&g);
        let (link, _) = m.link_new(Side::Inviter, None, None, 0).expect("room");
        let via = Via::WebRtc(link.clone());
        assert_eq!(
            m.handle_frame(1, &msg("ab", None), via.clone(), id).len(),
            1
        );
        assert_eq!(m.handle_frame(2, &msg("cd", None), via.clone(), id), vec![]);
        assert_eq!(m.rejected().get("frame:badTab"), Some(&1));
        // Its goodbye closes the link and forgets the tab.
        let bye = Frame::Bye { tab: "ab".into() }.to_text();
        let events = m.handle_frame(3, &bye, via.clone(), id);
        assert_eq!(events[0], MeshEvent::Forget("ab".into()));
        assert_eq!(
            m.links().get(&link).map(|l| l.state),
            Some(LinkState::Closed)
        );
        assert_eq!(m.handle_frame(4, &msg("ab", None), via, id), vec![]);
    }
}
