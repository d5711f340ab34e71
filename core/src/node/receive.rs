//! Bytes from a peer. A message is decoded (untrusted, size-limited), its envelope checked
//! (the network; a banned sender's messages are dropped unread, but for a block on our tip),
//! its sender recorded as a peer, and its body dispatched by kind to the room that owns it.
//! Transactions are handled here: into the pool and relayed once, parked when ahead of their
//! sender's nonce, refused with a reason otherwise. Also here: wrapping what the node sends in
//! an envelope, broadcasting and relaying, and counting what is dropped ([`MessageError`]).

use super::{Event, Node, Output, PeerId, MAX_NONCE_AHEAD};
use crate::message::{decode, encode, DecodeError, Envelope, Message, PROTOCOL_VERSION};
use crate::tx::{Transaction, TxError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a message from a peer was dropped before its content was looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum MessageError {
    /// The bytes are not a message.
    Decode {
        /// Why.
        reason: DecodeError,
    },
    /// The message is for another network.
    OtherNetwork,
    /// A purchase request whose signature is not the buyer's.
    BadBuySignature,
    /// A purchase request above the limit or of zero tokens.
    BadBuyAmount,
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageError::Decode { reason } => reason.fmt(f),
            MessageError::OtherNetwork => f.write_str("the message belongs to another network"),
            MessageError::BadBuySignature => {
                f.write_str("a purchase request not signed by its buyer")
            }
            MessageError::BadBuyAmount => f.write_str("a purchase request of a refused amount"),
        }
    }
}

impl Node {
    pub(super) fn envelope(&self, body: Message) -> Vec<u8> {
        encode(&Envelope {
            v: PROTOCOL_VERSION,
            network: self.chain().network_id(),
            from: self.address(),
            body,
        })
    }

    pub(super) fn broadcast(&self, body: Message, out: &mut Vec<Output>) {
        out.push(Output::Broadcast(self.envelope(body)));
    }

    /// Passes on what we received, unless this node keeps quiet (an adversary).
    pub(super) fn relay(&self, body: Message, out: &mut Vec<Output>) {
        if self.behaviour.relays() {
            self.broadcast(body, out);
        }
    }

    pub(super) fn reject_message(
        &mut self,
        from: PeerId,
        reason: MessageError,
        out: &mut Vec<Output>,
    ) {
        let key = match &reason {
            MessageError::Decode {
                reason: DecodeError::TooLarge { .. },
            } => "tooLarge",
            MessageError::Decode {
                reason: DecodeError::Malformed { .. },
            } => "malformed",
            MessageError::Decode {
                reason: DecodeError::Version { .. },
            } => "version",
            MessageError::OtherNetwork => "otherNetwork",
            MessageError::BadBuySignature => "badBuySignature",
            MessageError::BadBuyAmount => "badBuyAmount",
        };
        self.count(key);
        out.push(Output::Event(Event::MessageRejected { from, reason }));
    }

    pub(super) fn receive(&mut self, now: u64, from: PeerId, bytes: &[u8], out: &mut Vec<Output>) {
        let banned = self.is_banned(&from, now);
        let env = match decode(bytes) {
            Ok(env) => env,
            Err(_) if banned => return self.count("peer:banned"),
            Err(reason) => return self.reject_message(from, MessageError::Decode { reason }, out),
        };
        if banned {
            // A block on our tip costs no more to check than to send, and a staker's valid
            // block must not be cut off the chain by a ban (that could split the network):
            // it alone is still read. Everything else of a banned peer is dropped.
            match env.body {
                Message::Block { block }
                    if env.network == self.chain().network_id()
                        && block.prev_hash == self.chain().tip_hash() =>
                {
                    return self.receive_block(now, from, block, out);
                }
                _ => return self.count("peer:banned"),
            }
        }
        if env.network != self.chain().network_id() {
            return self.reject_message(from, MessageError::OtherNetwork, out);
        }
        self.touch_peer(now, &from, env.from, out);
        match env.body {
            Message::Status { height, tip } => {
                if let Some(peer) = self.peers.get_mut(&from) {
                    peer.height = height;
                }
                let mine = self.chain().height();
                // Ahead of us, or level with a tip we have never seen (it may win the tie).
                if height > mine || (height == mine && !self.tree.contains(&tip)) {
                    self.request_chain(now, from, out);
                }
            }
            Message::Transaction { tx } => self.receive_tx(now, from, tx, out),
            Message::Block { block } => {
                if let Some(peer) = self.peers.get_mut(&from) {
                    peer.height = peer.height.max(block.height);
                }
                self.receive_block(now, from, block, out)
            }
            Message::ChainRequest { height, locator } => {
                self.answer_chain_request(now, from, height, &locator, out)
            }
            Message::Chain { genesis, blocks } => {
                self.receive_chain(now, from, genesis, blocks, out)
            }
            Message::Buy(request) => self.receive_buy(now, from, request, out),
        }
    }

    fn receive_tx(&mut self, now: u64, from: PeerId, tx: Transaction, out: &mut Vec<Output>) {
        match self.pool.add(tx.clone(), self.tree.chain()) {
            Ok(id) => {
                out.push(Output::Event(Event::TxAccepted { id, from }));
                self.relay(Message::Transaction { tx }, out);
                self.promote_parked(out);
            }
            // Gossip echoes of what we already have are normal, not worth an event.
            Err(TxError::Duplicate | TxError::AlreadyOnChain) => {}
            // Ahead of the sender's next nonce: an earlier one is still on its way.
            Err(TxError::NonceGap { expected, got })
                if got > expected && got - expected <= MAX_NONCE_AHEAD =>
            {
                self.park(now, from, tx)
            }
            Err(reason) => self.reject_tx(from, &tx, reason, out),
        }
    }

    /// Counts and reports a transaction from a peer that the pool refused.
    pub(super) fn reject_tx(
        &mut self,
        from: PeerId,
        tx: &Transaction,
        reason: TxError,
        out: &mut Vec<Output>,
    ) {
        self.count(&format!("tx:{}", reason.key()));
        out.push(Output::Event(Event::TxRejected {
            id: tx.id(),
            from,
            reason,
        }));
    }
}
