//! Forger selection by lots, exactly as the Python design does it.
//!
//! Every staked token is one lot. Lot `k` (1-based) of staker `pk` is `H` applied `k` times to
//! `pk + seed`, where `H(x)` is the hex SHA-256 of the JSON string `x` ([`crate::hash::hash_str`])
//! and `seed` is the parent block's hash in hex. The reference is `H(seed)`. The forger owns the
//! lot whose value, read as a 256-bit unsigned integer, is closest to the reference; on a tie the
//! earlier lot wins (stakers in the order they first staked, then `k` ascending), as the Python's
//! strict `<` does.
//!
//! The Python recomputes lot `k` from scratch, costing `k` hashes, so one draw costs O(S²)
//! hashes for a total stake S ([`draw_quadratic`] keeps that algorithm for comparison). Here each
//! staker's chain is walked once, one hash per lot: O(S) hashes and no allocation per lot.
//! All comparisons are integer arithmetic on [`U256`]: no floats anywhere.
//!
//! [`rank`] extends the draw for slots (see [`crate::chain`]): in the same single pass it keeps
//! every staker's best lot and orders the stakers by it, closest first, ties going to the
//! earlier staker as in the draw. Rank 0 is always the draw's winner; rank 1 is the staker
//! whose best lot comes next, and so on: each staker appears once, however many lots it holds.

use crate::hash::{hash_str, json_string, write_hex32, Hash};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::cmp::Ordering;
use std::fmt;

/// A 256-bit unsigned integer, most significant limb first (so derived `Ord` is numeric order).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct U256(pub [u64; 4]);

impl U256 {
    /// Reads 32 big-endian bytes.
    pub fn from_be_bytes(b: &[u8; 32]) -> U256 {
        let mut limbs = [0u64; 4];
        for (i, limb) in limbs.iter_mut().enumerate() {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&b[i * 8..i * 8 + 8]);
            *limb = u64::from_be_bytes(chunk);
        }
        U256(limbs)
    }

    /// Writes 32 big-endian bytes.
    pub fn to_be_bytes(self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (i, limb) in self.0.iter().enumerate() {
            out[i * 8..i * 8 + 8].copy_from_slice(&limb.to_be_bytes());
        }
        out
    }

    /// `|self - other|`, exact.
    pub fn abs_diff(self, other: U256) -> U256 {
        let (big, small) = if self >= other {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = [0u64; 4];
        let mut borrow = false;
        for i in (0..4).rev() {
            let (d1, b1) = big.0[i].overflowing_sub(small.0[i]);
            let (d2, b2) = d1.overflowing_sub(borrow as u64);
            out[i] = d2;
            borrow = b1 || b2;
        }
        U256(out)
    }

    /// 64 lowercase hex digits.
    pub fn to_hex(self) -> String {
        crate::hash::to_hex(&self.to_be_bytes())
    }

    /// The top 64 bits: where the value lies on a number line, for drawing.
    pub fn high_u64(self) -> u64 {
        self.0[0]
    }
}

impl From<Hash> for U256 {
    fn from(h: Hash) -> U256 {
        U256::from_be_bytes(&h.0)
    }
}

impl fmt::Debug for U256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U256({})", self.to_hex())
    }
}

impl Serialize for U256 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for U256 {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let h = Hash::deserialize(d)?;
        Ok(U256::from(h))
    }
}

/// One lot: whose it is, its index `k` (1-based), its hash and its distance to the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lot {
    /// Index of the staker in the staker list given to the draw.
    pub staker: usize,
    /// `k`: how many times `H` was applied.
    pub k: u64,
    /// The lot's hash.
    pub hash: Hash,
    /// `|lot - reference|` as 256-bit integers.
    pub offset: U256,
}

/// The result of a draw: the reference, the winning lot and the runner-up (the second-closest
/// lot, if there are two or more lots).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The seed's hash, `H(seed)`.
    pub reference: Hash,
    /// The closest lot.
    pub winner: Lot,
    /// The second-closest lot.
    pub runner_up: Option<Lot>,
    /// Total number of lots (the total stake).
    pub total_lots: u64,
}

/// One staker's lots in a [`Trace`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StakerLots {
    /// The staker's address string as given.
    pub address: String,
    /// Its stake, so its number of lots.
    pub stake: u64,
    /// Lot `k` is `lots[k - 1]`.
    pub lots: Vec<Hash>,
}

/// A full draw for display: every lot of every staker, plus the [`Outcome`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// The seed (parent block hash in hex).
    pub seed: String,
    /// Reference, winner and runner-up.
    pub outcome: Outcome,
    /// Every staker in draw order with its lots.
    pub stakers: Vec<StakerLots>,
}

/// Every staker once, at its best lot, closest first: the order in which stakers may forge
/// when the ones ranked before them stay silent (see [`crate::chain`] on slots).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ranking {
    /// The draw itself: exactly what [`draw`] returns for the same stakers and seed.
    pub outcome: Outcome,
    /// Each staker's best lot (its closest; the earliest `k` on a tie), ordered by offset, then
    /// by the staker's place in the draw. `order[0]` is the winning lot; stakers without stake
    /// are absent.
    pub order: Vec<Lot>,
}

impl Ranking {
    /// The rank (0 = the winner) of the staker at index `staker` of the draw's staker list,
    /// or `None` when it holds no lot.
    pub fn rank_of(&self, staker: usize) -> Option<u64> {
        self.order
            .iter()
            .position(|l| l.staker == staker)
            .map(|r| r as u64)
    }

    /// The staker index at rank `rank`.
    pub fn staker_at(&self, rank: u64) -> Option<usize> {
        let r = usize::try_from(rank).ok()?;
        self.order.get(r).map(|l| l.staker)
    }
}

/// Keeps the best two lots seen. Lots compare by (offset, staker, k): the Python's tie rule
/// (the earlier lot wins) whatever order the lots arrive in, so chains may be walked in parallel.
struct Best {
    reference: U256,
    first: Option<Lot>,
    second: Option<Lot>,
}

impl Best {
    /// An empty tally for a draw on `seed`, and the draw's reference H(seed).
    fn for_seed(seed: &str) -> (Hash, Best) {
        let reference = hash_str(seed);
        let best = Best {
            reference: U256::from(reference),
            first: None,
            second: None,
        };
        (reference, best)
    }

    /// The reference's first 32 bits.
    fn top(&self) -> u32 {
        (self.reference.0[0] >> 32) as u32
    }

    /// How far a lot's first 32 bits may lie from [`Best::top`] while the lot may still be
    /// among the best two: a lot whose first 32 bits are `d` apart from the reference's is
    /// more than `(d - 1) * 2^224` away, and the runner-up is less than
    /// `(its top 32 bits + 1) * 2^224` away, so `d` beyond those top bits + 1 loses to both.
    /// `u32::MAX` (every lot) until there is a runner-up.
    fn limit(&self) -> u32 {
        self.second.map_or(u32::MAX, |l| {
            ((l.offset.0[0] >> 32) as u32).saturating_add(1)
        })
    }

    /// Considers one lot; returns its offset so that a caller can keep more than two.
    #[inline]
    fn offer(&mut self, staker: usize, k: u64, digest: &[u8; 32]) -> U256 {
        let offset = U256::from_be_bytes(digest).abs_diff(self.reference);
        let better_than = |l: &Option<Lot>| {
            l.is_none_or(|l| (offset, staker, k).cmp(&(l.offset, l.staker, l.k)) == Ordering::Less)
        };
        if better_than(&self.first) {
            self.second = self.first;
            self.first = Some(Lot {
                staker,
                k,
                hash: Hash(*digest),
                offset,
            });
        } else if better_than(&self.second) {
            self.second = Some(Lot {
                staker,
                k,
                hash: Hash(*digest),
                offset,
            });
        }
        offset
    }
}

/// Walks one staker's hash chain: calls `visit(k, digest)` for k = 1..=stake, one SHA-256 each.
#[inline]
fn walk_lots(address: &str, seed: &str, stake: u64, mut visit: impl FnMut(u64, &[u8; 32])) {
    if stake == 0 {
        return;
    }
    let digest = first_lot(address, seed);
    visit(1, &digest);
    walk_on(digest, 1, stake, visit);
}

/// Lot 1 of a staker: `H(address + seed)`.
#[inline]
fn first_lot(address: &str, seed: &str) -> [u8; 32] {
    let first = json_string(&format!("{address}{seed}"));
    Sha256::digest(first.as_bytes()).into()
}

/// Continues a chain whose lot `k` is `digest`: calls `visit` for lots `k + 1..=stake`.
#[inline]
fn walk_on(mut digest: [u8; 32], k: u64, stake: u64, mut visit: impl FnMut(u64, &[u8; 32])) {
    // Every later input is the previous digest as a JSON string: a quote, 64 hex, a quote.
    let mut msg = [b'"'; 66];
    let mut hex = [0u8; 64];
    for k in k + 1..=stake {
        write_hex32(&digest, &mut hex);
        msg[1..65].copy_from_slice(&hex);
        digest = Sha256::digest(msg).into();
        visit(k, &digest);
    }
}

/// Every lot of every staker: `visit(staker, k, digest)`, staker by staker in draw order.
/// `visit` returns how far (in the top 32 bits) a lot may lie from the reference's top word
/// `top` and still matter ([`Best::limit`]); this walk offers every lot regardless.
#[cfg(not(all(target_arch = "wasm32", feature = "simd")))]
fn walk_all<A: AsRef<str>>(
    stakers: &[(A, u64)],
    seed: &str,
    _top: u32,
    mut visit: impl FnMut(usize, u64, &[u8; 32]) -> u32,
) {
    for (i, (addr, stake)) in stakers.iter().enumerate() {
        walk_lots(addr.as_ref(), seed, *stake, |k, d| {
            visit(i, k, d);
        });
    }
}

/// Every lot of every staker that may matter: `visit(staker, k, digest)`, four stakers'
/// chains at a time in the SIMD lanes (`sha256x4`, with the `simd` feature in wasm), so lots
/// arrive out of draw order ([`Best`] does not mind). `visit` returns the limit of the lots
/// it still wants: those whose first 32 bits lie within that distance of `top` (`u32::MAX`
/// for every lot); the lanes skip the others without taking their digests apart. The lanes
/// share the chains as [`lane_plan`] says, so they stay busy whatever the stakes; a stretch
/// left to one lane alone runs in scalar code.
#[cfg(all(target_arch = "wasm32", feature = "simd"))]
#[target_feature(enable = "simd128")]
fn walk_all<A: AsRef<str>>(
    stakers: &[(A, u64)],
    seed: &str,
    top: u32,
    mut visit: impl FnMut(usize, u64, &[u8; 32]) -> u32,
) {
    // Lot 1 of every staker, in draw order; `chains[c]` is (staker, its current lot).
    let mut chains: Vec<(usize, [u8; 32])> = Vec::with_capacity(stakers.len());
    let mut lengths: Vec<u64> = Vec::with_capacity(stakers.len());
    let mut limit = u32::MAX;
    for (i, (addr, stake)) in stakers.iter().enumerate() {
        if *stake == 0 {
            continue;
        }
        let digest = first_lot(addr.as_ref(), seed);
        limit = visit(i, 1, &digest);
        chains.push((i, digest));
        lengths.push(stake - 1);
    }
    let plan = lane_plan(&lengths, 4);
    let mut lanes = crate::sha256x4::Lanes::new();
    // Each lane: its next segment in `plan[l]`, and how far into it (in steps) it is.
    let mut next = [0usize; 4];
    let mut done = [0u64; 4];
    loop {
        let current = |l: usize, next: &[usize; 4]| plan.get(l).and_then(|p| p.get(next[l]));
        let busy: Vec<usize> = (0..4).filter(|l| current(*l, &next).is_some()).collect();
        match busy.as_slice() {
            [] => return,
            [l] => {
                // One lane left: the others cannot help it, scalar code is faster.
                let l = *l;
                for (j, seg) in plan[l].iter().enumerate().skip(next[l]) {
                    let from = if j == next[l] {
                        seg.from + done[l]
                    } else {
                        seg.from
                    };
                    let (staker, digest) = chains[seg.chain];
                    walk_on(digest, from + 1, seg.to + 1, |k, d| {
                        visit(staker, k, d);
                    });
                }
                return;
            }
            _ => {}
        }
        // Run every busy lane to the end of the shortest segment among them. Lane `l` holds
        // staker `staker[l]`, whose lot after the run's step `s` is `k0[l] + s`.
        let mut steps = u64::MAX;
        let mut mask = 0u32;
        let mut staker = [0usize; 4];
        let mut k0 = [0u64; 4];
        for &l in &busy {
            if let Some(seg) = current(l, &next) {
                if done[l] == 0 {
                    lanes.set(l, &chains[seg.chain].1);
                }
                steps = steps.min(seg.to - seg.from - done[l]);
                mask |= 1 << l;
                staker[l] = chains[seg.chain].0;
                // Step `seg.from + done` of a chain makes its lot `k` = step + 2.
                k0[l] = seg.from + done[l] + 2;
            }
        }
        for s in 0..steps {
            lanes.step();
            let mut near = lanes.near(top, limit) & mask;
            while near != 0 {
                let l = near.trailing_zeros() as usize;
                near &= near - 1;
                limit = visit(staker[l], k0[l] + s, &lanes.digest(l));
            }
        }
        for &l in &busy {
            if let Some(seg) = current(l, &next) {
                chains[seg.chain].1 = lanes.digest(l);
                done[l] += steps;
                if seg.from + done[l] >= seg.to {
                    next[l] += 1;
                    done[l] = 0;
                }
            }
        }
    }
}

/// A stretch of one chain in a lane: steps `from..to` of chain `chain` (step `s` makes the
/// chain's lot `s + 2`; lot 1 comes from the seed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Index into the lengths given to [`lane_plan`].
    pub chain: usize,
    /// First step.
    pub from: u64,
    /// One past the last step.
    pub to: u64,
}

/// How `lanes` SIMD lanes share chains of `lengths[c]` steps, finishing together: each lane
/// runs its segments one after another, all lanes in step, and every lane but the last is
/// busy until the end. McNaughton's wrap-around rule: the lanes are filled in turn up to
/// `T = max(longest chain, total / lanes)`; a chain that does not fit at the end of a lane
/// runs its beginning first thing in the next lane and its end last thing in this one. Since
/// no chain is longer than `T`, its beginning is over before its end starts, so every chain's
/// steps stay in order. Without this, ten equal stakers on four lanes take three chain
/// lengths (4 + 4 + 2 chains) where two and a half suffice, and five take two where one and a
/// quarter suffice.
pub fn lane_plan(lengths: &[u64], lanes: usize) -> Vec<Vec<Segment>> {
    let lanes = lanes.max(1) as u64;
    let total: u64 = lengths.iter().fold(0u64, |t, l| t.saturating_add(*l));
    let longest = lengths.iter().copied().max().unwrap_or(0);
    let t = longest.max(total.div_ceil(lanes));
    let mut plan: Vec<Vec<Segment>> = vec![Vec::new()];
    let mut used = 0u64;
    for (chain, &len) in lengths.iter().enumerate() {
        if len == 0 {
            continue;
        }
        if used == t {
            plan.push(Vec::new());
            used = 0;
        }
        let room = t - used;
        let lane = plan.len() - 1;
        if len <= room {
            plan[lane].push(Segment {
                chain,
                from: 0,
                to: len,
            });
            used += len;
        } else {
            // The end fills this lane; the beginning opens the next one.
            let head = len - room;
            plan[lane].push(Segment {
                chain,
                from: head,
                to: len,
            });
            plan.push(vec![Segment {
                chain,
                from: 0,
                to: head,
            }]);
            used = head;
        }
    }
    plan.retain(|lane| !lane.is_empty());
    plan
}

/// Calls `visit(staker, k, lot)` for every lot of every staker (`staker` indexes `stakers`),
/// in no particular order: with the `simd` feature in wasm, four stakers' chains advance at
/// once. One SHA-256 per lot and no allocation per lot, like [`draw`]; for callers that need
/// every lot without keeping them all, as [`trace`] does.
pub fn for_each_lot<A: AsRef<str>>(
    stakers: &[(A, u64)],
    seed: &str,
    mut visit: impl FnMut(usize, u64, Hash),
) {
    walk_all(stakers, seed, 0, |i, k, d| {
        visit(i, k, Hash(*d));
        u32::MAX
    });
}

/// The number of lots in a draw: the total stake (saturating).
fn total_lots<A>(stakers: &[(A, u64)]) -> u64 {
    stakers
        .iter()
        .fold(0u64, |t, (_, stake)| t.saturating_add(*stake))
}

/// The fast path: the winner (and runner-up) of a draw, O(total stake) hashes, no per-lot
/// allocation. `stakers` are `(address, stake)` in draw order. `None` when nobody has a lot.
pub fn draw<A: AsRef<str>>(stakers: &[(A, u64)], seed: &str) -> Option<Outcome> {
    let (reference, mut best) = Best::for_seed(seed);
    let total = total_lots(stakers);
    let top = best.top();
    walk_all(stakers, seed, top, |i, k, d| {
        best.offer(i, k, d);
        best.limit()
    });
    Some(Outcome {
        reference,
        winner: best.first?,
        runner_up: best.second,
        total_lots: total,
    })
}

/// What SIMD128 can do at best, for the benchmark of the limit (`core/examples/lottery_limit.rs`):
/// the SHA-256 compressions of `lots` lots, four lanes at a time, two compressions per lot (the
/// first with its message schedule, the second with a precomputed one), and nothing else: no
/// hex digits, no message, no comparison. Returns a word of the last state, so that nothing
/// is optimised away; `seed` keeps the compiler from computing it ahead.
#[cfg(all(target_arch = "wasm32", feature = "simd"))]
pub fn simd_limit(lots: u64, seed: u32) -> u32 {
    crate::sha256x4::compressions(lots.div_ceil(4), seed)
}

/// Contiguous ranges of `stakers` for `parts` workers, each about the same number of lots:
/// a draw split this way and put back together by [`merge_draws`] is exactly [`draw`]. A
/// staker's chain is sequential, so it stays whole: a range holds whole stakers. At most
/// `parts` ranges, none empty, covering every staker in order (one range when nobody has
/// stake, so that the parts still say "no lots").
pub fn split_stakers<A>(stakers: &[(A, u64)], parts: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.max(1) as u128;
    let total = u128::from(total_lots(stakers));
    let mut ranges = Vec::new();
    let mut start = 0usize;
    let mut seen = 0u128;
    for (i, (_, stake)) in stakers.iter().enumerate() {
        seen += u128::from(*stake);
        // Close a range once it holds its share: the lots up to the next multiple of
        // total / parts (the last range takes the rest).
        let closed = ranges.len() as u128 + 1;
        if closed < parts && total > 0 && seen * parts >= closed * total {
            ranges.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < stakers.len() || ranges.is_empty() {
        ranges.push(start..stakers.len());
    }
    ranges
}

/// [`draw`] over a part of a table that starts at index `first` of the whole: the lots'
/// `staker` indices count in the whole table, ready for [`merge_draws`].
pub fn draw_part<A: AsRef<str>>(stakers: &[(A, u64)], first: usize, seed: &str) -> Option<Outcome> {
    let mut outcome = draw(stakers, seed)?;
    outcome.winner.staker += first;
    if let Some(r) = outcome.runner_up.as_mut() {
        r.staker += first;
    }
    Some(outcome)
}

/// The draw of a whole table from the draws of its parts ([`split_stakers`],
/// [`draw_part`]), bit for bit what [`draw`] gives: the best two lots of the whole are among
/// the best two of each part, compared by the draw's own order (offset, then staker, then
/// `k`). A part without lots is `None`; `None` when no part has a lot.
pub fn merge_draws(parts: impl IntoIterator<Item = Option<Outcome>>) -> Option<Outcome> {
    let mut merged: Option<Outcome> = None;
    let key = |l: &Lot| (l.offset, l.staker, l.k);
    for part in parts.into_iter().flatten() {
        let Some(m) = merged.as_mut() else {
            merged = Some(part);
            continue;
        };
        m.total_lots = m.total_lots.saturating_add(part.total_lots);
        let mut lots = [
            Some(m.winner),
            m.runner_up,
            Some(part.winner),
            part.runner_up,
        ];
        crate::sorting::sort_by(&mut lots, |a, b| match (a, b) {
            (Some(a), Some(b)) => key(a).cmp(&key(b)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
        if let [Some(winner), runner_up, ..] = lots {
            m.winner = winner;
            m.runner_up = runner_up;
        }
    }
    merged
}

/// The draw and the full ranking of stakers by their best lot, in the same single pass as
/// [`draw`]: O(total stake) hashes, one [`Lot`] kept per staker. `None` when nobody has a lot.
pub fn rank<A: AsRef<str>>(stakers: &[(A, u64)], seed: &str) -> Option<Ranking> {
    let (reference, mut best) = Best::for_seed(seed);
    let total = total_lots(stakers);
    let mut mine: Vec<Option<Lot>> = vec![None; stakers.len()];
    walk_all(stakers, seed, 0, |i, k, d| {
        let offset = best.offer(i, k, d);
        // Closer, or as close with an earlier k: on a tie the earlier k stays, as in the draw.
        if let Some(m) = mine.get_mut(i) {
            if m.is_none_or(|m| (offset, k) < (m.offset, m.k)) {
                *m = Some(Lot {
                    staker: i,
                    k,
                    hash: Hash(*d),
                    offset,
                });
            }
        }
        u32::MAX
    });
    let mut order: Vec<Lot> = mine.into_iter().flatten().collect();
    // Keys are unique (one lot per staker), so the order is total.
    crate::sorting::sort_by(&mut order, |a, b| {
        a.offset.cmp(&b.offset).then(a.staker.cmp(&b.staker))
    });
    Some(Ranking {
        outcome: Outcome {
            reference,
            winner: best.first?,
            runner_up: best.second,
            total_lots: total,
        },
        order,
    })
}

/// The full draw for display: every lot kept. Same cost in hashes as [`draw`], plus 32 bytes of
/// memory per lot.
pub fn trace<A: AsRef<str>>(stakers: &[(A, u64)], seed: &str) -> Option<Trace> {
    let (reference, mut best) = Best::for_seed(seed);
    let mut total = 0u64;
    let mut out = Vec::with_capacity(stakers.len());
    for (i, (addr, stake)) in stakers.iter().enumerate() {
        total = total.saturating_add(*stake);
        let mut lots = Vec::with_capacity(usize::try_from(*stake).unwrap_or(0));
        walk_lots(addr.as_ref(), seed, *stake, |k, d| {
            best.offer(i, k, d);
            lots.push(Hash(*d));
        });
        out.push(StakerLots {
            address: addr.as_ref().to_string(),
            stake: *stake,
            lots,
        });
    }
    Some(Trace {
        seed: seed.to_string(),
        outcome: Outcome {
            reference,
            winner: best.first?,
            runner_up: best.second,
            total_lots: total,
        },
        stakers: out,
    })
}

/// The Python original's algorithm, kept for comparison and benchmarks: every lot is recomputed
/// from `pk + seed`, so lot `k` costs `k` hashes and a draw costs O(S²). Gives the same winner as
/// [`draw`]; never use it on a hot path.
pub fn draw_quadratic<A: AsRef<str>>(stakers: &[(A, u64)], seed: &str) -> Option<(usize, u64)> {
    let reference = U256::from(hash_str(seed));
    let mut best: Option<(usize, u64, U256)> = None;
    for (i, (addr, stake)) in stakers.iter().enumerate() {
        for k in 1..=*stake {
            let mut data = format!("{}{}", addr.as_ref(), seed);
            for _ in 0..k {
                data = hash_str(&data).to_hex();
            }
            let h = Hash::from_hex(&data).ok()?;
            let offset = U256::from(h).abs_diff(reference);
            if best.is_none_or(|(_, _, o)| offset < o) {
                best = Some((i, k, offset));
            }
        }
    }
    best.map(|(i, k, _)| (i, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abs_diff_borrows_across_limbs() {
        let a = U256([0, 1, 0, 0]);
        let b = U256([0, 0, 0, 1]);
        assert_eq!(a.abs_diff(b), U256([0, 0, u64::MAX, u64::MAX]));
        assert_eq!(b.abs_diff(a), a.abs_diff(b));
        assert_eq!(a.abs_diff(a), U256::default());
    }

    #[test]
    fn fast_and_quadratic_agree() {
        let stakers = [("alice", 7u64), ("bob", 3), ("carol", 0), ("dave", 5)];
        for s in 0..20 {
            let seed = Hash::of(&[s]).to_hex();
            let fast = draw(&stakers, &seed).map(|o| (o.winner.staker, o.winner.k));
            assert_eq!(fast, draw_quadratic(&stakers, &seed));
        }
    }

    #[test]
    fn trace_matches_draw() {
        let stakers = [("a", 4u64), ("b", 9)];
        let seed = Hash::of(b"seed").to_hex();
        let t = trace(&stakers, &seed).expect("lots");
        assert_eq!(Some(t.outcome), draw(&stakers, &seed));
        assert_eq!(t.stakers[1].lots.len(), 9);
        let w = t.outcome.winner;
        assert_eq!(t.stakers[w.staker].lots[(w.k - 1) as usize], w.hash);
    }

    #[test]
    fn ranking_starts_with_the_winner_and_lists_each_staker_once() {
        let stakers = [("alice", 7u64), ("bob", 3), ("carol", 0), ("dave", 5)];
        for s in 0..50 {
            let seed = Hash::of(&[s, 1]).to_hex();
            let r = rank(&stakers, &seed).expect("lots");
            assert_eq!(Some(r.outcome), draw(&stakers, &seed));
            assert_eq!(r.order[0], r.outcome.winner);
            let mut seen: Vec<usize> = r.order.iter().map(|l| l.staker).collect();
            seen.sort();
            assert_eq!(seen, vec![0, 1, 3], "every staker with stake, once");
            assert!(r.order.windows(2).all(|w| w[0].offset <= w[1].offset));
            // Each staker's lot is its best one, by brute force over the trace.
            let t = trace(&stakers, &seed).expect("lots");
            let reference = U256::from(t.outcome.reference);
            for lot in &r.order {
                let best = t.stakers[lot.staker]
                    .lots
                    .iter()
                    .map(|h| U256::from(*h).abs_diff(reference))
                    .min();
                assert_eq!(best, Some(lot.offset));
            }
            assert_eq!(r.rank_of(r.outcome.winner.staker), Some(0));
            assert_eq!(r.rank_of(2), None, "no stake, no rank");
        }
    }

    /// A small deterministic generator for the tests' tables.
    fn next(x: &mut u64) -> u64 {
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        *x
    }

    #[test]
    fn a_draw_split_over_any_number_of_workers_is_the_whole_draw() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for table in 0..60u32 {
            let n = 1 + (next(&mut x) % 14) as usize;
            let stakers: Vec<(String, u64)> = (0..n)
                .map(|i| {
                    // Some without stake, some with one lot, and now and then a big one.
                    let stake = match next(&mut x) % 6 {
                        0 => 0,
                        1 => 1,
                        2 => 200 + next(&mut x) % 300,
                        _ => next(&mut x) % 40,
                    };
                    (format!("staker{table}-{i}"), stake)
                })
                .collect();
            let seed = Hash::of(&table.to_le_bytes()).to_hex();
            let whole = draw(&stakers, &seed);
            for workers in 1..=8 {
                let ranges = split_stakers(&stakers, workers);
                assert!(ranges.len() <= workers && !ranges.is_empty());
                assert_eq!(ranges.first().map(|r| r.start), Some(0));
                assert_eq!(ranges.last().map(|r| r.end), Some(n));
                assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
                let parts = ranges
                    .iter()
                    .map(|r| draw_part(&stakers[r.clone()], r.start, &seed));
                assert_eq!(
                    merge_draws(parts),
                    whole,
                    "table {table}, {workers} workers"
                );
            }
        }
    }

    #[test]
    fn ties_between_parts_go_to_the_earlier_staker_as_in_the_draw() {
        // The same address twice: every lot ties with its twin, and the earlier one wins.
        let stakers = [("twin", 5u64), ("twin", 5), ("other", 3)];
        for s in 0..10u8 {
            let seed = Hash::of(&[s, 9]).to_hex();
            let whole = draw(&stakers, &seed);
            for workers in 1..=3 {
                let parts = split_stakers(&stakers, workers)
                    .into_iter()
                    .map(|r| draw_part(&stakers[r.clone()], r.start, &seed));
                assert_eq!(merge_draws(parts), whole);
            }
        }
    }

    #[test]
    fn splits_balance_lots() {
        let stakers: Vec<(&str, u64)> = vec![("a", 100_000); 10];
        let ranges = split_stakers(&stakers, 2);
        assert_eq!(ranges, vec![0..5, 5..10]);
        let ranges = split_stakers(&stakers, 8);
        assert_eq!(ranges.len(), 8);
        assert_eq!(split_stakers(&[("a", 0u64)], 4), vec![0..1]);
        let none: [(&str, u64); 0] = [];
        assert_eq!(split_stakers(&none, 4), vec![0..0]);
    }

    #[test]
    fn the_lane_plan_keeps_each_chain_in_order_and_the_lanes_even() {
        let mut x = 77u64;
        for _ in 0..300 {
            let n = (next(&mut x) % 12) as usize;
            let lengths: Vec<u64> = (0..n).map(|_| next(&mut x) % 50).collect();
            let plan = lane_plan(&lengths, 4);
            assert!(plan.len() <= 4);
            let total: u64 = lengths.iter().sum();
            let t = lengths
                .iter()
                .copied()
                .max()
                .unwrap_or(0)
                .max(total.div_ceil(4));
            // When each segment runs: lanes start at time 0 and run their segments back to back.
            let mut runs: Vec<(usize, u64, u64, u64)> = Vec::new();
            for lane in &plan {
                let mut time = 0;
                for seg in lane {
                    assert!(seg.from < seg.to);
                    runs.push((seg.chain, seg.from, seg.to, time));
                    time += seg.to - seg.from;
                }
                assert!(time <= t, "no lane runs past T");
            }
            for (c, len) in lengths.iter().enumerate() {
                let mut mine: Vec<_> = runs.iter().filter(|r| r.0 == c).collect();
                mine.sort_by_key(|r| r.1);
                // Every step exactly once, and each piece ends before the next one starts.
                let mut step = 0;
                let mut free_at = 0;
                for r in mine {
                    assert_eq!(r.1, step);
                    assert!(
                        r.3 >= free_at,
                        "a chain's end never runs before its beginning"
                    );
                    step = r.2;
                    free_at = r.3 + (r.2 - r.1);
                }
                assert_eq!(step, *len);
            }
        }
    }

    #[test]
    fn no_lots_no_winner() {
        let none: [(&str, u64); 1] = [("a", 0)];
        assert_eq!(draw(&none, "x"), None);
        assert_eq!(rank(&none, "x"), None);
    }

    /// What the SIMD walk skips ([`Best::limit`]) could never have changed the best two:
    /// lots whose top 32 bits lie further from the reference's than the limit.
    #[test]
    fn a_lot_beyond_the_limit_changes_nothing() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut skipped = 0;
        for round in 0..200u64 {
            let reference = Hash::of(&round.to_le_bytes());
            let mut best = Best {
                reference: U256::from(reference),
                first: None,
                second: None,
            };
            for k in 1..300u64 {
                let mut digest = [0u8; 32];
                for chunk in digest.chunks_mut(8) {
                    chunk.copy_from_slice(&next(&mut x).to_le_bytes());
                }
                // Now and then a lot close to the reference, or sharing its top bits.
                if k % 7 == 0 {
                    digest[..4].copy_from_slice(&reference.0[..4]);
                    digest[3] ^= (next(&mut x) % 3) as u8;
                }
                let top = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]);
                let far = top.abs_diff(best.top()) > best.limit();
                let (first, second) = (best.first, best.second);
                best.offer(0, k, &digest);
                if far {
                    skipped += 1;
                    assert_eq!((best.first, best.second), (first, second));
                }
            }
        }
        assert!(skipped > 1000, "the limit skips most lots ({skipped})");
    }
}
