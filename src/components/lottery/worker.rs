//! The page's side of the lottery worker: a Web Worker running the same wasm core
//! (the page's own module in a Web Worker, see [`crate::edge::worker::worker_main`]) builds big digests, so the page never freezes.
//!
//! One job at a time: asking for another draw while one runs ends the worker and starts a
//! fresh one (a worker cannot be interrupted mid-computation). Messages are JSON strings
//! ([`WorkerRequest`] out, [`WorkerReply`] back).

use crate::edge::worker::Port;
use crate::logic::lottery::digest::LotteryDigest;
use crate::logic::worker_protocol::{WorkerReply, WorkerRequest};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

/// Digests kept, most recently used last.
pub const CACHE_SIZE: usize = 24;

/// A digest and how it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// The digest.
    pub digest: Rc<LotteryDigest>,
    /// How long it took, in ms.
    pub ms: f64,
    /// Whether the worker made it (rather than the page itself).
    pub in_worker: bool,
}

/// Recently drawn digests, by seed, oldest first: a few ([`CACHE_SIZE`]), so a list
/// (a hash map type would bring its own copy of the hash table's code into the module).
#[derive(Default)]
pub struct DigestCache {
    kept: VecDeque<(String, Computed)>,
}

impl DigestCache {
    /// The digest of the draw on `seed`, if made.
    pub fn get(&self, seed: &str) -> Option<Computed> {
        self.kept
            .iter()
            .find(|(s, _)| s == seed)
            .map(|(_, c)| c.clone())
    }

    /// Keeps a digest, forgetting the oldest beyond [`CACHE_SIZE`].
    pub fn insert(&mut self, seed: String, c: Computed) {
        match self.kept.iter_mut().find(|(s, _)| *s == seed) {
            Some(kept) => kept.1 = c,
            None => self.kept.push_back((seed, c)),
        }
        while self.kept.len() > CACHE_SIZE {
            self.kept.pop_front();
        }
    }
}

/// The job in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Its request id.
    pub id: u64,
    /// The seed of its draw.
    pub seed: String,
    /// Lots done.
    pub done: u64,
    /// Lots in all.
    pub total: u64,
    /// When it started (ms, `performance.now()`).
    pub started: f64,
}

/// The worker, its job and the digests it made.
pub struct LotteryWorker {
    port: Option<Port>,
    /// The port last stopped, kept until the next one opens: a port must not be dropped
    /// inside its own handler, where a failure stops it.
    retired: Option<Port>,
    job: Option<Job>,
    next_id: u64,
    failed: Option<String>,
    cache: Rc<RefCell<DigestCache>>,
    changed: Rc<dyn Fn()>,
    this: Weak<RefCell<LotteryWorker>>,
}

/// `performance.now()` in ms (0 where there is none).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl LotteryWorker {
    /// A worker client that stores finished digests in `cache` and calls `changed` whenever
    /// there is something new to show. The worker itself starts at the first job.
    pub fn new(cache: Rc<RefCell<DigestCache>>, changed: Rc<dyn Fn()>) -> Rc<RefCell<Self>> {
        Rc::new_cyclic(|this| {
            RefCell::new(LotteryWorker {
                port: None,
                retired: None,
                job: None,
                next_id: 0,
                failed: None,
                cache,
                changed,
                this: this.clone(),
            })
        })
    }

    /// The job in progress.
    pub fn job(&self) -> Option<&Job> {
        self.job.as_ref()
    }

    /// Why the worker could not run, if it could not.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// Asks for the digest of the draw on `seed` among `stakers`. Does nothing when that job
    /// already runs; ends any other job.
    pub fn request(&mut self, seed: &str, stakers: Vec<(String, u64)>) {
        if self.job.as_ref().is_some_and(|j| j.seed == seed) {
            return;
        }
        if self.job.is_some() {
            self.stop();
        }
        if self.port.is_none() && !self.open() {
            return;
        }
        self.next_id += 1;
        let id = self.next_id;
        let total = stakers.iter().map(|(_, s)| *s).sum();
        let request = WorkerRequest::Digest {
            id,
            seed: seed.to_string(),
            stakers,
        };
        self.job = Some(Job {
            id,
            seed: seed.to_string(),
            done: 0,
            total,
            started: now(),
        });
        if let Some(Err(why)) = self.port.as_ref().map(|p| p.send(&request)) {
            self.fail(why);
        }
    }

    /// Ends the worker and its job.
    pub fn stop(&mut self) {
        if let Some(port) = self.port.take() {
            port.close();
            self.retired = Some(port);
        }
        self.job = None;
    }

    fn fail(&mut self, why: String) {
        self.stop();
        self.failed = Some(why);
        (self.changed)();
    }

    fn open(&mut self) -> bool {
        let opened = Port::open_for(self.this.clone(), Self::on_event);
        match opened {
            Ok(port) => {
                self.retired = None;
                self.port = Some(port);
                true
            }
            Err(why) => {
                self.failed = Some(why);
                false
            }
        }
    }

    /// Handles a reply or a failure; returns the callback to run once the borrow is released.
    fn on_event(&mut self, event: Result<WorkerReply, String>) -> Option<Rc<dyn Fn()>> {
        let reply = match event {
            Ok(reply) => reply,
            Err(why) => {
                self.stop();
                self.failed = Some(why);
                return Some(self.changed.clone());
            }
        };
        match reply {
            WorkerReply::Ready => None,
            WorkerReply::Progress { id, done, total } => {
                let job = self.job.as_mut().filter(|j| j.id == id)?;
                job.done = done;
                job.total = total;
                Some(self.changed.clone())
            }
            WorkerReply::Digest { id, digest } => {
                let job = self.job.take_if(|j| j.id == id)?;
                self.cache.borrow_mut().insert(
                    job.seed,
                    Computed {
                        digest: Rc::new(digest),
                        ms: now() - job.started,
                        in_worker: true,
                    },
                );
                Some(self.changed.clone())
            }
            WorkerReply::Bench { .. }
            | WorkerReply::Fairness { .. }
            | WorkerReply::Grind { .. }
            | WorkerReply::Compounding { .. }
            | WorkerReply::Rank { .. }
            | WorkerReply::LotsRounds { .. }
            | WorkerReply::DrawPart { .. } => None,
            WorkerReply::Error { error } => {
                self.job = None;
                self.failed = Some(error);
                Some(self.changed.clone())
            }
        }
    }
}
