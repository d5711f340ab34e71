//! The adversaries. A driver can switch a node to one of the [`Behaviour`]s
//! ([`crate::node::Input::SetBehaviour`]); the same state machine then acts it out: it still
//! validates what it receives and keeps an honest chain, and misbehaves only in what it
//! sends. Here: the behaviours themselves, and the acts that are an adversary's alone (a double
//! spend, a block out of turn or in another's name, a tampered chain). Equivocation happens
//! where blocks are forged (`forge.rs`), the silence of a double spender where messages are
//! relayed (`receive.rs`) and in the heartbeat (`tick.rs`).

use super::{ActionError, Event, Node, Output, PeerId};
use crate::block::Block;
#[cfg(doc)]
use crate::chain::BlockError;
use crate::chain::MAX_BLOCK_TXS;
use crate::hash::Hash;
use crate::message::Message;
#[cfg(doc)]
use crate::tx::TxError;
use crate::tx::{Transaction, TxKind};
use crate::wallet::Address;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How a node behaves: honestly, or as one of the adversaries a class can switch on to watch
/// honest nodes refuse or resolve it. Every adversary still validates what it receives and
/// keeps an honest chain; it misbehaves only in what it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Behaviour {
    /// Follows the protocol.
    #[default]
    Honest,
    /// Once per tip, when its turn has not come, forges a block anyway and broadcasts it.
    /// Honest nodes refuse it: [`BlockError::NotTheForger`] in slot 0 or without stake,
    /// [`BlockError::OutOfTurn`] later.
    ForgeOutOfTurn,
    /// Every transfer it submits is signed twice with one nonce, to the receiver and to
    /// someone else; the first goes to the first half of its peers (by link name), the second
    /// to the other half. It relays nothing, serves no chains, sends no heartbeats and does
    /// not forge on its own, so when it sits in two groups of a partition (a bridge) it keeps
    /// the two sides apart. Honest
    /// pools refuse the second spend they see ([`TxError::Conflict`]); across a partition both
    /// spends are forged into the two sides' chains and, after the heal, fork choice keeps one
    /// and the other is dropped from pools as a conflict.
    DoubleSpend,
    /// Once per tip, broadcasts a block that claims the draw's winner as its forger but is
    /// signed with its own key. Honest nodes refuse it: [`BlockError::BadSignature`].
    ForgedSignature,
    /// Whenever it forges, it forges two different blocks on the same parent and sends one to
    /// each half of its peers. Both are valid: honest nodes keep both, report
    /// [`Event::Equivocation`] and converge on one by fork choice.
    Equivocate,
    /// Announces a height [`TAMPER_LEAD`] blocks above its own and answers every chain request
    /// with its chain altered: the newest transaction-bearing block redirected to itself and
    /// blocks of its own appended. Honest nodes refuse it: [`Event::ChainRejected`].
    TamperedChain,
}

/// How many blocks a [`Behaviour::TamperedChain`] node claims to be ahead.
pub const TAMPER_LEAD: u64 = 3;

impl Behaviour {
    /// Every behaviour, honest first.
    pub const ALL: [Behaviour; 6] = [
        Behaviour::Honest,
        Behaviour::ForgeOutOfTurn,
        Behaviour::DoubleSpend,
        Behaviour::ForgedSignature,
        Behaviour::Equivocate,
        Behaviour::TamperedChain,
    ];

    /// The name used in JSON and by [`Behaviour::from_str`] (`"forgeOutOfTurn"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Behaviour::Honest => "honest",
            Behaviour::ForgeOutOfTurn => "forgeOutOfTurn",
            Behaviour::DoubleSpend => "doubleSpend",
            Behaviour::ForgedSignature => "forgedSignature",
            Behaviour::Equivocate => "equivocate",
            Behaviour::TamperedChain => "tamperedChain",
        }
    }

    /// One line for a person.
    pub fn describe(self) -> &'static str {
        match self {
            Behaviour::Honest => "follows the protocol",
            Behaviour::ForgeOutOfTurn => "forges blocks when it is not its turn",
            Behaviour::DoubleSpend => {
                "spends the same tokens twice, one spend to each half of its peers"
            }
            Behaviour::ForgedSignature => {
                "sends blocks in the winner's name with a forged signature"
            }
            Behaviour::Equivocate => "forges two different blocks whenever it may forge one",
            Behaviour::TamperedChain => "offers a tampered chain to nodes that sync from it",
        }
    }

    /// Whether the node relays what it receives and serves its chain.
    pub(super) fn relays(self) -> bool {
        self != Behaviour::DoubleSpend
    }
}

impl fmt::Display for Behaviour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no [`Behaviour`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownBehaviour(pub String);

impl fmt::Display for UnknownBehaviour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Behaviour::ALL.iter().map(|b| b.name()).collect();
        write!(
            f,
            "unknown behaviour {:?}: one of {}",
            self.0,
            names.join(", ")
        )
    }
}

impl std::error::Error for UnknownBehaviour {}

impl FromStr for Behaviour {
    type Err = UnknownBehaviour;

    fn from_str(s: &str) -> Result<Behaviour, UnknownBehaviour> {
        Behaviour::ALL
            .into_iter()
            .find(|b| b.name() == s)
            .ok_or_else(|| UnknownBehaviour(s.to_string()))
    }
}

impl Node {
    /// How this node behaves.
    pub fn behaviour(&self) -> Behaviour {
        self.behaviour
    }

    /// The peers split in two by link name: the first half (rounded up) and the rest.
    pub(super) fn halves(&self) -> (Vec<PeerId>, Vec<PeerId>) {
        let mut all: Vec<PeerId> = self.peers.keys().cloned().collect();
        let rest = all.split_off(all.len().div_ceil(2));
        (all, rest)
    }

    /// Sends `body` to each of `peers`, or broadcasts it when there are none.
    pub(super) fn send_each(&self, peers: &[PeerId], body: Message, out: &mut Vec<Output>) {
        let bytes = self.envelope(body);
        if peers.is_empty() {
            return out.push(Output::Broadcast(bytes));
        }
        for to in peers {
            out.push(Output::Send {
                to: to.clone(),
                bytes: bytes.clone(),
            });
        }
    }

    /// [`Behaviour::DoubleSpend`]: one nonce, two receivers, one spend to each half of the
    /// peers.
    pub(super) fn double_spend(
        &mut self,
        now: u64,
        to: Address,
        amount: u64,
        out: &mut Vec<Output>,
    ) -> Result<Hash, ActionError> {
        let me = self.address();
        let nonce = self.pool.pending().next_nonce(&me);
        let first = Transaction::new_signed(&self.wallet, TxKind::Transfer, to, amount, nonce, now);
        let genesis = self.chain().genesis();
        let other = self
            .peers
            .values()
            .map(|p| p.address)
            .chain([genesis.forger, genesis.exchange])
            .find(|a| *a != to && *a != me)
            .unwrap_or(genesis.exchange);
        let second =
            Transaction::new_signed(&self.wallet, TxKind::Transfer, other, amount, nonce, now);
        let id = self
            .pool
            .add(first.clone(), self.tree.chain())
            .map_err(|reason| ActionError::Transaction { reason })?;
        let (a, b) = self.halves();
        if b.is_empty() {
            self.broadcast(Message::Transaction { tx: first }, out);
        } else {
            self.send_each(&a, Message::Transaction { tx: first }, out);
            self.send_each(&b, Message::Transaction { tx: second.clone() }, out);
        }
        out.push(Output::Event(Event::Misbehaved {
            behaviour: self.behaviour,
            height: self.chain().height() + 1,
            ids: vec![id, second.id()],
        }));
        Ok(id)
    }

    /// Acts out an adversary's behaviour once per tip (the ones that act on their own).
    pub(super) fn misbehave(&mut self, now: u64, out: &mut Vec<Output>) {
        let tip = self.chain().tip_hash();
        if self.attacked == Some(tip) || self.chain().draw_pending() {
            return;
        }
        let block = match self.behaviour {
            Behaviour::ForgeOutOfTurn if !self.may_forge_at(now) => {
                self.build_block(&self.wallet, now, self.pool.take(MAX_BLOCK_TXS))
            }
            Behaviour::ForgedSignature => {
                let Some(winner) = self.chain().next_forger().filter(|w| *w != self.address())
                else {
                    return; // Its own win: it forges honestly.
                };
                let mut b = self.build_block(&self.wallet, now, self.pool.take(MAX_BLOCK_TXS));
                // The winner's name, our key: the hash covers the forger, not the signature.
                b.forger = winner;
                b.signature = self.wallet.sign(&b.hash().0);
                b
            }
            _ => return,
        };
        self.attacked = Some(tip);
        out.push(Output::Event(Event::Misbehaved {
            behaviour: self.behaviour,
            height: block.height,
            ids: vec![block.hash()],
        }));
        self.broadcast(Message::Block { block }, out);
    }

    /// [`Behaviour::TamperedChain`]'s answer to a chain request: our chain with the newest
    /// transaction-bearing block redirected to us, and [`TAMPER_LEAD`] blocks of our own on
    /// top so that it looks longer.
    pub(super) fn tampered_chain(&self, now: u64, out: &mut Vec<Output>) -> Vec<Block> {
        let me = self.address();
        let mut blocks: Vec<Block> = self.chain().blocks().cloned().collect();
        let mut ids = Vec::new();
        if let Some(b) = blocks
            .iter_mut()
            .skip(1)
            .rev()
            .find(|b| !b.transactions.is_empty())
        {
            let tx = &mut b.transactions[0];
            if tx.receiver == me {
                tx.amount = tx.amount.saturating_add(1);
            } else {
                tx.receiver = me;
            }
            ids.push(b.hash());
        }
        for _ in 0..TAMPER_LEAD {
            let (height, prev, at) = match blocks.last() {
                Some(p) => (p.height + 1, p.hash(), now.max(p.timestamp)),
                None => break,
            };
            let b = Block::forge(&self.wallet, height, prev, at, Vec::new());
            ids.push(b.hash());
            blocks.push(b);
        }
        out.push(Output::Event(Event::Misbehaved {
            behaviour: self.behaviour,
            height: self.chain().height() + TAMPER_LEAD,
            ids,
        }));
        blocks
    }
}
