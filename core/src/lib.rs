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
//! - [`lottery`]: forger selection by lots, bit-exact with the Python, in O(total stake) hashes.
//! - [`chain`]: a validated chain; `apply` checks everything or changes nothing.
//! - [`pool`]: the transaction pool.
//! - [`message`]: the versioned wire format, decoded from untrusted bytes.
//! - [`node`]: the sans-IO node state machine, `handle(now, input) -> outputs`.
//! - [`sim`]: an in-memory network in simulated time with seeded latency and loss.
//!
//! Consensus arithmetic uses integers only, so native and wasm32 builds agree bit for bit.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod accounts;
pub mod block;
pub mod chain;
pub mod hash;
pub mod lottery;
pub mod message;
pub mod node;
pub mod pool;
pub mod sim;
pub mod tx;
pub mod wallet;

pub use accounts::Accounts;
pub use block::{Block, Genesis};
pub use chain::{BlockError, Chain, ChainError};
pub use hash::Hash;
pub use lottery::{Lot, Outcome, Trace, U256};
pub use node::{Action, Event, Input, Node, NodeConfig, Output, PeerId};
pub use pool::Pool;
pub use tx::{Transaction, TxError, TxKind};
pub use wallet::{Address, Signature, Wallet};
