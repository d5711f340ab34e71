//! Every action a person can take on the tab's network, as one type: the page's forms and
//! `window.playground` both build a [`Command`] and hand it to [`Playground::apply`], so each
//! action is written once.

use crate::logic::model::{Playground, Request};
use pos_core::node::Behaviour;
use pos_core::Hash;

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
    /// The in-tab links' conditions.
    SetLink {
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
}

impl Playground {
    /// Carries out `command` at `now` (ms); an error says in words why it was refused.
    pub fn apply(&mut self, command: Command, now: u64) -> Result<Applied, String> {
        match command {
            Command::Submit { node, request } => self.submit(node, request).map(Applied::Submitted),
            Command::Forge(i) => self.forge(i).map(|(h, hash)| Applied::Forged(h, hash)),
            Command::SetLink {
                latency_ms,
                jitter_ms,
                drop,
            } => self
                .set_link(latency_ms, jitter_ms, drop)
                .map(|()| Applied::Done),
            Command::Partition(groups) => self.partition(groups).map(|()| Applied::Done),
            Command::Heal => {
                self.heal();
                Ok(Applied::Done)
            }
            Command::Crash(i) => self.crash(i).map(|()| Applied::Done),
            Command::Restart(i) => self.restart(i).map(|()| Applied::Done),
            Command::Adversary { node, behaviour } => {
                self.adversary(node, &behaviour).map(Applied::Behaviour)
            }
            Command::JoinConflict(tab) => self.join_conflict(&tab, now).map(|()| Applied::Done),
            Command::KeepMine(tab) => self.keep_mine(&tab, now).map(|()| Applied::Done),
        }
    }
}
