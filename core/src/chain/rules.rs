//! The rules of a block on its parent, and why a block or a chain is refused. Every block is
//! checked cheapest rule first: [`precheck`] needs neither the account state after the parent
//! (a replay below the tip) nor the draw on it (one hash per staked token), so junk from a
//! peer costs its receiver no more than a signature check; only a block that passes it is
//! drawn for, checked against its slot, and replayed ([`check_block`]). Each refusal is a
//! typed reason: [`BlockError`] for a block, [`ChainError`] for a whole chain.

use super::{slot_of, Drawn, Weight, MAX_BLOCK_TXS, MAX_FUTURE_MS};
use crate::accounts::{Accounts, StakerTable};
use crate::block::Block;
use crate::hash::Hash;
use crate::lottery::Outcome;
use crate::tx::TxError;
use crate::wallet::Address;
use serde::{Deserialize, Serialize};
use std::fmt;

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
