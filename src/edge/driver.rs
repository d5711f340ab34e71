//! The browser side of time and of the model's inputs and outputs. The [`Router`] is the one
//! place the tab's model is changed from the edge: every transport hands it an [`Input`], the
//! page and the console a [`Command`], the clock a tick; and it carries out every [`Step`] the
//! model returns (frames to every transport, big draws to the lottery worker, a save and a
//! redraw when something changed). A `setInterval` advances the in-tab network to the wall
//! clock.

use crate::edge::clock::{now_ms, Interval};
use crate::edge::draws::DrawWorker;
use crate::edge::storage::Saver;
use crate::logic::command::{Applied, Command, Refused};
use crate::logic::input::Input;
use crate::logic::model::{Playground, Step};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

/// How often the network's clock catches up with the wall clock.
pub const TICK_MS: i32 = 100;

/// What a call says when the model was in use (a call from inside another change, which the
/// page's single thread makes only by re-entering): nothing was done.
pub const BUSY: &str = "busy: try again";

/// Where the frames this tab says go: the BroadcastChannel, every open WebRTC link and the
/// class server's socket. Each outlet gets every frame, in order.
#[derive(Default)]
pub struct Outlets {
    sinks: RefCell<Vec<Sink>>,
    class: RefCell<Vec<ClassSink>>,
}

type ClassSink = Box<dyn Fn(&crate::logic::class::ToServer)>;

/// One transport's way to send a frame.
type Sink = Box<dyn Fn(&str)>;

impl Outlets {
    /// Adds a transport.
    pub fn add(&self, sink: impl Fn(&str) + 'static) {
        self.sinks.borrow_mut().push(Box::new(sink));
    }

    /// Hands `frames` to every transport.
    /// Adds where the model's messages for the class server go (the class socket).
    pub fn add_class(&self, sink: impl Fn(&crate::logic::class::ToServer) + 'static) {
        self.class.borrow_mut().push(Box::new(sink));
    }

    fn send_class(&self, lines: &[crate::logic::class::ToServer]) {
        let sinks = self.class.borrow();
        for l in lines {
            for s in sinks.iter() {
                s(l);
            }
        }
    }

    fn send(&self, frames: &[String]) {
        let sinks = self.sinks.borrow();
        for f in frames {
            for s in sinks.iter() {
                s(f);
            }
        }
    }
}

/// The model's one way in from the edge and its one way out.
pub struct Router {
    model: Rc<RefCell<Playground>>,
    outlets: Outlets,
    draws: Rc<RefCell<DrawWorker>>,
    saver: Rc<Saver>,
    redraw: Rc<dyn Fn()>,
    redraw_soon: Rc<dyn Fn()>,
    /// Inputs that came while the model was in use; they go first at the next chance.
    waiting: RefCell<VecDeque<Input>>,
}

impl Router {
    /// A router for `model`: a change is marked for `saver` and drawn by `redraw` (at once,
    /// after a command or a tick) or `redraw_soon` (once per burst of inputs); big draws go
    /// to a lottery worker of its own. Transports add themselves with [`Router::outlets`].
    pub fn new(
        model: Rc<RefCell<Playground>>,
        saver: Rc<Saver>,
        redraw: Rc<dyn Fn()>,
        redraw_soon: Rc<dyn Fn()>,
    ) -> Rc<Router> {
        Rc::new_cyclic(|me: &Weak<Router>| {
            let me = me.clone();
            let route = move |step| {
                if let Some(router) = me.upgrade() {
                    router.route(step, true);
                }
            };
            Router {
                draws: DrawWorker::new(&model, Rc::new(route)),
                model,
                outlets: Outlets::default(),
                saver,
                redraw,
                redraw_soon,
                waiting: RefCell::new(VecDeque::new()),
            }
        })
    }

    /// Where the frames go: each transport adds its sink here.
    pub fn outlets(&self) -> &Outlets {
        &self.outlets
    }

    /// Reads the model; `None` only while the model is being changed (never for a caller on
    /// the page's thread outside a change).
    pub fn read<T>(&self, f: impl FnOnce(&Playground) -> T) -> Option<T> {
        self.model.try_borrow().ok().map(|m| f(&m))
    }

    /// Hands `input` to the model and routes what it says. An input that comes while the
    /// model is in use waits, in order, and goes as soon as it is free: nothing is dropped.
    pub fn handle(&self, input: Input) {
        self.waiting.borrow_mut().push_back(input);
        self.take_waiting();
    }

    fn take_waiting(&self) {
        loop {
            let Ok(mut m) = self.model.try_borrow_mut() else {
                return; // Whoever holds it is a caller of this router, which comes back here.
            };
            let Some(input) = self.waiting.borrow_mut().pop_front() else {
                return;
            };
            let step = m.handle(now_ms(), input);
            drop(m);
            self.route(step, false);
        }
    }

    /// Carries out `command` (a form's or the console's) and routes what it moved.
    pub fn apply(&self, command: Command) -> Result<Applied, Refused> {
        self.with(true, |m, now| m.apply(command, now))
            .unwrap_or_else(|| Err(Refused::Said(BUSY.into())))
    }

    /// Runs `f` on the model at the wall clock's time, between two steps of the network (so
    /// that `f` sees the present, and what it said leaves at once), and routes both steps;
    /// `changes` marks a change to save and draw. `None` (and nothing done) only while the
    /// model is in use.
    pub fn with<T>(&self, changes: bool, f: impl FnOnce(&mut Playground, u64) -> T) -> Option<T> {
        let now = now_ms();
        let (out, mut step) = {
            let mut m = self.model.try_borrow_mut().ok()?;
            let before = m.advance(now);
            let out = f(&mut m, now);
            (out, before.then(m.advance(now)))
        };
        step.changed |= changes;
        self.route(step, true);
        self.take_waiting();
        Some(out)
    }

    /// Carries out `step`: frames to every transport, draws to the worker, then a save mark
    /// and a redraw (`at_once`, or once per burst). Call it with no borrow of the model held.
    fn route(&self, step: Step, at_once: bool) {
        let Step {
            frames,
            draws,
            changed,
        } = step;
        self.outlets.send(&frames);
        // Drawing on the page's thread (the worker failed) moves the network on again.
        let more = match self.draws.try_borrow_mut() {
            Ok(mut d) if !draws.is_empty() => d.send_all(draws),
            // Busy: the draws stay pending, and the next tick's `configure` sends them.
            _ => Step::default(),
        };
        if changed || more.changed {
            self.saver.mark_dirty();
            if at_once {
                (self.redraw)();
            } else {
                (self.redraw_soon)();
            }
        }
        self.outlets.send(&more.frames);
        let lines = self
            .model
            .try_borrow_mut()
            .map(|mut m| m.take_class_outbox())
            .unwrap_or_default();
        self.outlets.send_class(&lines);
    }

    /// Brings the network up to `now` and routes what that step leaves, after any inputs
    /// that waited; `false` when the model was in use and nothing was done.
    pub fn advance(&self, now: u64) -> bool {
        self.take_waiting();
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
        self.route(step, true);
        true
    }

    /// Saves the model now if a save is due (`force`: now in any case).
    pub fn maybe_save(&self, now: u64, force: bool) {
        if let Ok(m) = self.model.try_borrow() {
            self.saver.maybe_save(&m, now, force);
        }
    }
}

/// Starts the clock of the model `router` routes for: every tick advances the network and
/// routes the step, then saves when a save is due.
pub fn start(router: Rc<Router>) -> Option<Interval> {
    Interval::new(TICK_MS, move || {
        let now = now_ms();
        if router.advance(now) {
            router.maybe_save(now, false);
        }
    })
}
