//! The fairness lab's rewards-and-compounding mode, plain Rust: the run the worker steps
//! through ([`CompoundingRun`], over `pos_core::compounding`), what comes back to the page
//! ([`CompoundingReport`]: both schedules' histograms of the watched staker's final share on
//! common bins, their simulated and exact means and variances), the figures and the paper's
//! point as words for the page (`Say`, `cmp-` keys of `page.ftl`), and the console's `compounding({...})` read into a setup
//! ([`console_setup`]) and answered ([`CompoundingAnswer`]).
//!
//! Everything is computed in integers by the core; floats appear only where text is written.

use crate::logic::i18n::{Arg, Say};
use crate::logic::words::fixed;
use pos_core::compounding::{
    self, Bins, Compounder, Schedule, Setup, SetupError, Summary, HISTOGRAM_BINS, PPM, SHARE_ONE,
    VAR_ONE,
};
use pos_core::Hash;
use serde::{Deserialize, Serialize};

/// One schedule's results so far, for the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleReport {
    /// Simulated and exact mean and variance of the watched staker's final share.
    pub summary: Summary,
    /// How many runs ended in each of the report's [`CompoundingReport::bins`].
    pub counts: Vec<u32>,
}

/// A compounding run's results so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompoundingReport {
    /// The watched staker's index in the stake table.
    pub watched: usize,
    /// Its starting share, at [`SHARE_ONE`].
    pub start_share: u64,
    /// The constant reward per block, in millionths of the starting total.
    pub reward_ppm: u64,
    /// The geometric schedule's reward per block as a fraction of the stake before it, `g`,
    /// at [`SHARE_ONE`].
    pub geometric_rate: u64,
    /// Blocks per run.
    pub blocks: u64,
    /// Runs asked for.
    pub runs_target: u64,
    /// Runs done.
    pub runs_done: u64,
    /// The constant schedule's variance as the blocks grow without end, `v(1-v)·r/(1+r)`, at
    /// [`VAR_ONE`].
    pub limit_variance: u64,
    /// The histograms' bins (shares at [`SHARE_ONE`]), common to both schedules and covering
    /// every run's final share and the starting share.
    pub bins: Bins,
    /// Constant first, then geometric.
    pub schedules: Vec<ScheduleReport>,
    /// Whether every run is done.
    pub done: bool,
}

impl CompoundingReport {
    /// The report of `schedule`, if present.
    pub fn schedule(&self, schedule: Schedule) -> Option<&ScheduleReport> {
        self.schedules
            .iter()
            .find(|s| s.summary.schedule == schedule)
    }
}

/// A compounding run in progress.
pub struct CompoundingRun {
    compounder: Compounder,
}

impl CompoundingRun {
    /// A run of `setup`, or why it cannot run.
    pub fn new(setup: &Setup) -> Result<CompoundingRun, SetupError> {
        Ok(CompoundingRun {
            compounder: Compounder::new(setup)?,
        })
    }

    /// Whether every run is done.
    pub fn done(&self) -> bool {
        self.compounder.is_done()
    }

    /// Up to `runs` more runs.
    pub fn step(&mut self, runs: u64) {
        self.compounder.step(runs);
    }

    /// The results so far.
    pub fn report(&self) -> CompoundingReport {
        let c = &self.compounder;
        let setup = c.setup();
        let shares = Schedule::ALL.map(|s| c.shares(s));
        let start = [c.start_share()];
        let bins = Bins::covering(&[&shares[0], &shares[1], &start], HISTOGRAM_BINS);
        CompoundingReport {
            watched: setup.watched,
            start_share: c.start_share(),
            reward_ppm: setup.reward_ppm,
            geometric_rate: c.geometric_rate(),
            blocks: setup.blocks,
            runs_target: setup.runs,
            runs_done: c.runs_done(),
            limit_variance: compounding::constant_limit_variance(
                c.watched_units(),
                c.start_units(),
                c.reward_units(),
            )
            .unwrap_or(0),
            bins,
            schedules: Schedule::ALL
                .iter()
                .zip(&shares)
                .map(|(s, xs)| ScheduleReport {
                    summary: c.summary(*s),
                    counts: bins.counts(xs),
                })
                .collect(),
            done: c.is_done(),
        }
    }
}

/// Runs between two looks at the worker's clock: about 200,000 blocks (one hash each).
pub fn step_runs(setup: &Setup) -> u64 {
    (200_000 / setup.blocks.max(1)).max(1)
}

/// A percentage with `decimals` decimals, in words (`percent`: `"10.0 %"`, written the
/// language's way).
fn percent_of(pct: f64, decimals: u32) -> Say {
    Say::new("percent").with("value", Arg::Decimal(fixed(pct, decimals)))
}

/// A share at [`SHARE_ONE`] as a percentage with one decimal: `"10.0 %"`.
pub fn share_words(share: u64) -> Say {
    percent_of(share as f64 / SHARE_ONE as f64 * 100.0, 1)
}

/// A share at [`SHARE_ONE`] as a percentage with two decimals, for means: `"10.02 %"`.
pub fn mean_words(share: u64) -> Say {
    percent_of(share as f64 / SHARE_ONE as f64 * 100.0, 2)
}

/// A variance at [`VAR_ONE`] in scientific notation with three digits: `"8.97 × 10⁻⁴"`
/// (`"0"` for zero).
pub fn variance_words(variance: u64) -> Say {
    if variance == 0 {
        return Say::new("cmp-zero");
    }
    let (mantissa, exponent) = scientific(variance);
    Say::new("cmp-scientific")
        .with("mantissa", Arg::Decimal(fixed(mantissa, 2)))
        .with("exponent", superscript(exponent))
}

/// A variance and its standard error on the variance's power of ten:
/// `"8.97 ± 0.28 × 10⁻⁴"`.
pub fn variance_with_error(variance: u64, error: u64) -> Say {
    if variance == 0 {
        return variance_words(error);
    }
    let (mantissa, exponent) = scientific(variance);
    let scale = 10f64.powi(exponent);
    Say::new("cmp-scientific-error")
        .with("mantissa", Arg::Decimal(fixed(mantissa, 2)))
        .with(
            "error",
            Arg::Decimal(fixed(error as f64 / VAR_ONE as f64 / scale, 2)),
        )
        .with("exponent", superscript(exponent))
}

/// `variance / VAR_ONE` as `mantissa × 10^exponent`, the mantissa in `[1, 10)`.
fn scientific(variance: u64) -> (f64, i32) {
    let x = variance as f64 / VAR_ONE as f64;
    let mut exponent = x.log10().floor() as i32;
    let mut mantissa = x / 10f64.powi(exponent);
    // Rounded to two decimals, 9.999 is 10.00: one power up.
    if (mantissa * 100.0).round() >= 1000.0 {
        exponent += 1;
        mantissa = x / 10f64.powi(exponent);
    }
    (mantissa, exponent)
}

fn superscript(n: i32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::new();
    if n < 0 {
        out.push('⁻');
    }
    for c in n.unsigned_abs().to_string().chars() {
        out.push(DIGITS[c.to_digit(10).unwrap_or(0) as usize]);
    }
    out
}

/// The standard deviation of a variance at [`VAR_ONE`], in percentage points of share:
/// `"3.0 points"`.
pub fn spread_words(variance: u64) -> Say {
    let sd = (variance as f64 / VAR_ONE as f64).sqrt() * 100.0;
    Say::new("cmp-points").with(
        "points",
        Arg::Decimal(fixed(sd, if sd < 1.0 { 2 } else { 1 })),
    )
}

/// A reward in millionths of the starting total as a percentage: `"1 %"`, `"0.1 %"`.
pub fn reward_words(ppm: u64) -> Say {
    let pct = ppm as f64 / PPM as f64 * 100.0;
    let mut s = fixed(pct, 4);
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    Say::new("percent").with("value", Arg::Decimal(s))
}

/// How many standard errors the simulated variance lies from the exact one, in words:
/// `"0.4 standard errors apart"`.
pub fn agreement_words(summary: &Summary) -> Say {
    if summary.variance_error == 0 {
        return Say::new(if summary.variance == summary.exact_variance {
            "cmp-agree-equal"
        } else {
            "cmp-agree-unknown"
        });
    }
    let z =
        summary.variance.abs_diff(summary.exact_variance) as f64 / summary.variance_error as f64;
    Say::new("cmp-agree-apart").with("errors", Arg::Decimal(fixed(z, 1)))
}

/// The paper's point for a class, with the run's own figures: the share is a martingale, a
/// constant reward lets early luck compound, the geometric reward of the same total spreads
/// least (Fanti et al.).
pub fn the_point(r: &CompoundingReport) -> Vec<Say> {
    let (Some(constant), Some(geometric)) = (
        r.schedule(Schedule::Constant),
        r.schedule(Schedule::Geometric),
    ) else {
        return Vec::new();
    };
    let (c, g) = (&constant.summary, &geometric.summary);
    vec![
        Say::new("cmp-point-average")
            .with("start", share_words(r.start_share))
            .with("constant", mean_words(c.mean))
            .with("geometric", mean_words(g.mean))
            .with("runs", r.runs_done),
        Say::new("cmp-point-luck")
            .with("blocks", r.blocks)
            .with("sd", spread_words(c.variance))
            .with("exact", spread_words(c.exact_variance))
            .with("limit", spread_words(r.limit_variance)),
        Say::new("cmp-point-geometric")
            .with("rate", rate_words(r.geometric_rate))
            .with("sd", spread_words(g.variance))
            .with("exact", spread_words(g.exact_variance)),
    ]
}

/// A rate at [`SHARE_ONE`] as a percentage with three significant decimals: `"0.956 %"`.
pub fn rate_words(rate: u64) -> Say {
    let pct = rate as f64 / SHARE_ONE as f64 * 100.0;
    let decimals = if pct >= 10.0 {
        1
    } else if pct >= 1.0 {
        2
    } else if pct >= 0.1 {
        3
    } else {
        4
    };
    percent_of(pct, decimals)
}

/// Reads the console's `compounding({stakes, watch, reward, blocks, runs, seed})`: what is
/// left out is the default (stakes 10/30/60 watching the first, a reward of 0.01 — 1 % of the
/// starting total — per block, 1,000 blocks, 2,000 runs). `reward` is a fraction in whole
/// millionths. The bounds are checked here, in words.
pub fn console_setup(v: &serde_json::Value) -> Result<Setup, String> {
    use serde_json::Value;
    let mut setup = Setup::default();
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
    if let Some(w) = whole("watch")? {
        setup.watched = usize::try_from(w).unwrap_or(usize::MAX);
    }
    if let Some(b) = whole("blocks")? {
        setup.blocks = b;
    }
    if let Some(r) = whole("runs")? {
        setup.runs = r;
    }
    match v.get("reward") {
        None | Some(Value::Null) => {}
        Some(x) => {
            let words = "reward: give the reward per block as a fraction of the starting stake \
                         in whole millionths, from 0.000001 to 1, e.g. 0.01 for 1 %";
            let f = x
                .as_f64()
                .filter(|f| f.is_finite() && *f > 0.0 && *f <= 1.0);
            let ppm = f.map(|f| f * PPM as f64).ok_or(words)?;
            if (ppm - ppm.round()).abs() > 1e-6 {
                return Err(words.to_string());
            }
            setup.reward_ppm = ppm.round() as u64;
        }
    }
    if let Some(s) = v.get("seed").and_then(Value::as_str) {
        setup.seed = Hash::from_hex(s).map_err(|e| format!("seed: {e}"))?;
    }
    setup.validate().map_err(|e| e.to_string())?;
    Ok(setup)
}

/// One schedule's figures for the console, as fractions.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleAnswer {
    /// The mean final share.
    pub mean: f64,
    /// Its standard error.
    pub mean_error: f64,
    /// The sample variance of the final share.
    pub variance: f64,
    /// Its standard error.
    pub variance_error: f64,
    /// The exact expected final share (the starting share).
    pub exact_mean: f64,
    /// The exact variance of the final share.
    pub exact_variance: f64,
    /// The final shares' histogram: how many runs in each bin of the answer's `bins`.
    pub counts: Vec<u32>,
}

/// What `playground.compounding({...})` resolves to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompoundingAnswer {
    /// The watched staker's starting share.
    pub start_share: f64,
    /// The constant reward per block, as a fraction of the starting total.
    pub reward: f64,
    /// The geometric reward per block, as a fraction of the stake before it.
    pub geometric_rate: f64,
    /// Blocks per run.
    pub blocks: u64,
    /// Runs.
    pub runs: u64,
    /// The constant schedule's variance as the blocks grow without end.
    pub limit_variance: f64,
    /// The histograms' bins: `[lower edge, width]` of the first bin, as shares.
    pub bins: [f64; 2],
    /// The constant schedule.
    pub constant: ScheduleAnswer,
    /// The geometric schedule.
    pub geometric: ScheduleAnswer,
    /// The worker's time for the job, in ms.
    pub ms: f64,
}

impl CompoundingAnswer {
    /// The answer for a report that took `ms`; `None` when a schedule is missing.
    pub fn of(r: &CompoundingReport, ms: f64) -> Option<CompoundingAnswer> {
        let share = |x: u64| x as f64 / SHARE_ONE as f64;
        let var = |x: u64| x as f64 / VAR_ONE as f64;
        let answer = |s: &ScheduleReport| ScheduleAnswer {
            mean: share(s.summary.mean),
            mean_error: share(s.summary.mean_error),
            variance: var(s.summary.variance),
            variance_error: var(s.summary.variance_error),
            exact_mean: share(s.summary.exact_mean),
            exact_variance: var(s.summary.exact_variance),
            counts: s.counts.clone(),
        };
        Some(CompoundingAnswer {
            start_share: share(r.start_share),
            reward: r.reward_ppm as f64 / PPM as f64,
            geometric_rate: share(r.geometric_rate),
            blocks: r.blocks,
            runs: r.runs_done,
            limit_variance: var(r.limit_variance),
            bins: [share(r.bins.lo), share(r.bins.width)],
            constant: answer(r.schedule(Schedule::Constant)?),
            geometric: answer(r.schedule(Schedule::Geometric)?),
            ms,
        })
    }
}
