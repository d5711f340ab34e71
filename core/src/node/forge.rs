//! Slots and forging. The lottery's winner for the next height forges as soon as its pool
//! holds [`crate::node::NodeConfig::forge_threshold`] transactions (after
//! [`crate::node::NodeConfig::forge_delay_ms`]); a staker of rank `r` waits `r` slots
//! ([`SLOT_MS`] each) longer and never forges before the slot of its rank begins, so that the
//! chain goes on when the stakers ranked before it stay silent. No forging on a tip whose draw
//! is pending, nor above a class clock's limit ([`Node::set_forging`]).

use super::{Behaviour, Event, Node, Output};
use crate::block::Block;
use crate::chain::{slot_of, MAX_BLOCK_TXS, SLOT_MS};
use crate::message::Message;
use crate::tree::Inserted;
use crate::tx::Transaction;
use crate::wallet::Wallet;

impl Node {
    /// Whether this node won the draw for the next block (`false` while it is pending).
    pub fn is_next_forger(&self) -> bool {
        self.chain().next_forger() == Some(self.address())
    }

    /// This node's rank in the draw for the next block (`None` without stake, or while the
    /// draw is pending): it may forge from slot `rank` on.
    pub fn next_rank(&self) -> Option<u64> {
        self.chain().next_rank_of(&self.address())
    }

    /// When this node means to forge the next block (ms), if its pool is ready.
    pub fn forge_at(&self) -> Option<u64> {
        self.forge_at
    }

    /// Whether a block this node forged at `now` would be in its turn (`false` while the draw
    /// is pending: not yet).
    pub fn may_forge_at(&self, now: u64) -> bool {
        let tip = self.chain().tip();
        let slot = slot_of(tip.timestamp, now.max(tip.timestamp));
        self.next_rank().is_some_and(|rank| rank <= slot)
    }

    /// Changes [`crate::node::NodeConfig::forge_up_to`] and
    /// [`crate::node::NodeConfig::forge_delay_ms`] (a class's clock: paused, one step, its
    /// speed). The next [`Node::handle`] forges by them.
    pub fn set_forging(&mut self, up_to: Option<u64>, delay_ms: u64) {
        if (self.config.forge_up_to, self.config.forge_delay_ms) != (up_to, delay_ms) {
            self.config.forge_up_to = up_to;
            self.config.forge_delay_ms = delay_ms;
            self.forge_at = None;
        }
    }

    /// Whether [`crate::node::NodeConfig::forge_up_to`] lets this node forge on its tip.
    pub(super) fn forging_allowed(&self) -> bool {
        self.config
            .forge_up_to
            .is_none_or(|h| self.chain().tip().height < h)
    }

    /// Forges when the pool is ready and this node's slot has come: the winner after
    /// `forge_delay_ms`, rank `r` after `r` more slots of silence and never before its slot.
    pub(super) fn maybe_forge(&mut self, now: u64, out: &mut Vec<Output>) {
        // Not yet: the draw for the next block is the driver's to compute.
        self.forge_check_due = self.chain().draw_pending();
        if self.forge_check_due {
            self.forge_at = None;
            return;
        }
        // A double spender stays out of the chain: a block of its own would carry one spend
        // to both sides.
        let ready = self.pool.len() >= self.config.forge_threshold.max(1)
            && self.behaviour != Behaviour::DoubleSpend
            && self.forging_allowed();
        let Some(rank) = self.next_rank().filter(|_| ready) else {
            self.forge_at = None;
            return;
        };
        let wait = rank.saturating_mul(SLOT_MS);
        let slot_start = if rank == 0 {
            0
        } else {
            self.chain().tip().timestamp.saturating_add(wait)
        };
        let delay = self.config.forge_delay_ms;
        let at = *self
            .forge_at
            .get_or_insert_with(|| (now + delay).saturating_add(wait).max(slot_start));
        if at <= now {
            self.forge(now, out);
        }
    }

    /// A block on the tip, forged by `wallet` at `now`, with these transactions.
    pub(super) fn build_block(
        &self,
        wallet: &Wallet,
        now: u64,
        transactions: Vec<Transaction>,
    ) -> Block {
        let tip = self.chain().tip();
        Block::forge(
            wallet,
            tip.height + 1,
            self.chain().tip_hash(),
            now.max(tip.timestamp),
            transactions,
        )
    }

    pub(super) fn forge(&mut self, now: u64, out: &mut Vec<Output>) {
        let block = self.build_block(&self.wallet, now, self.pool.take(MAX_BLOCK_TXS));
        let height = block.height;
        let transactions = block.transactions.len();
        let twin = (self.behaviour == Behaviour::Equivocate).then(|| {
            // Different content, same parent, same forger: an empty twin, or one a ms later.
            let (txs, at) = if transactions > 0 {
                (Vec::new(), now)
            } else {
                (Vec::new(), now.max(block.timestamp) + 1)
            };
            self.build_block(&self.wallet, at, txs)
        });
        // The pool only holds transactions that apply in order on the tip, so this succeeds;
        // were it ever to fail, the chain is unchanged and nothing is broadcast.
        if !matches!(
            self.tree.insert(block.clone(), Some(now)),
            Ok(Inserted::Extended)
        ) {
            return;
        }
        let hash = block.hash();
        let chain = self.chain();
        let draw = chain.draw_at(height);
        let (rank, slot) = (
            chain.rank_at(height).unwrap_or(0),
            chain.slot_at(height).unwrap_or(0),
        );
        self.after_chain_change(out);
        match twin {
            Some(twin) => {
                let twin_hash = twin.hash();
                // Fork choice may prefer the twin (a lower hash): the node then reorganises
                // onto it, and the pool takes back what the abandoned block held.
                if let Ok(Inserted::Reorg(reorg)) = self.tree.insert(twin.clone(), Some(now + 1)) {
                    self.after_reorg(hash, vec![reorg], out);
                }
                let (a, b) = self.halves();
                if b.is_empty() {
                    self.broadcast(Message::Block { block }, out);
                    self.broadcast(Message::Block { block: twin }, out);
                } else {
                    self.send_each(&a, Message::Block { block }, out);
                    self.send_each(&b, Message::Block { block: twin }, out);
                }
                out.push(Output::Event(Event::Misbehaved {
                    behaviour: self.behaviour,
                    height,
                    ids: vec![hash, twin_hash],
                }));
            }
            None => self.broadcast(Message::Block { block }, out),
        }
        if let Some(draw) = draw {
            out.push(Output::Event(Event::BlockForged {
                height,
                hash,
                transactions,
                draw,
                rank,
                slot,
            }));
        }
    }
}
