//! A validated chain and the account state at its tip.

use crate::accounts::Accounts;
use crate::block::{Block, Genesis, MAX_NETWORK_NAME};
use crate::hash::Hash;
use crate::lottery::{self, Outcome, Trace};
use crate::tx::TxError;
use crate::wallet::Address;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// Most transactions one block may carry.
pub const MAX_BLOCK_TXS: usize = 1000;

/// Why a block is refused. The chain is unchanged whenever one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum BlockError {
    /// The height is not the tip's + 1.
    WrongHeight {
        /// Tip height + 1.
        expected: u64,
        /// The block's height.
        got: u64,
    },
    /// The previous hash is not the tip's hash.
    UnknownParent,
    /// The forger did not win the lottery on the parent.
    NotTheForger {
        /// The lottery's winner.
        expected: Address,
        /// Who forged.
        got: Address,
    },
    /// The forger's signature does not verify.
    BadSignature,
    /// The timestamp is earlier than the parent's.
    TimestampBeforeParent,
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
            BlockError::BadSignature => f.write_str("the forger's signature does not verify"),
            BlockError::TimestampBeforeParent => {
                f.write_str("its timestamp is earlier than its parent's")
            }
            BlockError::TooManyTransactions => {
                write!(f, "more than {MAX_BLOCK_TXS} transactions")
            }
            BlockError::Transaction { index, reason } => {
                write!(f, "transaction {index}: {reason}")
            }
            BlockError::NoStakers => f.write_str("nobody has stake"),
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

/// A chain that has passed every check, with the account state at its tip.
#[derive(Debug, Clone)]
pub struct Chain {
    genesis: Genesis,
    blocks: Vec<Block>,
    hashes: Vec<Hash>,
    /// For block `i >= 1`: the staker table its draw used (the state after block `i - 1`).
    stakers_at: Vec<Vec<(Address, u64)>>,
    /// For block `i >= 1`: the draw that chose its forger.
    draws: Vec<Option<Outcome>>,
    accounts: Accounts,
    tx_ids: HashSet<Hash>,
    next: Option<Outcome>,
}

/// The draw for the block after a tip with hash `seed` and these stakers.
fn draw_on(stakers: &[(Address, u64)], seed: &Hash) -> Option<Outcome> {
    let named: Vec<(String, u64)> = stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
    lottery::draw(&named, &seed.to_hex())
}

impl Chain {
    /// A chain holding only the genesis block.
    pub fn new(genesis: Genesis) -> Chain {
        let block = genesis.block();
        let hash = block.hash();
        let accounts = Accounts::genesis(genesis.exchange, genesis.supply, genesis.forger);
        let next = draw_on(accounts.stakers(), &hash);
        Chain {
            genesis,
            blocks: vec![block],
            hashes: vec![hash],
            stakers_at: vec![Vec::new()],
            draws: vec![None],
            accounts,
            tx_ids: HashSet::new(),
            next,
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

    /// A copy of this chain extended by `candidate`, a whole chain from genesis that is longer.
    /// Blocks that this chain already holds (equal hashes at equal heights, from genesis on)
    /// were validated when they were applied; only the rest is checked. A candidate that forks
    /// below our tip is validated entirely from genesis.
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
        if shared == self.blocks.len() {
            let mut chain = self.clone();
            for b in &candidate[shared..] {
                chain.apply(b.clone()).map_err(|reason| ChainError::Block {
                    height: b.height,
                    reason,
                })?;
            }
            Ok(chain)
        } else {
            Chain::from_blocks(genesis.clone(), candidate)
        }
    }

    /// Checks `block` against the tip and applies it. On error the chain is unchanged.
    pub fn apply(&mut self, block: Block) -> Result<(), BlockError> {
        let expected = self.height() + 1;
        if block.height != expected {
            return Err(BlockError::WrongHeight {
                expected,
                got: block.height,
            });
        }
        if block.prev_hash != self.tip_hash() {
            return Err(BlockError::UnknownParent);
        }
        if block.timestamp < self.tip().timestamp {
            return Err(BlockError::TimestampBeforeParent);
        }
        if block.transactions.len() > MAX_BLOCK_TXS {
            return Err(BlockError::TooManyTransactions);
        }
        let draw = self.next.ok_or(BlockError::NoStakers)?;
        let winner = self.accounts.stakers()[draw.winner.staker].0;
        if block.forger != winner {
            return Err(BlockError::NotTheForger {
                expected: winner,
                got: block.forger,
            });
        }
        let hash = block.hash();
        if !block.forger.verify(&hash.0, &block.signature) {
            return Err(BlockError::BadSignature);
        }
        let mut accounts = self.accounts.clone();
        for (index, tx) in block.transactions.iter().enumerate() {
            accounts
                .apply(tx, true)
                .map_err(|reason| BlockError::Transaction { index, reason })?;
        }
        // Every check passed: commit.
        self.tx_ids
            .extend(block.transactions.iter().map(|t| t.id()));
        self.stakers_at.push(self.accounts.stakers().to_vec());
        self.draws.push(Some(draw));
        self.accounts = accounts;
        self.next = draw_on(self.accounts.stakers(), &hash);
        self.hashes.push(hash);
        self.blocks.push(block);
        Ok(())
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

    /// The account state at the tip.
    pub fn accounts(&self) -> &Accounts {
        &self.accounts
    }

    /// Whether a transaction with this id is in the chain.
    pub fn contains_tx(&self, id: &Hash) -> bool {
        self.tx_ids.contains(id)
    }

    /// The draw for the next block, computed once per tip.
    pub fn next_draw(&self) -> Option<Outcome> {
        self.next
    }

    /// Who may forge the next block.
    pub fn next_forger(&self) -> Option<Address> {
        self.next
            .map(|d| self.accounts.stakers()[d.winner.staker].0)
    }

    /// The draw that chose the forger of the block at `height` (`None` for genesis or beyond
    /// the tip).
    pub fn draw_at(&self, height: u64) -> Option<Outcome> {
        self.draws
            .get(usize::try_from(height).ok()?)
            .copied()
            .flatten()
    }

    /// The staker table the draw for `height` used (`height` may be tip + 1: the next draw).
    pub fn stakers_for(&self, height: u64) -> Option<&[(Address, u64)]> {
        let h = usize::try_from(height).ok()?;
        if h == 0 {
            None
        } else if h == self.blocks.len() {
            Some(self.accounts.stakers())
        } else {
            self.stakers_at.get(h).map(Vec::as_slice)
        }
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
