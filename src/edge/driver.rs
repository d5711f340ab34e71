//! The browser side of time and of the model's outputs: a `setInterval` that advances the
//! in-tab network to the wall clock, and the [`Router`] that carries out every [`Step`] the
//! model returns (frames to every transport, big draws to the lottery worker, a save and a
//! redraw when something changed).

use crate::edge::channel::Outlets;
use crate::edge::clock::{now_ms, Interval};
use crate::edge::draws::DrawWorker;
use crate::edge::storage::Saver;
use crate::logic::model::{Playground, Step};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// How often the network's clock catches up with the wall clock.
pub const TICK_MS: i32 = 100;

/// Where every [`Step`] of the model goes.
pub struct Router {
    model: Rc<RefCell<Playground>>,
    outlets: Rc<Outlets>,
    draws: Rc<RefCell<DrawWorker>>,
    saver: Rc<Saver>,
    redraw: Rc<dyn Fn()>,
}

impl Router {
    /// A router for `model`: frames go out through `outlets`, a change is marked for `saver`
    /// and drawn by `redraw`; big draws go to a lottery worker of its own.
    pub fn new(
        model: Rc<RefCell<Playground>>,
        outlets: Rc<Outlets>,
        saver: Rc<Saver>,
        redraw: Rc<dyn Fn()>,
    ) -> Rc<Router> {
        Rc::new_cyclic(|me: &Weak<Router>| {
            let me = me.clone();
            let route = move |step| {
                if let Some(router) = me.upgrade() {
                    router.route(step);
                }
            };
            Router {
                draws: DrawWorker::new(&model, Rc::new(route)),
                model,
                outlets,
                saver,
                redraw,
            }
        })
    }

    /// Carries out `step`. Call it with no borrow of the model held.
    pub fn route(&self, step: Step) {
        let Step {
            frames,
            draws,
            changed,
        } = step;
        self.outlets.send(frames);
        // Drawing on the page's thread (the worker failed) moves the network on again.
        let more = match self.draws.try_borrow_mut() {
            Ok(mut d) if !draws.is_empty() => d.send_all(draws),
            // Busy: the draws stay pending, and the next tick's `configure` sends them.
            _ => Step::default(),
        };
        if changed || more.changed {
            self.saver.mark_dirty();
            (self.redraw)();
        }
        self.outlets.send(more.frames);
    }

    /// Brings the network up to `now` and routes what that step leaves; `false` when the
    /// model was busy and nothing was done.
    pub fn advance(&self, now: u64) -> bool {
        let step = match self.model.try_borrow_mut() {
            Ok(mut m) => {
                let first = self
                    .draws
                    .try_borrow_mut()
                    .map(|mut d| d.configure(&mut m))
                    .unwrap_or_default();
                first.then(m.advance(now))
            }
            Err(_) => return false,
        };
        self.route(step);
        true
    }
}

/// Starts the clock of the model `router` routes for: every tick advances the network and
/// routes the step, then saves when a save is due.
pub fn start(router: Rc<Router>) -> Option<Interval> {
    Interval::new(TICK_MS, move || {
        let now = now_ms();
        if !router.advance(now) {
            return;
        }
        if let Ok(m) = router.model.try_borrow() {
            router.saver.maybe_save(&m, now, false);
        }
    })
}
