//! Blocks from peers. Every valid block goes into the block tree, on the canonical chain or on
//! a side branch, and is relayed once. When the tip changes the pool follows it; when a side
//! branch wins fork choice the node reorganises and the abandoned blocks' transactions that
//! the new chain lacks go back into the pool. Two blocks of one forger on one parent are
//! equivocation: both are kept and the [`Evidence`] is recorded (at most [`MAX_EVIDENCE`]). A
//! block that waits for a deferred draw is held (see `draws.rs`); one on an unknown parent
//! makes the node ask for the chain (see `sync.rs`).

use super::draws::precheck_on_held;
use super::{Event, Node, Output, PeerId};
use crate::block::Block;
use crate::chain::BlockError;
use crate::hash::Hash;
use crate::message::Message;
use crate::tree::{Inserted, Reorg};
use crate::tx::Transaction;
use crate::wallet::Address;
use serde::{Deserialize, Serialize};

/// Evidence of equivocation: blocks from one forger on one parent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// The forger.
    pub forger: Address,
    /// The height of the blocks.
    pub height: u64,
    /// The blocks, in hash order.
    pub hashes: Vec<Hash>,
}

/// Most pieces of [`Evidence`] a node keeps (the oldest go first).
pub const MAX_EVIDENCE: usize = 64;

impl Node {
    /// Equivocation this node has seen, oldest first (at most [`MAX_EVIDENCE`]).
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    pub(super) fn receive_block(
        &mut self,
        now: u64,
        from: PeerId,
        block: Block,
        out: &mut Vec<Output>,
    ) {
        let height = block.height;
        let forger = block.forger;
        let old_tip = self.chain().tip_hash();
        match self.tree.insert(block.clone(), Some(now)) {
            Ok(Inserted::Known) => {}
            Ok(inserted) => {
                let hash = block.hash();
                self.relay(Message::Block { block }, out);
                match inserted {
                    Inserted::Side => out.push(Output::Event(Event::SideBlock {
                        height,
                        hash,
                        forger,
                        from: from.clone(),
                    })),
                    Inserted::Reorg(reorg) => self.after_reorg(old_tip, vec![reorg], out),
                    _ => self.after_chain_change(out),
                }
                if self.chain().tip_hash() == hash {
                    let chain = self.chain();
                    if let Some(draw) = chain.draw_at(height) {
                        out.push(Output::Event(Event::BlockAccepted {
                            height,
                            hash,
                            forger,
                            from,
                            draw,
                            rank: chain.rank_at(height).unwrap_or(0),
                            slot: chain.slot_at(height).unwrap_or(0),
                        }));
                    }
                }
                self.check_equivocation(&hash, out);
            }
            // Its check needs a draw the driver has not delivered: hold it until then.
            Err(BlockError::DrawPending { seed }) => {
                if let Some(waits) = self.tree.draw_after(&seed) {
                    self.hold(from, block, waits);
                }
            }
            Err(BlockError::UnknownParent) => {
                match self.held.iter().find(|h| h.hash == block.prev_hash) {
                    // Its parent is held: it waits with it, if it passes what can be checked
                    // without the parent's state.
                    Some(parent) => match precheck_on_held(&parent.block, &block, now) {
                        Ok(()) => {
                            let waits = parent.waits.clone();
                            self.hold(from, block, waits);
                        }
                        Err(reason) => self.reject_block(now, height, from, reason, out),
                    },
                    // Another history: compare whole chains.
                    None => self.request_chain(now, from, out),
                }
            }
            Err(reason) => self.reject_block(now, height, from, reason, out),
        }
    }

    /// Counts and reports a refused block, and strikes its sender when the block is its
    /// fault.
    fn reject_block(
        &mut self,
        now: u64,
        height: u64,
        from: PeerId,
        reason: BlockError,
        out: &mut Vec<Output>,
    ) {
        self.count(&format!("block:{}", reason.key()));
        let offence = Node::is_offence(&reason);
        out.push(Output::Event(Event::BlockRejected {
            height,
            from: from.clone(),
            reason,
        }));
        if offence {
            self.strike(now, &from, out);
        }
    }

    /// Records and reports equivocation if the tree holds twins of block `hash`.
    pub(super) fn check_equivocation(&mut self, hash: &Hash, out: &mut Vec<Output>) {
        let twins = self.tree.twins_of(hash);
        let Some(block) = self.tree.block(hash).filter(|_| !twins.is_empty()) else {
            return;
        };
        let (forger, height) = (block.forger, block.height);
        let mut hashes = twins;
        hashes.push(*hash);
        crate::sorting::sort(&mut hashes);
        self.count("block:equivocation");
        self.evidence
            .retain(|e| !(e.forger == forger && e.height == height));
        self.evidence.push(Evidence {
            forger,
            height,
            hashes: hashes.clone(),
        });
        if self.evidence.len() > MAX_EVIDENCE {
            self.evidence.remove(0);
        }
        out.push(Output::Event(Event::Equivocation {
            forger,
            height,
            hashes,
        }));
    }

    pub(super) fn after_chain_change(&mut self, out: &mut Vec<Output>) {
        for (id, reason) in self.pool.revalidate(self.tree.chain()) {
            out.push(Output::Event(Event::TxDropped { id, reason }));
        }
        self.forge_at = None;
        self.promote_parked(out);
    }

    /// After one or more reorgs since the tip was `old_tip`: the abandoned blocks' transactions
    /// that the new chain lacks go back into the pool, re-checked.
    pub(super) fn after_reorg(&mut self, old_tip: Hash, reorgs: Vec<Reorg>, out: &mut Vec<Output>) {
        let chain = self.tree.chain();
        let abandoned: Vec<&Block> = reorgs
            .iter()
            .flat_map(|r| r.abandoned.iter())
            .filter(|b| chain.height_of(&b.hash()).is_none())
            .collect();
        let depth = abandoned.len() as u64;
        let returned: Vec<Transaction> = abandoned
            .iter()
            .flat_map(|b| b.transactions.iter())
            .filter(|t| !chain.contains_tx(&t.id()))
            .cloned()
            .collect();
        let ids: Vec<Hash> = returned.iter().map(Transaction::id).collect();
        let dropped = self.pool.restore(returned, self.tree.chain());
        let returned_txs = ids
            .into_iter()
            .filter(|id| self.pool.contains(id))
            .collect();
        out.push(Output::Event(Event::Reorg {
            old_tip,
            new_tip: self.chain().tip_hash(),
            depth,
            returned_txs,
        }));
        for (id, reason) in dropped {
            out.push(Output::Event(Event::TxDropped { id, reason }));
        }
        self.forge_at = None;
        self.promote_parked(out);
    }
}
