//! Signed transactions of the three kinds of the Python design.
//!
//! The Python design identified transactions by a random uuid; here each sender numbers its
//! transactions with a nonce (0, 1, 2, …) instead, which makes replays impossible and gives every
//! node the same order for one sender's transactions.
//!
//! Canonical encoding (what is signed): the ASCII tag `pos-playground/tx/v1`, then the kind byte
//! (0 EXCHANGE, 1 TRANSFER, 2 STAKE), sender (32 bytes), receiver (32 bytes), then amount, nonce
//! and timestamp as big-endian u64. The id is SHA-256 of that encoding followed by the
//! 64-byte signature.

use crate::hash::Hash;
use crate::wallet::{Address, Signature, Wallet};
use serde::{Deserialize, Serialize};
use std::fmt;

const TX_TAG: &[u8] = b"pos-playground/tx/v1";

/// What a transaction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TxKind {
    /// The exchange account sells `amount` tokens to the receiver.
    Exchange,
    /// The sender pays the receiver.
    Transfer,
    /// The sender moves `amount` of its balance into its own stake (sender == receiver).
    Stake,
}

impl TxKind {
    fn byte(self) -> u8 {
        match self {
            TxKind::Exchange => 0,
            TxKind::Transfer => 1,
            TxKind::Stake => 2,
        }
    }
}

impl fmt::Display for TxKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TxKind::Exchange => "EXCHANGE",
            TxKind::Transfer => "TRANSFER",
            TxKind::Stake => "STAKE",
        })
    }
}

/// A signed transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// Its kind.
    pub kind: TxKind,
    /// Who signs and pays.
    pub sender: Address,
    /// Who receives (the sender itself for STAKE).
    pub receiver: Address,
    /// Tokens moved; must be positive.
    pub amount: u64,
    /// The sender's transaction number: 0 for its first, then 1, 2, …
    pub nonce: u64,
    /// When it was made, ms since the epoch of the driver's clock (informational).
    pub timestamp: u64,
    /// The sender's signature over [`Transaction::signing_bytes`].
    pub signature: Signature,
}

/// Length of [`Transaction::signing_bytes`].
pub const TX_SIGNING_LEN: usize = TX_TAG.len() + 1 + 32 + 32 + 8 * 3;

impl Transaction {
    /// Makes and signs a transaction.
    pub fn new_signed(
        wallet: &Wallet,
        kind: TxKind,
        receiver: Address,
        amount: u64,
        nonce: u64,
        timestamp: u64,
    ) -> Transaction {
        let mut tx = Transaction {
            kind,
            sender: wallet.address(),
            receiver,
            amount,
            nonce,
            timestamp,
            signature: Signature::default(),
        };
        tx.signature = wallet.sign(&tx.signing_bytes());
        tx
    }

    /// The canonical encoding that the sender signs.
    pub fn signing_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(TX_SIGNING_LEN);
        out.extend_from_slice(TX_TAG);
        out.push(self.kind.byte());
        out.extend_from_slice(&self.sender.0);
        out.extend_from_slice(&self.receiver.0);
        out.extend_from_slice(&self.amount.to_be_bytes());
        out.extend_from_slice(&self.nonce.to_be_bytes());
        out.extend_from_slice(&self.timestamp.to_be_bytes());
        out
    }

    /// Appends the signed encoding (signing bytes, then signature) to `out`.
    pub fn encode_signed(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.signing_bytes());
        out.extend_from_slice(&self.signature.0);
    }

    /// The id: SHA-256 of the signed encoding.
    pub fn id(&self) -> Hash {
        let mut buf = Vec::with_capacity(TX_SIGNING_LEN + 64);
        self.encode_signed(&mut buf);
        Hash::of(&buf)
    }

    /// Whether the signature is the sender's.
    pub fn signature_valid(&self) -> bool {
        self.sender.verify(&self.signing_bytes(), &self.signature)
    }
}

/// Why a transaction is refused (by the pool, or inside a block).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum TxError {
    /// The amount is zero.
    ZeroAmount,
    /// The signature does not verify against the sender's key.
    BadSignature,
    /// The pool already holds this transaction.
    Duplicate,
    /// This transaction is already in the chain.
    AlreadyOnChain,
    /// The nonce is not the sender's next one.
    NonceGap {
        /// The nonce the sender must use next.
        expected: u64,
        /// The nonce given.
        got: u64,
    },
    /// The sender cannot cover the amount.
    InsufficientBalance {
        /// What the sender has (after its pooled transactions).
        balance: u64,
        /// What the transaction needs.
        amount: u64,
    },
    /// A TRANSFER to oneself.
    SelfTransfer,
    /// A STAKE whose receiver is not its sender.
    StakeForOther,
    /// An EXCHANGE not sent by the exchange account.
    NotExchange,
    /// The exchange account may only sell (EXCHANGE), not transfer or stake.
    ExchangeOnlySells,
    /// A balance or stake would overflow.
    Overflow,
    /// The pool is full.
    PoolFull,
    /// Another transaction of the same sender already uses this nonce (pending in the pool,
    /// or in the chain after a reorg): a double spend. Only one of them can ever apply.
    Conflict {
        /// The nonce both use.
        nonce: u64,
        /// The transaction that holds it.
        with: Hash,
    },
}

impl TxError {
    /// The reason's name, as its JSON's `error` tag says it: rejections are counted by it
    /// (`tx:nonceGap`, `block:outOfTurn`, …).
    pub fn key(&self) -> &'static str {
        match self {
            TxError::ZeroAmount => "zeroAmount",
            TxError::BadSignature => "badSignature",
            TxError::Duplicate => "duplicate",
            TxError::AlreadyOnChain => "alreadyOnChain",
            TxError::NonceGap { .. } => "nonceGap",
            TxError::InsufficientBalance { .. } => "insufficientBalance",
            TxError::SelfTransfer => "selfTransfer",
            TxError::StakeForOther => "stakeForOther",
            TxError::NotExchange => "notExchange",
            TxError::ExchangeOnlySells => "exchangeOnlySells",
            TxError::Overflow => "overflow",
            TxError::PoolFull => "poolFull",
            TxError::Conflict { .. } => "conflict",
        }
    }
}

impl fmt::Display for TxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TxError::ZeroAmount => f.write_str("the amount must be more than zero"),
            TxError::BadSignature => f.write_str("the signature is not the sender's"),
            TxError::Duplicate => f.write_str("this transaction is already in the pool"),
            TxError::AlreadyOnChain => f.write_str("this transaction is already in the chain"),
            TxError::NonceGap { expected, got } => write!(
                f,
                "out of order: the sender's next transaction number is {expected}, this one is {got}"
            ),
            TxError::InsufficientBalance { balance, amount } => write!(
                f,
                "not enough tokens: the sender has {balance} available but needs {amount}"
            ),
            TxError::SelfTransfer => f.write_str("a transfer must go to someone else"),
            TxError::StakeForOther => f.write_str("a stake must go to the sender's own stake"),
            TxError::NotExchange => f.write_str("only the exchange can sell tokens"),
            TxError::ExchangeOnlySells => {
                f.write_str("the exchange account can only sell tokens, not transfer or stake")
            }
            TxError::Overflow => f.write_str("the amount would overflow a balance"),
            TxError::PoolFull => f.write_str("the transaction pool is full"),
            TxError::Conflict { nonce, with } => write!(
                f,
                "double spend: the sender's transaction number {nonce} is already taken by {}",
                with.short(8)
            ),
        }
    }
}

impl std::error::Error for TxError {}
