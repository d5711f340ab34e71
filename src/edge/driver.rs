//! The browser side of time and of the model's inputs and outputs. The [`Router`] is the one
//! place the tab's model is changed from the edge: every transport hands it an [`Input`], the
//! page and the console a [`Command`], the clock a tick, the lottery worker a draw; each goes
//! into the tab's history (`logic/history.rs`) as an entry and then to the live tab, so
//! nothing reaches the model unrecorded. It carries out every [`Step`] the model returns
//! (frames to every transport, big draws to the lottery worker, a save and a redraw when
//! something changed), and moves the timeline: pause, play, step, seek, branches,
//! recordings. A `setInterval` advances the in-tab network to the wall clock.

use crate::edge::clock::{now_ms, sleep, Interval};
use crate::edge::draws::{Answered, DrawWorker};
use crate::edge::storage::Saver;
use crate::logic::class::Order;
use crate::logic::command::{Act, Applied, Command, Refused};
use crate::logic::history::recording::Opening;
use crate::logic::history::{DrawAnswer, Entry, History, Recorder, TimelineView};
use crate::logic::i18n::Say;
use crate::logic::input::Input;
use crate::logic::model::{Playground, Step};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

/// How often the network's clock catches up with the wall clock.
pub const TICK_MS: i32 = 100;

/// How long a slice of a recording's entries runs before the page has its thread back (ms):
/// a long recording opens while the page goes on drawing and answering.
const OPEN_SLICE_MS: u64 = 12;

/// A recording being opened: entries run so far, in all, and whether it was called off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenProgress {
    /// Entries run so far.
    pub done: usize,
    /// The recording's entries.
    pub total: usize,
    cancelled: bool,
}

/// What a call says when the model was in use (a call from inside another change, which the
/// page's single thread makes only by re-entering): nothing was done.
pub const BUSY: &str = "busy: try again";

/// [`BUSY`] in the page's words.
pub fn busy() -> Say {
    Say::new("refusal-busy")
}

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
    /// The tab shown: the live tab, or a past state while the slider is back.
    model: Rc<RefCell<Playground>>,
    history: RefCell<History>,
    outlets: Outlets,
    draws: Rc<RefCell<DrawWorker>>,
    saver: Rc<Saver>,
    redraw: Rc<dyn Fn()>,
    redraw_soon: Rc<dyn Fn()>,
    /// Inputs that came while the model was in use; they go first at the next chance.
    waiting: RefCell<VecDeque<Input>>,
    /// A recording being opened, if one is.
    opening: RefCell<Option<OpenProgress>>,
    /// What the history bar says of the last thing done with it (true: done; false:
    /// refused), whichever way it was asked for: an opening through the console says its
    /// outcome there too, and moving the timeline from anywhere clears it, so the bar never
    /// keeps a line about an earlier recording or moment.
    note: RefCell<Option<(bool, Say)>>,
}

/// How a time order reaches the network: this tab's own clock (a tab alone), the class's
/// clock (the teacher's page), or only this tab's view (a linked tab).
enum Reach {
    Alone,
    Class,
    View,
}

impl Router {
    /// A router for `model`, whose history starts now: a change is marked for `saver` and
    /// drawn by `redraw` (at once, after a command or a tick) or `redraw_soon` (once per
    /// burst of inputs); big draws go to a lottery worker of its own. Transports add
    /// themselves with [`Router::outlets`].
    pub fn new(
        model: Rc<RefCell<Playground>>,
        saver: Rc<Saver>,
        redraw: Rc<dyn Fn()>,
        redraw_soon: Rc<dyn Fn()>,
    ) -> Rc<Router> {
        let history = {
            let mut m = model.borrow_mut();
            History::begin(&mut m, now_ms())
        };
        Rc::new_cyclic(|me: &Weak<Router>| {
            let me = me.clone();
            let answered = move |a: Answered| {
                if let Some(router) = me.upgrade() {
                    router.answered(a);
                }
            };
            Router {
                draws: DrawWorker::new(Rc::new(answered)),
                model,
                history: RefCell::new(history),
                outlets: Outlets::default(),
                saver,
                redraw,
                redraw_soon,
                waiting: RefCell::new(VecDeque::new()),
                opening: RefCell::new(None),
                note: RefCell::new(None),
            }
        })
    }

    /// Where the frames go: each transport adds its sink here.
    pub fn outlets(&self) -> &Outlets {
        &self.outlets
    }

    /// Reads the tab shown (the past while the slider is back); `None` only while the model
    /// is being changed (never for a caller on the page's thread outside a change).
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
            let (Ok(mut m), Ok(mut h)) =
                (self.model.try_borrow_mut(), self.history.try_borrow_mut())
            else {
                return; // Whoever holds it is a caller of this router, which comes back here.
            };
            let Some(input) = self.waiting.borrow_mut().pop_front() else {
                return;
            };
            let entry = Entry::Handle {
                now: now_ms(),
                input: Box::new(input),
            };
            let step = h.run(&mut m, entry).step;
            drop((m, h));
            self.route(step, false);
        }
    }

    /// Carries out `command` (a form's or the console's) and routes what it moved.
    pub fn apply(&self, command: Command) -> Result<Applied, Refused> {
        self.act(|r, now| r.act(command, now))
            .unwrap_or_else(|| Err(Refused::Said(busy())))
    }

    /// Runs `f` at the wall clock's time, between two steps of the network (so that `f` sees
    /// the present, and what it said leaves at once), and routes both steps. `f` reads the
    /// live tab and acts on it only through commands, which the history records (a command
    /// while the past of a tab alone is shown starts a branch there). `None` (and nothing
    /// done) only while the model is in use.
    pub fn act<T>(&self, f: impl FnOnce(&mut Recorder<'_>, u64) -> T) -> Option<T> {
        let now = now_ms();
        let (out, mut step) = {
            let mut m = self.model.try_borrow_mut().ok()?;
            let mut h = self.history.try_borrow_mut().ok()?;
            let before = h.tick(&mut m, now);
            let out = f(
                &mut Recorder {
                    history: &mut h,
                    shown: &mut m,
                },
                now,
            );
            (out, before.then(h.tick(&mut m, now)))
        };
        step.changed = true;
        self.route(step, true);
        self.take_waiting();
        Some(out)
    }

    /// A draw the worker answered (or the news that it is gone) goes in as an entry.
    fn answered(&self, answer: Answered) {
        match answer {
            Answered::Ranked(answer) => {
                let (draw, ranking) = *answer;
                let step = {
                    let (Ok(mut m), Ok(mut h)) =
                        (self.model.try_borrow_mut(), self.history.try_borrow_mut())
                    else {
                        // Busy: the draw is still pending and goes to the worker again.
                        return;
                    };
                    let answer = DrawAnswer {
                        now: now_ms(),
                        draw,
                        ranking,
                        by_worker: true,
                    };
                    h.run(&mut m, Entry::Draw(Box::new(answer))).step
                };
                self.route(step, true);
            }
            Answered::Failed => {
                // The next settings let the network draw what waits.
                self.advance(now_ms());
            }
        }
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
        if !draws.is_empty() {
            // Busy: the draws stay pending, and the next tick sends them.
            if let Ok(mut d) = self.draws.try_borrow_mut() {
                d.send_all(draws);
            }
        }
        if changed {
            self.saver.mark_dirty();
            if at_once {
                (self.redraw)();
            } else {
                (self.redraw_soon)();
            }
        }
        let lines = match (self.model.try_borrow_mut(), self.history.try_borrow_mut()) {
            (Ok(mut m), Ok(mut h)) => h.take_class_outbox(&mut m),
            _ => Vec::new(),
        };
        self.outlets.send_class(&lines);
    }

    /// Brings the network up to `now` and routes what that step leaves, after any inputs
    /// that waited; `false` when the model was in use and nothing was done. Keeps the nodes'
    /// way of drawing as the worker allows (recorded when it changes), and sends the worker
    /// any draw that waits and is not with it.
    pub fn advance(&self, now: u64) -> bool {
        self.take_waiting();
        let step = {
            let (Ok(mut m), Ok(mut h)) =
                (self.model.try_borrow_mut(), self.history.try_borrow_mut())
            else {
                return false;
            };
            let mut step = Step::default();
            if let Ok(d) = self.draws.try_borrow() {
                let (defer_from, external) = d.settings();
                if h.live(&m).net().draw_settings() != (defer_from, external) {
                    let entry = Entry::Draws {
                        defer_from,
                        external,
                    };
                    step = h.run(&mut m, entry).step;
                }
                if external {
                    step.draws.extend(
                        h.live(&m)
                            .net()
                            .pending_draws()
                            .into_iter()
                            .filter(|w| !d.in_flight().contains(w)),
                    );
                }
            }
            step.then(h.tick(&mut m, now))
        };
        self.route(step, true);
        true
    }

    /// Saves the live tab now if a save is due (`force`: now in any case).
    pub fn maybe_save(&self, now: u64, force: bool) {
        if let (Ok(m), Ok(h)) = (self.model.try_borrow(), self.history.try_borrow()) {
            self.saver.maybe_save(h.live(&m), now, force);
        }
    }

    /// The timeline's numbers (`None` while the model is in use).
    pub fn timeline(&self) -> Option<TimelineView> {
        let (Ok(m), Ok(h)) = (self.model.try_borrow(), self.history.try_borrow()) else {
            return None;
        };
        Some(h.view(&m))
    }

    fn reach(&self) -> Option<Reach> {
        let (Ok(m), Ok(h)) = (self.model.try_borrow(), self.history.try_borrow()) else {
            return None;
        };
        let live = h.live(&m);
        Some(if live.mesh().is_none() {
            Reach::Alone
        } else if live.class_connection().is_some_and(|c| c.teacher) {
            Reach::Class
        } else {
            Reach::View
        })
    }

    /// Runs `f` on the history and the tab shown, then redraws.
    fn timeline_do<T>(
        &self,
        f: impl FnOnce(&mut History, &mut Playground) -> Result<T, Say>,
    ) -> Result<T, Say> {
        let out = {
            let (Ok(mut m), Ok(mut h)) =
                (self.model.try_borrow_mut(), self.history.try_borrow_mut())
            else {
                return Err(busy());
            };
            f(&mut h, &mut m)?
        };
        (self.redraw)();
        Ok(out)
    }

    /// Pauses: the tab's own network (alone), the class's clock (the teacher's page), or only
    /// what this tab shows (a linked tab: the network goes on).
    pub fn pause(&self) -> Result<(), Say> {
        self.set_note(None);
        match self.reach().ok_or_else(busy)? {
            Reach::Alone => {
                // A replay of the past stops where it is (the network is paused already).
                if self.timeline_do(|h, _| Ok(h.stop_replay()))? {
                    return Ok(());
                }
                let paused = self.timeline().is_some_and(|t| t.paused);
                if !paused {
                    self.apply(Command::Pause).map_err(|e| e.say())?;
                }
                Ok(())
            }
            Reach::Class => self
                .apply(Command::Teach(Order::Pause))
                .map(|_| ())
                .map_err(|e| e.say()),
            Reach::View => self.timeline_do(|h, m| {
                h.freeze(m);
                Ok(())
            }),
        }
    }

    /// Plays at `quarters` of the wall clock's speed (4: ×1). A tab alone that shows its past
    /// replays it at that speed, then goes on from the present; otherwise back to now, and
    /// the network goes on (a tab alone, or the class on the teacher's page).
    pub fn play(&self, quarters: u8) -> Result<(), Say> {
        self.set_note(None);
        let view = self.timeline().ok_or_else(busy)?;
        if view.alone && view.at < view.events {
            let now = now_ms();
            return self.timeline_do(|h, _| {
                h.replay(quarters, now);
                Ok(())
            });
        }
        self.timeline_do(|h, m| {
            h.back_to_now(m);
            Ok(())
        })?;
        match self.reach().ok_or_else(busy)? {
            Reach::Alone => self
                .apply(Command::Play(quarters))
                .map(|_| ())
                .map_err(|e| e.say()),
            Reach::Class => {
                self.apply(Command::Teach(Order::Speed(quarters)))
                    .map_err(|e| e.say())?;
                self.apply(Command::Teach(Order::Resume))
                    .map(|_| ())
                    .map_err(|e| e.say())
            }
            Reach::View if quarters == crate::logic::class::NORMAL_SPEED => Ok(()),
            Reach::View => Err(Say::new("refusal-linked").with("what", "speed")),
        }
    }

    /// Shows event `e` of the branch shown (the last one: the present). A tab alone pauses
    /// first, so the present waits while the past is looked at.
    pub fn seek(&self, e: u64) -> Result<(), Say> {
        self.set_note(None);
        let view = self.timeline().ok_or_else(busy)?;
        if e < view.events && view.alone && !view.paused {
            self.pause()?;
        }
        self.timeline_do(|h, m| h.seek(m, e).map_err(|err| err.say()))
    }

    /// One event forward or back (`delta` is +1 or -1, or more). At the present, forward
    /// runs the paused network to its next event (the class's one block on the teacher's
    /// page).
    pub fn step_event(&self, delta: i64) -> Result<(), Say> {
        self.set_note(None);
        let view = self.timeline().ok_or_else(busy)?;
        let target = i128::from(view.at) + i128::from(delta);
        if delta < 0 || view.at < view.events {
            let target = u64::try_from(target.clamp(0, i128::from(view.events))).unwrap_or(0);
            return self.seek(target);
        }
        match self.reach().ok_or_else(busy)? {
            Reach::Alone => {
                if !view.paused {
                    self.apply(Command::Pause).map_err(|e| e.say())?;
                }
                for _ in 0..delta.max(1) {
                    self.apply(Command::StepEvent).map_err(|e| e.say())?;
                }
                Ok(())
            }
            Reach::Class => self
                .apply(Command::Teach(Order::Step))
                .map(|_| ())
                .map_err(|e| e.say()),
            Reach::View => Err(Say::new("refusal-view-at-present")),
        }
    }

    /// Shows the first event at which block `height` was forged in the branch shown.
    pub fn jump_to_block(&self, height: u64) -> Result<u64, Say> {
        self.set_note(None);
        let e = self
            .history
            .try_borrow()
            .map_err(|_| busy())?
            .block_event(height)
            .map_err(|e| e.say())?;
        self.seek(e)?;
        Ok(e)
    }

    /// Makes branch `b` the present.
    pub fn switch_branch(&self, b: usize) -> Result<(), Say> {
        self.set_note(None);
        let now = now_ms();
        self.timeline_do(|h, m| h.switch(m, b, now).map_err(|e| e.say()))?;
        self.saver.mark_dirty();
        Ok(())
    }

    /// The branch shown as a recording's text.
    pub fn recording(&self) -> Result<String, Say> {
        let h = self.history.try_borrow().map_err(|_| busy())?;
        h.recording().map_err(|e| e.say())
    }

    /// Opens a recording (untrusted text): the tab becomes its last state, with its history;
    /// refused with the place and the reason, and then nothing changed. Its entries run a
    /// slice at a time ([`OPEN_SLICE_MS`]) while the page goes on, with its progress in
    /// [`Router::opening`]; one recording opens at a time, and [`Router::cancel_opening`]
    /// calls it off.
    pub async fn open_recording(self: Rc<Self>, text: String) -> Result<u64, Say> {
        let outcome = self.clone().open_recording_quietly(text).await;
        self.set_note(Some(match &outcome {
            Ok(events) => (true, Say::new("history-opened").with("events", *events)),
            Err(e) => (false, e.clone()),
        }));
        (self.redraw)();
        outcome
    }

    /// What the history bar says (see [`Router::set_note`]).
    pub fn note(&self) -> Option<(bool, Say)> {
        self.note.borrow().clone()
    }

    /// Sets what the history bar says: the outcome of its last action (`None`: nothing).
    pub fn set_note(&self, note: Option<(bool, Say)>) {
        *self.note.borrow_mut() = note;
    }

    /// [`Router::open_recording`], without the bar's note.
    async fn open_recording_quietly(self: Rc<Self>, text: String) -> Result<u64, Say> {
        let cannot = |e: crate::logic::history::recording::RecordingError| {
            Say::new("history-cannot-open").with("why", e.say())
        };
        if self.opening.borrow().is_some() {
            return Err(Say::new("history-opening-already"));
        }
        let mut opening = Opening::start(&text).map_err(cannot)?;
        drop(text);
        let (_, total) = opening.progress();
        *self.opening.borrow_mut() = Some(OpenProgress {
            done: 0,
            total,
            cancelled: false,
        });
        (self.redraw)();
        // A slice of entries, then the thread back to the page (its clock, its drawing, a
        // click on Cancel), until every entry has run.
        let ran = loop {
            let start = now_ms();
            let slice = loop {
                match opening.step(4) {
                    Ok(false) if now_ms().saturating_sub(start) < OPEN_SLICE_MS => {}
                    other => break other,
                }
            };
            let cancelled = {
                let mut o = self.opening.borrow_mut();
                match o.as_mut() {
                    Some(p) => {
                        p.done = opening.progress().0;
                        p.cancelled
                    }
                    None => true,
                }
            };
            match slice {
                Err(e) => break Err(cannot(e)),
                Ok(true) => break Ok(()),
                Ok(false) if cancelled => break Err(Say::new("history-open-cancelled")),
                Ok(false) => {}
            }
            (self.redraw)();
            sleep(0).await;
        };
        *self.opening.borrow_mut() = None;
        if let Err(e) = ran {
            (self.redraw)();
            return Err(e);
        }
        let (history, live) = opening.finish();
        let events = history.events();
        let now = now_ms();
        self.timeline_do(move |h, m| {
            *h = history;
            *m = live;
            // The network goes on from the recording's last moment, paused.
            let _ = h.run(m, Entry::Rebase { now });
            let _ = h.apply(m, Command::Pause, now);
            Ok(())
        })?;
        self.saver.mark_dirty();
        Ok(events)
    }

    /// The recording being opened, if one is: entries run so far and in all.
    pub fn opening(&self) -> Option<OpenProgress> {
        *self.opening.borrow()
    }

    /// Calls off the opening of a recording (nothing changes): whether one was being opened.
    pub fn cancel_opening(&self) -> bool {
        match self.opening.borrow_mut().as_mut() {
            Some(p) => {
                p.cancelled = true;
                true
            }
            None => false,
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
