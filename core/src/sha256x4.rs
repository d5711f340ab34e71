//! Four lottery hash chains at once, one per 32-bit lane of a WebAssembly SIMD128 vector.
//!
//! Every lot after the first is `H` of the previous lot: SHA-256 over the same 66-byte message
//! shape, a quote, 64 hex digits, a quote ([`crate::lottery`]). Four independent chains (four
//! stakers) run the SHA-256 rounds side by side, and the digests stay word-sliced in the
//! vectors between steps: the next message (hex digits, quotes, padding) is built from them
//! with vector shifts, never byte by byte. One chain is sequential, so a lone staker gains
//! nothing; the caller keeps the lanes filled with different stakers.
//!
//! Only compiled for wasm32 with the `simd` feature (the page's lottery worker enables it; the
//! page itself does not, so it still loads on engines without SIMD). Every function carries
//! `#[target_feature(enable = "simd128")]`; on wasm such functions and the intrinsics are safe
//! to call, so the crate stays free of `unsafe`.

use core::arch::wasm32::{
    i32x4_bitmask, i8x16_shuffle, u32x4, u32x4_add, u32x4_extract_lane, u32x4_le, u32x4_max,
    u32x4_min, u32x4_replace_lane, u32x4_shl, u32x4_shr, u32x4_shuffle, u32x4_splat, u32x4_sub,
    u64x2_shuffle, u8x16, u8x16_swizzle, v128, v128_and, v128_bitselect, v128_or, v128_xor,
};

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const IV: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

#[inline]
#[target_feature(enable = "simd128")]
fn rotr(x: v128, n: u32) -> v128 {
    v128_or(u32x4_shr(x, n), u32x4_shl(x, 32 - n))
}

#[inline]
#[target_feature(enable = "simd128")]
fn xor3(a: v128, b: v128, c: v128) -> v128 {
    v128_xor(v128_xor(a, b), c)
}

#[inline]
#[target_feature(enable = "simd128")]
fn add(a: v128, b: v128) -> v128 {
    u32x4_add(a, b)
}

/// Runs `$body` once for each listed value of `$t`, a constant there: the rounds and the
/// message schedule unrolled, so that the schedule's 16-word window and the eight working
/// variables stay in locals (wasm has no vector registers to name; V8 allocates them when
/// nothing is indexed at run time) and the second block's constant words fold away.
macro_rules! unroll {
    ($t:ident in [$($n:literal)*] $body:block) => {
        $( { const $t: usize = $n; $body } )*
    };
}

/// The 64 rounds of one SHA-256 compression on `$state` (eight vectors, one per working
/// word); `$kw(T)` is round T's constant plus message word, `K[T] + W[T]`, per lane. `Ch(e, f,
/// g)` is one `v128.bitselect` (`f` where `e` has a 1, else `g`), `Maj(a, b, c)` is
/// `b ^ ((a ^ b) & (b ^ c))` where `b ^ c` is the last round's `a ^ b`. The next `e` and `a`
/// are `Σ1(e)` plus what does not wait for it, so that `Σ1` is the only long step between
/// rounds. A macro rather than a function: [`Lanes::step`] needs it inlined (its second
/// block's constants fold away there), and a `#[target_feature]` function cannot be
/// `#[inline(always)]`.
macro_rules! rounds {
    ($state:expr, |$t:ident| $kw:expr) => {{
        let state: &mut [v128; 8] = $state;
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
        let mut bc = v128_xor(b, c);
        unroll!($t in [
            0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
            32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59
            60 61 62 63
        ] {
            let big_s1 = xor3(rotr(e, 6), rotr(e, 11), rotr(e, 25));
            let ch = v128_bitselect(f, g, e);
            let pre = add(add(h, $kw), ch);
            let big_s0 = xor3(rotr(a, 2), rotr(a, 13), rotr(a, 22));
            let ab = v128_xor(a, b);
            let maj = v128_xor(b, v128_and(ab, bc));
            bc = ab;
            let t2 = add(big_s0, maj);
            h = g;
            g = f;
            f = e;
            e = add(add(d, pre), big_s1);
            d = c;
            c = b;
            b = a;
            a = add(add(pre, t2), big_s1);
        });
        for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *s = add(*s, v);
        }
    }};
}

/// The message schedule of the second block: `K[t] + W[t]` for each of its 16 possible first
/// words. The block is the last hex digit, the closing quote, the padding bit, zeros and the
/// length (66 * 8 bits), so its whole schedule depends on that one digit (`[t][digit]`).
fn second_block_schedules() -> [[u32; 16]; 64] {
    let mut kw = [[0u32; 16]; 64];
    for (digit, c) in (0u32..).zip(b"0123456789abcdef") {
        let mut w = [0u32; 64];
        w[0] = u32::from(*c) << 24 | 0x0022_8000;
        w[15] = 66 * 8;
        for t in 16..64 {
            let s0 = w[t - 15].rotate_right(7) ^ w[t - 15].rotate_right(18) ^ (w[t - 15] >> 3);
            let s1 = w[t - 2].rotate_right(17) ^ w[t - 2].rotate_right(19) ^ (w[t - 2] >> 10);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        for t in 0..64 {
            kw[t][digit as usize] = K[t].wrapping_add(w[t]);
        }
    }
    kw
}

/// Four lanes' rows of four words each, turned into four vectors of one word per lane:
/// `out[i]` holds word `i` of `r0`, `r1`, `r2` and `r3`.
#[inline]
#[target_feature(enable = "simd128")]
fn transpose(r0: v128, r1: v128, r2: v128, r3: v128) -> [v128; 4] {
    let t0 = u32x4_shuffle::<0, 4, 1, 5>(r0, r1);
    let t1 = u32x4_shuffle::<0, 4, 1, 5>(r2, r3);
    let t2 = u32x4_shuffle::<2, 6, 3, 7>(r0, r1);
    let t3 = u32x4_shuffle::<2, 6, 3, 7>(r2, r3);
    [
        u64x2_shuffle::<0, 2>(t0, t1),
        u64x2_shuffle::<1, 3>(t0, t1),
        u64x2_shuffle::<0, 2>(t2, t3),
        u64x2_shuffle::<1, 3>(t2, t3),
    ]
}

/// Lowercase hex digits of the nibbles in each byte (0..=15): a table lookup per byte.
#[inline]
#[target_feature(enable = "simd128")]
fn ascii(x: v128) -> v128 {
    const DIGITS: v128 = u8x16(
        b'0', b'1', b'2', b'3', b'4', b'5', b'6', b'7', b'8', b'9', b'a', b'b', b'c', b'd', b'e',
        b'f',
    );
    u8x16_swizzle(DIGITS, x)
}

/// Four chains' current lots, word-sliced: `words[i]` holds big-endian word `i` of each
/// lane's digest. [`Lanes::step`] hashes all four without taking the lanes apart.
pub(crate) struct Lanes {
    words: [v128; 8],
    /// [`second_block_schedules`], digit by digit: `second[digit][g]` holds `K[t] + W[t]` of
    /// rounds `t = 4g..4g + 4`, so that one load per lane and a transposition make four
    /// rounds' words ([`transpose`]).
    second: [[v128; 16]; 16],
}

impl Lanes {
    /// Four empty lanes.
    #[target_feature(enable = "simd128")]
    pub(crate) fn new() -> Lanes {
        Lanes {
            words: [u32x4_splat(0); 8],
            second: {
                let kw = second_block_schedules();
                let mut second = [[u32x4_splat(0); 16]; 16];
                for (digit, row) in second.iter_mut().enumerate() {
                    for (g, v) in row.iter_mut().enumerate() {
                        let t = 4 * g;
                        *v = u32x4(
                            kw[t][digit],
                            kw[t + 1][digit],
                            kw[t + 2][digit],
                            kw[t + 3][digit],
                        );
                    }
                }
                second
            },
        }
    }

    /// Puts `digest` into lane `lane` (0 to 3).
    #[target_feature(enable = "simd128")]
    pub(crate) fn set(&mut self, lane: usize, digest: &[u8; 32]) {
        for (i, w) in self.words.iter_mut().enumerate() {
            let x = u32::from_be_bytes([
                digest[4 * i],
                digest[4 * i + 1],
                digest[4 * i + 2],
                digest[4 * i + 3],
            ]);
            *w = match lane {
                0 => u32x4_replace_lane::<0>(*w, x),
                1 => u32x4_replace_lane::<1>(*w, x),
                2 => u32x4_replace_lane::<2>(*w, x),
                _ => u32x4_replace_lane::<3>(*w, x),
            };
        }
    }

    /// The digest in lane `lane` (0 to 3).
    #[target_feature(enable = "simd128")]
    pub(crate) fn digest(&self, lane: usize) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (i, w) in self.words.iter().enumerate() {
            let x = match lane {
                0 => u32x4_extract_lane::<0>(*w),
                1 => u32x4_extract_lane::<1>(*w),
                2 => u32x4_extract_lane::<2>(*w),
                _ => u32x4_extract_lane::<3>(*w),
            };
            out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
        }
        out
    }

    /// The lanes whose digest's first word is within `limit` of `top` (bit `l` for lane `l`):
    /// a lot further than that from the reference cannot beat the one at that distance.
    #[target_feature(enable = "simd128")]
    pub(crate) fn near(&self, top: u32, limit: u32) -> u32 {
        let top = u32x4_splat(top);
        let x = self.words[0];
        let distance = u32x4_sub(u32x4_max(x, top), u32x4_min(x, top));
        u32::from(i32x4_bitmask(u32x4_le(distance, u32x4_splat(limit))))
    }

    /// The next lot of each chain: `H` of each digest, i.e. SHA-256 over the 66 bytes
    /// `"<64 hex digits>"`, padded to two blocks.
    // The last round's `a ^ b` (in `rounds!`) is for a round that never comes.
    #[allow(unused_assignments)]
    #[target_feature(enable = "simd128")]
    pub(crate) fn step(&mut self) {
        // Digest word i, bytes b3 (most significant) to b0, is the eight digits
        // hi(b3) lo(b3) hi(b2) lo(b2) hi(b1) lo(b1) hi(b0) lo(b0). The message is one byte
        // behind the digits (the opening quote), so its word 2i + 1 is
        // lo(b2) hi(b1) lo(b1) hi(b0), and its word 2i is lo(b0) of word i - 1 (the quote for
        // i = 0), hi(b3) lo(b3) hi(b2). Message words are big-endian: in the lanes' bytes
        // (least significant first) they read backwards.
        let mut w = [u32x4_splat(0); 16];
        let nibbles = u32x4_splat(0x0f0f_0f0f);
        // Which bytes of two lanes' digits (`low_lanes`, `high_lanes` below) make those lanes'
        // words 2i and 2i + 1: a swizzle whose indices come from memory costs V8 two
        // instructions, a shuffle of two vectors by constant indices up to a dozen (it builds
        // each mask from immediates, at every step).
        let order = core::hint::black_box(u8x16(
            4, 7, 6, 0x80, 12, 15, 14, 0x80, 0, 3, 2, 5, 8, 11, 10, 13,
        ));
        let mut before = u32x4_splat(u32::from(b'"') << 24);
        for (i, x) in self.words.iter().enumerate() {
            let lo = ascii(v128_and(*x, nibbles));
            let hi = ascii(v128_and(u32x4_shr(*x, 4), nibbles));
            // Lanes 0 and 1 (then 2 and 3), digit by digit: hi(b0) lo(b0) hi(b1) .. lo(b3)
            // of one lane, then of the other (`i8x16.shuffle`s that V8 makes one unpack each).
            let low_lanes =
                i8x16_shuffle::<16, 0, 17, 1, 18, 2, 19, 3, 20, 4, 21, 5, 22, 6, 23, 7>(lo, hi);
            let high_lanes =
                i8x16_shuffle::<24, 8, 25, 9, 26, 10, 27, 11, 28, 12, 29, 13, 30, 14, 31, 15>(
                    lo, hi,
                );
            // Word 2i: hi(b2), lo(b3), hi(b3), and `before` in the top byte; word 2i + 1:
            // hi(b0), lo(b1), hi(b1), lo(b2). Each half holds two lanes' words 2i, then 2i + 1.
            let a = u8x16_swizzle(low_lanes, order);
            let b = u8x16_swizzle(high_lanes, order);
            w[2 * i] = v128_or(u64x2_shuffle::<0, 2>(a, b), before);
            w[2 * i + 1] = u64x2_shuffle::<1, 3>(a, b);
            before = u32x4_shl(lo, 24);
        }
        let mut state = [u32x4_splat(0); 8];
        for (s, iv) in state.iter_mut().zip(IV) {
            *s = u32x4_splat(iv);
        }
        rounds!(&mut state, |T| {
            if (16..).contains(&T) {
                // w[T] over the window: w[T - 16] + σ0(w[T - 15]) + w[T - 7] + σ1(w[T - 2]).
                let w15 = w[(T + 1) % 16];
                let w2 = w[(T + 14) % 16];
                let s0 = xor3(rotr(w15, 7), rotr(w15, 18), u32x4_shr(w15, 3));
                let s1 = xor3(rotr(w2, 17), rotr(w2, 19), u32x4_shr(w2, 10));
                w[T % 16] = add(add(w[T % 16], s0), add(w[(T + 9) % 16], s1));
            }
            add(u32x4_splat(K[T]), w[T % 16])
        });
        // The second block: its schedule, looked up by each lane's last digit.
        let digit = |lane: u32| (lane & 15) as usize;
        let last = self.words[7];
        let digits = [
            digit(u32x4_extract_lane::<0>(last)),
            digit(u32x4_extract_lane::<1>(last)),
            digit(u32x4_extract_lane::<2>(last)),
            digit(u32x4_extract_lane::<3>(last)),
        ];
        let rows = [
            &self.second[digits[0]],
            &self.second[digits[1]],
            &self.second[digits[2]],
            &self.second[digits[3]],
        ];
        // Rounds 4g..4g + 4, made when round 4g comes, so that only four wait in registers.
        let mut group = [u32x4_splat(0); 4];
        rounds!(&mut state, |T| {
            if (1..16).contains(&T) {
                // The same for every digit: W[1..15] are 0 and W[15] the length.
                u32x4_splat(K[T].wrapping_add(if T == 15 { 66 * 8 } else { 0 }))
            } else {
                if T.is_multiple_of(4) {
                    let g = T / 4;
                    group = transpose(rows[0][g], rows[1][g], rows[2][g], rows[3][g]);
                }
                group[T % 4]
            }
        });
        self.words = state;
    }
}

/// The SHA-256 work of `steps` steps of four lanes and nothing else, for the benchmark of what
/// SIMD128 can do (`pos_core::lottery::simd_limit`): per step, one compression with its whole
/// message schedule (message words straight from the state: no hex digits, no packing) and a
/// second one whose `K + W` is one vector per round from a table in memory, as [`Lanes::step`]'s
/// second block would be at best; no comparison. The rounds are [`Lanes::step`]'s own
/// (`rounds!`): the fastest formulation found in V8 (see docs/benchmarks.md for those that
/// were slower). Returns lane 0's first word, so that nothing is left out.
#[target_feature(enable = "simd128")]
pub(crate) fn compressions(steps: u64, seed: u32) -> u32 {
    let mut words = [u32x4(seed, seed ^ 1, seed ^ 2, seed ^ 3); 8];
    // Built at run time, so that the compiler reads it from memory as a lookup would.
    let mut second = [u32x4_splat(0); 64];
    for (t, v) in second.iter_mut().enumerate() {
        *v = u32x4_splat(K[t].wrapping_add(seed.rotate_left(t as u32)));
    }
    let second = core::hint::black_box(second);
    for _ in 0..steps {
        let mut w = [u32x4_splat(0); 16];
        for (i, x) in words.iter().enumerate() {
            w[2 * i] = *x;
            w[2 * i + 1] = *x;
        }
        let mut state = IV.map(|iv| u32x4_splat(iv));
        // The last round's `a ^ b` (in `rounds!`) is for a round that never comes.
        #[allow(unused_assignments)]
        {
            rounds!(&mut state, |T| {
                if (16..).contains(&T) {
                    let w15 = w[(T + 1) % 16];
                    let w2 = w[(T + 14) % 16];
                    let s0 = xor3(rotr(w15, 7), rotr(w15, 18), u32x4_shr(w15, 3));
                    let s1 = xor3(rotr(w2, 17), rotr(w2, 19), u32x4_shr(w2, 10));
                    w[T % 16] = add(add(w[T % 16], s0), add(w[(T + 9) % 16], s1));
                }
                add(u32x4_splat(K[T]), w[T % 16])
            });
            rounds!(&mut state, |T| second[T]);
        }
        words = state;
    }
    u32x4_extract_lane::<0>(words[0])
}
