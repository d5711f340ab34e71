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
    i32x4_mul, u32x4_add, u32x4_extract_lane, u32x4_replace_lane, u32x4_shl, u32x4_shr,
    u32x4_splat, v128, v128_and, v128_bitselect, v128_or, v128_xor,
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

/// One SHA-256 compression of `block` (16 message words per lane) into `state`. `Ch` and
/// `Maj` are one and two instructions with `v128.bitselect`: `Ch(e, f, g)` takes `f` where `e`
/// has a 1 and `g` elsewhere; `Maj(a, b, c)` is `a` where `a` and `c` agree, else `b`.
#[inline]
#[target_feature(enable = "simd128")]
fn compress(state: &mut [v128; 8], block: &[v128; 16]) {
    let mut w = *block;
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    // Round T, with word T of the schedule in w[T % 16].
    macro_rules! round {
        ($t:expr) => {
            let big_s1 = xor3(rotr(e, 6), rotr(e, 11), rotr(e, 25));
            let ch = v128_bitselect(f, g, e);
            let t1 = add(add(h, big_s1), add(ch, add(u32x4_splat(K[$t]), w[$t % 16])));
            let big_s0 = xor3(rotr(a, 2), rotr(a, 13), rotr(a, 22));
            let maj = v128_bitselect(b, a, v128_xor(a, c));
            let t2 = add(big_s0, maj);
            h = g;
            g = f;
            f = e;
            e = add(d, t1);
            d = c;
            c = b;
            b = a;
            a = add(t1, t2);
        };
    }
    unroll!(T in [0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15] {
        round!(T);
    });
    unroll!(T in [
        16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39
        40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63
    ] {
        // w[T] over the window: w[T - 16] + σ0(w[T - 15]) + w[T - 7] + σ1(w[T - 2]).
        let w15 = w[(T + 1) % 16];
        let w2 = w[(T + 14) % 16];
        let s0 = xor3(rotr(w15, 7), rotr(w15, 18), u32x4_shr(w15, 3));
        let s1 = xor3(rotr(w2, 17), rotr(w2, 19), u32x4_shr(w2, 10));
        w[T % 16] = add(add(w[T % 16], s0), add(w[(T + 9) % 16], s1));
        round!(T);
    });
    for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = add(*s, v);
    }
}

/// Lowercase hex digits of the nibbles in each byte (0..=15): `'0' + x`, plus 39 for `x >= 10`
/// (`'a' - '0' - 10`). `(x + 6) >> 4` is 1 exactly when `x >= 10`, and no byte carries into
/// the next.
#[inline]
#[target_feature(enable = "simd128")]
fn ascii(x: v128) -> v128 {
    let letters = v128_and(
        u32x4_shr(add(x, u32x4_splat(0x0606_0606)), 4),
        u32x4_splat(0x0101_0101),
    );
    add(
        add(x, u32x4_splat(0x3030_3030)),
        i32x4_mul(letters, u32x4_splat(39)),
    )
}

/// The four hex digits of a 16-bit value (the low half of each lane), as a big-endian word:
/// the top nibble becomes the first character.
#[inline]
#[target_feature(enable = "simd128")]
fn hex16(v: v128) -> v128 {
    let n3 = v128_and(u32x4_shl(v, 12), u32x4_splat(0x0f00_0000));
    let n2 = v128_and(u32x4_shl(v, 8), u32x4_splat(0x000f_0000));
    let n1 = v128_and(u32x4_shl(v, 4), u32x4_splat(0x0000_0f00));
    let n0 = v128_and(v, u32x4_splat(0x0000_000f));
    ascii(v128_or(v128_or(n3, n2), v128_or(n1, n0)))
}

/// Four chains' current lots, word-sliced: `words[i]` holds big-endian word `i` of each lane's
/// digest. [`Lanes::step`] hashes all four without taking the lanes apart.
pub(crate) struct Lanes {
    words: [v128; 8],
}

impl Lanes {
    /// Four empty lanes.
    #[target_feature(enable = "simd128")]
    pub(crate) fn new() -> Lanes {
        Lanes {
            words: [u32x4_splat(0); 8],
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

    /// The four digests.
    #[target_feature(enable = "simd128")]
    pub(crate) fn digests(&self) -> [[u8; 32]; 4] {
        let mut out = [[0u8; 32]; 4];
        for (i, w) in self.words.iter().enumerate() {
            let lanes = [
                u32x4_extract_lane::<0>(*w),
                u32x4_extract_lane::<1>(*w),
                u32x4_extract_lane::<2>(*w),
                u32x4_extract_lane::<3>(*w),
            ];
            for (lane, x) in lanes.iter().enumerate() {
                out[lane][4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
            }
        }
        out
    }

    /// The next lot of each chain: `H` of each digest, i.e. SHA-256 over the 66 bytes
    /// `"<64 hex digits>"`, padded to two blocks.
    #[target_feature(enable = "simd128")]
    pub(crate) fn step(&mut self) {
        // The hex digits as 16 big-endian words of four characters each.
        let mut hex = [u32x4_splat(0); 16];
        for (i, w) in self.words.iter().enumerate() {
            hex[2 * i] = hex16(u32x4_shr(*w, 16));
            hex[2 * i + 1] = hex16(v128_and(*w, u32x4_splat(0xffff)));
        }
        // The message is one byte behind the digits (the opening quote): word j takes the
        // last character of digit word j - 1 and the first three of digit word j.
        let mut first = [u32x4_splat(0); 16];
        let mut before = u32x4_splat(u32::from(b'"'));
        for (word, digits) in first.iter_mut().zip(&hex) {
            *word = v128_or(u32x4_shl(before, 24), u32x4_shr(*digits, 8));
            before = *digits;
        }
        let mut second = [u32x4_splat(0); 16];
        // The last digit, the closing quote, the padding bit; then the length: 66 * 8 bits.
        second[0] = v128_or(u32x4_shl(hex[15], 24), u32x4_splat(0x0022_8000));
        second[15] = u32x4_splat(66 * 8);
        let mut state = [u32x4_splat(0); 8];
        for (s, iv) in state.iter_mut().zip(IV) {
            *s = u32x4_splat(iv);
        }
        compress(&mut state, &first);
        compress(&mut state, &second);
        self.words = state;
    }
}
