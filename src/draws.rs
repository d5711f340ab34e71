//! Big draws off the main thread. Each block's lottery walks every staked token, so with a
//! million staked tokens the in-tab nodes would freeze the page for half a second per block.
//! Instead they defer draws of [`DEFER_DRAWS_FROM`] lots or more
//! (`NodeConfig::defer_draws_from`): the core asks for them as values
//! (`SimNet::take_draw_requests`), this module sends each to a Web Worker running the same
//! core (the page's own module, [`crate::worker::spawn`]), and hands the ranking back
//! (`Playground::deliver_draw`). The page stays responsive meanwhile; the nodes simply wait
//! before forging on that tip.
//!
//! When the worker cannot run (no Web Worker, no wasm SIMD), the network computes its draws
//! itself on the page's thread, as it did before.

use crate::driver::now_ms;
use crate::lottery_view::{WorkerReply, WorkerRequest};
use crate::model::Playground;
use pos_core::chain::DrawRequest;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::{Event, MessageEvent, Worker};

/// Draws of at least this many lots leave the page's thread (about 10 ms of hashing there).
pub const DEFER_DRAWS_FROM: u64 = 20_000;

/// The worker that computes the in-tab nodes' big draws.
pub struct DrawWorker {
    worker: Option<Worker>,
    ready: bool,
    /// Requests waiting for the worker to be ready.
    queued: Vec<String>,
    /// Draws sent and not answered yet.
    in_flight: Vec<DrawRequest>,
    next_id: u64,
    failed: Option<String>,
    model: Weak<RefCell<Playground>>,
    changed: Rc<dyn Fn()>,
    this: Weak<RefCell<DrawWorker>>,
    _onmessage: Option<Closure<dyn FnMut(MessageEvent)>>,
    _onerror: Option<Closure<dyn FnMut(Event)>>,
}

impl DrawWorker {
    /// A draw worker for `model`; `changed` runs after an answer moved the network on. The
    /// worker itself starts with the first big draw.
    pub fn new(model: &Rc<RefCell<Playground>>, changed: Rc<dyn Fn()>) -> Rc<RefCell<DrawWorker>> {
        Rc::new_cyclic(|this| {
            RefCell::new(DrawWorker {
                worker: None,
                ready: false,
                queued: Vec::new(),
                in_flight: Vec::new(),
                next_id: 0,
                failed: None,
                model: Rc::downgrade(model),
                changed,
                this: this.clone(),
                _onmessage: None,
                _onerror: None,
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

    /// After every step of the network: keeps its nodes deferring big draws and sends what
    /// they asked for to the worker (or, without a worker, lets the network draw by itself).
    pub fn pump(&mut self, m: &mut Playground) {
        let external = self.failed.is_none();
        let net = m.net_mut();
        net.set_defer_draws_from(Some(DEFER_DRAWS_FROM));
        net.set_external_draws(external);
        if !external {
            // Anything still waiting from before the worker failed: draw it here.
            for draw in m.net().pending_draws() {
                let ranking = pos_core::chain::compute_draw(&draw.stakers, &draw.seed);
                m.deliver_draw(draw, ranking, now_ms());
            }
            return;
        }
        for draw in m.net_mut().take_draw_requests() {
            if !self.in_flight.contains(&draw) {
                self.send(draw);
            }
        }
    }

    fn send(&mut self, draw: DrawRequest) {
        if self.worker.is_none() && !self.spawn() {
            return;
        }
        self.next_id += 1;
        let request = WorkerRequest::Rank {
            id: self.next_id,
            draw: draw.clone(),
        };
        let Ok(text) = serde_json::to_string(&request) else {
            return;
        };
        self.in_flight.push(draw);
        if self.ready {
            self.post(&text);
        } else {
            self.queued.push(text);
        }
    }

    fn post(&mut self, text: &str) {
        let sent = self
            .worker
            .as_ref()
            .map(|w| w.post_message(&JsValue::from_str(text)));
        if let Some(Err(e)) = sent {
            self.fail(format!("could not send to the worker: {e:?}"));
        }
    }

    /// The worker is gone: draw what it was asked on the page's thread, and from now on let
    /// the network draw by itself.
    fn fail(&mut self, why: String) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.failed = Some(why);
        self.ready = false;
        self.queued.clear();
        let waiting = std::mem::take(&mut self.in_flight);
        if let Some(model) = self.model.upgrade() {
            if let Ok(mut m) = model.try_borrow_mut() {
                let mut waiting = waiting;
                waiting.extend(m.net().pending_draws());
                waiting.dedup();
                for draw in waiting {
                    let ranking = pos_core::chain::compute_draw(&draw.stakers, &draw.seed);
                    m.deliver_draw(draw, ranking, now_ms());
                }
                m.net_mut().set_external_draws(false);
            }
        }
        (self.changed)();
    }

    fn spawn(&mut self) -> bool {
        let worker = match crate::worker::spawn() {
            Ok(w) => w,
            Err(e) => {
                self.failed = Some(e);
                return false;
            }
        };
        let this = self.this.clone();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(reply) = e
                .data()
                .as_string()
                .and_then(|t| serde_json::from_str::<WorkerReply>(&t).ok())
            else {
                return;
            };
            let Some(me) = this.upgrade() else {
                return;
            };
            let done = me.try_borrow_mut().ok().and_then(|mut w| w.on_reply(reply));
            if let Some(changed) = done {
                changed();
            }
        });
        let this = self.this.clone();
        let onerror = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            if let Some(me) = this.upgrade() {
                if let Ok(mut w) = me.try_borrow_mut() {
                    w.fail(crate::worker::failure(&e));
                }
            }
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        self.worker = Some(worker);
        self._onmessage = Some(onmessage);
        self._onerror = Some(onerror);
        true
    }

    /// Handles a reply; returns the callback to run once the borrow is released.
    fn on_reply(&mut self, reply: WorkerReply) -> Option<Rc<dyn Fn()>> {
        match reply {
            WorkerReply::Ready => {
                self.ready = true;
                for text in std::mem::take(&mut self.queued) {
                    self.post(&text);
                }
                None
            }
            WorkerReply::Rank { draw, ranking, .. } => {
                let at = self.in_flight.iter().position(|d| *d == draw)?;
                self.in_flight.remove(at);
                let model = self.model.upgrade()?;
                let mut m = model.try_borrow_mut().ok()?;
                m.deliver_draw(draw, ranking, now_ms());
                Some(self.changed.clone())
            }
            WorkerReply::Error { error } => {
                self.fail(error);
                None
            }
            _ => None,
        }
    }
}

impl Drop for DrawWorker {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
    }
}
