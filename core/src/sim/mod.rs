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
//!
//! # Rooms
//!
//! This file is the network: links, partitions, crashes, and the routing of every output in
//! simulated time. `draws.rs` is how it answers the draws its nodes ask for (at once, or
//! through a driver), and `scenario.rs` is what `pos simulate` runs on it: a founding, a
//! random workload of purchases, stakes and transfers, and a summary.

mod draws;
mod scenario;

pub use draws::MAX_WAITING_DRAWS;
pub use scenario::{
    forge_empty_chain, Founding, Scenario, Simulation, StakerSummary, Summary, MAX_SCENARIO_BLOCKS,
    MAX_SCENARIO_NODES,
};

pub use crate::chain::DrawRequest;
use crate::chain::{compute_draw, remember_draw, DrawMemo};
use crate::node::{Behaviour, Event, Input, Node, Output, PeerId};
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::sync::Arc;

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
    /// Shared by every copy of one broadcast, and by the network's clones.
    bytes: Arc<[u8]>,
}

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
    /// This network's memo of big draws, lent to the thread while its nodes run, so that its
    /// run depends on its inputs alone (see [`DrawMemo`]).
    memo: DrawMemo,
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
            memo: DrawMemo::default(),
        }
    }

    /// Runs `f` with this network's memo of draws as the thread's.
    fn lend<T>(&mut self, f: impl FnOnce(&mut SimNet) -> T) -> T {
        let mut memo = std::mem::take(&mut self.memo);
        let out = DrawMemo::lend(&mut memo, || f(self));
        self.memo = memo;
        out
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
        self.lend(|net| net.deliver_from_outside_here(from, to, bytes));
    }

    fn deliver_from_outside_here(&mut self, from: &PeerId, to: Option<usize>, bytes: &[u8]) {
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
        self.lend(|net| net.disconnect_here(peer));
    }

    fn disconnect_here(&mut self, peer: &PeerId) {
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
        self.lend(|net| net.restart_here(i))
    }

    fn restart_here(&mut self, i: usize) -> bool {
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
        self.lend(|net| net.input_here(i, input))
    }

    fn input_here(&mut self, i: usize, input: Input) -> Vec<Event> {
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
                    let shared: Arc<[u8]> = Arc::from(&bytes[..]);
                    for to in 0..self.nodes.len() {
                        if to != from {
                            self.transmit(from, to, shared.clone());
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
                        self.transmit(from, to, Arc::from(bytes));
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

    fn transmit(&mut self, from: usize, to: usize, bytes: Arc<[u8]>) {
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
    /// `t`. The same as [`SimNet::step_to`] until it answers `false`: calling it once or in
    /// several steps up to `t` leaves the same network.
    pub fn advance_to(&mut self, t: u64) {
        self.lend(|net| while net.step_here(t) {});
        self.now = self.now.max(t);
    }

    /// Processes the one delivery or wake-up due first, if it is due by `t` (the clock moves
    /// to its time, not to `t`); `false` when nothing is due by then. So a driver can show a
    /// network one delivery at a time.
    pub fn step_to(&mut self, t: u64) -> bool {
        self.lend(|net| net.step_here(t))
    }

    fn step_here(&mut self, t: u64) -> bool {
        let Some(due) = self.next_due() else {
            return false;
        };
        if due > t {
            return false;
        }
        self.now = self.now.max(due);
        let msg_due = self.queue.peek().is_some_and(|Reverse(d)| d.at <= due);
        if msg_due {
            if let Some(Reverse(d)) = self.queue.pop() {
                if self.nodes[d.to].crashed || !self.linked(d.from, d.to) {
                    self.dropped += 1;
                    return true;
                }
                self.delivered += 1;
                let from = self.nodes[d.from].peer.clone();
                let input = Input::Receive {
                    from,
                    bytes: d.bytes.to_vec(),
                };
                let outputs = self.nodes[d.to].node.handle(self.now, input);
                self.route(d.to, outputs);
            }
        } else if let Some(i) = self.nodes.iter().position(|n| !n.crashed && n.wake <= due) {
            let outputs = self.nodes[i].node.handle(self.now, Input::Tick);
            self.route(i, outputs);
        }
        true
    }

    /// The events the nodes have said that [`SimNet::drain_events`] has not taken yet.
    pub fn events_waiting(&self) -> &[(usize, Event)] {
        &self.events
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
