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
//!
//! # Rooms
//!
//! This file holds the [`Chain`] itself: its blocks, the state at its tip, the draw for the
//! next block, and how it grows and is cut back. Beside it:
//!
//! - `rules.rs`: the rules of a block on its parent, cheapest first (`precheck`, then
//!   `check_block`), and the typed reasons a block or a chain is refused ([`BlockError`],
//!   [`ChainError`]).
//! - `draws.rs`: the draw for a block: computed at once, remembered per thread, or deferred
//!   to the driver ([`DrawRequest`]).
//! - `rows.rs`: the blocks themselves, one row per height with what was learnt applying it,
//!   in chunks that copies of the chain share, and the indexes that find a block by its hash
//!   and a transaction by its id or its sender's nonce.

mod draws;
mod rows;
mod rules;

pub use draws::{compute_draw, draw_key_lots, remember_draw, DrawMemo, DrawRequest};
pub(crate) use draws::{draw_on, draw_ready, rank_on, recall, Drawn};
pub(crate) use rules::{check_block, precheck, Checked, Parent};
pub use rules::{BlockError, ChainError};

use crate::accounts::{Accounts, StakerTable};
use crate::block::{Block, Genesis, MAX_NETWORK_NAME};
use crate::hash::Hash;
use crate::lottery::{self, Outcome, Ranking, Trace};
use crate::wallet::Address;
use rows::{Row, Rows};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::sync::Arc;

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

/// A chain that has passed every check, with the account state at its tip. A clone shares
/// its blocks with the original (`rows.rs`): it costs a few hundred bytes whatever the length.
#[derive(Debug, Clone)]
pub struct Chain {
    genesis: Genesis,
    /// One row per height, genesis first; never empty.
    rows: Rows,
    accounts: Accounts,
    /// The ranking for the next block (`None` while it is pending).
    next: Option<Ranking>,
    /// The next draw is deferred and not delivered yet.
    next_pending: bool,
    /// Draws of at least this many lots that are not remembered are left pending.
    defer_draws_from: Option<u64>,
}

impl Chain {
    /// A chain holding only the genesis block.
    pub fn new(genesis: Genesis) -> Chain {
        let block = genesis.block();
        let hash = block.hash();
        let accounts = Accounts::genesis(genesis.exchange, genesis.supply, genesis.forger);
        let next = rank_on(accounts.stakers(), &hash);
        let mut rows = Rows::new();
        rows.push(Arc::new(Row::new(
            block,
            hash,
            StakerTable::default(),
            None,
            0,
            0,
        )));
        Chain {
            genesis,
            rows,
            accounts,
            next,
            next_pending: false,
            defer_draws_from: None,
        }
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
            .hashes()
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
        let row = self.rows.get(i)?;
        Some(Parent {
            block: &row.block,
            hash: row.hash,
            rank_sum: row.rank_sum,
            stakers,
            winner,
        })
    }

    /// Appends blocks that were checked on this tip, in order (each on the one before).
    pub(crate) fn extend(&mut self, checked: Vec<Checked>) {
        let Some(last) = checked.last() else { return };
        let accounts = last.accounts.clone();
        for c in checked {
            self.rows.push(Arc::new(Row::new(
                c.block,
                c.hash,
                c.stakers,
                Some(c.draw),
                c.rank,
                c.rank_sum,
            )));
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
        if keep >= self.rows.len() {
            return Vec::new();
        }
        let mut accounts = self.replay(keep - 1);
        self.accounts = accounts.clone();
        let cut: Vec<Arc<Row>> = self.rows.iter().skip(keep).cloned().collect();
        self.rows.truncate(keep);
        let mut removed = Vec::with_capacity(cut.len());
        for row in cut {
            // Copies of the chain may share the row: then it is copied.
            let row = Arc::unwrap_or_clone(row);
            for tx in &row.block.transactions {
                // Validated when applied: cannot fail.
                let _ = accounts.apply(tx, false);
            }
            if let Some(draw) = row.draw {
                removed.push(Checked {
                    block: row.block,
                    hash: row.hash,
                    draw,
                    rank: row.rank,
                    rank_sum: row.rank_sum,
                    stakers: row.stakers,
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
        for b in self.blocks().take(h + 1).skip(1) {
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
        match h.cmp(&(self.rows.len() - 1)) {
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
        self.rows[0].hash
    }

    /// Height of the tip (0 when only genesis).
    pub fn height(&self) -> u64 {
        (self.rows.len() - 1) as u64
    }

    /// The tip's row.
    fn tip_row(&self) -> &Row {
        &self.rows[self.rows.len() - 1]
    }

    /// The tip block.
    pub fn tip(&self) -> &Block {
        &self.tip_row().block
    }

    /// The tip's hash: the seed of the next draw.
    pub fn tip_hash(&self) -> Hash {
        self.tip_row().hash
    }

    /// All blocks, genesis first (`skip(n)` jumps to height `n` at once).
    pub fn blocks(&self) -> impl ExactSizeIterator<Item = &Block> + DoubleEndedIterator + Clone {
        self.rows.iter().map(|r| &r.block)
    }

    /// Block hashes, aligned with [`Chain::blocks`].
    pub fn hashes(&self) -> impl ExactSizeIterator<Item = &Hash> + DoubleEndedIterator + Clone {
        self.rows.iter().map(|r| &r.hash)
    }

    /// The block at `height` (`None` beyond the tip).
    pub fn block_at(&self, height: u64) -> Option<&Block> {
        Some(&self.rows.get(usize::try_from(height).ok()?)?.block)
    }

    /// The hash of the block at `height` (`None` beyond the tip).
    pub fn hash_at(&self, height: u64) -> Option<Hash> {
        Some(self.rows.get(usize::try_from(height).ok()?)?.hash)
    }

    /// The height of the block with this hash, if it is in this chain.
    pub fn height_of(&self, hash: &Hash) -> Option<u64> {
        rows::height_of(&self.rows, hash)
    }

    /// The account state at the tip.
    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// Whether a transaction with this id is in the chain.
    pub fn contains_tx(&self, id: &Hash) -> bool {
        rows::contains_tx(&self.rows, id)
    }

    /// The id of the transaction in this chain that used `sender`'s nonce `nonce`.
    pub fn tx_with_nonce(&self, sender: &Address, nonce: u64) -> Option<Hash> {
        rows::tx_with_nonce(&self.rows, sender, nonce)
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
        self.rows.get(usize::try_from(height).ok()?)?.draw
    }

    /// The rank of the forger of the block at `height` in its draw (0 for genesis).
    pub fn rank_at(&self, height: u64) -> Option<u64> {
        Some(self.rows.get(usize::try_from(height).ok()?)?.rank)
    }

    /// The slot of the block at `height` (0 for genesis).
    pub fn slot_at(&self, height: u64) -> Option<u64> {
        let block = self.block_at(height)?;
        Some(match height.checked_sub(1).and_then(|p| self.block_at(p)) {
            Some(parent) => slot_of(parent.timestamp, block.timestamp),
            None => 0,
        })
    }

    /// Sum of the forgers' ranks over the whole chain (fork choice's second key).
    pub fn rank_sum(&self) -> u64 {
        self.tip_row().rank_sum
    }

    /// Sum of the forgers' ranks from genesis to the block at `height`.
    pub fn rank_sum_at(&self, height: u64) -> Option<u64> {
        Some(self.rows.get(usize::try_from(height).ok()?)?.rank_sum)
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
        } else if h == self.rows.len() {
            Some(self.accounts.stakers())
        } else {
            self.rows.get(h).map(|r| r.stakers.as_slice())
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
        let seed = self.hash_at(height.checked_sub(1)?)?;
        rank_on(stakers, &seed)
    }

    /// The full lottery (every lot) for the block at `height`, or for the next block when
    /// `height` is tip + 1. O(total stake) hashes: for display, not for validation.
    pub fn trace_at(&self, height: u64) -> Option<Trace> {
        let stakers = self.stakers_for(height)?;
        let seed = self.hash_at(height.checked_sub(1)?)?;
        let named: Vec<(String, u64)> = stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
        lottery::trace(&named, &seed.to_hex())
    }
}
