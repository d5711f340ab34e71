//! The node: a sans-IO state machine.
//!
//! A driver owns the clock, the transports and the wallets' randomness. It calls
//! [`Node::handle`] with the current time (ms) and one [`Input`]; the node answers with
//! [`Output`]s: bytes to broadcast or to send to one peer, [`Event`]s for the UI, and the time at
//! which it wants the next [`Input::Tick`]. The node never reads a clock, never draws random
//! numbers and never does I/O, so the same inputs give the same outputs on every platform.
//!
//! Behaviour, after the Python design:
//! - A local action becomes a signed transaction, enters the pool and is broadcast.
//! - A transaction from a peer enters the pool if valid and is relayed; invalid ones are dropped
//!   with a reason event.
//! - The lottery's winner for the next height forges as soon as its pool holds
//!   [`NodeConfig::forge_threshold`] transactions (after [`NodeConfig::forge_delay_ms`]), and
//!   broadcasts the block.
//! - A block that extends the tip is validated and applied, then relayed. A block further ahead,
//!   a status from a peer that is ahead, or a block on another parent makes the node ask that
//!   peer for its chain; a longer chain is adopted only after full validation.
//! - Heartbeats announce height and tip; the pool is re-broadcast now and then so that
//!   transactions lost on a lossy link still reach the forger.

use crate::block::Block;
use crate::chain::{BlockError, Chain, ChainError, MAX_BLOCK_TXS};
use crate::hash::Hash;
use crate::lottery::Outcome;
use crate::message::{
    decode, encode, BuyRequest, DecodeError, Envelope, Message, PROTOCOL_VERSION,
};
use crate::pool::Pool;
use crate::tx::{Transaction, TxError, TxKind};
use crate::wallet::{Address, Wallet};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// How a driver names the other end of a link (a node index, a tab id, a WebRTC peer).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PeerId(pub String);

impl fmt::Display for PeerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Tunables of a node. All times in ms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeConfig {
    /// Pooled transactions needed before the winner forges (the Python design uses 1).
    pub forge_threshold: usize,
    /// How long the winner waits, once the threshold is met, before forging.
    pub forge_delay_ms: u64,
    /// Interval of status heartbeats.
    pub heartbeat_ms: u64,
    /// Interval of pool re-broadcasts.
    pub rebroadcast_ms: u64,
    /// How long to wait for a chain before asking again.
    pub sync_timeout_ms: u64,
    /// A peer not heard from for this long is dropped from the peer list.
    pub peer_timeout_ms: u64,
    /// Most transactions the pool holds.
    pub pool_capacity: usize,
    /// Most tokens one purchase from the exchange may buy.
    pub max_buy: u64,
}

impl Default for NodeConfig {
    fn default() -> Self {
        NodeConfig {
            forge_threshold: 1,
            forge_delay_ms: 0,
            heartbeat_ms: 1000,
            rebroadcast_ms: 3000,
            sync_timeout_ms: 2000,
            peer_timeout_ms: 5000,
            pool_capacity: 10_000,
            max_buy: 1000,
        }
    }
}

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

/// One input to [`Node::handle`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A local user action.
    Submit(Action),
    /// Bytes from a peer (untrusted).
    Receive {
        /// The link they came over.
        from: PeerId,
        /// The raw message.
        bytes: Vec<u8>,
    },
    /// Time passed: heartbeats, re-broadcasts, timeouts, delayed forging.
    Tick,
    /// Forge now if this node won the draw, even with an empty pool.
    ForgeNow,
    /// The driver knows a link is gone (a tab closed): forget the peer at once.
    Disconnected {
        /// The link.
        peer: PeerId,
    },
}

/// One thing the node wants done.
// Events carry a draw by value; outputs live only until the driver routes them.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Send to every peer.
    Broadcast(Vec<u8>),
    /// Send to one peer.
    Send {
        /// The peer.
        to: PeerId,
        /// The message.
        bytes: Vec<u8>,
    },
    /// Tell the UI.
    Event(Event),
    /// Call [`Node::handle`] with [`Input::Tick`] at this time (ms) or later.
    WakeAt(u64),
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

/// What happened, for the UI. Every refusal carries its typed reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "event",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Event {
    /// A local action was accepted (`id`: the transaction, or the purchase request).
    Submitted {
        /// The transaction's (or request's) id.
        id: Hash,
    },
    /// A local action was refused.
    SubmitRejected {
        /// Why.
        reason: ActionError,
    },
    /// A transaction from a peer entered the pool.
    TxAccepted {
        /// Its id.
        id: Hash,
        /// The link it came over.
        from: PeerId,
    },
    /// A transaction from a peer was refused.
    TxRejected {
        /// Its id.
        id: Hash,
        /// The link it came over.
        from: PeerId,
        /// Why.
        reason: TxError,
    },
    /// A transaction left the pool because the chain changed under it.
    TxDropped {
        /// Its id.
        id: Hash,
        /// Why it no longer applies.
        reason: TxError,
    },
    /// This node forged a block.
    BlockForged {
        /// Its height.
        height: u64,
        /// Its hash.
        hash: Hash,
        /// Number of transactions in it.
        transactions: usize,
        /// The draw this node won.
        draw: Outcome,
    },
    /// A block from a peer was validated and applied.
    BlockAccepted {
        /// Its height.
        height: u64,
        /// Its hash.
        hash: Hash,
        /// Who forged it.
        forger: Address,
        /// The link it came over.
        from: PeerId,
        /// The draw its forger won.
        draw: Outcome,
    },
    /// A block from a peer was refused.
    BlockRejected {
        /// Its height.
        height: u64,
        /// The link it came over.
        from: PeerId,
        /// Why.
        reason: BlockError,
    },
    /// A "forge now" that this node may not carry out.
    ForgeRefused {
        /// Who won the draw instead.
        winner: Option<Address>,
    },
    /// A longer valid chain replaced ours.
    ChainReplaced {
        /// The link it came over.
        from: PeerId,
        /// Our height before.
        old_height: u64,
        /// Our height now.
        new_height: u64,
    },
    /// A chain from a peer failed validation.
    ChainRejected {
        /// The link it came over.
        from: PeerId,
        /// Why.
        reason: ChainError,
    },
    /// A peer was heard from for the first time.
    PeerSeen {
        /// The link.
        peer: PeerId,
        /// The address it claims.
        address: Address,
    },
    /// A peer was silent for longer than [`NodeConfig::peer_timeout_ms`].
    PeerLost {
        /// The link.
        peer: PeerId,
    },
    /// Bytes from a peer were dropped.
    MessageRejected {
        /// The link.
        from: PeerId,
        /// Why.
        reason: MessageError,
    },
}

/// What this node knows of a peer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerInfo {
    /// The address it claims.
    pub address: Address,
    /// Its last announced height.
    pub height: u64,
    /// When it was last heard from (ms).
    pub last_seen: u64,
}

/// A node of the network: wallet, chain, pool, peers.
#[derive(Debug, Clone)]
pub struct Node {
    wallet: Wallet,
    exchange: Option<Wallet>,
    config: NodeConfig,
    chain: Chain,
    pool: Pool,
    peers: BTreeMap<PeerId, PeerInfo>,
    next_heartbeat: u64,
    next_rebroadcast: u64,
    forge_at: Option<u64>,
    sync: Option<(PeerId, u64)>,
    buy_counter: u64,
    /// Purchase requests already served (on the host) or relayed (elsewhere).
    buys_served: HashSet<Hash>,
    rejected: BTreeMap<String, u64>,
    /// Transactions that arrived ahead of their sender's next nonce (links reorder messages),
    /// kept until the gap closes.
    parked: BTreeMap<(Address, u64), (PeerId, Transaction)>,
}

/// Most transactions parked while waiting for an earlier nonce.
pub const MAX_PARKED: usize = 1024;

/// How far ahead of the sender's next nonce a transaction may be parked.
pub const MAX_NONCE_AHEAD: u64 = 64;

impl Node {
    /// A node on `chain` with its own `wallet`; `exchange` is the exchange's wallet on the node
    /// that hosts the exchange, `None` elsewhere.
    pub fn new(wallet: Wallet, exchange: Option<Wallet>, chain: Chain, config: NodeConfig) -> Node {
        let pool = Pool::new(&chain, config.pool_capacity);
        Node {
            wallet,
            exchange,
            config,
            chain,
            pool,
            peers: BTreeMap::new(),
            next_heartbeat: 0,
            next_rebroadcast: 0,
            forge_at: None,
            sync: None,
            buy_counter: 0,
            buys_served: HashSet::new(),
            rejected: BTreeMap::new(),
            parked: BTreeMap::new(),
        }
    }

    /// This node's address.
    pub fn address(&self) -> Address {
        self.wallet.address()
    }

    /// This node's wallet.
    pub fn wallet(&self) -> &Wallet {
        &self.wallet
    }

    /// Puts saved transactions back into the pool, in order (a driver restoring its state).
    /// Returns those that no longer apply, with the reason; nothing is broadcast.
    pub fn restore_pool(&mut self, txs: Vec<Transaction>) -> Vec<(Hash, TxError)> {
        txs.into_iter()
            .filter_map(|tx| {
                let id = tx.id();
                self.pool.add(tx, &self.chain).err().map(|e| (id, e))
            })
            .collect()
    }

    /// The exchange's wallet, on the node that hosts it (for saving and export).
    pub fn exchange_wallet(&self) -> Option<&Wallet> {
        self.exchange.as_ref()
    }

    /// Whether this node hosts the exchange.
    pub fn hosts_exchange(&self) -> bool {
        self.exchange.is_some()
    }

    /// The validated chain.
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// The pool.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Known peers by link.
    pub fn peers(&self) -> &BTreeMap<PeerId, PeerInfo> {
        &self.peers
    }

    /// Counts of dropped messages, transactions and blocks by reason.
    pub fn rejected(&self) -> &BTreeMap<String, u64> {
        &self.rejected
    }

    /// The node's configuration.
    pub fn config(&self) -> &NodeConfig {
        &self.config
    }

    /// Whether this node won the draw for the next block.
    pub fn is_next_forger(&self) -> bool {
        self.chain.next_forger() == Some(self.address())
    }

    /// Feeds one input at time `now` (ms); returns what the node wants done, ending with one
    /// [`Output::WakeAt`].
    pub fn handle(&mut self, now: u64, input: Input) -> Vec<Output> {
        let mut out = Vec::new();
        match input {
            Input::Submit(action) => self.submit(now, action, &mut out),
            Input::Receive { from, bytes } => self.receive(now, from, &bytes, &mut out),
            Input::Tick => self.tick(now, &mut out),
            Input::Disconnected { peer } => {
                if self.peers.remove(&peer).is_some() {
                    out.push(Output::Event(Event::PeerLost { peer }));
                }
            }
            Input::ForgeNow => {
                if self.is_next_forger() {
                    self.forge(now, &mut out);
                } else {
                    out.push(Output::Event(Event::ForgeRefused {
                        winner: self.chain.next_forger(),
                    }));
                }
            }
        }
        self.maybe_forge(now, &mut out);
        out.push(Output::WakeAt(self.next_wakeup(now)));
        out
    }

    fn envelope(&self, body: Message) -> Vec<u8> {
        encode(&Envelope {
            v: PROTOCOL_VERSION,
            network: self.chain.network_id(),
            from: self.address(),
            body,
        })
    }

    fn broadcast(&self, body: Message, out: &mut Vec<Output>) {
        out.push(Output::Broadcast(self.envelope(body)));
    }

    fn count(&mut self, reason: &str) {
        *self.rejected.entry(reason.to_string()).or_insert(0) += 1;
    }

    fn submit(&mut self, now: u64, action: Action, out: &mut Vec<Output>) {
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
                        self.chain.network_id(),
                        amount,
                        self.buy_counter,
                    );
                    self.buy_counter += 1;
                    let id = request.id(self.chain.network_id());
                    // Our own request coming back through a relay is not relayed again.
                    self.buys_served.insert(id);
                    self.broadcast(Message::Buy(request), out);
                    Ok(id)
                }
            },
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
    fn make_tx(
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
            .add(tx.clone(), &self.chain)
            .map_err(|reason| ActionError::Transaction { reason })?;
        self.broadcast(Message::Transaction { tx }, out);
        Ok(id)
    }

    fn reject_message(&mut self, from: PeerId, reason: MessageError, out: &mut Vec<Output>) {
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

    fn receive(&mut self, now: u64, from: PeerId, bytes: &[u8], out: &mut Vec<Output>) {
        let env = match decode(bytes) {
            Ok(env) => env,
            Err(reason) => return self.reject_message(from, MessageError::Decode { reason }, out),
        };
        if env.network != self.chain.network_id() {
            return self.reject_message(from, MessageError::OtherNetwork, out);
        }
        if !self.peers.contains_key(&from) {
            out.push(Output::Event(Event::PeerSeen {
                peer: from.clone(),
                address: env.from,
            }));
        }
        let peer = self.peers.entry(from.clone()).or_insert(PeerInfo {
            address: env.from,
            height: 0,
            last_seen: now,
        });
        peer.last_seen = now;
        peer.address = env.from;
        match env.body {
            Message::Status { height, .. } => {
                peer.height = height;
                if height > self.chain.height() {
                    self.request_chain(now, from, out);
                }
            }
            Message::Transaction { tx } => self.receive_tx(from, tx, out),
            Message::Block { block } => self.receive_block(now, from, block, out),
            Message::ChainRequest { height } => {
                if self.chain.height() > height {
                    let body = Message::Chain {
                        genesis: self.chain.genesis().clone(),
                        blocks: self.chain.blocks().to_vec(),
                    };
                    out.push(Output::Send {
                        to: from,
                        bytes: self.envelope(body),
                    });
                }
            }
            Message::Chain { genesis, blocks } => self.receive_chain(from, genesis, blocks, out),
            Message::Buy(request) => self.receive_buy(now, from, request, out),
        }
    }

    fn receive_tx(&mut self, from: PeerId, tx: Transaction, out: &mut Vec<Output>) {
        match self.pool.add(tx.clone(), &self.chain) {
            Ok(id) => {
                out.push(Output::Event(Event::TxAccepted { id, from }));
                self.broadcast(Message::Transaction { tx }, out);
                self.promote_parked(out);
            }
            // Gossip echoes of what we already have are normal, not worth an event.
            Err(TxError::Duplicate | TxError::AlreadyOnChain) => {}
            // Ahead of the sender's next nonce: an earlier one is still on its way.
            Err(TxError::NonceGap { expected, got })
                if got > expected && got - expected <= MAX_NONCE_AHEAD =>
            {
                if self.parked.len() < MAX_PARKED && tx.signature_valid() {
                    self.parked.insert((tx.sender, tx.nonce), (from, tx));
                } else {
                    self.count("tx:parkFull");
                }
            }
            Err(reason) => {
                self.count(&format!("tx:{}", variant_name(&reason)));
                out.push(Output::Event(Event::TxRejected {
                    id: tx.id(),
                    from,
                    reason,
                }));
            }
        }
    }

    fn receive_block(&mut self, now: u64, from: PeerId, block: Block, out: &mut Vec<Output>) {
        let height = self.chain.height();
        if block.height <= height {
            let known = usize::try_from(block.height)
                .ok()
                .and_then(|h| self.chain.hashes().get(h))
                .is_some_and(|h| *h == block.hash());
            if !known {
                self.count("block:stale");
                out.push(Output::Event(Event::BlockRejected {
                    height: block.height,
                    from,
                    reason: BlockError::WrongHeight {
                        expected: height + 1,
                        got: block.height,
                    },
                }));
            }
            return;
        }
        if block.height > height + 1 {
            return self.request_chain(now, from, out);
        }
        let block_height = block.height;
        match self.chain.apply(block.clone()) {
            Ok(()) => {
                let draw = self.chain.draw_at(block_height);
                self.after_chain_change(out);
                self.broadcast(
                    Message::Block {
                        block: block.clone(),
                    },
                    out,
                );
                if let Some(draw) = draw {
                    out.push(Output::Event(Event::BlockAccepted {
                        height: block_height,
                        hash: self.chain.tip_hash(),
                        forger: block.forger,
                        from,
                        draw,
                    }));
                }
            }
            // Same height, other parent: the peer has another history; compare whole chains.
            Err(BlockError::UnknownParent) => self.request_chain(now, from, out),
            Err(reason) => {
                self.count(&format!("block:{}", variant_name(&reason)));
                out.push(Output::Event(Event::BlockRejected {
                    height: block_height,
                    from,
                    reason,
                }));
            }
        }
    }

    fn receive_chain(
        &mut self,
        from: PeerId,
        genesis: crate::block::Genesis,
        blocks: Vec<Block>,
        out: &mut Vec<Output>,
    ) {
        if self.sync.as_ref().is_some_and(|(p, _)| *p == from) {
            self.sync = None;
        }
        let old_height = self.chain.height();
        if blocks.len() as u64 <= old_height + 1 {
            return; // Not longer than ours: nothing to adopt.
        }
        match self.chain.validate_candidate(&genesis, &blocks) {
            Ok(chain) => {
                self.chain = chain;
                self.after_chain_change(out);
                out.push(Output::Event(Event::ChainReplaced {
                    from,
                    old_height,
                    new_height: self.chain.height(),
                }));
            }
            Err(reason) => {
                self.count(&format!("chain:{}", variant_name(&reason)));
                out.push(Output::Event(Event::ChainRejected { from, reason }));
            }
        }
    }

    fn receive_buy(&mut self, now: u64, from: PeerId, request: BuyRequest, out: &mut Vec<Output>) {
        let network = self.chain.network_id();
        if !request
            .buyer
            .verify(&request.signing_bytes(network), &request.signature)
        {
            return self.reject_message(from, MessageError::BadBuySignature, out);
        }
        if request.amount == 0 || request.amount > self.config.max_buy {
            return self.reject_message(from, MessageError::BadBuyAmount, out);
        }
        if !self.buys_served.insert(request.id(network)) {
            return; // Seen already (relayed to us by several peers, or repeated).
        }
        let Some(exchange) = self.exchange.clone() else {
            // Only the exchange's host serves purchases; the others pass a request on once, so
            // that it reaches the host over any path (a node linked only to other members).
            self.broadcast(Message::Buy(request), out);
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
                self.count(&format!("tx:{}", variant_name(&reason)));
            }
            Err(ActionError::BuyLimit { .. }) => {}
        }
    }

    fn request_chain(&mut self, now: u64, from: PeerId, out: &mut Vec<Output>) {
        if self
            .sync
            .as_ref()
            .is_some_and(|(_, deadline)| *deadline > now)
        {
            return; // One request at a time.
        }
        self.sync = Some((from.clone(), now + self.config.sync_timeout_ms));
        out.push(Output::Send {
            to: from,
            bytes: self.envelope(Message::ChainRequest {
                height: self.chain.height(),
            }),
        });
    }

    fn after_chain_change(&mut self, out: &mut Vec<Output>) {
        for (id, reason) in self.pool.revalidate(&self.chain) {
            out.push(Output::Event(Event::TxDropped { id, reason }));
        }
        self.forge_at = None;
        self.promote_parked(out);
    }

    /// Moves parked transactions whose turn has come into the pool; forgets stale ones.
    fn promote_parked(&mut self, out: &mut Vec<Output>) {
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
            let Some((from, tx)) = self.parked.remove(&key) else {
                return;
            };
            match self.pool.add(tx.clone(), &self.chain) {
                Ok(id) => {
                    out.push(Output::Event(Event::TxAccepted { id, from }));
                    self.broadcast(Message::Transaction { tx }, out);
                }
                Err(TxError::Duplicate | TxError::AlreadyOnChain) => {}
                Err(reason) => {
                    self.count(&format!("tx:{}", variant_name(&reason)));
                    out.push(Output::Event(Event::TxRejected {
                        id: tx.id(),
                        from,
                        reason,
                    }));
                }
            }
        }
    }

    fn tick(&mut self, now: u64, out: &mut Vec<Output>) {
        if now >= self.next_heartbeat {
            self.next_heartbeat = now + self.config.heartbeat_ms;
            let body = Message::Status {
                height: self.chain.height(),
                tip: self.chain.tip_hash(),
            };
            self.broadcast(body, out);
        }
        if now >= self.next_rebroadcast {
            self.next_rebroadcast = now + self.config.rebroadcast_ms;
            for tx in self.pool.take(64) {
                self.broadcast(Message::Transaction { tx }, out);
            }
        }
        let timeout = self.config.peer_timeout_ms;
        let lost: Vec<PeerId> = self
            .peers
            .iter()
            .filter(|(_, p)| p.last_seen + timeout < now)
            .map(|(id, _)| id.clone())
            .collect();
        for peer in lost {
            self.peers.remove(&peer);
            out.push(Output::Event(Event::PeerLost { peer }));
        }
        if self
            .sync
            .as_ref()
            .is_some_and(|(_, deadline)| *deadline <= now)
        {
            self.sync = None;
        }
    }

    fn maybe_forge(&mut self, now: u64, out: &mut Vec<Output>) {
        if !self.is_next_forger() || self.pool.len() < self.config.forge_threshold.max(1) {
            self.forge_at = None;
            return;
        }
        let at = *self
            .forge_at
            .get_or_insert(now + self.config.forge_delay_ms);
        if at <= now {
            self.forge(now, out);
        }
    }

    fn forge(&mut self, now: u64, out: &mut Vec<Output>) {
        let tip = self.chain.tip();
        let timestamp = now.max(tip.timestamp);
        let block = Block::forge(
            &self.wallet,
            tip.height + 1,
            self.chain.tip_hash(),
            timestamp,
            self.pool.take(MAX_BLOCK_TXS),
        );
        let height = block.height;
        let transactions = block.transactions.len();
        // The pool only holds transactions that apply in order on the tip, so this succeeds;
        // were it ever to fail, the chain is unchanged and nothing is broadcast.
        if self.chain.apply(block.clone()).is_ok() {
            let draw = self.chain.draw_at(height);
            self.after_chain_change(out);
            self.broadcast(Message::Block { block }, out);
            if let Some(draw) = draw {
                out.push(Output::Event(Event::BlockForged {
                    height,
                    hash: self.chain.tip_hash(),
                    transactions,
                    draw,
                }));
            }
        }
    }

    fn next_wakeup(&self, now: u64) -> u64 {
        let mut at = self.next_heartbeat.min(self.next_rebroadcast);
        if let Some(f) = self.forge_at {
            at = at.min(f);
        }
        if let Some((_, deadline)) = &self.sync {
            at = at.min(*deadline);
        }
        at.max(now + 1)
    }
}

/// The serde tag of a reason, for counting rejections by kind.
fn variant_name<T: Serialize>(reason: &T) -> String {
    serde_json::to_value(reason)
        .ok()
        .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_string))
        .unwrap_or_else(|| "other".to_string())
}
