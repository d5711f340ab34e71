//! Blocks and the genesis that starts a network.
//!
//! Canonical block encoding (what is hashed): the ASCII tag `pos-playground/block/v1`, height
//! (u64 BE), previous hash (32 bytes), forger (32 bytes), timestamp (u64 BE), the number of
//! transactions (u32 BE), then each transaction's signed encoding
//! ([`Transaction::encode_signed`]). As in the Python design the hash covers everything but the
//! forger's signature, and the forger signs the 32-byte hash.

use crate::hash::Hash;
use crate::tx::Transaction;
use crate::wallet::{Address, Signature, Wallet};
use serde::{Deserialize, Serialize};

const BLOCK_TAG: &[u8] = b"pos-playground/block/v1";
const GENESIS_TAG: &[u8] = b"pos-playground/genesis/v1";

/// Longest network name a genesis may carry, in bytes.
pub const MAX_NETWORK_NAME: usize = 64;

/// A block of transactions, signed by its forger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    /// Height: 0 for genesis, then parent's + 1 (the Python's `blockCount`).
    pub height: u64,
    /// The parent block's hash.
    pub prev_hash: Hash,
    /// The forger's address.
    pub forger: Address,
    /// When it was forged, ms on the forger's clock; never before the parent's.
    pub timestamp: u64,
    /// The transactions, applied in this order.
    pub transactions: Vec<Transaction>,
    /// The forger's signature over [`Block::hash`] (all zero in genesis).
    pub signature: Signature,
}

impl Block {
    /// Builds and signs a block.
    pub fn forge(
        wallet: &Wallet,
        height: u64,
        prev_hash: Hash,
        timestamp: u64,
        transactions: Vec<Transaction>,
    ) -> Block {
        let mut b = Block {
            height,
            prev_hash,
            forger: wallet.address(),
            timestamp,
            transactions,
            signature: Signature::default(),
        };
        b.signature = wallet.sign(&b.hash().0);
        b
    }

    /// SHA-256 of the canonical encoding (signature excluded).
    pub fn hash(&self) -> Hash {
        let mut buf = Vec::with_capacity(
            BLOCK_TAG.len() + 84 + self.transactions.len() * (crate::tx::TX_SIGNING_LEN + 64),
        );
        buf.extend_from_slice(BLOCK_TAG);
        buf.extend_from_slice(&self.height.to_be_bytes());
        buf.extend_from_slice(&self.prev_hash.0);
        buf.extend_from_slice(&self.forger.0);
        buf.extend_from_slice(&self.timestamp.to_be_bytes());
        let count = u32::try_from(self.transactions.len()).unwrap_or(u32::MAX);
        buf.extend_from_slice(&count.to_be_bytes());
        for tx in &self.transactions {
            tx.encode_signed(&mut buf);
        }
        Hash::of(&buf)
    }

    /// Whether the signature is the forger's.
    pub fn signature_valid(&self) -> bool {
        self.forger.verify(&self.hash().0, &self.signature)
    }
}

/// What a network starts from. Every node of a network holds the same genesis; the hash of the
/// genesis block made from it identifies the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Genesis {
    /// A human name for the network (at most [`MAX_NETWORK_NAME`] bytes).
    pub network: String,
    /// The genesis key: staker with stake 1, so it forges block 1.
    pub forger: Address,
    /// The exchange account.
    pub exchange: Address,
    /// Tokens the exchange holds at genesis.
    pub supply: u64,
    /// Genesis time (ms).
    pub timestamp: u64,
}

impl Genesis {
    /// SHA-256 of the canonical genesis encoding: the tag, the name's length (u32 BE) and
    /// bytes, forger, exchange, supply and timestamp (u64 BE).
    pub fn hash(&self) -> Hash {
        let mut buf = Vec::new();
        buf.extend_from_slice(GENESIS_TAG);
        let name = self.network.as_bytes();
        buf.extend_from_slice(&u32::try_from(name.len()).unwrap_or(u32::MAX).to_be_bytes());
        buf.extend_from_slice(name);
        buf.extend_from_slice(&self.forger.0);
        buf.extend_from_slice(&self.exchange.0);
        buf.extend_from_slice(&self.supply.to_be_bytes());
        buf.extend_from_slice(&self.timestamp.to_be_bytes());
        Hash::of(&buf)
    }

    /// Block 0: height 0, previous hash = the genesis hash, forged by the genesis key, no
    /// transactions, no signature.
    pub fn block(&self) -> Block {
        Block {
            height: 0,
            prev_hash: self.hash(),
            forger: self.forger,
            timestamp: self.timestamp,
            transactions: Vec::new(),
            signature: Signature::default(),
        }
    }
}
