//! Workers kept alive for work split over the cores ([`Pool`]): one per core the browser
//! reports (`navigator.hardwareConcurrency`, at most
//! [`crate::logic::worker_protocol::MAX_WORKERS`], at least one when it
//! says nothing). Each is the lottery worker ([`crate::edge::worker::Port`]); a request
//! goes to one of them and its reply comes back as a Promise, so a split job sends every
//! part at once and waits for them all (`Promise.all`). The parts are put back together by
//! plain functions of the core (e.g. `pos_core::lottery::merge_draws`), so the result does
//! not depend on how many workers ran.

pub use crate::edge::worker::default_workers;
use crate::edge::worker::Port;
use crate::logic::worker_protocol::{
    bench_table, lots_per_second, BenchResult, WorkerReply, WorkerRequest,
};
use js_sys::{Function, Promise};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A request waiting for its reply: the Promise's resolve and reject.
struct Waiting {
    id: u64,
    worker: usize,
    resolve: Function,
    reject: Function,
}

/// Requests waiting for their replies, and replies waiting to be read.
#[derive(Default)]
struct Mail {
    waiting: Vec<Waiting>,
    /// Replies by request id, taken by [`Pool::all`]. A Promise resolves with the id only:
    /// the reply stays a Rust value (the page never writes a reply as bytes, so it carries
    /// no code to).
    replies: Vec<(u64, WorkerReply)>,
}

/// Workers that stay alive between jobs; they start as they are first needed.
#[derive(Default)]
pub struct Pool {
    ports: RefCell<Vec<Port>>,
    mail: Rc<RefCell<Mail>>,
    next_id: Cell<u64>,
}

impl Pool {
    /// An empty pool.
    pub fn new() -> Rc<Pool> {
        Rc::new(Pool::default())
    }

    /// A new request id: every request sent through the pool carries its own.
    pub fn next_id(&self) -> u64 {
        let id = self.next_id.get() + 1;
        self.next_id.set(id);
        id
    }

    /// Sends `request`, whose id is `id` (from [`Pool::next_id`]), to worker `worker`,
    /// starting workers up to it if needed; the Promise resolves once the reply is there
    /// ([`Pool::all`] reads it) and rejects with the reason in words.
    pub fn ask(&self, worker: usize, id: u64, request: &WorkerRequest) -> Promise {
        let fail = |e: String| Promise::reject(&js_sys::Error::new(&e).into());
        if let Err(e) = self.grow(worker + 1) {
            return fail(e);
        }
        let mut waiting = None;
        let promise = Promise::new(&mut |resolve, reject| {
            waiting = Some(Waiting {
                id,
                worker,
                resolve,
                reject,
            });
        });
        let Some(w) = waiting else {
            return fail("the Promise did not start".to_string());
        };
        let sent = match self.ports.try_borrow() {
            Ok(ports) => ports
                .get(worker)
                .map_or(Err("no such worker".to_string()), |p| p.send(request)),
            Err(_) => Err("busy".to_string()),
        };
        if let Err(e) = sent {
            return fail(e);
        }
        self.mail.borrow_mut().waiting.push(w);
        promise
    }

    /// Waits for every Promise of [`Pool::ask`] and takes their replies, in order.
    pub async fn all(&self, promises: Vec<Promise>) -> Result<Vec<WorkerReply>, String> {
        let array: js_sys::Array = promises.into_iter().collect();
        let ids = JsFuture::from(Promise::all(&array)).await.map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map_or("a worker failed".to_string(), |e| e.message().into())
        })?;
        let ids: js_sys::Array = ids.into();
        let mut mail = self.mail.try_borrow_mut().map_err(|_| "busy".to_string())?;
        ids.iter()
            .map(|id| {
                let id = id.as_f64().unwrap_or(-1.0) as u64;
                let i = mail
                    .replies
                    .iter()
                    .position(|(r, _)| *r == id)
                    .ok_or_else(|| "a reply went missing".to_string())?;
                Ok(mail.replies.swap_remove(i).1)
            })
            .collect()
    }

    /// Starts workers until there are `n`.
    fn grow(&self, n: usize) -> Result<(), String> {
        let mut ports = self
            .ports
            .try_borrow_mut()
            .map_err(|_| "busy".to_string())?;
        while ports.len() < n {
            let worker = ports.len();
            let mail = self.mail.clone();
            let port = Port::open(move |event| {
                settle(&mail, worker, event);
                false
            })?;
            ports.push(port);
        }
        Ok(())
    }
}

/// Resolves the Promise a reply answers; a failed worker rejects every Promise it owes.
fn settle(mail: &RefCell<Mail>, worker: usize, event: Result<WorkerReply, String>) {
    let Ok(mut mail) = mail.try_borrow_mut() else {
        return;
    };
    let Mail {
        waiting: list,
        replies,
    } = &mut *mail;
    match event {
        Ok(reply) => {
            let Some(id) = reply.id() else {
                // An unreadable request: the worker cannot say which, so its oldest fails.
                if let WorkerReply::Error { error } = reply {
                    if let Some(i) = list.iter().position(|w| w.worker == worker) {
                        let w = list.remove(i);
                        let _ = w.reject.call1(&JsValue::NULL, &js_sys::Error::new(&error));
                    }
                }
                return;
            };
            if let Some(i) = list.iter().position(|w| w.id == id) {
                let w = list.remove(i);
                replies.push((id, reply));
                let _ = w.resolve.call1(&JsValue::NULL, &JsValue::from(id as f64));
            }
        }
        Err(why) => {
            let (mine, rest): (Vec<Waiting>, Vec<Waiting>) = std::mem::take(&mut *list)
                .into_iter()
                .partition(|w| w.worker == worker);
            *list = rest;
            for w in mine {
                let _ = w.reject.call1(&JsValue::NULL, &js_sys::Error::new(&why));
            }
        }
    }
}

/// The console's `bench({lots, runs, workers})`: each size's draw split over `workers`
/// workers of `pool` ([`pos_core::lottery::split_stakers`]), timed on the page from the
/// first part sent to the merged winner, best and median of `runs`; beside it, one worker's
/// digest of the draw (what the lottery view draws). The workers are started and answering
/// before any timing.
pub async fn bench(
    pool: Rc<Pool>,
    lots: Vec<u64>,
    runs: u32,
    workers: usize,
) -> Result<Vec<BenchResult>, String> {
    use pos_core::lottery::{merge_draws, split_stakers};
    let now = || {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    };
    // Sends worker `w` its part of a draw.
    let part = |w: usize, stakers: &[(String, u64)], first: usize, seed: &str| {
        let id = pool.next_id();
        let request = WorkerRequest::DrawPart {
            id,
            seed: seed.to_string(),
            first,
            stakers: stakers.to_vec(),
        };
        pool.ask(w, id, &request)
    };
    // Every worker started and listening: a draw of one lot each.
    let one = [("warm".to_string(), 1u64)];
    let warm = (0..workers).map(|w| part(w, &one, 0, "warm"));
    pool.all(warm.collect()).await?;
    let mut results = Vec::with_capacity(lots.len());
    for total in lots {
        let (stakers, seed) = bench_table(total);
        let ranges = split_stakers(&stakers, workers);
        let mut times = Vec::with_capacity(runs as usize);
        for _ in 0..runs.max(1) {
            let t0 = now();
            let asked = ranges
                .iter()
                .enumerate()
                .map(|(w, r)| part(w, &stakers[r.clone()], r.start, &seed))
                .collect();
            let replies = pool.all(asked).await?;
            let outcome = merge_draws(replies.into_iter().map(|r| match r {
                WorkerReply::DrawPart { outcome, .. } => outcome,
                _ => None,
            }));
            times.push(now() - t0);
            std::hint::black_box(outcome);
        }
        pos_core::sorting::sort_by(&mut times, f64::total_cmp);
        let id = pool.next_id();
        let own = WorkerRequest::Bench {
            id,
            lots: vec![total],
            runs: 1,
        };
        let own = pool.all(vec![pool.ask(0, id, &own)]).await?;
        let (digest_ms, simd) = match own.first() {
            Some(WorkerReply::Bench { results, .. }) => results
                .first()
                .map_or((0.0, false), |r| (r.digest_ms, r.simd)),
            _ => (0.0, false),
        };
        let best = times.first().copied().unwrap_or(0.0);
        results.push(BenchResult {
            lots: total,
            runs: runs.max(1),
            draw_best_ms: best,
            draw_median_ms: times.get(times.len() / 2).copied().unwrap_or(0.0),
            digest_ms,
            lots_per_second: lots_per_second(total, best),
            workers: ranges.len() as u32,
            simd,
        });
    }
    Ok(results)
}
