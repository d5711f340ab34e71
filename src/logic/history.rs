//! The tab's network history (issue 29): every input the tab's [`Playground`] takes, recorded
//! as an [`Entry`], so that any past moment can be rebuilt, shown, and acted on.
//!
//! The playground is deterministic: the same entries from the same first state give the same
//! state, byte for byte (its nodes are sans-IO, its network's randomness is seeded by its ids,
//! and its draws come in as entries). So the history keeps the entries, not the states: a
//! snapshot (a clone of the tab) every [`SNAPSHOT_EVERY`] events, and a seek restores the
//! nearest snapshot at or before the moment and runs the entries from there.
//!
//! - **Events** are what the slider steps over: a delivery or wake-up of a node that said
//!   something (a block forged, a block or transaction accepted or refused), a person's
//!   command, an input from outside. An advance of the network that delivers several messages
//!   is several events: [`Playground::advance_events`] can stop after any of them. Event 0 is
//!   the first state; event `e` is the state right after the `e`-th.
//! - **Branches**: a command given while the past of a tab running alone is shown starts a
//!   new branch from that moment; the old future stays, as its own branch, and the teacher can
//!   go back to it ([`History::switch`]). A branch only ever adds entries after its own fork,
//!   so it never changes its parent's events.
//! - **A linked tab** cannot take the others back: its history still records (the frames it
//!   received are entries), but its slider only views its past while the live tab goes on,
//!   and a command given meanwhile acts on the present.
//! - **Recordings** (`history/recording.rs`): a tab running alone saves its current branch as
//!   a file and opens one, checked like a chain file.
//!
//! Bounds: at most [`MAX_EVENTS`] events in a line of history; beyond it the history starts
//! again from the present (said in the feed).

use crate::logic::command::{Act, Applied, Command, Refused};
use crate::logic::i18n::Say;
use crate::logic::input::Input;
use crate::logic::model::{Ids, Moment, Playground, Step};
use pos_core::chain::DrawRequest;
use pos_core::Ranking;
use serde::Serialize;
use std::rc::Rc;

pub mod recording;

/// A snapshot of the tab is kept every this many events: a seek runs at most this many
/// events after the snapshot it starts from. A replay checks no signature and draws no
/// lottery it did before (the thread remembers them: `pos_core::wallet::verified`, the
/// draws' memo), so what it costs is mostly decoding the messages it delivers and hashing:
/// at 1,000 blocks a seek takes at most about 10 ms natively and 50 ms in Chromium.
pub const SNAPSHOT_EVERY: u64 = 200;

/// Most events in one line of history (a branch and its ancestors); beyond it the history
/// starts again from the present.
pub const MAX_EVENTS: u64 = 200_000;

/// What the snapshots of a history may hold, in nodes (a snapshot of a tab of 4 nodes counts
/// 4). A snapshot shares its chains' blocks, its feed's lines and the messages in flight with
/// the tab and the other snapshots (`pos_core::shared`); what it holds of its own is each
/// node's working state (pool, peers, the state at its tip, the pointers to its chain's
/// chunks, the newest lines of its feed): about 8 KB a node at 1,000 blocks, and 16 KB once
/// the tab has moved on and the snapshot alone holds its feed's and pools' older lines, so
/// this is under 100 MB (a tab of 4 nodes never reaches it: [`MAX_EVENTS`] make 1,000
/// snapshots). Beyond it every branch keeps every other snapshot and takes them twice as far
/// apart: seeks get longer, the tab stays alive.
pub const SNAPSHOT_BUDGET: u64 = 6_000;

/// Most branches kept; beyond it a new branch is refused in words.
pub const MAX_BRANCHES: usize = 32;

/// One recorded input to the tab.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// The network ran to wall-clock `now` (ms), stopping after `limit` events if given (a
    /// branch that left in the middle of an advance).
    Advance {
        /// Wall-clock time (ms).
        now: u64,
        /// At most this many events.
        limit: Option<u64>,
    },
    /// A person's command (a form, the console, a lesson's "Do it").
    Apply {
        /// Wall-clock time (ms).
        now: u64,
        /// The command.
        command: Box<Command>,
    },
    /// An input from a transport (another tab, a link, the class server).
    Handle {
        /// Wall-clock time (ms).
        now: u64,
        /// The input.
        input: Box<Input>,
    },
    /// A big draw the nodes deferred, answered by the lottery worker or the page's thread.
    Draw(Box<DrawAnswer>),
    /// How the nodes draw: big draws left to a worker (`external`) or drawn by the network.
    Draws {
        /// Draws of at least this many lots are deferred.
        defer_from: Option<u64>,
        /// Deferred draws wait for the driver.
        external: bool,
    },
    /// Chain time goes on from the network's own time at wall-clock `now` (after going back
    /// or switching branches).
    Rebase {
        /// Wall-clock time (ms).
        now: u64,
    },
}

/// A deferred draw and its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawAnswer {
    /// Wall-clock time (ms).
    pub now: u64,
    /// The draw asked for.
    pub draw: DrawRequest,
    /// Its ranking ([`pos_core::chain::compute_draw`] of it).
    pub ranking: Option<Ranking>,
    /// Whether the lottery worker computed it.
    pub by_worker: bool,
}

/// What running an entry did: what leaves for the edge, a command's answer, and the events.
#[derive(Debug, Default)]
pub struct Ran {
    /// Frames, draws and whether anything changed.
    pub step: Step,
    /// A command's answer.
    pub answer: Option<Result<Applied, Refused>>,
    /// One per event, in order.
    pub moments: Vec<Moment>,
}

impl Entry {
    /// Runs this entry on `p`, stopping after `limit` events (an advance; other entries are
    /// one event or none). Live and in a replay alike: this is the one place an entry acts.
    pub fn run(&self, p: &mut Playground, limit: Option<u64>) -> Ran {
        match self {
            Entry::Advance { now, limit: own } => {
                let limit = match (own, limit) {
                    (Some(a), Some(b)) => Some((*a).min(b)),
                    (a, b) => a.or(b),
                };
                let (step, moments) = p.advance_events(*now, limit);
                Ran {
                    step,
                    answer: None,
                    moments,
                }
            }
            Entry::Apply { now, command } => {
                let answer = p.apply((**command).clone(), *now);
                let moment = match &answer {
                    Ok(Applied::Forged(height, _)) => Moment::Forged { height: *height },
                    _ => Moment::Command,
                };
                Ran {
                    step: Step {
                        frames: p.take_outbox(),
                        draws: Vec::new(),
                        changed: true,
                    },
                    answer: Some(answer),
                    moments: vec![moment],
                }
            }
            Entry::Handle { now, input } => Ran {
                step: p.handle(*now, (**input).clone()),
                answer: None,
                moments: vec![Moment::Outside],
            },
            Entry::Draw(d) => Ran {
                step: p.deliver_draw(d.draw.clone(), d.ranking.clone(), d.by_worker, d.now),
                answer: None,
                moments: vec![Moment::Outside],
            },
            Entry::Draws {
                defer_from,
                external,
            } => {
                let net = p.net_mut();
                net.set_defer_draws_from(*defer_from);
                net.set_external_draws(*external);
                Ran::default()
            }
            Entry::Rebase { now } => {
                p.rebase_clock(*now);
                Ran::default()
            }
        }
    }
}

/// Why the timeline refused something; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// No such event in the branch shown.
    NoEvent {
        /// The event asked for.
        asked: u64,
        /// The branch's last event.
        last: u64,
    },
    /// No such branch.
    NoBranch(usize),
    /// No block of that height was forged in the branch shown.
    NoBlock(u64),
    /// Too many branches already.
    TooManyBranches,
}

impl HistoryError {
    /// Why, in words (`refusal-history`, selecting on the variant).
    pub fn say(&self) -> Say {
        let s = Say::new("refusal-history");
        match *self {
            HistoryError::NoEvent { asked, last } => s
                .with("reason", "noEvent")
                .with_id("asked", asked)
                .with_id("last", last),
            HistoryError::NoBranch(b) => s.with("reason", "noBranch").with_id("branch", b as u64),
            HistoryError::NoBlock(h) => s.with("reason", "noBlock").with_id("height", h),
            HistoryError::TooManyBranches => s
                .with("reason", "tooManyBranches")
                .with("most", MAX_BRANCHES),
        }
    }
}

/// A state of the tab kept to seek from.
#[derive(Clone)]
struct Snapshot {
    /// The branch's own entries run before it.
    entries: usize,
    /// Events before it.
    events: u64,
    /// Whether it is exactly the state at `events` (taken at a fork, or the first state);
    /// otherwise it may hold what followed the last event of its entry, so it only serves
    /// seeks past it.
    exact: bool,
    state: Rc<Playground>,
}

impl Snapshot {
    /// What it holds of its own, in nodes (see [`SNAPSHOT_BUDGET`]).
    fn weight(&self) -> u64 {
        self.state.net().nodes().len().max(1) as u64
    }
}

/// One line of history after its fork.
#[derive(Clone)]
struct Branch {
    /// The branch it left and the event it left at (`None`: the first).
    from: Option<(usize, u64)>,
    /// Events before its own entries (its fork event; 0 for the first).
    base: u64,
    entries: Vec<Entry>,
    /// Events after each of its entries, counted from the start.
    ends: Vec<u64>,
    snapshots: Vec<Snapshot>,
    /// Blocks, forks and commands, for the slider: (event, what).
    marks: Vec<(u64, Moment)>,
    /// Why one of its entries cannot go into a recording, if one cannot.
    unsaveable: Option<recording::Unsaveable>,
    /// The wall-clock time of its latest entry (ms).
    last_time: u64,
    /// Events between its snapshots ([`SNAPSHOT_EVERY`], doubled each time the history
    /// goes over [`SNAPSHOT_BUDGET`]).
    spacing: u64,
}

impl Branch {
    fn events(&self) -> u64 {
        self.ends.last().copied().unwrap_or(self.base)
    }
}

/// How a history began, for a recording: the saved state its first state was restored from,
/// with the ids and time it was restored with. `None` for a linked tab's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// The tab's saved state (with its keys).
    pub save: String,
    /// Its ids.
    pub ids: Ids,
    /// When (ms).
    pub at: u64,
    /// The feed the tab had then, newest first: (time, node, kind, text).
    pub feed: Vec<(u64, usize, String, Say)>,
}

/// The timeline's numbers, for the console's `timeline()` and the bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineView {
    /// The last event of the branch shown (the present).
    pub now: u64,
    /// The event shown (`now` unless the slider is back).
    pub at: u64,
    /// Events in the branch shown (`now`, since event 0 is the first state).
    pub events: u64,
    /// The branches.
    pub branches: Vec<BranchView>,
    /// The branch shown.
    pub branch: usize,
    /// Whether this tab's network is paused (or, on a linked tab, its view).
    pub paused: bool,
    /// The speed (1 is the wall clock's).
    pub speed: f64,
    /// Whether the tab runs alone (its slider can go back and branch) or is linked.
    pub alone: bool,
    /// Blocks forged in the branch shown: (event, height).
    pub blocks: Vec<(u64, u64)>,
    /// Forks seen in the branch shown (events).
    pub forks: Vec<u64>,
    /// Why a recording of it cannot be saved (`None`: it can).
    pub cannot_save: Option<recording::Unsaveable>,
}

/// One branch, for the view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BranchView {
    /// Its number.
    pub id: usize,
    /// The branch it left, and at which event.
    pub from: Option<(usize, u64)>,
    /// Its last event.
    pub events: u64,
}

/// The history of a tab, with the present parked here while the past is shown.
pub struct History {
    origin: Option<Origin>,
    branches: Vec<Branch>,
    current: usize,
    /// While the slider is back: the event shown, and the live tab.
    parked: Option<(u64, Box<Playground>)>,
    /// What the snapshots hold (see [`SNAPSHOT_BUDGET`]).
    weight: u64,
    /// Play pressed while the past is shown: the page replays the recorded events.
    replay: Option<Replay>,
}

/// A replay of the past: from wall-clock `wall`, the page shows the events recorded up to
/// `from + (t - wall) × quarters / 4` at wall-clock `t`, so the past plays at its own pace
/// times the speed, until it reaches the present, where the network goes on at that speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Replay {
    quarters: u8,
    wall: u64,
    from: u64,
}

impl History {
    /// A history that starts at `live`'s present. A tab running alone first becomes the
    /// state its saved text restores to (the same keys, ids and chain; peers and messages in
    /// flight start over), so that a recording of it opens to the same state anywhere. Says
    /// so in the feed when `say`.
    pub fn begin(live: &mut Playground, now: u64) -> History {
        let origin = if live.mesh().is_none() {
            let save = live.save_text(now);
            let ids = live.ids();
            match Playground::restore_state(&save, ids.clone(), now) {
                Ok(mut p) => {
                    p.take_feed(live);
                    let feed = live
                        .activity()
                        .map(|a| (a.time, a.node, a.kind.to_string(), a.text.clone()))
                        .collect();
                    *live = p;
                    Some(Origin {
                        save,
                        ids,
                        at: now,
                        feed,
                    })
                }
                Err(_) => None,
            }
        } else {
            None
        };
        History::from_state(origin, live.clone())
    }

    /// A history whose first state is `first`.
    pub(crate) fn from_state(origin: Option<Origin>, first: Playground) -> History {
        History {
            origin,
            branches: vec![Branch {
                from: None,
                base: 0,
                entries: Vec::new(),
                ends: Vec::new(),
                snapshots: vec![Snapshot {
                    entries: 0,
                    events: 0,
                    exact: true,
                    state: Rc::new(first),
                }],
                marks: Vec::new(),
                unsaveable: None,
                last_time: 0,
                spacing: SNAPSHOT_EVERY,
            }],
            current: 0,
            weight: 0,
            parked: None,
            replay: None,
        }
    }

    /// How it began (`None` for a linked tab's).
    pub fn origin(&self) -> Option<&Origin> {
        self.origin.as_ref()
    }

    /// The branch shown.
    pub fn current(&self) -> usize {
        self.current
    }

    /// The last event of the branch shown.
    pub fn events(&self) -> u64 {
        self.branches[self.current].events()
    }

    /// The event shown: the slider's place.
    pub fn at(&self) -> u64 {
        self.parked.as_ref().map_or(self.events(), |(e, _)| *e)
    }

    /// Whether the past is shown (the live tab is parked here).
    pub fn viewing_past(&self) -> bool {
        self.parked.is_some()
    }

    /// The live tab: parked here while the past is shown, else `shown` itself.
    pub fn live<'a>(&'a self, shown: &'a Playground) -> &'a Playground {
        self.parked.as_ref().map_or(shown, |(_, p)| p)
    }

    /// What the live tab has for the class server (the edge sends it).
    pub fn take_class_outbox(
        &mut self,
        shown: &mut Playground,
    ) -> Vec<crate::logic::class::ToServer> {
        match self.parked.as_mut() {
            Some((_, p)) => p.take_class_outbox(),
            None => shown.take_class_outbox(),
        }
    }

    /// Keeps showing the present as it is now while the live tab goes on (the pause of a
    /// linked tab: it stops only what this tab shows).
    pub fn freeze(&mut self, shown: &mut Playground) {
        if self.parked.is_none() {
            let still = shown.clone();
            let live = std::mem::replace(shown, still);
            self.parked = Some((self.events(), Box::new(live)));
        }
    }

    /// Runs `entry` on the live tab and records it. A person's command while the past of a
    /// tab running alone is shown starts a new branch from that moment first (a linked tab
    /// goes back to the present instead); the timeline's own commands (pause, play, step)
    /// always act on the present.
    pub fn run(&mut self, shown: &mut Playground, entry: Entry) -> Ran {
        if let Entry::Apply { now, command } = &entry {
            if self.parked.is_some() && !is_time(command) {
                let alone = self.live(shown).mesh().is_none();
                let branched = alone && self.branch_here(shown, *now).is_ok();
                if !branched {
                    self.back_to_now(shown);
                }
            }
        }
        let restarts = matches!(
            &entry,
            Entry::Apply { command, .. }
                if matches!(**command, Command::Import { .. } | Command::NewNetwork(_))
        );
        let live: &mut Playground = match self.parked.as_mut() {
            Some((_, p)) => p,
            None => shown,
        };
        let ran = entry.run(live, None);
        if restarts && matches!(ran.answer, Some(Ok(_))) {
            // Another network: its own history starts here.
            let now = entry_time(&entry).unwrap_or(0);
            self.parked = None;
            *self = History::begin(shown, now);
            return ran;
        }
        let branch = &mut self.branches[self.current];
        let live: &Playground = match self.parked.as_ref() {
            Some((_, p)) => p,
            None => shown,
        };
        let weight = record(branch, entry, &ran.moments, live);
        let full = branch.events() > MAX_EVENTS;
        let now = live.clock().wall_seen().unwrap_or(0);
        if let Some(w) = weight {
            self.weight += w;
            if self.weight > SNAPSHOT_BUDGET {
                self.thin();
            }
        }
        if full && self.parked.is_none() {
            *self = History::begin(shown, now);
            shown.note(Say::new("feed-history-restart").with("most", MAX_EVENTS));
        }
        ran
    }

    /// An advance of the live tab to wall-clock `now`, recorded when the network had
    /// something to do by then (an advance with nothing due changes nothing a later entry
    /// reads).
    pub fn tick(&mut self, shown: &mut Playground, now: u64) -> Step {
        if self.replay.is_some() {
            return self.replay_to(shown, now);
        }
        if !self.live(shown).due(now) {
            return Step::default();
        }
        self.run(shown, Entry::Advance { now, limit: None }).step
    }

    /// Carries out a command on the live tab through the history (see [`History::run`]).
    pub fn apply(
        &mut self,
        shown: &mut Playground,
        command: Command,
        now: u64,
    ) -> Result<Applied, Refused> {
        self.run(
            shown,
            Entry::Apply {
                now,
                command: Box::new(command),
            },
        )
        .answer
        .unwrap_or_else(|| Err(Refused::Said(Say::new("refusal-nothing-done"))))
    }

    /// Shows event `e` of the branch shown: the live tab is parked here and `shown` becomes
    /// the state at `e`; the last event brings the present back.
    pub fn seek(&mut self, shown: &mut Playground, e: u64) -> Result<(), HistoryError> {
        self.replay = None;
        self.show(shown, e)
    }

    /// [`History::seek`], leaving a replay going.
    fn show(&mut self, shown: &mut Playground, e: u64) -> Result<(), HistoryError> {
        let last = self.events();
        if e > last {
            return Err(HistoryError::NoEvent { asked: e, last });
        }
        if e == last {
            self.back_to_now(shown);
            return Ok(());
        }
        let past = self.state_at(self.current, e);
        match self.parked.as_mut() {
            Some((at, _)) => {
                *at = e;
                *shown = past;
            }
            None => {
                let live = std::mem::replace(shown, past);
                self.parked = Some((e, Box::new(live)));
            }
        }
        Ok(())
    }

    /// Plays the past shown at `quarters` of its own pace (4: ×1) from wall-clock `now`: the
    /// events follow one another as they were recorded, and at the present the network goes
    /// on at that speed ([`History::tick`] moves it). Whether it started: not when the
    /// present is shown.
    pub fn replay(&mut self, quarters: u8, now: u64) -> bool {
        let Some((at, _)) = self.parked else {
            return false;
        };
        self.replay = Some(Replay {
            quarters: quarters.clamp(1, 16),
            wall: now,
            from: self.time_of(self.current, at),
        });
        true
    }

    /// Stops a replay (the past stays shown where it is); whether one was going.
    pub fn stop_replay(&mut self) -> bool {
        self.replay.take().is_some()
    }

    /// A replay's move at wall-clock `now`: the last event recorded by then, or the present
    /// (which then plays on).
    fn replay_to(&mut self, shown: &mut Playground, now: u64) -> Step {
        let (Some(r), Some((at, _))) = (self.replay, self.parked.as_ref()) else {
            self.replay = None;
            return Step::default();
        };
        let at = *at;
        let elapsed = now.saturating_sub(r.wall) * u64::from(r.quarters) / 4;
        let until = r.from.saturating_add(elapsed);
        let target = self
            .times(self.current)
            .into_iter()
            .take_while(|(_, t)| *t <= until)
            .map(|(e, _)| e)
            .max()
            .unwrap_or(at)
            .max(at);
        if target >= self.events() {
            self.back_to_now(shown);
            let play = Entry::Apply {
                now,
                command: Box::new(Command::Play(r.quarters)),
            };
            let mut step = self.run(shown, play).step;
            step.changed = true;
            return step;
        }
        if target > at && self.show(shown, target).is_ok() {
            return Step {
                changed: true,
                ..Step::default()
            };
        }
        Step::default()
    }

    /// (events after it, its wall-clock time) for each timed entry of branch `b`'s line, in
    /// order (a parent's entries up to the fork).
    fn times(&self, b: usize) -> Vec<(u64, u64)> {
        let branch = &self.branches[b];
        let mut out = match branch.from {
            Some((parent, fork)) => {
                let mut t = self.times(parent);
                t.retain(|(e, _)| *e <= fork);
                t
            }
            None => Vec::new(),
        };
        out.extend(
            branch
                .entries
                .iter()
                .zip(&branch.ends)
                .filter_map(|(entry, e)| entry_time(entry).map(|t| (*e, t))),
        );
        out
    }

    /// The wall-clock time of event `e` of branch `b`'s line: that of the last entry that
    /// ended by then (the first entry's for event 0).
    fn time_of(&self, b: usize, e: u64) -> u64 {
        let times = self.times(b);
        times
            .iter()
            .take_while(|(end, _)| *end <= e)
            .last()
            .or(times.first())
            .map_or(0, |(_, t)| *t)
    }

    /// Shows the present again.
    pub fn back_to_now(&mut self, shown: &mut Playground) {
        self.replay = None;
        if let Some((_, live)) = self.parked.take() {
            *shown = *live;
        }
    }

    /// The first event at which block `height` was forged in the branch shown.
    pub fn block_event(&self, height: u64) -> Result<u64, HistoryError> {
        self.marks(self.current)
            .into_iter()
            .find(|(_, m)| *m == Moment::Forged { height })
            .map(|(e, _)| e)
            .ok_or(HistoryError::NoBlock(height))
    }

    /// Makes branch `b` the present: its last state becomes the live tab, going on from its
    /// own chain time at wall-clock `now`.
    pub fn switch(
        &mut self,
        shown: &mut Playground,
        b: usize,
        now: u64,
    ) -> Result<(), HistoryError> {
        if b >= self.branches.len() {
            return Err(HistoryError::NoBranch(b));
        }
        self.parked = None;
        *shown = self.state_at_end(b);
        self.current = b;
        let _ = self.run(shown, Entry::Rebase { now });
        Ok(())
    }

    /// A new branch from the event shown, which becomes the present; the old future stays as
    /// the branch it was.
    fn branch_here(&mut self, shown: &mut Playground, now: u64) -> Result<(), HistoryError> {
        let Some((e, _)) = self.parked else {
            return Ok(());
        };
        if self.branches.len() >= MAX_BRANCHES {
            return Err(HistoryError::TooManyBranches);
        }
        let owner = self.owner(self.current, e);
        self.branches.push(Branch {
            from: Some((owner, e)),
            base: e,
            entries: Vec::new(),
            ends: Vec::new(),
            snapshots: vec![Snapshot {
                entries: 0,
                events: e,
                exact: true,
                state: Rc::new(shown.clone()),
            }],
            marks: Vec::new(),
            unsaveable: None,
            last_time: 0,
            spacing: self.branches[owner].spacing,
        });
        self.current = self.branches.len() - 1;
        self.parked = None;
        let _ = self.run(shown, Entry::Rebase { now });
        Ok(())
    }

    /// The branch of `b`'s line that holds event `e` after its fork.
    fn owner(&self, mut b: usize, e: u64) -> usize {
        while let Some((parent, _)) = self.branches[b].from {
            if e >= self.branches[b].base {
                break;
            }
            b = parent;
        }
        b
    }

    /// The state at event `e` of branch `b`'s line, from the nearest snapshot.
    pub fn state_at(&self, b: usize, e: u64) -> Playground {
        let b = self.owner(b, e);
        let branch = &self.branches[b];
        let snap = branch
            .snapshots
            .iter()
            .rev()
            .find(|s| s.events < e || (s.exact && s.events == e))
            .unwrap_or(&branch.snapshots[0]);
        let mut p = (*snap.state).clone();
        run_to(&mut p, &branch.entries[snap.entries..], snap.events, e);
        p
    }

    /// The state at event `e` of branch `b`'s line, replayed from the very first state with no
    /// snapshot but the first and the forks' (what the property test compares seeks with).
    pub fn replay_from_start(&self, b: usize, e: u64) -> Playground {
        let mut line = vec![self.owner(b, e)];
        while let Some((parent, fork)) = self.branches[*line.last().unwrap_or(&0)].from {
            line.push(self.owner(parent, fork));
        }
        line.reverse();
        let mut p = (*self.branches[0].snapshots[0].state).clone();
        let mut done = 0;
        for (k, &br) in line.iter().enumerate() {
            let branch = &self.branches[br];
            let until = line.get(k + 1).map_or(e, |&next| self.branches[next].base);
            run_to(&mut p, &branch.entries, done, until);
            done = until;
        }
        p
    }

    /// The last state of branch `b` (every entry run, to the end).
    pub fn state_at_end(&self, b: usize) -> Playground {
        let branch = &self.branches[b];
        let snap = branch.snapshots.last().unwrap_or(&branch.snapshots[0]);
        let mut p = (*snap.state).clone();
        for entry in &branch.entries[snap.entries..] {
            let _ = entry.run(&mut p, None);
        }
        p
    }

    /// Blocks, forks and commands of branch `b`'s line, by event.
    fn marks(&self, b: usize) -> Vec<(u64, Moment)> {
        let branch = &self.branches[b];
        let mut out = match branch.from {
            Some((parent, fork)) => {
                let mut m = self.marks(parent);
                m.retain(|(e, _)| *e <= fork);
                m
            }
            None => Vec::new(),
        };
        out.extend(branch.marks.iter().copied());
        out
    }

    /// The entries of the branch shown, from the first state: the parents' up to each fork
    /// (an advance cut at the fork carries its limit), then its own.
    pub fn line_entries(&self) -> Vec<Entry> {
        self.line_of(self.current)
    }

    fn line_of(&self, b: usize) -> Vec<Entry> {
        let branch = &self.branches[b];
        let mut out = match branch.from {
            Some((parent, fork)) => self.line_until(parent, fork),
            None => Vec::new(),
        };
        out.extend(branch.entries.iter().cloned());
        out
    }

    /// The entries of branch `b`'s line that bring the first state to event `e`, the advance
    /// that holds the `e`-th event cut right after it.
    fn line_until(&self, b: usize, e: u64) -> Vec<Entry> {
        let b = self.owner(b, e);
        let branch = &self.branches[b];
        let mut out = match branch.from {
            Some((parent, fork)) => self.line_until(parent, fork),
            None => Vec::new(),
        };
        let mut done = branch.base;
        for (entry, &end) in branch.entries.iter().zip(&branch.ends) {
            if done >= e {
                break;
            }
            match entry {
                Entry::Advance { now, .. } if end >= e => out.push(Entry::Advance {
                    now: *now,
                    limit: Some(e - done),
                }),
                _ => out.push(entry.clone()),
            }
            done = end;
        }
        out
    }

    /// The timeline's numbers.
    pub fn view(&self, shown: &Playground) -> TimelineView {
        let live = self.live(shown);
        let marks = self.marks(self.current);
        let alone = live.mesh().is_none();
        let paused = if alone {
            live.clock().paused() && self.replay.is_none()
        } else if live.class_connection().is_some_and(|c| c.teacher) {
            live.class_connection()
                .and_then(|c| c.lead.as_ref())
                .is_some_and(|l| l.paused)
        } else {
            self.parked.is_some()
        };
        TimelineView {
            now: self.events(),
            at: self.at(),
            events: self.events(),
            branches: self
                .branches
                .iter()
                .enumerate()
                .map(|(id, b)| BranchView {
                    id,
                    from: b.from,
                    events: b.events(),
                })
                .collect(),
            branch: self.current,
            paused,
            speed: f64::from(self.replay.map_or(live.clock().quarters(), |r| r.quarters)) / 4.0,
            alone,
            blocks: marks
                .iter()
                .filter_map(|(e, m)| match m {
                    Moment::Forged { height } => Some((*e, *height)),
                    _ => None,
                })
                .collect(),
            forks: marks
                .iter()
                .filter(|(_, m)| *m == Moment::Fork)
                .map(|(e, _)| *e)
                .collect(),
            cannot_save: self.saveable().err(),
        }
    }

    /// Every branch keeps every other snapshot (never an exact one) and takes them twice as
    /// far apart from now on.
    fn thin(&mut self) {
        for branch in &mut self.branches {
            let mut k = 0;
            branch.snapshots.retain(|s| {
                k += 1;
                s.exact || k % 2 == 0
            });
            branch.spacing = branch.spacing.saturating_mul(2);
        }
        self.weight = self
            .branches
            .iter()
            .flat_map(|b| b.snapshots.iter())
            .map(Snapshot::weight)
            .sum();
    }

    /// Memory the snapshots hold, roughly: how many there are.
    pub fn snapshots(&self) -> usize {
        self.branches.iter().map(|b| b.snapshots.len()).sum()
    }

    /// Entries recorded, over every branch.
    pub fn entries(&self) -> usize {
        self.branches.iter().map(|b| b.entries.len()).sum()
    }
}

/// Whether a command is the timeline's own (it acts on the present, never branches).
fn is_time(command: &Command) -> bool {
    matches!(
        command,
        Command::Pause | Command::Play(_) | Command::StepEvent
    ) || matches!(
        command,
        Command::Teach(
            crate::logic::class::Order::Pause
                | crate::logic::class::Order::Resume
                | crate::logic::class::Order::Step
                | crate::logic::class::Order::Speed(_)
        )
    )
}

fn entry_time(entry: &Entry) -> Option<u64> {
    match entry {
        Entry::Advance { now, .. }
        | Entry::Apply { now, .. }
        | Entry::Handle { now, .. }
        | Entry::Rebase { now } => Some(*now),
        Entry::Draw(d) => Some(d.now),
        Entry::Draws { .. } => None,
    }
}

/// Records `entry`, which made `moments` and left the tab `live`, at the end of `branch`,
/// with a snapshot when enough events passed since the last (then its weight is returned).
fn record(branch: &mut Branch, entry: Entry, moments: &[Moment], live: &Playground) -> Option<u64> {
    let start = branch.events();
    for (k, m) in moments.iter().enumerate() {
        if !matches!(m, Moment::Message | Moment::Outside) {
            branch.marks.push((start + k as u64 + 1, *m));
        }
    }
    if branch.unsaveable.is_none() {
        branch.unsaveable = History::unsaveable(&entry);
    }
    if let Some(t) = entry_time(&entry) {
        branch.last_time = branch.last_time.max(t);
    }
    branch.entries.push(entry);
    let events = start + moments.len() as u64;
    branch.ends.push(events);
    let last = branch.snapshots.last().map_or(0, |s| s.events);
    if events < last + branch.spacing {
        return None;
    }
    let snapshot = Snapshot {
        entries: branch.entries.len(),
        events,
        exact: false,
        state: Rc::new(live.clone()),
    };
    let weight = snapshot.weight();
    branch.snapshots.push(snapshot);
    Some(weight)
}

/// Runs `entries` on `p`, which is at event `done`, until event `until`: right after the
/// `until`-th event, or to the end of the entries.
fn run_to(p: &mut Playground, entries: &[Entry], mut done: u64, until: u64) {
    for entry in entries {
        if done >= until {
            return;
        }
        let ran = entry.run(p, Some(until - done));
        done += ran.moments.len() as u64;
    }
}

/// The history and the tab it records, as one [`Act`]: a lesson's "Do it" gives its commands
/// through it, so they are recorded like clicks.
pub struct Recorder<'a> {
    /// The history.
    pub history: &'a mut History,
    /// The tab shown.
    pub shown: &'a mut Playground,
}

impl Act for Recorder<'_> {
    fn playground(&self) -> &Playground {
        self.history.live(self.shown)
    }

    fn act(&mut self, command: Command, now: u64) -> Result<Applied, Refused> {
        self.history.apply(self.shown, command, now)
    }
}
