//! The transaction pool: valid transactions waiting for a block.
//!
//! The pool keeps a *pending* account state: the chain's tip state with every pooled
//! transaction applied in arrival order. A new transaction is accepted only if it applies to
//! that pending state, which at once enforces "the nonce is the sender's next one, counting
//! pooled ones" and "the sender can cover it, counting pooled spends". Because every pooled
//! transaction applies in order, a forger can put the pool's prefix into a block as it is.
//!
//! A second transaction with a pooled transaction's sender and nonce is a double spend and is
//! refused as [`TxError::Conflict`]. After a reorg, [`Pool::restore`] puts the abandoned
//! blocks' transactions back in front of the pool and re-checks everything on the new tip.

use crate::accounts::Accounts;
use crate::chain::Chain;
use crate::hash::Hash;
use crate::tx::{Transaction, TxError};
use crate::wallet::Address;
use std::collections::{HashMap, HashSet};

/// Pooled transactions, in the order they were accepted.
#[derive(Debug, Clone)]
pub struct Pool {
    txs: Vec<(Hash, Transaction)>,
    ids: HashSet<Hash>,
    /// Which pooled transaction uses each (sender, nonce).
    nonces: HashMap<(Address, u64), Hash>,
    pending: Accounts,
    capacity: usize,
}

impl Pool {
    /// An empty pool on top of `chain`, holding at most `capacity` transactions.
    pub fn new(chain: &Chain, capacity: usize) -> Pool {
        Pool {
            txs: Vec::new(),
            ids: HashSet::new(),
            nonces: HashMap::new(),
            pending: chain.accounts().clone(),
            capacity,
        }
    }

    /// Validates and adds `tx`; returns its id. On error the pool is unchanged.
    pub fn add(&mut self, tx: Transaction, chain: &Chain) -> Result<Hash, TxError> {
        let id = tx.id();
        if self.ids.contains(&id) {
            return Err(TxError::Duplicate);
        }
        if chain.contains_tx(&id) {
            return Err(TxError::AlreadyOnChain);
        }
        if let Some(with) = self.nonces.get(&(tx.sender, tx.nonce)) {
            return Err(TxError::Conflict {
                nonce: tx.nonce,
                with: *with,
            });
        }
        if self.txs.len() >= self.capacity {
            return Err(TxError::PoolFull);
        }
        self.pending.apply(&tx, true)?;
        self.push(id, tx);
        Ok(id)
    }

    fn push(&mut self, id: Hash, tx: Transaction) {
        self.ids.insert(id);
        self.nonces.insert((tx.sender, tx.nonce), id);
        self.txs.push((id, tx));
    }

    /// After the chain changed (a block, or a replaced chain): drops what the chain now holds
    /// and keeps, in order, the rest that still applies. Returns the ids and reasons of the
    /// transactions that no longer apply.
    pub fn revalidate(&mut self, chain: &Chain) -> Vec<(Hash, TxError)> {
        self.restore(Vec::new(), chain)
    }

    /// After a reorg: `returned` (the abandoned blocks' transactions, in block order) go in
    /// front of the pooled ones, then everything is re-checked on the new tip as
    /// [`Pool::revalidate`] does. Transactions whose sender and nonce the new chain gave to
    /// another transaction are dropped as [`TxError::Conflict`]. Returns what was dropped.
    /// `returned` must have passed signature checks (they were in valid blocks).
    pub fn restore(&mut self, returned: Vec<Transaction>, chain: &Chain) -> Vec<(Hash, TxError)> {
        let old = std::mem::take(&mut self.txs);
        self.ids.clear();
        self.nonces.clear();
        self.pending = chain.accounts().clone();
        let mut dropped = Vec::new();
        let all = returned.into_iter().map(|t| (t.id(), t)).chain(old);
        for (id, tx) in all {
            if chain.contains_tx(&id) || self.ids.contains(&id) {
                continue;
            }
            let taken = chain
                .tx_with_nonce(&tx.sender, tx.nonce)
                .or_else(|| self.nonces.get(&(tx.sender, tx.nonce)).copied());
            if let Some(with) = taken {
                dropped.push((
                    id,
                    TxError::Conflict {
                        nonce: tx.nonce,
                        with,
                    },
                ));
                continue;
            }
            if self.txs.len() >= self.capacity {
                dropped.push((id, TxError::PoolFull));
                continue;
            }
            // Signatures were checked on entry; the rest depends on the new state.
            match self.pending.apply(&tx, false) {
                Ok(()) => self.push(id, tx),
                Err(e) => dropped.push((id, e)),
            }
        }
        dropped
    }

    /// Number of pooled transactions.
    pub fn len(&self) -> usize {
        self.txs.len()
    }

    /// Whether the pool is empty.
    pub fn is_empty(&self) -> bool {
        self.txs.is_empty()
    }

    /// Whether a transaction with this id is pooled.
    pub fn contains(&self, id: &Hash) -> bool {
        self.ids.contains(id)
    }

    /// The pooled transactions in order.
    pub fn transactions(&self) -> impl Iterator<Item = &Transaction> {
        self.txs.iter().map(|(_, t)| t)
    }

    /// The first `max` transactions: a valid block body on top of the chain tip.
    pub fn take(&self, max: usize) -> Vec<Transaction> {
        self.txs.iter().take(max).map(|(_, t)| t.clone()).collect()
    }

    /// The account state with every pooled transaction applied (what a wallet may still spend).
    pub fn pending(&self) -> &Accounts {
        &self.pending
    }
}
