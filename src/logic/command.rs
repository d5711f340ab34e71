//! Every action a person can take on the tab's network, as one type: the page's forms and
//! `window.playground` both build a [`Command`] and hand it to [`Playground::apply`], so each
//! action is written once.

use crate::logic::i18n::Say;
use crate::logic::model::{new_wallet, Ids, Playground, RandomnessError, Request};
use crate::logic::persist::LoadError;
use pos_core::node::Behaviour;
use pos_core::{Hash, Wallet};
use std::fmt;

/// A key pair drawn at the edge (from the secure random generator) for a command; its `Debug`
/// shows the address only, never the secret. Boxed, so that a command (kept in the history
/// for every click) stays small.
#[derive(Clone)]
pub struct Key(pub Box<Wallet>);

impl Key {
    /// The key pair as a command's key.
    pub fn new(wallet: Wallet) -> Key {
        Key(Box::new(wallet))
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Key({})", self.0.address())
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.0.address() == other.0.address()
    }
}

/// One action on the tab's network.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Node `node` signs and sends a request (a purchase, a transfer, a stake).
    Submit {
        /// The node's index.
        node: usize,
        /// What it asks for.
        request: Request,
    },
    /// Node `i` forges now, if it may.
    Forge(usize),
    /// The in-tab network's conditions between its nodes: delay, jitter and loss.
    SetConditions {
        /// Base one-way delay (ms).
        latency_ms: u64,
        /// Extra delay, uniform in `0..=jitter_ms`.
        jitter_ms: u64,
        /// Share of messages lost, 0 to 1.
        drop: f64,
    },
    /// Split the nodes into groups (node indices) that do not hear each other.
    Partition(Vec<Vec<usize>>),
    /// End the partition.
    Heal,
    /// Crash node `i`.
    Crash(usize),
    /// Restart node `i`.
    Restart(usize),
    /// Switch a node's behaviour (by name: "honest" or an adversary's).
    Adversary {
        /// The node's index.
        node: usize,
        /// The behaviour's name.
        behaviour: String,
    },
    /// Join the network of a conflicting tab (dropping this tab's chain).
    JoinConflict(String),
    /// Keep this tab's network and ignore the conflicting tab.
    KeepMine(String),
    /// A new node with this key joins the in-tab network.
    AddNode(Key),
    /// The newest node leaves (the host stays).
    RemoveNode,
    /// Start this tab over on a chain file's text, once every block of it holds: the file's
    /// key (or `fresh`) becomes this tab's node, under new `ids`.
    Import {
        /// The file's text (untrusted).
        text: String,
        /// The new tab's ids.
        ids: Ids,
        /// The node's key when the file has none.
        fresh: Key,
    },
    /// Start this tab over with a new genesis and new keys, on the network named so (or a
    /// tab of its own).
    NewNetwork(Option<String>),
    /// The teacher's page leads the class: a place, the class clock, call everyone back.
    Teach(crate::logic::class::Order),
    /// A student's page follows the teacher (`true`) or explores on its own (`false`).
    Follow(bool),
    /// This tab's own pause: the network stops (a tab running alone only).
    Pause,
    /// The network goes on (or changes speed) at this many quarters of the wall clock.
    Play(u8),
    /// While paused: the network runs on to its next event.
    StepEvent,
    /// A new link waiting for its answer (the Links panel's invitation); its id comes back.
    Invite,
    /// A pasted invitation is accepted: a link to the inviter, joining its network if this
    /// tab has no chain of its own yet.
    Accept(Box<crate::logic::link::Invitation>),
}

impl Command {
    /// [`Command::Import`] of `text` under new ids, with a new key for a file without one,
    /// both drawn from the secure random generator.
    pub fn import(text: String) -> Result<Command, Refused> {
        Ok(Command::Import {
            text,
            ids: Ids::generate()?,
            fresh: Key::new(new_wallet()?),
        })
    }
}

/// Why a command was refused, as words the page writes in its language ([`Refused::say`]) and
/// the console in English.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// In words: a key of `page.ftl` and its values.
    Said(Say),
    /// A chain file that does not hold, from block `height` (0: the file itself).
    Chain {
        /// The first block that fails.
        height: u64,
        /// Why ([`LoadError::say`]).
        reason: Say,
    },
    /// No secure randomness for new keys: nothing changed.
    NoRandomness,
}

impl Refused {
    /// The refusal's words.
    pub fn say(&self) -> Say {
        match self {
            Refused::Said(s) => s.clone(),
            Refused::Chain { height, reason } => Say::new("refused-at-block")
                .with_id("height", *height)
                .with("why", reason.clone()),
            Refused::NoRandomness => Say::new("no-randomness"),
        }
    }
}

impl From<Say> for Refused {
    fn from(s: Say) -> Self {
        Refused::Said(s)
    }
}

impl From<RandomnessError> for Refused {
    fn from(_: RandomnessError) -> Self {
        Refused::NoRandomness
    }
}

impl From<LoadError> for Refused {
    fn from(e: LoadError) -> Self {
        match e {
            LoadError::NoRandomness(_) => Refused::NoRandomness,
            e => Refused::Chain {
                height: e.height(),
                reason: e.say(),
            },
        }
    }
}

/// What a command did, for the console's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// Done; nothing to tell.
    Done,
    /// A request was sent under this id.
    Submitted(Hash),
    /// A block was forged at this height with this hash.
    Forged(u64, Hash),
    /// The node now behaves so.
    Behaviour(Behaviour),
    /// A node joined at this index.
    Added(usize),
    /// The tab now runs the network of the imported chain, at this height.
    Imported(u64),
    /// A link was made with this id.
    Linked(String),
    /// An invitation was accepted: the link's id and this tab's id.
    Accepted(String, String),
}

/// What carries out a command: the tab itself, or the tab with its history recording it
/// (`logic/history.rs`). A lesson's "Do it" acts through one, so it is recorded like a click.
pub trait Act {
    /// The tab as it is now.
    fn playground(&self) -> &Playground;
    /// Carries out `command` at `now` (ms).
    fn act(&mut self, command: Command, now: u64) -> Result<Applied, Refused>;
}

impl Act for Playground {
    fn playground(&self) -> &Playground {
        self
    }

    fn act(&mut self, command: Command, now: u64) -> Result<Applied, Refused> {
        self.apply(command, now)
    }
}

impl Playground {
    /// Carries out `command` at `now` (ms); an error says in words why it was refused.
    pub fn apply(&mut self, command: Command, now: u64) -> Result<Applied, Refused> {
        Ok(match command {
            Command::Submit { node, request } => Applied::Submitted(self.submit(node, request)?),
            Command::Forge(i) => {
                let (height, hash) = self.forge(i)?;
                Applied::Forged(height, hash)
            }
            Command::SetConditions {
                latency_ms,
                jitter_ms,
                drop,
            } => {
                self.set_conditions(latency_ms, jitter_ms, drop)?;
                Applied::Done
            }
            Command::Partition(groups) => {
                self.partition(groups)?;
                Applied::Done
            }
            Command::Heal => {
                self.heal();
                Applied::Done
            }
            Command::Crash(i) => {
                self.crash(i)?;
                Applied::Done
            }
            Command::Restart(i) => {
                self.restart(i)?;
                Applied::Done
            }
            Command::Adversary { node, behaviour } => {
                Applied::Behaviour(self.adversary(node, &behaviour)?)
            }
            Command::JoinConflict(tab) => {
                self.join_conflict(&tab, now)?;
                Applied::Done
            }
            Command::KeepMine(tab) => {
                self.keep_mine(&tab, now)?;
                Applied::Done
            }
            Command::AddNode(Key(wallet)) => Applied::Added(self.add_node(*wallet)?),
            Command::RemoveNode => {
                self.remove_node()?;
                Applied::Done
            }
            Command::Import { text, ids, fresh } => {
                let imported = Playground::import_chain(&text, ids, now, *fresh.0)?;
                *self = imported;
                Applied::Imported(self.summary(0).map_or(0, |s| s.height))
            }
            Command::Teach(order) => {
                self.teach(order)?;
                Applied::Done
            }
            Command::Follow(following) => {
                self.follow(following)?;
                Applied::Done
            }
            Command::Pause => {
                self.pause(now)?;
                Applied::Done
            }
            Command::Play(quarters) => {
                self.play(now, quarters)?;
                Applied::Done
            }
            Command::StepEvent => {
                // What the step moved on leaves with the next advance's step.
                let _ = self.step_event(now)?;
                Applied::Done
            }
            Command::Invite => Applied::Linked(self.invitation_link(now)?),
            Command::Accept(invitation) => {
                let (link, me) = self.accept_invitation(&invitation, now)?;
                Applied::Accepted(link, me)
            }
            Command::NewNetwork(network) => {
                *self = Playground::fresh(network.as_deref(), true, now)?;
                Applied::Done
            }
        })
    }
}
