//! Big draws off the main thread. Each block's lottery walks every staked token, so with a
//! million staked tokens the in-tab nodes would freeze the page for half a second per block.
//! Instead they defer draws of [`DEFER_DRAWS_FROM`] lots or more
//! (`NodeConfig::defer_draws_from`): the core asks for them as values
//! (`SimNet::take_draw_requests`), this module sends each to a Web Worker running the same
//! core (the page's own module, [`crate::edge::worker::spawn`]), and hands the ranking back
//! (`Playground::deliver_draw`). The page stays responsive meanwhile; the nodes simply wait
//! before forging on that tip.
//!
//! When the worker cannot run (no Web Worker, no wasm SIMD), the network computes its draws
//! itself on the page's thread, as it did before.

use crate::edge::clock::now_ms;
use crate::edge::worker::Port;
use crate::logic::model::{Playground, Step};
use crate::logic::worker_protocol::{WorkerReply, WorkerRequest};
use pos_core::chain::DrawRequest;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Draws of at least this many lots leave the page's thread (about 10 ms of hashing there).
pub const DEFER_DRAWS_FROM: u64 = 20_000;

/// The worker that computes the in-tab nodes' big draws.
pub struct DrawWorker {
    /// Opened with the first big draw; closed (and kept until dropped) when it failed.
    port: Option<Port>,
    /// Draws sent and not answered yet.
    in_flight: Vec<DrawRequest>,
    next_id: u64,
    failed: Option<String>,
    model: Weak<RefCell<Playground>>,
    route: Rc<dyn Fn(Step)>,
    this: Weak<RefCell<DrawWorker>>,
}

impl DrawWorker {
    /// A draw worker for `model`; `route` carries out the [`Step`] of the network an answer
    /// moved on. The worker itself starts with the first big draw.
    pub fn new(
        model: &Rc<RefCell<Playground>>,
        route: Rc<dyn Fn(Step)>,
    ) -> Rc<RefCell<DrawWorker>> {
        Rc::new_cyclic(|this| {
            RefCell::new(DrawWorker {
                port: None,
                in_flight: Vec::new(),
                next_id: 0,
                failed: None,
                model: Rc::downgrade(model),
                route,
                this: this.clone(),
            })
        })
    }

    /// Why the worker could not run, if it could not.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// Draws being computed in the worker.
    pub fn in_flight(&self) -> &[DrawRequest] {
        &self.in_flight
    }

    /// Before every step of the network: keeps its nodes deferring big draws to the worker
    /// (or, once it failed, lets the network draw by itself). What drawing here moved on is
    /// the returned step.
    pub fn configure(&mut self, m: &mut Playground) -> Step {
        let external = self.failed.is_none();
        let net = m.net_mut();
        net.set_defer_draws_from(Some(DEFER_DRAWS_FROM));
        net.set_external_draws(external);
        if external {
            // A draw whose step was never routed (the worker was busy then) goes now.
            let lost: Vec<DrawRequest> = m
                .net()
                .pending_draws()
                .into_iter()
                .filter(|d| !self.in_flight.contains(d))
                .collect();
            return self.send_all(lost);
        }
        // Anything still waiting from before the worker failed: draw it here.
        let waiting = m.net().pending_draws();
        draw_here(m, waiting)
    }

    /// Sends a step's draws to the worker (each once). Should the worker fail, they are
    /// drawn on the page's thread instead, and the step of that is returned.
    pub fn send_all(&mut self, draws: Vec<DrawRequest>) -> Step {
        let mut step = Step::default();
        for draw in draws {
            if !self.in_flight.contains(&draw) {
                step = step.then(self.send(draw));
            }
        }
        step
    }

    fn send(&mut self, draw: DrawRequest) -> Step {
        if self.port.is_none() {
            let opened = Port::open_for(self.this.clone(), Self::on_event);
            match opened {
                Ok(port) => self.port = Some(port),
                Err(why) => {
                    // The network keeps the draw waiting; the next `configure` has it drawn.
                    self.failed = Some(why);
                    return Step::default();
                }
            }
        }
        self.next_id += 1;
        let request = WorkerRequest::Rank {
            id: self.next_id,
            draw: draw.clone(),
        };
        self.in_flight.push(draw);
        match self.port.as_ref().map(|p| p.send(&request)) {
            Some(Err(why)) => self.fail(why),
            _ => Step::default(),
        }
    }

    /// The worker is gone: draw what it was asked on the page's thread, and from now on let
    /// the network draw by itself.
    fn fail(&mut self, why: String) -> Step {
        if let Some(port) = &self.port {
            port.close();
        }
        self.failed = Some(why);
        let mut waiting = std::mem::take(&mut self.in_flight);
        let Some(model) = self.model.upgrade() else {
            return Step::default();
        };
        // Busy: the next `configure` draws what waits.
        let Ok(mut m) = model.try_borrow_mut() else {
            return Step::default();
        };
        waiting.extend(m.net().pending_draws());
        waiting.dedup();
        let step = draw_here(&mut m, waiting);
        m.net_mut().set_external_draws(false);
        step
    }

    /// The callback that routes `step` once this worker's borrow is released.
    fn then_route(&self, step: Step) -> Option<Rc<dyn Fn()>> {
        let route = self.route.clone();
        Some(Rc::new(move || route(step.clone())))
    }

    /// Handles a reply or a failure; returns the callback to run once the borrow is released.
    fn on_event(&mut self, event: Result<WorkerReply, String>) -> Option<Rc<dyn Fn()>> {
        match event {
            Ok(WorkerReply::Rank { draw, ranking, .. }) => {
                let at = self.in_flight.iter().position(|d| *d == draw)?;
                self.in_flight.remove(at);
                let model = self.model.upgrade()?;
                let mut m = model.try_borrow_mut().ok()?;
                let step = m.deliver_draw(draw, ranking, true, now_ms());
                self.then_route(step)
            }
            Ok(WorkerReply::Error { error }) | Err(error) => {
                let mut step = self.fail(error);
                step.changed = true;
                self.then_route(step)
            }
            Ok(_) => None,
        }
    }
}

/// Draws on the page's thread and hands the nodes each result; what that moved on.
fn draw_here(m: &mut Playground, draws: Vec<DrawRequest>) -> Step {
    let mut step = Step::default();
    for draw in draws {
        let ranking = pos_core::chain::compute_draw(&draw.stakers, &draw.seed);
        step = step.then(m.deliver_draw(draw, ranking, false, now_ms()));
    }
    step
}
