//! The node: a sans-IO state machine.
//!
//! A driver owns the clock, the transports and the wallets' randomness. It calls
//! [`Node::handle`] with the current time (ms) and one [`Input`]; the node answers with
//! [`Output`]s: bytes to broadcast or to send to one peer, [`Event`]s for the UI, and the time at
//! which it wants the next [`Input::Tick`]. The node never reads a clock, never draws random
//! numbers and never does I/O, so the same inputs give the same outputs on every platform.
//!
//! Behaviour, after the Python design:
//! - A local action becomes a signed transaction, enters the pool and is broadcast.
//! - A transaction from a peer enters the pool if valid and is relayed; invalid ones are dropped
//!   with a reason event.
//! - The lottery's winner for the next height forges as soon as its pool holds
//!   [`NodeConfig::forge_threshold`] transactions (after [`NodeConfig::forge_delay_ms`]), and
//!   broadcasts the block. A staker of rank `r` in the draw waits `r` slots
//!   ([`crate::chain::SLOT_MS`] each) longer, counted from when it could first have forged on
//!   this tip and never before the slot of its rank begins: if the stakers ranked before it stay
//!   silent (offline, partitioned away), it forges in its slot and the chain goes on.
//! - Every valid block goes into the node's [`BlockTree`], on the canonical chain or on a side
//!   branch, and is relayed once. When a side branch becomes better by fork choice the node
//!   reorganises ([`Event::Reorg`]) and returns the abandoned blocks' transactions that the new
//!   chain lacks to its pool. Two blocks from one forger on one parent are equivocation: both
//!   are kept, fork choice picks one, and the evidence is recorded ([`Event::Equivocation`]).
//! - A block on an unknown parent, a status from a peer that is ahead, or a status at our height
//!   naming a tip we do not know makes the node ask that peer for its chain, in pages
//!   ([`Message::ChainRequest`] with a locator; the answer starts after the fork point and
//!   stays under the message limit); the pages' blocks go through the tree like any other, so
//!   a better chain is adopted only after validation, and a worse one is kept as a branch. The
//!   node asks again after each page while the peer announced more. It answers each peer at
//!   most [`MAX_PAGES_PER_WINDOW`] pages per [`SYNC_WINDOW_MS`].
//! - Blocks are checked cheapest rule first (see [`crate::chain`]): nothing from a peer costs
//!   a replay or a draw before its forger's stake and signature are checked. A peer whose
//!   blocks or pages are refused for its own fault [`STRIKES_TO_BAN`] times is ignored for
//!   [`BAN_MS`] ([`Event::PeerBanned`]). Every table a peer can grow is bounded and expires
//!   (ARCHITECTURE.md lists them).
//! - Heartbeats announce height and tip; the pool is re-broadcast now and then so that
//!   transactions lost on a lossy link still reach the forger.
//! - With [`NodeConfig::defer_draws_from`], a big draw that the thread does not remember is
//!   the driver's to compute: the node asks with [`Output::Draw`] (once while it is
//!   outstanding) and goes on without it. It does not forge on a tip whose draw is pending;
//!   a block whose check needs a pending draw is held (at most [`MAX_HELD_BLOCKS`], the
//!   oldest dropped), as are its children and the rest of a chain being synced. On
//!   [`Input::DrawDone`] it remembers the draw for the thread
//!   ([`crate::chain::remember_draw`]), completes its tip's draw, lets the held blocks in, in
//!   order, and may forge. Draws another node of the thread was given are found at the next
//!   input without asking.
//!
//! For teaching, a driver can switch a node to an adversary's [`Behaviour`]
//! ([`Input::SetBehaviour`]); the same state machine then acts it out, and honest nodes refuse
//! it with a typed reason or resolve it by fork choice.
//!
//! # Rooms
//!
//! This file is the node's surface: [`Node`], what goes in ([`Input`]), what comes out
//! ([`Output`], [`Event`]), and [`Node::handle`], which reads as the table of contents of
//! everything else. Each concern it hands an input to is a file of its own, holding the state
//! it owns, its bounds and the methods that act on them:
//!
//! - `submit.rs`: a user's [`Action`] becomes a signed transaction, or a purchase request.
//! - `receive.rs`: bytes from a peer: decoding, the envelope, dispatch by message kind,
//!   transactions into the pool, and relaying.
//! - `peers.rs`: the peers heard from, and the strikes and bans of those that misbehave.
//! - `blocks.rs`: blocks from peers into the block tree: side branches, reorgs and the pool
//!   that follows the tip, equivocation and its evidence.
//! - `sync.rs`: chain pages: asking with a locator, answering within a rate, following page
//!   after page.
//! - `buy.rs`: purchase requests, served by the exchange's host and relayed by the others.
//! - `parked.rs`: transactions that arrived ahead of their sender's nonce.
//! - `draws.rs`: deferred draws: asking the driver, holding the blocks that wait, resuming.
//! - `forge.rs`: slots and forging.
//! - `adversary.rs`: the [`Behaviour`]s a class can switch on, and what each adversary does.
//! - `tick.rs`: time passing: heartbeats, re-broadcasts, expiry, the next wake-up.

mod adversary;
mod blocks;
mod buy;
mod draws;
mod forge;
mod parked;
mod peers;
mod receive;
mod submit;
mod sync;
mod tick;

pub use adversary::{Behaviour, UnknownBehaviour, TAMPER_LEAD};
pub use blocks::{Evidence, MAX_EVIDENCE};
pub use buy::{BUY_MEMORY_MS, MAX_BUYS_REMEMBERED};
pub use draws::{MAX_HELD_BLOCKS, MAX_REQUESTED_DRAWS};
pub use parked::{MAX_NONCE_AHEAD, MAX_PARKED, PARKED_MS};
pub use peers::{
    PeerInfo, PeerScore, BAN_MS, MAX_PEERS, MAX_SCORED_PEERS, STRIKES_TO_BAN, STRIKE_MEMORY_MS,
};
pub use receive::MessageError;
pub use submit::{Action, ActionError};
pub use sync::{MAX_PAGES_PER_WINDOW, SYNC_WINDOW_MS};

use crate::chain::{BlockError, Chain, ChainError, DrawRequest};
use crate::hash::Hash;
use crate::lottery::{Outcome, Ranking};
#[cfg(doc)]
use crate::message::Message;
use crate::pool::Pool;
use crate::tree::{BlockTree, TreeView};
use crate::tx::{Transaction, TxError};
use crate::vec_map::VecMap;
use crate::wallet::{Address, Wallet};
use draws::Held;
use parked::Parked;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::fmt;
use sync::ChainSync;

/// How a driver names the other end of a link (a node index, a tab id, a WebRTC peer).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PeerId(pub String);

impl fmt::Display for PeerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Tunables of a node. All times in ms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeConfig {
    /// Pooled transactions needed before the winner forges (the Python design uses 1).
    pub forge_threshold: usize,
    /// How long the winner waits, once the threshold is met, before forging.
    pub forge_delay_ms: u64,
    /// Interval of status heartbeats.
    pub heartbeat_ms: u64,
    /// Interval of pool re-broadcasts.
    pub rebroadcast_ms: u64,
    /// How long to wait for a chain before asking again.
    pub sync_timeout_ms: u64,
    /// A peer not heard from for this long is dropped from the peer list.
    pub peer_timeout_ms: u64,
    /// Most transactions the pool holds.
    pub pool_capacity: usize,
    /// Most tokens one purchase from the exchange may buy.
    pub max_buy: u64,
    /// Draws of at least this many lots that this thread does not remember (see
    /// [`crate::chain::remember_draw`]) are not computed inside the node but asked of the
    /// driver: [`Output::Draw`], answered by [`Input::DrawDone`]. Meanwhile the node does not
    /// forge on a tip whose draw is pending, [`Chain::next_forger`] and friends answer `None`,
    /// and blocks whose check needs a pending draw are held (at most [`MAX_HELD_BLOCKS`]), not
    /// refused. `None` (the default): every draw is computed at once.
    #[serde(default)]
    pub defer_draws_from: Option<u64>,
    /// No block above this height is forged by this node: a class's clock (paused: the tip's
    /// height; one step: one more). A local policy, not a chain rule: blocks of other nodes
    /// are checked as always. `None` (the default): no limit.
    #[serde(default)]
    pub forge_up_to: Option<u64>,
}

impl Default for NodeConfig {
    fn default() -> Self {
        NodeConfig {
            forge_threshold: 1,
            forge_delay_ms: 0,
            heartbeat_ms: 1000,
            rebroadcast_ms: 3000,
            sync_timeout_ms: 2000,
            peer_timeout_ms: 5000,
            pool_capacity: 10_000,
            max_buy: 1000,
            defer_draws_from: None,
            forge_up_to: None,
        }
    }
}

/// One input to [`Node::handle`].
// An answer carries its ranking by value; inputs live only until they are handled.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A local user action.
    Submit(Action),
    /// Bytes from a peer (untrusted).
    Receive {
        /// The link they came over.
        from: PeerId,
        /// The raw message.
        bytes: Vec<u8>,
    },
    /// Time passed: heartbeats, re-broadcasts, timeouts, delayed forging.
    Tick,
    /// Forge now, even with an empty pool, if this node may forge in the current slot (the
    /// draw's winner always may).
    ForgeNow,
    /// Switch how this node behaves (an adversary for teaching, or back to honest).
    SetBehaviour(Behaviour),
    /// The driver knows a link is gone (a tab closed): forget the peer at once.
    Disconnected {
        /// The link.
        peer: PeerId,
    },
    /// The answer to an [`Output::Draw`]: `ranking` must be
    /// [`crate::chain::compute_draw`]`(&stakers, &seed)`, that is [`crate::lottery::rank`] on
    /// the stakers' hex addresses and the seed's hex. The node trusts it without checking:
    /// it comes from its own driver (the local process), never from a peer. The node
    /// remembers it for the whole thread ([`crate::chain::remember_draw`]), then resumes:
    /// the next draw, held blocks, forging. An answer to a draw it did not ask for is ignored.
    DrawDone {
        /// The draw's seed, as asked.
        seed: Hash,
        /// The draw's staker table, as asked.
        stakers: Vec<(Address, u64)>,
        /// The ranking (`None`: nobody has stake).
        ranking: Option<Ranking>,
    },
}

/// One thing the node wants done.
// Events carry a draw by value; outputs live only until the driver routes them.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Send to every peer.
    Broadcast(Vec<u8>),
    /// Send to one peer.
    Send {
        /// The peer.
        to: PeerId,
        /// The message.
        bytes: Vec<u8>,
    },
    /// Tell the UI.
    Event(Event),
    /// Call [`Node::handle`] with [`Input::Tick`] at this time (ms) or later.
    WakeAt(u64),
    /// Compute this draw ([`crate::chain::compute_draw`]) and answer with
    /// [`Input::DrawDone`] (see [`NodeConfig::defer_draws_from`]). Asked once while it is
    /// outstanding; a node that never gets the answer waits for it.
    Draw {
        /// The seed: the hash of the block the draw is on.
        seed: Hash,
        /// The staker table after that block, in draw order.
        stakers: Vec<(Address, u64)>,
    },
}

/// What happened, for the UI. Every refusal carries its typed reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "event",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Event {
    /// A local action was accepted (`id`: the transaction, or the purchase request).
    Submitted {
        /// The transaction's (or request's) id.
        id: Hash,
    },
    /// A local action was refused.
    SubmitRejected {
        /// Why.
        reason: ActionError,
    },
    /// A transaction from a peer entered the pool.
    TxAccepted {
        /// Its id.
        id: Hash,
        /// The link it came over.
        from: PeerId,
    },
    /// A transaction from a peer was refused.
    TxRejected {
        /// Its id.
        id: Hash,
        /// The link it came over.
        from: PeerId,
        /// Why.
        reason: TxError,
    },
    /// A transaction left the pool because the chain changed under it.
    TxDropped {
        /// Its id.
        id: Hash,
        /// Why it no longer applies.
        reason: TxError,
    },
    /// This node forged a block.
    BlockForged {
        /// Its height.
        height: u64,
        /// Its hash.
        hash: Hash,
        /// Number of transactions in it.
        transactions: usize,
        /// The draw for this height (this node won it, or forged in its slot as `rank`).
        draw: Outcome,
        /// This node's rank in the draw (0: it won).
        #[serde(default)]
        rank: u64,
        /// The block's slot after its parent.
        #[serde(default)]
        slot: u64,
    },
    /// A block from a peer was validated and is now the canonical tip.
    BlockAccepted {
        /// Its height.
        height: u64,
        /// Its hash.
        hash: Hash,
        /// Who forged it.
        forger: Address,
        /// The link it came over.
        from: PeerId,
        /// The draw for this height.
        draw: Outcome,
        /// The forger's rank in the draw (0: the winner).
        #[serde(default)]
        rank: u64,
        /// The block's slot after its parent.
        #[serde(default)]
        slot: u64,
    },
    /// A valid block from a peer that is not on the canonical chain was kept on a side branch
    /// of the block tree (a fork).
    SideBlock {
        /// Its height.
        height: u64,
        /// Its hash.
        hash: Hash,
        /// Who forged it.
        forger: Address,
        /// The link it came over.
        from: PeerId,
    },
    /// The canonical chain switched to a better branch (fork choice).
    Reorg {
        /// The tip before.
        old_tip: Hash,
        /// The tip now.
        new_tip: Hash,
        /// How many blocks left the canonical chain.
        depth: u64,
        /// Transactions of the abandoned blocks that the new chain lacks and that went back
        /// into the pool (the rest no longer apply and are reported as [`Event::TxDropped`]).
        returned_txs: Vec<Hash>,
    },
    /// One forger signed two different blocks on one parent. Both stay in the tree; fork
    /// choice picks one.
    Equivocation {
        /// The forger.
        forger: Address,
        /// The height of the blocks.
        height: u64,
        /// Every such block seen, in hash order.
        hashes: Vec<Hash>,
    },
    /// This node's behaviour was switched.
    BehaviourChanged {
        /// The new behaviour.
        behaviour: Behaviour,
    },
    /// This node, as an adversary, acted out its behaviour.
    Misbehaved {
        /// What it did.
        behaviour: Behaviour,
        /// The height it aimed at.
        height: u64,
        /// The blocks or transactions it made, by hash.
        ids: Vec<Hash>,
    },
    /// A block from a peer was refused.
    BlockRejected {
        /// Its height.
        height: u64,
        /// The link it came over.
        from: PeerId,
        /// Why.
        reason: BlockError,
    },
    /// A "forge now" that this node may not carry out (its slot has not come).
    ForgeRefused {
        /// Who won the draw instead.
        winner: Option<Address>,
    },
    /// A chain from a peer changed our canonical tip (it was longer, or better by fork
    /// choice).
    ChainReplaced {
        /// The link it came over.
        from: PeerId,
        /// Our height before.
        old_height: u64,
        /// Our height now.
        new_height: u64,
    },
    /// A chain from a peer failed validation.
    ChainRejected {
        /// The link it came over.
        from: PeerId,
        /// Why.
        reason: ChainError,
    },
    /// A peer was heard from for the first time.
    PeerSeen {
        /// The link.
        peer: PeerId,
        /// The address it claims.
        address: Address,
    },
    /// A peer sent [`STRIKES_TO_BAN`] invalid blocks or chains: everything it sends is
    /// dropped unread until `until`.
    PeerBanned {
        /// The link.
        peer: PeerId,
        /// When the ban ends (ms).
        until: u64,
    },
    /// A peer was silent for longer than [`NodeConfig::peer_timeout_ms`].
    PeerLost {
        /// The link.
        peer: PeerId,
    },
    /// Bytes from a peer were dropped.
    MessageRejected {
        /// The link.
        from: PeerId,
        /// Why.
        reason: MessageError,
    },
}

/// A node of the network: wallet, block tree (and so the chain), pool, peers.
#[derive(Debug, Clone)]
pub struct Node {
    wallet: Wallet,
    exchange: Option<Wallet>,
    config: NodeConfig,
    tree: BlockTree,
    pool: Pool,
    peers: VecMap<PeerId, PeerInfo>,
    next_heartbeat: u64,
    next_rebroadcast: u64,
    forge_at: Option<u64>,
    sync: Option<(PeerId, u64)>,
    /// The last block a page from this peer brought: where the next page starts.
    sync_cursor: Option<(PeerId, Hash)>,
    buy_counter: u64,
    /// Purchase requests already served (on the host) or relayed (elsewhere), with when
    /// they were first seen; `buys_order` is the same, oldest first.
    buys_served: VecMap<Hash, u64>,
    buys_order: VecDeque<(u64, Hash)>,
    rejected: VecMap<String, u64>,
    /// Transactions that arrived ahead of their sender's next nonce (links reorder messages),
    /// kept until the gap closes or [`PARKED_MS`] pass, with when they arrived.
    parked: VecMap<(Address, u64), Parked>,
    /// Peers that sent invalid blocks or chains: strikes and bans.
    scores: VecMap<PeerId, PeerScore>,
    /// Chain pages sent to each peer in its current window: (window start, pages).
    served: VecMap<PeerId, (u64, u32)>,
    behaviour: Behaviour,
    /// The tip on which the adversary last acted (once per tip).
    attacked: Option<Hash>,
    evidence: Vec<Evidence>,
    /// Blocks from peers whose check waits for a deferred draw, oldest first.
    held: VecDeque<Held>,
    /// A chain from a peer whose insertion waits for a deferred draw.
    held_chain: Option<ChainSync>,
    /// Draws asked of the driver and not answered yet, oldest first.
    requested: VecDeque<DrawRequest>,
    /// A forging check found the tip's draw pending: check when a draw arrives.
    forge_check_due: bool,
}

/// How many of the newest canonical blocks [`Node::tree_view`] shows by default.
pub const TREE_VIEW_DEPTH: u64 = 64;

impl Node {
    /// A node on `chain` with its own `wallet`; `exchange` is the exchange's wallet on the node
    /// that hosts the exchange, `None` elsewhere.
    pub fn new(wallet: Wallet, exchange: Option<Wallet>, chain: Chain, config: NodeConfig) -> Node {
        let pool = Pool::new(&chain, config.pool_capacity);
        let mut tree = BlockTree::new(chain);
        tree.set_defer_draws_from(config.defer_draws_from);
        Node {
            wallet,
            exchange,
            config,
            tree,
            pool,
            peers: VecMap::new(),
            next_heartbeat: 0,
            next_rebroadcast: 0,
            forge_at: None,
            sync: None,
            sync_cursor: None,
            buy_counter: 0,
            buys_served: VecMap::new(),
            buys_order: VecDeque::new(),
            scores: VecMap::new(),
            served: VecMap::new(),
            rejected: VecMap::new(),
            parked: VecMap::new(),
            behaviour: Behaviour::Honest,
            attacked: None,
            evidence: Vec::new(),
            held: VecDeque::new(),
            held_chain: None,
            requested: VecDeque::new(),
            forge_check_due: false,
        }
    }

    /// Feeds one input at time `now` (ms); returns what the node wants done, ending with one
    /// [`Output::WakeAt`].
    pub fn handle(&mut self, now: u64, input: Input) -> Vec<Output> {
        let mut out = Vec::new();
        self.resume(now, &mut out);
        // An answer checks forging only when a check found its draw missing (or it let held
        // blocks in): after a forge, as without deferral, the next input checks.
        let mut check_forge = true;
        match input {
            Input::Submit(action) => self.submit(now, action, &mut out),
            Input::Receive { from, bytes } => self.receive(now, from, &bytes, &mut out),
            Input::Tick => self.tick(now, &mut out),
            Input::Disconnected { peer } => {
                if self.peers.remove(&peer).is_some() {
                    out.push(Output::Event(Event::PeerLost { peer }));
                }
            }
            Input::ForgeNow => {
                if self.may_forge_at(now) && self.forging_allowed() {
                    self.forge(now, &mut out);
                } else {
                    out.push(Output::Event(Event::ForgeRefused {
                        winner: self.chain().next_forger(),
                    }));
                }
            }
            Input::SetBehaviour(behaviour) => {
                self.behaviour = behaviour;
                self.attacked = None;
                out.push(Output::Event(Event::BehaviourChanged { behaviour }));
            }
            Input::DrawDone {
                seed,
                stakers,
                ranking,
            } => {
                self.draw_done(now, DrawRequest { seed, stakers }, ranking, &mut out);
                check_forge = self.forge_check_due;
            }
        }
        self.ask_draws(&mut out);
        if check_forge {
            self.maybe_forge(now, &mut out);
        }
        self.misbehave(now, &mut out);
        out.push(Output::WakeAt(self.next_wakeup(now)));
        out
    }

    /// This node's address.
    pub fn address(&self) -> Address {
        self.wallet.address()
    }

    /// This node's wallet.
    pub fn wallet(&self) -> &Wallet {
        &self.wallet
    }

    /// Puts saved transactions back into the pool, in order (a driver restoring its state).
    /// Returns those that no longer apply, with the reason; nothing is broadcast.
    pub fn restore_pool(&mut self, txs: Vec<Transaction>) -> Vec<(Hash, TxError)> {
        txs.into_iter()
            .filter_map(|tx| {
                let id = tx.id();
                self.pool.add(tx, self.tree.chain()).err().map(|e| (id, e))
            })
            .collect()
    }

    /// The exchange's wallet, on the node that hosts it (for saving and export).
    pub fn exchange_wallet(&self) -> Option<&Wallet> {
        self.exchange.as_ref()
    }

    /// Whether this node hosts the exchange.
    pub fn hosts_exchange(&self) -> bool {
        self.exchange.is_some()
    }

    /// The validated canonical chain.
    pub fn chain(&self) -> &Chain {
        self.tree.chain()
    }

    /// The block tree: the canonical chain and the side branches this node has seen.
    pub fn tree(&self) -> &BlockTree {
        &self.tree
    }

    /// The newest [`TREE_VIEW_DEPTH`] canonical blocks and the side blocks beside them, for
    /// the page's block-tree view (serializes to JSON).
    pub fn tree_view(&self) -> TreeView {
        self.tree.view(TREE_VIEW_DEPTH)
    }

    /// The pool.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Counts of dropped messages, transactions and blocks by reason.
    pub fn rejected(&self) -> &VecMap<String, u64> {
        &self.rejected
    }

    /// The node's configuration.
    pub fn config(&self) -> &NodeConfig {
        &self.config
    }

    fn count(&mut self, reason: &str) {
        *self.rejected.get_or_insert_with(reason.to_string(), || 0) += 1;
    }
}
