//! Ethereum's proposer selection as of Electra, bit-exact with consensus-specs'
//! `compute_proposer_index` and `compute_shuffled_index`, and what it is expected to give.
//!
//! **From a stake table to validators.** A staker's stake is whole tokens = ETH. A validator
//! holds at most `MAX_EFFECTIVE_BALANCE_ELECTRA` (2,048 ETH), so a staker with more runs
//! several, as a real one must: its validators come in staker order, each holding 2,048
//! except the last, which holds the rest; a staker without stake has none. Validator `k`'s
//! effective balance is its tokens × 10^9 Gwei, the indices passed to the spec are all
//! validators in that order, the round seed is the spec's `seed`, and the staker who owns the
//! chosen validator wins.
//!
//! **The rule.** Walk `i = 0, 1, 2, …`: the candidate is the validator at
//! `compute_shuffled_index(i mod n, n, seed)` (the swap-or-not shuffle, 90 rounds), the random
//! value is the 16-bit little-endian number at bytes `2 (i mod 16)` of
//! `SHA-256(seed ‖ uint64_le(i / 16))`, and the candidate is accepted when
//! `effective_balance × 65,535 ≥ 2,048 ETH × random_value`. So a validator of `b` ETH is
//! accepted with probability `(⌊b × 65,535 / 2,048⌋ + 1) / 65,536` ([`acceptance`]): 32 ETH →
//! 1/64, 2,048 ETH → 1. Before Electra (phase 0 to Deneb) the cap was 32 ETH and the random
//! value one byte (`MAX_RANDOM_BYTE` = 255); Electra (EIP-7251, on the chain since May 2025)
//! raised the cap so that large stakers can run fewer validators, and took 16 bits so that a
//! small validator's chance is not rounded to a multiple of 1/256 of the cap.
//!
//! **Computed once per seed.** The spec recomputes the shuffle for every candidate; here the
//! 90 pivots and the source hashes a position needs are computed once per round seed and
//! reused, which gives the same indices with about 180 hashes per round instead of 180 per
//! candidate.

use super::fixed::ONE;
use super::{sha, LabError, MAX_VALIDATORS};
use crate::hash::Hash;

/// `MAX_EFFECTIVE_BALANCE_ELECTRA` in ETH.
pub const MAX_EFFECTIVE_BALANCE_ETH: u64 = 2_048;

/// Gwei per ETH: effective balances are in Gwei.
pub const GWEI_PER_ETH: u64 = 1_000_000_000;

/// Electra's `MAX_RANDOM_VALUE` (`2^16 - 1`).
pub const MAX_RANDOM_VALUE: u64 = 65_535;

/// The mainnet `SHUFFLE_ROUND_COUNT`.
pub const SHUFFLE_ROUND_COUNT: u8 = 90;

/// A validator of `eth` ETH is accepted as proposer with probability `numerator / 65,536`:
/// the random values `0..=⌊eth × 10^9 × 65,535 / (2,048 × 10^9)⌋` pass the spec's test.
pub fn acceptance(eth: u64) -> u64 {
    let balance = u128::from(eth.min(MAX_EFFECTIVE_BALANCE_ETH)) * u128::from(GWEI_PER_ETH);
    let max = u128::from(MAX_EFFECTIVE_BALANCE_ETH) * u128::from(GWEI_PER_ETH);
    (balance * u128::from(MAX_RANDOM_VALUE) / max) as u64 + 1
}

/// A stake table as Ethereum validators: each validator's owner (a staker index) and
/// effective balance in ETH.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validators {
    owners: Vec<usize>,
    eth: Vec<u64>,
}

impl Validators {
    /// The validators of `stakes`, or [`LabError::TooManyValidators`] beyond
    /// [`MAX_VALIDATORS`].
    pub fn of(stakes: &[u64]) -> Result<Validators, LabError> {
        let count: u128 = stakes
            .iter()
            .map(|s| u128::from(s.div_ceil(MAX_EFFECTIVE_BALANCE_ETH)))
            .sum();
        if count > MAX_VALIDATORS as u128 {
            return Err(LabError::TooManyValidators(count));
        }
        let mut owners = Vec::with_capacity(count as usize);
        let mut eth = Vec::with_capacity(count as usize);
        for (staker, stake) in stakes.iter().enumerate() {
            let mut rest = *stake;
            while rest > 0 {
                let b = rest.min(MAX_EFFECTIVE_BALANCE_ETH);
                owners.push(staker);
                eth.push(b);
                rest -= b;
            }
        }
        Ok(Validators { owners, eth })
    }

    /// How many validators.
    pub fn len(&self) -> usize {
        self.owners.len()
    }

    /// Whether there are none (nobody has stake).
    pub fn is_empty(&self) -> bool {
        self.owners.is_empty()
    }

    /// Validator `k`'s owner (staker index).
    pub fn owner(&self, k: usize) -> usize {
        self.owners[k]
    }

    /// Validator `k`'s effective balance in ETH.
    pub fn eth(&self, k: usize) -> u64 {
        self.eth[k]
    }

    /// The spec's `compute_proposer_index(state, indices, seed)` over every validator: the
    /// chosen validator's index, or `None` without validators.
    pub fn proposer_index(&self, seed: &Hash) -> Option<usize> {
        let n = self.len() as u64;
        if n == 0 {
            return None;
        }
        let mut shuffle = Shuffle::new(seed, n);
        // The walk cycles through the same shuffled order: each position's index is
        // computed once (small validators are refused thousands of times a round).
        let mut order: Vec<Option<usize>> = vec![None; n as usize];
        let mut random = [0u8; 32];
        // A validator holds at least 1 ETH, accepted with probability at least 1/2,048, so
        // the walk ends; a run of 10^6 refusals has probability below e^-488.
        for i in 0u64.. {
            let position = (i % n) as usize;
            let candidate =
                *order[position].get_or_insert_with(|| shuffle.index(position as u64) as usize);
            if i % 16 == 0 {
                random = sha(&[&seed.0, &(i / 16).to_le_bytes()]);
            }
            let offset = (i % 16 * 2) as usize;
            let value = u64::from(u16::from_le_bytes([random[offset], random[offset + 1]]));
            let balance = self.eth[candidate] * GWEI_PER_ETH;
            if balance * MAX_RANDOM_VALUE >= MAX_EFFECTIVE_BALANCE_ETH * GWEI_PER_ETH * value {
                return Some(candidate);
            }
        }
        None
    }

    /// The staker who owns the validator [`Validators::proposer_index`] chooses.
    pub fn proposer(&self, seed: &Hash) -> Option<usize> {
        self.proposer_index(seed).map(|k| self.owners[k])
    }

    /// Each staker's chance to propose, at [`ONE`] (`stakers` entries): the walk of a
    /// uniformly random order of the validators, each accepted with its [`acceptance`], as
    /// the spec's shuffle and random values give it (both pseudo-random). Exact up to
    /// fixed-point rounding; `None` when the table is too large to compute it here (more
    /// than 5 × 10^7 steps of the sum below).
    pub fn expected(&self, stakers: usize) -> Option<Vec<u128>> {
        expected_walk(self, stakers)
    }
}

/// The swap-or-not shuffle of one seed and count, with its hashes kept: the 90 pivots, and
/// each `(round, position / 256)` source hash once asked for.
struct Shuffle<'a> {
    seed: &'a Hash,
    n: u64,
    pivots: Vec<u64>,
    sources: Vec<Option<[u8; 32]>>,
    buckets: u64,
}

impl<'a> Shuffle<'a> {
    fn new(seed: &'a Hash, n: u64) -> Shuffle<'a> {
        let pivots = (0..SHUFFLE_ROUND_COUNT)
            .map(|round| {
                let h = sha(&[&seed.0, &[round]]);
                let mut low = [0u8; 8];
                low.copy_from_slice(&h[..8]);
                u64::from_le_bytes(low) % n
            })
            .collect();
        let buckets = n.div_ceil(256);
        Shuffle {
            seed,
            n,
            pivots,
            sources: vec![None; (buckets * u64::from(SHUFFLE_ROUND_COUNT)) as usize],
            buckets,
        }
    }

    /// `SHA-256(seed ‖ uint8(round) ‖ uint32_le(bucket))`.
    fn source(&mut self, round: u8, bucket: u64) -> [u8; 32] {
        let slot = (u64::from(round) * self.buckets + bucket) as usize;
        *self.sources[slot]
            .get_or_insert_with(|| sha(&[&self.seed.0, &[round], &(bucket as u32).to_le_bytes()]))
    }

    /// The spec's `compute_shuffled_index(index, n, seed)`.
    fn index(&mut self, mut index: u64) -> u64 {
        let n = self.n;
        for round in 0..SHUFFLE_ROUND_COUNT {
            let pivot = self.pivots[usize::from(round)];
            let flip = (pivot + n - index) % n;
            let position = index.max(flip);
            let source = self.source(round, position / 256);
            let byte = source[((position % 256) / 8) as usize];
            if (byte >> (position % 8)) & 1 == 1 {
                index = flip;
            }
        }
        index
    }
}

/// Fixed point for the walk's sums: 10^18, so that products of two fit in `u128`.
const S18: u128 = 1_000_000_000_000_000_000;

/// The most `groups × validators²` steps [`expected_walk`] takes.
const MAX_WALK_STEPS: u128 = 50_000_000;

/// Validator `v` proposes when every validator before it in the walk's order was refused
/// and `v` is accepted; the walk repeats the order until someone is. With the order a
/// uniformly random permutation, the set of `k` validators before `v` is a uniformly random
/// `k`-subset of the others, so
/// `P(v) = a_v · (1/n) Σ_k m_k / (1 − Π_u q_u)`, where `q_u = 1 − a_u` and `m_k` is the mean
/// over `k`-subsets of the others of the product of their `q`. The means come from adding
/// the others one at a time: `m'_k = ((M + 1 − k) m_k + k q m_{k−1}) / (M + 1)`, every weight
/// in `[0, 1]`, so rounding never grows. Validators with the same balance share the result.
fn expected_walk(validators: &Validators, stakers: usize) -> Option<Vec<u128>> {
    let n = validators.len();
    let mut shares = vec![0u128; stakers];
    if n == 0 {
        return Some(shares);
    }
    // Distinct balances with their counts.
    let mut groups: Vec<(u64, usize)> = Vec::new();
    for k in 0..n {
        let eth = validators.eth(k);
        match groups.iter_mut().find(|(b, _)| *b == eth) {
            Some(g) => g.1 += 1,
            None => groups.push((eth, 1)),
        }
    }
    let steps = (groups.len() as u128) * (n as u128) * (n as u128);
    if steps > MAX_WALK_STEPS {
        return None;
    }
    let a = |eth: u64| u128::from(acceptance(eth)) * S18 / 65_536;
    let mut raw_of_group = Vec::with_capacity(groups.len());
    for (h, _) in groups.iter().enumerate() {
        let mut means = vec![S18];
        let mut size: u128 = 0;
        for (g, (eth, count)) in groups.iter().enumerate() {
            let q = S18 - a(*eth);
            let members = if g == h { count - 1 } else { *count };
            for _ in 0..members {
                means.push(0);
                let m = size + 1;
                for k in (1..means.len()).rev() {
                    let k128 = k as u128;
                    means[k] = ((m - k128) * means[k] + k128 * (q * means[k - 1] / S18)) / m;
                }
                size = m;
            }
        }
        let before: u128 = means.iter().sum::<u128>() / n as u128;
        raw_of_group.push(a(groups[h].0) * before / S18);
    }
    let mut total: u128 = 0;
    for k in 0..n {
        let g = groups
            .iter()
            .position(|(b, _)| *b == validators.eth(k))
            .unwrap_or(0);
        shares[validators.owner(k)] += raw_of_group[g];
        total += raw_of_group[g];
    }
    if total == 0 {
        return Some(shares);
    }
    // Normalise by everyone's first-pass chance (the repeats of the walk), then to ONE.
    Some(
        shares
            .into_iter()
            .map(|s| super::fixed::mul_div(s, ONE, total))
            .collect(),
    )
}
