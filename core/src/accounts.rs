//! The account model: balances, stakes, nonces, and the order in which stakers first staked.

use crate::tx::{Transaction, TxError, TxKind};
use crate::vec_map::VecMap;
use crate::wallet::Address;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A staker table, shared between the states (and the chain's per-block records) that have
/// not changed it: a state clones it only when a STAKE changes it.
pub type StakerTable = Arc<Vec<(Address, u64)>>;

/// Balances, stakes and next nonces of every account, plus the exchange's address.
///
/// Stakers are kept in the order they first staked (the genesis forger first): the lottery's
/// tie rule depends on that order, as in the Python design's insertion-ordered dict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accounts {
    exchange: Address,
    balances: VecMap<Address, u64>,
    nonces: VecMap<Address, u64>,
    #[serde(with = "shared")]
    stakers: StakerTable,
}

/// Serde for a shared staker table: the same JSON as the plain list.
mod shared {
    use super::{Address, StakerTable};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::sync::Arc;

    pub fn serialize<S: Serializer>(t: &StakerTable, s: S) -> Result<S::Ok, S::Error> {
        t.as_slice().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<StakerTable, D::Error> {
        Vec::<(Address, u64)>::deserialize(d).map(Arc::new)
    }
}

impl Accounts {
    /// The genesis state: the exchange holds `supply`, the genesis forger has stake 1.
    pub fn genesis(exchange: Address, supply: u64, genesis_forger: Address) -> Accounts {
        let mut balances = VecMap::new();
        balances.insert(exchange, supply);
        Accounts {
            exchange,
            balances,
            nonces: VecMap::new(),
            stakers: Arc::new(vec![(genesis_forger, 1)]),
        }
    }

    /// The exchange account.
    pub fn exchange(&self) -> Address {
        self.exchange
    }

    /// An account's spendable balance.
    pub fn balance(&self, a: &Address) -> u64 {
        self.balances.get(a).copied().unwrap_or(0)
    }

    /// An account's stake.
    pub fn stake(&self, a: &Address) -> u64 {
        self.stakers
            .iter()
            .find(|(s, _)| s == a)
            .map_or(0, |(_, v)| *v)
    }

    /// The nonce the account must use for its next transaction.
    pub fn next_nonce(&self, a: &Address) -> u64 {
        self.nonces.get(a).copied().unwrap_or(0)
    }

    /// Stakers in draw order with their stakes.
    pub fn stakers(&self) -> &[(Address, u64)] {
        &self.stakers
    }

    /// The staker table itself, shared (a pointer, not a copy).
    pub fn staker_table(&self) -> StakerTable {
        Arc::clone(&self.stakers)
    }

    /// Total stake: the number of lots in a draw.
    pub fn total_stake(&self) -> u64 {
        self.stakers.iter().map(|(_, s)| *s).sum()
    }

    /// Every account with a balance, stake or nonce, in address order.
    pub fn addresses(&self) -> Vec<Address> {
        let mut all: Vec<Address> = self.balances.keys().copied().collect();
        all.extend(self.nonces.keys().copied());
        all.extend(self.stakers.iter().map(|(a, _)| *a));
        crate::sorting::sort(&mut all);
        all.dedup();
        all
    }

    /// Every rule a transaction must pass against this state, cheapest first; the signature is
    /// checked only when `check_signature` (a caller that has already verified it skips it).
    pub fn check(&self, tx: &Transaction, check_signature: bool) -> Result<(), TxError> {
        if tx.amount == 0 {
            return Err(TxError::ZeroAmount);
        }
        match tx.kind {
            TxKind::Exchange if tx.sender != self.exchange => return Err(TxError::NotExchange),
            TxKind::Transfer | TxKind::Stake if tx.sender == self.exchange => {
                return Err(TxError::ExchangeOnlySells)
            }
            TxKind::Transfer if tx.sender == tx.receiver => return Err(TxError::SelfTransfer),
            TxKind::Stake if tx.sender != tx.receiver => return Err(TxError::StakeForOther),
            _ => {}
        }
        let expected = self.next_nonce(&tx.sender);
        if tx.nonce != expected {
            return Err(TxError::NonceGap {
                expected,
                got: tx.nonce,
            });
        }
        let balance = self.balance(&tx.sender);
        if balance < tx.amount {
            return Err(TxError::InsufficientBalance {
                balance,
                amount: tx.amount,
            });
        }
        let credited = match tx.kind {
            TxKind::Stake => self.stake(&tx.receiver),
            _ => self.balance(&tx.receiver),
        };
        if credited.checked_add(tx.amount).is_none() {
            return Err(TxError::Overflow);
        }
        if check_signature && !tx.signature_valid() {
            return Err(TxError::BadSignature);
        }
        Ok(())
    }

    /// Checks `tx` (see [`Accounts::check`]) and applies it. On error nothing changes.
    pub fn apply(&mut self, tx: &Transaction, check_signature: bool) -> Result<(), TxError> {
        self.check(tx, check_signature)?;
        // `check` proved the sender covers the amount and the receiver cannot overflow.
        let sender = self.balances.get_or_insert_with(tx.sender, || 0);
        *sender -= tx.amount;
        *self.nonces.get_or_insert_with(tx.sender, || 0) += 1;
        match tx.kind {
            TxKind::Stake => {
                let stakers = Arc::make_mut(&mut self.stakers);
                match stakers.iter_mut().find(|(a, _)| *a == tx.receiver) {
                    Some((_, s)) => *s += tx.amount,
                    None => stakers.push((tx.receiver, tx.amount)),
                }
            }
            TxKind::Exchange | TxKind::Transfer => {
                *self.balances.get_or_insert_with(tx.receiver, || 0) += tx.amount;
            }
        }
        Ok(())
    }
}
