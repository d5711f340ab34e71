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

use crate::block::{Block, Genesis};
use crate::chain::{
    draw_ready, remember_draw, slot_of, BlockError, Chain, ChainError, DrawRequest, MAX_BLOCK_TXS,
    SLOT_MS,
};
use crate::hash::Hash;
use crate::lottery::{Outcome, Ranking};
use crate::message::{
    decode, encode, page, BuyRequest, DecodeError, Envelope, Message, MAX_LOCATOR, PROTOCOL_VERSION,
};
use crate::pool::Pool;
use crate::tree::{BlockTree, Inserted, Reorg, TreeView};
use crate::tx::{Transaction, TxError, TxKind};
use crate::vec_map::VecMap;
use crate::wallet::{Address, Wallet};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::fmt;
use std::str::FromStr;

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

/// What a user asks its node to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Action {
    /// Buy tokens from the exchange.
    Exchange {
        /// How many.
        amount: u64,
    },
    /// Pay another account.
    Transfer {
        /// The receiver.
        to: Address,
        /// How many tokens.
        amount: u64,
    },
    /// Move balance into stake.
    Stake {
        /// How many tokens.
        amount: u64,
    },
}

/// How a node behaves: honestly, or as one of the adversaries a class can switch on to watch
/// honest nodes refuse or resolve it. Every adversary still validates what it receives and
/// keeps an honest chain; it misbehaves only in what it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Behaviour {
    /// Follows the protocol.
    #[default]
    Honest,
    /// Once per tip, when its turn has not come, forges a block anyway and broadcasts it.
    /// Honest nodes refuse it: [`BlockError::NotTheForger`] in slot 0 or without stake,
    /// [`BlockError::OutOfTurn`] later.
    ForgeOutOfTurn,
    /// Every transfer it submits is signed twice with one nonce, to the receiver and to
    /// someone else; the first goes to the first half of its peers (by link name), the second
    /// to the other half. It relays nothing, serves no chains, sends no heartbeats and does
    /// not forge on its own, so when it sits in two groups of a partition (a bridge) it keeps
    /// the two sides apart. Honest
    /// pools refuse the second spend they see ([`TxError::Conflict`]); across a partition both
    /// spends are forged into the two sides' chains and, after the heal, fork choice keeps one
    /// and the other is dropped from pools as a conflict.
    DoubleSpend,
    /// Once per tip, broadcasts a block that claims the draw's winner as its forger but is
    /// signed with its own key. Honest nodes refuse it: [`BlockError::BadSignature`].
    ForgedSignature,
    /// Whenever it forges, it forges two different blocks on the same parent and sends one to
    /// each half of its peers. Both are valid: honest nodes keep both, report
    /// [`Event::Equivocation`] and converge on one by fork choice.
    Equivocate,
    /// Announces a height [`TAMPER_LEAD`] blocks above its own and answers every chain request
    /// with its chain altered: the newest transaction-bearing block redirected to itself and
    /// blocks of its own appended. Honest nodes refuse it: [`Event::ChainRejected`].
    TamperedChain,
}

/// How many blocks a [`Behaviour::TamperedChain`] node claims to be ahead.
pub const TAMPER_LEAD: u64 = 3;

impl Behaviour {
    /// Every behaviour, honest first.
    pub const ALL: [Behaviour; 6] = [
        Behaviour::Honest,
        Behaviour::ForgeOutOfTurn,
        Behaviour::DoubleSpend,
        Behaviour::ForgedSignature,
        Behaviour::Equivocate,
        Behaviour::TamperedChain,
    ];

    /// The name used in JSON and by [`Behaviour::from_str`] (`"forgeOutOfTurn"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Behaviour::Honest => "honest",
            Behaviour::ForgeOutOfTurn => "forgeOutOfTurn",
            Behaviour::DoubleSpend => "doubleSpend",
            Behaviour::ForgedSignature => "forgedSignature",
            Behaviour::Equivocate => "equivocate",
            Behaviour::TamperedChain => "tamperedChain",
        }
    }

    /// One line for a person.
    pub fn describe(self) -> &'static str {
        match self {
            Behaviour::Honest => "follows the protocol",
            Behaviour::ForgeOutOfTurn => "forges blocks when it is not its turn",
            Behaviour::DoubleSpend => {
                "spends the same tokens twice, one spend to each half of its peers"
            }
            Behaviour::ForgedSignature => {
                "sends blocks in the winner's name with a forged signature"
            }
            Behaviour::Equivocate => "forges two different blocks whenever it may forge one",
            Behaviour::TamperedChain => "offers a tampered chain to nodes that sync from it",
        }
    }

    /// Whether the node relays what it receives and serves its chain.
    fn relays(self) -> bool {
        self != Behaviour::DoubleSpend
    }
}

impl fmt::Display for Behaviour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no [`Behaviour`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownBehaviour(pub String);

impl fmt::Display for UnknownBehaviour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Behaviour::ALL.iter().map(|b| b.name()).collect();
        write!(
            f,
            "unknown behaviour {:?}: one of {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownBehaviour {}

impl FromStr for Behaviour {
    type Err = UnknownBehaviour;

    fn from_str(s: &str) -> Result<Behaviour, UnknownBehaviour> {
        Behaviour::ALL
            .into_iter()
            .find(|b| b.name() == s)
            .ok_or_else(|| UnknownBehaviour(s.to_string()))
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

/// Why a local action was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ActionError {
    /// The transaction it would make breaks a rule.
    Transaction {
        /// The rule.
        reason: TxError,
    },
    /// More than [`NodeConfig::max_buy`] tokens in one purchase.
    BuyLimit {
        /// The limit.
        max: u64,
    },
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::Transaction { reason } => reason.fmt(f),
            ActionError::BuyLimit { max } => {
                write!(f, "the exchange sells at most {max} tokens at a time")
            }
        }
    }
}

/// Why a message from a peer was dropped before its content was looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum MessageError {
    /// The bytes are not a message.
    Decode {
        /// Why.
        reason: DecodeError,
    },
    /// The message is for another network.
    OtherNetwork,
    /// A purchase request whose signature is not the buyer's.
    BadBuySignature,
    /// A purchase request above the limit or of zero tokens.
    BadBuyAmount,
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageError::Decode { reason } => reason.fmt(f),
            MessageError::OtherNetwork => f.write_str("the message belongs to another network"),
            MessageError::BadBuySignature => {
                f.write_str("a purchase request not signed by its buyer")
            }
            MessageError::BadBuyAmount => f.write_str("a purchase request of a refused amount"),
        }
    }
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

/// What this node knows of a peer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerInfo {
    /// The address it claims.
    pub address: Address,
    /// Its last announced height.
    pub height: u64,
    /// When it was last heard from (ms).
    pub last_seen: u64,
}

/// Evidence of equivocation: blocks from one forger on one parent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// The forger.
    pub forger: Address,
    /// The height of the blocks.
    pub height: u64,
    /// The blocks, in hash order.
    pub hashes: Vec<Hash>,
}

/// Most pieces of [`Evidence`] a node keeps (the oldest go first).
pub const MAX_EVIDENCE: usize = 64;

/// Most peers a node tracks in [`Node::peers`]. A peer heard from while the table is full is
/// served but not tracked until others time out ([`NodeConfig::peer_timeout_ms`]), so a flood
/// of made-up link names cannot push known peers out.
pub const MAX_PEERS: usize = 256;

/// Invalid blocks or chains after which a peer is ignored for [`BAN_MS`].
pub const STRIKES_TO_BAN: u32 = 3;

/// How long a banned peer is ignored (ms): everything it sends is dropped unread.
pub const BAN_MS: u64 = 60_000;

/// A peer's strikes are forgotten this long (ms) after its last one.
pub const STRIKE_MEMORY_MS: u64 = 60_000;

/// Most peers with strikes or a ban a node remembers; when full, the entry with the fewest
/// strikes that is not banned makes room, and with none such the new offender goes
/// unrecorded (its blocks still pass the cheap checks first).
pub const MAX_SCORED_PEERS: usize = 256;

/// Chain pages a node sends one peer per [`SYNC_WINDOW_MS`]; more requests in the window
/// are dropped (the asker asks again after [`NodeConfig::sync_timeout_ms`]).
pub const MAX_PAGES_PER_WINDOW: u32 = 8;

/// The window of [`MAX_PAGES_PER_WINDOW`] (ms).
pub const SYNC_WINDOW_MS: u64 = 1_000;

/// Most purchase requests a node remembers as served or relayed; the oldest go first.
pub const MAX_BUYS_REMEMBERED: usize = 4_096;

/// A remembered purchase request is forgotten after this long (ms). A request seen again
/// after that is served again: it can only pay its own signer, who could as well sign a new
/// one, so forgetting costs the exchange nothing it would not sell anyway.
pub const BUY_MEMORY_MS: u64 = 600_000;

/// A parked transaction whose gap has not closed after this long (ms) is forgotten.
pub const PARKED_MS: u64 = 60_000;

/// What a node holds against a peer that sent invalid blocks or chains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerScore {
    /// Invalid blocks or chains since the last ban (forgotten [`STRIKE_MEMORY_MS`] after
    /// the last).
    pub strikes: u32,
    /// When the last strike came (ms).
    pub last_strike: u64,
    /// Until when (ms) the peer is ignored (0: not banned).
    pub banned_until: u64,
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

/// A block held until the draw its check needs arrives.
#[derive(Debug, Clone)]
struct Held {
    from: PeerId,
    hash: Hash,
    block: Block,
    /// The draw it waits for (its parent's, or its held parent's).
    waits: DrawRequest,
}

/// A chain from a peer being inserted block by block, possibly across deferred draws.
#[derive(Debug, Clone)]
struct ChainSync {
    from: PeerId,
    old_height: u64,
    old_tip: Hash,
    reorgs: Vec<Reorg>,
    added: Vec<Hash>,
    /// The blocks still to insert, in order.
    rest: VecDeque<Block>,
    /// The draw the first of `rest` waits for.
    waits: Option<DrawRequest>,
}

/// Most blocks held for deferred draws; beyond it the oldest is dropped.
pub const MAX_HELD_BLOCKS: usize = 64;

/// Most draws asked of the driver and not answered; beyond it the oldest is forgotten (and
/// asked again if still needed).
pub const MAX_REQUESTED_DRAWS: usize = 256;

/// A parked transaction: who sent it, the transaction and when (ms). Boxed, so that the table
/// of parked transactions stays a sorted vector of small entries.
type Parked = Box<(PeerId, Transaction, u64)>;

/// Most transactions parked while waiting for an earlier nonce.
pub const MAX_PARKED: usize = 1024;

/// How far ahead of the sender's next nonce a transaction may be parked: a whole block's worth,
/// so that a burst from one sender (the exchange answering a class's purchases) arriving out
/// of order is parked rather than refused. [`MAX_PARKED`] bounds the memory either way.
pub const MAX_NONCE_AHEAD: u64 = crate::chain::MAX_BLOCK_TXS as u64;

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

    /// Changes [`NodeConfig::defer_draws_from`]. Draws that are no longer deferred are
    /// computed at the next [`Node::handle`].
    pub fn set_defer_draws_from(&mut self, n: Option<u64>) {
        self.config.defer_draws_from = n;
        self.tree.set_defer_draws_from(n);
    }

    /// Changes [`NodeConfig::forge_up_to`] and [`NodeConfig::forge_delay_ms`] (a class's
    /// clock: paused, one step, its speed). The next [`Node::handle`] forges by them.
    pub fn set_forging(&mut self, up_to: Option<u64>, delay_ms: u64) {
        if (self.config.forge_up_to, self.config.forge_delay_ms) != (up_to, delay_ms) {
            self.config.forge_up_to = up_to;
            self.config.forge_delay_ms = delay_ms;
            self.forge_at = None;
        }
    }

    /// Whether [`NodeConfig::forge_up_to`] lets this node forge on its tip.
    fn forging_allowed(&self) -> bool {
        self.config
            .forge_up_to
            .is_none_or(|h| self.chain().tip().height < h)
    }

    /// The draws asked of the driver and not answered yet, oldest first.
    pub fn requested_draws(&self) -> impl Iterator<Item = &DrawRequest> {
        self.requested.iter()
    }

    /// Forgets which draws were asked, so that the node asks again for those it still needs
    /// (a driver that lost its requests, or a node restarted after a crash).
    pub fn forget_draw_requests(&mut self) {
        self.requested.clear();
    }

    /// How many blocks from peers are held for deferred draws (at most
    /// [`MAX_HELD_BLOCKS`]), not counting a held chain ([`Node::held_chain_len`]).
    pub fn held_blocks(&self) -> usize {
        self.held.len()
    }

    /// How many blocks of a chain from a peer wait for a deferred draw (0: none).
    pub fn held_chain_len(&self) -> usize {
        self.held_chain.as_ref().map_or(0, |c| c.rest.len())
    }

    /// Whether anything waits for a deferred draw: the next block's draw, held blocks or a
    /// held chain.
    pub fn awaits_draw(&self) -> bool {
        self.chain().draw_pending() || !self.held.is_empty() || self.held_chain.is_some()
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

    /// Known peers by link.
    pub fn peers(&self) -> &VecMap<PeerId, PeerInfo> {
        &self.peers
    }

    /// Peers that sent invalid blocks or chains, with their strikes and bans (at most
    /// [`MAX_SCORED_PEERS`]; expired entries go at the next tick).
    pub fn scores(&self) -> &VecMap<PeerId, PeerScore> {
        &self.scores
    }

    /// Whether this node ignores `peer` at `now` (see [`STRIKES_TO_BAN`]).
    pub fn is_banned_at(&self, peer: &PeerId, now: u64) -> bool {
        self.is_banned(peer, now)
    }

    /// How many purchase requests this node remembers (at most [`MAX_BUYS_REMEMBERED`]).
    pub fn buys_remembered(&self) -> usize {
        self.buys_served.len()
    }

    /// How many transactions wait for an earlier nonce (at most [`MAX_PARKED`]).
    pub fn parked_len(&self) -> usize {
        self.parked.len()
    }

    /// How many peers have a page window open (at most [`MAX_PEERS`]).
    pub fn sync_windows(&self) -> usize {
        self.served.len()
    }

    /// The peer this node waits on for a chain page, if any.
    pub fn syncing_from(&self) -> Option<&PeerId> {
        self.sync.as_ref().map(|(p, _)| p)
    }

    /// Counts of dropped messages, transactions and blocks by reason.
    pub fn rejected(&self) -> &VecMap<String, u64> {
        &self.rejected
    }

    /// The node's configuration.
    pub fn config(&self) -> &NodeConfig {
        &self.config
    }

    /// How this node behaves.
    pub fn behaviour(&self) -> Behaviour {
        self.behaviour
    }

    /// Equivocation this node has seen, oldest first (at most [`MAX_EVIDENCE`]).
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    /// Whether this node won the draw for the next block (`false` while it is pending).
    pub fn is_next_forger(&self) -> bool {
        self.chain().next_forger() == Some(self.address())
    }

    /// This node's rank in the draw for the next block (`None` without stake, or while the
    /// draw is pending): it may forge from slot `rank` on.
    pub fn next_rank(&self) -> Option<u64> {
        self.chain().next_rank_of(&self.address())
    }

    /// When this node means to forge the next block (ms), if its pool is ready.
    pub fn forge_at(&self) -> Option<u64> {
        self.forge_at
    }

    /// Whether a block this node forged at `now` would be in its turn (`false` while the draw
    /// is pending: not yet).
    pub fn may_forge_at(&self, now: u64) -> bool {
        let tip = self.chain().tip();
        let slot = slot_of(tip.timestamp, now.max(tip.timestamp));
        self.next_rank().is_some_and(|rank| rank <= slot)
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

    fn envelope(&self, body: Message) -> Vec<u8> {
        encode(&Envelope {
            v: PROTOCOL_VERSION,
            network: self.chain().network_id(),
            from: self.address(),
            body,
        })
    }

    fn broadcast(&self, body: Message, out: &mut Vec<Output>) {
        out.push(Output::Broadcast(self.envelope(body)));
    }

    /// Passes on what we received, unless this node keeps quiet (an adversary).
    fn relay(&self, body: Message, out: &mut Vec<Output>) {
        if self.behaviour.relays() {
            self.broadcast(body, out);
        }
    }

    /// The peers split in two by link name: the first half (rounded up) and the rest.
    fn halves(&self) -> (Vec<PeerId>, Vec<PeerId>) {
        let mut all: Vec<PeerId> = self.peers.keys().cloned().collect();
        let rest = all.split_off(all.len().div_ceil(2));
        (all, rest)
    }

    /// Sends `body` to each of `peers`, or broadcasts it when there are none.
    fn send_each(&self, peers: &[PeerId], body: Message, out: &mut Vec<Output>) {
        let bytes = self.envelope(body);
        if peers.is_empty() {
            return out.push(Output::Broadcast(bytes));
        }
        for to in peers {
            out.push(Output::Send {
                to: to.clone(),
                bytes: bytes.clone(),
            });
        }
    }

    fn count(&mut self, reason: &str) {
        *self.rejected.get_or_insert_with(reason.to_string(), || 0) += 1;
    }

    fn submit(&mut self, now: u64, action: Action, out: &mut Vec<Output>) {
        let me = self.address();
        let result = match action {
            Action::Exchange { amount } if amount > self.config.max_buy => {
                Err(ActionError::BuyLimit {
                    max: self.config.max_buy,
                })
            }
            Action::Exchange { amount: 0 } => Err(ActionError::Transaction {
                reason: TxError::ZeroAmount,
            }),
            Action::Exchange { amount } => match self.exchange.clone() {
                Some(exchange) => self.make_tx(now, &exchange, TxKind::Exchange, me, amount, out),
                None => {
                    let request = BuyRequest::new_signed(
                        &self.wallet,
                        self.chain().network_id(),
                        amount,
                        self.buy_counter,
                    );
                    self.buy_counter += 1;
                    let id = request.id(self.chain().network_id());
                    // Our own request coming back through a relay is not relayed again.
                    self.remember_buy(now, id);
                    self.broadcast(Message::Buy(request), out);
                    Ok(id)
                }
            },
            Action::Transfer { to, amount } if self.behaviour == Behaviour::DoubleSpend => {
                self.double_spend(now, to, amount, out)
            }
            Action::Transfer { to, amount } => {
                let wallet = self.wallet.clone();
                self.make_tx(now, &wallet, TxKind::Transfer, to, amount, out)
            }
            Action::Stake { amount } => {
                let wallet = self.wallet.clone();
                self.make_tx(now, &wallet, TxKind::Stake, me, amount, out)
            }
        };
        out.push(Output::Event(match result {
            Ok(id) => Event::Submitted { id },
            Err(reason) => Event::SubmitRejected { reason },
        }));
    }

    /// Signs a transaction with the sender's next pending nonce, pools and broadcasts it.
    fn make_tx(
        &mut self,
        now: u64,
        sender: &Wallet,
        kind: TxKind,
        receiver: Address,
        amount: u64,
        out: &mut Vec<Output>,
    ) -> Result<Hash, ActionError> {
        let nonce = self.pool.pending().next_nonce(&sender.address());
        let tx = Transaction::new_signed(sender, kind, receiver, amount, nonce, now);
        let id = self
            .pool
            .add(tx.clone(), self.tree.chain())
            .map_err(|reason| ActionError::Transaction { reason })?;
        self.broadcast(Message::Transaction { tx }, out);
        Ok(id)
    }

    /// [`Behaviour::DoubleSpend`]: one nonce, two receivers, one spend to each half of the
    /// peers.
    fn double_spend(
        &mut self,
        now: u64,
        to: Address,
        amount: u64,
        out: &mut Vec<Output>,
    ) -> Result<Hash, ActionError> {
        let me = self.address();
        let nonce = self.pool.pending().next_nonce(&me);
        let first = Transaction::new_signed(&self.wallet, TxKind::Transfer, to, amount, nonce, now);
        let genesis = self.chain().genesis();
        let other = self
            .peers
            .values()
            .map(|p| p.address)
            .chain([genesis.forger, genesis.exchange])
            .find(|a| *a != to && *a != me)
            .unwrap_or(genesis.exchange);
        let second =
            Transaction::new_signed(&self.wallet, TxKind::Transfer, other, amount, nonce, now);
        let id = self
            .pool
            .add(first.clone(), self.tree.chain())
            .map_err(|reason| ActionError::Transaction { reason })?;
        let (a, b) = self.halves();
        if b.is_empty() {
            self.broadcast(Message::Transaction { tx: first }, out);
        } else {
            self.send_each(&a, Message::Transaction { tx: first }, out);
            self.send_each(&b, Message::Transaction { tx: second.clone() }, out);
        }
        out.push(Output::Event(Event::Misbehaved {
            behaviour: self.behaviour,
            height: self.chain().height() + 1,
            ids: vec![id, second.id()],
        }));
        Ok(id)
    }

    fn reject_message(&mut self, from: PeerId, reason: MessageError, out: &mut Vec<Output>) {
        let key = match &reason {
            MessageError::Decode {
                reason: DecodeError::TooLarge { .. },
            } => "tooLarge",
            MessageError::Decode {
                reason: DecodeError::Malformed { .. },
            } => "malformed",
            MessageError::Decode {
                reason: DecodeError::Version { .. },
            } => "version",
            MessageError::OtherNetwork => "otherNetwork",
            MessageError::BadBuySignature => "badBuySignature",
            MessageError::BadBuyAmount => "badBuyAmount",
        };
        self.count(key);
        out.push(Output::Event(Event::MessageRejected { from, reason }));
    }

    fn receive(&mut self, now: u64, from: PeerId, bytes: &[u8], out: &mut Vec<Output>) {
        let banned = self.is_banned(&from, now);
        let env = match decode(bytes) {
            Ok(env) => env,
            Err(_) if banned => return self.count("peer:banned"),
            Err(reason) => return self.reject_message(from, MessageError::Decode { reason }, out),
        };
        if banned {
            // A block on our tip costs no more to check than to send, and a staker's valid
            // block must not be cut off the chain by a ban (that could split the network):
            // it alone is still read. Everything else of a banned peer is dropped.
            match env.body {
                Message::Block { block }
                    if env.network == self.chain().network_id()
                        && block.prev_hash == self.chain().tip_hash() =>
                {
                    return self.receive_block(now, from, block, out);
                }
                _ => return self.count("peer:banned"),
            }
        }
        if env.network != self.chain().network_id() {
            return self.reject_message(from, MessageError::OtherNetwork, out);
        }
        self.touch_peer(now, &from, env.from, out);
        match env.body {
            Message::Status { height, tip } => {
                if let Some(peer) = self.peers.get_mut(&from) {
                    peer.height = height;
                }
                let mine = self.chain().height();
                // Ahead of us, or level with a tip we have never seen (it may win the tie).
                if height > mine || (height == mine && !self.tree.contains(&tip)) {
                    self.request_chain(now, from, out);
                }
            }
            Message::Transaction { tx } => self.receive_tx(now, from, tx, out),
            Message::Block { block } => {
                if let Some(peer) = self.peers.get_mut(&from) {
                    peer.height = peer.height.max(block.height);
                }
                self.receive_block(now, from, block, out)
            }
            Message::ChainRequest { height, locator } => {
                self.answer_chain_request(now, from, height, &locator, out)
            }
            Message::Chain { genesis, blocks } => {
                self.receive_chain(now, from, genesis, blocks, out)
            }
            Message::Buy(request) => self.receive_buy(now, from, request, out),
        }
    }

    /// Records that `from` was heard from; a new peer is tracked only while the table has
    /// room ([`MAX_PEERS`]).
    fn touch_peer(&mut self, now: u64, from: &PeerId, address: Address, out: &mut Vec<Output>) {
        if let Some(peer) = self.peers.get_mut(from) {
            peer.last_seen = now;
            peer.address = address;
            return;
        }
        if self.peers.len() >= MAX_PEERS {
            return self.count("peer:tableFull");
        }
        out.push(Output::Event(Event::PeerSeen {
            peer: from.clone(),
            address,
        }));
        self.peers.insert(
            from.clone(),
            PeerInfo {
                address,
                height: 0,
                last_seen: now,
            },
        );
    }

    /// Whether `peer` is banned at `now`.
    fn is_banned(&self, peer: &PeerId, now: u64) -> bool {
        self.scores.get(peer).is_some_and(|s| s.banned_until > now)
    }

    /// Counts an invalid block or chain against `peer`; at [`STRIKES_TO_BAN`] it is banned
    /// for [`BAN_MS`] and forgotten as a peer.
    fn strike(&mut self, now: u64, peer: &PeerId, out: &mut Vec<Output>) {
        if !self.scores.contains_key(peer) && self.scores.len() >= MAX_SCORED_PEERS {
            self.expire_scores(now);
            let spare = self
                .scores
                .iter()
                .filter(|(_, s)| s.banned_until <= now)
                .min_by_key(|(p, s)| (s.strikes, s.last_strike, (*p).clone()))
                .map(|(p, _)| p.clone());
            match spare {
                Some(p) => {
                    self.scores.remove(&p);
                }
                None => return self.count("peer:scoresFull"),
            }
        }
        let score = self.scores.get_or_insert_with(peer.clone(), || PeerScore {
            strikes: 0,
            last_strike: now,
            banned_until: 0,
        });
        score.strikes += 1;
        score.last_strike = now;
        if score.strikes < STRIKES_TO_BAN {
            return;
        }
        score.strikes = 0;
        score.banned_until = now.saturating_add(BAN_MS);
        let until = score.banned_until;
        self.count("peer:bannedPeer");
        self.peers.remove(peer);
        if self.sync.as_ref().is_some_and(|(p, _)| p == peer) {
            self.sync = None;
        }
        out.push(Output::Event(Event::PeerBanned {
            peer: peer.clone(),
            until,
        }));
    }

    /// Forgets bans that ended and strikes older than [`STRIKE_MEMORY_MS`].
    fn expire_scores(&mut self, now: u64) {
        self.scores.retain(|_, s| {
            s.banned_until > now || (s.strikes > 0 && s.last_strike + STRIKE_MEMORY_MS > now)
        });
    }

    /// Whether a refused block is the sender's fault (it is then struck): not when it only
    /// waits for something (its parent, a draw), is stale, or could be a clock's skew.
    fn is_offence(reason: &BlockError) -> bool {
        !matches!(
            reason,
            BlockError::UnknownParent
                | BlockError::DrawPending { .. }
                | BlockError::FromTheFuture { .. }
                | BlockError::BelowHorizon { .. }
        )
    }

    /// Answers a chain request with one page of the canonical chain after the fork point
    /// (see [`Message::ChainRequest`]), at most [`MAX_PAGES_PER_WINDOW`] pages per peer and
    /// [`SYNC_WINDOW_MS`].
    fn answer_chain_request(
        &mut self,
        now: u64,
        from: PeerId,
        height: u64,
        locator: &[Hash],
        out: &mut Vec<Output>,
    ) {
        if self.behaviour == Behaviour::DoubleSpend {
            return;
        }
        let tampered = self.behaviour == Behaviour::TamperedChain;
        if !tampered && self.chain().height() < height {
            return; // Behind the asker: our chain cannot win.
        }
        let chain = self.chain();
        let fork = locator
            .iter()
            .take(MAX_LOCATOR)
            .find_map(|h| chain.height_of(h))
            .unwrap_or(0);
        if !tampered && fork >= chain.height() {
            return; // The asker holds our tip.
        }
        if !self.take_page_slot(now, &from) {
            return self.count("sync:rateLimited");
        }
        let start = usize::try_from(fork).map_or(usize::MAX, |f| f.saturating_add(1));
        let blocks = if tampered {
            let all = self.tampered_chain(now, out);
            page(all.get(start..).unwrap_or_default()).to_vec()
        } else {
            page(self.chain().blocks().get(start..).unwrap_or_default()).to_vec()
        };
        let body = Message::Chain {
            genesis: self.chain().genesis().clone(),
            blocks,
        };
        out.push(Output::Send {
            to: from,
            bytes: self.envelope(body),
        });
    }

    /// Takes one of `peer`'s pages in its window, if any is left.
    fn take_page_slot(&mut self, now: u64, peer: &PeerId) -> bool {
        if !self.served.contains_key(peer) && self.served.len() >= MAX_PEERS {
            self.served
                .retain(|_, (start, _)| start.saturating_add(SYNC_WINDOW_MS) > now);
            if self.served.len() >= MAX_PEERS {
                return false;
            }
        }
        let (start, pages) = self.served.get_or_insert_with(peer.clone(), || (now, 0));
        if start.saturating_add(SYNC_WINDOW_MS) <= now {
            *start = now;
            *pages = 0;
        }
        if *pages >= MAX_PAGES_PER_WINDOW {
            return false;
        }
        *pages += 1;
        true
    }

    fn receive_tx(&mut self, now: u64, from: PeerId, tx: Transaction, out: &mut Vec<Output>) {
        match self.pool.add(tx.clone(), self.tree.chain()) {
            Ok(id) => {
                out.push(Output::Event(Event::TxAccepted { id, from }));
                self.relay(Message::Transaction { tx }, out);
                self.promote_parked(out);
            }
            // Gossip echoes of what we already have are normal, not worth an event.
            Err(TxError::Duplicate | TxError::AlreadyOnChain) => {}
            // Ahead of the sender's next nonce: an earlier one is still on its way.
            Err(TxError::NonceGap { expected, got })
                if got > expected && got - expected <= MAX_NONCE_AHEAD =>
            {
                self.park(now, from, tx)
            }
            Err(reason) => self.reject_tx(from, &tx, reason, out),
        }
    }

    /// Parks a transaction ahead of its nonce. When the parking is full, the sender with the
    /// most parked transactions gives up its furthest one, unless that is this sender: one
    /// flooding sender cannot crowd out the others.
    fn park(&mut self, now: u64, from: PeerId, tx: Transaction) {
        let key = (tx.sender, tx.nonce);
        if self.parked.contains_key(&key) {
            return;
        }
        if !tx.signature_valid() {
            return self.count("tx:badSignature");
        }
        if self.parked.len() >= MAX_PARKED {
            let mut per_sender: VecMap<Address, usize> = VecMap::new();
            for (sender, _) in self.parked.keys() {
                *per_sender.get_or_insert_with(*sender, || 0) += 1;
            }
            let mine = per_sender.get(&tx.sender).copied().unwrap_or(0);
            let biggest = per_sender
                .iter()
                .max_by_key(|(a, n)| (**n, std::cmp::Reverse(**a)))
                .map(|(a, n)| (*a, *n));
            match biggest {
                Some((sender, n)) if n > mine + 1 => {
                    // That sender's furthest nonce: the last key at most (sender, MAX).
                    let last = self.parked.last_at_most(&(sender, u64::MAX));
                    if let Some(k) = last.map(|(k, _)| *k).filter(|k| k.0 == sender) {
                        self.parked.remove(&k);
                    }
                    self.count("tx:parkEvicted");
                }
                _ => return self.count("tx:parkFull"),
            }
        }
        self.parked.insert(key, Box::new((from, tx, now)));
    }

    /// Counts and reports a transaction from a peer that the pool refused.
    fn reject_tx(
        &mut self,
        from: PeerId,
        tx: &Transaction,
        reason: TxError,
        out: &mut Vec<Output>,
    ) {
        self.count(&format!("tx:{}", reason.key()));
        out.push(Output::Event(Event::TxRejected {
            id: tx.id(),
            from,
            reason,
        }));
    }

    fn receive_block(&mut self, now: u64, from: PeerId, block: Block, out: &mut Vec<Output>) {
        let height = block.height;
        let forger = block.forger;
        let old_tip = self.chain().tip_hash();
        match self.tree.insert(block.clone(), Some(now)) {
            Ok(Inserted::Known) => {}
            Ok(inserted) => {
                let hash = block.hash();
                self.relay(Message::Block { block }, out);
                match inserted {
                    Inserted::Side => out.push(Output::Event(Event::SideBlock {
                        height,
                        hash,
                        forger,
                        from: from.clone(),
                    })),
                    Inserted::Reorg(reorg) => self.after_reorg(old_tip, vec![reorg], out),
                    _ => self.after_chain_change(out),
                }
                if self.chain().tip_hash() == hash {
                    let chain = self.chain();
                    if let Some(draw) = chain.draw_at(height) {
                        out.push(Output::Event(Event::BlockAccepted {
                            height,
                            hash,
                            forger,
                            from,
                            draw,
                            rank: chain.rank_at(height).unwrap_or(0),
                            slot: chain.slot_at(height).unwrap_or(0),
                        }));
                    }
                }
                self.check_equivocation(&hash, out);
            }
            // Its check needs a draw the driver has not delivered: hold it until then.
            Err(BlockError::DrawPending { seed }) => {
                if let Some(waits) = self.tree.draw_after(&seed) {
                    self.hold(from, block, waits);
                }
            }
            Err(BlockError::UnknownParent) => {
                match self.held.iter().find(|h| h.hash == block.prev_hash) {
                    // Its parent is held: it waits with it, if it passes what can be checked
                    // without the parent's state.
                    Some(parent) => match precheck_on_held(&parent.block, &block, now) {
                        Ok(()) => {
                            let waits = parent.waits.clone();
                            self.hold(from, block, waits);
                        }
                        Err(reason) => self.reject_block(now, height, from, reason, out),
                    },
                    // Another history: compare whole chains.
                    None => self.request_chain(now, from, out),
                }
            }
            Err(reason) => self.reject_block(now, height, from, reason, out),
        }
    }

    /// Counts and reports a refused block, and strikes its sender when the block is its
    /// fault.
    fn reject_block(
        &mut self,
        now: u64,
        height: u64,
        from: PeerId,
        reason: BlockError,
        out: &mut Vec<Output>,
    ) {
        self.count(&format!("block:{}", reason.key()));
        let offence = Node::is_offence(&reason);
        out.push(Output::Event(Event::BlockRejected {
            height,
            from: from.clone(),
            reason,
        }));
        if offence {
            self.strike(now, &from, out);
        }
    }

    /// Records and reports equivocation if the tree holds twins of block `hash`.
    fn check_equivocation(&mut self, hash: &Hash, out: &mut Vec<Output>) {
        let twins = self.tree.twins_of(hash);
        let Some(block) = self.tree.block(hash).filter(|_| !twins.is_empty()) else {
            return;
        };
        let (forger, height) = (block.forger, block.height);
        let mut hashes = twins;
        hashes.push(*hash);
        crate::sorting::sort(&mut hashes);
        self.count("block:equivocation");
        self.evidence
            .retain(|e| !(e.forger == forger && e.height == height));
        self.evidence.push(Evidence {
            forger,
            height,
            hashes: hashes.clone(),
        });
        if self.evidence.len() > MAX_EVIDENCE {
            self.evidence.remove(0);
        }
        out.push(Output::Event(Event::Equivocation {
            forger,
            height,
            hashes,
        }));
    }

    fn receive_chain(
        &mut self,
        now: u64,
        from: PeerId,
        genesis: Genesis,
        blocks: Vec<Block>,
        out: &mut Vec<Output>,
    ) {
        let solicited = self.sync.as_ref().is_some_and(|(p, _)| *p == from);
        if solicited {
            self.sync = None;
        }
        let old_height = self.chain().height();
        let old_tip = self.chain().tip_hash();
        let Some(last) = blocks.last() else { return };
        // A page we did not ask for that ends below us cannot win fork choice; one whose
        // last block we hold brings nothing new.
        if (!solicited && last.height < old_height) || self.tree.contains(&last.hash()) {
            return;
        }
        // Unasked, a page must start at genesis or on a block we hold: any other is dropped
        // before a single check (a late page of a sync that timed out is asked for again).
        let first = &blocks[0];
        if !solicited && first.height > 0 && !self.tree.contains(&first.prev_hash) {
            return self.count("chain:unsolicited");
        }
        let refused = if genesis != *self.chain().genesis() {
            Some(ChainError::OtherNetwork)
        } else if blocks[0].height == 0 && blocks[0] != genesis.block() {
            Some(ChainError::BadGenesis)
        } else {
            None
        };
        if let Some(reason) = refused {
            self.count(&format!("chain:{}", reason.key()));
            out.push(Output::Event(Event::ChainRejected {
                from: from.clone(),
                reason,
            }));
            return self.strike(now, &from, out);
        }
        // A chain still waiting for a draw is settled as far as it got: this one supersedes it.
        if let Some(held) = self.held_chain.take() {
            // Its pool work was done when it was held.
            let tip = self.chain().tip_hash();
            self.finish_chain(now, tip, held, out);
        }
        let sync = ChainSync {
            from,
            old_height,
            old_tip,
            reorgs: Vec::new(),
            added: Vec::new(),
            rest: blocks.into_iter().collect(),
            waits: None,
        };
        self.continue_chain(now, sync, out);
    }

    /// Inserts a chain's blocks in order until one waits for a deferred draw (the chain is
    /// then held) or none is left (the chain is then settled). Either way the pool is brought
    /// onto the tip the blocks inserted so far made: a held chain may wait long for its draw,
    /// and meanwhile transactions are judged on the pool's pending state.
    fn continue_chain(&mut self, now: u64, mut sync: ChainSync, out: &mut Vec<Output>) {
        sync.waits = None;
        // The pool fits the tip at every input's end, so this is where it stands now.
        let before = self.chain().tip_hash();
        while let Some(b) = sync.rest.pop_front() {
            let height = b.height;
            let hash = b.hash();
            match self.tree.insert(b.clone(), Some(now)) {
                Ok(Inserted::Known) => continue,
                Ok(Inserted::Reorg(r)) => sync.reorgs.push(r),
                Ok(_) => {}
                Err(BlockError::DrawPending { seed }) => {
                    let Some(waits) = self.tree.draw_after(&seed) else {
                        break; // Cannot happen: the tree holds the parent.
                    };
                    sync.rest.push_front(b);
                    sync.waits = Some(waits);
                    let reorgs = std::mem::take(&mut sync.reorgs);
                    self.held_chain = Some(sync);
                    return self.pool_onto_tip(before, reorgs, out);
                }
                Err(reason) => {
                    let offence = Node::is_offence(&reason);
                    let reason = ChainError::Block { height, reason };
                    self.count(&format!("chain:{}", reason.key()));
                    out.push(Output::Event(Event::ChainRejected {
                        from: sync.from.clone(),
                        reason,
                    }));
                    if offence {
                        let from = sync.from.clone();
                        self.strike(now, &from, out);
                    }
                    // Nothing more from this page, and no next page.
                    sync.added.clear();
                    sync.rest.clear();
                    return self.finish_chain(now, before, sync, out);
                }
            }
            sync.added.push(hash);
        }
        self.finish_chain(now, before, sync, out);
    }

    /// Brings the pool from the tip `before` onto the current tip after blocks were inserted
    /// (`reorgs`: the reorganisations among them, whose abandoned transactions come back).
    fn pool_onto_tip(&mut self, before: Hash, reorgs: Vec<Reorg>, out: &mut Vec<Output>) {
        if !reorgs.is_empty() {
            self.after_reorg(before, reorgs, out);
        } else if self.chain().tip_hash() != before {
            self.after_chain_change(out);
        }
    }

    /// What follows a chain page's insertion: equivocation, the pool (from the tip `before`
    /// the last insertion began; the part inserted before the chain was held is already in),
    /// events, and the next page when the page brought blocks and its sender announced more.
    fn finish_chain(&mut self, now: u64, before: Hash, sync: ChainSync, out: &mut Vec<Output>) {
        let ChainSync {
            from,
            old_height,
            old_tip,
            reorgs,
            added,
            ..
        } = sync;
        for hash in &added {
            self.check_equivocation(hash, out);
        }
        if let Some(last) = added.last().and_then(|h| self.tree.block(h)) {
            let reached = last.height;
            self.sync_cursor = Some((from.clone(), *last_hash(&added)));
            let more = self.peers.get(&from).is_some_and(|p| p.height > reached);
            if more && self.held_chain.is_none() {
                self.sync = None;
                self.request_chain(now, from.clone(), out);
            }
        }
        if self.chain().tip_hash() != old_tip {
            out.push(Output::Event(Event::ChainReplaced {
                from,
                old_height,
                new_height: self.chain().height(),
            }));
        }
        self.pool_onto_tip(before, reorgs, out);
    }

    fn receive_buy(&mut self, now: u64, from: PeerId, request: BuyRequest, out: &mut Vec<Output>) {
        let network = self.chain().network_id();
        if !request
            .buyer
            .verify(&request.signing_bytes(network), &request.signature)
        {
            return self.reject_message(from, MessageError::BadBuySignature, out);
        }
        if request.amount == 0 || request.amount > self.config.max_buy {
            return self.reject_message(from, MessageError::BadBuyAmount, out);
        }
        if !self.remember_buy(now, request.id(network)) {
            return; // Seen already (relayed to us by several peers, or repeated).
        }
        let Some(exchange) = self.exchange.clone() else {
            // Only the exchange's host serves purchases; the others pass a request on once, so
            // that it reaches the host over any path (a node linked only to other members).
            self.relay(Message::Buy(request), out);
            return;
        };
        match self.make_tx(
            now,
            &exchange,
            TxKind::Exchange,
            request.buyer,
            request.amount,
            out,
        ) {
            Ok(id) => out.push(Output::Event(Event::TxAccepted { id, from })),
            Err(ActionError::Transaction { reason }) => {
                self.count(&format!("tx:{}", reason.key()));
            }
            Err(ActionError::BuyLimit { .. }) => {}
        }
    }

    /// Remembers a purchase request; `false` when it was remembered already. At most
    /// [`MAX_BUYS_REMEMBERED`], each for [`BUY_MEMORY_MS`].
    fn remember_buy(&mut self, now: u64, id: Hash) -> bool {
        self.expire_buys(now);
        if self.buys_served.contains_key(&id) {
            return false;
        }
        if self.buys_order.len() >= MAX_BUYS_REMEMBERED {
            if let Some((_, old)) = self.buys_order.pop_front() {
                self.buys_served.remove(&old);
            }
        }
        self.buys_served.insert(id, now);
        self.buys_order.push_back((now, id));
        true
    }

    /// Forgets purchase requests older than [`BUY_MEMORY_MS`].
    fn expire_buys(&mut self, now: u64) {
        while let Some((at, id)) = self.buys_order.front().copied() {
            if at.saturating_add(BUY_MEMORY_MS) > now {
                break;
            }
            self.buys_order.pop_front();
            self.buys_served.remove(&id);
        }
    }

    fn request_chain(&mut self, now: u64, from: PeerId, out: &mut Vec<Output>) {
        if self.held_chain.is_some() {
            return; // Still inserting a chain: it waits for a draw.
        }
        if self
            .sync
            .as_ref()
            .is_some_and(|(_, deadline)| *deadline > now)
        {
            return; // One request at a time.
        }
        self.sync = Some((from.clone(), now + self.config.sync_timeout_ms));
        let locator = self.locator(&from);
        out.push(Output::Send {
            to: from,
            bytes: self.envelope(Message::ChainRequest {
                height: self.chain().height(),
                locator,
            }),
        });
    }

    /// The locator of a chain request to `peer` (see [`Message::ChainRequest`]): the last
    /// block a page from it brought, then the canonical tip and the blocks 1, 2, 4, … below.
    fn locator(&self, peer: &PeerId) -> Vec<Hash> {
        let mut locator = Vec::new();
        if let Some((p, h)) = &self.sync_cursor {
            if p == peer && self.tree.contains(h) {
                locator.push(*h);
            }
        }
        let hashes = self.chain().hashes();
        let tip = hashes.len() - 1;
        let mut back = 0usize;
        loop {
            let i = tip.saturating_sub(back);
            locator.push(hashes[i]);
            if i == 0 {
                break;
            }
            back = if back == 0 { 1 } else { back.saturating_mul(2) };
        }
        locator
    }

    fn after_chain_change(&mut self, out: &mut Vec<Output>) {
        for (id, reason) in self.pool.revalidate(self.tree.chain()) {
            out.push(Output::Event(Event::TxDropped { id, reason }));
        }
        self.forge_at = None;
        self.promote_parked(out);
    }

    /// After one or more reorgs since the tip was `old_tip`: the abandoned blocks' transactions
    /// that the new chain lacks go back into the pool, re-checked.
    fn after_reorg(&mut self, old_tip: Hash, reorgs: Vec<Reorg>, out: &mut Vec<Output>) {
        let chain = self.tree.chain();
        let abandoned: Vec<&Block> = reorgs
            .iter()
            .flat_map(|r| r.abandoned.iter())
            .filter(|b| chain.height_of(&b.hash()).is_none())
            .collect();
        let depth = abandoned.len() as u64;
        let returned: Vec<Transaction> = abandoned
            .iter()
            .flat_map(|b| b.transactions.iter())
            .filter(|t| !chain.contains_tx(&t.id()))
            .cloned()
            .collect();
        let ids: Vec<Hash> = returned.iter().map(Transaction::id).collect();
        let dropped = self.pool.restore(returned, self.tree.chain());
        let returned_txs = ids
            .into_iter()
            .filter(|id| self.pool.contains(id))
            .collect();
        out.push(Output::Event(Event::Reorg {
            old_tip,
            new_tip: self.chain().tip_hash(),
            depth,
            returned_txs,
        }));
        for (id, reason) in dropped {
            out.push(Output::Event(Event::TxDropped { id, reason }));
        }
        self.forge_at = None;
        self.promote_parked(out);
    }

    /// An answer from the driver: remembered and used if this node asked for it.
    fn draw_done(
        &mut self,
        now: u64,
        draw: DrawRequest,
        ranking: Option<Ranking>,
        out: &mut Vec<Output>,
    ) {
        let Some(i) = self.requested.iter().position(|r| *r == draw) else {
            return; // Not asked (or already found in the thread's memo): ignored.
        };
        self.requested.remove(i);
        remember_draw(&draw.stakers, &draw.seed, ranking.clone());
        self.tree.fill_next(&draw.seed, &draw.stakers, &ranking);
        self.retry_held(now, out);
    }

    /// Picks up draws that became known without an answer to this node (another node of the
    /// thread was answered, or deferral was switched off) and lets in what waited for them.
    fn resume(&mut self, now: u64, out: &mut Vec<Output>) {
        if self.requested.is_empty() && !self.awaits_draw() {
            return;
        }
        self.tree.resolve_next();
        let defer = self.config.defer_draws_from;
        self.requested
            .retain(|r| !draw_ready(&r.stakers, &r.seed, defer));
        self.retry_held(now, out);
    }

    /// Inserts the held chain and the held blocks whose draw is now known, in order.
    fn retry_held(&mut self, now: u64, out: &mut Vec<Output>) {
        let defer = self.config.defer_draws_from;
        let ready = |r: &DrawRequest| draw_ready(&r.stakers, &r.seed, defer);
        let mut progressed = false;
        if let Some(sync) = self.held_chain.take() {
            if sync.waits.as_ref().is_none_or(ready) {
                progressed = true;
                self.continue_chain(now, sync, out);
            } else {
                self.held_chain = Some(sync);
            }
        }
        if self.held.iter().any(|h| ready(&h.waits)) {
            progressed = true;
            // Parents before children: a child held with its parent follows it.
            for h in std::mem::take(&mut self.held) {
                if ready(&h.waits) {
                    self.receive_block(now, h.from, h.block, out);
                } else {
                    self.held.push_back(h);
                }
            }
        }
        if progressed {
            self.forge_check_due = true;
        }
    }

    /// Holds a block from a peer until the draw `waits` is known; the oldest held block goes
    /// when there are [`MAX_HELD_BLOCKS`].
    fn hold(&mut self, from: PeerId, block: Block, waits: DrawRequest) {
        let hash = block.hash();
        if self.held.iter().any(|h| h.hash == hash) {
            return; // The same block relayed by another peer.
        }
        if self.held.len() >= MAX_HELD_BLOCKS {
            self.held.pop_front();
            self.count("block:heldOverflow");
        }
        self.held.push_back(Held {
            from,
            hash,
            block,
            waits,
        });
    }

    /// Asks the driver, once each, for the draws this node waits for.
    fn ask_draws(&mut self, out: &mut Vec<Output>) {
        if !self.awaits_draw() {
            return;
        }
        let tip = self.chain().pending_draw();
        let chain = self.held_chain.as_ref().and_then(|c| c.waits.as_ref());
        let held = self.held.iter().map(|h| &h.waits);
        let mut needed: Vec<DrawRequest> = Vec::new();
        for draw in tip.iter().chain(chain).chain(held) {
            if !self.requested.contains(draw) && !needed.contains(draw) {
                needed.push(draw.clone());
            }
        }
        for draw in needed {
            if self.requested.len() >= MAX_REQUESTED_DRAWS {
                self.requested.pop_front();
            }
            out.push(Output::Draw {
                seed: draw.seed,
                stakers: draw.stakers.clone(),
            });
            self.requested.push_back(draw);
        }
    }

    /// Moves parked transactions whose turn has come into the pool; forgets stale ones.
    fn promote_parked(&mut self, out: &mut Vec<Output>) {
        loop {
            let pending = self.pool.pending();
            let mut stale = Vec::new();
            let mut ready = None;
            for (key, _) in self.parked.iter() {
                let next = pending.next_nonce(&key.0);
                if key.1 < next {
                    stale.push(*key);
                } else if key.1 == next {
                    ready = Some(*key);
                    break;
                }
            }
            for key in stale {
                self.parked.remove(&key);
            }
            let Some(key) = ready else { return };
            let Some(parked) = self.parked.remove(&key) else {
                return;
            };
            let (from, tx, _) = *parked;
            match self.pool.add(tx.clone(), self.tree.chain()) {
                Ok(id) => {
                    out.push(Output::Event(Event::TxAccepted { id, from }));
                    self.relay(Message::Transaction { tx }, out);
                }
                Err(TxError::Duplicate | TxError::AlreadyOnChain) => {}
                Err(reason) => self.reject_tx(from, &tx, reason, out),
            }
        }
    }

    fn tick(&mut self, now: u64, out: &mut Vec<Output>) {
        if now >= self.next_heartbeat {
            self.next_heartbeat = now + self.config.heartbeat_ms;
            let height = match self.behaviour {
                Behaviour::DoubleSpend => None,
                Behaviour::TamperedChain => Some(self.chain().height() + TAMPER_LEAD),
                _ => Some(self.chain().height()),
            };
            if let Some(height) = height {
                let tip = self.chain().tip_hash();
                self.broadcast(Message::Status { height, tip }, out);
            }
        }
        if now >= self.next_rebroadcast {
            self.next_rebroadcast = now + self.config.rebroadcast_ms;
            for tx in self.pool.take(64) {
                self.relay(Message::Transaction { tx }, out);
            }
        }
        let timeout = self.config.peer_timeout_ms;
        let lost: Vec<PeerId> = self
            .peers
            .iter()
            .filter(|(_, p)| p.last_seen + timeout < now)
            .map(|(id, _)| id.clone())
            .collect();
        for peer in lost {
            self.peers.remove(&peer);
            out.push(Output::Event(Event::PeerLost { peer }));
        }
        self.expire_scores(now);
        self.served
            .retain(|_, (start, _)| start.saturating_add(SYNC_WINDOW_MS) > now);
        self.expire_buys(now);
        self.parked
            .retain(|_, p| p.2.saturating_add(PARKED_MS) > now);
        if self
            .sync
            .as_ref()
            .is_some_and(|(_, deadline)| *deadline <= now)
        {
            self.sync = None;
        }
    }

    /// Forges when the pool is ready and this node's slot has come: the winner after
    /// `forge_delay_ms`, rank `r` after `r` more slots of silence and never before its slot.
    fn maybe_forge(&mut self, now: u64, out: &mut Vec<Output>) {
        // Not yet: the draw for the next block is the driver's to compute.
        self.forge_check_due = self.chain().draw_pending();
        if self.forge_check_due {
            self.forge_at = None;
            return;
        }
        // A double spender stays out of the chain: a block of its own would carry one spend
        // to both sides.
        let ready = self.pool.len() >= self.config.forge_threshold.max(1)
            && self.behaviour != Behaviour::DoubleSpend
            && self.forging_allowed();
        let Some(rank) = self.next_rank().filter(|_| ready) else {
            self.forge_at = None;
            return;
        };
        let wait = rank.saturating_mul(SLOT_MS);
        let slot_start = if rank == 0 {
            0
        } else {
            self.chain().tip().timestamp.saturating_add(wait)
        };
        let delay = self.config.forge_delay_ms;
        let at = *self
            .forge_at
            .get_or_insert_with(|| (now + delay).saturating_add(wait).max(slot_start));
        if at <= now {
            self.forge(now, out);
        }
    }

    /// A block on the tip, forged by `wallet` at `now`, with these transactions.
    fn build_block(&self, wallet: &Wallet, now: u64, transactions: Vec<Transaction>) -> Block {
        let tip = self.chain().tip();
        Block::forge(
            wallet,
            tip.height + 1,
            self.chain().tip_hash(),
            now.max(tip.timestamp),
            transactions,
        )
    }

    fn forge(&mut self, now: u64, out: &mut Vec<Output>) {
        let block = self.build_block(&self.wallet, now, self.pool.take(MAX_BLOCK_TXS));
        let height = block.height;
        let transactions = block.transactions.len();
        let twin = (self.behaviour == Behaviour::Equivocate).then(|| {
            // Different content, same parent, same forger: an empty twin, or one a ms later.
            let (txs, at) = if transactions > 0 {
                (Vec::new(), now)
            } else {
                (Vec::new(), now.max(block.timestamp) + 1)
            };
            self.build_block(&self.wallet, at, txs)
        });
        // The pool only holds transactions that apply in order on the tip, so this succeeds;
        // were it ever to fail, the chain is unchanged and nothing is broadcast.
        if !matches!(
            self.tree.insert(block.clone(), Some(now)),
            Ok(Inserted::Extended)
        ) {
            return;
        }
        let hash = block.hash();
        let chain = self.chain();
        let draw = chain.draw_at(height);
        let (rank, slot) = (
            chain.rank_at(height).unwrap_or(0),
            chain.slot_at(height).unwrap_or(0),
        );
        self.after_chain_change(out);
        match twin {
            Some(twin) => {
                let twin_hash = twin.hash();
                // Fork choice may prefer the twin (a lower hash): the node then reorganises
                // onto it, and the pool takes back what the abandoned block held.
                if let Ok(Inserted::Reorg(reorg)) = self.tree.insert(twin.clone(), Some(now + 1)) {
                    self.after_reorg(hash, vec![reorg], out);
                }
                let (a, b) = self.halves();
                if b.is_empty() {
                    self.broadcast(Message::Block { block }, out);
                    self.broadcast(Message::Block { block: twin }, out);
                } else {
                    self.send_each(&a, Message::Block { block }, out);
                    self.send_each(&b, Message::Block { block: twin }, out);
                }
                out.push(Output::Event(Event::Misbehaved {
                    behaviour: self.behaviour,
                    height,
                    ids: vec![hash, twin_hash],
                }));
            }
            None => self.broadcast(Message::Block { block }, out),
        }
        if let Some(draw) = draw {
            out.push(Output::Event(Event::BlockForged {
                height,
                hash,
                transactions,
                draw,
                rank,
                slot,
            }));
        }
    }

    /// Acts out an adversary's behaviour once per tip (the ones that act on their own).
    fn misbehave(&mut self, now: u64, out: &mut Vec<Output>) {
        let tip = self.chain().tip_hash();
        if self.attacked == Some(tip) || self.chain().draw_pending() {
            return;
        }
        let block = match self.behaviour {
            Behaviour::ForgeOutOfTurn if !self.may_forge_at(now) => {
                self.build_block(&self.wallet, now, self.pool.take(MAX_BLOCK_TXS))
            }
            Behaviour::ForgedSignature => {
                let Some(winner) = self.chain().next_forger().filter(|w| *w != self.address())
                else {
                    return; // Its own win: it forges honestly.
                };
                let mut b = self.build_block(&self.wallet, now, self.pool.take(MAX_BLOCK_TXS));
                // The winner's name, our key: the hash covers the forger, not the signature.
                b.forger = winner;
                b.signature = self.wallet.sign(&b.hash().0);
                b
            }
            _ => return,
        };
        self.attacked = Some(tip);
        out.push(Output::Event(Event::Misbehaved {
            behaviour: self.behaviour,
            height: block.height,
            ids: vec![block.hash()],
        }));
        self.broadcast(Message::Block { block }, out);
    }

    /// [`Behaviour::TamperedChain`]'s answer to a chain request: our chain with the newest
    /// transaction-bearing block redirected to us, and [`TAMPER_LEAD`] blocks of our own on
    /// top so that it looks longer.
    fn tampered_chain(&self, now: u64, out: &mut Vec<Output>) -> Vec<Block> {
        let me = self.address();
        let mut blocks = self.chain().blocks().to_vec();
        let mut ids = Vec::new();
        if let Some(b) = blocks
            .iter_mut()
            .skip(1)
            .rev()
            .find(|b| !b.transactions.is_empty())
        {
            let tx = &mut b.transactions[0];
            if tx.receiver == me {
                tx.amount = tx.amount.saturating_add(1);
            } else {
                tx.receiver = me;
            }
            ids.push(b.hash());
        }
        for _ in 0..TAMPER_LEAD {
            let (height, prev, at) = match blocks.last() {
                Some(p) => (p.height + 1, p.hash(), now.max(p.timestamp)),
                None => break,
            };
            let b = Block::forge(&self.wallet, height, prev, at, Vec::new());
            ids.push(b.hash());
            blocks.push(b);
        }
        out.push(Output::Event(Event::Misbehaved {
            behaviour: self.behaviour,
            height: self.chain().height() + TAMPER_LEAD,
            ids,
        }));
        blocks
    }

    fn next_wakeup(&self, now: u64) -> u64 {
        let mut at = self.next_heartbeat.min(self.next_rebroadcast);
        if let Some(f) = self.forge_at {
            at = at.min(f);
        }
        if let Some((_, deadline)) = &self.sync {
            at = at.min(*deadline);
        }
        at.max(now + 1)
    }
}

/// The last of a non-empty list of hashes (the caller checked it is not empty).
fn last_hash(hashes: &[Hash]) -> &Hash {
    &hashes[hashes.len() - 1]
}

/// What can be checked of `block` on a parent that is itself held for a draw (its state is
/// not known yet): height, timestamp, size and the forger's signature. A block that fails
/// is refused before it takes a place among the held blocks or makes the node ask for a draw.
fn precheck_on_held(parent: &Block, block: &Block, now: u64) -> Result<(), BlockError> {
    let expected = parent.height.saturating_add(1);
    if block.height != expected {
        return Err(BlockError::WrongHeight {
            expected,
            got: block.height,
        });
    }
    if block.timestamp < parent.timestamp {
        return Err(BlockError::TimestampBeforeParent);
    }
    if block.timestamp > now.saturating_add(crate::chain::MAX_FUTURE_MS) {
        return Err(BlockError::FromTheFuture {
            timestamp: block.timestamp,
            now,
        });
    }
    if block.transactions.len() > MAX_BLOCK_TXS {
        return Err(BlockError::TooManyTransactions);
    }
    if !block.signature_valid() {
        return Err(BlockError::BadSignature);
    }
    Ok(())
}
