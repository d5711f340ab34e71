//! Chain sync, in pages. A block on an unknown parent, a status from a peer that is ahead, or
//! one at our height naming a tip we do not know makes the node ask that peer for its chain
//! ([`Message::ChainRequest`] with a locator). The answer is one page of the canonical chain
//! after the fork point, at most [`MAX_PAGES_PER_WINDOW`] per peer and [`SYNC_WINDOW_MS`]. A
//! page's blocks go through the block tree one by one like any other (a [`ChainSync`] carries
//! them, across deferred draws if need be), and the node asks again after each page while the
//! peer announced more.

#[cfg(doc)]
use super::NodeConfig;
use super::{Behaviour, Event, Node, Output, PeerId, MAX_PEERS};
use crate::block::{Block, Genesis};
use crate::chain::{BlockError, ChainError, DrawRequest};
use crate::hash::Hash;
use crate::message::{page, Message, MAX_LOCATOR};
use crate::tree::{Inserted, Reorg};
use std::collections::VecDeque;

/// Chain pages a node sends one peer per [`SYNC_WINDOW_MS`]; more requests in the window
/// are dropped (the asker asks again after [`NodeConfig::sync_timeout_ms`]).
pub const MAX_PAGES_PER_WINDOW: u32 = 8;

/// The window of [`MAX_PAGES_PER_WINDOW`] (ms).
pub const SYNC_WINDOW_MS: u64 = 1_000;

/// A chain from a peer being inserted block by block, possibly across deferred draws.
#[derive(Debug, Clone)]
pub(super) struct ChainSync {
    from: PeerId,
    old_height: u64,
    old_tip: Hash,
    reorgs: Vec<Reorg>,
    added: Vec<Hash>,
    /// The blocks still to insert, in order.
    pub(super) rest: VecDeque<Block>,
    /// The draw the first of `rest` waits for.
    pub(super) waits: Option<DrawRequest>,
}

impl Node {
    /// How many peers have a page window open (at most [`MAX_PEERS`]).
    pub fn sync_windows(&self) -> usize {
        self.served.len()
    }

    /// The peer this node waits on for a chain page, if any.
    pub fn syncing_from(&self) -> Option<&PeerId> {
        self.sync.as_ref().map(|(p, _)| p)
    }

    pub(super) fn request_chain(&mut self, now: u64, from: PeerId, out: &mut Vec<Output>) {
        if self.held_chain.is_some() {
            return; // Still inserting a chain: it waits for a draw.
        }
        if self
            .sync
            .as_ref()
            .is_some_and(|(_, deadline)| *deadline > now)
        {
            return; // One request at a time.
        }
        self.sync = Some((from.clone(), now + self.config.sync_timeout_ms));
        let locator = self.locator(&from);
        out.push(Output::Send {
            to: from,
            bytes: self.envelope(Message::ChainRequest {
                height: self.chain().height(),
                locator,
            }),
        });
    }

    /// The locator of a chain request to `peer` (see [`Message::ChainRequest`]): the last
    /// block a page from it brought, then the canonical tip and the blocks 1, 2, 4, … below.
    fn locator(&self, peer: &PeerId) -> Vec<Hash> {
        let mut locator = Vec::new();
        if let Some((p, h)) = &self.sync_cursor {
            if p == peer && self.tree.contains(h) {
                locator.push(*h);
            }
        }
        let chain = self.chain();
        let tip = chain.height();
        let mut back = 0u64;
        loop {
            let h = tip.saturating_sub(back);
            locator.extend(chain.hash_at(h));
            if h == 0 {
                break;
            }
            back = if back == 0 { 1 } else { back.saturating_mul(2) };
        }
        locator
    }

    /// Answers a chain request with one page of the canonical chain after the fork point
    /// (see [`Message::ChainRequest`]), at most [`MAX_PAGES_PER_WINDOW`] pages per peer and
    /// [`SYNC_WINDOW_MS`].
    pub(super) fn answer_chain_request(
        &mut self,
        now: u64,
        from: PeerId,
        height: u64,
        locator: &[Hash],
        out: &mut Vec<Output>,
    ) {
        if self.behaviour == Behaviour::DoubleSpend {
            return;
        }
        let tampered = self.behaviour == Behaviour::TamperedChain;
        if !tampered && self.chain().height() < height {
            return; // Behind the asker: our chain cannot win.
        }
        let chain = self.chain();
        let fork = locator
            .iter()
            .take(MAX_LOCATOR)
            .find_map(|h| chain.height_of(h))
            .unwrap_or(0);
        if !tampered && fork >= chain.height() {
            return; // The asker holds our tip.
        }
        if !self.take_page_slot(now, &from) {
            return self.count("sync:rateLimited");
        }
        let start = usize::try_from(fork).map_or(usize::MAX, |f| f.saturating_add(1));
        let blocks = if tampered {
            let all = self.tampered_chain(now, out);
            page(all.iter().skip(start))
        } else {
            page(self.chain().blocks().skip(start))
        };
        let body = Message::Chain {
            genesis: self.chain().genesis().clone(),
            blocks,
        };
        out.push(Output::Send {
            to: from,
            bytes: self.envelope(body),
        });
    }

    /// Takes one of `peer`'s pages in its window, if any is left.
    fn take_page_slot(&mut self, now: u64, peer: &PeerId) -> bool {
        if !self.served.contains_key(peer) && self.served.len() >= MAX_PEERS {
            self.served
                .retain(|_, (start, _)| start.saturating_add(SYNC_WINDOW_MS) > now);
            if self.served.len() >= MAX_PEERS {
                return false;
            }
        }
        let (start, pages) = self.served.get_or_insert_with(peer.clone(), || (now, 0));
        if start.saturating_add(SYNC_WINDOW_MS) <= now {
            *start = now;
            *pages = 0;
        }
        if *pages >= MAX_PAGES_PER_WINDOW {
            return false;
        }
        *pages += 1;
        true
    }

    pub(super) fn receive_chain(
        &mut self,
        now: u64,
        from: PeerId,
        genesis: Genesis,
        blocks: Vec<Block>,
        out: &mut Vec<Output>,
    ) {
        let solicited = self.sync.as_ref().is_some_and(|(p, _)| *p == from);
        if solicited {
            self.sync = None;
        }
        let old_height = self.chain().height();
        let old_tip = self.chain().tip_hash();
        let Some(last) = blocks.last() else { return };
        // A page we did not ask for that ends below us cannot win fork choice; one whose
        // last block we hold brings nothing new.
        if (!solicited && last.height < old_height) || self.tree.contains(&last.hash()) {
            return;
        }
        // Unasked, a page must start at genesis or on a block we hold: any other is dropped
        // before a single check (a late page of a sync that timed out is asked for again).
        let first = &blocks[0];
        if !solicited && first.height > 0 && !self.tree.contains(&first.prev_hash) {
            return self.count("chain:unsolicited");
        }
        let refused = if genesis != *self.chain().genesis() {
            Some(ChainError::OtherNetwork)
        } else if blocks[0].height == 0 && blocks[0] != genesis.block() {
            Some(ChainError::BadGenesis)
        } else {
            None
        };
        if let Some(reason) = refused {
            self.count(&format!("chain:{}", reason.key()));
            out.push(Output::Event(Event::ChainRejected {
                from: from.clone(),
                reason,
            }));
            return self.strike(now, &from, out);
        }
        // A chain still waiting for a draw is settled as far as it got: this one supersedes it.
        if let Some(held) = self.held_chain.take() {
            // Its pool work was done when it was held.
            let tip = self.chain().tip_hash();
            self.finish_chain(now, tip, held, out);
        }
        let sync = ChainSync {
            from,
            old_height,
            old_tip,
            reorgs: Vec::new(),
            added: Vec::new(),
            rest: blocks.into_iter().collect(),
            waits: None,
        };
        self.continue_chain(now, sync, out);
    }

    /// Inserts a chain's blocks in order until one waits for a deferred draw (the chain is
    /// then held) or none is left (the chain is then settled). Either way the pool is brought
    /// onto the tip the blocks inserted so far made: a held chain may wait long for its draw,
    /// and meanwhile transactions are judged on the pool's pending state.
    pub(super) fn continue_chain(&mut self, now: u64, mut sync: ChainSync, out: &mut Vec<Output>) {
        sync.waits = None;
        // The pool fits the tip at every input's end, so this is where it stands now.
        let before = self.chain().tip_hash();
        while let Some(b) = sync.rest.pop_front() {
            let height = b.height;
            let hash = b.hash();
            match self.tree.insert(b.clone(), Some(now)) {
                Ok(Inserted::Known) => continue,
                Ok(Inserted::Reorg(r)) => sync.reorgs.push(r),
                Ok(_) => {}
                Err(BlockError::DrawPending { seed }) => {
                    let Some(waits) = self.tree.draw_after(&seed) else {
                        break; // Cannot happen: the tree holds the parent.
                    };
                    sync.rest.push_front(b);
                    sync.waits = Some(waits);
                    let reorgs = std::mem::take(&mut sync.reorgs);
                    self.held_chain = Some(sync);
                    return self.pool_onto_tip(before, reorgs, out);
                }
                Err(reason) => {
                    let offence = Node::is_offence(&reason);
                    let reason = ChainError::Block { height, reason };
                    self.count(&format!("chain:{}", reason.key()));
                    out.push(Output::Event(Event::ChainRejected {
                        from: sync.from.clone(),
                        reason,
                    }));
                    if offence {
                        let from = sync.from.clone();
                        self.strike(now, &from, out);
                    }
                    // Nothing more from this page, and no next page.
                    sync.added.clear();
                    sync.rest.clear();
                    return self.finish_chain(now, before, sync, out);
                }
            }
            sync.added.push(hash);
        }
        self.finish_chain(now, before, sync, out);
    }

    /// Brings the pool from the tip `before` onto the current tip after blocks were inserted
    /// (`reorgs`: the reorganisations among them, whose abandoned transactions come back).
    fn pool_onto_tip(&mut self, before: Hash, reorgs: Vec<Reorg>, out: &mut Vec<Output>) {
        if !reorgs.is_empty() {
            self.after_reorg(before, reorgs, out);
        } else if self.chain().tip_hash() != before {
            self.after_chain_change(out);
        }
    }

    /// What follows a chain page's insertion: equivocation, the pool (from the tip `before`
    /// the last insertion began; the part inserted before the chain was held is already in),
    /// events, and the next page when the page brought blocks and its sender announced more.
    fn finish_chain(&mut self, now: u64, before: Hash, sync: ChainSync, out: &mut Vec<Output>) {
        let ChainSync {
            from,
            old_height,
            old_tip,
            reorgs,
            added,
            ..
        } = sync;
        for hash in &added {
            self.check_equivocation(hash, out);
        }
        if let Some(last) = added.last().and_then(|h| self.tree.block(h)) {
            let reached = last.height;
            self.sync_cursor = Some((from.clone(), *last_hash(&added)));
            let more = self.peers.get(&from).is_some_and(|p| p.height > reached);
            if more && self.held_chain.is_none() {
                self.sync = None;
                self.request_chain(now, from.clone(), out);
            }
        }
        if self.chain().tip_hash() != old_tip {
            out.push(Output::Event(Event::ChainReplaced {
                from,
                old_height,
                new_height: self.chain().height(),
            }));
        }
        self.pool_onto_tip(before, reorgs, out);
    }
}

/// The last of a non-empty list of hashes (the caller checked it is not empty).
fn last_hash(hashes: &[Hash]) -> &Hash {
    &hashes[hashes.len() - 1]
}
