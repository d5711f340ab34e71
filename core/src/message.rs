//! What nodes say to each other: one versioned envelope, JSON on the wire.
//!
//! JSON keeps messages readable in a browser's developer tools. Everything that arrives is
//! untrusted: [`decode`] refuses oversized input before parsing, never panics, and returns a
//! typed [`DecodeError`]; what decodes is then validated by the node like anything else.

use crate::block::{Block, Genesis};
use crate::hash::Hash;
use crate::tx::Transaction;
use crate::wallet::{Address, Signature, Wallet};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The wire format's version; a message of another version is refused.
pub const PROTOCOL_VERSION: u16 = 1;

/// Largest message accepted, in bytes. Chains travel in pages well under it ([`page`]).
pub const MAX_MESSAGE_BYTES: usize = 8 * 1024 * 1024;

/// Most blocks one [`Message::Chain`] page carries.
pub const MAX_PAGE_BLOCKS: usize = 1_000;

/// Most bytes of blocks (as JSON) one [`Message::Chain`] page carries: half the message
/// limit, so that the envelope and the genesis always fit. A single block is at most
/// [`crate::chain::MAX_BLOCK_TXS`] transactions, far below it.
pub const MAX_PAGE_BYTES: usize = MAX_MESSAGE_BYTES / 2;

/// Most locator hashes a node reads from one [`Message::ChainRequest`] (2⁶³ blocks need 65).
pub const MAX_LOCATOR: usize = 72;

/// The longest prefix of `blocks` that fits in one page ([`MAX_PAGE_BLOCKS`],
/// [`MAX_PAGE_BYTES`]); at least one block when there is any.
pub fn page<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> Vec<Block> {
    let mut bytes = 0usize;
    let mut out = Vec::new();
    for b in blocks.into_iter().take(MAX_PAGE_BLOCKS) {
        bytes = bytes.saturating_add(json_len(b));
        if bytes > MAX_PAGE_BYTES && !out.is_empty() {
            break;
        }
        out.push(b.clone());
    }
    out
}

/// Length of a value's JSON, without keeping the text.
fn json_len<T: Serialize>(value: &T) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut c = Count(0);
    // Writing to a counter cannot fail; a failure would only make the page shorter.
    let _ = serde_json::to_writer(&mut c, value);
    c.0
}

/// A message with its version, network and sender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// [`PROTOCOL_VERSION`].
    pub v: u16,
    /// The network's id (its genesis block hash).
    pub network: Hash,
    /// The sending node's address (a claim: nothing is trusted because of it).
    pub from: Address,
    /// The message.
    pub body: Message,
}

/// The messages of the protocol. In JSON each is an object with one key, its kind:
/// `{"status":{"height":3,"tip":"…"}}`, `{"transaction":{"tx":{…}}}`. (serde's default
/// form: a tag inside the object would make the decoder buffer every message, and compile
/// each message type twice into the page.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Message {
    /// "I am here, at this height": sent on joining and as a heartbeat.
    Status {
        /// The sender's chain height.
        height: u64,
        /// The sender's tip hash.
        tip: Hash,
    },
    /// A transaction for the pool (the Python's TRANSACTION message).
    Transaction {
        /// The transaction.
        tx: Transaction,
    },
    /// A new block (the Python's BLOCK message).
    Block {
        /// The block.
        block: Block,
    },
    /// "Send me the next part of your chain": the Python's BLOCKCHAINREQUEST, in pages.
    ChainRequest {
        /// The asker's height: a peer that is behind it need not answer.
        height: u64,
        /// Hashes the asker holds, newest first: the block it last received from this peer
        /// (when paging), then its canonical tip and the blocks 1, 2, 4, 8, … below it, down
        /// to genesis. The answerer starts after the first one on its own canonical chain (the
        /// fork point), or after genesis when none is (or the list is empty). At most
        /// [`MAX_LOCATOR`] entries are read.
        #[serde(default)]
        locator: Vec<Hash>,
    },
    /// A run of the sender's canonical chain: the Python's BLOCKCHAIN message, one page of it.
    /// The first block is genesis or follows a block of the asker's locator; at most
    /// [`MAX_PAGE_BLOCKS`] blocks and [`MAX_PAGE_BYTES`] bytes of them, so that the message
    /// stays under [`MAX_MESSAGE_BYTES`]. A node that is still behind asks for the next page.
    Chain {
        /// The network's genesis.
        genesis: Genesis,
        /// Consecutive blocks, lowest first.
        blocks: Vec<Block>,
    },
    /// A request to the exchange's host to sell tokens to `buyer`.
    Buy(BuyRequest),
}

/// A signed request to buy tokens from the exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuyRequest {
    /// Who buys (and signs).
    pub buyer: Address,
    /// How many tokens.
    pub amount: u64,
    /// The buyer's request counter, so the same request is served once.
    pub request: u64,
    /// The buyer's signature over [`BuyRequest::signing_bytes`].
    pub signature: Signature,
}

impl BuyRequest {
    /// Makes and signs a request for `network`.
    pub fn new_signed(wallet: &Wallet, network: Hash, amount: u64, request: u64) -> BuyRequest {
        let mut r = BuyRequest {
            buyer: wallet.address(),
            amount,
            request,
            signature: Signature::default(),
        };
        r.signature = wallet.sign(&r.signing_bytes(network));
        r
    }

    /// Tag, network id, buyer, amount and request counter (u64 BE).
    pub fn signing_bytes(&self, network: Hash) -> Vec<u8> {
        let mut out = b"pos-playground/buy/v1".to_vec();
        out.extend_from_slice(&network.0);
        out.extend_from_slice(&self.buyer.0);
        out.extend_from_slice(&self.amount.to_be_bytes());
        out.extend_from_slice(&self.request.to_be_bytes());
        out
    }

    /// An id for de-duplication.
    pub fn id(&self, network: Hash) -> Hash {
        Hash::of(&self.signing_bytes(network))
    }
}

/// Why bytes from a peer are not a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum DecodeError {
    /// Longer than [`MAX_MESSAGE_BYTES`].
    TooLarge {
        /// The length received.
        len: usize,
    },
    /// Not a well-formed message.
    Malformed {
        /// The parser's explanation.
        detail: String,
    },
    /// Another protocol version.
    Version {
        /// The version found.
        found: u16,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { len } => {
                write!(f, "message of {len} bytes exceeds {MAX_MESSAGE_BYTES}")
            }
            DecodeError::Malformed { detail } => write!(f, "malformed message: {detail}"),
            DecodeError::Version { found } => {
                write!(f, "protocol version {found}, expected {PROTOCOL_VERSION}")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Encodes an envelope.
pub fn encode(env: &Envelope) -> Vec<u8> {
    // Serializing these types cannot fail: every key is a string and no map is involved.
    serde_json::to_vec(env).unwrap_or_default()
}

/// Decodes untrusted bytes.
pub fn decode(bytes: &[u8]) -> Result<Envelope, DecodeError> {
    if bytes.len() > MAX_MESSAGE_BYTES {
        return Err(DecodeError::TooLarge { len: bytes.len() });
    }
    #[derive(Deserialize)]
    struct Header {
        v: u16,
    }
    // JSON is text: read it as a `str`, as every other decoder of the page does, so that the
    // message types are compiled for one reader (`from_slice` would be a second copy in wasm).
    let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::Malformed {
        detail: format!("not UTF-8: {e}"),
    })?;
    match serde_json::from_str::<Envelope>(text) {
        Ok(env) if env.v == PROTOCOL_VERSION => Ok(env),
        Ok(env) => Err(DecodeError::Version { found: env.v }),
        Err(e) => match serde_json::from_str::<Header>(text) {
            // Well-formed for another version: say so rather than "malformed".
            Ok(h) if h.v != PROTOCOL_VERSION => Err(DecodeError::Version { found: h.v }),
            _ => Err(DecodeError::Malformed {
                detail: e.to_string(),
            }),
        },
    }
}
