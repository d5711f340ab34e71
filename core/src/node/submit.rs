//! Local actions: what a user asks its node to do ([`Action`]). A purchase on the exchange's
//! host, a transfer or a stake becomes a transaction signed with the sender's next pending
//! nonce, pooled and broadcast; a purchase elsewhere becomes a signed request for the host
//! (see `buy.rs`). A refusal is an [`ActionError`].

#[cfg(doc)]
use super::NodeConfig;
use super::{Behaviour, Event, Node, Output};
use crate::hash::Hash;
use crate::message::{BuyRequest, Message};
use crate::tx::{Transaction, TxError, TxKind};
use crate::wallet::{Address, Wallet};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a user asks its node to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Action {
    /// Buy tokens from the exchange.
    Exchange {
        /// How many.
        amount: u64,
    },
    /// Pay another account.
    Transfer {
        /// The receiver.
        to: Address,
        /// How many tokens.
        amount: u64,
    },
    /// Move balance into stake.
    Stake {
        /// How many tokens.
        amount: u64,
    },
}

/// Why a local action was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ActionError {
    /// The transaction it would make breaks a rule.
    Transaction {
        /// The rule.
        reason: TxError,
    },
    /// More than [`NodeConfig::max_buy`] tokens in one purchase.
    BuyLimit {
        /// The limit.
        max: u64,
    },
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::Transaction { reason } => reason.fmt(f),
            ActionError::BuyLimit { max } => {
                write!(f, "the exchange sells at most {max} tokens at a time")
            }
        }
    }
}

impl Node {
    pub(super) fn submit(&mut self, now: u64, action: Action, out: &mut Vec<Output>) {
        let me = self.address();
        let result = match action {
            Action::Exchange { amount } if amount > self.config.max_buy => {
                Err(ActionError::BuyLimit {
                    max: self.config.max_buy,
                })
            }
            Action::Exchange { amount: 0 } => Err(ActionError::Transaction {
                reason: TxError::ZeroAmount,
            }),
            Action::Exchange { amount } => match self.exchange.clone() {
                Some(exchange) => self.make_tx(now, &exchange, TxKind::Exchange, me, amount, out),
                None => {
                    let request = BuyRequest::new_signed(
                        &self.wallet,
                        self.chain().network_id(),
                        amount,
                        self.buy_counter,
                    );
                    self.buy_counter += 1;
                    let id = request.id(self.chain().network_id());
                    // Our own request coming back through a relay is not relayed again.
                    self.remember_buy(now, id);
                    self.broadcast(Message::Buy(request), out);
                    Ok(id)
                }
            },
            Action::Transfer { to, amount } if self.behaviour == Behaviour::DoubleSpend => {
                self.double_spend(now, to, amount, out)
            }
            Action::Transfer { to, amount } => {
                let wallet = self.wallet.clone();
                self.make_tx(now, &wallet, TxKind::Transfer, to, amount, out)
            }
            Action::Stake { amount } => {
                let wallet = self.wallet.clone();
                self.make_tx(now, &wallet, TxKind::Stake, me, amount, out)
            }
        };
        out.push(Output::Event(match result {
            Ok(id) => Event::Submitted { id },
            Err(reason) => Event::SubmitRejected { reason },
        }));
    }

    /// Signs a transaction with the sender's next pending nonce, pools and broadcasts it.
    pub(super) fn make_tx(
        &mut self,
        now: u64,
        sender: &Wallet,
        kind: TxKind,
        receiver: Address,
        amount: u64,
        out: &mut Vec<Output>,
    ) -> Result<Hash, ActionError> {
        let nonce = self.pool.pending().next_nonce(&sender.address());
        let tx = Transaction::new_signed(sender, kind, receiver, amount, nonce, now);
        let id = self
            .pool
            .add(tx.clone(), self.tree.chain())
            .map_err(|reason| ActionError::Transaction { reason })?;
        self.broadcast(Message::Transaction { tx }, out);
        Ok(id)
    }
}
