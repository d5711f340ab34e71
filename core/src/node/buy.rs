//! Purchase requests. A member without the exchange asks for tokens with a request signed by
//! its key ([`BuyRequest`]); only the exchange's host serves it (a transaction from the
//! exchange), and every other node passes it on once, so that it reaches the host over any
//! path. Each node remembers the requests it served or relayed (at most
//! [`MAX_BUYS_REMEMBERED`], each for [`BUY_MEMORY_MS`]), so that one request is served once.

use super::{ActionError, Event, MessageError, Node, Output, PeerId};
use crate::hash::Hash;
use crate::message::{BuyRequest, Message};
use crate::tx::TxKind;

/// Most purchase requests a node remembers as served or relayed; the oldest go first.
pub const MAX_BUYS_REMEMBERED: usize = 4_096;

/// A remembered purchase request is forgotten after this long (ms). A request seen again
/// after that is served again: it can only pay its own signer, who could as well sign a new
/// one, so forgetting costs the exchange nothing it would not sell anyway.
pub const BUY_MEMORY_MS: u64 = 600_000;

impl Node {
    /// How many purchase requests this node remembers (at most [`MAX_BUYS_REMEMBERED`]).
    pub fn buys_remembered(&self) -> usize {
        self.buys_served.len()
    }

    pub(super) fn receive_buy(
        &mut self,
        now: u64,
        from: PeerId,
        request: BuyRequest,
        out: &mut Vec<Output>,
    ) {
        let network = self.chain().network_id();
        if !request
            .buyer
            .verify(&request.signing_bytes(network), &request.signature)
        {
            return self.reject_message(from, MessageError::BadBuySignature, out);
        }
        if request.amount == 0 || request.amount > self.config.max_buy {
            return self.reject_message(from, MessageError::BadBuyAmount, out);
        }
        if !self.remember_buy(now, request.id(network)) {
            return; // Seen already (relayed to us by several peers, or repeated).
        }
        let Some(exchange) = self.exchange.clone() else {
            // Only the exchange's host serves purchases; the others pass a request on once, so
            // that it reaches the host over any path (a node linked only to other members).
            self.relay(Message::Buy(request), out);
            return;
        };
        match self.make_tx(
            now,
            &exchange,
            TxKind::Exchange,
            request.buyer,
            request.amount,
            out,
        ) {
            Ok(id) => out.push(Output::Event(Event::TxAccepted { id, from })),
            Err(ActionError::Transaction { reason }) => {
                self.count(&format!("tx:{}", reason.key()));
            }
            Err(ActionError::BuyLimit { .. }) => {}
        }
    }

    /// Remembers a purchase request; `false` when it was remembered already. At most
    /// [`MAX_BUYS_REMEMBERED`], each for [`BUY_MEMORY_MS`].
    pub(super) fn remember_buy(&mut self, now: u64, id: Hash) -> bool {
        self.expire_buys(now);
        if self.buys_served.contains_key(&id) {
            return false;
        }
        if self.buys_order.len() >= MAX_BUYS_REMEMBERED {
            if let Some((_, old)) = self.buys_order.pop_front() {
                self.buys_served.remove(&old);
            }
        }
        self.buys_served.insert(id, now);
        self.buys_order.push_back((now, id));
        true
    }

    /// Forgets purchase requests older than [`BUY_MEMORY_MS`].
    pub(super) fn expire_buys(&mut self, now: u64) {
        while let Some((at, id)) = self.buys_order.front().copied() {
            if at.saturating_add(BUY_MEMORY_MS) > now {
                break;
            }
            self.buys_order.pop_front();
            self.buys_served.remove(&id);
        }
    }
}
