//! Lessons: guided walks over the live playground. A lesson is a text file (one per lesson and
//! language, `www/lessons/<lang>/<name>.txt`, format in docs/lessons.md) read by [`parse`] into a
//! [`Lesson`]; [`Tour`] is the step machine: which step is open, what it shows, which
//! [`Command`]s its "Do it" hands to `Playground::apply`, and whether its effect has happened
//! (so a step done by hand moves on too). Lesson files and address parameters are untrusted:
//! every problem is a [`LessonError`] naming the file and line, never a panic.

use crate::logic::command::Command;
use crate::logic::i18n::Say;
use crate::logic::model::{NodeSummary, Playground, Request, Target};
use crate::logic::wire::MAX_NODES;
use pos_core::vec_map::VecMap;
use std::fmt;

/// The largest lesson file read (bytes).
pub const MAX_FILE_BYTES: usize = 32 * 1024;
/// The most steps in a lesson.
pub const MAX_STEPS: usize = 40;
/// How long a step whose effect happened stays on screen before the next opens (ms).
pub const DWELL_MS: u64 = 1_500;

/// What is wrong with a lesson file or a lesson's address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonError {
    /// A lesson name that is not 1 to 32 lowercase letters, digits or `-`.
    BadName(String),
    /// The file could not be fetched (missing, or the server said no).
    Missing {
        /// The file's path, e.g. `lessons/en/lots.txt`.
        file: String,
        /// What the browser or server said.
        why: String,
    },
    /// The file is there but is not a lesson.
    Damaged {
        /// The file's path.
        file: String,
        /// The line (from 1; 0 for the file as a whole).
        line: usize,
        /// What is wrong.
        problem: Problem,
    },
}

/// What is wrong in a lesson file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// A line that is neither `key: value`, a comment nor blank.
    NoColon,
    /// A key the format does not have.
    UnknownKey(String),
    /// A key with nothing after the colon.
    Empty(String),
    /// `title:` twice.
    TwoTitles,
    /// A step's line before the first `step:`.
    BeforeFirstStep(String),
    /// A key given twice in one step.
    Twice(String),
    /// No `title:`.
    NoTitle,
    /// No `step:`.
    NoSteps,
    /// More than [`MAX_STEPS`] steps.
    TooManySteps,
    /// A step without `text:`.
    NoText,
    /// `button:` without `do:`.
    ButtonWithoutDo,
    /// A `do:` that is not an action.
    BadAction(String),
    /// A `wait:` that is not a check.
    BadWait(String),
    /// A `name: title` line of the index that does not name a lesson.
    BadIndexLine(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::TooLarge => write!(f, "the file is larger than {MAX_FILE_BYTES} bytes"),
            Problem::NoColon => f.write_str("expected \"key: value\" (or # for a comment)"),
            Problem::UnknownKey(k) => write!(
                f,
                "unknown key \"{k}\" (the keys are title, step, show, text, do, button, wait)"
            ),
            Problem::Empty(k) => write!(f, "\"{k}:\" has nothing after it"),
            Problem::TwoTitles => f.write_str("a second title:"),
            Problem::BeforeFirstStep(k) => write!(f, "\"{k}:\" before the first step:"),
            Problem::Twice(k) => write!(f, "\"{k}:\" twice in one step"),
            Problem::NoTitle => f.write_str("no title: line"),
            Problem::NoSteps => f.write_str("no step: line"),
            Problem::TooManySteps => write!(f, "more than {MAX_STEPS} steps"),
            Problem::NoText => f.write_str("this step has no text: line"),
            Problem::ButtonWithoutDo => f.write_str("button: without a do: line"),
            Problem::BadAction(a) => write!(f, "\"{a}\" is not an action (buy, transfer, stake, forge, crash, restart, split, heal, behave, press)"),
            Problem::BadWait(w) => write!(f, "\"{w}\" is not a check (blocks, pool, refused, rejected, fork, agree, sides)"),
            Problem::BadIndexLine(l) => write!(f, "\"{l}\" is not \"name: title\" with a lesson name"),
        }
    }
}

impl LessonError {
    /// Why, in words (`lesson-error`); a damaged file's problem in the lesson format's own
    /// terms (English, like its keys `title:`, `step:`).
    pub fn say(&self) -> Say {
        let s = Say::new("lesson-error");
        match self {
            LessonError::BadName(n) => s.with("reason", "badName").with("name", n.as_str()),
            LessonError::Missing { file, why } => s
                .with("reason", "missing")
                .with("file", file.as_str())
                .with("why", why.as_str()),
            LessonError::Damaged {
                file,
                line,
                problem,
            } => s
                .with("reason", if *line == 0 { "damaged" } else { "line" })
                .with("file", file.as_str())
                .with_id("line", *line as u64)
                .with("problem", problem.to_string()),
        }
    }
}

/// Which node an action acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// A node by index (the file says `3` for Node 3, index 2).
    Node(usize),
    /// Whoever won the draw for the next block when "Do it" is pressed.
    Forger,
    /// Every node (`restart all`: every crashed node; `behave all`).
    All,
}

/// What a step's "Do it" does.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Node buys tokens from the exchange.
    Buy(usize, u64),
    /// Node pays another node.
    Transfer(usize, usize, u64),
    /// Node stakes tokens.
    Stake(usize, u64),
    /// Node forges now.
    Forge(Who),
    /// Node crashes.
    Crash(Who),
    /// Node restarts.
    Restart(Who),
    /// Split into groups.
    Split(Vec<Vec<usize>>),
    /// Heal the split.
    Heal,
    /// Node takes a behaviour ("honest" or an adversary's name).
    Behave(Who, String),
    /// Press the page's button with this `data-testid` (not a network action: the lab's Run).
    Press(String),
}

/// What has to have happened since the step opened for it to be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Node's balance plus stake grew by at least this much.
    Holdings(usize, u64),
    /// Node's stake grew by at least this much.
    Stake(usize, u64),
    /// The highest chain grew by at least this many blocks.
    Blocks(u64),
    /// A node (this one, or any) is crashed.
    Crashed(Option<usize>),
    /// This node (or every node) runs.
    Running(Option<usize>),
    /// The network is split.
    Split,
    /// The network is not split.
    Healed,
    /// This node (or some node) behaves so.
    Behaves(Option<usize>, String),
    /// Some node's pool holds at least this many transactions.
    Pool(usize),
    /// The node's last request was refused.
    Refused(usize),
    /// Nodes refused more messages whose reason starts so (`block:badSignature`,
    /// `tx:conflict`, …; several prefixes separated by commas).
    Rejected(String),
    /// Two running nodes have different tips.
    Fork,
    /// Every running node has the same tip.
    Agree,
    /// Some node keeps a side branch in its block tree.
    Sides,
}

/// One step of a lesson.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Step {
    /// Its heading.
    pub heading: String,
    /// Its text (the file's `text:` lines joined by spaces).
    pub text: String,
    /// The CSS selector of the part of the page it is about (empty: none).
    pub show: String,
    /// What "Do it" does.
    pub actions: Vec<Action>,
    /// The "Do it" button's words.
    pub button: String,
    /// Checks given with `wait:` (instead of those of the actions).
    pub waits: Vec<Check>,
}

impl Step {
    /// What must hold for the step to be done: its `wait:` checks if it has any, else the
    /// effects of its actions.
    pub fn checks(&self) -> Vec<Check> {
        if self.waits.is_empty() {
            self.actions.iter().filter_map(Action::check).collect()
        } else {
            self.waits.clone()
        }
    }
}

/// A lesson: its name (the file's), title and steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The file's name without `.txt`.
    pub name: String,
    /// Its title.
    pub title: String,
    /// Its steps, at least one.
    pub steps: Vec<Step>,
}

/// Whether `name` may name a lesson (and so a file): 1 to 32 of `a-z`, `0-9`, `-`.
pub fn valid_name(name: &str) -> bool {
    (1..=32).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The path of a lesson's file (or of the index, `index`) under the page.
pub fn file_of(lang: &str, name: &str) -> String {
    format!("lessons/{lang}/{name}.txt")
}

/// The language of `?lang=` if it is one (2 to 8 ASCII letters or `-`, as in `pt-BR`), else
/// English.
pub fn language(param: Option<&str>) -> String {
    match param {
        Some(l)
            if (2..=8).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') =>
        {
            l.to_string()
        }
        _ => "en".to_string(),
    }
}

/// `key: value` lines of a file, without comments and blank lines, with their line numbers.
fn lines<'a>(file: &str, text: &'a str) -> Result<Vec<(usize, &'a str, &'a str)>, LessonError> {
    let damaged = |line, problem| LessonError::Damaged {
        file: file.to_string(),
        line,
        problem,
    };
    if text.len() > MAX_FILE_BYTES {
        return Err(damaged(0, Problem::TooLarge));
    }
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or(damaged(n + 1, Problem::NoColon))?;
        let (key, value) = (key.trim(), value.trim());
        if value.is_empty() {
            return Err(damaged(n + 1, Problem::Empty(key.to_string())));
        }
        out.push((n + 1, key, value));
    }
    Ok(out)
}

/// Reads lesson `name`'s file `file` (its path, for messages).
pub fn parse(name: &str, file: &str, text: &str) -> Result<Lesson, LessonError> {
    let damaged = |line, problem| LessonError::Damaged {
        file: file.to_string(),
        line,
        problem,
    };
    let mut title = None;
    let mut steps: Vec<(usize, Step)> = Vec::new();
    for (n, key, value) in lines(file, text)? {
        if key == "title" {
            if title.replace(value.to_string()).is_some() {
                return Err(damaged(n, Problem::TwoTitles));
            }
            continue;
        }
        if key == "step" {
            if steps.len() == MAX_STEPS {
                return Err(damaged(n, Problem::TooManySteps));
            }
            steps.push((
                n,
                Step {
                    heading: value.to_string(),
                    ..Step::default()
                },
            ));
            continue;
        }
        let known = ["show", "text", "do", "button", "wait"];
        if !known.contains(&key) {
            return Err(damaged(n, Problem::UnknownKey(key.to_string())));
        }
        let Some((_, step)) = steps.last_mut() else {
            return Err(damaged(n, Problem::BeforeFirstStep(key.to_string())));
        };
        let once = |field: &mut String, value: &str| {
            if field.is_empty() {
                *field = value.to_string();
                Ok(())
            } else {
                Err(damaged(n, Problem::Twice(key.to_string())))
            }
        };
        match key {
            "show" => once(&mut step.show, &selector(value))?,
            "button" => once(&mut step.button, value)?,
            "text" => {
                if !step.text.is_empty() {
                    step.text.push(' ');
                }
                step.text.push_str(value);
            }
            "do" => step.actions.push(
                action(value).ok_or_else(|| damaged(n, Problem::BadAction(value.to_string())))?,
            ),
            _ => step
                .waits
                .push(check(value).ok_or_else(|| damaged(n, Problem::BadWait(value.to_string())))?),
        }
    }
    let title = title.ok_or(damaged(0, Problem::NoTitle))?;
    if steps.is_empty() {
        return Err(damaged(0, Problem::NoSteps));
    }
    for (n, step) in &steps {
        if step.text.is_empty() {
            return Err(damaged(*n, Problem::NoText));
        }
        if step.actions.is_empty() && !step.button.is_empty() {
            return Err(damaged(*n, Problem::ButtonWithoutDo));
        }
    }
    Ok(Lesson {
        name: name.to_string(),
        title,
        steps: steps.into_iter().map(|(_, s)| s).collect(),
    })
}

/// Reads a language's `index.txt`: `name: title` lines, the lessons of the menu in order.
pub fn parse_index(file: &str, text: &str) -> Result<Vec<(String, String)>, LessonError> {
    lines(file, text)?
        .into_iter()
        .map(|(n, name, title)| {
            if valid_name(name) {
                Ok((name.to_string(), title.to_string()))
            } else {
                Err(LessonError::Damaged {
                    file: file.to_string(),
                    line: n,
                    problem: Problem::BadIndexLine(name.to_string()),
                })
            }
        })
        .collect()
}

/// `show:`'s value as a CSS selector: `node 3` is Node 3's card, a bare word a `data-testid`,
/// anything else a selector as written.
fn selector(value: &str) -> String {
    if let Some(i) = value.strip_prefix("node ").and_then(|n| node(n.trim())) {
        return format!("[data-testid=\"node-{i}\"]");
    }
    if value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return format!("[data-testid=\"{value}\"]");
    }
    value.to_string()
}

/// A node number of the file (1 to [`MAX_NODES`]) as an index.
fn node(word: &str) -> Option<usize> {
    let n: usize = word.parse().ok()?;
    (1..=MAX_NODES).contains(&n).then(|| n - 1)
}

fn who(word: &str) -> Option<Who> {
    match word {
        "forger" => Some(Who::Forger),
        "all" => Some(Who::All),
        w => node(w).map(Who::Node),
    }
}

fn amount(word: &str) -> Option<u64> {
    word.parse().ok().filter(|a| *a > 0)
}

/// One `do:` value.
fn action(value: &str) -> Option<Action> {
    let words: Vec<&str> = value.split_whitespace().collect();
    Some(match words.as_slice() {
        ["buy", n, a] => Action::Buy(node(n)?, amount(a)?),
        ["transfer", n, m, a] => Action::Transfer(node(n)?, node(m)?, amount(a)?),
        ["stake", n, a] => Action::Stake(node(n)?, amount(a)?),
        ["forge", w] => Action::Forge(who(w).filter(|w| *w != Who::All)?),
        ["crash", w] => Action::Crash(who(w).filter(|w| *w != Who::All)?),
        ["restart", w] => Action::Restart(who(w).filter(|w| *w != Who::Forger)?),
        ["split", groups] => Action::Split(
            groups
                .split('|')
                .map(|g| g.split(',').map(node).collect::<Option<Vec<_>>>())
                .collect::<Option<Vec<_>>>()
                .filter(|g| g.len() > 1 && g.iter().all(|g| !g.is_empty()))?,
        ),
        ["heal"] => Action::Heal,
        ["behave", w, b] => Action::Behave(who(w)?, (*b).to_string()),
        ["press", id] => Action::Press((*id).to_string()),
        _ => return None,
    })
}

/// One `wait:` value.
fn check(value: &str) -> Option<Check> {
    let words: Vec<&str> = value.split_whitespace().collect();
    Some(match words.as_slice() {
        ["blocks", k] => Check::Blocks(amount(k)?),
        ["pool", k] => Check::Pool(k.parse().ok()?),
        ["refused", n] => Check::Refused(node(n)?),
        ["rejected", reason] => Check::Rejected((*reason).to_string()),
        ["fork"] => Check::Fork,
        ["agree"] => Check::Agree,
        ["sides"] => Check::Sides,
        _ => return None,
    })
}

impl Action {
    /// What shows that this action happened, if anything on the network does.
    pub fn check(&self) -> Option<Check> {
        let one = |w: &Who| match w {
            Who::Node(i) => Some(*i),
            _ => None,
        };
        Some(match self {
            Action::Buy(n, a) => Check::Holdings(*n, *a),
            Action::Transfer(_, m, a) => Check::Holdings(*m, *a),
            Action::Stake(n, a) => Check::Stake(*n, *a),
            Action::Forge(_) => Check::Blocks(1),
            Action::Crash(w) => Check::Crashed(one(w)),
            Action::Restart(w) => Check::Running(one(w)),
            Action::Split(_) => Check::Split,
            Action::Heal => Check::Healed,
            Action::Behave(Who::All, _) => return None,
            Action::Behave(w, b) => Check::Behaves(one(w), b.clone()),
            Action::Press(_) => return None,
        })
    }

    /// The commands that carry this action out on `p` now (`Forger` and `All` resolved).
    pub fn commands(&self, p: &Playground) -> Vec<Command> {
        let forger = || {
            p.node(0)
                .and_then(|n| n.chain().next_forger())
                .and_then(|a| p.index_of(&a))
        };
        let resolve = |w: &Who| match w {
            Who::Node(i) => vec![*i],
            Who::Forger => forger().into_iter().collect(),
            Who::All if matches!(self, Action::Restart(_)) => {
                (0..p.len()).filter(|i| p.net().is_crashed(*i)).collect()
            }
            Who::All => (0..p.len()).collect(),
        };
        let submit = |node, request| vec![Command::Submit { node, request }];
        match self {
            Action::Buy(n, a) => submit(*n, Request::Exchange(*a)),
            Action::Transfer(n, m, a) => submit(*n, Request::Transfer(Target::Node(*m), *a)),
            Action::Stake(n, a) => submit(*n, Request::Stake(*a)),
            Action::Forge(w) => resolve(w).into_iter().map(Command::Forge).collect(),
            Action::Crash(w) => resolve(w).into_iter().map(Command::Crash).collect(),
            Action::Restart(w) => resolve(w).into_iter().map(Command::Restart).collect(),
            Action::Split(groups) => vec![Command::Partition(groups.clone())],
            Action::Heal => vec![Command::Heal],
            Action::Behave(w, b) => resolve(w)
                .into_iter()
                .map(|node| Command::Adversary {
                    node,
                    behaviour: b.clone(),
                })
                .collect(),
            Action::Press(_) => Vec::new(),
        }
    }
}

/// What the network looked like when a step opened: the checks compare with it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Baseline {
    holdings: Vec<(u64, u64)>,
    height: u64,
    rejected: VecMap<String, u64>,
    refusals: Vec<Option<Say>>,
}

fn refusals(p: &Playground) -> Vec<Option<Say>> {
    (0..p.len())
        .map(|i| p.result(i).filter(|r| !r.ok).map(|r| r.text.clone()))
        .collect()
}

/// How many refusals `counts` holds whose reason starts with one of `prefixes` (`a,b`).
fn rejected_with(counts: &VecMap<String, u64>, prefixes: &str) -> u64 {
    counts
        .iter()
        .filter(|(k, _)| prefixes.split(',').any(|p| k.starts_with(p)))
        .map(|(_, v)| v)
        .sum()
}

impl Baseline {
    /// The network now.
    pub fn of(p: &Playground) -> Baseline {
        let s = p.summaries();
        Baseline {
            holdings: s.iter().map(|s| (s.balance, s.stake)).collect(),
            height: s.iter().map(|s| s.height).max().unwrap_or(0),
            rejected: p.rejected_total(),
            refusals: refusals(p),
        }
    }

    /// Whether `check` holds on `p` compared with this baseline.
    pub fn holds(&self, check: &Check, p: &Playground) -> bool {
        let s = p.summaries();
        let base = |i: usize| self.holdings.get(i).copied().unwrap_or((0, 0));
        let get = |i: usize| s.get(i);
        let running = || s.iter().filter(|s| !s.crashed);
        match check {
            Check::Holdings(i, a) => {
                get(*i).is_some_and(|n| n.balance + n.stake >= base(*i).0 + base(*i).1 + a)
            }
            Check::Stake(i, a) => get(*i).is_some_and(|n| n.stake >= base(*i).1 + a),
            Check::Blocks(k) => s.iter().map(|s| s.height).max().unwrap_or(0) >= self.height + k,
            Check::Crashed(Some(i)) => get(*i).is_some_and(|n| n.crashed),
            Check::Crashed(None) => s.iter().any(|n| n.crashed),
            Check::Running(Some(i)) => get(*i).is_some_and(|n| !n.crashed),
            Check::Running(None) => s.iter().all(|n| !n.crashed),
            Check::Split => p.net().partition().is_some(),
            Check::Healed => p.net().partition().is_none(),
            Check::Behaves(Some(i), b) => get(*i).is_some_and(|n| n.behaviour == *b),
            Check::Behaves(None, b) => s.iter().any(|n| n.behaviour == *b),
            Check::Pool(k) => s.iter().any(|n| n.pool >= *k),
            Check::Refused(i) => {
                let now = refusals(p);
                now.get(*i).is_some_and(Option::is_some) && now.get(*i) != self.refusals.get(*i)
            }
            Check::Rejected(prefix) => {
                rejected_with(&p.rejected_total(), prefix) > rejected_with(&self.rejected, prefix)
            }
            Check::Fork => {
                let mut tips = running().map(|n: &NodeSummary| &n.tip);
                let first = tips.next();
                tips.any(|t| Some(t) != first)
            }
            Check::Agree => {
                let mut tips = running().map(|n: &NodeSummary| &n.tip);
                let first = tips.next();
                tips.all(|t| Some(t) == first)
            }
            Check::Sides => (0..p.len()).any(|i| {
                p.node(i)
                    .is_some_and(|n| n.tree_view().blocks.iter().any(|b| !b.canonical))
            }),
        }
    }
}

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Nothing to wait for: the teacher moves on.
    Reading,
    /// Waiting for its effect (from "Do it" or by hand).
    Waiting,
    /// Its effect held when it opened: it waits for the teacher.
    AlreadyDone,
    /// Its effect happened at this time (ms); the next step opens [`DWELL_MS`] later.
    Done(u64),
}

/// The open lesson, or why none is.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Tour {
    /// No lesson.
    #[default]
    Closed,
    /// Fetching a lesson's file: its name and the step (from 0) to open.
    Loading(String, usize),
    /// A lesson could not be opened.
    Failed(LessonError),
    /// A lesson is open.
    Open {
        /// The lesson.
        lesson: Lesson,
        /// The open step (from 0).
        step: usize,
        /// The network when the step opened.
        baseline: Baseline,
        /// Where the step stands.
        progress: Progress,
        /// Why the last "Do it" was refused, if it was.
        note: Option<Say>,
    },
}

/// What the console's `lesson()` answers: the lesson's name, the step (from 1), how many
/// steps, and the lesson's title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The lesson's name.
    pub lesson: String,
    /// The open step, from 1.
    pub step: usize,
    /// How many steps.
    pub steps: usize,
    /// The lesson's title.
    pub title: String,
}

/// A step number of the address or console (from 1; anything else is the first step) as an
/// index.
pub fn step_index(param: Option<&str>) -> usize {
    param
        .and_then(|s| s.trim().parse::<usize>().ok())
        .map_or(0, |s| s.saturating_sub(1))
}

impl Tour {
    /// Starts opening lesson `name` at step `step` (from 0): the caller fetches its file and
    /// hands it to [`Tour::loaded`]. A bad name fails at once (and returns false).
    pub fn start(&mut self, name: &str, step: usize) -> bool {
        if valid_name(name) {
            *self = Tour::Loading(name.to_string(), step);
            true
        } else {
            *self = Tour::Failed(LessonError::BadName(name.chars().take(40).collect()));
            false
        }
    }

    /// The fetched file (or why there is none) of the lesson being loaded.
    pub fn loaded(&mut self, lesson: Result<Lesson, LessonError>, p: &Playground) {
        let Tour::Loading(name, step) = self else {
            return;
        };
        match lesson {
            Ok(lesson) if lesson.name == *name => {
                let step = (*step).min(lesson.steps.len() - 1);
                *self = Tour::Open {
                    lesson,
                    step,
                    baseline: Baseline::default(),
                    progress: Progress::Reading,
                    note: None,
                };
                self.go(step, p);
            }
            Ok(_) => {}
            Err(e) => *self = Tour::Failed(e),
        }
    }

    /// Opens step `to` (from 0, kept in range) of the open lesson.
    pub fn go(&mut self, to: usize, p: &Playground) {
        if let Tour::Open {
            lesson,
            step,
            baseline,
            progress,
            note,
        } = self
        {
            *step = to.min(lesson.steps.len() - 1);
            *baseline = Baseline::of(p);
            *note = None;
            let checks = lesson.steps[*step].checks();
            *progress = if checks.is_empty() {
                Progress::Reading
            } else if checks.iter().all(|c| baseline.holds(c, p)) {
                Progress::AlreadyDone
            } else {
                Progress::Waiting
            };
        }
    }

    /// The next step (the last stays).
    pub fn next(&mut self, p: &Playground) {
        if let Some(pos) = self.position() {
            self.go(pos.step, p);
        }
    }

    /// The step before (the first stays).
    pub fn back(&mut self, p: &Playground) {
        if let Some(pos) = self.position() {
            self.go(pos.step.saturating_sub(2), p);
        }
    }

    /// Notes `words` on the open step (shown beside its status until the next step opens).
    pub fn set_note(&mut self, words: Say) {
        if let Tour::Open { note, .. } = self {
            *note = Some(words);
        }
    }

    /// Closes the lesson.
    pub fn close(&mut self) {
        *self = Tour::Closed;
    }

    /// The open step, if a lesson is open.
    pub fn step(&self) -> Option<&Step> {
        match self {
            Tour::Open { lesson, step, .. } => lesson.steps.get(*step),
            _ => None,
        }
    }

    /// Looks at the network at `now`: a waiting step whose effect happened is done, and a
    /// step done [`DWELL_MS`] ago gives way to the next. True when something changed.
    pub fn observe(&mut self, p: &Playground, now: u64) -> bool {
        let Tour::Open {
            lesson,
            step,
            baseline,
            progress,
            ..
        } = self
        else {
            return false;
        };
        match *progress {
            Progress::Waiting => {
                let checks = lesson.steps[*step].checks();
                if checks.iter().all(|c| baseline.holds(c, p)) {
                    *progress = Progress::Done(now);
                    return true;
                }
                false
            }
            Progress::Done(at) if now >= at + DWELL_MS && *step + 1 < lesson.steps.len() => {
                self.next(p);
                true
            }
            _ => false,
        }
    }

    /// "Do it": hands the step's commands to `Playground::apply`. Returns the `data-testid`s
    /// of the buttons the view presses (`press`); a refused command is kept as the step's note.
    /// A step without checks is done at once.
    pub fn do_it(&mut self, p: &mut impl crate::logic::command::Act, now: u64) -> Vec<String> {
        let Tour::Open {
            lesson,
            step,
            note,
            progress,
            ..
        } = self
        else {
            return Vec::new();
        };
        let mut presses = Vec::new();
        *note = None;
        // Nothing on the network shows it (the lab's buttons): done once it is done.
        if *progress == Progress::Reading {
            *progress = Progress::Done(now);
        }
        for action in &lesson.steps[*step].actions {
            if let Action::Press(id) = action {
                presses.push(id.clone());
            }
            let commands = action.commands(p.playground());
            if commands.is_empty() && !matches!(action, Action::Press(_)) {
                *note = Some(Say::new("lesson-nothing-to-do"));
            }
            for c in commands {
                if let Err(e) = p.act(c, now) {
                    *note = Some(Say::new("refused").with("why", e.say()));
                }
            }
        }
        presses
    }

    /// Where the open lesson is, for the console and the address.
    pub fn position(&self) -> Option<Position> {
        match self {
            Tour::Open { lesson, step, .. } => Some(Position {
                lesson: lesson.name.clone(),
                step: step + 1,
                steps: lesson.steps.len(),
                title: lesson.title.clone(),
            }),
            _ => None,
        }
    }
}
