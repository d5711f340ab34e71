//! The grinding demonstration: a forger that picks its block's contents to pick the next
//! forger.
//!
//! In this chain the next block's forger is drawn by [`lottery::draw`] with the previous
//! block's hash as the seed, and [`Block::hash`] covers the block's transactions in order (but
//! not the signature). A forger that may choose which pool transactions to include, and in
//! which order, can therefore hash many variants of its block for free (no signing needed:
//! only the published block is signed), run the lottery on each, and publish one that makes
//! itself, or a friend, the next forger. With `V` variants and a coalition holding a share `s`
//! of the stake, each variant wins with probability `s`, so the coalition keeps the next block
//! with probability `1 - (1 - s)^V` instead of `s`: five pool transactions already give 326
//! variants, and a 10% staker that forges once keeps forging almost every block.
//!
//! Real chains take the forger's choice out of the lottery's input:
//!
//! - **RANDAO** (Ethereum): the randomness mixes in each proposer's reveal, a BLS signature of
//!   the epoch number, which is deterministic: the proposer cannot try other values. Its only
//!   choice is to reveal or to skip its slot, one bit of influence bought with the loss of its
//!   block and its reward.
//! - **A VRF** (Algorand, Ouroboros Praos): the lottery input is the VRF output of the staker's
//!   key on a nonce fixed before the block's contents exist (an earlier epoch's nonce and the
//!   slot number). There is exactly one output per key and slot, and the block's contents do
//!   not enter it, so reordering transactions changes nothing.
//!
//! What this module fixes for the demonstration ([`Grinder`]):
//!
//! - **Stakers.** One wallet per entry of [`Setup::stakes`], from [`Wallet::from_seed`] with
//!   the seed `SHA-256(setup seed ‖ "grinding/staker" ‖ index as u64 LE)`; the lottery sees
//!   their addresses in hex with their stakes, in setup order.
//! - **The pool.** [`Setup::pool`] signed TRANSFERs of 1 token, made once per run and offered
//!   again every round (a real pool would drain; here only the grinder's freedom matters).
//!   Transaction `j` comes from its own client wallet (`"grinding/client"`, nonce 0) and pays
//!   staker `j mod n`: one sender per transaction, so every subset in every order respects the
//!   per-sender nonce order. Whether the senders can pay is not checked: no balances are kept,
//!   their validity does not matter for the demonstration.
//! - **Blocks.** Round `r` (from 1) builds the block of height `r` on the previous published
//!   block's hash (the first round's parent is [`Setup::seed`]), forged by the drawn staker,
//!   with the timestamp `r * SLOT_MS` ([`crate::chain::SLOT_MS`]). Blocks are hashed with
//!   [`Block::hash`] and left unsigned, as the signature does not enter the hash.
//! - **Variants** ([`variant`]): every ordered selection of the pool's transactions, longest
//!   first and in lexicographic order of pool indices within a length, so variant 0 is the
//!   honest block (the whole pool in arrival order) and the last is the empty block. There are
//!   [`variants`]`(n)` of them.
//! - **Play.** Each round the forger is drawn on the parent hash. When grinding is on and the
//!   forger belongs to the coalition (the grinder and its friend), it tries the variants in
//!   order and publishes the first whose hash makes a coalition member the next forger, or the
//!   honest block when none does. Everyone else, and everyone in honest play, publishes the
//!   honest block.
//!
//! A real forger has more freedom than this: it may also move its timestamp within its slot
//! (thousands of millisecond values) and add transactions of its own, so the demonstration
//! understates the attack. Like the rest of the crate, the module uses integers only.

use crate::block::Block;
use crate::chain::SLOT_MS;
use crate::hash::Hash;
use crate::lottery;
use crate::tx::{Transaction, TxKind};
use crate::wallet::{Address, Signature, Wallet};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most transactions a forger's pool may hold: 5, so 326 variants per block.
pub const MAX_POOL: usize = 5;

/// The most lots (total stake) a setup may have, so that one draw stays cheap: a grinding
/// round costs up to [`variants`]`(pool)` draws of this many hashes each.
pub const MAX_LOTS: u64 = 100_000;

/// The most stakers a setup may have.
pub const MAX_STAKERS: usize = 256;

/// Parts per million: the unit of every share in this module.
pub const PPM: u64 = 1_000_000;

/// A grinding experiment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Setup {
    /// Each staker's stake (its number of lots), in draw order.
    pub stakes: Vec<u64>,
    /// The index of the staker that grinds.
    pub grinder: usize,
    /// A staker the grinder also tries to make the next forger, and that grinds for the
    /// grinder in turn. The grinder itself here means the same as `None`.
    pub friend: Option<usize>,
    /// Transactions in the forger's pool, `0..=`[`MAX_POOL`].
    pub pool: usize,
    /// Rounds (blocks) to run.
    pub rounds: u64,
    /// The first round's parent hash; also seeds the wallets.
    pub seed: Hash,
}

impl Default for Setup {
    /// Stakes 10, 30 and 60, the 10% staker grinding alone over a pool of 3 (16 variants),
    /// 1000 rounds.
    fn default() -> Setup {
        Setup {
            stakes: vec![10, 30, 60],
            grinder: 0,
            friend: None,
            pool: 3,
            rounds: 1000,
            seed: Hash::of(b"pos-playground/grinding"),
        }
    }
}

impl Setup {
    /// Checks the setup: stakers in range and not too many, a pool of at most [`MAX_POOL`],
    /// some stake, at most [`MAX_LOTS`] lots.
    pub fn validate(&self) -> Result<(), SetupError> {
        let stakers = self.stakes.len();
        if stakers > MAX_STAKERS {
            return Err(SetupError::TooManyStakers {
                stakers,
                max: MAX_STAKERS,
            });
        }
        if self.grinder >= stakers {
            return Err(SetupError::GrinderOutOfRange {
                grinder: self.grinder,
                stakers,
            });
        }
        if let Some(friend) = self.friend {
            if friend >= stakers {
                return Err(SetupError::FriendOutOfRange { friend, stakers });
            }
        }
        if self.pool > MAX_POOL {
            return Err(SetupError::PoolTooLarge {
                pool: self.pool,
                max: MAX_POOL,
            });
        }
        let lots = self.total_stake();
        if lots == 0 {
            return Err(SetupError::NoStake);
        }
        if lots > MAX_LOTS {
            return Err(SetupError::TooManyLots {
                lots,
                max: MAX_LOTS,
            });
        }
        Ok(())
    }

    /// Whether staker `i` belongs to the coalition (the grinder or its friend).
    pub fn in_coalition(&self, i: usize) -> bool {
        i == self.grinder || self.friend == Some(i)
    }

    /// The sum of the stakes (saturating).
    pub fn total_stake(&self) -> u64 {
        self.stakes.iter().fold(0u64, |t, s| t.saturating_add(*s))
    }

    /// The coalition's stake (saturating; 0 for indices out of range).
    pub fn coalition_stake(&self) -> u64 {
        self.stakes
            .iter()
            .enumerate()
            .filter(|(i, _)| self.in_coalition(*i))
            .fold(0u64, |t, (_, s)| t.saturating_add(*s))
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
    /// The grinder is not one of the stakers.
    GrinderOutOfRange {
        /// The grinder's index.
        grinder: usize,
        /// How many stakers there are.
        stakers: usize,
    },
    /// The friend is not one of the stakers.
    FriendOutOfRange {
        /// The friend's index.
        friend: usize,
        /// How many stakers there are.
        stakers: usize,
    },
    /// The pool holds more than [`MAX_POOL`] transactions.
    PoolTooLarge {
        /// The pool size asked for.
        pool: usize,
        /// The largest allowed.
        max: usize,
    },
    /// Nobody has stake, so nobody can be drawn.
    NoStake,
    /// The total stake is more than [`MAX_LOTS`] lots.
    TooManyLots {
        /// The total stake (saturating).
        lots: u64,
        /// The largest allowed.
        max: u64,
    },
    /// More than [`MAX_STAKERS`] stakers.
    TooManyStakers {
        /// How many were given.
        stakers: usize,
        /// The largest allowed.
        max: usize,
    },
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetupError::GrinderOutOfRange { grinder, stakers } => write!(
                f,
                "the grinder must be one of the {stakers} stakers (index {grinder} given)"
            ),
            SetupError::FriendOutOfRange { friend, stakers } => write!(
                f,
                "the friend must be one of the {stakers} stakers (index {friend} given)"
            ),
            SetupError::PoolTooLarge { pool, max } => write!(
                f,
                "the pool may hold at most {max} transactions ({pool} given)"
            ),
            SetupError::NoStake => f.write_str("some staker must have stake"),
            SetupError::TooManyLots { lots, max } => write!(
                f,
                "the stakes may add up to at most {max} lots ({lots} given)"
            ),
            SetupError::TooManyStakers { stakers, max } => {
                write!(f, "at most {max} stakers ({stakers} given)")
            }
        }
    }
}

impl std::error::Error for SetupError {}

/// `n! / (n - k)!`: the ordered selections of `k` out of `n` (0 when `k > n`).
fn arrangements(n: usize, k: usize) -> u64 {
    if k > n {
        return 0;
    }
    (n - k + 1..=n).fold(1u64, |p, m| p.saturating_mul(m as u64))
}

/// How many variants a block over a pool of `pool` transactions has: every ordered selection,
/// `sum over k of pool! / (pool - k)!` (1, 2, 5, 16, 65, 326 for pools of 0 to 5). Saturates
/// for pools far beyond [`MAX_POOL`].
pub fn variants(pool: usize) -> u64 {
    (0..=pool).fold(0u64, |t, k| t.saturating_add(arrangements(pool, k)))
}

/// Variant `index` of a pool of `pool` transactions, as pool indices in block order, or `None`
/// when `index >= variants(pool)` or `pool > MAX_POOL`. Variants run from the longest to the
/// shortest and, within a length, in lexicographic order, so variant 0 is the honest block
/// `[0, 1, …, pool - 1]` and the last one is the empty block.
pub fn variant(pool: usize, index: u64) -> Option<Vec<usize>> {
    if pool > MAX_POOL {
        return None;
    }
    let mut i = index;
    for len in (0..=pool).rev() {
        let count = arrangements(pool, len);
        if i >= count {
            i -= count;
            continue;
        }
        // Lexicographic unranking: each choice of the next element leads to a block of
        // `arrangements(remaining - 1, left - 1)` selections.
        let mut remaining: Vec<usize> = (0..pool).collect();
        let mut out = Vec::with_capacity(len);
        for pos in 0..len {
            let block = arrangements(pool - pos - 1, len - pos - 1);
            let choice = usize::try_from(i / block).ok()?;
            i %= block;
            if choice >= remaining.len() {
                return None;
            }
            out.push(remaining.remove(choice));
        }
        return Some(out);
    }
    None
}

/// Every variant of a pool, in [`variant`] order, made one at a time.
pub fn orderings(pool: usize) -> Orderings {
    let total = if pool > MAX_POOL { 0 } else { variants(pool) };
    Orderings {
        pool,
        next: 0,
        total,
    }
}

/// The iterator of [`orderings`].
#[derive(Debug, Clone)]
pub struct Orderings {
    pool: usize,
    next: u64,
    total: u64,
}

impl Iterator for Orderings {
    type Item = Vec<usize>;

    fn next(&mut self) -> Option<Vec<usize>> {
        if self.next >= self.total {
            return None;
        }
        let v = variant(self.pool, self.next);
        self.next += 1;
        v
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::try_from(self.total - self.next).unwrap_or(usize::MAX);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Orderings {}

/// The coalition's long-run share of blocks, in ppm, when it holds `coalition_stake` of
/// `total_stake` and grinds over `variants` variants (1 = honest play; 0 counts as 1).
///
/// A Markov chain on "the coalition forges this block": an honest forger's block hands the next
/// block to the coalition with probability `s` (its stake share), a coalition block with
/// probability `a = 1 - (1 - s)^V`, as each variant is an independent draw. The stationary
/// share `p` solves `p = p a + (1 - p) s`, so `p = s / (s + (1 - s)^V)`; `V = 1` gives `s`.
/// Computed at 10^18 scale with `(1 - s)^V` by binary exponentiation, rounded down.
pub fn expected_share_ppm(coalition_stake: u64, total_stake: u64, variants: u64) -> u64 {
    const SCALE: u128 = 1_000_000_000_000_000_000;
    if total_stake == 0 {
        return 0;
    }
    let total = u128::from(total_stake);
    let coalition = u128::from(coalition_stake.min(total_stake));
    let s = coalition * SCALE / total;
    let mut base = (total - coalition) * SCALE / total;
    let mut power = SCALE;
    let mut e = variants.max(1);
    while e > 0 {
        if e & 1 == 1 {
            power = power * base / SCALE;
        }
        base = base * base / SCALE;
        e >>= 1;
    }
    let denominator = s + power;
    if denominator == 0 {
        return 0;
    }
    u64::try_from(s * u128::from(PPM) / denominator).unwrap_or(PPM)
}

/// `part / whole` in ppm, rounded down (0 when `whole` is 0).
fn ppm(part: u64, whole: u64) -> u64 {
    if whole == 0 {
        return 0;
    }
    u64::try_from(u128::from(part) * u128::from(PPM) / u128::from(whole)).unwrap_or(PPM)
}

/// One published block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoundOutcome {
    /// The block's height: the round number, from 1.
    pub height: u64,
    /// The parent hash the forger was drawn on and built upon.
    pub parent: Hash,
    /// The forger (staker index).
    pub forger: usize,
    /// The block's timestamp (`height * SLOT_MS`).
    pub timestamp: u64,
    /// Whether the forger ground (grinding on and the forger in the coalition).
    pub ground: bool,
    /// Variants hashed and drawn on this round (1 for an honest block).
    pub tried: u64,
    /// The published variant's index ([`variant`]); 0 is the honest block.
    pub variant: u64,
    /// The published block's transactions, as pool indices in block order.
    pub transactions: Vec<usize>,
    /// The published block's hash: the next round's parent.
    pub hash: Hash,
    /// The next forger, drawn on [`RoundOutcome::hash`].
    pub next_forger: usize,
    /// Who the honest block would have made the next forger.
    pub honest_next_forger: usize,
    /// Whether grinding changed the outcome: the honest block would have let the coalition
    /// go, the published one keeps it in.
    pub changed: bool,
}

/// What a run (so far) came to. Integers only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Rounds (blocks) run.
    pub rounds: u64,
    /// Blocks forged by each staker.
    pub blocks: Vec<u64>,
    /// Blocks forged by the coalition.
    pub coalition_blocks: u64,
    /// The coalition's share of the stake, ppm.
    pub coalition_stake_ppm: u64,
    /// The coalition's share of the blocks, ppm (0 before the first round).
    pub coalition_block_ppm: u64,
    /// The long-run block share [`expected_share_ppm`] predicts for this play, ppm.
    pub expected_block_ppm: u64,
    /// Block variants hashed and drawn on, in every round (one per honest block).
    pub variants_tried: u64,
    /// Rounds in which grinding changed the outcome ([`RoundOutcome::changed`]).
    pub changed_rounds: u64,
}

/// A run, one round at a time (the page's worker posts progress every few hundred rounds and
/// may stop early).
#[derive(Debug, Clone)]
pub struct Grinder {
    setup: Setup,
    grind: bool,
    /// `(address hex, stake)` in setup order: the lottery's input.
    stakers: Vec<(String, u64)>,
    addresses: Vec<Address>,
    pool: Vec<Transaction>,
    parent: Hash,
    /// The forger of the next block, already drawn on `parent`.
    forger: usize,
    rounds: u64,
    blocks: Vec<u64>,
    variants_tried: u64,
    changed_rounds: u64,
}

/// `SHA-256(seed ‖ tag ‖ i as u64 LE)`: a wallet seed.
fn derived(seed: &Hash, tag: &[u8], i: usize) -> [u8; 32] {
    let mut buf = Vec::with_capacity(32 + tag.len() + 8);
    buf.extend_from_slice(&seed.0);
    buf.extend_from_slice(tag);
    buf.extend_from_slice(&(i as u64).to_le_bytes());
    Hash::of(&buf).0
}

impl Grinder {
    /// Makes the wallets and the pool and draws the first forger on [`Setup::seed`]. `grind`
    /// lets the coalition grind; without it everyone plays honestly.
    pub fn new(setup: &Setup, grind: bool) -> Result<Grinder, SetupError> {
        setup.validate()?;
        let addresses: Vec<Address> = (0..setup.stakes.len())
            .map(|i| Wallet::from_seed(derived(&setup.seed, b"grinding/staker", i)).address())
            .collect();
        let stakers: Vec<(String, u64)> = addresses
            .iter()
            .zip(&setup.stakes)
            .map(|(a, s)| (a.to_hex(), *s))
            .collect();
        let pool = (0..setup.pool)
            .map(|j| {
                let client = Wallet::from_seed(derived(&setup.seed, b"grinding/client", j));
                let receiver = addresses[j % addresses.len()];
                Transaction::new_signed(&client, TxKind::Transfer, receiver, 1, 0, 0)
            })
            .collect();
        let mut grinder = Grinder {
            setup: setup.clone(),
            grind,
            stakers,
            addresses,
            pool,
            parent: setup.seed,
            forger: 0,
            rounds: 0,
            blocks: vec![0; setup.stakes.len()],
            variants_tried: 0,
            changed_rounds: 0,
        };
        grinder.forger = grinder.draw(&setup.seed);
        Ok(grinder)
    }

    /// The staker drawn on `seed`. A validated setup has stake, so the draw always has a
    /// winner; staker 0 stands in for the impossible empty draw rather than a panic.
    fn draw(&self, seed: &Hash) -> usize {
        lottery::draw(&self.stakers, &seed.to_hex()).map_or(0, |o| o.winner.staker)
    }

    /// The block of the next height with the pool transactions `order`.
    fn block(&self, order: &[usize]) -> Block {
        let height = self.rounds + 1;
        Block {
            height,
            prev_hash: self.parent,
            forger: self.addresses[self.forger],
            timestamp: height.saturating_mul(SLOT_MS),
            transactions: order.iter().map(|j| self.pool[*j].clone()).collect(),
            signature: Signature::default(),
        }
    }

    /// Forges the next block: `None` once [`Setup::rounds`] rounds have run.
    pub fn step(&mut self) -> Option<RoundOutcome> {
        if self.is_done() {
            return None;
        }
        let forger = self.forger;
        let ground = self.grind && self.setup.in_coalition(forger);
        let pool = self.setup.pool;
        let honest: Vec<usize> = (0..pool).collect();
        let honest_hash = self.block(&honest).hash();
        let honest_next = self.draw(&honest_hash);
        let mut chosen = (0u64, honest, honest_hash, honest_next);
        let mut tried = 1u64;
        if ground && !self.setup.in_coalition(honest_next) {
            for (index, order) in orderings(pool).enumerate().skip(1) {
                tried += 1;
                let hash = self.block(&order).hash();
                let next = self.draw(&hash);
                if self.setup.in_coalition(next) {
                    chosen = (index as u64, order, hash, next);
                    break;
                }
            }
        }
        let (variant, transactions, hash, next_forger) = chosen;
        let changed = variant != 0;
        let outcome = RoundOutcome {
            height: self.rounds + 1,
            parent: self.parent,
            forger,
            timestamp: (self.rounds + 1).saturating_mul(SLOT_MS),
            ground,
            tried,
            variant,
            transactions,
            hash,
            next_forger,
            honest_next_forger: honest_next,
            changed,
        };
        self.blocks[forger] += 1;
        self.rounds += 1;
        self.variants_tried += tried;
        self.changed_rounds += u64::from(changed);
        self.parent = hash;
        self.forger = next_forger;
        Some(outcome)
    }

    /// Runs the remaining rounds and returns the report.
    pub fn finish(&mut self) -> Report {
        while self.step().is_some() {}
        self.report()
    }

    /// Whether every round has run.
    pub fn is_done(&self) -> bool {
        self.rounds >= self.setup.rounds
    }

    /// The counts so far.
    pub fn report(&self) -> Report {
        let coalition_blocks = self
            .blocks
            .iter()
            .enumerate()
            .filter(|(i, _)| self.setup.in_coalition(*i))
            .map(|(_, b)| *b)
            .sum();
        let played = if self.grind {
            variants(self.setup.pool)
        } else {
            1
        };
        let total = self.setup.total_stake();
        let coalition = self.setup.coalition_stake();
        Report {
            rounds: self.rounds,
            blocks: self.blocks.clone(),
            coalition_blocks,
            coalition_stake_ppm: ppm(coalition, total),
            coalition_block_ppm: ppm(coalition_blocks, self.rounds),
            expected_block_ppm: expected_share_ppm(coalition, total, played),
            variants_tried: self.variants_tried,
            changed_rounds: self.changed_rounds,
        }
    }

    /// The setup.
    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// Whether the coalition grinds.
    pub fn grind(&self) -> bool {
        self.grind
    }

    /// The lottery's stakers: `(address hex, stake)` in setup order.
    pub fn stakers(&self) -> &[(String, u64)] {
        &self.stakers
    }

    /// The pool's signed transactions, in arrival order.
    pub fn pool(&self) -> &[Transaction] {
        &self.pool
    }

    /// The parent hash of the next block.
    pub fn parent(&self) -> Hash {
        self.parent
    }

    /// The forger of the next block, already drawn.
    pub fn next_forger(&self) -> usize {
        self.forger
    }
}

/// Runs a whole setup: [`Grinder::new`] then [`Grinder::finish`].
pub fn run(setup: &Setup, grind: bool) -> Result<Report, SetupError> {
    Ok(Grinder::new(setup, grind)?.finish())
}
