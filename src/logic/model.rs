//! The playground's state, free of any UI: the in-tab network of nodes and what the page says
//! about it. Components render it; the browser timer and the console API change it. Plain Rust,
//! so wasm tests drive it directly.

use crate::logic::i18n::Say;
use crate::logic::mesh::{Frame, Mesh, MeshEvent, Role, Via};
use crate::logic::views::{
    role_word, BalanceView, BlockView, ChainView, ConflictView, InfoPeerView, InfoView,
    NetworkView, PeerView, PoolView, StakerView, TabView, TxView,
};
use crate::logic::wire::MAX_NODES;
use crate::logic::words::percent_number;
use pos_core::sim::{Founding, LinkConfig, SimNet, SplitMix64};
use pos_core::vec_map::VecMap;
use pos_core::{
    Action, Address, Chain, Event, Genesis, Hash, Input, Node, NodeConfig, PeerId, TxKind, Wallet,
};
use serde::Serialize;
use serde_json::Value;
use std::collections::VecDeque;
use std::sync::Arc;

pub mod class;
pub mod links;

/// Latency of the in-tab links: long enough to watch a block travel.
pub const IN_TAB_LATENCY_MS: u64 = 350;

/// How long a winner lets its pool fill before forging, so a class can see the pool.
pub const FORGE_DELAY_MS: u64 = 1_200;

/// Tokens the exchange holds at genesis.
pub const SUPPLY: u64 = 1_000_000;

/// Nodes a fresh page starts with (the host included).
pub const START_NODES: usize = 4;

/// Why a tab could not be made: keys and ids come only from the browser's (or system's)
/// secure random generator, and it gave nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RandomnessError {
    /// `crypto.getRandomValues` (or the OS generator) failed.
    Unavailable,
}

impl std::fmt::Display for RandomnessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RandomnessError::Unavailable => {
                f.write_str("This browser gave no secure randomness, so no keys can be made")
            }
        }
    }
}

impl std::error::Error for RandomnessError {}

/// A new wallet straight from the secure random generator.
pub fn new_wallet() -> Result<Wallet, RandomnessError> {
    Wallet::generate().map_err(|_| RandomnessError::Unavailable)
}

/// A tab's ids, drawn from secure random bytes of their own: nothing in them comes from, or
/// leads to, any key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids {
    /// The tab's id as frames, invitations and peer names show it (16 hex digits from the
    /// page; any 1 to 16 letters and digits in tests).
    pub tab: String,
    /// The seed of the in-tab network's latency jitter. Never published, never a key.
    pub net_seed: u64,
}

impl Ids {
    /// Fresh ids: 8 random bytes for the tab id, 8 others for the latency seed.
    pub fn generate() -> Result<Ids, RandomnessError> {
        let mut bytes = [0u8; 16];
        getrandom::getrandom(&mut bytes).map_err(|_| RandomnessError::Unavailable)?;
        let (tab, seed) = bytes.split_at(8);
        let mut net_seed = [0u8; 8];
        net_seed.copy_from_slice(seed);
        Ok(Ids {
            tab: pos_core::hash::to_hex(tab),
            net_seed: u64::from_le_bytes(net_seed),
        })
    }
}

/// A new network's founding keys: the genesis key (Node 1 forges with it) and the exchange's.
#[derive(Clone)]
pub struct Founders {
    /// The genesis key.
    pub genesis: Wallet,
    /// The exchange's key (it may sign EXCHANGE transactions from the supply).
    pub exchange: Wallet,
}

impl Founders {
    /// Two keys, each straight from the secure random generator.
    pub fn generate() -> Result<Founders, RandomnessError> {
        Ok(Founders {
            genesis: new_wallet()?,
            exchange: new_wallet()?,
        })
    }
}

/// Colours told apart by colour-blind viewers (Okabe–Ito, then Paul Tol's muted set); every
/// node also carries its number, so colour is never the only cue.
pub const PALETTE: [&str; MAX_NODES] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#999933",
    "#882255", "#44AA99", "#AA4499", "#117733", "#6699CC", "#DDCC77", "#661100", "#888888",
];

/// What a form or the console asked for, in the console API's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Buy from the exchange.
    Exchange(u64),
    /// Pay another node (by index) or an address.
    Transfer(Target, u64),
    /// Stake.
    Stake(u64),
}

/// Who receives a transfer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A node of this tab, by index.
    Node(usize),
    /// Any address.
    Address(Address),
}

/// The outcome of a local action, as shown beside the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionResult {
    /// Whether the node accepted it.
    pub ok: bool,
    /// What to show.
    pub text: Say,
    /// A transaction waiting for a block, and what to show once node's chain holds it
    /// (given the block's `height`).
    #[serde(skip)]
    pub pending: Option<(Hash, Say)>,
}

impl ActionResult {
    /// A result with nothing to wait for.
    pub fn new(ok: bool, text: Say) -> ActionResult {
        ActionResult {
            ok,
            text,
            pending: None,
        }
    }
}

/// One line of the activity feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    /// When (ms, wall clock).
    pub time: u64,
    /// Which node it concerns.
    pub node: usize,
    /// "block", "tx", "reject" or "info".
    pub kind: &'static str,
    /// The line's words.
    pub text: Say,
}

/// A node card's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeSummary {
    /// Position in the tab (0-based; "Node 1" is index 0).
    pub index: usize,
    /// "Node 1", …
    pub name: String,
    /// Full address.
    pub address: String,
    /// Spendable balance at the node's tip.
    pub balance: u64,
    /// Stake at the node's tip.
    pub stake: u64,
    /// Transactions in its pool.
    pub pool: usize,
    /// Chain height.
    pub height: u64,
    /// Tip hash.
    pub tip: String,
    /// Whether it won the draw for the next block.
    pub forges_next: bool,
    /// Whether it hosts genesis and the exchange.
    pub host: bool,
    /// Its colour.
    pub colour: String,
    /// Whether it is crashed (neither hears nor speaks).
    pub crashed: bool,
    /// How it behaves: "honest" or an adversary's name.
    pub behaviour: String,
}

/// A row of the shared timeline: one block of the longest chain and which nodes hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    /// Height.
    pub height: u64,
    /// Hash.
    pub hash: Hash,
    /// The forger, as the page says it ("genesis" for block 0).
    pub forger: Say,
    /// Colour of the forger.
    pub colour: String,
    /// Number of transactions.
    pub transactions: usize,
    /// For each node: whether its chain holds this block.
    pub held_by: Vec<bool>,
}

/// What a step of the tab's network leaves for the edge to carry out, as the core's
/// `Node::handle` returns its outputs: frames for the other tabs and machines (every
/// transport), big draws for the lottery worker, and whether the state changed (save it and
/// draw it again).
#[must_use = "a step's frames and draws are lost unless the edge routes them"]
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Step {
    /// Frames, in the order said.
    pub frames: Vec<String>,
    /// Draws the nodes wait for, in the order asked.
    pub draws: Vec<pos_core::chain::DrawRequest>,
    /// Whether anything happened that must be saved and drawn.
    pub changed: bool,
}

impl Step {
    /// This step, then `later`.
    pub fn then(mut self, later: Step) -> Step {
        self.frames.extend(later.frames);
        self.draws.extend(later.draws);
        self.changed |= later.changed;
        self
    }
}

/// One event of the tab's network, as the timeline marks it (issue 29): one delivery or wake-up
/// of a node that said something, one command, one input from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Moment {
    /// A node forged block `height`.
    Forged {
        /// The block's height.
        height: u64,
    },
    /// A node kept a block on a side branch or switched branches: a fork.
    Fork,
    /// A message was delivered or a node woke, and it said something.
    Message,
    /// A person's command.
    Command,
    /// Something from outside the tab's network: another tab, a link, the class server, a
    /// draw from the worker.
    Outside,
}

impl Moment {
    /// What the nodes said in one delivery or wake-up, as one moment.
    fn of(events: &[(usize, Event)]) -> Moment {
        let mut moment = Moment::Message;
        for (_, e) in events {
            match e {
                Event::BlockForged { height, .. } => return Moment::Forged { height: *height },
                Event::SideBlock { .. } | Event::Reorg { .. } => moment = Moment::Fork,
                _ => {}
            }
        }
        moment
    }
}

/// The whole tab: the network's genesis, the in-memory network of this tab's nodes, the
/// activity feed, and (when the tab is part of a network of tabs) what it knows of other tabs.
/// A clone is a snapshot of the tab (its history keeps some, `logic/history.rs`).
#[derive(Clone)]
pub struct Playground {
    genesis: Genesis,
    net: SimNet,
    results: Vec<Option<ActionResult>>,
    /// Newest first; each line shared (`Arc`) between the copies the history keeps.
    activity: VecDeque<Arc<Activity>>,
    /// Lines ever written in the feed (the live region reads the ones it has not heard).
    logged: u64,
    mesh: Option<Mesh>,
    outbox: Vec<String>,
    spare: Option<Wallet>,
    /// This tab's id (also while it runs alone: invitations carry it).
    tab: String,
    /// The latency seed of the in-tab network ([`Ids::net_seed`]).
    net_seed: u64,
    /// Deferred draws answered by the lottery worker ([`crate::edge::draws`]).
    worker_draws: u64,
    /// Chain time: the wall clock, or the class clock when a class server sets it.
    clock: crate::logic::clock::ChainClock,
}

fn in_tab_conditions() -> LinkConfig {
    LinkConfig {
        latency_ms: IN_TAB_LATENCY_MS,
        jitter_ms: 150,
        drop_ppm: 0,
    }
}

fn node_config() -> NodeConfig {
    NodeConfig {
        forge_delay_ms: FORGE_DELAY_MS,
        ..NodeConfig::default()
    }
}

impl Playground {
    /// A network started at `now` on the keys of `founders`, with the host node and one node
    /// per wallet in `others`.
    pub fn new(founders: Founders, ids: Ids, now: u64, others: Vec<Wallet>) -> Playground {
        Self::founded(founders, ids, now, "playground", others)
    }

    /// A fresh page: new founding keys, node keys and ids, all from the secure random
    /// generator. With `network` the tab joins (or, with `start_new`, starts) that network of
    /// tabs with one node; otherwise it runs [`START_NODES`] nodes alone. Without randomness
    /// no key is made at all.
    pub fn fresh(
        network: Option<&str>,
        start_new: bool,
        now: u64,
    ) -> Result<Playground, RandomnessError> {
        let founders = Founders::generate()?;
        let ids = Ids::generate()?;
        if let Some(name) = network {
            let wallet = new_wallet()?;
            return Ok(Self::networked(name, founders, ids, now, wallet, start_new));
        }
        let wallets = (1..START_NODES)
            .map(|_| new_wallet())
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::new(founders, ids, now, wallets))
    }

    /// A tab of `net`'s nodes on `genesis`, alone, with an empty feed and no results yet.
    fn assembled(genesis: Genesis, net: SimNet, ids: Ids) -> Playground {
        Playground {
            genesis,
            results: vec![None; net.nodes().len()],
            net,
            activity: VecDeque::new(),
            logged: 0,
            mesh: None,
            outbox: Vec::new(),
            spare: None,
            tab: ids.tab,
            net_seed: ids.net_seed,
            worker_draws: 0,
            clock: crate::logic::clock::ChainClock::default(),
        }
    }

    fn founded(
        founders: Founders,
        ids: Ids,
        now: u64,
        name: &str,
        others: Vec<Wallet>,
    ) -> Playground {
        let founding =
            Founding::from_wallets(founders.genesis, founders.exchange, name, SUPPLY, now);
        let mut net = SimNet::new(ids.net_seed, in_tab_conditions(), now);
        net.add_node(Node::new(
            founding.genesis_wallet.clone(),
            Some(founding.exchange_wallet.clone()),
            Chain::new(founding.genesis.clone()),
            node_config(),
        ));
        let mut p = Self::assembled(founding.genesis, net, ids);
        for w in others {
            let _ = p.add_node(w);
        }
        p
    }

    /// A tab rebuilt around a validated `chain` (restoring a save, or importing a chain file):
    /// one node per wallet, each holding the chain; the exchange's wallet, if given, goes to the
    /// first node. With `network` the tab rejoins the network of tabs of that name, as its host
    /// when it holds the exchange, else as a member.
    pub(crate) fn from_chain(
        ids: Ids,
        now: u64,
        chain: Chain,
        wallets: Vec<Wallet>,
        exchange: Option<Wallet>,
        network: Option<String>,
    ) -> Playground {
        let mut net = SimNet::new(ids.net_seed, in_tab_conditions(), now);
        let mut exchange = exchange;
        let hosts = exchange.is_some();
        for w in wallets {
            net.add_node(Node::new(w, exchange.take(), chain.clone(), node_config()));
        }
        let mut p = Self::assembled(chain.genesis().clone(), net, ids);
        if let Some(name) = network {
            p.net.open_to_outside();
            p.mesh = Some(Mesh::settled(p.tab.clone(), name, hosts, false, now));
        }
        p
    }

    /// Every node's pooled transactions, without repeats, in the order first seen.
    pub(crate) fn pooled(&self) -> Vec<pos_core::Transaction> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for n in self.net.nodes() {
            for tx in n.node.pool().transactions() {
                if seen.insert(tx.id()) {
                    out.push(tx.clone());
                }
            }
        }
        out
    }

    /// Puts transactions back into every node's pool (those that still apply).
    pub(crate) fn repool(&mut self, txs: &[pos_core::Transaction]) {
        for i in 0..self.len() {
            if let Some(n) = self.net.node_mut(i) {
                n.restore_pool(txs.to_vec());
            }
        }
    }

    /// Writes a line in the activity feed.
    pub(crate) fn note(&mut self, text: Say) {
        self.log(0, "info", text);
    }

    /// A tab of the network of tabs called `name`: it listens for [`crate::logic::mesh::DISCOVERY_MS`]; if a
    /// tab answers with a genesis it joins that network with one node holding `wallet`,
    /// otherwise it starts the network itself and hosts genesis and the exchange. With
    /// `start_new` it hosts at once without listening. The founding keys are used only if it
    /// hosts.
    pub fn networked(
        name: &str,
        founders: Founders,
        ids: Ids,
        now: u64,
        wallet: Wallet,
        start_new: bool,
    ) -> Playground {
        let mut p = Self::founded(founders, ids, now, name, Vec::new());
        p.net.open_to_outside();
        p.spare = Some(wallet);
        p.mesh = Some(if start_new {
            // Deliberately a new network: host at once, and say so.
            Mesh::settled(p.tab.clone(), name.to_string(), true, false, now)
        } else {
            Mesh::new(p.tab.clone(), name.to_string(), now)
        });
        if let Some(hello) = p.presence(false) {
            p.outbox.push(hello.to_text());
        }
        if start_new {
            p.log(
                0,
                "info",
                Say::new("feed-new-network").with("network", name),
            );
        }
        p
    }

    /// The genesis of this tab's network.
    pub fn genesis(&self) -> &Genesis {
        &self.genesis
    }

    /// What this tab knows of other tabs (`None` when it runs alone).
    pub fn mesh(&self) -> Option<&Mesh> {
        self.mesh.as_ref()
    }

    /// Frames for the other tabs and machines since the last call: what an input outside
    /// [`Playground::advance`] (a frame received, a command) made the tab say at once. They
    /// leave in the next [`Step`].
    pub(crate) fn take_outbox(&mut self) -> Vec<String> {
        std::mem::take(&mut self.outbox)
    }

    fn presence(&self, answer: bool) -> Option<Frame> {
        let m = self.mesh.as_ref()?;
        Some(m.presence(answer, &self.genesis, self.best_height()))
    }

    fn best_height(&self) -> u64 {
        self.net
            .nodes()
            .iter()
            .map(|n| n.node.chain().height())
            .max()
            .unwrap_or(0)
    }

    /// Rebuilds this tab on another network's genesis: its nodes keep their wallets (the host's
    /// founding keys are dropped) and fetch the chain from their new peers.
    fn rebuild_on(&mut self, genesis: Genesis, now: u64) {
        let mut wallets: Vec<Wallet> = self
            .net
            .nodes()
            .iter()
            .filter(|n| !n.node.hosts_exchange())
            .map(|n| n.node.wallet().clone())
            .collect();
        if let Some(w) = self.spare.take() {
            wallets.insert(0, w);
        }
        let mut rng = SplitMix64::new(self.net_seed ^ now);
        let chain_now = self.clock.at(now);
        self.net = SimNet::new(rng.next_u64(), in_tab_conditions(), chain_now);
        self.net.open_to_outside();
        self.genesis = genesis;
        self.results.clear();
        for w in wallets {
            self.net.add_node(Node::new(
                w,
                None,
                Chain::new(self.genesis.clone()),
                node_config(),
            ));
            self.results.push(None);
        }
        let name = self.genesis.network.clone();
        self.log(
            0,
            "info",
            Say::new("feed-joined-network").with("network", name),
        );
        let joined = self.mesh.as_mut().map(Mesh::joined).unwrap_or_default();
        self.carry_out(now, joined);
    }

    /// Carries out what the mesh decided, in order.
    pub(crate) fn carry_out(&mut self, now: u64, events: Vec<MeshEvent>) {
        for e in events {
            match e {
                MeshEvent::Presence { answer } => {
                    if let Some(f) = self.presence(answer) {
                        self.outbox.push(f.to_text());
                    }
                }
                MeshEvent::Deliver { from, to, data } => {
                    self.net.advance_to(self.clock.at(now));
                    self.net.deliver_from_outside(&from, to, data.as_bytes());
                }
                MeshEvent::Join(genesis) => self.rebuild_on(genesis, now),
                MeshEvent::Forget(tab) => self.forget_tab(&tab),
                MeshEvent::Note { kind, text } => self.log(0, kind, text),
            }
        }
    }

    /// Takes one frame of text (untrusted) that came over `via`: the BroadcastChannel, a
    /// WebRTC link or the class server. The mesh decides what it means ([`Mesh::handle_frame`]).
    pub(crate) fn receive_frame_via(&mut self, text: &str, now: u64, via: Via) {
        let ours = self.net.node(0).map(|n| n.chain().network_id());
        let Some(m) = self.mesh.as_mut() else { return };
        let events = m.handle_frame(now, text, via, ours);
        self.carry_out(now, events);
    }

    /// Every local node forgets the nodes of `tab`.
    fn forget_tab(&mut self, tab: &str) {
        let prefix = format!("{tab}/");
        let mut gone: Vec<PeerId> = Vec::new();
        for n in self.net.nodes() {
            for id in n.node.peers().keys() {
                if id.0.starts_with(&prefix) && !gone.contains(id) {
                    gone.push(id.clone());
                }
            }
        }
        for id in gone {
            self.net.disconnect(&id);
        }
    }

    /// The user chose to join the network of conflicting tab `tab`.
    pub fn join_conflict(&mut self, tab: &str, now: u64) -> Result<(), Say> {
        let m = self.mesh.as_ref().ok_or(Say::new("refusal-runs-alone"))?;
        let genesis = m.choose_theirs(tab)?;
        self.rebuild_on(genesis, now);
        Ok(())
    }

    /// The user chose to keep this tab's network at `now`: frames from `tab` are ignored from
    /// then on (until it falls silent for [`crate::logic::mesh::IGNORED_TIMEOUT_MS`]).
    pub fn keep_mine(&mut self, tab: &str, now: u64) -> Result<(), Say> {
        let m = self.mesh.as_mut().ok_or(Say::new("refusal-runs-alone"))?;
        let events = m.choose_mine(tab, now)?;
        self.carry_out(now, events);
        Ok(())
    }

    /// The tab is closing: say goodbye.
    pub fn goodbye(&self) -> Option<String> {
        Some(self.mesh.as_ref()?.goodbye().to_text())
    }

    /// Discovery, presence and expiry of other tabs ([`Mesh::handle_timeout`]).
    fn mesh_step(&mut self, now: u64) {
        let Some(m) = self.mesh.as_mut() else { return };
        let events = m.handle_timeout(now);
        self.carry_out(now, events);
    }

    /// Core messages of this tab's nodes leave as frames.
    fn flush_outbound(&mut self) {
        let outbound = self.net.take_outbound();
        let Some(m) = self.mesh.as_ref() else { return };
        let frames = m.outbound(outbound);
        self.outbox.extend(frames.iter().map(Frame::to_text));
    }

    /// The network.
    pub fn net(&self) -> &SimNet {
        &self.net
    }

    /// The network, to break it on purpose (faults and adversaries).
    pub fn net_mut(&mut self) -> &mut SimNet {
        &mut self.net
    }

    /// Writes a line in the activity feed about node `i`.
    pub(crate) fn note_for(&mut self, i: usize, kind: &'static str, text: Say) {
        self.log(i, kind, text);
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.net.nodes().len()
    }

    /// Whether there are no nodes (never: the host stays).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Node `i`.
    pub fn node(&self, i: usize) -> Option<&Node> {
        self.net.node(i)
    }

    /// The name of node `i` in the console's words ("Node 1"); the page says
    /// [`Playground::node_words`].
    pub fn name(i: usize) -> String {
        format!("Node {}", i + 1)
    }

    /// The name of node `i` as the page says it (`node-name`, numbered from 1).
    pub fn node_words(i: usize) -> Say {
        Say::new("node-name").with("number", i + 1)
    }

    /// Who address `a` is: the exchange, a node of this tab, the class server, a peer of a
    /// node, genesis's forger, or none of them. [`Playground::who`] says it in the page's
    /// words, [`Playground::name_of`] in the console's.
    fn whom<'a>(&'a self, a: &Address) -> Whom<'a> {
        if *a == self.genesis.exchange {
            return Whom::Exchange;
        }
        if let Some(i) = self.index_of(a) {
            return Whom::Node(i);
        }
        let server = self
            .mesh
            .as_ref()
            .and_then(Mesh::class)
            .and_then(|c| c.server.as_deref());
        for n in self.net.nodes() {
            for (id, p) in n.node.peers() {
                if p.address == *a {
                    if server.is_some_and(|s| id.0.split_once('/').is_some_and(|(t, _)| t == s)) {
                        return Whom::ClassServer;
                    }
                    return Whom::Peer(id);
                }
            }
        }
        if *a == self.genesis.forger {
            return Whom::Genesis;
        }
        Whom::Unknown
    }

    /// A short tag for address `a` on the lottery's marks, the same in every language: a node's
    /// number (with a prime for a node of another tab), S for the class server, X for the
    /// exchange, G for genesis's forger, else the address's first two hex digits.
    pub fn tag_of(&self, a: &Address) -> String {
        match self.whom(a) {
            Whom::Node(i) => (i + 1).to_string(),
            Whom::ClassServer => "S".into(),
            Whom::Exchange => "X".into(),
            Whom::Genesis => "G".into(),
            Whom::Peer(id) => {
                id.0.rsplit('/')
                    .next()
                    .and_then(|n| n.strip_prefix('n'))
                    .filter(|n| n.parse::<usize>().is_ok())
                    .map_or_else(|| a.short().chars().take(2).collect(), |n| format!("{n}′"))
            }
            Whom::Unknown => a.short().chars().take(2).collect(),
        }
    }

    /// [`Playground::name_of`] as the page says it.
    pub fn who(&self, a: &Address) -> Say {
        match self.whom(a) {
            Whom::Exchange => Say::new("name-exchange"),
            Whom::Node(i) => Self::node_words(i),
            Whom::ClassServer => Say::new("name-class-server"),
            Whom::Peer(id) => Self::peer_words(id),
            Whom::Genesis => Say::new("name-genesis"),
            Whom::Unknown => Say::new("name-address").with("address", a.short()),
        }
    }

    /// [`Playground::peer_name`] as the page says it.
    pub fn peer_words(p: &PeerId) -> Say {
        let node = |n: &str| {
            n.strip_prefix('n')
                .and_then(|k| k.parse::<usize>().ok())
                .map(Self::node_words)
        };
        match p.0.split_once('/') {
            Some((tab, n)) => match node(n) {
                Some(name) => Say::new("name-peer-of-tab")
                    .with("node", name)
                    .with("tab", tab),
                None => Say::new("name-address").with("address", p.0.clone()),
            },
            None => {
                node(&p.0).unwrap_or_else(|| Say::new("name-address").with("address", p.0.clone()))
            }
        }
    }

    /// The colour of node `i`.
    pub fn colour(i: usize) -> &'static str {
        PALETTE[i % PALETTE.len()]
    }

    /// A readable name for any address: a node, the exchange, or a short hex.
    pub fn name_of(&self, a: &Address) -> String {
        match self.whom(a) {
            Whom::Exchange => "Exchange".into(),
            Whom::Node(i) => Self::name(i),
            Whom::ClassServer => "the class server".into(),
            Whom::Peer(id) => Self::peer_name(id),
            Whom::Genesis => "genesis".into(),
            Whom::Unknown => a.short(),
        }
    }

    /// A readable name for a link: "Node 3" in this tab, "Node 1 @ab12" in tab ab12.
    pub fn peer_name(p: &PeerId) -> String {
        let node = |n: &str| {
            n.strip_prefix('n')
                .and_then(|k| k.parse::<usize>().ok())
                .map(Self::name)
        };
        match p.0.split_once('/') {
            Some((tab, n)) => match node(n) {
                Some(name) => format!("{name} @{tab}"),
                None => p.0.clone(),
            },
            None => node(&p.0).unwrap_or_else(|| p.0.clone()),
        }
    }

    /// The node holding address `a`.
    pub fn index_of(&self, a: &Address) -> Option<usize> {
        self.net.nodes().iter().position(|n| n.node.address() == *a)
    }

    /// The colour for an address (grey when it is no node of this tab).
    pub fn colour_of(&self, a: &Address) -> &'static str {
        if let Some(i) = self.index_of(a) {
            return Self::colour(i);
        }
        if *a == self.genesis.exchange {
            return "#888888";
        }
        // A node of another tab: a colour this tab's own nodes do not use, picked from its
        // address so that it stays put while the tab's nodes stay the same. Names always
        // accompany colours, so a shared colour never misleads.
        let free = PALETTE.len().saturating_sub(self.len()).max(1);
        let pick = usize::from(a.0[0]) % free;
        PALETTE[(self.len() + pick) % PALETTE.len()]
    }

    /// Adds a node with `wallet`; it syncs the chain from its peers.
    pub fn add_node(&mut self, wallet: Wallet) -> Result<usize, Say> {
        if self.len() >= MAX_NODES {
            return Err(Say::new("refusal-most-nodes").with("most", MAX_NODES));
        }
        let node = Node::new(
            wallet,
            None,
            Chain::new(self.genesis.clone()),
            node_config(),
        );
        let i = self.net.add_node(node);
        self.results.push(None);
        self.log(
            i,
            "info",
            Say::new("feed-node-joined").with("node", Self::node_words(i)),
        );
        Ok(i)
    }

    /// Removes the newest node (never the host).
    pub fn remove_node(&mut self) -> Result<(), Say> {
        if self.len() <= 1 {
            return Err(Say::new("refusal-host-stays"));
        }
        self.net.remove_last();
        self.results.pop();
        let i = self.len();
        self.log(
            i,
            "info",
            Say::new("feed-node-left").with("node", Self::node_words(i)),
        );
        Ok(())
    }

    /// The result of node `i`'s last local action.
    pub fn result(&self, i: usize) -> Option<&ActionResult> {
        self.results.get(i).and_then(Option::as_ref)
    }

    /// The activity feed, newest first.
    pub fn activity(&self) -> impl Iterator<Item = &Activity> {
        self.activity.iter().map(|a| &**a)
    }

    /// Takes `other`'s feed (a history's first state keeps what the tab said before it).
    pub(crate) fn take_feed(&mut self, other: &Playground) {
        self.activity = other.activity.clone();
        self.logged = other.logged;
    }

    /// Puts back a feed read from a recording (untrusted: at most 80 lines, kinds from the
    /// feed's own set).
    pub(crate) fn set_feed(&mut self, lines: Vec<(u64, usize, String, Say)>) {
        const KINDS: [&str; 5] = ["block", "tx", "reject", "info", "reorg"];
        self.activity = lines
            .into_iter()
            .take(80)
            .map(|(time, node, kind, text)| {
                Arc::new(Activity {
                    time,
                    node,
                    kind: KINDS
                        .iter()
                        .find(|k| **k == kind)
                        .copied()
                        .unwrap_or("info"),
                    text,
                })
            })
            .collect();
        self.logged = self.activity.len() as u64;
    }

    /// How many lines the feed has had since the tab started (its first 80 are the newest
    /// [`Playground::activity`]): with it a reader of the feed knows which lines are new.
    pub fn logged(&self) -> u64 {
        self.logged
    }

    fn log(&mut self, node: usize, kind: &'static str, text: Say) {
        self.logged += 1;
        self.activity.push_front(Arc::new(Activity {
            time: self.clock.wall_seen().unwrap_or_else(|| self.net.now()),
            node,
            kind,
            text,
        }));
        self.activity.truncate(80);
    }

    /// Runs the network up to `now` (ms) and returns what must leave the tab: every frame
    /// waiting to go out, the big draws the nodes deferred, and whether anything happened
    /// that must be saved and drawn. The edge routes it (`edge/driver.rs`).
    pub fn advance(&mut self, now: u64) -> Step {
        self.advance_events(now, None).0
    }

    /// [`Playground::advance`], one delivery or wake-up at a time, stopping right after the
    /// `limit`-th that said something (then the network's time is that one's, not `now`'s);
    /// also what each of those showed, in order.
    pub fn advance_events(&mut self, now: u64, limit: Option<u64>) -> (Step, Vec<Moment>) {
        self.mesh_step(now);
        let t = self.clock.at(now);
        let moments = self.run_events(t, limit);
        (self.settle(), moments)
    }

    fn run_events(&mut self, t: u64, limit: Option<u64>) -> Vec<Moment> {
        let mut moments = Vec::new();
        loop {
            if limit.is_some_and(|l| moments.len() as u64 >= l) {
                return moments;
            }
            let before = self.net.events_waiting().len();
            if !self.net.step_to(t) {
                self.net.advance_to(t);
                return moments;
            }
            let said = &self.net.events_waiting()[before..];
            if !said.is_empty() {
                moments.push(Moment::of(said));
            }
        }
    }

    /// What the network said goes to the feed and the cards; frames and draws leave.
    fn settle(&mut self) -> Step {
        self.flush_outbound();
        let events = self.net.drain_events();
        let changed = !events.is_empty();
        for (i, e) in events {
            self.describe(i, e);
        }
        if changed {
            self.settle_results();
        }
        Step {
            frames: self.take_outbox(),
            draws: self.net.take_draw_requests(),
            changed,
        }
    }

    /// Whether the network has something due by wall-clock `now` (a delivery or a wake-up),
    /// or other tabs to keep up with: an advance to `now` that would do nothing need not be
    /// recorded in the history.
    pub fn due(&self, now: u64) -> bool {
        self.mesh.is_some()
            || self
                .net
                .next_due()
                .is_some_and(|d| d <= self.clock.peek(now))
    }

    /// This tab's own pause (the timeline's): chain time stops, nothing travels and nobody
    /// forges, until [`Playground::play`]. A tab linked to others cannot stop them, so it is
    /// refused there.
    pub fn pause(&mut self, now: u64) -> Result<(), Say> {
        self.alone("pause")?;
        self.clock.pause(now);
        Ok(())
    }

    /// Goes on after a pause (or changes the speed) at `quarters` of the wall clock (4: ×1),
    /// from where chain time stopped.
    pub fn play(&mut self, now: u64, quarters: u8) -> Result<(), Say> {
        self.alone("speed")?;
        let chain = self.clock.at(now);
        self.clock.resume(now, chain, quarters);
        Ok(())
    }

    /// While paused, runs the network on to its next event (at most a minute of chain time):
    /// one delivery or wake-up that says something.
    pub fn step_event(&mut self, now: u64) -> Result<Step, Say> {
        self.alone("step")?;
        if !self.clock.paused() {
            return Err(Say::new("refusal-step-paused"));
        }
        self.clock.at(now);
        let horizon = self.net.now().saturating_add(60_000);
        self.run_to_next_event(horizon);
        self.clock.hold_at(self.net.now());
        Ok(self.settle())
    }

    /// Deliveries and wake-ups up to `horizon`, stopping after the first that says something;
    /// the network's time stays at the last one's.
    fn run_to_next_event(&mut self, horizon: u64) {
        loop {
            let before = self.net.events_waiting().len();
            if !self.net.step_to(horizon) || self.net.events_waiting().len() > before {
                return;
            }
        }
    }

    /// Refused on a tab linked to others: `what` (`pause`, `speed`, `step`) would act on the
    /// network they share.
    fn alone(&self, what: &'static str) -> Result<(), Say> {
        match &self.mesh {
            None => Ok(()),
            Some(_) => Err(Say::new("refusal-linked").with("what", what)),
        }
    }

    /// Chain time goes on from the network's own time at wall-clock `now`: after going back in
    /// the history, or switching to another branch of it, the network resumes where that
    /// moment left it instead of catching up with the wall clock.
    pub fn rebase_clock(&mut self, now: u64) {
        let paused = self.clock.paused();
        self.clock
            .resume(now, self.net.now(), self.clock.quarters());
        if paused {
            self.clock.pause(now);
        }
    }

    /// The tab's chain clock.
    pub fn clock(&self) -> &crate::logic::clock::ChainClock {
        &self.clock
    }

    /// The tab's ids (a recording carries them, so that its network replays the same).
    pub fn ids(&self) -> Ids {
        Ids {
            tab: self.tab.clone(),
            net_seed: self.net_seed,
        }
    }

    /// Hands the nodes a draw they deferred (see [`crate::edge::draws`]), computed by the lottery
    /// worker (`by_worker`) or on the page's thread, then catches up like
    /// [`Playground::advance`], whose [`Step`] it returns.
    pub fn deliver_draw(
        &mut self,
        draw: pos_core::chain::DrawRequest,
        ranking: Option<pos_core::Ranking>,
        by_worker: bool,
        now: u64,
    ) -> Step {
        self.worker_draws += u64::from(by_worker);
        let woken = self.net.deliver_draw(draw.seed, draw.stakers, ranking);
        let mut step = self.advance(now);
        step.changed |= woken > 0;
        step
    }

    /// How many deferred draws the lottery worker answered.
    pub fn worker_draws(&self) -> u64 {
        self.worker_draws
    }

    /// Turns a node's event into a line of the feed (gossip echoes are left out).
    fn describe(&mut self, i: usize, e: Event) {
        let me = Self::node_words(i);
        let from_name = Self::peer_words;
        match e {
            Event::BlockForged {
                height,
                transactions,
                rank,
                slot,
                ..
            } => self.log(
                i,
                "block",
                if rank == 0 {
                    Say::new("feed-forged")
                        .with("node", me)
                        .with_id("height", height)
                        .with("count", transactions)
                } else {
                    Say::new("feed-forged-in-slot")
                        .with("node", me)
                        .with_id("height", height)
                        .with("slot", slot)
                        .with("rank", rank + 1)
                },
            ),
            Event::Reorg {
                depth,
                returned_txs,
                new_tip,
                ..
            } => self.log(
                i,
                "reorg",
                Say::new("feed-reorg")
                    .with("node", me)
                    .with("tip", new_tip.short(8))
                    .with("depth", depth)
                    .with("returned", returned_txs.len()),
            ),
            Event::Equivocation {
                forger,
                height,
                hashes,
            } => {
                let forger = self.who(&forger);
                self.log(
                    i,
                    "reject",
                    Say::new("feed-equivocation")
                        .with("node", me)
                        .with("forger", forger)
                        .with("count", hashes.len())
                        .with_id("height", height),
                )
            }
            Event::Misbehaved {
                behaviour, height, ..
            } => self.log(
                i,
                "reject",
                Say::new("feed-misbehaved")
                    .with("node", me)
                    .with("behaviour", behaviour.name())
                    .with_id("height", height),
            ),
            Event::ChainReplaced {
                from,
                old_height,
                new_height,
            } => self.log(
                i,
                "info",
                Say::new("feed-chain-replaced")
                    .with("node", me)
                    .with_id("old", old_height)
                    .with("peer", from_name(&from))
                    .with_id("new", new_height),
            ),
            Event::TxRejected { from, reason, .. } => self.log(
                i,
                "reject",
                Say::new("feed-tx-refused")
                    .with("node", me)
                    .with("peer", from_name(&from))
                    .with("why", Say::refusal("refusal-tx", &reason, None)),
            ),
            Event::TxDropped { reason, .. } => self.log(
                i,
                "reject",
                Say::new("feed-tx-dropped")
                    .with("node", me)
                    .with("why", Say::refusal("refusal-tx", &reason, None)),
            ),
            Event::BlockRejected {
                from,
                reason,
                height,
            } => self.log(
                i,
                "reject",
                Say::new("feed-block-refused")
                    .with("node", me)
                    .with_id("height", height)
                    .with("peer", from_name(&from))
                    .with(
                        "why",
                        Say::refusal("refusal-block", &reason, Some("refusal-tx")),
                    ),
            ),
            Event::ChainRejected { from, reason } => self.log(
                i,
                "reject",
                Say::new("feed-chain-refused")
                    .with("node", me)
                    .with("peer", from_name(&from))
                    .with(
                        "why",
                        Say::refusal("refusal-chain", &reason, Some("refusal-block")),
                    ),
            ),
            Event::MessageRejected { from, reason } => self.log(
                i,
                "reject",
                Say::new("feed-message-dropped")
                    .with("node", me)
                    .with("peer", from_name(&from))
                    .with(
                        "why",
                        Say::refusal("refusal-message", &reason, Some("refusal-decode")),
                    ),
            ),
            Event::PeerLost { peer } => self.log(
                i,
                "info",
                Say::new("feed-peer-lost")
                    .with("node", me)
                    .with("peer", from_name(&peer)),
            ),
            _ => {}
        }
    }

    /// Node `i` submits a request; the result is also kept for the card.
    pub fn submit(&mut self, i: usize, request: Request) -> Result<Hash, Say> {
        let result = self.try_submit(i, &request);
        let to = match &request {
            Request::Transfer(Target::Node(j), _) => Self::node_words(*j),
            Request::Transfer(Target::Address(a), _) => self.who(a),
            _ => Say::new("name-exchange"),
        };
        // What the card says, what the feed says once the node accepted it, and what the card
        // says once the transaction is in a block (a purchase is a request to the exchange,
        // whose own transaction the card does not follow).
        let (card, feed, landed) = match &request {
            Request::Exchange(a) => (
                Say::new("result-asked").with("amount", *a),
                Say::new("feed-asked"),
                None,
            ),
            Request::Stake(a) => (
                Say::new("result-staking").with("amount", *a),
                Say::new("feed-staked"),
                Some(Say::new("result-staked").with("amount", *a)),
            ),
            Request::Transfer(_, a) => (
                Say::new("result-sending")
                    .with("amount", *a)
                    .with("to", to.clone()),
                Say::new("feed-sent"),
                Some(
                    Say::new("result-sent")
                        .with("amount", *a)
                        .with("to", to.clone()),
                ),
            ),
        };
        let amount = match &request {
            Request::Exchange(a) | Request::Stake(a) | Request::Transfer(_, a) => *a,
        };
        let text = match &result {
            Ok(_) => {
                let line = Say {
                    key: feed.key,
                    args: Vec::new(),
                }
                .with("node", Self::node_words(i))
                .with("amount", amount)
                .with("to", to);
                self.log(i, "tx", line);
                card
            }
            Err(why) => Say::new("result-refused").with("why", why.clone()),
        };
        let pending = match (&result, landed) {
            (Ok(id), Some(landed)) => Some((*id, landed)),
            _ => None,
        };
        if let Some(slot) = self.results.get_mut(i) {
            *slot = Some(ActionResult {
                ok: result.is_ok(),
                text,
                pending,
            });
        }
        result
    }

    /// Cards whose transaction reached a block of their node's chain say so.
    fn settle_results(&mut self) {
        for (i, slot) in self.results.iter_mut().enumerate() {
            let Some(r) = slot.as_mut() else {
                continue;
            };
            let Some((id, landed)) = &r.pending else {
                continue;
            };
            let Some(chain) = self.net.nodes().get(i).map(|n| n.node.chain()) else {
                continue;
            };
            if !chain.contains_tx(id) {
                continue;
            }
            let height = chain
                .blocks()
                .rev()
                .find(|b| b.transactions.iter().any(|t| t.id() == *id))
                .map_or(0, |b| b.height);
            r.text = landed.clone().with_id("height", height);
            r.pending = None;
        }
    }

    fn try_submit(&mut self, i: usize, request: &Request) -> Result<Hash, Say> {
        let no_node = |j: usize| Say::new("refusal-no-node").with("index", j);
        if i >= self.len() {
            return Err(no_node(i));
        }
        let action = match request {
            Request::Exchange(amount) => Action::Exchange { amount: *amount },
            Request::Stake(amount) => Action::Stake { amount: *amount },
            Request::Transfer(target, amount) => {
                let to = match target {
                    Target::Node(j) => self
                        .node(*j)
                        .map(Node::address)
                        .ok_or_else(|| no_node(*j))?,
                    Target::Address(a) => *a,
                };
                Action::Transfer {
                    to,
                    amount: *amount,
                }
            }
        };
        let events = self.net.input(i, Input::Submit(action));
        for e in events {
            match e {
                Event::Submitted { id } => return Ok(id),
                Event::SubmitRejected { reason } => {
                    return Err(Say::refusal("refusal-action", &reason, Some("refusal-tx")));
                }
                _ => {}
            }
        }
        Err(Say::new("refusal-no-answer"))
    }

    /// Node `i` forges now if it won the draw.
    pub fn forge(&mut self, i: usize) -> Result<(u64, Hash), Say> {
        if i >= self.len() {
            return Err(Say::new("refusal-no-node").with("index", i));
        }
        let tip = self.node(i).map_or(0, |n| n.chain().tip().height);
        if self.forge_up_to().is_some_and(|h| tip >= h) {
            return Err(Say::new("refusal-class-paused"));
        }
        let events = self.net.input(i, Input::ForgeNow);
        let mut answer = Err(Say::new("refusal-nothing-happened"));
        for e in events.iter() {
            match e {
                Event::BlockForged { height, hash, .. } => answer = Ok((*height, *hash)),
                Event::ForgeRefused { winner } => {
                    answer = Err(Say::new("refusal-not-the-winner")
                        .with("node", Self::node_words(i))
                        .with(
                            "winner",
                            winner.map_or(Say::new("name-nobody"), |w| self.who(&w)),
                        ));
                }
                _ => {}
            }
        }
        for e in events {
            self.describe(i, e);
        }
        let text = match &answer {
            Ok((h, _)) => Say::new("result-forged").with_id("height", *h),
            Err(why) => Say::new("result-refused").with("why", why.clone()),
        };
        if let Some(slot) = self.results.get_mut(i) {
            *slot = Some(ActionResult::new(answer.is_ok(), text));
        }
        answer
    }

    /// The numbers of node `i`'s card.
    pub fn summary(&self, i: usize) -> Option<NodeSummary> {
        let n = self.node(i)?;
        let chain = n.chain();
        let me = n.address();
        Some(NodeSummary {
            index: i,
            name: Self::name(i),
            address: me.to_hex(),
            balance: chain.accounts().balance(&me),
            stake: chain.accounts().stake(&me),
            pool: n.pool().len(),
            height: chain.height(),
            tip: chain.tip_hash().to_hex(),
            forges_next: n.is_next_forger(),
            host: n.hosts_exchange(),
            colour: Self::colour(i).to_string(),
            crashed: self.net.is_crashed(i),
            behaviour: n.behaviour().name().to_string(),
        })
    }

    /// Every node's card numbers.
    pub fn summaries(&self) -> Vec<NodeSummary> {
        (0..self.len()).filter_map(|i| self.summary(i)).collect()
    }

    /// The node with the highest chain (the first on a tie).
    fn longest(&self) -> Option<&Node> {
        self.net
            .nodes()
            .iter()
            .map(|n| &n.node)
            .fold(None, |best: Option<&Node>, n| match best {
                Some(b) if b.chain().height() >= n.chain().height() => Some(b),
                _ => Some(n),
            })
    }

    /// The newest `rows` blocks of the longest chain, newest first, with who holds each.
    pub fn timeline(&self, rows: usize) -> Vec<TimelineRow> {
        let Some(best) = self.longest() else {
            return Vec::new();
        };
        let chain = best.chain();
        chain
            .blocks()
            .zip(chain.hashes())
            .rev()
            .take(rows)
            .map(|(b, hash)| {
                let held_by = self
                    .net
                    .nodes()
                    .iter()
                    .map(|n| n.node.chain().hash_at(b.height) == Some(*hash))
                    .collect();
                TimelineRow {
                    height: b.height,
                    hash: *hash,
                    forger: self.forger_words(b.height, &b.forger),
                    colour: self.colour_of(&b.forger).to_string(),
                    transactions: b.transactions.len(),
                    held_by,
                }
            })
            .collect()
    }

    fn tx_view(&self, tx: &pos_core::Transaction) -> TxView {
        TxView {
            amount: tx.amount,
            id: tx.id(),
            nonce: tx.nonce,
            receiver: tx.receiver,
            receiver_name: self.name_of(&tx.receiver),
            receiver_words: self.who(&tx.receiver),
            sender: tx.sender,
            sender_name: self.name_of(&tx.sender),
            sender_words: self.who(&tx.sender),
            signature: tx.signature,
            timestamp: tx.timestamp,
            kind: tx.kind,
        }
    }

    /// A block's forger's name: "genesis" for block 0.
    pub fn forger_name(&self, height: u64, forger: &Address) -> String {
        if height == 0 {
            "genesis".into()
        } else {
            self.name_of(forger)
        }
    }

    /// [`Playground::forger_name`] as the page says it.
    pub fn forger_words(&self, height: u64, forger: &Address) -> Say {
        if height == 0 {
            Say::new("name-genesis")
        } else {
            self.who(forger)
        }
    }

    /// Node `i`'s chain as the Python's `/blockchain` view.
    pub fn chain_view(&self, i: usize) -> Option<ChainView> {
        let chain = self.node(i)?.chain();
        let blocks = chain
            .blocks()
            .zip(chain.hashes())
            .map(|(b, h)| BlockView {
                forger: b.forger,
                forger_name: self.forger_name(b.height, &b.forger),
                forger_words: self.forger_words(b.height, &b.forger),
                hash: *h,
                height: b.height,
                prev_hash: b.prev_hash,
                signature: b.signature,
                timestamp: b.timestamp,
                transactions: b.transactions.iter().map(|t| self.tx_view(t)).collect(),
            })
            .collect();
        Some(ChainView {
            blocks,
            network: chain.network_id(),
        })
    }

    /// Node `i`'s pool as the Python's `/transactionPool` view.
    pub fn pool_view(&self, i: usize) -> Option<PoolView> {
        let pool = self.node(i)?.pool();
        Some(PoolView {
            transactions: pool.transactions().map(|t| self.tx_view(t)).collect(),
        })
    }

    /// Node `i`'s `/info` view: address, peers, height, stake and balance tables.
    pub fn info_view(&self, i: usize) -> Option<InfoView> {
        let node = self.node(i)?;
        let chain = node.chain();
        let accounts = chain.accounts();
        let total = accounts.total_stake();
        let stakers = accounts
            .stakers()
            .iter()
            .map(|(a, s)| StakerView {
                address: *a,
                name: self.name_of(a),
                words: self.who(a),
                share_percent: percent_number(*s, total),
                stake: *s,
            })
            .collect();
        let balances = accounts
            .addresses()
            .iter()
            .map(|a| BalanceView {
                address: *a,
                balance: accounts.balance(a),
                name: self.name_of(a),
                words: self.who(a),
            })
            .collect();
        let peers = node
            .peers()
            .iter()
            .map(|(id, p)| InfoPeerView {
                address: p.address,
                height: p.height,
                last_seen: p.last_seen,
                name: self.name_of(&p.address),
                words: self.who(&p.address),
                peer: id.0.clone(),
            })
            .collect();
        Some(InfoView {
            address: node.address(),
            balances,
            height: chain.height(),
            host: node.hosts_exchange(),
            name: Self::name(i),
            network: chain.network_id(),
            next_forger: chain.next_forger().map(|a| self.name_of(&a)),
            next_forger_words: chain.next_forger().map(|a| self.who(&a)),
            peers,
            stakers,
            tip: chain.tip_hash(),
        })
    }

    /// The console API's `network()` and the network bar: the network's name, this tab's id
    /// and role, the other tabs, conflicts waiting for a choice, and frames dropped at the edge.
    pub fn network_view(&self) -> NetworkView {
        let id = self.net.node(0).map(|n| n.chain().network_id());
        match &self.mesh {
            None => NetworkView {
                class: None,
                conflicts: Vec::new(),
                links: Vec::new(),
                name: self.genesis.network.clone(),
                network: id,
                rejected: Default::default(),
                role: "solo",
                tab: None,
                tabs: Vec::new(),
            },
            Some(m) => NetworkView {
                class: Some(m.class().cloned()),
                conflicts: m
                    .conflicts()
                    .iter()
                    .map(|c| ConflictView {
                        height: c.height,
                        network: c.network,
                        tab: c.tab.clone(),
                    })
                    .collect(),
                links: self.links(),
                name: m.name().to_string(),
                network: if m.role() == Role::Discovering {
                    None
                } else {
                    id
                },
                rejected: m.rejected().clone(),
                role: role_word(m.role()),
                tab: Some(m.tab().to_string()),
                tabs: m
                    .tabs()
                    .iter()
                    .map(|(id, t)| TabView {
                        height: t.height,
                        last_seen: t.last_seen,
                        network: t.network,
                        role: role_word(t.role),
                        tab: id.clone(),
                        via: t.via.word(),
                    })
                    .collect(),
            },
        }
    }

    /// The console API's `peers(i)`: node i's peers, with where each lives.
    pub fn peers_view(&self, i: usize) -> Option<Vec<PeerView>> {
        let node = self.node(i)?;
        Some(
            node.peers()
                .iter()
                .map(|(id, p)| {
                    let (via, link, state) = self.link_of_peer(id);
                    PeerView {
                        address: p.address,
                        height: p.height,
                        last_seen: p.last_seen,
                        link,
                        name: Self::peer_name(id),
                        peer: id.0.clone(),
                        state,
                        via,
                    }
                })
                .collect(),
        )
    }

    /// The console API's `rejected(i)`: node i's dropped messages, transactions and blocks by
    /// reason, plus the frames this tab dropped before any node saw them.
    pub fn rejected_view(&self, i: usize) -> Option<VecMap<String, u64>> {
        let node = self.node(i)?;
        Some(self.with_frame_rejections(node.rejected().clone()))
    }

    /// Every rejection in this tab (all nodes and the edge), for the page's counter.
    pub fn rejected_total(&self) -> VecMap<String, u64> {
        let mut all = VecMap::new();
        for n in self.net.nodes() {
            for (k, v) in n.node.rejected() {
                *all.get_or_insert_with(k.clone(), || 0) += v;
            }
        }
        self.with_frame_rejections(all)
    }

    fn with_frame_rejections(&self, mut counts: VecMap<String, u64>) -> VecMap<String, u64> {
        if let Some(m) = &self.mesh {
            for (k, v) in m.rejected() {
                *counts.get_or_insert_with(k.clone(), || 0) += v;
            }
        }
        counts
    }

    /// Parses the console API's `submit(i, {kind, to, amount})` argument.
    pub fn parse_request(&self, v: &Value) -> Result<Request, String> {
        let kind = v
            .get("kind")
            .and_then(Value::as_str)
            .ok_or("give kind: \"exchange\", \"transfer\" or \"stake\"")?;
        let amount = v
            .get("amount")
            .and_then(Value::as_u64)
            .ok_or("give amount: a whole number of tokens")?;
        match kind.to_ascii_lowercase().as_str() {
            "exchange" | "buy" => Ok(Request::Exchange(amount)),
            "stake" => Ok(Request::Stake(amount)),
            "transfer" => {
                let to = v
                    .get("to")
                    .ok_or("a transfer needs to: a node index or an address")?;
                let target = if let Some(j) = to.as_u64() {
                    Target::Node(usize::try_from(j).map_err(|_| "no such node")?)
                } else if let Some(s) = to.as_str() {
                    Target::Address(Address::from_hex(s).map_err(|e| format!("to: {e}"))?)
                } else {
                    return Err("to must be a node index or an address".into());
                };
                Ok(Request::Transfer(target, amount))
            }
            other => Err(format!(
                "unknown kind \"{other}\": use exchange, transfer or stake"
            )),
        }
    }

    /// Which transaction kinds exist, for forms.
    pub fn kinds() -> [TxKind; 3] {
        [TxKind::Exchange, TxKind::Transfer, TxKind::Stake]
    }
}

/// Who an address is ([`Playground::whom`]).
enum Whom<'a> {
    Exchange,
    Node(usize),
    ClassServer,
    Peer(&'a PeerId),
    Genesis,
    Unknown,
}
