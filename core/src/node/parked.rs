//! Parked transactions. Links reorder messages, so a transaction may arrive ahead of its
//! sender's next nonce while an earlier one is still on its way. Up to [`MAX_NONCE_AHEAD`]
//! ahead, it is parked rather than refused (at most [`MAX_PARKED`], for [`PARKED_MS`]), and
//! moves into the pool once the gap closes.

use super::{Event, Node, Output, PeerId};
use crate::message::Message;
use crate::tx::{Transaction, TxError};
use crate::vec_map::VecMap;
use crate::wallet::Address;

/// A parked transaction whose gap has not closed after this long (ms) is forgotten.
pub const PARKED_MS: u64 = 60_000;

/// A parked transaction: who sent it, the transaction and when (ms). Boxed, so that the table
/// of parked transactions stays a sorted vector of small entries.
pub(super) type Parked = Box<(PeerId, Transaction, u64)>;

/// Most transactions parked while waiting for an earlier nonce.
pub const MAX_PARKED: usize = 1024;

/// How far ahead of the sender's next nonce a transaction may be parked: a whole block's worth,
/// so that a burst from one sender (the exchange answering a class's purchases) arriving out
/// of order is parked rather than refused. [`MAX_PARKED`] bounds the memory either way.
pub const MAX_NONCE_AHEAD: u64 = crate::chain::MAX_BLOCK_TXS as u64;

impl Node {
    /// How many transactions wait for an earlier nonce (at most [`MAX_PARKED`]).
    pub fn parked_len(&self) -> usize {
        self.parked.len()
    }

    /// Parks a transaction ahead of its nonce. When the parking is full, the sender with the
    /// most parked transactions gives up its furthest one, unless that is this sender: one
    /// flooding sender cannot crowd out the others.
    pub(super) fn park(&mut self, now: u64, from: PeerId, tx: Transaction) {
        let key = (tx.sender, tx.nonce);
        if self.parked.contains_key(&key) {
            return;
        }
        if !tx.signature_valid() {
            return self.count("tx:badSignature");
        }
        if self.parked.len() >= MAX_PARKED {
            let mut per_sender: VecMap<Address, usize> = VecMap::new();
            for (sender, _) in self.parked.keys() {
                *per_sender.get_or_insert_with(*sender, || 0) += 1;
            }
            let mine = per_sender.get(&tx.sender).copied().unwrap_or(0);
            let biggest = per_sender
                .iter()
                .max_by_key(|(a, n)| (**n, std::cmp::Reverse(**a)))
                .map(|(a, n)| (*a, *n));
            match biggest {
                Some((sender, n)) if n > mine + 1 => {
                    // That sender's furthest nonce: the last key at most (sender, MAX).
                    let last = self.parked.last_at_most(&(sender, u64::MAX));
                    if let Some(k) = last.map(|(k, _)| *k).filter(|k| k.0 == sender) {
                        self.parked.remove(&k);
                    }
                    self.count("tx:parkEvicted");
                }
                _ => return self.count("tx:parkFull"),
            }
        }
        self.parked.insert(key, Box::new((from, tx, now)));
    }

    /// Moves parked transactions whose turn has come into the pool; forgets stale ones.
    pub(super) fn promote_parked(&mut self, out: &mut Vec<Output>) {
        loop {
            let pending = self.pool.pending();
            let mut stale = Vec::new();
            let mut ready = None;
            for (key, _) in self.parked.iter() {
                let next = pending.next_nonce(&key.0);
                if key.1 < next {
                    stale.push(*key);
                } else if key.1 == next {
                    ready = Some(*key);
                    break;
                }
            }
            for key in stale {
                self.parked.remove(&key);
            }
            let Some(key) = ready else { return };
            let Some(parked) = self.parked.remove(&key) else {
                return;
            };
            let (from, tx, _) = *parked;
            match self.pool.add(tx.clone(), self.tree.chain()) {
                Ok(id) => {
                    out.push(Output::Event(Event::TxAccepted { id, from }));
                    self.relay(Message::Transaction { tx }, out);
                }
                Err(TxError::Duplicate | TxError::AlreadyOnChain) => {}
                Err(reason) => self.reject_tx(from, &tx, reason, out),
            }
        }
    }
}
