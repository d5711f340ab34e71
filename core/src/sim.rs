//! An in-memory network of nodes in simulated time, with seeded latency, jitter and loss, and
//! the faults a class can inflict on it.
//!
//! [`SimNet`] is a driver like any other: it feeds nodes their inputs and carries their outputs.
//! Time only moves when the caller says so ([`SimNet::advance_to`]), and every random choice
//! comes from one seeded [`SplitMix64`], so one seed gives one history, byte for byte, natively
//! and in wasm. The page drives the same type from browser timers.
//!
//! Faults:
//! - **Link conditions** ([`SimNet::set_link`]): latency, jitter and a drop rate for every
//!   message sent from then on.
//! - **Partitions** ([`SimNet::set_partition`], [`SimNet::heal`]): nodes are put in groups and
//!   two nodes are linked only while some group holds both. A node listed in two groups is a
//!   bridge between them; a node in no group is cut off. Messages are checked when sent and
//!   again when due, so a partition also cuts what is in flight.
//! - **Crashes** ([`SimNet::crash`], [`SimNet::restart`]): a crashed node neither receives nor
//!   ticks nor takes input, and messages due to it are lost. On restart it resumes from the
//!   state it had and catches up through the protocol (heartbeats, chain sync).
//!
//! Lost messages of any kind count as dropped in [`SimNet::traffic`].
//!
//! **Deferred draws** ([`crate::node::NodeConfig::defer_draws_from`],
//! [`SimNet::set_defer_draws_from`]): by default the network answers every
//! [`Output::Draw`] itself at once, so a simulation of deferring nodes runs as one of
//! synchronous nodes does. With [`SimNet::set_external_draws`] it queues them instead for a
//! driver that computes them elsewhere (the page's worker): [`SimNet::take_draw_requests`],
//! then [`SimNet::deliver_draw`].

use crate::block::Genesis;
pub use crate::chain::DrawRequest;
use crate::chain::{compute_draw, remember_draw, Chain};
use crate::hash::Hash;
use crate::lottery::Ranking;
use crate::node::{Action, Behaviour, Event, Input, Node, NodeConfig, Output, PeerId};
use crate::wallet::{Address, Wallet};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// A small seeded generator (SplitMix64): deterministic everywhere, no global state.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`0` when `n == 0`), without modulo bias worth noticing for small `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            ((self.next_u64() as u128 * n as u128) >> 64) as u64
        }
    }

    /// True with probability `ppm / 1_000_000`.
    pub fn chance_ppm(&mut self, ppm: u32) -> bool {
        self.below(1_000_000) < u64::from(ppm)
    }

    /// 32 random bytes (a wallet seed).
    pub fn bytes32(&mut self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for chunk in out.chunks_mut(8) {
            chunk.copy_from_slice(&self.next_u64().to_le_bytes());
        }
        out
    }
}

/// Conditions on every link. Integers only: the drop rate is in parts per million.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkConfig {
    /// Base one-way delay (ms).
    pub latency_ms: u64,
    /// Extra delay, uniform in `0..=jitter_ms`.
    pub jitter_ms: u64,
    /// Messages lost, per million.
    pub drop_ppm: u32,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig {
            latency_ms: 50,
            jitter_ms: 0,
            drop_ppm: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Delivery {
    at: u64,
    seq: u64,
    to: usize,
    from: usize,
    bytes: Vec<u8>,
}

/// Most draws a [`SimNet`] with external draws keeps waiting for the driver; beyond it the
/// oldest is forgotten.
pub const MAX_WAITING_DRAWS: usize = 1024;

/// One node of the simulated network and its driver-side state.
#[derive(Debug, Clone)]
pub struct SimNode {
    /// The node.
    pub node: Node,
    /// Its name on links ("n0", "n1", …).
    pub peer: PeerId,
    /// When it asked to be woken.
    pub wake: u64,
    crashed: bool,
}

impl SimNode {
    /// Whether the node is crashed (see [`SimNet::crash`]).
    pub fn is_crashed(&self) -> bool {
        self.crashed
    }
}

/// N nodes, fully connected, in simulated time.
#[derive(Debug, Clone)]
pub struct SimNet {
    now: u64,
    rng: SplitMix64,
    link: LinkConfig,
    nodes: Vec<SimNode>,
    queue: BinaryHeap<Reverse<Delivery>>,
    seq: u64,
    events: Vec<(usize, Event)>,
    delivered: u64,
    dropped: u64,
    external: Option<Vec<Outbound>>,
    partition: Option<Vec<Vec<usize>>>,
    /// `Some(n)`: every node's [`crate::node::NodeConfig::defer_draws_from`] is `n`.
    defer_draws_from: Option<Option<u64>>,
    /// Queue draws for the driver instead of answering them.
    external_draws: bool,
    /// Draws asked and not delivered, with the nodes that asked (ascending, once each),
    /// oldest first.
    draws_waiting: Vec<(DrawRequest, Vec<usize>)>,
    /// How many of `draws_waiting` (its first ones) the driver has taken.
    draws_taken: usize,
    /// Draws this network computed itself.
    draws_computed: u64,
    /// The class clock's forging limit and delay for every node, once set.
    forging: Option<(Option<u64>, u64)>,
}

/// A message leaving the simulated network for a driver's other transport (another tab).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outbound {
    /// The local node that sent it.
    pub from: usize,
    /// One remote peer, or `None` for every peer.
    pub to: Option<PeerId>,
    /// The message.
    pub bytes: Vec<u8>,
}

impl SimNet {
    /// An empty network at time `now`.
    pub fn new(seed: u64, link: LinkConfig, now: u64) -> SimNet {
        SimNet {
            now,
            rng: SplitMix64::new(seed),
            link,
            nodes: Vec::new(),
            queue: BinaryHeap::new(),
            seq: 0,
            events: Vec::new(),
            delivered: 0,
            dropped: 0,
            external: None,
            partition: None,
            defer_draws_from: None,
            external_draws: false,
            draws_waiting: Vec::new(),
            draws_taken: 0,
            draws_computed: 0,
            forging: None,
        }
    }

    /// Sets [`crate::node::NodeConfig::forge_up_to`] and `forge_delay_ms` on every node, now
    /// and as they are added (a class's clock, see [`Node::set_forging`]); the nodes look
    /// again at once.
    pub fn set_forging(&mut self, up_to: Option<u64>, delay_ms: u64) {
        self.forging = Some((up_to, delay_ms));
        let now = self.now;
        for sim in &mut self.nodes {
            let c = sim.node.config();
            if (c.forge_up_to, c.forge_delay_ms) != (up_to, delay_ms) {
                sim.node.set_forging(up_to, delay_ms);
                sim.wake = sim.wake.min(now);
            }
        }
    }

    /// Sets [`crate::node::NodeConfig::defer_draws_from`] on every node, now and as they are
    /// added. Nodes that no longer defer a pending draw compute it when they next wake (at
    /// once).
    pub fn set_defer_draws_from(&mut self, n: Option<u64>) {
        self.defer_draws_from = Some(n);
        let now = self.now;
        for sim in &mut self.nodes {
            if sim.node.config().defer_draws_from != n {
                sim.node.set_defer_draws_from(n);
                sim.wake = sim.wake.min(now);
            }
        }
    }

    /// `false` (the default): the network answers every [`Output::Draw`] at once, computing
    /// it like a synchronous node. `true`: draws wait for the driver
    /// ([`SimNet::take_draw_requests`], [`SimNet::deliver_draw`]). Switching back answers
    /// every waiting draw now.
    pub fn set_external_draws(&mut self, external: bool) {
        self.external_draws = external;
        if external {
            return;
        }
        for (draw, _) in self.draws_waiting.clone() {
            let ranking = compute_draw(&draw.stakers, &draw.seed);
            self.draws_computed += 1;
            self.deliver_draw(draw.seed, draw.stakers, ranking);
        }
    }

    /// Draws asked by the nodes since the last call, each once however many nodes asked, in
    /// the order first asked (external draws only: [`SimNet::set_external_draws`]).
    pub fn take_draw_requests(&mut self) -> Vec<DrawRequest> {
        let fresh = self.draws_waiting[self.draws_taken..]
            .iter()
            .map(|(d, _)| d.clone())
            .collect();
        self.draws_taken = self.draws_waiting.len();
        fresh
    }

    /// How many draws the network computed itself, answering its nodes (not external ones).
    pub fn draws_computed(&self) -> u64 {
        self.draws_computed
    }

    /// Draws asked and not delivered yet (taken or not).
    pub fn pending_draws(&self) -> Vec<DrawRequest> {
        self.draws_waiting.iter().map(|(d, _)| d.clone()).collect()
    }

    /// Delivers a draw computed by the driver: `ranking` must be
    /// [`crate::chain::compute_draw`]`(&stakers, &seed)` (it is trusted). Remembers it for
    /// every node of this thread, then feeds [`Input::DrawDone`] to every running node that
    /// waits for it and routes what they answer. Returns how many nodes it fed (a draw that
    /// nobody waits for is only remembered). Crashed nodes are skipped: on
    /// [`SimNet::restart`] they ask again for what their thread no longer remembers.
    pub fn deliver_draw(
        &mut self,
        seed: Hash,
        stakers: Vec<(Address, u64)>,
        ranking: Option<Ranking>,
    ) -> usize {
        remember_draw(&stakers, &seed, ranking.clone());
        let draw = DrawRequest { seed, stakers };
        let Some(at) = self.draws_waiting.iter().position(|(d, _)| *d == draw) else {
            return 0;
        };
        let (draw, nodes) = self.draws_waiting.remove(at);
        if at < self.draws_taken {
            self.draws_taken -= 1;
        }
        let mut fed = 0;
        for i in nodes {
            if self.nodes.get(i).is_none_or(|n| n.crashed) {
                continue; // It asks again if it still needs the draw (see `restart`).
            }
            fed += 1;
            let input = Input::DrawDone {
                seed: draw.seed,
                stakers: draw.stakers.clone(),
                ranking: ranking.clone(),
            };
            let outputs = self.nodes[i].node.handle(self.now, input);
            self.route(i, outputs);
        }
        fed
    }

    /// From now on, broadcasts also leave the network (see [`SimNet::take_outbound`]), and
    /// sends to peers that are no local node are handed out instead of being dropped.
    pub fn open_to_outside(&mut self) {
        self.external.get_or_insert_with(Vec::new);
    }

    /// Messages for the outside since the last call, in order.
    pub fn take_outbound(&mut self) -> Vec<Outbound> {
        self.external
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Hands bytes from a remote peer to local node `to`, or to every local node, now.
    pub fn deliver_from_outside(&mut self, from: &PeerId, to: Option<usize>, bytes: &[u8]) {
        let targets: Vec<usize> = match to {
            Some(i) if i < self.nodes.len() => vec![i],
            Some(_) => Vec::new(),
            None => (0..self.nodes.len()).collect(),
        };
        for i in targets {
            if self.nodes[i].crashed {
                continue;
            }
            let input = Input::Receive {
                from: from.clone(),
                bytes: bytes.to_vec(),
            };
            let outputs = self.nodes[i].node.handle(self.now, input);
            self.route(i, outputs);
        }
    }

    /// Tells every local node that a remote peer is gone.
    pub fn disconnect(&mut self, peer: &PeerId) {
        for i in 0..self.nodes.len() {
            if self.nodes[i].crashed {
                continue;
            }
            let outputs = self.nodes[i]
                .node
                .handle(self.now, Input::Disconnected { peer: peer.clone() });
            self.route(i, outputs);
        }
    }

    /// Adds a node (woken at once); returns its index.
    pub fn add_node(&mut self, mut node: Node) -> usize {
        let i = self.nodes.len();
        if let Some(n) = self.defer_draws_from {
            node.set_defer_draws_from(n);
        }
        if let Some((up_to, delay)) = self.forging {
            node.set_forging(up_to, delay);
        }
        self.nodes.push(SimNode {
            node,
            peer: PeerId(format!("n{i}")),
            wake: self.now,
            crashed: false,
        });
        i
    }

    /// Removes the last node (its messages in flight are dropped).
    pub fn remove_last(&mut self) -> Option<Node> {
        let sim = self.nodes.pop()?;
        let n = self.nodes.len();
        for (_, nodes) in &mut self.draws_waiting {
            nodes.retain(|&i| i != n);
        }
        let kept: Vec<_> = self
            .queue
            .drain()
            .filter(|Reverse(d)| d.to != n && d.from != n)
            .collect();
        self.queue.extend(kept);
        Some(sim.node)
    }

    /// The simulated time (ms).
    pub fn now(&self) -> u64 {
        self.now
    }

    /// Link conditions.
    pub fn link(&self) -> LinkConfig {
        self.link
    }

    /// Changes link conditions for messages sent from now on.
    pub fn set_link(&mut self, link: LinkConfig) {
        self.link = link;
    }

    /// Splits the network: from now on nodes `a` and `b` are linked only if some group lists
    /// both. A node in two groups bridges them; a node in none is cut off from everyone.
    /// Indices that name no node are ignored.
    pub fn set_partition(&mut self, groups: Vec<Vec<usize>>) {
        self.partition = Some(groups);
    }

    /// Ends any partition: every node is linked to every other again.
    pub fn heal(&mut self) {
        self.partition = None;
    }

    /// The partition in force, if any.
    pub fn partition(&self) -> Option<&[Vec<usize>]> {
        self.partition.as_deref()
    }

    /// Whether a message from node `a` can reach node `b` now (the partition allows it).
    pub fn linked(&self, a: usize, b: usize) -> bool {
        match &self.partition {
            None => true,
            Some(groups) => groups.iter().any(|g| g.contains(&a) && g.contains(&b)),
        }
    }

    /// Crashes node `i`: it stops receiving, ticking and taking input until
    /// [`SimNet::restart`]; messages due to it meanwhile are lost. Returns whether it was
    /// running.
    pub fn crash(&mut self, i: usize) -> bool {
        match self.nodes.get_mut(i) {
            Some(n) if !n.crashed => {
                n.crashed = true;
                true
            }
            _ => false,
        }
    }

    /// Restarts crashed node `i` with the state it had; it is woken at once. Returns whether
    /// it was crashed.
    pub fn restart(&mut self, i: usize) -> bool {
        let now = self.now;
        match self.nodes.get_mut(i) {
            Some(n) if n.crashed => {
                n.crashed = false;
                n.wake = now;
                // Answers to its draws were not delivered while it was down: it asks again
                // for those its thread no longer remembers.
                n.node.forget_draw_requests();
                true
            }
            _ => false,
        }
    }

    /// Whether node `i` is crashed.
    pub fn is_crashed(&self, i: usize) -> bool {
        self.nodes.get(i).is_some_and(|n| n.crashed)
    }

    /// Feeds `behaviour` to node `i` ([`Input::SetBehaviour`]); returns that call's events.
    pub fn set_behaviour(&mut self, i: usize, behaviour: Behaviour) -> Vec<Event> {
        self.input(i, Input::SetBehaviour(behaviour))
    }

    /// The nodes.
    pub fn nodes(&self) -> &[SimNode] {
        &self.nodes
    }

    /// Node `i`.
    pub fn node(&self, i: usize) -> Option<&Node> {
        self.nodes.get(i).map(|s| &s.node)
    }

    /// Node `i`, to change it outside the message flow (restoring a saved pool).
    pub fn node_mut(&mut self, i: usize) -> Option<&mut Node> {
        self.nodes.get_mut(i).map(|s| &mut s.node)
    }

    /// Messages delivered and lost so far.
    pub fn traffic(&self) -> (u64, u64) {
        (self.delivered, self.dropped)
    }

    /// Messages still in flight.
    pub fn in_flight(&self) -> usize {
        self.queue.len()
    }

    /// Events of all nodes since the last call, tagged with the node's index, in order.
    pub fn drain_events(&mut self) -> Vec<(usize, Event)> {
        std::mem::take(&mut self.events)
    }

    /// Feeds `input` to node `i` now; returns that call's events (they are also queued for
    /// [`SimNet::drain_events`]). A crashed node takes no input.
    pub fn input(&mut self, i: usize, input: Input) -> Vec<Event> {
        if self.nodes.get(i).is_none_or(|n| n.crashed) {
            return Vec::new();
        }
        let now = self.now;
        let outputs = self.nodes[i].node.handle(now, input);
        self.route(i, outputs)
    }

    /// Carries a node's outputs; draws it asks for are answered at once (and the answer's
    /// outputs carried in turn) or queued for the driver.
    fn route(&mut self, from: usize, outputs: Vec<Output>) -> Vec<Event> {
        let mut events = Vec::new();
        let mut draws = VecDeque::new();
        self.route_once(from, outputs, &mut events, &mut draws);
        while let Some((i, draw)) = draws.pop_front() {
            let DrawRequest { seed, stakers } = draw;
            let ranking = compute_draw(&stakers, &seed);
            self.draws_computed += 1;
            remember_draw(&stakers, &seed, ranking.clone());
            if self.nodes.get(i).is_none_or(|n| n.crashed) {
                continue;
            }
            let input = Input::DrawDone {
                seed,
                stakers,
                ranking,
            };
            let outputs = self.nodes[i].node.handle(self.now, input);
            self.route_once(i, outputs, &mut events, &mut draws);
        }
        events
    }

    fn route_once(
        &mut self,
        from: usize,
        outputs: Vec<Output>,
        events: &mut Vec<Event>,
        draws: &mut VecDeque<(usize, DrawRequest)>,
    ) {
        for o in outputs {
            match o {
                Output::Broadcast(bytes) => {
                    for to in 0..self.nodes.len() {
                        if to != from {
                            self.transmit(from, to, bytes.clone());
                        }
                    }
                    if let Some(out) = self.external.as_mut() {
                        out.push(Outbound {
                            from,
                            to: None,
                            bytes,
                        });
                    }
                }
                Output::Send { to, bytes } => {
                    if let Some(to) = self.nodes.iter().position(|n| n.peer == to) {
                        self.transmit(from, to, bytes);
                    } else if let Some(out) = self.external.as_mut() {
                        out.push(Outbound {
                            from,
                            to: Some(to),
                            bytes,
                        });
                    }
                }
                Output::Event(e) => {
                    events.push(e.clone());
                    self.events.push((from, e));
                }
                Output::WakeAt(at) => self.nodes[from].wake = at,
                Output::Draw { seed, stakers } => {
                    let draw = DrawRequest { seed, stakers };
                    if !self.external_draws {
                        draws.push_back((from, draw));
                    } else if let Some((_, nodes)) =
                        self.draws_waiting.iter_mut().find(|(d, _)| *d == draw)
                    {
                        if let Err(at) = nodes.binary_search(&from) {
                            nodes.insert(at, from);
                        }
                    } else {
                        if self.draws_waiting.len() >= MAX_WAITING_DRAWS {
                            // A driver that never answers: forget the oldest.
                            self.draws_waiting.remove(0);
                            self.draws_taken = self.draws_taken.saturating_sub(1);
                        }
                        self.draws_waiting.push((draw, vec![from]));
                    }
                }
            }
        }
    }

    fn transmit(&mut self, from: usize, to: usize, bytes: Vec<u8>) {
        if !self.linked(from, to) || self.rng.chance_ppm(self.link.drop_ppm) {
            self.dropped += 1;
            return;
        }
        let delay = self.link.latency_ms + self.rng.below(self.link.jitter_ms + 1);
        self.seq += 1;
        self.queue.push(Reverse(Delivery {
            at: self.now + delay,
            seq: self.seq,
            to,
            from,
            bytes,
        }));
    }

    /// The time of the next delivery or wake-up (crashed nodes do not wake).
    pub fn next_due(&self) -> Option<u64> {
        let wake = self
            .nodes
            .iter()
            .filter(|n| !n.crashed)
            .map(|n| n.wake)
            .min();
        let msg = self.queue.peek().map(|Reverse(d)| d.at);
        match (wake, msg) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Processes every delivery and wake-up due up to `t`, in time order (deliveries before
    /// wake-ups at the same instant, then by send order and node index), then sets the clock to
    /// `t`.
    pub fn advance_to(&mut self, t: u64) {
        while let Some(due) = self.next_due() {
            if due > t {
                break;
            }
            self.now = self.now.max(due);
            let msg_due = self.queue.peek().is_some_and(|Reverse(d)| d.at <= due);
            if msg_due {
                if let Some(Reverse(d)) = self.queue.pop() {
                    if self.nodes[d.to].crashed || !self.linked(d.from, d.to) {
                        self.dropped += 1;
                        continue;
                    }
                    self.delivered += 1;
                    let from = self.nodes[d.from].peer.clone();
                    let input = Input::Receive {
                        from,
                        bytes: d.bytes,
                    };
                    let outputs = self.nodes[d.to].node.handle(self.now, input);
                    self.route(d.to, outputs);
                }
            } else if let Some(i) = self.nodes.iter().position(|n| !n.crashed && n.wake <= due) {
                let outputs = self.nodes[i].node.handle(self.now, Input::Tick);
                self.route(i, outputs);
            }
        }
        self.now = self.now.max(t);
    }

    /// Whether every node (crashed ones included) holds the same tip.
    pub fn converged(&self) -> bool {
        let mut tips = self.nodes.iter().map(|n| n.node.chain().tip_hash());
        match tips.next() {
            Some(first) => tips.all(|t| t == first),
            None => true,
        }
    }

    /// The lowest height among the nodes.
    pub fn min_height(&self) -> u64 {
        self.nodes
            .iter()
            .map(|n| n.node.chain().height())
            .min()
            .unwrap_or(0)
    }
}

/// A chain of `blocks` empty blocks on `genesis`, each forged by `founder` (the genesis key,
/// whose stake of 1 makes it the only staker and so every draw's winner) `step_ms` after its
/// parent. Each costs one signature and a one-lot draw: the cheap way to a long chain for sync
/// tests and measurements. `founder` must be `genesis.forger`'s wallet, or the first block is
/// refused and the chain stays at genesis.
pub fn forge_empty_chain(founder: &Wallet, genesis: &Genesis, blocks: u64, step_ms: u64) -> Chain {
    let mut chain = Chain::new(genesis.clone());
    for _ in 0..blocks {
        let tip = chain.tip();
        let block = crate::block::Block::forge(
            founder,
            tip.height + 1,
            chain.tip_hash(),
            tip.timestamp.saturating_add(step_ms),
            Vec::new(),
        );
        if chain.apply(block).is_err() {
            break;
        }
    }
    chain
}

/// A network's founding wallets and its genesis.
///
/// Real networks (the page) build it with [`Founding::from_wallets`] from wallets made by
/// [`Wallet::generate`]; [`Founding::new`] derives both keys from a seed, for the deterministic
/// simulator and tests only.
#[derive(Debug, Clone)]
pub struct Founding {
    /// The genesis key (node 0 holds it).
    pub genesis_wallet: Wallet,
    /// The exchange's key (node 0 holds it).
    pub exchange_wallet: Wallet,
    /// The genesis.
    pub genesis: Genesis,
}

impl Founding {
    /// Writes the genesis of network `network` for the given genesis and exchange wallets.
    pub fn from_wallets(
        genesis_wallet: Wallet,
        exchange_wallet: Wallet,
        network: &str,
        supply: u64,
        timestamp: u64,
    ) -> Founding {
        let genesis = Genesis {
            network: network.to_string(),
            forger: genesis_wallet.address(),
            exchange: exchange_wallet.address(),
            supply,
            timestamp,
        };
        Founding {
            genesis_wallet,
            exchange_wallet,
            genesis,
        }
    }

    /// Derives the founding wallets from `rng` and writes the genesis. Deterministic, for the
    /// simulator (`pos simulate`) and tests: **not for real keys**, since anyone who learns the
    /// seed (or enough of it to search the rest) holds both keys.
    pub fn new(rng: &mut SplitMix64, network: &str, supply: u64, timestamp: u64) -> Founding {
        let genesis_wallet = Wallet::from_seed(rng.bytes32());
        let exchange_wallet = Wallet::from_seed(rng.bytes32());
        Founding::from_wallets(genesis_wallet, exchange_wallet, network, supply, timestamp)
    }
}

/// Parameters of a headless simulation (the CLI's `pos simulate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    /// Number of nodes; node 0 hosts genesis and the exchange.
    pub nodes: usize,
    /// Stop when every node has at least this height.
    pub blocks: u64,
    /// The seed of every random choice.
    pub seed: u64,
    /// Link conditions.
    pub link: LinkConfig,
    /// Give up after this much simulated time (ms).
    pub time_limit_ms: u64,
    /// Simulated ms between two random user actions.
    pub action_every_ms: u64,
}

impl Scenario {
    /// Defaults for `nodes`, `blocks` and `seed`: 50 ms latency, no loss.
    pub fn new(nodes: usize, blocks: u64, seed: u64) -> Scenario {
        Scenario {
            nodes,
            blocks,
            seed,
            link: LinkConfig::default(),
            time_limit_ms: blocks.saturating_mul(5_000).saturating_add(600_000),
            action_every_ms: 200,
        }
    }
}

/// `part / whole` in parts per million, in 128 bits so that no stake overflows it.
fn ppm(part: u64, whole: u64) -> u64 {
    let v = u128::from(part) * 1_000_000 / u128::from(whole.max(1));
    u64::try_from(v).unwrap_or(u64::MAX)
}

/// Most blocks a [`Scenario`] may ask for: the CLI refuses more (the run would take hours and
/// its chains gigabytes).
pub const MAX_SCENARIO_BLOCKS: u64 = 100_000;

/// Most nodes a [`Scenario`] may have: messages grow as nodes² × blocks.
pub const MAX_SCENARIO_NODES: usize = 64;

/// One staker's line in a [`Summary`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StakerSummary {
    /// Its address.
    pub address: Address,
    /// Which node holds the key ("genesis" for the genesis key).
    pub node: String,
    /// Its stake at the tip.
    pub stake: u64,
    /// Stake as a share of all stake, in parts per million.
    pub stake_share_ppm: u64,
    /// Blocks it forged.
    pub blocks_forged: u64,
    /// Forged blocks as a share of all blocks, in parts per million.
    pub forged_share_ppm: u64,
}

/// What a simulation ended with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The lowest height among the nodes.
    pub height: u64,
    /// Whether every node holds the same tip.
    pub converged: bool,
    /// Node 0's tip hash.
    pub tip: String,
    /// Simulated time used (ms).
    pub elapsed_ms: u64,
    /// Messages delivered.
    pub messages_delivered: u64,
    /// Messages lost.
    pub messages_dropped: u64,
    /// Transactions in node 0's chain.
    pub transactions: u64,
    /// Per staker (draw order).
    pub stakers: Vec<StakerSummary>,
}

/// A running [`Scenario`]: the network and a random workload of purchases, stakes and
/// transfers.
#[derive(Debug, Clone)]
pub struct Simulation {
    /// The network.
    pub net: SimNet,
    /// The founding wallets and genesis.
    pub founding: Founding,
    scenario: Scenario,
    rng: SplitMix64,
    next_action: u64,
}

impl Simulation {
    /// Builds the network of `scenario`: genesis and exchange on node 0.
    pub fn new(scenario: Scenario) -> Simulation {
        let mut rng = SplitMix64::new(scenario.seed);
        let founding = Founding::new(&mut rng, "simulation", 1_000_000_000, 0);
        let mut net = SimNet::new(rng.next_u64(), scenario.link, 0);
        for i in 0..scenario.nodes {
            let chain = Chain::new(founding.genesis.clone());
            let node = if i == 0 {
                Node::new(
                    founding.genesis_wallet.clone(),
                    Some(founding.exchange_wallet.clone()),
                    chain,
                    NodeConfig::default(),
                )
            } else {
                Node::new(
                    Wallet::from_seed(rng.bytes32()),
                    None,
                    chain,
                    NodeConfig::default(),
                )
            };
            net.add_node(node);
        }
        Simulation {
            net,
            founding,
            scenario,
            rng,
            next_action: 0,
        }
    }

    /// One random user action on a random node: buy when poor, else stake or transfer.
    fn act(&mut self) {
        let n = self.net.nodes().len();
        if n == 0 {
            return;
        }
        let i = self.rng.below(n as u64) as usize;
        let Some(node) = self.net.node(i) else { return };
        let me = node.address();
        let balance = node.pool().pending().balance(&me);
        let action = if balance < 20 {
            Action::Exchange {
                amount: 20 + self.rng.below(60),
            }
        } else if self.rng.below(3) == 0 {
            Action::Stake {
                amount: 1 + self.rng.below(balance.min(15)),
            }
        } else {
            let j = self.rng.below(n as u64) as usize;
            let to = match self.net.node(j) {
                Some(other) if j != i => other.address(),
                _ => self.founding.genesis.forger,
            };
            Action::Transfer {
                to,
                amount: 1 + self.rng.below(balance.min(10)),
            }
        };
        self.net.input(i, Input::Submit(action));
    }

    /// Runs until every node reaches the target height and agrees on the tip, or the time
    /// limit passes. Actions stop once the target is reached so that the network can settle.
    pub fn run(&mut self) -> Summary {
        let limit = self.scenario.time_limit_ms;
        while self.net.now() < limit {
            let reached = self.net.min_height() >= self.scenario.blocks;
            if reached && self.net.converged() && self.net.in_flight() == 0 {
                break;
            }
            if !reached && self.net.now() >= self.next_action {
                self.act();
                self.next_action = self.net.now() + self.scenario.action_every_ms;
            }
            let step = self.net.now() + 10;
            self.net.advance_to(step);
            self.net.drain_events();
        }
        self.summary()
    }

    /// The state of the network now.
    pub fn summary(&self) -> Summary {
        let chain = match self.net.node(0) {
            Some(n) => n.chain(),
            None => {
                return Summary {
                    height: 0,
                    converged: true,
                    tip: String::new(),
                    elapsed_ms: self.net.now(),
                    messages_delivered: 0,
                    messages_dropped: 0,
                    transactions: 0,
                    stakers: Vec::new(),
                }
            }
        };
        let blocks = chain.height().max(1);
        let total_stake = chain.accounts().total_stake().max(1);
        let name_of = |a: &Address| -> String {
            if *a == self.founding.genesis.forger {
                return "genesis".to_string();
            }
            self.net
                .nodes()
                .iter()
                .position(|n| n.node.address() == *a)
                .map_or_else(|| "?".to_string(), |i| format!("n{i}"))
        };
        let stakers = chain
            .accounts()
            .stakers()
            .iter()
            .map(|(a, stake)| {
                let forged = chain.blocks()[1..]
                    .iter()
                    .filter(|b| b.forger == *a)
                    .count() as u64;
                StakerSummary {
                    address: *a,
                    node: name_of(a),
                    stake: *stake,
                    stake_share_ppm: ppm(*stake, total_stake),
                    blocks_forged: forged,
                    forged_share_ppm: ppm(forged, blocks),
                }
            })
            .collect();
        let (delivered, dropped) = self.net.traffic();
        Summary {
            height: self.net.min_height(),
            converged: self.net.converged(),
            tip: chain.tip_hash().to_hex(),
            elapsed_ms: self.net.now(),
            messages_delivered: delivered,
            messages_dropped: dropped,
            transactions: chain
                .blocks()
                .iter()
                .map(|b| b.transactions.len() as u64)
                .sum(),
            stakers,
        }
    }
}
