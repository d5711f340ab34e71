//! Rewards and compounding: do the rich get richer?
//!
//! Each block's forger earns a reward and stakes it again, so a staker that wins early holds
//! more stake and wins more often after. This module runs that process many times over and
//! measures how far one watched staker's final share of the stake spreads around its start,
//! for the two reward schedules that Fanti, Kogan, Oh, Ruan, Viswanath and Wang compare in
//! "Compounding of Wealth in Proof-of-Stake Cryptocurrencies" (Financial Cryptography 2019):
//!
//! - [`Schedule::Constant`]: every block pays the same reward `R`.
//! - [`Schedule::Geometric`]: every block pays the same fraction `g` of the stake staked before
//!   it, so the total grows geometrically, and the two schedules hand out the same total
//!   reward `n·R` over the `n` blocks.
//!
//! **The process** ([`Compounder`]). Stakes are held in fixed point, [`UNIT`] (10^9) units per
//! token, so rewards can be fractions of a token. In each block the watched staker wins with
//! probability exactly its stake over the total stake: the block's seed's top 128 bits (as a
//! big-endian integer) modulo the total, a win when the remainder falls below the watched
//! staker's stake, the same draw as the fairness lab's `weighted` rule. The totals stay below
//! 2^64 units (see [`MAX_TOTAL_STAKE`]), so the modulo bias is below 2^64 / 2^128 = 2^-64 per
//! block. The winner's stake grows by the block's reward, and the total grows by it whoever
//! wins. The other stakers are followed together, as "the rest": which of them wins changes
//! nothing for the watched staker's chances, so its share follows exactly the process of the
//! full stake table.
//!
//! **Seeds.** Run `k` (from 0) draws its first block from
//! `SHA-256(setup seed ‖ "compounding" ‖ k as u64 LE)` and each next block from the SHA-256 of
//! the block's seed before, so the runs are independent and the same setup gives the same
//! numbers on every platform (integers only). Both schedules see the same seeds, block for
//! block, as a paired experiment: each schedule's runs are independent of each other, and the
//! two schedules differ only by their rewards.
//!
//! **The exact figures.** A staker's share `X_k` after `k` blocks is a martingale: its
//! expected value stays the starting share `v` ([`Summary::exact_mean`]). With the total
//! `T_k = T_{k-1} + R_k` and the watched staker winning block `k` with probability `X_{k-1}`,
//!
//! ```text
//! E[(X_k T_k)^2] = (T_{k-1}^2 + 2 T_{k-1} R_k) E[X_{k-1}^2] + R_k^2 v
//! ```
//!
//! Dividing by `T_k^2` and subtracting `v^2` gives, with `ρ_k = R_k / T_k`,
//! `v(1-v) - Var X_k = (1 - ρ_k^2) (v(1-v) - Var X_{k-1})`, so after `n` blocks
//!
//! ```text
//! Var X_n = v(1-v) · (1 - Π_k (1 - ρ_k^2))
//! ```
//!
//! for any schedule of rewards fixed in advance ([`exact_variance`], computed with the very
//! rewards the simulation pays). For a constant reward `R = r·T_0` the product telescopes and
//! the watched staker's wins follow the Pólya urn's Beta-Binomial(n, v/r, (1-v)/r), whose
//! variance gives the same ([`beta_binomial_variance`]):
//!
//! ```text
//! Var X_n = v(1-v) · n r^2 / ((1+r)(1+nr))   →   v(1-v) · r/(1+r) as n grows
//! ```
//!
//! For a given total reward, `Π (1 - ρ_k)` is fixed (it is `T_0 / T_n`), and
//! `Π (1 - ρ_k^2) = Π (1 - ρ_k)(1 + ρ_k)` is largest, the variance smallest, when every `ρ_k`
//! is the same (`log(1 + ρ)` is concave in `log(1 - ρ)`): the geometric schedule. That is
//! Fanti et al.'s result: geometric rewards are the most equitable.
//!
//! Like the rest of the crate, the module uses integers only: shares at [`SHARE_ONE`]
//! (10^12), variances at [`VAR_ONE`] (10^18).

use crate::fairness::fixed::{isqrt, mul_div};
use crate::hash::Hash;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::fmt;

/// Fixed-point units per token: stakes and rewards are held as `tokens × UNIT`.
pub const UNIT: u64 = 1_000_000_000;

/// The most stake (in tokens) a setup may start with, as in the fairness lab. With at most
/// [`MAX_BLOCKS`] blocks of at most [`MAX_REWARD_PPM`] each, the total stays below
/// `10^6 · 10^9 · (1 + 10^4) ≈ 1.0·10^19 < 2^64` units.
pub const MAX_TOTAL_STAKE: u64 = 1_000_000;

/// The most stakers a setup may have.
pub const MAX_STAKERS: usize = 256;

/// The most blocks in one run.
pub const MAX_BLOCKS: u64 = 10_000;

/// The most runs in one setup.
pub const MAX_RUNS: u64 = 10_000;

/// The most blocks in all (runs × blocks): one hash each, so that a run of the page's worker
/// stays under a few seconds.
pub const MAX_WORK: u64 = 5_000_000;

/// The largest reward per block, in millionths of the starting total: 1,000,000 (the whole
/// starting stake again every block).
pub const MAX_REWARD_PPM: u64 = 1_000_000;

/// Parts per million: the unit of [`Setup::reward_ppm`].
pub const PPM: u64 = 1_000_000;

/// Fixed-point one for shares: 10^12.
pub const SHARE_ONE: u64 = 1_000_000_000_000;

/// Fixed-point one for variances (of shares): 10^18.
pub const VAR_ONE: u64 = 1_000_000_000_000_000_000;

/// Bins of the histograms the page draws.
pub const HISTOGRAM_BINS: usize = 40;

/// 10^36: the scale of the exact figures' intermediate products.
const E36: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000;

/// 10^30: the scale of the geometric schedule's growth factor.
const E30: u128 = 1_000_000_000_000_000_000_000_000_000_000;

/// A compounding experiment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Setup {
    /// Each staker's starting stake, in tokens.
    pub stakes: Vec<u64>,
    /// The index of the staker whose share is followed.
    pub watched: usize,
    /// The constant schedule's reward per block, in millionths of the starting total stake
    /// (10,000 is 1 %). The geometric schedule pays the same in all over the run.
    pub reward_ppm: u64,
    /// Blocks per run.
    pub blocks: u64,
    /// Independent runs.
    pub runs: u64,
    /// The seed every run's seeds come from.
    pub seed: Hash,
}

impl Default for Setup {
    /// Stakes 10, 30 and 60 watching the 10, a reward of 1 % of the starting total per block,
    /// 1,000 blocks, 2,000 runs.
    fn default() -> Setup {
        Setup {
            stakes: vec![10, 30, 60],
            watched: 0,
            reward_ppm: 10_000,
            blocks: 1_000,
            runs: 2_000,
            seed: Hash::of(b"pos-playground/compounding"),
        }
    }
}

impl Setup {
    /// Checks the setup against the bounds of this module: some stakers but at most
    /// [`MAX_STAKERS`], the watched one among them, some stake but at most
    /// [`MAX_TOTAL_STAKE`], blocks in `1..=`[`MAX_BLOCKS`], runs in `1..=`[`MAX_RUNS`], runs
    /// × blocks at most [`MAX_WORK`], a reward in `1..=`[`MAX_REWARD_PPM`].
    pub fn validate(&self) -> Result<(), SetupError> {
        let stakers = self.stakes.len();
        if stakers == 0 {
            return Err(SetupError::NoStakers);
        }
        if stakers > MAX_STAKERS {
            return Err(SetupError::TooManyStakers {
                stakers,
                max: MAX_STAKERS,
            });
        }
        if self.watched >= stakers {
            return Err(SetupError::WatchedOutOfRange {
                watched: self.watched,
                stakers,
            });
        }
        let total: u128 = self.stakes.iter().map(|s| u128::from(*s)).sum();
        if total == 0 {
            return Err(SetupError::NoStake);
        }
        if total > u128::from(MAX_TOTAL_STAKE) {
            return Err(SetupError::TooMuchStake {
                total,
                max: MAX_TOTAL_STAKE,
            });
        }
        if !(1..=MAX_BLOCKS).contains(&self.blocks) {
            return Err(SetupError::Blocks {
                blocks: self.blocks,
                max: MAX_BLOCKS,
            });
        }
        if !(1..=MAX_RUNS).contains(&self.runs) {
            return Err(SetupError::Runs {
                runs: self.runs,
                max: MAX_RUNS,
            });
        }
        if self.runs * self.blocks > MAX_WORK {
            return Err(SetupError::TooMuchWork {
                runs: self.runs,
                blocks: self.blocks,
                max: MAX_WORK,
            });
        }
        if !(1..=MAX_REWARD_PPM).contains(&self.reward_ppm) {
            return Err(SetupError::Reward {
                reward_ppm: self.reward_ppm,
                max: MAX_REWARD_PPM,
            });
        }
        Ok(())
    }
}

/// Why a [`Setup`] cannot run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "error",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum SetupError {
    /// The stake table is empty.
    NoStakers,
    /// More stakers than [`MAX_STAKERS`].
    TooManyStakers {
        /// How many were given.
        stakers: usize,
        /// The most allowed.
        max: usize,
    },
    /// The watched staker is not in the table.
    WatchedOutOfRange {
        /// Its index.
        watched: usize,
        /// How many stakers there are.
        stakers: usize,
    },
    /// Every stake is zero.
    NoStake,
    /// The stakes add up to more than [`MAX_TOTAL_STAKE`].
    TooMuchStake {
        /// Their sum.
        total: u128,
        /// The most allowed.
        max: u64,
    },
    /// Blocks outside `1..=`[`MAX_BLOCKS`].
    Blocks {
        /// Blocks asked for.
        blocks: u64,
        /// The most allowed.
        max: u64,
    },
    /// Runs outside `1..=`[`MAX_RUNS`].
    Runs {
        /// Runs asked for.
        runs: u64,
        /// The most allowed.
        max: u64,
    },
    /// More than [`MAX_WORK`] blocks in all.
    TooMuchWork {
        /// Runs asked for.
        runs: u64,
        /// Blocks per run.
        blocks: u64,
        /// The most blocks in all.
        max: u64,
    },
    /// A reward outside `1..=`[`MAX_REWARD_PPM`] millionths.
    Reward {
        /// The reward asked for, in millionths of the starting total.
        reward_ppm: u64,
        /// The largest allowed.
        max: u64,
    },
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetupError::NoStakers => f.write_str("the stake table is empty: add a staker"),
            SetupError::TooManyStakers { stakers, max } => {
                write!(f, "{stakers} stakers is too many: at most {max}")
            }
            SetupError::WatchedOutOfRange { watched, stakers } => write!(
                f,
                "staker {watched} is not in the table: choose one of the {stakers} stakers (from 0)"
            ),
            SetupError::NoStake => f.write_str("nobody has stake: give someone a stake above 0"),
            SetupError::TooMuchStake { total, max } => {
                write!(f, "the stakes add up to {total}: at most {max}")
            }
            SetupError::Blocks { blocks, max } => {
                write!(f, "{blocks} blocks: choose between 1 and {max}")
            }
            SetupError::Runs { runs, max } => write!(f, "{runs} runs: choose between 1 and {max}"),
            SetupError::TooMuchWork { runs, blocks, max } => write!(
                f,
                "{runs} runs of {blocks} blocks is {} blocks in all: at most {max}, so that a run \
                 stays under a few seconds; choose fewer runs or fewer blocks",
                u128::from(*runs) * u128::from(*blocks)
            ),
            SetupError::Reward { reward_ppm, max } => write!(
                f,
                "a reward of {reward_ppm} millionths of the stake per block: choose between 1 and \
                 {max} (the whole starting stake)"
            ),
        }
    }
}

impl std::error::Error for SetupError {}

/// How the block reward is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Schedule {
    /// The same reward `R = reward_ppm · T_0 / 10^6` every block.
    Constant,
    /// Every block pays a fixed fraction `g` of the total staked before it, `g` solving
    /// `(1 + g)^n = 1 + n·R / T_0`: the same total reward as [`Schedule::Constant`]. The
    /// total after block `k` is `T_0 · (1 + g)^k` rounded down to a unit (`1 + g` at 10^-30),
    /// except after the last block, where it is exactly `T_0 + n·R`: the last reward takes up
    /// the rounding, within a unit or two.
    Geometric,
}

impl Schedule {
    /// Both schedules, constant first.
    pub const ALL: [Schedule; 2] = [Schedule::Constant, Schedule::Geometric];

    /// The schedule's name in lower case: "constant" or "geometric".
    pub fn name(self) -> &'static str {
        match self {
            Schedule::Constant => "constant",
            Schedule::Geometric => "geometric",
        }
    }

    fn index(self) -> usize {
        match self {
            Schedule::Constant => 0,
            Schedule::Geometric => 1,
        }
    }
}

/// The rewards of every block, in units, of `schedule` for a starting total of `start` units
/// and a constant reward of `reward` units over `blocks` blocks. Both schedules pay
/// `blocks · reward` in all. `None` when the final total would not stay below 2^64 units.
pub fn rewards(start: u64, reward: u64, blocks: u64, schedule: Schedule) -> Option<Vec<u64>> {
    let end = u128::from(reward)
        .checked_mul(u128::from(blocks))?
        .checked_add(u128::from(start))?;
    let end = u64::try_from(end).ok()?;
    if start == 0 {
        return None;
    }
    let n = usize::try_from(blocks).ok()?;
    match schedule {
        Schedule::Constant => Some(vec![reward; n]),
        Schedule::Geometric => {
            // q = 1 + g at 10^30: the largest q with q^n <= end / start.
            let target = mul_div(E30, u128::from(end), u128::from(start));
            let (mut lo, mut hi) = (E30, target);
            while lo < hi {
                let mid = lo + (hi - lo).div_ceil(2);
                if pow_at_most(mid, blocks, target).is_some() {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            let q = lo;
            let mut out = Vec::with_capacity(n);
            let (mut power, mut before) = (E30, u128::from(start));
            for k in 1..=blocks {
                power = mul_div(power, q, E30);
                let total = if k == blocks {
                    u128::from(end)
                } else {
                    mul_div(u128::from(start), power, E30).min(u128::from(end))
                };
                out.push(u64::try_from(total.saturating_sub(before)).ok()?);
                before = total.max(before);
            }
            Some(out)
        }
    }
}

/// `q^n` at 10^30 when it is at most `cap`, else `None`. Left to right, so every partial
/// power is at most the last one.
fn pow_at_most(q: u128, n: u64, cap: u128) -> Option<u128> {
    let mut r = E30;
    for bit in (0..64 - n.leading_zeros()).rev() {
        r = mul_div(r, r, E30);
        if r > cap {
            return None;
        }
        if (n >> bit) & 1 == 1 {
            r = mul_div(r, q, E30);
            if r > cap {
                return None;
            }
        }
    }
    Some(r)
}

/// The exact variance, at [`VAR_ONE`] and rounded down, of the share after every block of
/// `rewards` of a staker holding `watched` of `start` units at the start, whoever wins: the
/// recurrence of the module docs, `v(1-v) · (1 - Π (1 - (R_k / T_k)^2))`, with the product at
/// 10^-36 (each factor and each partial product rounded once, so it is off by at most
/// `2 · blocks · 10^-36`, far below the result's last digit). `None` when `watched > start`,
/// `start` is 0 or the total reaches 2^64.
pub fn exact_variance(watched: u64, start: u64, rewards: &[u64]) -> Option<u64> {
    if watched > start || start == 0 {
        return None;
    }
    let mut total = start;
    let mut product = E36;
    for r in rewards {
        total = total.checked_add(*r)?;
        let (r, t) = (u128::from(*r), u128::from(total));
        let factor = E36 - mul_div(E36, r * r, t * t);
        product = mul_div(product, factor, E36);
    }
    let spread = v_one_minus_v(E36 - product, watched, start);
    Some((spread / u128::from(VAR_ONE)) as u64)
}

/// `x · (a / s) · (1 - a / s)`, each step rounded down.
fn v_one_minus_v(x: u128, a: u64, s: u64) -> u128 {
    let (a, s) = (u128::from(a), u128::from(s));
    mul_div(mul_div(x, a, s), s - a, s)
}

/// The closed form of the share's variance after `blocks` constant rewards of `reward` units
/// for a staker holding `watched` of `start` units, at [`VAR_ONE`] (rounded down): the
/// Beta-Binomial's `v(1-v) · n r^2 / ((1+r)(1+nr))` with `v = watched / start` and
/// `r = reward / start`. `None` when `watched > start`, `start` is 0 or the total reaches 2^64.
pub fn beta_binomial_variance(watched: u64, start: u64, reward: u64, blocks: u64) -> Option<u64> {
    let nr = u128::from(reward).checked_mul(u128::from(blocks))?;
    let end = nr.checked_add(u128::from(start))?;
    u64::try_from(end).ok()?;
    let limit = limit_fraction(watched, start, reward)?;
    Some((mul_div(limit, nr, end) / u128::from(VAR_ONE)) as u64)
}

/// The limit of [`beta_binomial_variance`] as the blocks grow: `v(1-v) · r / (1+r)`, at
/// [`VAR_ONE`] (rounded down). `None` when `watched > start`, `start` is 0 or `start + reward`
/// reaches 2^64.
pub fn constant_limit_variance(watched: u64, start: u64, reward: u64) -> Option<u64> {
    Some((limit_fraction(watched, start, reward)? / u128::from(VAR_ONE)) as u64)
}

/// `v(1-v) · r / (1+r)` at 10^36.
fn limit_fraction(watched: u64, start: u64, reward: u64) -> Option<u128> {
    if watched > start || start == 0 {
        return None;
    }
    let plus = u128::from(start) + u128::from(reward);
    u64::try_from(plus).ok()?;
    let v = v_one_minus_v(E36, watched, start);
    Some(mul_div(v, u128::from(reward), plus))
}

/// One schedule's results over the runs so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The schedule.
    pub schedule: Schedule,
    /// Runs summed up.
    pub runs: u64,
    /// The mean of the watched staker's final shares, at [`SHARE_ONE`].
    pub mean: u64,
    /// The standard error of that mean (the sample's standard deviation over √runs), at
    /// [`SHARE_ONE`].
    pub mean_error: u64,
    /// The sample variance of the final shares (divided by runs − 1), at [`VAR_ONE`]; 0 for
    /// fewer than 2 runs.
    pub variance: u64,
    /// The standard error of that variance, `√((m4 − s⁴ (N−3)/(N−1)) / N)` from the sample's
    /// fourth central moment `m4`, at [`VAR_ONE`].
    pub variance_error: u64,
    /// The exact expected final share: the starting share (a martingale), at [`SHARE_ONE`].
    pub exact_mean: u64,
    /// The exact variance of the final share ([`exact_variance`]), at [`VAR_ONE`].
    pub exact_variance: u64,
}

/// Bins of a histogram of shares, at [`SHARE_ONE`]: bin `i` holds `lo + i·width` up to, not
/// including, `lo + (i+1)·width`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bins {
    /// The lowest bin's lower edge.
    pub lo: u64,
    /// Each bin's width: 1, 2, 2.5 or 5 times a power of ten.
    pub width: u64,
    /// How many bins.
    pub count: usize,
}

impl Bins {
    /// The narrowest bins of a round width (1, 2, 2.5 or 5 times a power of ten) whose edges
    /// are multiples of the width and of which at most `most` cover every sample.
    pub fn covering(samples: &[&[u64]], most: usize) -> Bins {
        let all = samples.iter().flat_map(|s| s.iter().copied());
        let (min, max) = all.fold((u64::MAX, 0), |(lo, hi), x| (lo.min(x), hi.max(x)));
        if min > max {
            return Bins {
                lo: 0,
                width: 1,
                count: 1,
            };
        }
        let most = most.max(1) as u64;
        let (min, max) = (u128::from(min), u128::from(max));
        let mut power = 1u128;
        while power <= u128::from(u64::MAX) {
            for width in [power, power * 2, power / 2 * 5, power * 5] {
                if width == 0 || width > u128::from(u64::MAX) {
                    continue;
                }
                let lo = min / width * width;
                let count = (max - lo) / width + 1;
                if count <= u128::from(most) {
                    return Bins {
                        lo: lo as u64,
                        width: width as u64,
                        count: count as usize,
                    };
                }
            }
            power *= 10;
        }
        Bins {
            lo: 0,
            width: u64::MAX / most + 1,
            count: most as usize,
        }
    }

    /// How many of `xs` fall in each bin (those outside every bin are left out).
    pub fn counts(&self, xs: &[u64]) -> Vec<u32> {
        let mut counts = vec![0u32; self.count];
        for x in xs {
            if let Some(i) = x.checked_sub(self.lo).map(|d| d / self.width) {
                if let Some(c) = counts.get_mut(i as usize) {
                    *c += 1;
                }
            }
        }
        counts
    }
}

/// One schedule's runs so far.
#[derive(Debug, Clone)]
struct Outcomes {
    /// Each run's final stake of the watched staker, in units.
    stakes: Vec<u64>,
    /// Each run's blocks won by the watched staker.
    wins: Vec<u32>,
}

/// A compounding experiment in progress: both schedules over the same runs.
#[derive(Debug, Clone)]
pub struct Compounder {
    setup: Setup,
    watched: u64,
    start: u64,
    reward: u64,
    rewards: [Vec<u64>; 2],
    exact_variance: [u64; 2],
    outcomes: [Outcomes; 2],
}

impl Compounder {
    /// The experiment of `setup`, or why it cannot run.
    pub fn new(setup: &Setup) -> Result<Compounder, SetupError> {
        setup.validate()?;
        let start_tokens: u64 = setup.stakes.iter().sum();
        let start = start_tokens * UNIT;
        let watched = setup.stakes[setup.watched] * UNIT;
        // Exact in units: R = tokens · UNIT · ppm / 10^6, and UNIT is a multiple of 10^6.
        let reward = start_tokens * setup.reward_ppm * (UNIT / PPM);
        let schedule = |s| rewards(start, reward, setup.blocks, s).unwrap_or_default();
        let rewards = [schedule(Schedule::Constant), schedule(Schedule::Geometric)];
        let exact = |r: &[u64]| exact_variance(watched, start, r).unwrap_or(0);
        let exact_variance = [exact(&rewards[0]), exact(&rewards[1])];
        let runs = setup.runs as usize;
        let outcomes = std::array::from_fn(|_| Outcomes {
            stakes: Vec::with_capacity(runs),
            wins: Vec::with_capacity(runs),
        });
        Ok(Compounder {
            setup: setup.clone(),
            watched,
            start,
            reward,
            rewards,
            exact_variance,
            outcomes,
        })
    }

    /// The setup.
    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// Runs done.
    pub fn runs_done(&self) -> u64 {
        self.outcomes[0].stakes.len() as u64
    }

    /// Whether every run is done.
    pub fn is_done(&self) -> bool {
        self.runs_done() >= self.setup.runs
    }

    /// Runs up to `runs` more runs (both schedules); returns how many ran.
    pub fn step(&mut self, runs: u64) -> u64 {
        let mut ran = 0;
        while ran < runs && !self.is_done() {
            self.run_one(self.runs_done());
            ran += 1;
        }
        ran
    }

    /// Runs every run left.
    pub fn run_all(&mut self) {
        while !self.is_done() {
            self.step(self.setup.runs);
        }
    }

    fn run_one(&mut self, k: u64) {
        let mut seed = run_seed(&self.setup.seed, k);
        let mut stake = [self.watched; 2];
        let mut total = [u128::from(self.start); 2];
        let mut wins = [0u32; 2];
        for block in 0..self.setup.blocks as usize {
            let x = high_u128(&seed);
            for s in 0..2 {
                let r = self.rewards[s][block];
                if x % total[s] < u128::from(stake[s]) {
                    stake[s] += r;
                    wins[s] += 1;
                }
                total[s] += u128::from(r);
            }
            seed = Sha256::digest(seed).into();
        }
        for s in 0..2 {
            self.outcomes[s].stakes.push(stake[s]);
            self.outcomes[s].wins.push(wins[s]);
        }
    }

    /// The starting total, in units.
    pub fn start_units(&self) -> u64 {
        self.start
    }

    /// The watched staker's starting stake, in units.
    pub fn watched_units(&self) -> u64 {
        self.watched
    }

    /// The constant schedule's reward per block, in units.
    pub fn reward_units(&self) -> u64 {
        self.reward
    }

    /// Every block's reward under `schedule`, in units.
    pub fn rewards(&self, schedule: Schedule) -> &[u64] {
        &self.rewards[schedule.index()]
    }

    /// The total after the last block, in units: the same for both schedules.
    pub fn end_units(&self) -> u64 {
        self.start + self.reward * self.setup.blocks
    }

    /// The geometric schedule's growth per block `g`, at [`SHARE_ONE`]: its first block's
    /// reward over the starting total.
    pub fn geometric_rate(&self) -> u64 {
        let first = self.rewards[1].first().copied().unwrap_or(0);
        mul_div(
            u128::from(first),
            u128::from(SHARE_ONE),
            u128::from(self.start),
        ) as u64
    }

    /// The starting share of the watched staker, at [`SHARE_ONE`] (rounded down).
    pub fn start_share(&self) -> u64 {
        share(self.watched, self.start)
    }

    /// Each run's blocks won by the watched staker under `schedule`.
    pub fn wins(&self, schedule: Schedule) -> &[u32] {
        &self.outcomes[schedule.index()].wins
    }

    /// Each run's final stake of the watched staker under `schedule`, in units.
    pub fn final_stakes(&self, schedule: Schedule) -> &[u64] {
        &self.outcomes[schedule.index()].stakes
    }

    /// Each run's final share of the watched staker under `schedule`, at [`SHARE_ONE`]
    /// (rounded down).
    pub fn shares(&self, schedule: Schedule) -> Vec<u64> {
        let end = self.end_units();
        self.final_stakes(schedule)
            .iter()
            .map(|s| share(*s, end))
            .collect()
    }

    /// The exact variance of the final share under `schedule`, at [`VAR_ONE`].
    pub fn exact_variance(&self, schedule: Schedule) -> u64 {
        self.exact_variance[schedule.index()]
    }

    /// The simulated and exact figures of `schedule` over the runs so far.
    pub fn summary(&self, schedule: Schedule) -> Summary {
        let shares = self.shares(schedule);
        let m = moments(&shares);
        Summary {
            schedule,
            runs: shares.len() as u64,
            mean: m.mean,
            mean_error: m.mean_error,
            variance: m.variance,
            variance_error: m.variance_error,
            exact_mean: self.start_share(),
            exact_variance: self.exact_variance(schedule),
        }
    }
}

/// `part / whole` at [`SHARE_ONE`], rounded down (`whole` above 0, `part <= whole`).
fn share(part: u64, whole: u64) -> u64 {
    (u128::from(part) * u128::from(SHARE_ONE) / u128::from(whole.max(1))) as u64
}

/// The first seed of run `k`: `SHA-256(seed ‖ "compounding" ‖ k as u64 LE)`.
pub fn run_seed(seed: &Hash, k: u64) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(seed.0);
    h.update(b"compounding");
    h.update(k.to_le_bytes());
    h.finalize().into()
}

fn high_u128(b: &[u8; 32]) -> u128 {
    let mut top = [0u8; 16];
    top.copy_from_slice(&b[..16]);
    u128::from_be_bytes(top)
}

struct Moments {
    mean: u64,
    mean_error: u64,
    variance: u64,
    variance_error: u64,
}

/// Mean, sample variance and their standard errors of shares at [`SHARE_ONE`], in integers:
/// sums of shares and squares are exact (at most 10^4 runs of squares below 10^24), the
/// fourth moment is taken at 10^-32.
fn moments(xs: &[u64]) -> Moments {
    let n = xs.len() as u128;
    if n == 0 {
        return Moments {
            mean: 0,
            mean_error: 0,
            variance: 0,
            variance_error: 0,
        };
    }
    let sum: u128 = xs.iter().map(|x| u128::from(*x)).sum();
    let mean = (sum / n) as u64;
    if n < 2 {
        return Moments {
            mean,
            mean_error: 0,
            variance: 0,
            variance_error: 0,
        };
    }
    // Σ(x - x̄)² · n = n Σx² - (Σx)² (never negative: Cauchy–Schwarz), exactly, at 10^24 · n;
    // below 10^32 for at most 10^4 shares of at most 10^12.
    let squares: u128 = xs.iter().map(|x| u128::from(*x) * u128::from(*x)).sum();
    let spread = (n * squares).saturating_sub(sum * sum);
    // s² at 10^24.
    let s2 = spread / (n * (n - 1));
    // Σ (x - x̄)^4 / n at 10^32, the mean taken exact (sum / n) through n·x - sum.
    let m4 = xs
        .iter()
        .map(|x| {
            let d = (u128::from(*x) * n).abs_diff(sum); // (x - x̄) · n at 10^12
            let d2 = mul_div(d, d, n * n); // (x - x̄)² at 10^24
            mul_div(d2, d2, 10_000_000_000_000_000) // at 10^32
        })
        .fold(0u128, u128::saturating_add)
        / n;
    let s4 = mul_div(s2, s2, 10_000_000_000_000_000); // at 10^32
    let s4_scaled = mul_div(s4, n.saturating_sub(3), n - 1);
    let var_of_s2 = m4.saturating_sub(s4_scaled) / n; // at 10^32
    Moments {
        mean,
        mean_error: isqrt(s2 / n) as u64,
        variance: (s2 / 1_000_000) as u64,
        variance_error: isqrt(var_of_s2.saturating_mul(10_000)) as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_arithmetic_is_exact() {
        assert_eq!(mul_div(7, 9, 4), 15);
        assert_eq!(mul_div(E36, E36, E36), E36);
        assert_eq!(mul_div(1 << 100, 1 << 100, 1 << 90), 1 << 110);
        assert_eq!(mul_div(u128::MAX, 2, 1), u128::MAX);
        assert_eq!(mul_div(u128::MAX, u128::MAX, u128::MAX), u128::MAX);
        for n in [0u128, 1, 3, 4, 99, 100, 1 << 100, u128::MAX] {
            let r = isqrt(n);
            assert!(r * r <= n && (r + 1).checked_mul(r + 1).is_none_or(|s| s > n));
        }
    }

    #[test]
    fn moments_of_a_small_sample() {
        // Shares 0.1, 0.2, 0.3, 0.6: mean 0.3, s² = (0.04 + 0.01 + 0 + 0.09) / 3.
        let one = SHARE_ONE;
        let m = moments(&[one / 10, one / 5, 3 * one / 10, 6 * one / 10]);
        assert_eq!(m.mean, 3 * one / 10);
        assert_eq!(m.variance, 14 * VAR_ONE / 300);
    }
}
