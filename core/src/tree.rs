//! The block tree: every valid block a node has seen whose parent it knows, and the canonical
//! chain among them.
//!
//! The canonical chain is a [`Chain`]: the best leaf by fork choice ([`crate::chain`]'s module
//! docs: longest, then lowest rank sum, then lowest tip hash) and the path to it. Every other
//! valid block is kept on a side branch with the account state after it, so that a child of it
//! can be checked at once and a better branch can become canonical without checking anything
//! twice. Blocks whose parent is unknown are not kept: a node asks the sender for its chain
//! instead.
//!
//! **Reorg.** When a side leaf becomes better than the canonical tip, the canonical chain is cut
//! back to the fork point and the branch's blocks are appended; the abandoned blocks become a
//! side branch themselves. [`Inserted::Reorg`] reports both lists; the node returns the
//! abandoned blocks' transactions that the new chain lacks to its pool.
//!
//! **Bounds.** Side blocks more than [`FORK_HORIZON`] below the canonical tip are forgotten, and
//! at most [`MAX_SIDE_BLOCKS`] are kept (the lowest go first, then any block left without a
//! parent). A forgotten branch that later grows better comes back through chain sync.

use crate::block::Block;
use crate::chain::{
    check_block, draw_on, precheck, recall, slot_of, BlockError, Chain, Checked, DrawRequest,
    Parent, Weight,
};
use crate::hash::Hash;
use crate::lottery::Ranking;
use crate::vec_map::VecMap;
use crate::wallet::Address;
use serde::{Deserialize, Serialize};

/// Most side blocks (valid blocks off the canonical chain) a tree keeps.
pub const MAX_SIDE_BLOCKS: usize = 512;

/// Side blocks this many blocks or more below the canonical tip are forgotten.
pub const FORK_HORIZON: u64 = 256;

/// A block tree: the canonical chain and the valid side branches around it.
#[derive(Debug, Clone)]
pub struct BlockTree {
    chain: Chain,
    side: VecMap<Hash, Checked>,
}

/// The canonical chain switched branches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reorg {
    /// The canonical tip before.
    pub old_tip: Hash,
    /// The canonical tip now.
    pub new_tip: Hash,
    /// Height of the last block both chains share.
    pub fork_height: u64,
    /// The blocks that left the canonical chain, oldest first.
    pub abandoned: Vec<Block>,
    /// The blocks that joined it, oldest first.
    pub adopted: Vec<Block>,
}

impl Reorg {
    /// How many blocks left the canonical chain.
    pub fn depth(&self) -> u64 {
        self.abandoned.len() as u64
    }
}

/// What [`BlockTree::insert`] did with a valid block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// The tree already held it.
    Known,
    /// It extends the canonical tip.
    Extended,
    /// It lies on a side branch that is not better than the canonical chain.
    Side,
    /// Its branch is now the better one and became canonical.
    Reorg(Reorg),
}

/// One block of a [`TreeView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TreeBlock {
    /// Its hash.
    pub hash: Hash,
    /// Its parent's hash.
    pub parent: Hash,
    /// Its height.
    pub height: u64,
    /// Who forged it.
    pub forger: Address,
    /// Its timestamp (ms).
    pub timestamp: u64,
    /// Its slot after its parent.
    pub slot: u64,
    /// Its forger's rank in the draw on its parent.
    pub rank: u64,
    /// How many transactions it holds.
    pub transactions: usize,
    /// Whether it is on the canonical chain.
    pub canonical: bool,
}

/// A serializable picture of a tree for the page: the newest part of the canonical chain and
/// every side block beside it, lowest height first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TreeView {
    /// The canonical tip.
    pub tip: Hash,
    /// Its height.
    pub height: u64,
    /// Its fork-choice weight.
    pub weight: Weight,
    /// The blocks, by height then hash.
    pub blocks: Vec<TreeBlock>,
}

impl BlockTree {
    /// A tree whose canonical chain is `chain` and that has no side branches.
    pub fn new(chain: Chain) -> BlockTree {
        BlockTree {
            chain,
            side: VecMap::new(),
        }
    }

    /// The canonical chain.
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// Whether the tree holds a block with this hash.
    pub fn contains(&self, hash: &Hash) -> bool {
        self.chain.height_of(hash).is_some() || self.side.contains_key(hash)
    }

    /// The block with this hash, canonical or not.
    pub fn block(&self, hash: &Hash) -> Option<&Block> {
        match self.chain.height_of(hash) {
            Some(h) => self.chain.block_at(h),
            None => self.side.get(hash).map(|c| &c.block),
        }
    }

    /// Whether the block with this hash is on the canonical chain.
    pub fn is_canonical(&self, hash: &Hash) -> bool {
        self.chain.height_of(hash).is_some()
    }

    /// Number of side blocks.
    pub fn side_len(&self) -> usize {
        self.side.len()
    }

    /// The side blocks, by hash.
    pub fn side_blocks(&self) -> impl Iterator<Item = &Block> {
        self.side.values().map(|c| &c.block)
    }

    /// Validates `block` on its parent, wherever in the tree that is, and keeps it; switches
    /// the canonical chain when the block's branch becomes better. `now` is the validator's
    /// clock for the future-timestamp rule (`None`: no clock). A block whose parent the tree
    /// does not hold is refused with [`BlockError::UnknownParent`]; one whose parent's draw is
    /// deferred and not delivered yet with [`BlockError::DrawPending`]
    /// ([`BlockTree::set_defer_draws_from`]). On error nothing changes.
    pub fn insert(&mut self, block: Block, now: Option<u64>) -> Result<Inserted, BlockError> {
        let hash = block.hash();
        if self.contains(&hash) {
            return Ok(Inserted::Known);
        }
        if block.prev_hash == self.chain.tip_hash() {
            match now {
                Some(now) => self.chain.apply_at(block, now)?,
                None => self.chain.apply(block)?,
            }
            self.prune();
            return Ok(Inserted::Extended);
        }
        self.check_horizon(&block)?;
        let checked = self.check_off_tip(block, now)?;
        let better = checked.weight() > self.chain.weight();
        self.side.insert(hash, checked);
        let inserted = if better {
            Inserted::Reorg(self.reorg_to(hash))
        } else {
            Inserted::Side
        };
        self.prune();
        Ok(inserted)
    }

    /// Checks a block whose parent is not the canonical tip: the cheap rules first (see
    /// [`crate::chain::precheck`]), and only then the draw on the parent and, below the tip,
    /// the replay of the state after it.
    fn check_off_tip(&self, block: Block, now: Option<u64>) -> Result<Checked, BlockError> {
        let defer = self.chain.defer_draws_from();
        if let Some(h) = self.chain.height_of(&block.prev_hash) {
            let parent = self.chain.parent_at(h).ok_or(BlockError::UnknownParent)?;
            let draw = || draw_on(parent.stakers, &parent.hash, defer);
            return check_block(&parent, block, now, draw, || self.chain.accounts_at(h));
        }
        let Some(p) = self.side.get(&block.prev_hash) else {
            return Err(BlockError::UnknownParent);
        };
        let stakers = p.accounts.stakers();
        let winner = recall(stakers, &p.hash)
            .flatten()
            .and_then(|r| stakers.get(r.outcome.winner.staker).map(|(a, _)| *a));
        let parent = Parent {
            block: &p.block,
            hash: p.hash,
            rank_sum: p.rank_sum,
            stakers,
            winner,
        };
        let draw = || draw_on(stakers, &p.hash, defer);
        check_block(&parent, block, now, draw, || Some(p.accounts.clone()))
    }

    /// The cheap rules of `block` (see [`crate::chain::precheck`]) on whichever block of
    /// this tree is its parent: no replay, no draw. [`BlockError::UnknownParent`] when the
    /// tree does not hold the parent, [`BlockError::BelowHorizon`] when the block is too low
    /// to be kept. A node runs it on blocks it holds for a deferred draw before asking for
    /// that draw.
    pub fn precheck(&self, block: &Block, now: Option<u64>) -> Result<Hash, BlockError> {
        self.check_horizon(block)?;
        if let Some(h) = self.chain.height_of(&block.prev_hash) {
            let parent = self.chain.parent_at(h).ok_or(BlockError::UnknownParent)?;
            return precheck(&parent, block, now);
        }
        let p = self
            .side
            .get(&block.prev_hash)
            .ok_or(BlockError::UnknownParent)?;
        let parent = Parent {
            block: &p.block,
            hash: p.hash,
            rank_sum: p.rank_sum,
            stakers: p.accounts.stakers(),
            winner: None,
        };
        precheck(&parent, block, now)
    }

    /// Refuses a block at or below the height where side branches are forgotten.
    fn check_horizon(&self, block: &Block) -> Result<(), BlockError> {
        let tip = self.chain.height();
        if tip >= FORK_HORIZON && block.height <= tip - FORK_HORIZON {
            return Err(BlockError::BelowHorizon {
                height: block.height,
                tip,
            });
        }
        Ok(())
    }

    /// Sets the canonical chain's [`Chain::set_defer_draws_from`]; draws on side branches
    /// follow it too.
    pub fn set_defer_draws_from(&mut self, n: Option<u64>) {
        self.chain.set_defer_draws_from(n);
    }

    /// See [`Chain::resolve_next`].
    pub(crate) fn resolve_next(&mut self) -> bool {
        self.chain.resolve_next()
    }

    /// See [`Chain::fill_next`].
    pub(crate) fn fill_next(
        &mut self,
        seed: &Hash,
        stakers: &[(Address, u64)],
        ranking: &Option<Ranking>,
    ) -> bool {
        self.chain.fill_next(seed, stakers, ranking)
    }

    /// The draw seeded by the block `seed` of this tree: on the staker table after it.
    /// `None` when the tree does not hold that block.
    pub fn draw_after(&self, seed: &Hash) -> Option<DrawRequest> {
        let stakers = match self.chain.height_of(seed) {
            Some(h) => self.chain.stakers_for(h.checked_add(1)?)?.to_vec(),
            None => self.side.get(seed)?.accounts.stakers().to_vec(),
        };
        Some(DrawRequest {
            seed: *seed,
            stakers,
        })
    }

    /// Makes the side leaf `leaf` canonical.
    fn reorg_to(&mut self, leaf: Hash) -> Reorg {
        let old_tip = self.chain.tip_hash();
        let mut path = Vec::new();
        let mut cursor = leaf;
        while let Some(c) = self.side.remove(&cursor) {
            cursor = c.block.prev_hash;
            path.push(c);
        }
        path.reverse();
        // `cursor` is now canonical: every side block descends from the canonical chain.
        let fork_height = self.chain.height_of(&cursor).unwrap_or(0);
        let abandoned = self.chain.truncate(fork_height);
        let abandoned_blocks = abandoned.iter().map(|c| c.block.clone()).collect();
        for c in abandoned {
            self.side.insert(c.hash, c);
        }
        let adopted = path.iter().map(|c| c.block.clone()).collect();
        self.chain.extend(path);
        Reorg {
            old_tip,
            new_tip: self.chain.tip_hash(),
            fork_height,
            abandoned: abandoned_blocks,
            adopted,
        }
    }

    /// Keeps the side branches within [`FORK_HORIZON`] and [`MAX_SIDE_BLOCKS`].
    fn prune(&mut self) {
        if self.side.is_empty() {
            return;
        }
        let floor = self.chain.height().saturating_sub(FORK_HORIZON);
        let before = self.side.len();
        self.side.retain(|_, c| c.block.height > floor);
        if self.side.len() > MAX_SIDE_BLOCKS {
            let mut by_height: Vec<(u64, Hash)> = self
                .side
                .values()
                .map(|c| (c.block.height, c.hash))
                .collect();
            crate::sorting::sort(&mut by_height);
            let excess = self.side.len() - MAX_SIDE_BLOCKS;
            for (_, h) in by_height.into_iter().take(excess) {
                self.side.remove(&h);
            }
        }
        if self.side.len() == before {
            return;
        }
        // Whatever lost its parent goes too, lowest first so that whole branches follow.
        let mut by_height: Vec<(u64, Hash, Hash)> = self
            .side
            .values()
            .map(|c| (c.block.height, c.hash, c.block.prev_hash))
            .collect();
        crate::sorting::sort(&mut by_height);
        let mut kept: VecMap<Hash, ()> = VecMap::new();
        for (_, hash, parent) in by_height {
            if self.chain.height_of(&parent).is_some() || kept.contains_key(&parent) {
                kept.insert(hash, ());
            } else {
                self.side.remove(&hash);
            }
        }
    }

    /// Other blocks in the tree with the same parent and forger as the block `hash`: evidence
    /// of equivocation when there are any.
    pub fn twins_of(&self, hash: &Hash) -> Vec<Hash> {
        let Some(block) = self.block(hash) else {
            return Vec::new();
        };
        let (parent, forger, height) = (block.prev_hash, block.forger, block.height);
        let mut twins: Vec<Hash> = self
            .side
            .values()
            .filter(|c| c.block.prev_hash == parent && c.block.forger == forger)
            .map(|c| c.hash)
            .collect();
        let canonical = self.chain.block_at(height).zip(self.chain.hash_at(height));
        if let Some((b, h)) = canonical {
            if b.prev_hash == parent && b.forger == forger {
                twins.push(h);
            }
        }
        twins.retain(|h| h != hash);
        crate::sorting::sort(&mut twins);
        twins
    }

    /// The newest `depth` canonical blocks (all of them when the chain is shorter) and every
    /// side block at or above the lowest of them, by height then hash.
    pub fn view(&self, depth: u64) -> TreeView {
        let tip = self.chain.height();
        let from = tip.saturating_sub(depth.saturating_sub(1));
        let mut blocks = Vec::new();
        for h in from..=tip {
            let (Some(b), Some(hash)) = (self.chain.block_at(h), self.chain.hash_at(h)) else {
                continue;
            };
            blocks.push(TreeBlock {
                hash,
                parent: b.prev_hash,
                height: b.height,
                forger: b.forger,
                timestamp: b.timestamp,
                slot: self.chain.slot_at(h).unwrap_or(0),
                rank: self.chain.rank_at(h).unwrap_or(0),
                transactions: b.transactions.len(),
                canonical: true,
            });
        }
        for c in self.side.values().filter(|c| c.block.height >= from) {
            let parent_ts = self
                .block(&c.block.prev_hash)
                .map_or(c.block.timestamp, |p| p.timestamp);
            blocks.push(TreeBlock {
                hash: c.hash,
                parent: c.block.prev_hash,
                height: c.block.height,
                forger: c.block.forger,
                timestamp: c.block.timestamp,
                slot: slot_of(parent_ts, c.block.timestamp),
                rank: c.rank,
                transactions: c.block.transactions.len(),
                canonical: false,
            });
        }
        crate::sorting::sort_by_key(&mut blocks, |b| (b.height, b.hash));
        TreeView {
            tip: self.chain.tip_hash(),
            height: tip,
            weight: self.chain.weight(),
            blocks,
        }
    }
}
