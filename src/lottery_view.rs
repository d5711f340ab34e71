//! The lottery as drawing data: what the lottery view draws and says about one block's draw,
//! computed from the core's lottery without any UI, so wasm tests check it directly.
//!
//! The maths stays in `pos_core::lottery` ([`lottery::trace`], [`Outcome`]); this module only
//! turns its lots into things to draw:
//!
//! - [`LotteryDigest`]: a draw boiled down for the screen, whatever its size: lot counts per
//!   staker in [`BINS`] slices of the 256-bit range, every lot when there are at most
//!   [`EXACT_LIMIT`], and the [`NEAREST`] lots around the reference for the zoom. A digest of
//!   10^6 lots is a few hundred kilobytes, so a Web Worker can build it and post it back.
//! - Positions: integers all the way ([`U256::high_u64`] scaled by `u128` arithmetic, in
//!   1/256 pixel); only the final pixel coordinate becomes a float.
//! - [`python_snippet`]: a Python program that recomputes the winner by hand.
//! - [`ForgerHistory`]: who forged each block, against each staker's share of stake.
//! - The worker protocol ([`WorkerRequest`], [`WorkerReply`], [`handle_worker_request`]).

use crate::fairness_view::{
    grind_step_rounds, step_rounds, FairnessJob, FairnessReport, FairnessRun, GrindReport, GrindRun,
};
use crate::model::Playground;
use pos_core::hash::hash_str;
use pos_core::lottery::{self, Lot, Outcome, Trace, U256};
use pos_core::{Address, Hash};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BinaryHeap;

/// Slices of the 256-bit range in which lots are counted for the overview line (2^12: finer
/// than any screen's pixel columns).
pub const BINS: usize = 4096;

/// Up to this many lots the digest keeps every lot, so hovering finds the exact lot.
pub const EXACT_LIMIT: u64 = 20_000;

/// Lots kept around the reference, closest first, for the zoom.
pub const NEAREST: usize = 48;

/// The automatic zoom shows at least this many of the nearest lots.
pub const ZOOM_FIT: usize = 8;

/// Above this many lots the page draws in a Web Worker, so it never freezes.
pub const WORKER_THRESHOLD: u64 = 20_000;

/// A fixed-point pixel: 1/256 of a pixel.
pub const SUBPIXEL: u64 = 256;

/// Lots between two progress reports of a digest computed in the worker.
pub const PROGRESS_EVERY: u64 = 1 << 16;

/// One lot as the view shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotMark {
    /// Index of its staker in the draw's staker list.
    pub staker: usize,
    /// `k`: its index in the staker's chain, from 1.
    pub k: u64,
    /// Its hash.
    pub hash: Hash,
    /// `|lot - reference|`.
    pub offset: U256,
    /// Whether the lot lies at or above the reference.
    pub above: bool,
}

impl LotMark {
    fn new(staker: usize, k: u64, hash: Hash, reference: U256) -> LotMark {
        let value = U256::from(hash);
        LotMark {
            staker,
            k,
            hash,
            offset: value.abs_diff(reference),
            above: value >= reference,
        }
    }

    /// Where the lot lies on the number line: the top 64 bits of its value.
    pub fn position(&self) -> u64 {
        U256::from(self.hash).high_u64()
    }

    /// The draw's order: closest first, then the earlier staker, then the smaller `k` (the
    /// core's tie rule).
    fn rank(&self) -> (U256, usize, u64) {
        (self.offset, self.staker, self.k)
    }
}

/// A draw boiled down for the screen (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotteryDigest {
    /// The seed: the parent block's hash in hex.
    pub seed: String,
    /// `H(seed)`.
    pub reference: Hash,
    /// `(address, stake)` in draw order.
    pub stakers: Vec<(String, u64)>,
    /// Total number of lots.
    pub total: u64,
    /// Lot counts: `bins[b * stakers + s]` lots of staker `s` lie in slice `b` of [`BINS`].
    pub bins: Vec<u32>,
    /// When there are more than [`EXACT_LIMIT`] lots: for each slice, its lot closest to the
    /// reference (what hovering shows). Empty otherwise.
    pub samples: Vec<Option<LotMark>>,
    /// When there are at most [`EXACT_LIMIT`] lots: every lot, by position. Empty otherwise.
    pub lots: Vec<LotMark>,
    /// The [`NEAREST`] lots closest to the reference, closest first (the winner first).
    pub nearest: Vec<LotMark>,
}

/// Builds a [`LotteryDigest`] from lots given staker by staker.
pub struct DigestBuilder {
    digest: LotteryDigest,
    reference: U256,
    exact: bool,
    heap: BinaryHeap<(U256, usize, u64, Hash, bool)>,
}

/// The slice of [`BINS`] where a position lies.
pub fn bin_of(position: u64) -> usize {
    ((position as u128 * BINS as u128) >> 64) as usize
}

impl DigestBuilder {
    /// A digest of the draw on `seed` among `stakers` (`(address, stake)` in draw order).
    pub fn new(seed: &str, stakers: Vec<(String, u64)>) -> DigestBuilder {
        let reference = hash_str(seed);
        let total = stakers.iter().map(|(_, s)| *s).sum::<u64>();
        let exact = total <= EXACT_LIMIT;
        let n = stakers.len();
        DigestBuilder {
            digest: LotteryDigest {
                seed: seed.to_string(),
                reference,
                stakers,
                total,
                bins: vec![0; BINS * n],
                samples: if exact { Vec::new() } else { vec![None; BINS] },
                lots: Vec::new(),
                nearest: Vec::new(),
            },
            reference: U256::from(reference),
            exact,
            heap: BinaryHeap::with_capacity(NEAREST + 1),
        }
    }

    /// Adds staker `staker`'s lots: `lots[k - 1]` is lot `k`.
    pub fn add_lots(&mut self, staker: usize, lots: &[Hash]) {
        for (i, hash) in lots.iter().enumerate() {
            self.add_lot(staker, i as u64 + 1, *hash);
        }
    }

    /// Adds lot `k` of staker `staker`. Lots may come in any order: the digest is the same.
    pub fn add_lot(&mut self, staker: usize, k: u64, hash: Hash) {
        let n = self.digest.stakers.len();
        let mark = LotMark::new(staker, k, hash, self.reference);
        let bin = bin_of(mark.position());
        if let Some(c) = self.digest.bins.get_mut(bin * n + staker) {
            *c = c.saturating_add(1);
        }
        if self.exact {
            self.digest.lots.push(mark);
        } else if let Some(slot) = self.digest.samples.get_mut(bin) {
            if slot.is_none_or(|s| mark.rank() < s.rank()) {
                *slot = Some(mark);
            }
        }
        let key = (mark.offset, mark.staker, mark.k, mark.hash, mark.above);
        if self.heap.len() < NEAREST {
            self.heap.push(key);
        } else if self.heap.peek().is_some_and(|worst| key < *worst) {
            self.heap.pop();
            self.heap.push(key);
        }
    }

    /// The finished digest.
    pub fn finish(mut self) -> LotteryDigest {
        self.digest.nearest = self
            .heap
            .into_sorted_vec()
            .into_iter()
            .map(|(offset, staker, k, hash, above)| LotMark {
                staker,
                k,
                hash,
                offset,
                above,
            })
            .collect();
        pos_core::sorting::sort_by_key(&mut self.digest.lots, |l| (l.position(), l.rank()));
        self.digest
    }
}

/// Lot counts per pixel column of a number line `width` pixels wide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// Pixel columns.
    pub width: u32,
    /// Stakers per column.
    pub stakers: usize,
    /// `counts[x * stakers + s]`: lots of staker `s` in column `x`.
    pub counts: Vec<u32>,
    /// The fullest column's count.
    pub max: u32,
}

impl Columns {
    /// Staker `s`'s lots in column `x`.
    pub fn count(&self, x: u32, s: usize) -> u32 {
        self.counts
            .get(x as usize * self.stakers + s)
            .copied()
            .unwrap_or(0)
    }

    /// All lots in column `x`.
    pub fn total(&self, x: u32) -> u32 {
        (0..self.stakers).map(|s| self.count(x, s)).sum()
    }
}

/// What lies under the pointer on the overview line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hover {
    /// The lot nearest the pointer (every lot is known).
    Lot(LotMark),
    /// A slice holding many lots: how many of each staker, and its lot closest to the
    /// reference.
    Slice {
        /// Lots per staker.
        counts: Vec<u32>,
        /// Lots in all.
        total: u32,
        /// The slice's lot closest to the reference.
        sample: Option<LotMark>,
    },
}

/// The zoom's range of window sizes: the window is the reference ± 2^exp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoomLimits {
    /// The smallest window that still shows the winner (256 when it lies 2^255 or more from
    /// the reference).
    pub min: u32,
    /// The window that shows about [`ZOOM_FIT`] lots.
    pub auto: u32,
    /// The largest window in which every lot is known.
    pub max: u32,
}

/// A lot in the zoom window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ZoomMark {
    /// Index into [`LotteryDigest::nearest`].
    pub index: usize,
    /// Distance from the window's centre (the reference), in 1/[`SUBPIXEL`] pixels;
    /// negative below the reference.
    pub dx: i64,
}

/// The number of significant bits of `v` (0 for zero).
pub fn bit_len(v: U256) -> u32 {
    for (i, limb) in v.0.iter().enumerate() {
        if *limb != 0 {
            return 64 * (4 - i as u32) - limb.leading_zeros();
        }
    }
    0
}

/// The low 64 bits of `v >> shift`.
pub fn shr_u64(v: U256, shift: u32) -> u64 {
    let hi = ((v.0[0] as u128) << 64) | v.0[1] as u128;
    let lo = ((v.0[2] as u128) << 64) | v.0[3] as u128;
    match shift {
        256.. => 0,
        128..=255 => (hi >> (shift - 128)) as u64,
        0 => lo as u64,
        _ => ((lo >> shift) | (hi << (128 - shift))) as u64,
    }
}

/// Where `position` (top 64 bits of a value) lies on a line `width` pixels wide, in
/// 1/[`SUBPIXEL`] pixels: integer arithmetic only.
pub fn line_x(position: u64, width: u32) -> u64 {
    ((position as u128 * width as u128 * SUBPIXEL as u128) >> 64) as u64
}

/// A fixed-point coordinate as a pixel coordinate (the only float step).
pub fn px(fixed: i64) -> f64 {
    fixed as f64 / SUBPIXEL as f64
}

/// The position (top 64 bits) under pixel `x` of a line `width` pixels wide.
pub fn position_at(x: u32, width: u32) -> u64 {
    if width == 0 {
        return 0;
    }
    let p = ((x.min(width) as u128) << 64) / width as u128;
    p.min(u64::MAX as u128) as u64
}

impl LotteryDigest {
    /// The digest of a full trace (what the page does for small draws, in the main thread).
    pub fn from_trace(trace: &Trace) -> LotteryDigest {
        let stakers = trace
            .stakers
            .iter()
            .map(|s| (s.address.clone(), s.stake))
            .collect();
        let mut b = DigestBuilder::new(&trace.seed, stakers);
        for (i, s) in trace.stakers.iter().enumerate() {
            b.add_lots(i, &s.lots);
        }
        b.finish()
    }

    /// Computes the digest straight from the lots as the core walks them
    /// ([`lottery::for_each_lot`]: four stakers at a time with SIMD), never holding them all;
    /// calls `progress(done, total)` every [`PROGRESS_EVERY`] lots and at the end (what the
    /// worker does).
    pub fn compute(
        seed: &str,
        stakers: Vec<(String, u64)>,
        mut progress: impl FnMut(u64, u64),
    ) -> LotteryDigest {
        let mut b = DigestBuilder::new(seed, stakers.clone());
        let total = b.digest.total;
        let mut done = 0u64;
        lottery::for_each_lot(&stakers, seed, |staker, k, lot| {
            b.add_lot(staker, k, lot);
            done += 1;
            if done.is_multiple_of(PROGRESS_EVERY) {
                progress(done, total);
            }
        });
        progress(done, total);
        b.finish()
    }

    /// Whether every lot is kept (at most [`EXACT_LIMIT`]).
    pub fn is_exact(&self) -> bool {
        self.total <= EXACT_LIMIT
    }

    /// The reference as a position on the line.
    pub fn reference_position(&self) -> u64 {
        U256::from(self.reference).high_u64()
    }

    /// Lot counts per pixel column of a line `width` pixels wide.
    pub fn columns(&self, width: u32) -> Columns {
        let n = self.stakers.len();
        let w = width.max(1);
        let mut counts = vec![0u32; w as usize * n];
        if self.is_exact() {
            for l in &self.lots {
                let x = (line_x(l.position(), w) / SUBPIXEL).min(w as u64 - 1) as usize;
                counts[x * n + l.staker] += 1;
            }
        } else {
            for b in 0..BINS {
                let x = (b as u64 * w as u64 / BINS as u64) as usize;
                for s in 0..n {
                    counts[x * n + s] += self.bins[b * n + s];
                }
            }
        }
        let max = (0..w as usize)
            .map(|x| counts[x * n..x * n + n].iter().sum::<u32>())
            .max()
            .unwrap_or(0);
        Columns {
            width: w,
            stakers: n,
            counts,
            max,
        }
    }

    /// What lies at position `p` (top 64 bits): the nearest lot when every lot is known,
    /// otherwise the slice of [`BINS`] holding `p`.
    pub fn hover_at(&self, p: u64) -> Option<Hover> {
        if self.is_exact() {
            let i = self.lots.partition_point(|l| l.position() < p);
            let before = i.checked_sub(1).and_then(|j| self.lots.get(j));
            let after = self.lots.get(i);
            let pick = match (before, after) {
                (Some(b), Some(a)) => {
                    if p - b.position() <= a.position() - p {
                        b
                    } else {
                        a
                    }
                }
                (Some(b), None) => b,
                (None, Some(a)) => a,
                (None, None) => return None,
            };
            Some(Hover::Lot(*pick))
        } else {
            let n = self.stakers.len();
            let b = bin_of(p).min(BINS - 1);
            let counts = self.bins.get(b * n..b * n + n)?.to_vec();
            let total = counts.iter().sum();
            Some(Hover::Slice {
                counts,
                total,
                sample: self.samples.get(b).copied().flatten(),
            })
        }
    }

    /// The zoom's range of windows.
    pub fn zoom_limits(&self) -> ZoomLimits {
        let (Some(first), Some(last)) = (self.nearest.first(), self.nearest.last()) else {
            return ZoomLimits {
                min: 255,
                auto: 255,
                max: 255,
            };
        };
        // Up to 256: a winner 2^255 or more from the reference (a lone lot can be) needs the
        // window ± 2^256, twice the range.
        let min = bit_len(first.offset);
        let complete = self.total <= self.nearest.len() as u64;
        let max = if complete {
            min.max(255)
        } else {
            // Lots beyond the last kept one are unknown: a window of ± 2^max holds none of them.
            bit_len(last.offset).saturating_sub(1).max(min)
        };
        let fit = self.nearest[ZOOM_FIT.min(self.nearest.len()) - 1];
        ZoomLimits {
            min,
            auto: bit_len(fit.offset).clamp(min, max),
            max,
        }
    }

    /// The lots inside the window reference ± 2^exp, placed on a zoom line whose half width is
    /// `half` pixels.
    pub fn zoom_marks(&self, exp: u32, half: u32) -> Vec<ZoomMark> {
        self.nearest
            .iter()
            .enumerate()
            .filter(|(_, l)| bit_len(l.offset) <= exp)
            .map(|(index, l)| {
                // The offset as a 32-bit fraction of the half window.
                let frac = if exp >= 32 {
                    shr_u64(l.offset, exp - 32)
                } else {
                    l.offset.0[3] << (32 - exp)
                };
                let d = ((frac as u128 * half as u128 * SUBPIXEL as u128) >> 32) as i64;
                ZoomMark {
                    index,
                    dx: if l.above { d } else { -d },
                }
            })
            .collect()
    }

    /// The window reference ± 2^exp on the overview line (width `width`), as the first and
    /// last position it covers.
    pub fn window_on_line(&self, exp: u32) -> (u64, u64) {
        let r = self.reference_position();
        let delta = match exp {
            256.. => u64::MAX,
            192.. => 1u64 << (exp - 192),
            _ => 0,
        };
        (r.saturating_sub(delta), r.saturating_add(delta))
    }
}

/// `n` with thousands separators: `1,000,000`.
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count and its noun, digits grouped: `count(1, "block")` is `"1 block"`,
/// `count(2_000, "block")` is `"2,000 blocks"`.
pub fn count(n: u64, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{} {noun}s", group(n)),
    }
}

/// A count of lots: `"1 lot"`, `"20,001 lots"`.
pub fn lots(n: u64) -> String {
    count(n, "lot")
}

/// `part / whole` as a percentage with two decimals, by integer arithmetic: `"45.27 %"`
/// (`"< 0.01 %"` for a share that is not zero but rounds to it).
pub fn percent(part: u64, whole: u64) -> String {
    let bp = (part as u128 * 10_000)
        .checked_div(whole as u128)
        .unwrap_or(0);
    if bp == 0 && part > 0 && whole > 0 {
        return "< 0.01 %".into();
    }
    format!("{}.{:02} %", bp / 100, bp % 100)
}

/// An offset as a share of the whole 2^256 range, in words: `"0.0031 % of the range (1 part
/// in 32,150)"`. Integer arithmetic on the top 64 bits.
pub fn offset_share(offset: U256) -> String {
    let high = offset.high_u64();
    if high == 0 {
        return "less than 1 part in 2^64 of the range".into();
    }
    // Percent times 10^9.
    let scaled = (high as u128 * 100 * 1_000_000_000) >> 64;
    let int = scaled / 1_000_000_000;
    let frac = format!("{:09}", scaled % 1_000_000_000);
    // Keep three significant digits after the leading zeros.
    let lead = frac.chars().take_while(|c| *c == '0').count();
    let keep = if int > 0 { 2 } else { (lead + 3).min(9) };
    let pct = format!("{int}.{}", &frac[..keep]);
    let one_in = ((1u128 << 64) / high as u128).min(u64::MAX as u128) as u64;
    if one_in < 2 {
        return format!("{pct} % of the range");
    }
    format!("{pct} % of the range (1 part in {})", group(one_in))
}

/// The first `n` hex digits, then an ellipsis.
pub fn short_hex(hex: &str, n: usize) -> String {
    if hex.len() <= n {
        hex.to_string()
    } else {
        format!("{}…", &hex[..n])
    }
}

/// Which block's lottery is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BlockSelection {
    /// The newest block, following new blocks as they come (the default).
    #[default]
    Newest,
    /// The draw for the next block (tip + 1), following the tip.
    Next,
    /// A fixed height: the reader stepped back.
    At(u64),
}

impl BlockSelection {
    /// The height shown on a chain whose tip is at `tip`: from 1 to `tip + 1` (before any
    /// block, the newest is the draw for block 1).
    pub fn height(self, tip: u64) -> u64 {
        match self {
            BlockSelection::Newest => tip.max(1),
            BlockSelection::Next => tip + 1,
            BlockSelection::At(h) => h.clamp(1, tip + 1),
        }
    }

    /// The selection for height `h` (clamped): the tip follows new blocks, tip + 1 follows
    /// the next draw, anything lower stays put.
    pub fn at(h: u64, tip: u64) -> BlockSelection {
        let h = h.clamp(1, tip + 1);
        if h == tip + 1 {
            BlockSelection::Next
        } else if h == tip {
            BlockSelection::Newest
        } else {
            BlockSelection::At(h)
        }
    }

    /// `delta` blocks further (negative: back).
    pub fn step(self, delta: i64, tip: u64) -> BlockSelection {
        let h = self.height(tip).saturating_add_signed(delta);
        BlockSelection::at(h, tip)
    }
}

/// How many times the runner-up's offset is the winner's, to one decimal ("3.2"), from the
/// top 64 significant bits of both (integer arithmetic).
pub fn offset_ratio(winner: U256, runner_up: U256) -> String {
    let shift = bit_len(runner_up).saturating_sub(64);
    let (w, r) = (shr_u64(winner, shift), shr_u64(runner_up, shift));
    if w == 0 {
        return "far more than 10^6".into();
    }
    let tenths = (r as u128 * 10) / w as u128;
    format!("{}.{}", group((tenths / 10) as u64), tenths % 10)
}

/// The draw behind one block, as one node's chain records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockLottery {
    /// The block's height.
    pub height: u64,
    /// Whether the block exists yet (`false` for the draw of the next block, tip + 1).
    pub forged: bool,
    /// The seed: the parent block's hash.
    pub seed: Hash,
    /// The core's outcome: reference, winner, runner-up.
    pub outcome: Outcome,
    /// The staker table the draw used, in draw order.
    pub stakers: Vec<(Address, u64)>,
    /// Who forged the block (for the next block: who won the draw).
    pub forger: Address,
    /// The forger's rank in the draw: 0 for the winner. With slots a staker of rank `r` may
    /// forge from slot `r` on, so a silent winner lets the next-ranked staker forge.
    pub rank: u64,
    /// The block's slot (`(timestamp - parent timestamp) / SLOT_MS`; 0 for the next block).
    pub slot: u64,
}

impl BlockLottery {
    /// The stakers as the lottery names them: `(address hex, stake)`.
    pub fn named_stakers(&self) -> Vec<(String, u64)> {
        self.stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect()
    }

    /// Total number of lots.
    pub fn total(&self) -> u64 {
        self.outcome.total_lots
    }

    /// The address that owns `lot`.
    pub fn owner(&self, lot: &Lot) -> Option<Address> {
        self.stakers.get(lot.staker).map(|(a, _)| *a)
    }

    /// The forger's index in the staker list.
    pub fn forger_index(&self) -> Option<usize> {
        self.stakers.iter().position(|(a, _)| *a == self.forger)
    }

    /// Whether the draw's winner forged (rank 0), rather than a staker ranked after it.
    pub fn winner_forged(&self) -> bool {
        self.owner(&self.outcome.winner) == Some(self.forger)
    }
}

/// A staker as the view names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StakerLabel {
    /// Address, hex.
    pub address: String,
    /// "Node 2", "Exchange" or a short hex.
    pub name: String,
    /// Its colour ([`Playground::colour_of`]).
    pub colour: String,
    /// A short tag drawn on marks: the node's number.
    pub tag: String,
}

/// A short tag for a name: the node's number, else the name's first two characters.
pub fn tag(name: &str) -> String {
    match name.strip_prefix("Node ") {
        Some(n) => n.to_string(),
        None => name.chars().take(2).collect(),
    }
}

/// Who forged each block and how each staker's share of forged blocks compares with its share
/// of stake, block by block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForgerHistory {
    /// For block `i + 1`: the index in [`ForgerHistory::series`] of its forger.
    pub forgers: Vec<usize>,
    /// One per address that ever staked or forged, in the order first seen.
    pub series: Vec<ShareSeries>,
}

/// One staker's line in the forger history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareSeries {
    /// The staker.
    pub address: Address,
    /// Its name on the page.
    pub name: String,
    /// Its colour.
    pub colour: String,
    /// Blocks it forged.
    pub forged: u64,
    /// After block `i + 1`: its share of blocks 1..=i+1, in basis points (1/100 %).
    pub forged_bp: Vec<u32>,
    /// At block `i + 1`'s draw: its share of all stake, in basis points.
    pub stake_bp: Vec<u32>,
}

fn bp(part: u64, whole: u64) -> u32 {
    (part as u128 * 10_000)
        .checked_div(whole as u128)
        .unwrap_or(0) as u32
}

fn lot_json(p: &Playground, b: &BlockLottery, lot: &Lot) -> Value {
    let owner = b.owner(lot);
    json!({
        "staker": owner.map(|a| a.to_hex()),
        "name": owner.map(|a| p.name_of(&a)),
        "k": lot.k,
        "hash": lot.hash.to_hex(),
        "offset": lot.offset.to_hex(),
    })
}

impl Playground {
    /// Names, colours and tags of a draw's stakers, in draw order.
    pub fn staker_labels(&self, stakers: &[(Address, u64)]) -> Vec<StakerLabel> {
        stakers
            .iter()
            .map(|(a, _)| {
                let name = self.name_of(a);
                StakerLabel {
                    address: a.to_hex(),
                    tag: tag(&name),
                    name,
                    colour: self.colour_of(a).to_string(),
                }
            })
            .collect()
    }

    /// The heights whose draw node `node` can show: 1 to its tip + 1 (the next block's draw).
    pub fn lottery_heights(&self, node: usize) -> Option<(u64, u64)> {
        let tip = self.node(node)?.chain().height();
        Some((1, tip + 1))
    }

    /// The draw behind block `height` on node `node`'s chain; `height` may be the tip + 1 (the
    /// draw for the next block).
    pub fn block_lottery(&self, node: usize, height: u64) -> Option<BlockLottery> {
        let chain = self.node(node)?.chain();
        let parent = usize::try_from(height.checked_sub(1)?).ok()?;
        let seed = *chain.hashes().get(parent)?;
        let stakers = chain.stakers_for(height)?.to_vec();
        let (forged, outcome) = if height <= chain.height() {
            (true, chain.draw_at(height)?)
        } else {
            (false, chain.next_draw()?)
        };
        let (forger, rank, slot) = if forged {
            (
                chain.blocks().get(parent + 1)?.forger,
                chain.rank_at(height).unwrap_or(0),
                chain.slot_at(height).unwrap_or(0),
            )
        } else {
            (stakers.get(outcome.winner.staker)?.0, 0, 0)
        };
        Some(BlockLottery {
            height,
            forged,
            seed,
            outcome,
            stakers,
            forger,
            rank,
            slot,
        })
    }

    /// The console API's `lottery(i, height)`: node `i`'s draw for the block at `height` (its
    /// newest block when `None`), every lot included. O(total stake) hashes.
    pub fn lottery_json(&self, node: usize, height: Option<u64>) -> Option<Value> {
        let chain = self.node(node)?.chain();
        let height = height.unwrap_or(chain.height().max(1));
        let b = self.block_lottery(node, height)?;
        let trace = chain.trace_at(height)?;
        let o = &b.outcome;
        Some(json!({
            "node": node,
            "height": height,
            "forged": b.forged,
            "seed": b.seed.to_hex(),
            "reference": o.reference.to_hex(),
            "forger": b.forger.to_hex(),
            "forgerName": self.name_of(&b.forger),
            "forgerRank": b.rank,
            "slot": b.slot,
            "winner": lot_json(self, &b, &o.winner),
            "runnerUp": o.runner_up.map(|l| lot_json(self, &b, &l)),
            "totalLots": o.total_lots,
            "stakers": trace.stakers.iter().zip(&b.stakers).map(|(s, (a, _))| json!({
                "address": s.address,
                "name": self.name_of(a),
                "stake": s.stake,
                "lots": s.lots.iter().map(Hash::to_hex).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }))
    }

    /// Who forged each block of node `node`'s chain, and each staker's share of forged blocks
    /// against its share of stake.
    pub fn forger_history(&self, node: usize) -> Option<ForgerHistory> {
        let chain = self.node(node)?.chain();
        let tip = chain.height();
        let mut series: Vec<ShareSeries> = Vec::new();
        let mut forgers = Vec::with_capacity(tip as usize);
        let index_of = |series: &mut Vec<ShareSeries>, a: &Address| -> usize {
            if let Some(i) = series.iter().position(|s| s.address == *a) {
                return i;
            }
            series.push(ShareSeries {
                address: *a,
                name: self.name_of(a),
                colour: self.colour_of(a).to_string(),
                forged: 0,
                forged_bp: Vec::new(),
                stake_bp: Vec::new(),
            });
            series.len() - 1
        };
        for h in 1..=tip {
            let stakers = chain.stakers_for(h).unwrap_or(&[]);
            for (a, _) in stakers {
                index_of(&mut series, a);
            }
            let Some(block) = chain.blocks().get(h as usize) else {
                break;
            };
            let f = index_of(&mut series, &block.forger);
            forgers.push(f);
            series[f].forged += 1;
            let total: u64 = stakers.iter().map(|(_, s)| *s).sum();
            for s in series.iter_mut() {
                let stake = stakers
                    .iter()
                    .find(|(a, _)| *a == s.address)
                    .map_or(0, |(_, v)| *v);
                // Series seen late start with zeros, so every series is aligned with the blocks.
                s.forged_bp.resize(forgers.len() - 1, 0);
                s.stake_bp.resize(forgers.len() - 1, 0);
                s.forged_bp.push(bp(s.forged, h));
                s.stake_bp.push(bp(stake, total));
            }
        }
        Some(ForgerHistory { forgers, series })
    }
}

/// What the Python snippet needs to know about a draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetInput {
    /// The block's height.
    pub height: u64,
    /// The seed (parent hash, hex).
    pub seed: String,
    /// `(address, stake, name)` in draw order.
    pub stakers: Vec<(String, u64, String)>,
    /// Index of the winner's staker.
    pub winner_staker: usize,
    /// The winning lot's `k`.
    pub winner_k: u64,
    /// When a staker ranked after the winner forged the block (slots): its index and rank.
    pub fallback: Option<(usize, u64)>,
}

/// A Python 3 program (hashlib and json only) that recomputes the reference and the winning
/// lot by hand, then checks every lot, printing lines the page shows word for word:
/// `reference: …`, `winning lot: …`, `closest lot: <name> k = <k> <hash>`, `offset: …` (64 hex
/// digits), `runner-up: …` and `forger: <name> <address>`; when a staker ranked after the
/// winner forged (slots), also `rank of forger: <r>` from every staker's closest lot.
pub fn python_snippet(s: &SnippetInput) -> String {
    let q = |x: &str| serde_json::to_string(x).unwrap_or_else(|_| "\"\"".into());
    let (waddr, _, wname) = s.stakers.get(s.winner_staker).cloned().unwrap_or_default();
    let total: u64 = s.stakers.iter().map(|(_, st, _)| *st).sum();
    let mut out = String::new();
    out.push_str(&format!(
        "# Who forges block #{h}? Recompute its lottery by hand (Python 3: hashlib and json only).\n",
        h = s.height
    ));
    out.push_str(
        "import hashlib\nimport json\n\n\ndef H(x):\n    \
         \"\"\"The chain's hash: SHA-256 of the JSON-encoded string x, in hex.\"\"\"\n    \
         return hashlib.sha256(json.dumps(x).encode()).hexdigest()\n\n\n",
    );
    out.push_str(&format!(
        "seed = {}  # the parent block's hash (block #{})\n",
        q(&s.seed),
        s.height.saturating_sub(1)
    ));
    out.push_str("stakers = [  # (address, stake): one lot per staked token, in staking order\n");
    for (a, st, name) in &s.stakers {
        out.push_str(&format!("    ({}, {st}),  # {name}\n", q(a)));
    }
    out.push_str("]\nnames = {\n");
    for (a, _, name) in &s.stakers {
        out.push_str(&format!("    {}: {},\n", q(a), q(name)));
    }
    out.push_str("}\n\nreference = H(seed)\nprint(\"reference:\", reference)\n\n");
    out.push_str(&format!(
        "# By hand: {wname}'s lot k = {k} is H applied {k} times to its address + seed.\n\
         lot = {a} + seed\nfor _ in range({k}):\n    lot = H(lot)\nprint(\"winning lot:\", lot)\n\n",
        k = s.winner_k,
        a = q(&waddr),
    ));
    out.push_str(&format!(
        "# Every lot ({} in all), keeping the two closest to the reference; on a tie the earlier\n\
         # lot wins.\n",
        group(total)
    ));
    out.push_str(
        "target = int(reference, 16)\n\
         best = []  # (offset, address, k, lot), closest first\n\
         best_of = {}  # each staker's closest offset\n\
         for address, stake in stakers:\n    \
             value = address + seed\n    \
             for k in range(1, stake + 1):\n        \
                 value = H(value)\n        \
                 offset = abs(int(value, 16) - target)\n        \
                 best_of[address] = min(offset, best_of.get(address, offset))\n        \
                 if len(best) < 2 or offset < best[-1][0]:\n            \
                     best = sorted(best + [(offset, address, k, value)], key=lambda b: b[0])[:2]\n\n\
         offset, address, k, value = best[0]\n\
         print(\"closest lot:\", names[address], \"k =\", k, value)\n\
         print(\"offset:\", format(offset, \"064x\"))\n\
         if len(best) > 1:\n    \
             print(\"runner-up:\", names[best[1][1]], \"k =\", best[1][2], best[1][3])\n",
    );
    match s.fallback.and_then(|(i, r)| s.stakers.get(i).map(|st| (st, r))) {
        None => out.push_str("print(\"forger:\", names[address], address)\n"),
        Some(((faddr, _, fname), rank)) => out.push_str(&format!(
            "\n# {name} won the draw but did not forge: with slots, the staker of rank r may forge\n\
             # from slot r on. Stakers are ranked by their closest lot (ties: staking order).\n\
             ranking = sorted(best_of, key=lambda a: best_of[a])\n\
             forger = {a}  # {fname}\n\
             print(\"rank of forger:\", ranking.index(forger))  # the page: {rank}\n\
             print(\"forger:\", names[forger], forger)\n",
            name = wname,
            a = q(faddr),
        )),
    }
    out
}

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
    /// Run a fairness lab job (see [`crate::fairness_view`]).
    Fairness {
        /// Echoed in every reply.
        id: u64,
        /// What to run.
        job: FairnessJob,
    },
    /// Compute a draw an in-tab node deferred (see [`crate::draws`]).
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
    /// The request could not be read.
    Error {
        /// What went wrong.
        error: String,
    },
}

fn bench(lots: &[u64], runs: u32, clock: &dyn Fn() -> f64) -> Vec<BenchResult> {
    let seed = Hash::of(b"bench seed").to_hex();
    lots.iter()
        .map(|&total| {
            let stakers: Vec<(String, u64)> = (0..10u8)
                .map(|i| (Hash::of(&[i]).to_hex(), total / 10))
                .collect();
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
                lots_per_second: if best > 0.0 {
                    total as f64 * 1000.0 / best
                } else {
                    0.0
                },
            }
        })
        .collect()
}

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

/// How often a long job reports, in ms.
const PROGRESS_MS: f64 = 100.0;

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
        Ok(WorkerRequest::Grind { id, setup }) => {
            let mut run = match GrindRun::new(&setup) {
                Ok(run) => run,
                Err(e) => {
                    return post(&WorkerReply::Error {
                        error: e.to_string(),
                    })
                }
            };
            let step = grind_step_rounds(&setup);
            let started = clock();
            let mut last = started;
            while !run.done() {
                run.step(step);
                let now = clock();
                if now - last >= PROGRESS_MS && !run.done() {
                    last = now;
                    post(&WorkerReply::Grind {
                        id,
                        report: run.report(),
                        ms: now - started,
                    });
                }
            }
            post(&WorkerReply::Grind {
                id,
                report: run.report(),
                ms: clock() - started,
            });
        }
        Err(e) => post(&WorkerReply::Error {
            error: format!("unreadable request: {e}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fairness_view::FairnessJob;
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
}
