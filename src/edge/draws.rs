//! Big draws off the main thread. Each block's lottery walks every staked token, so with a
//! million staked tokens the in-tab nodes would freeze the page for half a second per block.
//! Instead they defer draws of [`DEFER_DRAWS_FROM`] lots or more
//! (`NodeConfig::defer_draws_from`): the core asks for them as values
//! (`SimNet::take_draw_requests`), this module sends each to a Web Worker running the same
//! core (the page's own module, [`crate::edge::worker::spawn`]), and hands the ranking to the
//! router, which records it in the tab's history and gives it to the nodes
//! (`Playground::deliver_draw`). The page stays responsive meanwhile; the nodes simply wait
//! before forging on that tip.
//!
//! When the worker cannot run (no Web Worker, no wasm SIMD), the network computes its draws
//! itself on the page's thread, as it did before.

use crate::edge::worker::Port;
use crate::logic::worker_protocol::{WorkerReply, WorkerRequest};
use pos_core::chain::DrawRequest;
use pos_core::Ranking;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Draws of at least this many lots leave the page's thread (about 10 ms of hashing there).
pub const DEFER_DRAWS_FROM: u64 = 20_000;

/// What the worker said about a draw, for the router.
pub enum Answered {
    /// A draw's ranking.
    Ranked(Box<(DrawRequest, Option<Ranking>)>),
    /// The worker is gone: from now on the network draws by itself.
    Failed,
}

/// The worker that computes the in-tab nodes' big draws.
pub struct DrawWorker {
    /// Opened with the first big draw; closed (and kept until dropped) when it failed.
    port: Option<Port>,
    /// Draws sent and not answered yet.
    in_flight: Vec<DrawRequest>,
    next_id: u64,
    failed: Option<String>,
    answered: Rc<dyn Fn(Answered)>,
    this: Weak<RefCell<DrawWorker>>,
}

impl DrawWorker {
    /// A draw worker whose answers go to `answered` (once this worker's borrow is released).
    /// The worker itself starts with the first big draw.
    pub fn new(answered: Rc<dyn Fn(Answered)>) -> Rc<RefCell<DrawWorker>> {
        Rc::new_cyclic(|this| {
            RefCell::new(DrawWorker {
                port: None,
                in_flight: Vec::new(),
                next_id: 0,
                failed: None,
                answered,
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

    /// How the nodes should draw: big draws deferred, and left to this worker while it runs
    /// (`true`), else drawn by the network itself.
    pub fn settings(&self) -> (Option<u64>, bool) {
        (Some(DEFER_DRAWS_FROM), self.failed.is_none())
    }

    /// Sends draws to the worker (each once). Should the worker fail, the next settings say
    /// so, and the network draws what waits.
    pub fn send_all(&mut self, draws: Vec<DrawRequest>) {
        for draw in draws {
            if !self.in_flight.contains(&draw) && self.failed.is_none() {
                self.send(draw);
            }
        }
    }

    fn send(&mut self, draw: DrawRequest) {
        if self.port.is_none() {
            match Port::open_for(self.this.clone(), Self::on_event) {
                Ok(port) => self.port = Some(port),
                Err(why) => {
                    self.failed = Some(why);
                    return;
                }
            }
        }
        self.next_id += 1;
        let request = WorkerRequest::Rank {
            id: self.next_id,
            draw: draw.clone(),
        };
        self.in_flight.push(draw);
        if let Some(Err(why)) = self.port.as_ref().map(|p| p.send(&request)) {
            self.fail(why);
        }
    }

    /// The worker is gone: from now on the network draws by itself (the router's next
    /// settings), including what was sent here.
    fn fail(&mut self, why: String) {
        if let Some(port) = &self.port {
            port.close();
        }
        self.failed = Some(why);
        self.in_flight.clear();
    }

    /// The callback that hands `answer` on once this worker's borrow is released.
    fn then_answer(&self, answer: Answered) -> Option<Rc<dyn Fn()>> {
        let answered = self.answered.clone();
        let answer = RefCell::new(Some(answer));
        Some(Rc::new(move || {
            if let Some(a) = answer.borrow_mut().take() {
                answered(a);
            }
        }))
    }

    /// Handles a reply or a failure; returns the callback to run once the borrow is released.
    fn on_event(&mut self, event: Result<WorkerReply, String>) -> Option<Rc<dyn Fn()>> {
        match event {
            Ok(WorkerReply::Rank { draw, ranking, .. }) => {
                let at = self.in_flight.iter().position(|d| *d == draw)?;
                self.in_flight.remove(at);
                self.then_answer(Answered::Ranked(Box::new((draw, ranking))))
            }
            Ok(WorkerReply::Error { error }) | Err(error) => {
                self.fail(error);
                self.then_answer(Answered::Failed)
            }
            Ok(_) => None,
        }
    }
}
