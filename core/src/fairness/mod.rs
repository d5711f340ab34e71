//! The fairness lab: one stake table, many rounds, several proposer-selection rules.
//!
//! A [`Lab`] runs rounds of one [`Rule`] over a fixed stake table. Round `r + 1`'s seed is
//! `SHA-256(seed_r)` (the raw 32 bytes), a chain of hashes like a chain of blocks, so a run is
//! fixed by its start seed. The lab counts each staker's wins so that [`chi_square`] can test
//! them against the stake shares ("does it follow stake?") and against [`expected`], what the
//! rule is designed to give each staker, exactly ("does it do what its designers intended?").
//!
//! Each rule is the one its source defines, checked against that source where it has code:
//! Ethereum's is bit-exact with consensus-specs' Electra `compute_proposer_index` (module
//! [`ethereum`], compared with the specification package by `scripts/check_fairness.py`);
//! CometBFT's reproduces the proposer sequences of its `types/validator_set_test.go`.
//!
//! Everything is integer or fixed-point arithmetic (`u128` with [`ONE`] = 10^36, products taken
//! exactly in 256 bits), so native and wasm32 builds give the same rounds and the same numbers.
//! The approximations, all far below what the page shows:
//!
//! - **Praos** `phi(sigma) = 1 - exp(-sigma * ln(1 / (1 - f)))`: the logarithm by
//!   [`ln_ratio`] (powers of two, then an `atanh` series), `exp(-y)` as `e^-1` to the integer
//!   part of `y` times a Taylor series for the fraction, all at 10^-36 resolution and in
//!   bounded time for every `f` below 1; the absolute error is below 10^-30.
//! - **Algorand** binomial CDF: `P(0) = (1 - p)^w` by binary exponentiation, then
//!   `P(k + 1) = P(k) (w - k) p / ((k + 1) (1 - p))`, each step rounded down at 10^-36. Accurate
//!   while `P(0)` stays representable, i.e. while a staker's expected weight `w * tau / W` is
//!   below about 80: hence the committee cap [`MAX_COMMITTEE`].
//! - **Chi-square p-value**: exact closed forms of the regularized upper incomplete gamma
//!   function for integer and half-integer shapes (see [`chi_square`]); the error is below
//!   10^-9 while the statistic is at most 100 and grows as `10^-36 e^(x/2)` beyond, which only
//!   matters for tables of more than about 60 stakers whose statistic exceeds 130.

pub mod ethereum;
mod expected;
pub(crate) mod fixed;
mod stats;

pub use expected::{expected, Expected, SHARE_ONE};
pub use fixed::{exp_neg, ln_ratio, ONE};
pub use stats::{chi_square, chi_square_p_ppm, ChiSquare, Verdict};

use crate::hash::Hash;
use crate::lottery;
use fixed::{mul_div, mul_wide, pow};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::fmt;
use std::str::FromStr;

/// Largest Algorand committee size `tau` a lab takes: beyond it a small staker's
/// `P(0) = (1 - tau / W)^w` leaves the fixed-point range for large stakes.
pub const MAX_COMMITTEE: u64 = 64;

/// CometBFT's `MaxTotalVotingPower` (`MaxInt64 / 8`): a validator set with more total power
/// cannot exist there, so the lab refuses it.
pub const MAX_TOTAL_VOTING_POWER: u128 = (i64::MAX / 8) as u128;

/// Most Ethereum validators a lab splits a stake table into (one per 2,048 tokens or part).
pub const MAX_VALIDATORS: usize = 1 << 16;

/// Why a [`Lab`] (or [`expected`]) refuses its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabError {
    /// Algorand's committee outside `1..=MAX_COMMITTEE`.
    Committee(u64),
    /// Praos' active slot coefficient `f = n / d` not strictly between 0 and 1.
    ActiveSlots(u64, u64),
    /// CometBFT: total voting power above [`MAX_TOTAL_VOTING_POWER`].
    TooMuchPower(u128),
    /// Ethereum: more than [`MAX_VALIDATORS`] validators.
    TooManyValidators(u128),
}

impl fmt::Display for LabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabError::Committee(c) => write!(
                f,
                "an Algorand committee of {c}: choose between 1 and {MAX_COMMITTEE}"
            ),
            LabError::ActiveSlots(n, d) => write!(
                f,
                "Praos' active slot coefficient {n}/{d} must be above 0 and below 1"
            ),
            LabError::TooMuchPower(t) => write!(
                f,
                "a total voting power of {t}: CometBFT allows at most {MAX_TOTAL_VOTING_POWER}"
            ),
            LabError::TooManyValidators(n) => write!(
                f,
                "{n} Ethereum validators (one per 2,048 tokens): at most {MAX_VALIDATORS}"
            ),
        }
    }
}

impl std::error::Error for LabError {}

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
    /// CometBFT's weighted round-robin (`types/validator_set.go`, spec
    /// `proposer-selection.md`): each round the priorities are rescaled to a window of twice
    /// the total power and centred on their average, then every priority grows by its voting
    /// power, the highest priority proposes (ties to the lowest index, standing in for the
    /// lowest address: list stakers in address order) and loses the total power. Stakers
    /// without stake are not validators (CometBFT cannot hold a power-0 validator), so they
    /// are left out of the average and the window. Deterministic: it ignores the seed.
    CometBft,
    /// Ethereum's `compute_proposer_index` as of Electra (consensus-specs), bit-exact: see
    /// [`ethereum`]. A staker's tokens are ETH, split into validators of at most
    /// `MAX_EFFECTIVE_BALANCE_ELECTRA` (2,048 ETH); the round seed is the spec's `seed`; the
    /// validators are walked in the order of the swap-or-not shuffle, each accepted with
    /// probability about effective balance / 2,048 ETH (a 16-bit random value), and the staker
    /// owning the accepted validator wins.
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

impl Params {
    /// Whether the parameters are in range: a committee in `1..=MAX_COMMITTEE`, and `f`
    /// strictly between 0 and 1.
    pub fn check(&self) -> Result<(), LabError> {
        if !(1..=MAX_COMMITTEE).contains(&self.committee) {
            return Err(LabError::Committee(self.committee));
        }
        let (n, d) = self.active_slots;
        if n == 0 || n >= d {
            return Err(LabError::ActiveSlots(n, d));
        }
        Ok(())
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
    /// The stakers with stake (CometBFT's validators) and their priorities.
    CometBft(Vec<usize>, Vec<i128>),
    Ethereum(ethereum::Validators),
    /// Each staker's binomial CDF (cumulative through `j`, at [`ONE`]), or `None` when
    /// `tau >= W` and everyone's `j` is its whole stake.
    Algorand(Option<Vec<Vec<u128>>>),
    /// Each staker's `phi(sigma)` at [`ONE`].
    Praos(Vec<u128>),
}

/// The seed of round `rounds` (from 0) of a run whose first seed is `seed`: `SHA-256`
/// applied `rounds` times, as [`Lab::next_round`] moves on.
pub fn seed_after(seed: Hash, rounds: u64) -> Hash {
    (0..rounds).fold(seed, |s, _| Hash::of(&s.0))
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
    /// A lab with the default [`Params`], or why the stake table cannot run this rule.
    pub fn new(stakes: Vec<u64>, rule: Rule, seed: Hash) -> Result<Lab, LabError> {
        Lab::with_params(stakes, rule, seed, Params::default())
    }

    /// A lab whose first round is drawn from `seed`, or why it cannot run: parameters out of
    /// range ([`Params::check`]), a CometBFT table above its total power, or too many
    /// Ethereum validators.
    pub fn with_params(
        stakes: Vec<u64>,
        rule: Rule,
        seed: Hash,
        params: Params,
    ) -> Result<Lab, LabError> {
        params.check()?;
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
            Rule::CometBft => {
                if total > MAX_TOTAL_VOTING_POWER {
                    return Err(LabError::TooMuchPower(total));
                }
                let validators: Vec<usize> = (0..stakes.len()).filter(|i| stakes[*i] > 0).collect();
                let priorities = vec![0; validators.len()];
                State::CometBft(validators, priorities)
            }
            Rule::Ethereum => State::Ethereum(ethereum::Validators::of(&stakes)?),
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
        Ok(Lab {
            wins: vec![0; stakes.len()],
            weights: vec![0; stakes.len()],
            stakes,
            rule,
            seed,
            rounds: 0,
            state,
        })
    }

    /// Draws the next round and moves the seed on to `SHA-256(seed)`.
    pub fn next_round(&mut self) -> Round {
        let seed = self.seed;
        let (winners, weights) = self.select(&seed);
        self.record_round(winners, weights)
    }

    /// Counts a round drawn elsewhere, exactly as if [`Lab::next_round`] had drawn it: a
    /// worker ran a lab of the same rule and table from this lab's [`Lab::seed`] (see
    /// [`seed_after`]). For the rules without state across rounds (all but CometBFT), so
    /// that one run's rounds can be drawn by several workers and counted in order here.
    /// A winner outside the table is not counted.
    pub fn record_round(&mut self, winners: Vec<usize>, weights: Vec<u64>) -> Round {
        let seed = self.seed;
        for (w, j) in winners.iter().zip(&weights) {
            if let (Some(c), Some(v)) = (self.wins.get_mut(*w), self.weights.get_mut(*w)) {
                *c += 1;
                *v += j;
            }
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
            State::CometBft(validators, priorities) => {
                one(comet_bft(stakes, validators, priorities))
            }
            State::Ethereum(validators) => one(validators.proposer(seed)),
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

/// One `IncrementProposerPriority(1)` of CometBFT over the stakers with stake
/// (`validators`, in address order): rescale, centre, add each power, pick and pay back.
fn comet_bft(stakes: &[u64], validators: &[usize], priorities: &mut [i128]) -> Option<usize> {
    let power = |k: usize| i128::from(stakes[validators[k]]);
    let total: i128 = (0..validators.len()).map(power).sum();
    if total == 0 {
        return None;
    }
    // RescalePriorities: keep the spread within PriorityWindowSizeFactor (2) * total power.
    // Go's integer division truncates toward zero, as Rust's does.
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
    for (k, p) in priorities.iter_mut().enumerate() {
        *p += power(k);
    }
    // The highest priority proposes; on a tie the lowest address, as `>` keeps the first.
    let mut best = 0;
    for k in 1..priorities.len() {
        if priorities[k] > priorities[best] {
            best = k;
        }
    }
    priorities[best] -= total;
    Some(validators[best])
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

/// Praos' `phi(sigma) = 1 - (1 - f)^sigma` at [`ONE`] for `sigma = stake / total` and
/// `f = f_num / f_den`: `1 - exp(-sigma * ln(f_den / (f_den - f_num)))`, the logarithm by
/// [`ln_ratio`] and the exponential by [`exp_neg`]. Bounded time for every `u64` fraction
/// (about 40 series terms each, however close `f` is to 1); error below 10^-30.
pub fn phi(stake: u64, total: u128, f_num: u64, f_den: u64) -> u128 {
    if stake == 0 || total == 0 || f_num == 0 || f_den == 0 {
        return 0;
    }
    if f_num >= f_den {
        return ONE;
    }
    let (f_num, f_den) = (u128::from(f_num), u128::from(f_den));
    let log = ln_ratio(f_den, f_den - f_num);
    ONE - exp_neg(mul_div(log, u128::from(stake), total))
}
