//! Recordings: the history of a tab running alone as a file, and back (issue 29).
//!
//! A recording is JSON: `format` ([`RECORDING_FORMAT`]), `version` ([`RECORDING_VERSION`]),
//! `keys: true` with a warning (it holds every node's secret key, as an export with keys
//! does), `start` (the tab's saved state with its keys, its ids and the time it starts at) and
//! `entries`, one object per recorded input, each named by `t`. It holds the current branch of
//! the history, its parents' entries up to each fork included, so one file is one line of
//! history.
//!
//! Opening one is checked like a chain file and changes nothing until all of it holds: at most
//! [`MAX_RECORDING_BYTES`], the header first (another version says so), the start's chain
//! validated from genesis, every entry read on its own (a damaged one is named by its
//! number), times that never go back and span at most [`MAX_SPAN_MS`], every draw one the
//! nodes wait for at that point (and computed again here, never taken from the file). Then the
//! entries run from the start, as in a seek, and the history is rebuilt with its snapshots.

use super::{DrawAnswer, Entry, History, Origin};
use crate::logic::command::{Command, Key};
use crate::logic::i18n::{SaidFile, Say};
use crate::logic::model::{Ids, Playground, Request, Target};
use crate::logic::persist::{check_header, LoadError};
use pos_core::hash::{from_hex_array, to_hex};
use pos_core::{Address, Hash, Wallet};
use serde::{Deserialize, Serialize};

/// The `format` of a recording.
pub const RECORDING_FORMAT: &str = "pos-playground-recording";
/// The version of recordings this build writes and reads.
pub const RECORDING_VERSION: u32 = 1;
/// The largest recording saved or opened (8 MiB: about 100,000 entries).
pub const MAX_RECORDING_BYTES: usize = 8 * 1024 * 1024;
/// The longest recording, from its start to its last entry (6 hours of the wall clock).
pub const MAX_SPAN_MS: u64 = 6 * 60 * 60 * 1000;

const WARNING: &str =
    "This recording holds secret keys: whoever has this file can spend the tokens of its nodes.";

/// Why a recording cannot be saved or opened; when opening, nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordingError {
    /// Over [`MAX_RECORDING_BYTES`].
    TooBig(usize),
    /// The file's header, shape or start (its saved state).
    Start(LoadError),
    /// Entry `index` (from 0) cannot be used.
    Entry {
        /// Its place among the entries.
        index: usize,
        /// Why.
        reason: String,
    },
    /// This history cannot be saved.
    NotSaveable(Unsaveable),
}

/// Why a history cannot be saved as a recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Unsaveable {
    /// It holds what other tabs, machines or the class server said.
    Linked,
    /// It is longer than a recording holds ([`MAX_SPAN_MS`]).
    TooLong,
    /// Its text could not be written.
    Unwritable,
}

impl Unsaveable {
    /// Why, in words (`history-cannot-save`).
    pub fn say(self) -> Say {
        let reason = match self {
            Unsaveable::Linked => "linked",
            Unsaveable::TooLong => "tooLong",
            Unsaveable::Unwritable => "unwritable",
        };
        Say::new("history-cannot-save").with("reason", reason)
    }
}

impl RecordingError {
    /// Why, in words (`refusal-recording`; the start's in [`LoadError::say`]'s). An entry's
    /// reason is the file's detail, as written.
    pub fn say(&self) -> Say {
        let s = Say::new("refusal-recording");
        match self {
            RecordingError::TooBig(n) => s
                .with("reason", "tooBig")
                .with("size", *n)
                .with("most", MAX_RECORDING_BYTES),
            RecordingError::Start(e) => s.with("reason", "start").with("why", e.say()),
            RecordingError::Entry { index, reason } => s
                .with("reason", "entry")
                .with_id("index", *index as u64)
                .with("detail", reason.as_str()),
            RecordingError::NotSaveable(why) => why.say(),
        }
    }
}

/// The file.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RecordingFile {
    format: String,
    version: u32,
    keys: bool,
    warning: String,
    start: Start,
    entries: Vec<serde_json::Value>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Start {
    /// The tab's saved state (its own format, with keys), as text.
    save: String,
    tab: String,
    net_seed: u64,
    at: u64,
    /// The feed it had then, newest first: `[time, node, kind, words]`, the words a key of
    /// `page.ftl` and its values (`SaidFile`).
    #[serde(default)]
    feed: Vec<(u64, usize, String, SaidFile)>,
}

/// One entry as the file has it.
#[derive(Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "camelCase")]
enum Line {
    Advance {
        now: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        limit: Option<u64>,
    },
    #[serde(rename_all = "camelCase")]
    Submit {
        now: u64,
        node: usize,
        kind: String,
        amount: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to_node: Option<usize>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to_address: Option<Address>,
    },
    Forge {
        now: u64,
        node: usize,
    },
    #[serde(rename_all = "camelCase")]
    Conditions {
        now: u64,
        latency_ms: u64,
        jitter_ms: u64,
        drop: f64,
    },
    Partition {
        now: u64,
        groups: Vec<Vec<usize>>,
    },
    Heal {
        now: u64,
    },
    Crash {
        now: u64,
        node: usize,
    },
    Restart {
        now: u64,
        node: usize,
    },
    Adversary {
        now: u64,
        node: usize,
        behaviour: String,
    },
    AddNode {
        now: u64,
        key: String,
    },
    RemoveNode {
        now: u64,
    },
    Pause {
        now: u64,
    },
    Play {
        now: u64,
        quarters: u8,
    },
    StepEvent {
        now: u64,
    },
    #[serde(rename_all = "camelCase")]
    Draw {
        now: u64,
        seed: Hash,
        stakers: Vec<(Address, u64)>,
        by_worker: bool,
    },
    #[serde(rename_all = "camelCase")]
    Draws {
        defer_from: Option<u64>,
        external: bool,
    },
    Rebase {
        now: u64,
    },
}

fn apply(now: u64, command: Command) -> Entry {
    Entry::Apply {
        now,
        command: Box::new(command),
    }
}

impl Line {
    fn of(entry: &Entry) -> Result<Line, Unsaveable> {
        Ok(match entry {
            Entry::Advance { now, limit } => Line::Advance {
                now: *now,
                limit: *limit,
            },
            Entry::Apply { now, command } => {
                let now = *now;
                match &**command {
                    Command::Submit { node, request } => {
                        let (kind, amount, to_node, to_address) = match request {
                            Request::Exchange(a) => ("exchange", *a, None, None),
                            Request::Stake(a) => ("stake", *a, None, None),
                            Request::Transfer(Target::Node(j), a) => {
                                ("transfer", *a, Some(*j), None)
                            }
                            Request::Transfer(Target::Address(to), a) => {
                                ("transfer", *a, None, Some(*to))
                            }
                        };
                        Line::Submit {
                            now,
                            node: *node,
                            kind: kind.into(),
                            amount,
                            to_node,
                            to_address,
                        }
                    }
                    Command::Forge(node) => Line::Forge { now, node: *node },
                    Command::SetConditions {
                        latency_ms,
                        jitter_ms,
                        drop,
                    } => Line::Conditions {
                        now,
                        latency_ms: *latency_ms,
                        jitter_ms: *jitter_ms,
                        drop: *drop,
                    },
                    Command::Partition(groups) => Line::Partition {
                        now,
                        groups: groups.clone(),
                    },
                    Command::Heal => Line::Heal { now },
                    Command::Crash(node) => Line::Crash { now, node: *node },
                    Command::Restart(node) => Line::Restart { now, node: *node },
                    Command::Adversary { node, behaviour } => Line::Adversary {
                        now,
                        node: *node,
                        behaviour: behaviour.clone(),
                    },
                    Command::AddNode(Key(w)) => Line::AddNode {
                        now,
                        key: to_hex(&w.secret()),
                    },
                    Command::RemoveNode => Line::RemoveNode { now },
                    Command::Pause => Line::Pause { now },
                    Command::Play(quarters) => Line::Play {
                        now,
                        quarters: *quarters,
                    },
                    Command::StepEvent => Line::StepEvent { now },
                    _ => return Err(Unsaveable::Linked),
                }
            }
            Entry::Handle { .. } => return Err(Unsaveable::Linked),
            Entry::Draw(d) => Line::Draw {
                now: d.now,
                seed: d.draw.seed,
                stakers: d.draw.stakers.clone(),
                by_worker: d.by_worker,
            },
            Entry::Draws {
                defer_from,
                external,
            } => Line::Draws {
                defer_from: *defer_from,
                external: *external,
            },
            Entry::Rebase { now } => Line::Rebase { now: *now },
        })
    }

    /// The entry, its draw computed here; `p` is the tab at this point, to check a draw
    /// against what its nodes wait for.
    fn entry(self, p: &Playground) -> Result<Entry, String> {
        Ok(match self {
            Line::Advance { now, limit } => Entry::Advance { now, limit },
            Line::Submit {
                now,
                node,
                kind,
                amount,
                to_node,
                to_address,
            } => {
                let request = match (kind.as_str(), to_node, to_address) {
                    ("exchange", None, None) => Request::Exchange(amount),
                    ("stake", None, None) => Request::Stake(amount),
                    ("transfer", Some(j), None) => Request::Transfer(Target::Node(j), amount),
                    ("transfer", None, Some(a)) => Request::Transfer(Target::Address(a), amount),
                    _ => {
                        return Err(format!(
                            "a request of kind \"{kind}\" with that receiver cannot be made"
                        ))
                    }
                };
                apply(now, Command::Submit { node, request })
            }
            Line::Forge { now, node } => apply(now, Command::Forge(node)),
            Line::Conditions {
                now,
                latency_ms,
                jitter_ms,
                drop,
            } => apply(
                now,
                Command::SetConditions {
                    latency_ms,
                    jitter_ms,
                    drop,
                },
            ),
            Line::Partition { now, groups } => {
                let limit = crate::logic::wire::MAX_NODES;
                if groups.len() > limit || groups.iter().any(|g| g.len() > limit) {
                    return Err(format!(
                        "a partition has at most {limit} groups of at most {limit} nodes"
                    ));
                }
                apply(now, Command::Partition(groups))
            }
            Line::Heal { now } => apply(now, Command::Heal),
            Line::Crash { now, node } => apply(now, Command::Crash(node)),
            Line::Restart { now, node } => apply(now, Command::Restart(node)),
            Line::Adversary {
                now,
                node,
                behaviour,
            } => apply(now, Command::Adversary { node, behaviour }),
            Line::AddNode { now, key } => {
                let seed = from_hex_array::<32>(&key)
                    .map_err(|_| "a new node's key is not 64 hex digits".to_string())?;
                apply(now, Command::AddNode(Key::new(Wallet::from_seed(seed))))
            }
            Line::RemoveNode { now } => apply(now, Command::RemoveNode),
            Line::Pause { now } => apply(now, Command::Pause),
            Line::Play { now, quarters } => apply(now, Command::Play(quarters)),
            Line::StepEvent { now } => apply(now, Command::StepEvent),
            Line::Draw {
                now,
                seed,
                stakers,
                by_worker,
            } => {
                let draw = pos_core::chain::DrawRequest { seed, stakers };
                if !p.net().pending_draws().contains(&draw) {
                    return Err("a draw that no node waits for at this point".into());
                }
                let ranking = pos_core::chain::compute_draw(&draw.stakers, &draw.seed);
                Entry::Draw(Box::new(DrawAnswer {
                    now,
                    draw,
                    ranking,
                    by_worker,
                }))
            }
            Line::Draws {
                defer_from,
                external,
            } => Entry::Draws {
                defer_from,
                external,
            },
            Line::Rebase { now } => Entry::Rebase { now },
        })
    }

    fn now(&self) -> Option<u64> {
        match self {
            Line::Draws { .. } => None,
            Line::Advance { now, .. }
            | Line::Submit { now, .. }
            | Line::Forge { now, .. }
            | Line::Conditions { now, .. }
            | Line::Partition { now, .. }
            | Line::Heal { now }
            | Line::Crash { now, .. }
            | Line::Restart { now, .. }
            | Line::Adversary { now, .. }
            | Line::AddNode { now, .. }
            | Line::RemoveNode { now }
            | Line::Pause { now }
            | Line::Play { now, .. }
            | Line::StepEvent { now }
            | Line::Draw { now, .. }
            | Line::Rebase { now } => Some(*now),
        }
    }
}

impl History {
    /// Whether the branch shown can be saved as a recording, or why not (cheap: what every
    /// entry was is noted as it is recorded).
    pub fn saveable(&self) -> Result<(), Unsaveable> {
        let Some(origin) = &self.origin else {
            return Err(Unsaveable::Linked);
        };
        let mut b = Some(self.current);
        while let Some(k) = b {
            let branch = &self.branches[k];
            if let Some(why) = branch.unsaveable {
                return Err(why);
            }
            b = branch.from.map(|(parent, _)| parent);
        }
        if self.branches[self.current]
            .last_time
            .saturating_sub(origin.at)
            > MAX_SPAN_MS
        {
            return Err(Unsaveable::TooLong);
        }
        Ok(())
    }

    /// Why `entry` cannot go into a recording, if it cannot.
    pub(super) fn unsaveable(entry: &Entry) -> Option<Unsaveable> {
        Line::of(entry).err()
    }

    /// The branch shown as a recording's text.
    pub fn recording(&self) -> Result<String, RecordingError> {
        self.saveable().map_err(RecordingError::NotSaveable)?;
        let origin = self
            .origin
            .as_ref()
            .ok_or(RecordingError::NotSaveable(Unsaveable::Linked))?;
        let entries = self
            .line_entries()
            .iter()
            .map(|e| {
                Line::of(e)
                    .map_err(RecordingError::NotSaveable)
                    .and_then(|l| {
                        serde_json::to_value(l)
                            .map_err(|_| RecordingError::NotSaveable(Unsaveable::Unwritable))
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let file = RecordingFile {
            format: RECORDING_FORMAT.into(),
            version: RECORDING_VERSION,
            keys: true,
            warning: WARNING.into(),
            start: Start {
                save: origin.save.clone(),
                tab: origin.ids.tab.clone(),
                net_seed: origin.ids.net_seed,
                at: origin.at,
                feed: origin
                    .feed
                    .iter()
                    .map(|(time, node, kind, say)| {
                        (*time, *node, kind.clone(), SaidFile::from(say))
                    })
                    .collect(),
            },
            entries,
        };
        let text = serde_json::to_string(&file)
            .map_err(|_| RecordingError::NotSaveable(Unsaveable::Unwritable))?;
        if text.len() > MAX_RECORDING_BYTES {
            return Err(RecordingError::TooBig(text.len()));
        }
        Ok(text)
    }

    /// Opens a recording (untrusted text): the history it holds, and the tab at its end. An
    /// error names the place and the reason; nothing is changed by it. (The page opens one a
    /// slice at a time instead: [`Opening`].)
    pub fn open(text: &str) -> Result<(History, Playground), RecordingError> {
        let mut opening = Opening::start(text)?;
        while !opening.step(usize::MAX)? {}
        Ok(opening.finish())
    }
}

/// A recording being opened: its start is read and checked, and its entries run a slice at a
/// time ([`Opening::step`]), so that a page can open a long one without stopping (a recording
/// of 1,000 blocks is about 13,000 entries and takes seconds to run). Nothing outside it
/// changes until [`Opening::finish`].
pub struct Opening {
    history: History,
    live: Playground,
    entries: std::vec::IntoIter<serde_json::Value>,
    /// Entries run so far.
    done: usize,
    total: usize,
    /// The recording's start and the time of the last entry run (ms).
    at: u64,
    last: u64,
}

impl Opening {
    /// Reads and checks the recording's header and start; its entries are read as they run.
    pub fn start(text: &str) -> Result<Opening, RecordingError> {
        if text.len() > MAX_RECORDING_BYTES {
            return Err(RecordingError::TooBig(text.len()));
        }
        check_header(text, RECORDING_FORMAT, RECORDING_VERSION).map_err(RecordingError::Start)?;
        let file: RecordingFile = serde_json::from_str(text)
            .map_err(|e| RecordingError::Start(LoadError::Unreadable(e.to_string())))?;
        let tab_ok = !file.start.tab.is_empty()
            && file.start.tab.len() <= 16
            && file.start.tab.chars().all(|c| c.is_ascii_alphanumeric());
        if !tab_ok {
            return Err(RecordingError::Start(LoadError::Unreadable(
                "the tab id is 1 to 16 letters and digits".into(),
            )));
        }
        let ids = Ids {
            tab: file.start.tab,
            net_seed: file.start.net_seed,
        };
        let at = file.start.at;
        let mut first = Playground::restore_state(&file.start.save, ids.clone(), at)
            .map_err(RecordingError::Start)?;
        let feed = file
            .start
            .feed
            .into_iter()
            .take(80)
            .enumerate()
            .map(|(n, (time, node, kind, said))| match said.to_say() {
                Some(say) => Ok((time, node, kind, say)),
                None => Err(RecordingError::Start(LoadError::Unreadable(format!(
                    "line {n} of its feed: a key and names are letters, digits and dashes"
                )))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        first.set_feed(feed.clone());
        if first.mesh().is_some() {
            return Err(RecordingError::Start(LoadError::Unreadable(
                "its start is a tab of a network of tabs; a recording is of a tab running alone"
                    .into(),
            )));
        }
        let origin = Origin {
            save: file.start.save,
            ids,
            at,
            feed,
        };
        let history = History::from_state(Some(origin), first.clone());
        let total = file.entries.len();
        Ok(Opening {
            history,
            live: first,
            entries: file.entries.into_iter(),
            done: 0,
            total,
            at,
            last: at,
        })
    }

    /// Entries run so far, and how many the recording has.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    /// Runs at most `most` more entries: whether all have run. A damaged entry is refused
    /// with its number and the reason.
    pub fn step(&mut self, most: usize) -> Result<bool, RecordingError> {
        for value in self.entries.by_ref().take(most) {
            let index = self.done;
            let bad = |reason: String| RecordingError::Entry { index, reason };
            let line: Line = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
            if let Some(t) = line.now() {
                if t < self.last {
                    return Err(bad(format!(
                        "its time {t} is before the entry before it ({})",
                        self.last
                    )));
                }
                if t - self.at > MAX_SPAN_MS {
                    return Err(bad("it is more than 6 hours after the start".into()));
                }
                self.last = t;
            }
            let entry = line.entry(&self.live).map_err(bad)?;
            let _ = self.history.run(&mut self.live, entry);
            self.done += 1;
        }
        Ok(self.done == self.total)
    }

    /// The history and the tab at the recording's end (call once every entry has run).
    pub fn finish(self) -> (History, Playground) {
        (self.history, self.live)
    }
}
