//! The protocol between the page and its worker (the page's own module in a Web Worker,
//! `crate::edge::worker`): every kind of job ([`WorkerRequest`]), its replies
//! ([`WorkerReply`]), the bytes both travel as ([`encode`]), the worker's side of every job
//! ([`handle_worker_request`]), and the console's requests (`bench()`, `grind()`) read into
//! jobs. Plain Rust: the edge only posts the bytes.

use crate::logic::compounding::{self, CompoundingReport, CompoundingRun};
use crate::logic::fairness::{
    grind_step_rounds, lots_rounds, step_rounds, FairnessJob, FairnessReport, FairnessRun,
    GrindReport, GrindRun, MAX_ROUNDS,
};
use crate::logic::lottery::digest::LotteryDigest;
use crate::logic::words::group;
use pos_core::grinding;
use pos_core::lottery;
use pos_core::Hash;
use serde::{Deserialize, Serialize};

/// A request to the lottery worker, posted as bytes ([`encode`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WorkerRequest {
    /// Build the [`LotteryDigest`] of a draw.
    Digest {
        /// Echoed in every reply.
        id: u64,
        /// The seed (parent hash, hex).
        seed: String,
        /// `(address, stake)` in draw order.
        stakers: Vec<(String, u64)>,
    },
    /// Time the core's `draw` (and the page's digest) at these total stakes.
    Bench {
        /// Echoed in the reply.
        id: u64,
        /// Total lots per measurement (shared by ten stakers).
        lots: Vec<u64>,
        /// Runs of `draw` per size; the best and the median are reported.
        runs: u32,
    },
    /// Run a fairness lab job (see [`crate::logic::fairness`]).
    Fairness {
        /// Echoed in every reply.
        id: u64,
        /// What to run.
        job: FairnessJob,
    },
    /// Compute a draw an in-tab node deferred (see [`crate::edge::draws`]).
    Rank {
        /// Echoed in the reply.
        id: u64,
        /// The draw.
        draw: pos_core::chain::DrawRequest,
    },
    /// Run the grinding demonstration (honest play and grinding side by side).
    Grind {
        /// Echoed in every reply.
        id: u64,
        /// What to run.
        setup: pos_core::grinding::Setup,
    },
    /// Run the rewards-and-compounding experiment (see [`crate::logic::compounding`]).
    Compounding {
        /// Echoed in every reply.
        id: u64,
        /// What to run.
        setup: pos_core::compounding::Setup,
    },
    /// Run a fairness lab job whose lots rule other workers draw ([`FairnessRun::split`]):
    /// this worker runs the other rules, then counts the lots rule's rounds in order as the
    /// page hands them over ([`WorkerRequest::LotsRecord`]), reporting as a
    /// [`WorkerRequest::Fairness`] job does.
    FairnessSplit {
        /// Echoed in every reply.
        id: u64,
        /// What to run.
        job: FairnessJob,
    },
    /// A helper's share of a split run: the lots rule's winners of `rounds` rounds from
    /// round `first`, whose seed is `seed` ([`crate::logic::fairness::lots_rounds`]).
    LotsRounds {
        /// Echoed in the reply.
        id: u64,
        /// The stake table.
        stakes: Vec<u64>,
        /// The seed of round `first`.
        seed: Hash,
        /// The first round.
        first: u64,
        /// How many rounds.
        rounds: u64,
    },
    /// A helper's winners, handed to the worker of a [`WorkerRequest::FairnessSplit`].
    LotsRecord {
        /// The split job's id.
        id: u64,
        /// The first round.
        first: u64,
        /// One winner per round ([`crate::logic::fairness::NO_WINNER`] for none).
        winners: Vec<u8>,
    },
    /// One worker's part of a draw split over several ([`lottery::split_stakers`]).
    DrawPart {
        /// Echoed in the reply.
        id: u64,
        /// The seed (parent hash, hex).
        seed: String,
        /// The index of the part's first staker in the whole table.
        first: usize,
        /// The part's `(address, stake)`, in draw order.
        stakers: Vec<(String, u64)>,
    },
}

/// One size of the lottery benchmark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BenchResult {
    /// Total lots.
    pub lots: u64,
    /// Runs of `draw`.
    pub runs: u32,
    /// Fastest `draw`, in ms.
    pub draw_best_ms: f64,
    /// Median `draw`, in ms.
    pub draw_median_ms: f64,
    /// One digest of the draw (every lot walked and binned: what the page draws), in ms.
    pub digest_ms: f64,
    /// Lots per second of the fastest `draw`.
    pub lots_per_second: f64,
    /// Workers the draw was split over (1: one worker's own timing, without messages).
    pub workers: u32,
    /// Whether the worker hashed with SIMD128 (`pos-worker`) or one lot at a time
    /// (`pos-worker-scalar`, loaded where the engine has no wasm SIMD).
    pub simd: bool,
}

/// A reply of the lottery worker, posted as bytes ([`encode`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WorkerReply {
    /// The worker's wasm is running and listens.
    Ready,
    /// Lots computed so far.
    Progress {
        /// The request.
        id: u64,
        /// Lots done.
        done: u64,
        /// Lots in all.
        total: u64,
    },
    /// The finished digest.
    Digest {
        /// The request.
        id: u64,
        /// The digest.
        digest: LotteryDigest,
    },
    /// Benchmark figures.
    Bench {
        /// The request.
        id: u64,
        /// One per size.
        results: Vec<BenchResult>,
    },
    /// A fairness run's results so far (about ten a second), and once more when it is done
    /// (`report.done`).
    Fairness {
        /// The request.
        id: u64,
        /// The results so far.
        report: FairnessReport,
        /// Time since the job started, in ms.
        ms: f64,
    },
    /// A deferred draw, computed.
    Rank {
        /// The request.
        id: u64,
        /// The draw asked for.
        draw: pos_core::chain::DrawRequest,
        /// Its ranking, exactly `pos_core::chain::compute_draw(&draw.stakers, &draw.seed)`.
        ranking: Option<pos_core::Ranking>,
    },
    /// The grinding demonstration's results so far, and once more when done.
    Grind {
        /// The request.
        id: u64,
        /// The results so far.
        report: GrindReport,
        /// Time since the job started, in ms.
        ms: f64,
    },
    /// The compounding experiment's results so far, and once more when done.
    Compounding {
        /// The request.
        id: u64,
        /// The results so far.
        report: CompoundingReport,
        /// Time since the job started, in ms.
        ms: f64,
    },
    /// The request could not be read.
    Error {
        /// What went wrong.
        error: String,
    },
    /// A helper's winners ([`WorkerRequest::LotsRounds`]).
    LotsRounds {
        /// The request.
        id: u64,
        /// The first round.
        first: u64,
        /// One winner per round.
        winners: Vec<u8>,
    },
    /// One worker's part of a split draw: exactly `lottery::draw_part` of the request.
    DrawPart {
        /// The request.
        id: u64,
        /// The part's winner and runner-up, staker indices in the whole table.
        outcome: Option<pos_core::Outcome>,
    },
}

impl WorkerReply {
    /// The request this answers (`None` for `Ready` and unreadable requests).
    pub fn id(&self) -> Option<u64> {
        match self {
            WorkerReply::Ready | WorkerReply::Error { .. } => None,
            WorkerReply::Progress { id, .. }
            | WorkerReply::Digest { id, .. }
            | WorkerReply::Bench { id, .. }
            | WorkerReply::Fairness { id, .. }
            | WorkerReply::Rank { id, .. }
            | WorkerReply::Grind { id, .. }
            | WorkerReply::Compounding { id, .. }
            | WorkerReply::LotsRounds { id, .. }
            | WorkerReply::DrawPart { id, .. } => Some(*id),
        }
    }
}

fn bench(lots: &[u64], runs: u32, clock: &dyn Fn() -> f64) -> Vec<BenchResult> {
    lots.iter()
        .map(|&total| {
            let (stakers, seed) = bench_table(total);
            let mut times: Vec<f64> = (0..runs.max(1))
                .map(|_| {
                    let t0 = clock();
                    let o = lottery::draw(&stakers, &seed);
                    let t = clock() - t0;
                    std::hint::black_box(o);
                    t
                })
                .collect();
            pos_core::sorting::sort_by(&mut times, f64::total_cmp);
            let t0 = clock();
            let d = LotteryDigest::compute(&seed, stakers.clone(), |_, _| {});
            let digest_ms = clock() - t0;
            std::hint::black_box(d);
            let best = times[0];
            BenchResult {
                lots: total,
                runs: runs.max(1),
                draw_best_ms: best,
                draw_median_ms: times[times.len() / 2],
                digest_ms,
                lots_per_second: lots_per_second(total, best),
                workers: 1,
                simd: cfg!(feature = "simd"),
            }
        })
        .collect()
}

/// Lots per second of a draw of `lots` that took `ms`.
pub fn lots_per_second(lots: u64, ms: f64) -> f64 {
    if ms > 0.0 {
        lots as f64 * 1000.0 / ms
    } else {
        0.0
    }
}

/// The stake table of the benchmark: `total` lots shared by ten stakers (as in
/// core/benches/lottery.rs), and its seed.
pub fn bench_table(total: u64) -> (Vec<(String, u64)>, String) {
    let stakers = (0..10u8)
        .map(|i| (Hash::of(&[i]).to_hex(), total / 10))
        .collect();
    (stakers, Hash::of(b"bench seed").to_hex())
}

/// The most workers a page splits its work over.
pub const MAX_WORKERS: usize = 8;

/// The most sizes `bench({lots})` takes, and the most lots in one size.
pub const BENCH_SIZES: usize = 6;
/// See [`BENCH_SIZES`].
pub const BENCH_MAX_LOTS: u64 = 10_000_000;
/// The most runs per size of `bench({runs})`.
pub const BENCH_MAX_RUNS: u32 = 20;

/// Reads the console's `bench({lots, runs})`: total lots per size (default 10^4, 10^5, 10^6,
/// shared by ten stakers) and runs of `draw` per size (default 5).
pub fn console_bench(v: &serde_json::Value) -> Result<WorkerRequest, String> {
    let lots = match v.get("lots") {
        None | Some(serde_json::Value::Null) => vec![10_000, 100_000, 1_000_000],
        Some(l) => serde_json::from_value::<Vec<u64>>(l.clone()).map_err(|_| {
            "lots: give an array of whole numbers, e.g. [10000, 100000]".to_string()
        })?,
    };
    if lots.is_empty() || lots.len() > BENCH_SIZES {
        return Err(format!("lots: give 1 to {BENCH_SIZES} sizes"));
    }
    if let Some(bad) = lots.iter().find(|l| !(10..=BENCH_MAX_LOTS).contains(*l)) {
        return Err(format!(
            "lots: {bad} is out of range: each size between 10 and {}",
            group(BENCH_MAX_LOTS)
        ));
    }
    let runs = match v.get("runs") {
        None | Some(serde_json::Value::Null) => 5,
        Some(r) => r
            .as_u64()
            .filter(|r| (1..=u64::from(BENCH_MAX_RUNS)).contains(r))
            .ok_or_else(|| format!("runs: give a whole number from 1 to {BENCH_MAX_RUNS}"))?
            as u32,
    };
    Ok(WorkerRequest::Bench { id: 1, lots, runs })
}

/// Reads `workers` of the console's `bench({workers})`: `None` when left out (the page's
/// pool: one worker per core), else a count from 1 to [`MAX_WORKERS`].
pub fn console_workers(v: &serde_json::Value) -> Result<Option<usize>, String> {
    match v.get("workers") {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(w) => w
            .as_u64()
            .filter(|w| (1..=MAX_WORKERS as u64).contains(w))
            .map(|w| Some(w as usize))
            .ok_or_else(|| format!("workers: give a whole number from 1 to {MAX_WORKERS}")),
    }
}

/// How often a long job reports, in ms.
const PROGRESS_MS: f64 = 100.0;

/// A split fairness run waiting for its lots rule's rounds ([`WorkerRequest::FairnessSplit`]).
struct SplitRun {
    id: u64,
    run: FairnessRun,
    /// Blocks of winners that arrived before the rounds ahead of them: (first round, winners).
    waiting: Vec<(u64, Vec<u8>)>,
    started: f64,
    last: f64,
}

thread_local! {
    /// The worker's split run, between the messages that feed it.
    static SPLIT: std::cell::RefCell<Option<SplitRun>> = const { std::cell::RefCell::new(None) };
}

/// A worker message as the bytes `postMessage` carries: postcard, serde's compact binary
/// format. Page and worker are one module, so both ends always agree on the types, and
/// binary keeps the page free of a JSON reader for every report and digest (about 13 KB of
/// gzipped wasm) and makes a digest of 10^6 lots a fraction of its JSON's size.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // Serializing to a Vec fails only for types serde cannot write, which these are not.
    postcard::to_allocvec(message).unwrap_or_default()
}

/// Reads a request; an error says why in words.
pub fn decode_request(bytes: &[u8]) -> Result<WorkerRequest, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}

/// Reads a reply; an error says why in words.
pub fn decode_reply(bytes: &[u8]) -> Result<WorkerReply, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}

/// The worker's whole job: reads one request ([`encode`]d), posts progress and the answer
/// through `post`; `clock` gives milliseconds (the worker's `performance.now()`).
pub fn handle_worker_request(
    request: &[u8],
    clock: &dyn Fn() -> f64,
    post: &mut dyn FnMut(&WorkerReply),
) {
    match decode_request(request) {
        Ok(WorkerRequest::Digest { id, seed, stakers }) => {
            let digest = LotteryDigest::compute(&seed, stakers, |done, total| {
                post(&WorkerReply::Progress { id, done, total })
            });
            post(&WorkerReply::Digest { id, digest });
        }
        Ok(WorkerRequest::Bench { id, lots, runs }) => {
            let results = bench(&lots, runs, clock);
            post(&WorkerReply::Bench { id, results });
        }
        Ok(WorkerRequest::Fairness { id, job }) => {
            let step = step_rounds(&job);
            let run = match FairnessRun::new(job) {
                Ok(run) => run,
                Err(e) => {
                    return post(&WorkerReply::Error {
                        error: e.to_string(),
                    })
                }
            };
            let started = clock();
            let mut last = started;
            let report = run.run_all(step, |report| {
                let now = clock();
                if now - last >= PROGRESS_MS {
                    last = now;
                    post(&WorkerReply::Fairness {
                        id,
                        report: report.clone(),
                        ms: now - started,
                    });
                }
                true
            });
            post(&WorkerReply::Fairness {
                id,
                report,
                ms: clock() - started,
            });
        }
        Ok(WorkerRequest::Rank { id, draw }) => {
            let ranking = pos_core::chain::compute_draw(&draw.stakers, &draw.seed);
            post(&WorkerReply::Rank { id, draw, ranking });
        }
        Ok(WorkerRequest::Grind { id, setup }) => match GrindRun::new(&setup) {
            Ok(mut run) => run_in_steps(
                &mut run,
                grind_step_rounds(&setup),
                clock,
                post,
                |run, step| {
                    run.step(step);
                    run.done()
                },
                |run, ms| WorkerReply::Grind {
                    id,
                    report: run.report(),
                    ms,
                },
            ),
            Err(e) => post(&WorkerReply::Error {
                error: e.to_string(),
            }),
        },
        Ok(WorkerRequest::Compounding { id, setup }) => match CompoundingRun::new(&setup) {
            Ok(mut run) => run_in_steps(
                &mut run,
                compounding::step_runs(&setup),
                clock,
                post,
                |run, step| {
                    run.step(step);
                    run.done()
                },
                |run, ms| WorkerReply::Compounding {
                    id,
                    report: run.report(),
                    ms,
                },
            ),
            Err(e) => post(&WorkerReply::Error {
                error: e.to_string(),
            }),
        },
        Ok(WorkerRequest::FairnessSplit { id, job }) => {
            let step = step_rounds(&job);
            let mut run = match FairnessRun::split(job) {
                Ok(run) => run,
                Err(e) => {
                    return post(&WorkerReply::Error {
                        error: e.to_string(),
                    })
                }
            };
            let started = clock();
            let mut last = started;
            while !run.own_rules_done() {
                run.step(step.max(1));
                let now = clock();
                if now - last >= PROGRESS_MS {
                    last = now;
                    post(&WorkerReply::Fairness {
                        id,
                        report: run.report(),
                        ms: now - started,
                    });
                }
            }
            post(&WorkerReply::Fairness {
                id,
                report: run.report(),
                ms: clock() - started,
            });
            if !run.done() {
                SPLIT.with(|s| {
                    *s.borrow_mut() = Some(SplitRun {
                        id,
                        run,
                        waiting: Vec::new(),
                        started,
                        last,
                    })
                });
            }
        }
        Ok(WorkerRequest::LotsRecord { id, first, winners }) => {
            let reply = SPLIT.with(|s| {
                let mut s = s.borrow_mut();
                let split = s.as_mut().filter(|s| s.id == id)?;
                split.waiting.push((first, winners));
                // Blocks may arrive out of order: count each once the rounds before it are.
                while let Some(i) = split
                    .waiting
                    .iter()
                    .position(|(f, _)| *f == split.run.lots_rounds_done())
                {
                    let (_, w) = split.waiting.swap_remove(i);
                    split.run.record_lots(&w);
                }
                let now = clock();
                let done = split.run.done();
                if !done && now - split.last < PROGRESS_MS {
                    return None;
                }
                split.last = now;
                let reply = WorkerReply::Fairness {
                    id,
                    report: split.run.report(),
                    ms: now - split.started,
                };
                if done {
                    *s = None;
                }
                Some(reply)
            });
            if let Some(reply) = reply {
                post(&reply);
            }
        }
        Ok(WorkerRequest::LotsRounds {
            id,
            stakes,
            seed,
            first,
            rounds,
        }) => match lots_rounds(&stakes, seed, rounds) {
            Ok(winners) => post(&WorkerReply::LotsRounds { id, first, winners }),
            Err(e) => post(&WorkerReply::Error {
                error: e.to_string(),
            }),
        },
        Ok(WorkerRequest::DrawPart {
            id,
            seed,
            first,
            stakers,
        }) => post(&WorkerReply::DrawPart {
            id,
            outcome: lottery::draw_part(&stakers, first, &seed),
        }),
        Err(e) => post(&WorkerReply::Error {
            error: format!("unreadable request: {e}"),
        }),
    }
}

/// Runs a job `step` at a time until `advance` says it is done, posting the reply that
/// `reply` builds (given the milliseconds so far) at most every [`PROGRESS_MS`], then once
/// at the end.
fn run_in_steps<J>(
    job: &mut J,
    step: u64,
    clock: &dyn Fn() -> f64,
    post: &mut dyn FnMut(&WorkerReply),
    advance: impl Fn(&mut J, u64) -> bool,
    reply: impl Fn(&J, f64) -> WorkerReply,
) {
    let started = clock();
    let mut last = started;
    while !advance(job, step) {
        let now = clock();
        if now - last >= PROGRESS_MS {
            last = now;
            post(&reply(job, now - started));
        }
    }
    post(&reply(job, clock() - started));
}

/// Reads the console's `grind({stakes, grinder, friend, pool, rounds, seed})`; what is left
/// out is the lab's default (stakes 10/30/60, the first staker grinding alone over a pool of
/// 3, 1,000 rounds). The worker checks the setup and says what is wrong.
pub fn console_grind(v: &serde_json::Value) -> Result<WorkerRequest, String> {
    use serde_json::Value;
    let mut setup = grinding::Setup::default();
    let whole = |key: &str| -> Result<Option<u64>, String> {
        match v.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(x) => x
                .as_u64()
                .map(Some)
                .ok_or_else(|| format!("{key}: give a whole number")),
        }
    };
    if let Some(s) = v.get("stakes").filter(|s| !s.is_null()) {
        setup.stakes = serde_json::from_value::<Vec<u64>>(s.clone())
            .map_err(|_| "stakes: give an array of whole numbers, e.g. [10, 30, 60]".to_string())?;
    }
    if let Some(g) = whole("grinder")? {
        setup.grinder = g as usize;
    }
    setup.friend = whole("friend")?.map(|f| f as usize);
    if let Some(p) = whole("pool")? {
        setup.pool = p as usize;
    }
    if let Some(r) = whole("rounds")? {
        if !(1..=MAX_ROUNDS).contains(&r) {
            return Err(format!(
                "rounds: choose between 1 and {}",
                group(MAX_ROUNDS)
            ));
        }
        setup.rounds = r;
    }
    if let Some(s) = v.get("seed").and_then(Value::as_str) {
        setup.seed = Hash::from_hex(s).map_err(|e| format!("seed: {e}"))?;
    }
    Ok(WorkerRequest::Grind { id: 1, setup })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::fairness::FairnessJob;
    use pos_core::fairness::{Params, Rule};
    use pos_core::{DrawRequest, Wallet};

    /// Runs `request` through the worker's handler with both ends in bytes, as between the
    /// page and its worker; returns the replies as the page reads them.
    fn through_worker(request: &WorkerRequest) -> Vec<WorkerReply> {
        let bytes = encode(request);
        assert_eq!(decode_request(&bytes).as_ref(), Ok(request));
        let mut replies = Vec::new();
        handle_worker_request(&bytes, &|| 0.0, &mut |r: &WorkerReply| {
            let read = decode_reply(&encode(r)).expect("readable");
            assert_eq!(&read, r);
            replies.push(read);
        });
        replies
    }

    #[test]
    fn console_bench_reads_sizes_and_runs_and_refuses_the_rest_in_words() {
        use serde_json::json;
        assert_eq!(
            console_bench(&json!({})),
            Ok(WorkerRequest::Bench {
                id: 1,
                lots: vec![10_000, 100_000, 1_000_000],
                runs: 5
            })
        );
        assert_eq!(
            console_bench(&json!({"lots": [1000, 2000], "runs": 2})),
            Ok(WorkerRequest::Bench {
                id: 1,
                lots: vec![1000, 2000],
                runs: 2
            })
        );
        for (bad, words) in [
            (json!({"lots": []}), "1 to 6 sizes"),
            (json!({"lots": [5]}), "5 is out of range"),
            (json!({"lots": [20_000_000]}), "between 10 and 10,000,000"),
            (json!({"lots": "many"}), "array of whole numbers"),
            (json!({"runs": 0}), "from 1 to 20"),
            (json!({"runs": 2.5}), "from 1 to 20"),
        ] {
            let e = console_bench(&bad).expect_err("refused");
            assert!(e.contains(words), "{bad}: {e}");
        }
    }

    #[test]
    fn every_kind_of_job_survives_the_binary_protocol() {
        let seed = Hash::of(b"protocol");
        let fairness = through_worker(&WorkerRequest::Fairness {
            id: 3,
            job: FairnessJob {
                stakes: vec![10, 30, 60],
                rules: Rule::ALL.to_vec(),
                rounds: 200,
                seed,
                params: Params::default(),
            },
        });
        match fairness.last() {
            Some(WorkerReply::Fairness { id: 3, report, .. }) => {
                assert!(report.done);
                assert_eq!(report.rules.len(), Rule::ALL.len());
                assert!(report.rules.iter().all(|r| r.rounds == 200));
            }
            other => panic!("{other:?}"),
        }

        let grind = through_worker(&WorkerRequest::Grind {
            id: 4,
            setup: pos_core::grinding::Setup {
                rounds: 50,
                seed,
                ..Default::default()
            },
        });
        assert!(matches!(
            grind.last(),
            Some(WorkerReply::Grind { id: 4, .. })
        ));

        let stakers: Vec<(pos_core::Address, u64)> = (1u8..=3)
            .map(|i| (Wallet::from_seed([i; 32]).address(), u64::from(i) * 5))
            .collect();
        let draw = DrawRequest { seed, stakers };
        match through_worker(&WorkerRequest::Rank {
            id: 5,
            draw: draw.clone(),
        })
        .as_slice()
        {
            [WorkerReply::Rank {
                id: 5,
                draw: d,
                ranking,
            }] => {
                assert_eq!(d, &draw);
                assert_eq!(
                    ranking,
                    &pos_core::chain::compute_draw(&draw.stakers, &draw.seed)
                );
            }
            other => panic!("{other:?}"),
        }

        // A job the worker refuses comes back as an error in words.
        let refused = through_worker(&WorkerRequest::Grind {
            id: 6,
            setup: pos_core::grinding::Setup {
                grinder: 9,
                ..Default::default()
            },
        });
        assert!(matches!(refused.as_slice(), [WorkerReply::Error { .. }]));
        assert_eq!(
            decode_reply(&encode(&WorkerReply::Ready)),
            Ok(WorkerReply::Ready)
        );
    }

    #[test]
    fn console_grind_overrides_the_labs_default_and_refuses_the_rest_in_words() {
        use serde_json::json;
        let seed = Hash::of(b"grind console");
        match console_grind(
            &json!({"stakes": [5, 5], "grinder": 1, "friend": 0, "pool": 4,
            "rounds": 300, "seed": seed.to_hex()}),
        ) {
            Ok(WorkerRequest::Grind { id: 1, setup }) => assert_eq!(
                setup,
                grinding::Setup {
                    stakes: vec![5, 5],
                    grinder: 1,
                    friend: Some(0),
                    pool: 4,
                    rounds: 300,
                    seed,
                }
            ),
            other => panic!("{other:?}"),
        }
        match console_grind(&json!({})) {
            Ok(WorkerRequest::Grind { setup, .. }) => assert_eq!(setup, grinding::Setup::default()),
            other => panic!("{other:?}"),
        }
        for (bad, words) in [
            (json!({"rounds": 0}), "between 1 and 100,000"),
            (json!({"pool": -1}), "pool: give a whole number"),
            (json!({"stakes": [1, "x"]}), "array of whole numbers"),
            (json!({"seed": "zz"}), "seed:"),
        ] {
            let e = console_grind(&bad).expect_err("refused");
            assert!(e.contains(words), "{bad}: {e}");
        }
    }
}
