//! The fairness lab: one stake table, many rounds, several proposer-selection rules.
//!
//! A [`Lab`] runs rounds of one [`Rule`] over a fixed stake table. Round `r + 1`'s seed is
//! `SHA-256(seed_r)` (the raw 32 bytes), a chain of hashes like a chain of blocks, so a run is
//! fixed by its start seed. The lab counts each staker's wins so that [`chi_square`] can test
//! them against the stake shares.
//!
//! Everything is integer or fixed-point arithmetic (`u128` with [`ONE`] = 10^36, products taken
//! exactly in 256 bits), so native and wasm32 builds give the same rounds and the same numbers.
//! The approximations, all far below what the page shows:
//!
//! - **Praos** `phi(sigma) = 1 - exp(sigma * ln(1 - f))`: `ln(1 - f)` by its power series and
//!   `exp(-y)` as `e^-1` to the integer part of `y` times a Taylor series for the fraction, all at
//!   10^-36 resolution; the absolute error is below 10^-30 for `f <= 0.99`.
//! - **Algorand** binomial CDF: `P(0) = (1 - p)^w` by binary exponentiation, then
//!   `P(k + 1) = P(k) (w - k) p / ((k + 1) (1 - p))`, each step rounded down at 10^-36. Accurate
//!   while `P(0)` stays representable, i.e. while a staker's expected weight `w * tau / W` is
//!   below about 80 (keep the committee size at 64 or less).
//! - **Chi-square p-value**: exact closed forms of the regularized upper incomplete gamma
//!   function for integer and half-integer shapes (see [`chi_square`]); the error is below
//!   10^-9 while the statistic is at most 100 and grows as `10^-36 e^(x/2)` beyond, which only
//!   matters for tables of more than about 60 stakers whose statistic exceeds 130.

use crate::hash::Hash;
use crate::lottery;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::fmt;
use std::str::FromStr;

/// Fixed-point one: 10^36. Probabilities and fractions in this module are `u128` at this scale.
pub const ONE: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000;

/// `e^-1` at [`ONE`] scale, rounded down.
const EXP_NEG_ONE: u128 = 367_879_441_171_442_321_595_523_770_161_460_867;

/// `2 / sqrt(pi)` at [`ONE`] scale, rounded down.
const TWO_OVER_SQRT_PI: u128 = 1_128_379_167_095_512_573_896_158_903_121_545_171;

/// Ethereum's `MAX_RANDOM_BYTE`.
const MAX_RANDOM_BYTE: u128 = 255;

/// A proposer-selection rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// The Python design's lots ([`lottery::draw`]): every staked token is a lot, a hash chain
    /// from `address + seed`, and the lot closest to `H(seed)` wins. Stakers are given the
    /// synthetic addresses `staker0`, `staker1`, ...; the seed is the round seed in hex.
    Lots,
    /// One weighted draw: the round seed's top 128 bits modulo the total stake, located in the
    /// cumulative stakes. One hash per round, whatever the stake (modulo bias below 2^-64).
    Weighted,
    /// CometBFT's weighted round-robin (spec `proposer-selection.md`): each round every
    /// priority grows by its voting power, the highest priority proposes (ties to the lowest
    /// index, standing in for the spec's lowest address) and loses the total power. Priorities
    /// are rescaled to a window of twice the total power and centred, as in the spec.
    /// Deterministic: it ignores the seed.
    CometBft,
    /// Ethereum's `compute_proposer_index` (consensus-specs, phase 0): draw a candidate, accept
    /// it when `effective_balance * MAX_RANDOM_BYTE >= MAX_EFFECTIVE_BALANCE * random_byte`,
    /// otherwise try the next. The random byte is the spec's
    /// `hash(seed + uint_to_bytes(uint64(i // 32)))[i % 32]`; the candidate is
    /// `SHA-256(seed ‖ "candidate" ‖ i_le64) mod n` instead of the spec's swap-or-not
    /// shuffle (same distribution for one pick, 180 fewer hashes). `MAX_EFFECTIVE_BALANCE`
    /// is the largest stake.
    Ethereum,
    /// Algorand sortition (Gilad et al., "Algorand: Scaling Byzantine Agreements for
    /// Cryptocurrencies", SOSP 2017): each staker of stake `w` draws `j ~ Binomial(w, tau / W)`
    /// by locating the fraction `SHA-256(seed ‖ "algorand" ‖ i_le64)` in the binomial CDF; it
    /// is on the committee with `j` votes when `j > 0`. The expected total is `tau`
    /// ([`Params::committee`]); a round may select nobody or many.
    Algorand,
    /// Ouroboros Praos leader election (David et al., "Ouroboros Praos", Eurocrypt 2018): a
    /// staker of relative stake `sigma` leads the slot when the fraction
    /// `SHA-256(seed ‖ "praos" ‖ i_le64)` is below `phi(sigma) = 1 - (1 - f)^sigma`, with `f`
    /// the active slot coefficient ([`Params::active_slots`]). A slot may have no leader or
    /// several.
    Praos,
}

impl Rule {
    /// Every rule, in the order the page shows them.
    pub const ALL: [Rule; 6] = [
        Rule::Lots,
        Rule::Weighted,
        Rule::CometBft,
        Rule::Ethereum,
        Rule::Algorand,
        Rule::Praos,
    ];

    /// The rule's short name, as [`FromStr`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Lots => "lots",
            Rule::Weighted => "weighted",
            Rule::CometBft => "cometbft",
            Rule::Ethereum => "ethereum",
            Rule::Algorand => "algorand",
            Rule::Praos => "praos",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A rule name that [`Rule::from_str`] does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule {:?}", self.0)
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Rule, UnknownRule> {
        Rule::ALL
            .into_iter()
            .find(|r| r.name() == s)
            .ok_or_else(|| UnknownRule(s.to_string()))
    }
}

/// The rules' parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    /// Algorand's expected committee size `tau` (default 20).
    pub committee: u64,
    /// Praos' active slot coefficient `f` as `(numerator, denominator)` (default 1/20).
    pub active_slots: (u64, u64),
}

impl Default for Params {
    fn default() -> Params {
        Params {
            committee: 20,
            active_slots: (1, 20),
        }
    }
}

/// One round: its seed and who was selected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// The seed the round was drawn from.
    pub seed: Hash,
    /// Selected stakers (indices into the stake table), ascending for Algorand and Praos.
    /// Exactly one for the other rules (none only when nobody has stake).
    pub winners: Vec<usize>,
    /// Each winner's weight, parallel to `winners`: Algorand's votes `j`, 1 otherwise.
    pub weights: Vec<u64>,
}

/// The per-rule state kept across rounds.
#[derive(Debug, Clone)]
enum State {
    Lots(Vec<(String, u64)>),
    Weighted,
    CometBft(Vec<i128>),
    Ethereum,
    /// Each staker's binomial CDF (cumulative through `j`, at [`ONE`]), or `None` when
    /// `tau >= W` and everyone's `j` is its whole stake.
    Algorand(Option<Vec<Vec<u128>>>),
    /// Each staker's `phi(sigma)` at [`ONE`].
    Praos(Vec<u128>),
}

/// Runs one rule over one stake table, round after round.
#[derive(Debug, Clone)]
pub struct Lab {
    stakes: Vec<u64>,
    rule: Rule,
    seed: Hash,
    rounds: u64,
    wins: Vec<u64>,
    weights: Vec<u64>,
    state: State,
}

impl Lab {
    /// A lab with the default [`Params`].
    pub fn new(stakes: Vec<u64>, rule: Rule, seed: Hash) -> Lab {
        Lab::with_params(stakes, rule, seed, Params::default())
    }

    /// A lab whose first round is drawn from `seed`.
    pub fn with_params(stakes: Vec<u64>, rule: Rule, seed: Hash, params: Params) -> Lab {
        let total = total(&stakes);
        let state = match rule {
            Rule::Lots => State::Lots(
                stakes
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("staker{i}"), *s))
                    .collect(),
            ),
            Rule::Weighted => State::Weighted,
            Rule::CometBft => State::CometBft(vec![0; stakes.len()]),
            Rule::Ethereum => State::Ethereum,
            Rule::Algorand => State::Algorand((u128::from(params.committee) < total).then(|| {
                stakes
                    .iter()
                    .map(|w| binomial_cdf(*w, params.committee, total))
                    .collect()
            })),
            Rule::Praos => {
                let (f_num, f_den) = params.active_slots;
                State::Praos(
                    stakes
                        .iter()
                        .map(|s| phi(*s, total, f_num, f_den))
                        .collect(),
                )
            }
        };
        Lab {
            wins: vec![0; stakes.len()],
            weights: vec![0; stakes.len()],
            stakes,
            rule,
            seed,
            rounds: 0,
            state,
        }
    }

    /// Draws the next round and moves the seed on to `SHA-256(seed)`.
    pub fn next_round(&mut self) -> Round {
        let seed = self.seed;
        let (winners, weights) = self.select(&seed);
        for (w, j) in winners.iter().zip(&weights) {
            self.wins[*w] += 1;
            self.weights[*w] += j;
        }
        self.seed = Hash::of(&seed.0);
        self.rounds += 1;
        Round {
            seed,
            winners,
            weights,
        }
    }

    /// Runs `k` rounds, keeping only the counts.
    pub fn run(&mut self, k: u64) {
        for _ in 0..k {
            self.next_round();
        }
    }

    /// Rounds each staker was selected in.
    pub fn wins(&self) -> &[u64] {
        &self.wins
    }

    /// Each staker's summed weights: Algorand's votes; equal to [`Lab::wins`] for other rules.
    pub fn weights(&self) -> &[u64] {
        &self.weights
    }

    /// Rounds run so far.
    pub fn rounds(&self) -> u64 {
        self.rounds
    }

    /// The seed of the next round.
    pub fn seed(&self) -> Hash {
        self.seed
    }

    /// The stake table.
    pub fn stakes(&self) -> &[u64] {
        &self.stakes
    }

    /// The rule.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// [`chi_square`] of the wins so far against the stakes.
    pub fn chi_square(&self) -> ChiSquare {
        chi_square(&self.wins, &self.stakes)
    }

    fn select(&mut self, seed: &Hash) -> (Vec<usize>, Vec<u64>) {
        let stakes = &self.stakes;
        let one = |w: Option<usize>| {
            let winners: Vec<usize> = w.into_iter().collect();
            let weights = vec![1; winners.len()];
            (winners, weights)
        };
        match &mut self.state {
            State::Lots(stakers) => {
                one(lottery::draw(stakers, &seed.to_hex()).map(|o| o.winner.staker))
            }
            State::Weighted => one(weighted(stakes, seed)),
            State::CometBft(priorities) => one(comet_bft(stakes, priorities)),
            State::Ethereum => one(ethereum(stakes, seed)),
            State::Algorand(cdfs) => {
                let mut winners = Vec::new();
                let mut weights = Vec::new();
                for (i, w) in stakes.iter().enumerate() {
                    let j = match cdfs {
                        None => *w,
                        Some(cdfs) => {
                            let frac = fraction(seed, b"algorand", i);
                            let cdf = &cdfs[i];
                            (cdf.partition_point(|c| *c <= frac) as u64).min(*w)
                        }
                    };
                    if j > 0 {
                        winners.push(i);
                        weights.push(j);
                    }
                }
                (winners, weights)
            }
            State::Praos(phis) => {
                let winners: Vec<usize> = phis
                    .iter()
                    .enumerate()
                    .filter(|(i, phi)| fraction(seed, b"praos", *i) < **phi)
                    .map(|(i, _)| i)
                    .collect();
                let weights = vec![1; winners.len()];
                (winners, weights)
            }
        }
    }
}

fn total(stakes: &[u64]) -> u128 {
    stakes.iter().map(|s| u128::from(*s)).sum()
}

/// `SHA-256(parts...)`.
fn sha(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

fn high_u128(b: &[u8; 32]) -> u128 {
    let mut top = [0u8; 16];
    top.copy_from_slice(&b[..16]);
    u128::from_be_bytes(top)
}

/// Staker `i`'s uniform fraction in `[0, 1)` at [`ONE`] for this seed: the top 128 bits of
/// `SHA-256(seed ‖ tag ‖ i_le64)` times [`ONE`], over 2^128.
fn fraction(seed: &Hash, tag: &[u8], i: usize) -> u128 {
    let h = sha(&[&seed.0, tag, &(i as u64).to_le_bytes()]);
    mul_wide(high_u128(&h), ONE).0
}

fn weighted(stakes: &[u64], seed: &Hash) -> Option<usize> {
    let total = total(stakes);
    if total == 0 {
        return None;
    }
    let mut r = high_u128(&seed.0) % total;
    for (i, s) in stakes.iter().enumerate() {
        let s = u128::from(*s);
        if r < s {
            return Some(i);
        }
        r -= s;
    }
    None
}

fn comet_bft(stakes: &[u64], priorities: &mut [i128]) -> Option<usize> {
    let total = total(stakes) as i128;
    if total == 0 {
        return None;
    }
    // RescalePriorities: keep the spread within 2 * total power.
    let (min, max) = priorities
        .iter()
        .fold((i128::MAX, i128::MIN), |(lo, hi), p| {
            (lo.min(*p), hi.max(*p))
        });
    let window = 2 * total;
    if max - min > window {
        let ratio = (max - min + window - 1) / window;
        for p in priorities.iter_mut() {
            *p /= ratio;
        }
    }
    // shiftByAvgProposerPriority: Go's big.Int Div, Euclidean.
    let avg = priorities
        .iter()
        .sum::<i128>()
        .div_euclid(priorities.len() as i128);
    for p in priorities.iter_mut() {
        *p -= avg;
    }
    for (p, s) in priorities.iter_mut().zip(stakes) {
        *p += i128::from(*s);
    }
    // The highest priority proposes; on a tie the lowest index, as `>` keeps the first.
    let mut proposer: Option<usize> = None;
    for (i, s) in stakes.iter().enumerate() {
        if *s > 0 && proposer.is_none_or(|b| priorities[i] > priorities[b]) {
            proposer = Some(i);
        }
    }
    let proposer = proposer?;
    priorities[proposer] -= total;
    Some(proposer)
}

fn ethereum(stakes: &[u64], seed: &Hash) -> Option<usize> {
    let active: Vec<usize> = (0..stakes.len()).filter(|i| stakes[*i] > 0).collect();
    let max = u128::from(stakes.iter().copied().max()?);
    if active.is_empty() {
        return None;
    }
    let n = active.len() as u64;
    // The largest stake is always accepted, so at most one in 2^64 draws goes on for long.
    for i in 0u64.. {
        let c = sha(&[&seed.0, b"candidate", &i.to_le_bytes()]);
        let mut low = [0u8; 8];
        low.copy_from_slice(&c[..8]);
        let candidate = active[(u64::from_le_bytes(low) % n) as usize];
        let random_byte = sha(&[&seed.0, &(i / 32).to_le_bytes()])[(i % 32) as usize];
        let balance = u128::from(stakes[candidate]);
        if balance * MAX_RANDOM_BYTE >= max * u128::from(random_byte) {
            return Some(candidate);
        }
    }
    None
}

/// Staker of stake `w`: its binomial CDF for `Binomial(w, tau / total)`, entry `j` holding
/// `P(X <= j)` at [`ONE`], up to where it reaches one or the pmf vanishes past its mean.
/// Needs `tau < total`.
fn binomial_cdf(w: u64, tau: u64, total: u128) -> Vec<u128> {
    let tau = u128::from(tau);
    let w128 = u128::from(w);
    let rest = total - tau;
    let mut p = pow(mul_div(ONE, rest, total), w);
    let mut cum = p;
    let mut cdf = vec![cum];
    let mut k: u128 = 0;
    while k < w128 && cum < ONE {
        p = mul_div(p, (w128 - k) * tau, (k + 1) * rest);
        k += 1;
        if p == 0 && k * total > w128 * tau {
            break;
        }
        cum = cum.saturating_add(p);
        cdf.push(cum);
    }
    cdf
}

/// `x^n` at [`ONE`], by squaring.
fn pow(mut x: u128, mut n: u64) -> u128 {
    let mut acc = ONE;
    while n > 0 {
        if n & 1 == 1 {
            acc = mul_div(acc, x, ONE);
        }
        x = mul_div(x, x, ONE);
        n >>= 1;
    }
    acc
}

/// Praos' `phi(sigma) = 1 - (1 - f)^sigma` at [`ONE`] for `sigma = stake / total` and
/// `f = f_num / f_den`: `1 - exp(-sigma * (-ln(1 - f)))`, the logarithm by its power series and
/// the exponential as in [`exp_neg`]. Error below 10^-30 for `f <= 0.99`.
pub fn phi(stake: u64, total: u128, f_num: u64, f_den: u64) -> u128 {
    if stake == 0 || total == 0 || f_num == 0 || f_den == 0 {
        return 0;
    }
    if f_num >= f_den {
        return ONE;
    }
    // -ln(1 - f) = sum f^k / k.
    let (f_num, f_den) = (u128::from(f_num), u128::from(f_den));
    let mut log = 0u128;
    let mut t = ONE;
    let mut k = 1u128;
    loop {
        t = mul_div(t, f_num, f_den);
        if t == 0 {
            break;
        }
        log += t / k;
        k += 1;
    }
    ONE - exp_neg(mul_div(log, u128::from(stake), total))
}

/// `exp(-y)` at [`ONE`] for `y` at [`ONE`]: `e^-1` to the integer part of `y` (repeated
/// products) times the alternating Taylor series of `exp(-fraction)`. Each product rounds
/// down by at most 10^-36.
pub fn exp_neg(y: u128) -> u128 {
    let whole = y / ONE;
    let frac = y % ONE;
    if whole > 90 {
        return 0;
    }
    let (mut pos, mut neg, mut t) = (ONE, 0u128, ONE);
    let mut k = 1u128;
    loop {
        t = mul_div(t, frac, ONE) / k;
        if t == 0 {
            break;
        }
        if k % 2 == 1 {
            neg += t;
        } else {
            pos += t;
        }
        k += 1;
    }
    let mut e = pos.saturating_sub(neg);
    for _ in 0..whole {
        e = mul_div(e, EXP_NEG_ONE, ONE);
    }
    e
}

/// A chi-square goodness-of-fit test of wins against stake shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChiSquare {
    /// `sum (observed - expected)^2 / expected` in thousandths, rounded to nearest; `u64::MAX` when
    /// a staker without stake won.
    pub statistic_milli: u64,
    /// Stakers with stake, less one.
    pub degrees: u32,
    /// `P(X >= statistic)` for `X ~ chi-square(degrees)`, in millionths, rounded to nearest.
    pub p_value_ppm: u32,
}

/// Tests `wins` (rounds won per staker) against the shares of `stakes`: the expected wins of
/// staker `i` are `N * s_i / S`. Stakers without stake and without wins are left out.
///
/// The statistic is computed exactly in integers (error under one thousandth while
/// `N * S < 2^108`). The p-value is `Q(k / 2, x / 2)`, the regularized upper incomplete gamma
/// function at the statistic `x` (as rounded to thousandths), by its closed forms:
/// for even `k`, `Q = e^-y sum_{i < k/2} y^i / i!`; for odd `k`,
/// `Q = erfc(sqrt y) + e^-y sum_{i=1}^{(k-1)/2} y^(i-1/2) / Gamma(i + 1/2)`, with `y = x / 2`,
/// `erfc` from the Maclaurin series of `erf` (at 10^-20, taken as 0 past `y = 30`) and `e^-y`
/// from [`exp_neg`]. The error is below 10^-9 while `x <= 100`; beyond, it grows as
/// `10^-36 e^(x/2)`, which matters only for more than about 60 degrees of freedom.
pub fn chi_square(wins: &[u64], stakes: &[u64]) -> ChiSquare {
    let n: u128 = wins.iter().map(|w| u128::from(*w)).sum();
    let s_total = total(stakes);
    let with_stake = stakes.iter().filter(|s| **s > 0).count();
    let degrees = with_stake.saturating_sub(1) as u32;
    let mut micro: u128 = 0;
    let mut infinite = false;
    if n > 0 && s_total > 0 {
        for (i, o) in wins.iter().enumerate() {
            let o = u128::from(*o);
            let s = u128::from(stakes.get(i).copied().unwrap_or(0));
            if s == 0 {
                infinite |= o > 0;
                continue;
            }
            let (a, b) = (o.saturating_mul(s_total), n.saturating_mul(s));
            let d = a.abs_diff(b);
            let term = match s_total.checked_mul(s) {
                // In millionths, so that summing floored terms stays exact to the thousandth.
                Some(den) => mul_div(d, d.saturating_mul(1_000_000), den) / n,
                None => u128::MAX,
            };
            micro = micro.saturating_add(term);
        }
    } else if n > 0 {
        infinite = true;
    }
    let statistic_milli = if infinite {
        u64::MAX
    } else {
        u64::try_from(micro.saturating_add(500) / 1000).unwrap_or(u64::MAX)
    };
    ChiSquare {
        statistic_milli,
        degrees,
        p_value_ppm: chi_square_p_ppm(statistic_milli, degrees),
    }
}

/// `P(X >= x)` in millionths (rounded to nearest) for `X ~ chi-square(degrees)` and
/// `x = statistic_milli / 1000`: the p-value of [`chi_square`], by the method documented there.
pub fn chi_square_p_ppm(statistic_milli: u64, degrees: u32) -> u32 {
    let q = upper_gamma_half(statistic_milli, degrees);
    let ppm = (q + ONE / 2_000_000) / (ONE / 1_000_000);
    ppm.min(1_000_000) as u32
}

/// `Q(k / 2, x / 2)` at [`ONE`] for `x = milli / 1000`.
fn upper_gamma_half(milli: u64, k: u32) -> u128 {
    if k == 0 {
        return ONE;
    }
    let m = u128::from(milli);
    // y = milli / 2000, at ONE.
    let Some(y) = m.checked_mul(ONE / 2000) else {
        return 0;
    };
    let e = exp_neg(y);
    if k.is_multiple_of(2) {
        let (mut t, mut sum) = (e, e);
        for i in 1..u128::from(k / 2) {
            t = mul_div(t, m, 2000 * i);
            sum = sum.saturating_add(t);
        }
        return sum;
    }
    // sqrt(y) at 10^18: isqrt(y * 10^36) = isqrt(milli * 5 * 10^32).
    let Some(sq) = m.checked_mul(500_000_000_000_000_000_000_000_000_000_000) else {
        return 0;
    };
    let root18 = isqrt(sq);
    let mut sum = erfc_sqrt(m, root18);
    let mut u = mul_div(
        mul_div(e, root18, 1_000_000_000_000_000_000),
        TWO_OVER_SQRT_PI,
        ONE,
    );
    for i in 1..=u128::from((k - 1) / 2) {
        sum = sum.saturating_add(u);
        u = mul_div(u, 2 * m, 2000 * (2 * i + 1));
    }
    sum.min(ONE)
}

/// `erfc(sqrt(y))` at [`ONE`] for `y = milli / 2000`, `root18 = sqrt(y)` at 10^18: the
/// Maclaurin series of `erf` at 10^-20 (its terms stay below 10^34 there), 0 past `y = 30`.
fn erfc_sqrt(milli: u128, root18: u128) -> u128 {
    const SCALE: u128 = 100_000_000_000_000_000_000; // 10^20
    if milli >= 60_000 {
        return 0;
    }
    let mut a = root18 * 100; // z^(2n+1) / n! at 10^20
    let (mut pos, mut neg) = (a, 0u128);
    let mut n = 1u128;
    loop {
        a = mul_div(a, milli, 2000 * n);
        if a == 0 && n * 2000 > milli {
            break;
        }
        if n % 2 == 1 {
            neg += a / (2 * n + 1);
        } else {
            pos += a / (2 * n + 1);
        }
        n += 1;
    }
    let erf = mul_div(pos.saturating_sub(neg), TWO_OVER_SQRT_PI, ONE).min(SCALE);
    (SCALE - erf) * (ONE / SCALE)
}

/// `floor(sqrt(n))` by Newton's method from above.
fn isqrt(n: u128) -> u128 {
    if n < 2 {
        return n;
    }
    let mut x = 1u128 << (128 - n.leading_zeros()).div_ceil(2);
    loop {
        let y = (x + n / x) / 2;
        if y >= x {
            return x;
        }
        x = y;
    }
}

/// The 256-bit product `a * b` as `(high, low)` halves.
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const M: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & M);
    let (b1, b0) = (b >> 64, b & M);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & M) + (p10 & M);
    let low = (p00 & M) | (mid << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

/// `floor(a * b / d)` with an exact 256-bit product; `u128::MAX` when the quotient does not
/// fit (or `d` is 0).
fn mul_div(a: u128, b: u128, d: u128) -> u128 {
    if d == 0 {
        return u128::MAX;
    }
    let (high, low) = mul_wide(a, b);
    if high == 0 {
        return low / d;
    }
    if high >= d {
        return u128::MAX;
    }
    // Long division of (high, low) by d, one bit at a time; the remainder stays below d.
    let (mut r, mut q) = (high, 0u128);
    for i in (0..128).rev() {
        let carry = r >> 127;
        r = (r << 1) | ((low >> i) & 1);
        q <<= 1;
        if carry == 1 || r >= d {
            r = r.wrapping_sub(d);
            q |= 1;
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mul_div_matches_small_cases_and_wide_products() {
        assert_eq!(mul_div(7, 9, 4), 15);
        assert_eq!(mul_div(u128::MAX, u128::MAX, u128::MAX), u128::MAX);
        assert_eq!(mul_div(u128::MAX, 6, 3), u128::MAX);
        assert_eq!(mul_div(1 << 100, 1 << 100, 1 << 90), 1 << 110);
        assert_eq!(mul_div(ONE, ONE, ONE), ONE);
    }

    #[test]
    fn isqrt_is_the_floor() {
        for n in [0u128, 1, 2, 3, 4, 15, 16, 17, 1 << 100, u128::MAX] {
            let r = isqrt(n);
            assert!(r * r <= n);
            assert!((r + 1).checked_mul(r + 1).is_none_or(|s| s > n));
        }
    }
}
