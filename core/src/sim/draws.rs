//! The draws a simulated network's nodes ask for ([`Output::Draw`], with
//! [`crate::node::NodeConfig::defer_draws_from`]). By default the network computes each at
//! once and answers it, so that a simulation of deferring nodes runs as one of synchronous
//! nodes does; with external draws it queues them (at most [`MAX_WAITING_DRAWS`]) for a driver
//! that computes them elsewhere, as the page's worker does, and feeds each answer to every
//! node that waits for it.

use super::{DrawRequest, SimNet};
use crate::chain::{compute_draw, remember_draw};
use crate::hash::Hash;
use crate::lottery::Ranking;
use crate::node::Input;
#[cfg(doc)]
use crate::node::Output;
use crate::wallet::Address;

/// Most draws a [`SimNet`] with external draws keeps waiting for the driver; beyond it the
/// oldest is forgotten.
pub const MAX_WAITING_DRAWS: usize = 1024;

impl SimNet {
    /// Sets [`crate::node::NodeConfig::defer_draws_from`] on every node, now and as they are
    /// added. Nodes that no longer defer a pending draw compute it when they next wake (at
    /// once).
    pub fn set_defer_draws_from(&mut self, n: Option<u64>) {
        self.defer_draws_from = Some(n);
        let now = self.now;
        for sim in &mut self.nodes {
            if sim.node.config().defer_draws_from != n {
                sim.node.set_defer_draws_from(n);
                sim.wake = sim.wake.min(now);
            }
        }
    }

    /// `false` (the default): the network answers every [`Output::Draw`] at once, computing
    /// it like a synchronous node. `true`: draws wait for the driver
    /// ([`SimNet::take_draw_requests`], [`SimNet::deliver_draw`]). Switching back answers
    /// every waiting draw now.
    pub fn set_external_draws(&mut self, external: bool) {
        self.lend(|net| net.set_external_draws_here(external));
    }

    fn set_external_draws_here(&mut self, external: bool) {
        self.external_draws = external;
        if external {
            return;
        }
        for (draw, _) in self.draws_waiting.clone() {
            let ranking = compute_draw(&draw.stakers, &draw.seed);
            self.draws_computed += 1;
            self.deliver_draw(draw.seed, draw.stakers, ranking);
        }
    }

    /// How the nodes draw: the [`crate::node::NodeConfig::defer_draws_from`] last set for
    /// every node ([`SimNet::set_defer_draws_from`]), and whether deferred draws wait for the
    /// driver ([`SimNet::set_external_draws`]).
    pub fn draw_settings(&self) -> (Option<u64>, bool) {
        (self.defer_draws_from.flatten(), self.external_draws)
    }

    /// Draws asked by the nodes since the last call, each once however many nodes asked, in
    /// the order first asked (external draws only: [`SimNet::set_external_draws`]).
    pub fn take_draw_requests(&mut self) -> Vec<DrawRequest> {
        let fresh = self.draws_waiting[self.draws_taken..]
            .iter()
            .map(|(d, _)| d.clone())
            .collect();
        self.draws_taken = self.draws_waiting.len();
        fresh
    }

    /// How many draws the network computed itself, answering its nodes (not external ones).
    pub fn draws_computed(&self) -> u64 {
        self.draws_computed
    }

    /// Draws asked and not delivered yet (taken or not).
    pub fn pending_draws(&self) -> Vec<DrawRequest> {
        self.draws_waiting.iter().map(|(d, _)| d.clone()).collect()
    }

    /// Delivers a draw computed by the driver: `ranking` must be
    /// [`crate::chain::compute_draw`]`(&stakers, &seed)` (it is trusted). Remembers it for
    /// every node of this thread, then feeds [`Input::DrawDone`] to every running node that
    /// waits for it and routes what they answer. Returns how many nodes it fed (a draw that
    /// nobody waits for is only remembered). Crashed nodes are skipped: on
    /// [`SimNet::restart`] they ask again for what their thread no longer remembers.
    pub fn deliver_draw(
        &mut self,
        seed: Hash,
        stakers: Vec<(Address, u64)>,
        ranking: Option<Ranking>,
    ) -> usize {
        self.lend(|net| net.deliver_draw_here(seed, stakers, ranking))
    }

    fn deliver_draw_here(
        &mut self,
        seed: Hash,
        stakers: Vec<(Address, u64)>,
        ranking: Option<Ranking>,
    ) -> usize {
        remember_draw(&stakers, &seed, ranking.clone());
        let draw = DrawRequest { seed, stakers };
        let Some(at) = self.draws_waiting.iter().position(|(d, _)| *d == draw) else {
            return 0;
        };
        let (draw, nodes) = self.draws_waiting.remove(at);
        if at < self.draws_taken {
            self.draws_taken -= 1;
        }
        let mut fed = 0;
        for i in nodes {
            if self.nodes.get(i).is_none_or(|n| n.crashed) {
                continue; // It asks again if it still needs the draw (see `restart`).
            }
            fed += 1;
            let input = Input::DrawDone {
                seed: draw.seed,
                stakers: draw.stakers.clone(),
                ranking: ranking.clone(),
            };
            let outputs = self.nodes[i].node.handle(self.now, input);
            self.route(i, outputs);
        }
        fed
    }
}
