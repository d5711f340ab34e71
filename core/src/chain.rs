//! A validated chain and the account state at its tip, with the two rules that make a chain
//! live and forks decidable: slots and fork choice.
//!
//! # Slots: who may forge when
//!
//! Time after a block is cut into slots of [`SLOT_MS`] (4 s). A block's slot is read from the
//! block and its parent alone, in integers: `slot = (timestamp - parent.timestamp) / SLOT_MS`.
//! The draw on the parent ([`lottery::rank`]) ranks the stakers by their best lot: rank 0 is
//! the lottery's winner, rank 1 the staker whose best lot comes next, and so on, each staker
//! once. **A staker of rank `r` may forge a block of slot `s` when `r <= s`.** Slot 0 is the
//! winner's alone; from slot 1 the runner-up may forge as well, from slot 2 the third, … An
//! offline winner therefore delays the chain by one slot, not forever. Everyone ranked at or
//! above a slot stays allowed, so a winner that is merely late still forges a valid block (and
//! fork choice prefers it, see below).
//!
//! A refused forger gets [`BlockError::NotTheForger`] when it holds no lot or the block claims
//! slot 0 (only the winner may forge then, as before slots existed), and
//! [`BlockError::OutOfTurn`] when its rank is above a later slot.
//!
//! Timestamps are the forger's claim. A validator that has a clock ([`Chain::apply_at`])
//! refuses a block stamped more than [`MAX_FUTURE_MS`] ahead of it
//! ([`BlockError::FromTheFuture`]), so a staker cannot claim its slot before the slot has come.
//! [`Chain::apply`] has no clock and skips that one check; everything else is deterministic.
//!
//! # Fork choice
//!
//! Two valid chains of one network are compared by their [`Weight`]:
//!
//! 1. the **longer** chain wins;
//! 2. at equal height, the chain with the **lower rank sum** wins: the sum over its blocks of
//!    the forger's rank, so a chain forged by earlier-ranked stakers (winners rather than
//!    fallbacks) beats one forged further down the ranking;
//! 3. then the **lower tip hash** wins (as 32 big-endian bytes), which decides everything else,
//!    equivocation included: two blocks from one forger on one parent have equal height and
//!    rank sum, and every node picks the same one of them.
//!
//! The order is total and every node computes it alone, so nodes that have seen the same blocks
//! agree on the canonical chain. Switching to a better branch is a reorg (see
//! [`crate::tree::BlockTree`]).
//!
//! # Deferred draws
//!
//! A draw costs one hash per staked token. A chain may leave big ones to its driver
//! ([`Chain::set_defer_draws_from`], set by a node from
//! [`crate::node::NodeConfig::defer_draws_from`]): a draw of at least that many lots that this
//! thread does not remember ([`remember_draw`]) is then pending instead of computed. While
//! the next block's draw is pending, the `next_*` accessors answer `None` and a block on the
//! tip is refused with [`BlockError::DrawPending`], which is no fault of the block. The driver
//! computes the draw with [`compute_draw`] (exactly [`lottery::rank`] on the stakers' hex
//! addresses and the seed's hex) and hands it back; the thread's memo makes it known to every
//! node of the thread.

use crate::accounts::{Accounts, StakerTable};
use crate::block::{Block, Genesis, MAX_NETWORK_NAME};
use crate::hash::Hash;
use crate::lottery::{self, Outcome, Ranking, Trace};
use crate::tx::TxError;
use crate::wallet::Address;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Most transactions one block may carry.
pub const MAX_BLOCK_TXS: usize = 1000;

/// Length of a slot (ms): after a block, each slot lets one more staker of the ranking forge.
pub const SLOT_MS: u64 = 4_000;

/// How far (ms) a block's timestamp may lie ahead of a validator's clock.
pub const MAX_FUTURE_MS: u64 = 2_000;

/// The slot of a block stamped `timestamp` on a parent stamped `parent_timestamp`.
pub fn slot_of(parent_timestamp: u64, timestamp: u64) -> u64 {
    timestamp.saturating_sub(parent_timestamp) / SLOT_MS
}

/// Why a block is refused. The chain is unchanged whenever one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum BlockError {
    /// The height is not the parent's + 1.
    WrongHeight {
        /// Parent height + 1.
        expected: u64,
        /// The block's height.
        got: u64,
    },
    /// The previous hash is not the tip's hash (for a block tree: no known block).
    UnknownParent,
    /// The forger holds no lot in the draw on the parent, or the block claims slot 0, which
    /// belongs to the lottery's winner alone.
    NotTheForger {
        /// The lottery's winner.
        expected: Address,
        /// Who forged.
        got: Address,
    },
    /// The forger ranks below the block's slot: its turn has not come (see the module docs).
    OutOfTurn {
        /// Who forged.
        forger: Address,
        /// Its rank in the draw on the parent (0 = the winner).
        rank: u64,
        /// The slot the block's timestamp claims.
        slot: u64,
    },
    /// The forger's signature does not verify.
    BadSignature,
    /// The timestamp is earlier than the parent's.
    TimestampBeforeParent,
    /// The timestamp lies more than [`MAX_FUTURE_MS`] ahead of the validator's clock.
    FromTheFuture {
        /// The block's timestamp.
        timestamp: u64,
        /// The validator's clock.
        now: u64,
    },
    /// More than [`MAX_BLOCK_TXS`] transactions.
    TooManyTransactions,
    /// A transaction in the block breaks a rule.
    Transaction {
        /// Its position in the block.
        index: usize,
        /// The rule it breaks.
        reason: TxError,
    },
    /// Nobody has stake, so nobody may forge (cannot happen after a valid genesis).
    NoStakers,
    /// The forger holds no stake after the parent, so it holds no lot in the draw on it.
    /// Refused before the draw is computed, where the draw's winner is not known for free
    /// (otherwise the refusal is [`BlockError::NotTheForger`]).
    NotAStaker {
        /// Who forged.
        forger: Address,
    },
    /// The block lies [`crate::tree::FORK_HORIZON`] or more below the receiver's canonical
    /// tip: a branch that low is forgotten at once, so it is refused before any check.
    BelowHorizon {
        /// The block's height.
        height: u64,
        /// The receiver's canonical height.
        tip: u64,
    },
    /// Not a fault of the block: the draw on its parent is deferred
    /// ([`crate::node::NodeConfig::defer_draws_from`]) and its driver has not delivered it
    /// yet, so the forger cannot be checked. Only a chain or tree with deferred draws returns
    /// it; a node holds such a block until the draw arrives.
    DrawPending {
        /// The parent's hash: the seed of the missing draw.
        seed: Hash,
    },
}

impl BlockError {
    /// The reason's name, as its JSON's `error` tag says it: rejections are counted by it
    /// (`tx:nonceGap`, `block:outOfTurn`, …).
    pub fn key(&self) -> &'static str {
        match self {
            BlockError::WrongHeight { .. } => "wrongHeight",
            BlockError::UnknownParent => "unknownParent",
            BlockError::NotTheForger { .. } => "notTheForger",
            BlockError::OutOfTurn { .. } => "outOfTurn",
            BlockError::BadSignature => "badSignature",
            BlockError::TimestampBeforeParent => "timestampBeforeParent",
            BlockError::FromTheFuture { .. } => "fromTheFuture",
            BlockError::TooManyTransactions => "tooManyTransactions",
            BlockError::Transaction { .. } => "transaction",
            BlockError::NoStakers => "noStakers",
            BlockError::NotAStaker { .. } => "notAStaker",
            BlockError::BelowHorizon { .. } => "belowHorizon",
            BlockError::DrawPending { .. } => "drawPending",
        }
    }
}

impl fmt::Display for BlockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlockError::WrongHeight { expected, got } => {
                write!(f, "wrong height: expected {expected}, got {got}")
            }
            BlockError::UnknownParent => f.write_str("its previous hash is not this chain's tip"),
            BlockError::NotTheForger { expected, got } => write!(
                f,
                "forged by {} but the lottery chose {}",
                got.short(),
                expected.short()
            ),
            BlockError::OutOfTurn { forger, rank, slot } => write!(
                f,
                "forged out of turn: {} ranks {rank} in the draw, so it may forge from slot \
                 {rank} on, but the block is in slot {slot}",
                forger.short()
            ),
            BlockError::BadSignature => f.write_str("the forger's signature does not verify"),
            BlockError::TimestampBeforeParent => {
                f.write_str("its timestamp is earlier than its parent's")
            }
            BlockError::FromTheFuture { timestamp, now } => write!(
                f,
                "its timestamp is {} ms ahead of this node's clock (at most {MAX_FUTURE_MS})",
                timestamp.saturating_sub(*now)
            ),
            BlockError::TooManyTransactions => {
                write!(f, "more than {MAX_BLOCK_TXS} transactions")
            }
            BlockError::Transaction { index, reason } => {
                write!(f, "transaction {index}: {reason}")
            }
            BlockError::NoStakers => f.write_str("nobody has stake"),
            BlockError::NotAStaker { forger } => write!(
                f,
                "forged by {}, which holds no stake, so no lot in the draw",
                forger.short()
            ),
            BlockError::BelowHorizon { height, tip } => write!(
                f,
                "at height {height}, too far below this node's tip at {tip} to matter"
            ),
            BlockError::DrawPending { seed } => write!(
                f,
                "the draw on its parent {} is not computed yet",
                seed.short(8)
            ),
        }
    }
}

impl std::error::Error for BlockError {}

/// Why a whole chain (from sync or import) is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ChainError {
    /// No blocks at all.
    Empty,
    /// Block 0 is not the genesis block of this genesis, or the genesis itself is malformed.
    BadGenesis,
    /// The genesis is another network's.
    OtherNetwork,
    /// A block fails.
    Block {
        /// Its height.
        height: u64,
        /// Why.
        reason: BlockError,
    },
}

impl ChainError {
    /// The reason's name, as its JSON's `error` tag says it: rejections are counted by it
    /// (`tx:nonceGap`, `block:outOfTurn`, …).
    pub fn key(&self) -> &'static str {
        match self {
            ChainError::Empty => "empty",
            ChainError::BadGenesis => "badGenesis",
            ChainError::OtherNetwork => "otherNetwork",
            ChainError::Block { .. } => "block",
        }
    }
}

impl fmt::Display for ChainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainError::Empty => f.write_str("the chain has no blocks"),
            ChainError::BadGenesis => f.write_str("block 0 is not the genesis block"),
            ChainError::OtherNetwork => f.write_str("the chain belongs to another network"),
            ChainError::Block { height, reason } => write!(f, "block {height}: {reason}"),
        }
    }
}

impl std::error::Error for ChainError {}

/// How good a chain is in fork choice: the greater weight is the better chain (see the module
/// docs). Ordered by height, then by rank sum (lower is better), then by tip hash (lower is
/// better).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Weight {
    /// Height of the tip.
    pub height: u64,
    /// Sum of the forgers' ranks over every block.
    pub rank_sum: u64,
    /// The tip's hash.
    pub tip: Hash,
}

impl Ord for Weight {
    fn cmp(&self, other: &Weight) -> Ordering {
        self.height
            .cmp(&other.height)
            .then(other.rank_sum.cmp(&self.rank_sum))
            .then(other.tip.cmp(&self.tip))
    }
}

impl PartialOrd for Weight {
    fn partial_cmp(&self, other: &Weight) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A block that passed every check on its parent, with what checking it computed.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub(crate) block: Block,
    pub(crate) hash: Hash,
    /// The draw on the parent.
    pub(crate) draw: Outcome,
    /// The forger's rank in that draw.
    pub(crate) rank: u64,
    /// Rank sum of the chain ending here.
    pub(crate) rank_sum: u64,
    /// The staker table the draw used (the parent's), shared with the parent's state.
    pub(crate) stakers: StakerTable,
    /// The account state after the block.
    pub(crate) accounts: Accounts,
}

impl Checked {
    pub(crate) fn weight(&self) -> Weight {
        Weight {
            height: self.block.height,
            rank_sum: self.rank_sum,
            tip: self.hash,
        }
    }
}

/// What a block is checked against: its parent and what is known of it for free.
pub(crate) struct Parent<'a> {
    pub(crate) block: &'a Block,
    pub(crate) hash: Hash,
    pub(crate) rank_sum: u64,
    /// The staker table after the parent: the one the draw on it walks.
    pub(crate) stakers: &'a [(Address, u64)],
    /// The winner of the draw on the parent when it is known without drawing (the tip's
    /// next draw, a canonical parent's stored draw, the thread's memo).
    pub(crate) winner: Option<Address>,
}

/// The cheap rules of a block on its parent: everything that needs neither the account state
/// after the parent (a replay below the tip) nor the draw on it (one hash per staked token).
/// Height, parent, timestamps, the number of transactions, whether the forger holds stake
/// after the parent, and the forger's signature, in that order. Returns the block's hash.
///
/// A forger without stake is [`BlockError::NotTheForger`] when the winner is known for free,
/// and [`BlockError::NotAStaker`] otherwise: junk never costs the receiver a draw.
pub(crate) fn precheck(
    parent: &Parent<'_>,
    block: &Block,
    now: Option<u64>,
) -> Result<Hash, BlockError> {
    let expected = parent.block.height.saturating_add(1);
    if block.height != expected {
        return Err(BlockError::WrongHeight {
            expected,
            got: block.height,
        });
    }
    if block.prev_hash != parent.hash {
        return Err(BlockError::UnknownParent);
    }
    if block.timestamp < parent.block.timestamp {
        return Err(BlockError::TimestampBeforeParent);
    }
    if let Some(now) = now {
        if block.timestamp > now.saturating_add(MAX_FUTURE_MS) {
            return Err(BlockError::FromTheFuture {
                timestamp: block.timestamp,
                now,
            });
        }
    }
    if block.transactions.len() > MAX_BLOCK_TXS {
        return Err(BlockError::TooManyTransactions);
    }
    if !parent.stakers.iter().any(|(a, _)| *a == block.forger) {
        return Err(match parent.winner {
            Some(expected) => BlockError::NotTheForger {
                expected,
                got: block.forger,
            },
            None => BlockError::NotAStaker {
                forger: block.forger,
            },
        });
    }
    let hash = block.hash();
    if !block.forger.verify(&hash.0, &block.signature) {
        return Err(BlockError::BadSignature);
    }
    Ok(hash)
}

/// Every rule of a block on its parent, cheapest first: [`precheck`], then the draw on the
/// parent (`draw`, called only if the cheap rules pass) and the forger's turn, then the
/// transactions on the state after the parent (`accounts`, called last: below the tip it is a
/// replay). `now`, when given, is the validator's clock for the future-timestamp rule.
pub(crate) fn check_block(
    parent: &Parent<'_>,
    block: Block,
    now: Option<u64>,
    draw: impl FnOnce() -> Drawn,
    accounts: impl FnOnce() -> Option<Accounts>,
) -> Result<Checked, BlockError> {
    let hash = precheck(parent, &block, now)?;
    let ranking = match draw() {
        Drawn::Pending => return Err(BlockError::DrawPending { seed: parent.hash }),
        Drawn::Ready(r) => r.ok_or(BlockError::NoStakers)?,
    };
    let stakers = parent.stakers;
    let address = |staker: usize| stakers.get(staker).map(|(a, _)| *a);
    let winner = address(ranking.outcome.winner.staker).ok_or(BlockError::NoStakers)?;
    let slot = slot_of(parent.block.timestamp, block.timestamp);
    let rank = ranking
        .order
        .iter()
        .position(|l| address(l.staker) == Some(block.forger))
        .map(|r| r as u64);
    match rank {
        Some(rank) if rank <= slot => {}
        Some(rank) if slot > 0 => {
            return Err(BlockError::OutOfTurn {
                forger: block.forger,
                rank,
                slot,
            })
        }
        _ => {
            return Err(BlockError::NotTheForger {
                expected: winner,
                got: block.forger,
            })
        }
    }
    let rank = rank.unwrap_or(0);
    let mut accounts = accounts().ok_or(BlockError::UnknownParent)?;
    // The parent's table, shared: a copy only if this block's STAKEs change it.
    let table = accounts.staker_table();
    for (index, tx) in block.transactions.iter().enumerate() {
        accounts
            .apply(tx, true)
            .map_err(|reason| BlockError::Transaction { index, reason })?;
    }
    Ok(Checked {
        block,
        hash,
        draw: ranking.outcome,
        rank,
        rank_sum: parent.rank_sum.saturating_add(rank),
        stakers: table,
        accounts,
    })
}

/// A chain that has passed every check, with the account state at its tip.
#[derive(Debug, Clone)]
pub struct Chain {
    genesis: Genesis,
    blocks: Vec<Block>,
    hashes: Vec<Hash>,
    /// Height of every block by hash.
    heights: HashMap<Hash, u64>,
    /// For block `i >= 1`: the staker table its draw used (the state after block `i - 1`),
    /// shared between the blocks whose parents did not change it.
    stakers_at: Vec<StakerTable>,
    /// For block `i >= 1`: the draw that ranked its forger (index 0 is genesis: `None`).
    draws: Vec<Option<Outcome>>,
    /// For block `i`: its forger's rank in its draw (0 for genesis).
    ranks: Vec<u64>,
    /// For block `i`: the sum of `ranks[..=i]`.
    rank_sums: Vec<u64>,
    accounts: Accounts,
    tx_ids: HashSet<Hash>,
    /// Which transaction used each (sender, nonce).
    nonces: HashMap<(Address, u64), Hash>,
    /// The ranking for the next block (`None` while it is pending).
    next: Option<Ranking>,
    /// The next draw is deferred and not delivered yet.
    next_pending: bool,
    /// Draws of at least this many lots that are not remembered are left pending.
    defer_draws_from: Option<u64>,
}

/// Draws with at least this many lots are remembered (see [`rank_on`]).
const MEMO_MIN_LOTS: u64 = 2_000;

/// How many big (or delivered) draws are remembered per thread.
const MEMO_SIZE: usize = 16;

type DrawKey = (Hash, Vec<(Address, u64)>);

thread_local! {
    /// Recent big draws, newest first. A draw is a pure function of its stakers and seed, so
    /// remembering one changes no result; it saves the time when several nodes of one process
    /// (the in-tab nodes of a page, a simulation) validate the same block: at a million lots
    /// one draw costs a fraction of a second.
    static MEMO: std::cell::RefCell<std::collections::VecDeque<(DrawKey, Option<Ranking>)>> =
        const { std::cell::RefCell::new(std::collections::VecDeque::new()) };
}

/// A draw a node asks its driver for ([`crate::node::Output::Draw`]): the ranking of
/// `stakers` seeded by `seed`, computed as [`compute_draw`] does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DrawRequest {
    /// The seed: the hash of the block the draw is on.
    pub seed: Hash,
    /// The staker table after that block, in draw order.
    pub stakers: Vec<(Address, u64)>,
}

impl DrawRequest {
    /// How many lots the draw walks (one hash each).
    pub fn lots(&self) -> u64 {
        draw_key_lots(&self.stakers)
    }
}

/// How many lots a draw on these stakers walks: their total stake.
pub fn draw_key_lots(stakers: &[(Address, u64)]) -> u64 {
    stakers.iter().fold(0u64, |n, (_, s)| n.saturating_add(*s))
}

/// The draw a driver computes for a [`DrawRequest`]: [`lottery::rank`] on the stakers' hex
/// addresses and the seed's hex, the very computation a node does when it does not defer.
/// O(total stake) hashes, never remembered: see [`remember_draw`].
pub fn compute_draw(stakers: &[(Address, u64)], seed: &Hash) -> Option<Ranking> {
    let named: Vec<(String, u64)> = stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
    lottery::rank(&named, &seed.to_hex())
}

/// Remembers a draw in this thread's memo, so that every node of the thread finds it without
/// computing or asking for it (the memo keeps the newest few). The memo trusts its caller:
/// `ranking` must be [`compute_draw`]`(stakers, seed)`, as a driver's answer to a
/// [`DrawRequest`] is.
pub fn remember_draw(stakers: &[(Address, u64)], seed: &Hash, ranking: Option<Ranking>) {
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|((h, st), _)| !(h == seed && st.as_slice() == stakers));
        m.push_front(((*seed, stakers.to_vec()), ranking));
        m.truncate(MEMO_SIZE);
    });
}

/// The remembered draw on these stakers and seed, if any.
pub(crate) fn recall(stakers: &[(Address, u64)], seed: &Hash) -> Option<Option<Ranking>> {
    MEMO.with(|m| {
        m.borrow()
            .iter()
            .find(|((h, st), _)| h == seed && st.as_slice() == stakers)
            .map(|(_, r)| r.clone())
    })
}

/// Whether a draw of this many lots is left to the driver under `defer_draws_from`.
fn deferred(lots: u64, defer_draws_from: Option<u64>) -> bool {
    defer_draws_from.is_some_and(|n| lots >= n)
}

/// Whether a node can have the draw on these stakers and seed at once: it is small enough to
/// compute, or remembered.
pub(crate) fn draw_ready(
    stakers: &[(Address, u64)],
    seed: &Hash,
    defer_draws_from: Option<u64>,
) -> bool {
    !deferred(draw_key_lots(stakers), defer_draws_from)
        || MEMO.with(|m| {
            m.borrow()
                .iter()
                .any(|((h, st), _)| h == seed && st.as_slice() == stakers)
        })
}

/// A draw, or the news that it is the driver's to compute.
// Lives only until it is stored.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Drawn {
    /// The ranking (`None`: nobody has stake).
    Ready(Option<Ranking>),
    /// Deferred and not remembered: the driver must deliver it.
    Pending,
}

/// [`rank_on`], except that a draw of at least `defer_draws_from` lots that is not remembered
/// is not computed but [`Drawn::Pending`]. With `None` it is exactly [`rank_on`].
pub(crate) fn draw_on(
    stakers: &[(Address, u64)],
    seed: &Hash,
    defer_draws_from: Option<u64>,
) -> Drawn {
    if !deferred(draw_key_lots(stakers), defer_draws_from) {
        return Drawn::Ready(rank_on(stakers, seed));
    }
    match recall(stakers, seed) {
        Some(r) => Drawn::Ready(r),
        None => Drawn::Pending,
    }
}

/// The ranking for the block after a tip with hash `seed` and these stakers.
pub(crate) fn rank_on(stakers: &[(Address, u64)], seed: &Hash) -> Option<Ranking> {
    if draw_key_lots(stakers) < MEMO_MIN_LOTS {
        return compute_draw(stakers, seed);
    }
    if let Some(r) = recall(stakers, seed) {
        return r;
    }
    let r = compute_draw(stakers, seed);
    remember_draw(stakers, seed, r.clone());
    r
}

impl Chain {
    /// A chain holding only the genesis block.
    pub fn new(genesis: Genesis) -> Chain {
        let block = genesis.block();
        let hash = block.hash();
        let accounts = Accounts::genesis(genesis.exchange, genesis.supply, genesis.forger);
        let next = rank_on(accounts.stakers(), &hash);
        Chain {
            genesis,
            blocks: vec![block],
            hashes: vec![hash],
            heights: HashMap::from([(hash, 0)]),
            stakers_at: vec![StakerTable::default()],
            draws: vec![None],
            ranks: vec![0],
            rank_sums: vec![0],
            accounts,
            tx_ids: HashSet::new(),
            nonces: HashMap::new(),
            next,
            next_pending: false,
            defer_draws_from: None,
        }
    }

    /// From now on, draws for the next block of at least `n` lots that this thread does not
    /// remember are left to the driver (`None`, the default: every draw is computed at once).
    /// While such a draw is pending, [`Chain::next_draw`], [`Chain::next_ranking`],
    /// [`Chain::next_forger`], [`Chain::next_forger_at`], [`Chain::next_rank_of`],
    /// [`Chain::next_slot_time`] and [`Chain::ranking_at`] for the next block answer `None`,
    /// and a block on the tip is refused with [`BlockError::DrawPending`] (nothing changes).
    /// A node sets this from [`crate::node::NodeConfig::defer_draws_from`].
    pub fn set_defer_draws_from(&mut self, n: Option<u64>) {
        self.defer_draws_from = n;
    }

    /// See [`Chain::set_defer_draws_from`].
    pub fn defer_draws_from(&self) -> Option<u64> {
        self.defer_draws_from
    }

    /// Whether the draw for the next block is deferred and not delivered yet.
    pub fn draw_pending(&self) -> bool {
        self.next_pending
    }

    /// The draw for the next block while it is pending.
    pub fn pending_draw(&self) -> Option<DrawRequest> {
        self.next_pending.then(|| DrawRequest {
            seed: self.tip_hash(),
            stakers: self.accounts.stakers().to_vec(),
        })
    }

    /// Draws the next block's ranking, or leaves it pending (see
    /// [`Chain::set_defer_draws_from`]).
    fn refresh_next(&mut self) {
        match draw_on(
            self.accounts.stakers(),
            &self.tip_hash(),
            self.defer_draws_from,
        ) {
            Drawn::Ready(r) => {
                self.next = r;
                self.next_pending = false;
            }
            Drawn::Pending => {
                self.next = None;
                self.next_pending = true;
            }
        }
    }

    /// Completes a pending next draw from this thread's memo (or by computing it, when it is
    /// no longer deferred). Returns whether the draw is now known.
    pub(crate) fn resolve_next(&mut self) -> bool {
        if self.next_pending {
            self.refresh_next();
        }
        !self.next_pending
    }

    /// Completes a pending next draw with a delivered ranking when it is that draw. Returns
    /// whether it was.
    pub(crate) fn fill_next(
        &mut self,
        seed: &Hash,
        stakers: &[(Address, u64)],
        ranking: &Option<Ranking>,
    ) -> bool {
        if !self.next_pending || *seed != self.tip_hash() || stakers != self.accounts.stakers() {
            return false;
        }
        self.next = ranking.clone();
        self.next_pending = false;
        true
    }

    /// Validates a whole chain from genesis.
    pub fn from_blocks(genesis: Genesis, blocks: &[Block]) -> Result<Chain, ChainError> {
        if genesis.network.len() > MAX_NETWORK_NAME {
            return Err(ChainError::BadGenesis);
        }
        let first = blocks.first().ok_or(ChainError::Empty)?;
        if *first != genesis.block() {
            return Err(ChainError::BadGenesis);
        }
        let mut chain = Chain::new(genesis);
        for b in &blocks[1..] {
            chain.apply(b.clone()).map_err(|reason| ChainError::Block {
                height: b.height,
                reason,
            })?;
        }
        Ok(chain)
    }

    /// A copy of this chain made into `candidate`, a whole chain from genesis. Blocks that
    /// this chain already holds (equal hashes at equal heights, from genesis on) were validated
    /// when they were applied; only the rest is checked, on the state at the last shared block.
    /// Whether the result is better is for the caller to decide ([`Chain::weight`]).
    pub fn validate_candidate(
        &self,
        genesis: &Genesis,
        candidate: &[Block],
    ) -> Result<Chain, ChainError> {
        if *genesis != self.genesis {
            return Err(ChainError::OtherNetwork);
        }
        let shared = self
            .hashes
            .iter()
            .zip(candidate)
            .take_while(|(h, b)| b.hash() == **h)
            .count();
        if shared == 0 {
            return Chain::from_blocks(genesis.clone(), candidate);
        }
        let mut chain = self.clone();
        // A whole chain is checked at once: nothing is deferred.
        chain.defer_draws_from = None;
        chain.truncate(shared as u64 - 1);
        for b in &candidate[shared..] {
            chain.apply(b.clone()).map_err(|reason| ChainError::Block {
                height: b.height,
                reason,
            })?;
        }
        chain.defer_draws_from = self.defer_draws_from;
        Ok(chain)
    }

    /// Checks `block` against the tip and applies it. On error the chain is unchanged. No clock
    /// is involved: the future-timestamp rule is left to [`Chain::apply_at`].
    pub fn apply(&mut self, block: Block) -> Result<(), BlockError> {
        self.apply_checked(block, None)
    }

    /// [`Chain::apply`] for a validator whose clock reads `now` (ms): a block stamped more
    /// than [`MAX_FUTURE_MS`] ahead is refused as well.
    pub fn apply_at(&mut self, block: Block, now: u64) -> Result<(), BlockError> {
        self.apply_checked(block, Some(now))
    }

    fn apply_checked(&mut self, block: Block, now: Option<u64>) -> Result<(), BlockError> {
        let checked = check_block(
            &self.tip_parent(),
            block,
            now,
            || match self.next_pending {
                true => Drawn::Pending,
                false => Drawn::Ready(self.next.clone()),
            },
            || Some(self.accounts.clone()),
        )?;
        self.extend(vec![checked]);
        Ok(())
    }

    /// The tip as the parent of the next block.
    pub(crate) fn tip_parent(&self) -> Parent<'_> {
        Parent {
            block: self.tip(),
            hash: self.tip_hash(),
            rank_sum: self.rank_sum(),
            stakers: self.accounts.stakers(),
            winner: self.next_forger(),
        }
    }

    /// The block at `height` as a parent (`None` beyond the tip), with the winner of the draw
    /// on it when this chain stored it (every height below the tip) or drew it (the tip).
    pub(crate) fn parent_at(&self, height: u64) -> Option<Parent<'_>> {
        if height == self.height() {
            return Some(self.tip_parent());
        }
        let i = usize::try_from(height).ok()?;
        let stakers = self.stakers_for(height.checked_add(1)?)?;
        let winner = self
            .draw_at(height + 1)
            .and_then(|d| stakers.get(d.winner.staker))
            .map(|(a, _)| *a);
        Some(Parent {
            block: self.blocks.get(i)?,
            hash: *self.hashes.get(i)?,
            rank_sum: self.rank_sum_at(height)?,
            stakers,
            winner,
        })
    }

    /// Appends blocks that were checked on this tip, in order (each on the one before).
    pub(crate) fn extend(&mut self, checked: Vec<Checked>) {
        let Some(last) = checked.last() else { return };
        let accounts = last.accounts.clone();
        for c in checked {
            for tx in &c.block.transactions {
                let id = tx.id();
                self.tx_ids.insert(id);
                self.nonces.insert((tx.sender, tx.nonce), id);
            }
            self.heights.insert(c.hash, c.block.height);
            self.stakers_at.push(c.stakers);
            self.draws.push(Some(c.draw));
            self.ranks.push(c.rank);
            self.rank_sums.push(c.rank_sum);
            self.hashes.push(c.hash);
            self.blocks.push(c.block);
        }
        self.accounts = accounts;
        self.refresh_next();
    }

    /// Cuts the chain back to `height` (a no-op at or above the tip); returns the removed
    /// blocks, oldest first, each with the state after it, so that they can live on as a
    /// branch of a block tree.
    pub(crate) fn truncate(&mut self, height: u64) -> Vec<Checked> {
        let Ok(keep) = usize::try_from(height).map(|h| h + 1) else {
            return Vec::new();
        };
        if keep >= self.blocks.len() {
            return Vec::new();
        }
        let mut accounts = self.replay(keep - 1);
        self.accounts = accounts.clone();
        let blocks = self.blocks.split_off(keep);
        let hashes = self.hashes.split_off(keep);
        let stakers = self.stakers_at.split_off(keep);
        let draws = self.draws.split_off(keep);
        let ranks = self.ranks.split_off(keep);
        let rank_sums = self.rank_sums.split_off(keep);
        let mut removed = Vec::with_capacity(blocks.len());
        let rows = blocks
            .into_iter()
            .zip(hashes)
            .zip(stakers)
            .zip(draws)
            .zip(ranks.into_iter().zip(rank_sums));
        for ((((block, hash), stakers), draw), (rank, rank_sum)) in rows {
            self.heights.remove(&hash);
            for tx in &block.transactions {
                let id = tx.id();
                self.tx_ids.remove(&id);
                self.nonces.remove(&(tx.sender, tx.nonce));
                // Validated when applied: cannot fail.
                let _ = accounts.apply(tx, false);
            }
            if let Some(draw) = draw {
                removed.push(Checked {
                    block,
                    hash,
                    draw,
                    rank,
                    rank_sum,
                    stakers,
                    accounts: accounts.clone(),
                });
            }
        }
        self.refresh_next();
        removed
    }

    /// The state after block `h` (an index below the tip), rebuilt from genesis: every block was
    /// validated when applied, so only the transfers are redone (no signature, no draw).
    fn replay(&self, h: usize) -> Accounts {
        let g = &self.genesis;
        let mut accounts = Accounts::genesis(g.exchange, g.supply, g.forger);
        for b in self.blocks.iter().take(h + 1).skip(1) {
            for tx in &b.transactions {
                let _ = accounts.apply(tx, false);
            }
        }
        accounts
    }

    /// The account state after the block at `height` (`None` beyond the tip). Below the tip
    /// it is rebuilt by replaying the transactions from genesis: O(transactions), no hashing.
    pub fn accounts_at(&self, height: u64) -> Option<Accounts> {
        let h = usize::try_from(height).ok()?;
        match h.cmp(&(self.blocks.len() - 1)) {
            Ordering::Greater => None,
            Ordering::Equal => Some(self.accounts.clone()),
            Ordering::Less => Some(self.replay(h)),
        }
    }

    /// The genesis this chain starts from.
    pub fn genesis(&self) -> &Genesis {
        &self.genesis
    }

    /// The network's identity: the genesis block's hash.
    pub fn network_id(&self) -> Hash {
        self.hashes[0]
    }

    /// Height of the tip (0 when only genesis).
    pub fn height(&self) -> u64 {
        (self.blocks.len() - 1) as u64
    }

    /// The tip block.
    pub fn tip(&self) -> &Block {
        &self.blocks[self.blocks.len() - 1]
    }

    /// The tip's hash: the seed of the next draw.
    pub fn tip_hash(&self) -> Hash {
        self.hashes[self.hashes.len() - 1]
    }

    /// All blocks, genesis first.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Block hashes, aligned with [`Chain::blocks`].
    pub fn hashes(&self) -> &[Hash] {
        &self.hashes
    }

    /// The height of the block with this hash, if it is in this chain.
    pub fn height_of(&self, hash: &Hash) -> Option<u64> {
        self.heights.get(hash).copied()
    }

    /// The account state at the tip.
    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// Whether a transaction with this id is in the chain.
    pub fn contains_tx(&self, id: &Hash) -> bool {
        self.tx_ids.contains(id)
    }

    /// The id of the transaction in this chain that used `sender`'s nonce `nonce`.
    pub fn tx_with_nonce(&self, sender: &Address, nonce: u64) -> Option<Hash> {
        self.nonces.get(&(*sender, nonce)).copied()
    }

    /// The draw for the next block, computed once per tip; `None` while the draw is pending ([`Chain::draw_pending`]).
    pub fn next_draw(&self) -> Option<Outcome> {
        self.next.as_ref().map(|r| r.outcome)
    }

    /// The ranking for the next block: who may forge from which slot on; `None` while the draw is pending ([`Chain::draw_pending`]).
    pub fn next_ranking(&self) -> Option<&Ranking> {
        self.next.as_ref()
    }

    /// Who won the draw for the next block (rank 0: it may forge from slot 0); `None` while the draw is pending ([`Chain::draw_pending`]).
    pub fn next_forger(&self) -> Option<Address> {
        self.next_forger_at(0)
    }

    /// The staker of rank `rank` for the next block (it may forge from slot `rank`); `None` while the draw is pending ([`Chain::draw_pending`]).
    pub fn next_forger_at(&self, rank: u64) -> Option<Address> {
        let staker = self.next.as_ref()?.staker_at(rank)?;
        self.accounts.stakers().get(staker).map(|(a, _)| *a)
    }

    /// `address`'s rank for the next block (`None` without stake, and while the draw is
    /// pending: [`Chain::draw_pending`]).
    pub fn next_rank_of(&self, address: &Address) -> Option<u64> {
        let staker = self
            .accounts
            .stakers()
            .iter()
            .position(|(a, _)| a == address)?;
        self.next.as_ref()?.rank_of(staker)
    }

    /// The earliest timestamp at which `address` may forge the next block: the start of the
    /// slot of its rank (`None` without stake, and while the draw is pending).
    pub fn next_slot_time(&self, address: &Address) -> Option<u64> {
        let rank = self.next_rank_of(address)?;
        Some(
            self.tip()
                .timestamp
                .saturating_add(rank.saturating_mul(SLOT_MS)),
        )
    }

    /// The draw that chose the forger of the block at `height` (`None` for genesis or beyond
    /// the tip). With slots the forger may be ranked after the draw's winner: see
    /// [`Chain::rank_at`].
    pub fn draw_at(&self, height: u64) -> Option<Outcome> {
        self.draws
            .get(usize::try_from(height).ok()?)
            .copied()
            .flatten()
    }

    /// The rank of the forger of the block at `height` in its draw (0 for genesis).
    pub fn rank_at(&self, height: u64) -> Option<u64> {
        self.ranks.get(usize::try_from(height).ok()?).copied()
    }

    /// The slot of the block at `height` (0 for genesis).
    pub fn slot_at(&self, height: u64) -> Option<u64> {
        let h = usize::try_from(height).ok()?;
        let block = self.blocks.get(h)?;
        Some(match h.checked_sub(1) {
            Some(p) => slot_of(self.blocks[p].timestamp, block.timestamp),
            None => 0,
        })
    }

    /// Sum of the forgers' ranks over the whole chain (fork choice's second key).
    pub fn rank_sum(&self) -> u64 {
        self.rank_sums[self.rank_sums.len() - 1]
    }

    /// Sum of the forgers' ranks from genesis to the block at `height`.
    pub fn rank_sum_at(&self, height: u64) -> Option<u64> {
        self.rank_sums.get(usize::try_from(height).ok()?).copied()
    }

    /// This chain's place in fork choice.
    pub fn weight(&self) -> Weight {
        Weight {
            height: self.height(),
            rank_sum: self.rank_sum(),
            tip: self.tip_hash(),
        }
    }

    /// The staker table the draw for `height` used (`height` may be tip + 1: the next draw).
    pub fn stakers_for(&self, height: u64) -> Option<&[(Address, u64)]> {
        let h = usize::try_from(height).ok()?;
        if h == 0 {
            None
        } else if h == self.blocks.len() {
            Some(self.accounts.stakers())
        } else {
            self.stakers_at.get(h).map(|t| t.as_slice())
        }
    }

    /// The full ranking for the block at `height`, or for the next block when `height` is
    /// tip + 1. O(total stake) hashes below the tip, computed at once even when draws are
    /// deferred: for display, not for validation. For tip + 1 it is the next ranking, `None`
    /// while that draw is pending.
    pub fn ranking_at(&self, height: u64) -> Option<Ranking> {
        if height == self.height() + 1 {
            return self.next.clone();
        }
        let stakers = self.stakers_for(height)?;
        let seed = self
            .hashes
            .get(usize::try_from(height).ok()?.checked_sub(1)?)?;
        rank_on(stakers, seed)
    }

    /// The full lottery (every lot) for the block at `height`, or for the next block when
    /// `height` is tip + 1. O(total stake) hashes: for display, not for validation.
    pub fn trace_at(&self, height: u64) -> Option<Trace> {
        let stakers = self.stakers_for(height)?;
        let seed = self
            .hashes
            .get(usize::try_from(height).ok()?.checked_sub(1)?)?;
        let named: Vec<(String, u64)> = stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
        lottery::trace(&named, &seed.to_hex())
    }
}

#[cfg(test)]
mod memo_tests {
    use super::*;

    #[test]
    fn a_remembered_draw_is_the_draw() {
        let stakers: Vec<(Address, u64)> = (0..3u8).map(|i| (Address([i; 32]), 1_500)).collect();
        let seed = Hash::of(b"memo");
        let named: Vec<(String, u64)> = stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
        let fresh = lottery::rank(&named, &seed.to_hex());
        assert_eq!(rank_on(&stakers, &seed), fresh);
        assert_eq!(rank_on(&stakers, &seed), fresh, "second call, from memory");
        let mut other = stakers.clone();
        other[2].1 += 1;
        let named: Vec<(String, u64)> = other.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
        assert_eq!(
            rank_on(&other, &seed),
            lottery::rank(&named, &seed.to_hex()),
            "other stakes, other draw"
        );
    }

    #[test]
    fn a_deferred_draw_is_pending_until_remembered() {
        let stakers: Vec<(Address, u64)> = (0..3u8).map(|i| (Address([i; 32]), 5)).collect();
        let seed = Hash::of(b"deferred");
        assert!(matches!(draw_on(&stakers, &seed, Some(15)), Drawn::Pending));
        assert!(!draw_ready(&stakers, &seed, Some(15)));
        assert!(draw_ready(&stakers, &seed, Some(16)), "below the threshold");
        let fresh = compute_draw(&stakers, &seed);
        assert!(matches!(draw_on(&stakers, &seed, None), Drawn::Ready(r) if r == fresh));
        remember_draw(&stakers, &seed, fresh.clone());
        assert!(matches!(draw_on(&stakers, &seed, Some(0)), Drawn::Ready(r) if r == fresh));
        for i in 0..2 * MEMO_SIZE as u64 {
            remember_draw(&stakers, &Hash::of(&i.to_le_bytes()), None);
        }
        assert_eq!(MEMO.with(|m| m.borrow().len()), MEMO_SIZE, "bounded");
        assert!(
            !draw_ready(&stakers, &seed, Some(0)),
            "the oldest is forgotten"
        );
    }
}
