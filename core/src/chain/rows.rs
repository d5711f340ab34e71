//! The chain's blocks, one [`Row`] per height with what was learnt applying it, kept in a
//! [`SharedVec`] so that a copy of a chain (a snapshot of the page's history, a candidate
//! chain checked beside the canonical one) shares every full chunk of 64 heights with its
//! original and copies only pointers.
//!
//! The chain's lookups (a block's height by its hash, whether a transaction is on the chain,
//! which transaction used a sender's nonce) read sorted indexes: each full chunk keeps one of
//! its 64 rows ([`ChunkIndex`], built once when the chunk fills), every 64 full chunks one
//! merged index of their 4,096 rows, and each row one of its own transactions, for the tail.
//! A lookup is a binary search per merged index, per chunk after the last of them and per
//! tail row (at 100,000 blocks 24, at most 63 and at most 63), and cutting the chain back (a
//! reorg) can never leave an index behind: it goes with its rows.

use crate::accounts::StakerTable;
use crate::block::Block;
use crate::hash::Hash;
use crate::lottery::Outcome;
use crate::shared::{SharedVec, Summary};
use crate::wallet::Address;
use std::sync::Arc;

/// One block of a chain and what was learnt applying it.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) block: Block,
    pub(crate) hash: Hash,
    /// The staker table its draw used (the state after its parent); empty for genesis. Shared
    /// between the blocks whose parents did not change it.
    pub(crate) stakers: StakerTable,
    /// The draw that ranked its forger (`None` for genesis).
    pub(crate) draw: Option<Outcome>,
    /// Its forger's rank in that draw (0 for genesis).
    pub(crate) rank: u64,
    /// The sum of the ranks from genesis to it.
    pub(crate) rank_sum: u64,
    /// Its transactions' ids, sorted.
    ids: Box<[Hash]>,
    /// (sender, nonce, id) of its transactions, sorted.
    nonces: Box<[(Address, u64, Hash)]>,
}

impl Row {
    pub(crate) fn new(
        block: Block,
        hash: Hash,
        stakers: StakerTable,
        draw: Option<Outcome>,
        rank: u64,
        rank_sum: u64,
    ) -> Row {
        let mut nonces: Vec<(Address, u64, Hash)> = block
            .transactions
            .iter()
            .map(|tx| (tx.sender, tx.nonce, tx.id()))
            .collect();
        let mut ids: Vec<Hash> = nonces.iter().map(|(_, _, id)| *id).collect();
        crate::sorting::sort(&mut ids);
        crate::sorting::sort(&mut nonces);
        Row {
            block,
            hash,
            stakers,
            draw,
            rank,
            rank_sum,
            ids: ids.into_boxed_slice(),
            nonces: nonces.into_boxed_slice(),
        }
    }
}

/// The sorted indexes of a full chunk of rows.
#[derive(Debug)]
pub(crate) struct ChunkIndex {
    /// (hash, height) of its blocks, by hash.
    heights: Box<[(Hash, u64)]>,
    /// Its transactions' ids, sorted.
    ids: Box<[Hash]>,
    /// (sender, nonce, id) of its transactions, sorted.
    nonces: Box<[(Address, u64, Hash)]>,
}

impl ChunkIndex {
    /// The index of these entries, in any order.
    fn sorted(
        mut heights: Vec<(Hash, u64)>,
        mut ids: Vec<Hash>,
        mut nonces: Vec<(Address, u64, Hash)>,
    ) -> ChunkIndex {
        crate::sorting::sort(&mut heights);
        crate::sorting::sort(&mut ids);
        crate::sorting::sort(&mut nonces);
        ChunkIndex {
            heights: heights.into_boxed_slice(),
            ids: ids.into_boxed_slice(),
            nonces: nonces.into_boxed_slice(),
        }
    }
}

impl Summary<Arc<Row>> for ChunkIndex {
    fn of(rows: &[Arc<Row>]) -> ChunkIndex {
        ChunkIndex::sorted(
            rows.iter().map(|r| (r.hash, r.block.height)).collect(),
            rows.iter().flat_map(|r| r.ids.iter().copied()).collect(),
            rows.iter().flat_map(|r| r.nonces.iter().copied()).collect(),
        )
    }

    fn merge(parts: &[&ChunkIndex]) -> ChunkIndex {
        ChunkIndex::sorted(
            parts
                .iter()
                .flat_map(|p| p.heights.iter().copied())
                .collect(),
            parts.iter().flat_map(|p| p.ids.iter().copied()).collect(),
            parts
                .iter()
                .flat_map(|p| p.nonces.iter().copied())
                .collect(),
        )
    }
}

/// A chain's rows, genesis first.
pub(crate) type Rows = SharedVec<Arc<Row>, ChunkIndex>;

/// The height of the block `hash` among `rows`. The newest rows are read first: the blocks
/// asked about are mostly near the tip.
pub(crate) fn height_of(rows: &Rows, hash: &Hash) -> Option<u64> {
    if let Some(r) = rows.tail().iter().rev().find(|r| r.hash == *hash) {
        return Some(r.block.height);
    }
    rows.summaries().rev().find_map(|index| {
        let i = index.heights.binary_search_by(|(h, _)| h.cmp(hash)).ok()?;
        Some(index.heights[i].1)
    })
}

/// Whether a transaction of `rows` has the id `id`.
pub(crate) fn contains_tx(rows: &Rows, id: &Hash) -> bool {
    rows.tail().iter().any(|r| r.ids.binary_search(id).is_ok())
        || rows
            .summaries()
            .any(|index| index.ids.binary_search(id).is_ok())
}

/// The id of the transaction of `rows` that used `sender`'s nonce `nonce`.
pub(crate) fn tx_with_nonce(rows: &Rows, sender: &Address, nonce: u64) -> Option<Hash> {
    let find = |list: &[(Address, u64, Hash)]| {
        let i = list
            .binary_search_by(|(s, n, _)| (s, *n).cmp(&(sender, nonce)))
            .ok()?;
        Some(list[i].2)
    };
    rows.tail()
        .iter()
        .rev()
        .find_map(|r| find(&r.nonces))
        .or_else(|| rows.summaries().rev().find_map(|index| find(&index.nonces)))
}
