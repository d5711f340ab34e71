//! A draw boiled down for the screen, whatever its size ([`LotteryDigest`]): lot counts per
//! staker in [`BINS`] slices of the 256-bit range, every lot when there are at most
//! [`EXACT_LIMIT`], and the [`NEAREST`] lots around the reference for the zoom. A digest of
//! 10^6 lots is a few hundred kilobytes, so a Web Worker can build it and post it back.
//!
//! Its geometry: positions are integers all the way ([`U256::high_u64`] scaled by `u128`
//! arithmetic, in 1/256 pixel); only the final pixel coordinate becomes a float.

use pos_core::hash::hash_str;
use pos_core::lottery::{self, Trace, U256};
use pos_core::Hash;
use serde::{Deserialize, Serialize};
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
