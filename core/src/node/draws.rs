//! Deferred draws and held blocks. With [`crate::node::NodeConfig::defer_draws_from`], a big
//! draw that the thread does not remember is the driver's to compute: the node asks for it
//! ([`crate::node::Output::Draw`], once while it is outstanding, at most
//! [`MAX_REQUESTED_DRAWS`]) and goes on without it. A block whose check needs a pending draw is
//! held (at most [`MAX_HELD_BLOCKS`], the oldest dropped), as are its children and the rest of
//! a chain being synced. When the draw arrives ([`crate::node::Input::DrawDone`], or found in
//! the thread's memo at the next input) the held blocks go in, in order.

#[cfg(doc)]
use super::NodeConfig;
use super::{Node, Output, PeerId};
use crate::block::Block;
use crate::chain::{draw_ready, remember_draw, BlockError, DrawRequest, MAX_BLOCK_TXS};
use crate::hash::Hash;
use crate::lottery::Ranking;

/// A block held until the draw its check needs arrives.
#[derive(Debug, Clone)]
pub(super) struct Held {
    from: PeerId,
    pub(super) hash: Hash,
    pub(super) block: Block,
    /// The draw it waits for (its parent's, or its held parent's).
    pub(super) waits: DrawRequest,
}

/// Most blocks held for deferred draws; beyond it the oldest is dropped.
pub const MAX_HELD_BLOCKS: usize = 64;

/// Most draws asked of the driver and not answered; beyond it the oldest is forgotten (and
/// asked again if still needed).
pub const MAX_REQUESTED_DRAWS: usize = 256;

impl Node {
    /// Changes [`NodeConfig::defer_draws_from`]. Draws that are no longer deferred are
    /// computed at the next [`Node::handle`].
    pub fn set_defer_draws_from(&mut self, n: Option<u64>) {
        self.config.defer_draws_from = n;
        self.tree.set_defer_draws_from(n);
    }

    /// The draws asked of the driver and not answered yet, oldest first.
    pub fn requested_draws(&self) -> impl Iterator<Item = &DrawRequest> {
        self.requested.iter()
    }

    /// Forgets which draws were asked, so that the node asks again for those it still needs
    /// (a driver that lost its requests, or a node restarted after a crash).
    pub fn forget_draw_requests(&mut self) {
        self.requested.clear();
    }

    /// How many blocks from peers are held for deferred draws (at most
    /// [`MAX_HELD_BLOCKS`]), not counting a held chain ([`Node::held_chain_len`]).
    pub fn held_blocks(&self) -> usize {
        self.held.len()
    }

    /// How many blocks of a chain from a peer wait for a deferred draw (0: none).
    pub fn held_chain_len(&self) -> usize {
        self.held_chain.as_ref().map_or(0, |c| c.rest.len())
    }

    /// Whether anything waits for a deferred draw: the next block's draw, held blocks or a
    /// held chain.
    pub fn awaits_draw(&self) -> bool {
        self.chain().draw_pending() || !self.held.is_empty() || self.held_chain.is_some()
    }

    /// An answer from the driver: remembered and used if this node asked for it.
    pub(super) fn draw_done(
        &mut self,
        now: u64,
        draw: DrawRequest,
        ranking: Option<Ranking>,
        out: &mut Vec<Output>,
    ) {
        let Some(i) = self.requested.iter().position(|r| *r == draw) else {
            return; // Not asked (or already found in the thread's memo): ignored.
        };
        self.requested.remove(i);
        remember_draw(&draw.stakers, &draw.seed, ranking.clone());
        self.tree.fill_next(&draw.seed, &draw.stakers, &ranking);
        self.retry_held(now, out);
    }

    /// Picks up draws that became known without an answer to this node (another node of the
    /// thread was answered, or deferral was switched off) and lets in what waited for them.
    pub(super) fn resume(&mut self, now: u64, out: &mut Vec<Output>) {
        if self.requested.is_empty() && !self.awaits_draw() {
            return;
        }
        self.tree.resolve_next();
        let defer = self.config.defer_draws_from;
        self.requested
            .retain(|r| !draw_ready(&r.stakers, &r.seed, defer));
        self.retry_held(now, out);
    }

    /// Inserts the held chain and the held blocks whose draw is now known, in order.
    fn retry_held(&mut self, now: u64, out: &mut Vec<Output>) {
        let defer = self.config.defer_draws_from;
        let ready = |r: &DrawRequest| draw_ready(&r.stakers, &r.seed, defer);
        let mut progressed = false;
        if let Some(sync) = self.held_chain.take() {
            if sync.waits.as_ref().is_none_or(ready) {
                progressed = true;
                self.continue_chain(now, sync, out);
            } else {
                self.held_chain = Some(sync);
            }
        }
        if self.held.iter().any(|h| ready(&h.waits)) {
            progressed = true;
            // Parents before children: a child held with its parent follows it.
            for h in std::mem::take(&mut self.held) {
                if ready(&h.waits) {
                    self.receive_block(now, h.from, h.block, out);
                } else {
                    self.held.push_back(h);
                }
            }
        }
        if progressed {
            self.forge_check_due = true;
        }
    }

    /// Holds a block from a peer until the draw `waits` is known; the oldest held block goes
    /// when there are [`MAX_HELD_BLOCKS`].
    pub(super) fn hold(&mut self, from: PeerId, block: Block, waits: DrawRequest) {
        let hash = block.hash();
        if self.held.iter().any(|h| h.hash == hash) {
            return; // The same block relayed by another peer.
        }
        if self.held.len() >= MAX_HELD_BLOCKS {
            self.held.pop_front();
            self.count("block:heldOverflow");
        }
        self.held.push_back(Held {
            from,
            hash,
            block,
            waits,
        });
    }

    /// Asks the driver, once each, for the draws this node waits for.
    pub(super) fn ask_draws(&mut self, out: &mut Vec<Output>) {
        if !self.awaits_draw() {
            return;
        }
        let tip = self.chain().pending_draw();
        let chain = self.held_chain.as_ref().and_then(|c| c.waits.as_ref());
        let held = self.held.iter().map(|h| &h.waits);
        let mut needed: Vec<DrawRequest> = Vec::new();
        for draw in tip.iter().chain(chain).chain(held) {
            if !self.requested.contains(draw) && !needed.contains(draw) {
                needed.push(draw.clone());
            }
        }
        for draw in needed {
            if self.requested.len() >= MAX_REQUESTED_DRAWS {
                self.requested.pop_front();
            }
            out.push(Output::Draw {
                seed: draw.seed,
                stakers: draw.stakers.clone(),
            });
            self.requested.push_back(draw);
        }
    }
}

/// What can be checked of `block` on a parent that is itself held for a draw (its state is
/// not known yet): height, timestamp, size and the forger's signature. A block that fails
/// is refused before it takes a place among the held blocks or makes the node ask for a draw.
pub(super) fn precheck_on_held(parent: &Block, block: &Block, now: u64) -> Result<(), BlockError> {
    let expected = parent.height.saturating_add(1);
    if block.height != expected {
        return Err(BlockError::WrongHeight {
            expected,
            got: block.height,
        });
    }
    if block.timestamp < parent.timestamp {
        return Err(BlockError::TimestampBeforeParent);
    }
    if block.timestamp > now.saturating_add(crate::chain::MAX_FUTURE_MS) {
        return Err(BlockError::FromTheFuture {
            timestamp: block.timestamp,
            now,
        });
    }
    if block.transactions.len() > MAX_BLOCK_TXS {
        return Err(BlockError::TooManyTransactions);
    }
    if !block.signature_valid() {
        return Err(BlockError::BadSignature);
    }
    Ok(())
}
