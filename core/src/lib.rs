//! # pos-core
//!
//! The Proof-of-Stake playground's chain, as a pure library: no clock, no global randomness,
//! no I/O. It follows the Python design "Proof-of-Stake-in-Python" and writes down every choice
//! that design leaves open:
//!
//! - [`wallet`]: ed25519 key pairs; an address is the public key in hex; `verify_strict`.
//! - [`tx`]: EXCHANGE, TRANSFER and STAKE transactions with a per-sender nonce instead of the
//!   Python's uuid, signed over a documented canonical encoding.
//! - [`accounts`]: balances, stakes (stakers kept in the order they first staked) and nonces.
//! - [`block`]: blocks and the [`block::Genesis`] that identifies a network.
//! - [`lottery`]: forger selection by lots, bit-exact with the Python, in O(total stake) hashes,
//!   and the ranking of stakers by their best lot that slots use.
//! - [`chain`]: a validated chain; `apply` checks everything or changes nothing. Its module
//!   docs state the two rules beyond the Python design: slots and fork choice.
//! - [`tree`]: the block tree of every valid block seen, its canonical chain, and reorgs.
//! - [`pool`]: the transaction pool.
//! - [`shared`]: a vector whose clones share their full chunks, so that a copy of a chain
//!   (a snapshot of the page's history) costs pointers, not blocks.
//! - [`message`]: the versioned wire format, decoded from untrusted bytes.
//! - [`node`]: the sans-IO node state machine, `handle(now, input) -> outputs`, including the
//!   adversaries a class can switch on ([`node::Behaviour`]).
//! - [`fairness`]: the fairness lab's selection rules side by side (the Python's lots, one
//!   weighted draw, CometBFT, Ethereum, Algorand, Praos) and a chi-square test, in fixed point.
//! - [`grinding`]: a forger that reorders or leaves out transactions to make itself (or a
//!   friend) the next forger, against honest play, and why RANDAO and VRFs limit it.
//! - [`compounding`]: block rewards staked again, over many runs: how far a staker's share
//!   spreads under a constant reward and under the geometric reward (Fanti et al.), against
//!   the exact variance.
//! - [`sim`]: an in-memory network in simulated time with seeded latency and loss, partitions
//!   and crashes.
//!
//! A draw costs one hash per staked token. A node can leave big draws to its driver
//! ([`node::NodeConfig::defer_draws_from`]): it asks with [`node::Output::Draw`], holds what
//! needs the draw, and resumes on [`node::Input::DrawDone`], so that a page can compute draws
//! in a worker instead of on its main thread.
//!
//! ## Liveness, forks and reorgs in one paragraph each
//!
//! **Slots.** The Python design lets only the lottery's winner forge, so an offline winner
//! halts the chain. Here the draw also ranks every staker by its best lot
//! ([`lottery::rank`]), and time after a block is cut into slots of [`chain::SLOT_MS`]
//! (4 s): a block's slot is `(timestamp - parent.timestamp) / SLOT_MS`, and a staker of rank
//! `r` may forge a block of slot `s` when `r <= s`. The winner (rank 0) may always forge; each
//! slot of silence lets the next-ranked staker in. Every validator checks this from the block
//! and its parent alone; one with a clock also refuses blocks stamped more than
//! [`chain::MAX_FUTURE_MS`] ahead of it, so nobody can claim a slot early.
//!
//! **Fork choice.** Slots make forks possible (a late winner and a fallback, two sides of a
//! partition, an equivocating forger). The better of two chains is the longer one; at equal
//! height the one with the lower sum of forger ranks; then the one with the lower tip hash
//! ([`chain::Weight`]). The order is total, so nodes that have seen the same blocks agree.
//!
//! **Reorgs.** A node keeps every valid block whose parent it knows in a [`tree::BlockTree`]
//! (bounded: far-below side branches are forgotten and come back through sync if needed).
//! When a side branch becomes better, the canonical chain switches to it; the transactions of
//! the abandoned blocks that the new chain lacks go back into the pool, re-checked, and the
//! node reports [`node::Event::Reorg`].
//!
//! Consensus arithmetic uses integers only, so native and wasm32 builds agree bit for bit.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod accounts;
pub mod block;
pub mod chain;
pub mod compounding;
pub mod fairness;
pub mod grinding;
pub mod hash;
pub mod lottery;
pub mod message;
pub mod node;
pub mod pool;
#[cfg(all(target_arch = "wasm32", feature = "simd"))]
mod sha256x4;
pub mod shared;
pub mod sim;
pub mod sorting;
pub mod tree;
pub mod tx;
pub mod vec_map;
pub mod wallet;

pub use accounts::Accounts;
pub use block::{Block, Genesis};
pub use chain::{BlockError, Chain, ChainError, DrawRequest, Weight, SLOT_MS};
pub use hash::Hash;
pub use lottery::{Lot, Outcome, Ranking, Trace, U256};
pub use node::{Action, Behaviour, Event, Evidence, Input, Node, NodeConfig, Output, PeerId};
pub use pool::Pool;
pub use tree::{BlockTree, Inserted, Reorg, TreeView};
pub use tx::{Transaction, TxError, TxKind};
pub use wallet::{Address, Signature, Wallet};
