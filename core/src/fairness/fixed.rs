//! Fixed-point arithmetic for the fairness lab: `u128` values at [`ONE`] = 10^36, products
//! taken exactly in 256 bits, so native and wasm32 builds compute the same numbers.

/// Fixed-point one: 10^36. Probabilities and fractions in the lab are `u128` at this scale.
pub const ONE: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000;

/// `e^-1` at [`ONE`] scale, rounded down.
const EXP_NEG_ONE: u128 = 367_879_441_171_442_321_595_523_770_161_460_867;

/// `ln 2` at [`ONE`] scale, rounded down.
const LN_2: u128 = 693_147_180_559_945_309_417_232_121_458_176_568;

/// `x^n` at [`ONE`], by squaring.
pub(crate) fn pow(mut x: u128, mut n: u64) -> u128 {
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

/// `floor(sqrt(n))` by Newton's method from above.
pub(crate) fn isqrt(n: u128) -> u128 {
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
pub(crate) fn mul_wide(a: u128, b: u128) -> (u128, u128) {
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
pub(crate) fn mul_div(a: u128, b: u128, d: u128) -> u128 {
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

/// `ln(num / den)` at [`ONE`] for `num >= den > 0`: the power of two taken out first
/// (`k ln 2`), then `ln y = 2 atanh((y - 1) / (y + 1))` for the rest `y` in `[1, 2)`, whose
/// series shrinks by at least 9 each term. About 40 terms whatever the ratio, so it runs in
/// bounded time for every `u64` fraction; the error is below `10^-34`.
pub fn ln_ratio(num: u128, mut den: u128) -> u128 {
    if den == 0 || num <= den {
        return 0;
    }
    let mut k = 0u128;
    while den <= num / 2 {
        den *= 2;
        k += 1;
    }
    let z = mul_div(num - den, ONE, num + den);
    let z2 = mul_div(z, z, ONE);
    let (mut t, mut sum, mut j) = (z, z, 1u128);
    loop {
        t = mul_div(t, z2, ONE);
        if t == 0 {
            break;
        }
        sum += t / (2 * j + 1);
        j += 1;
    }
    k * LN_2 + 2 * sum
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

    #[test]
    fn ln_of_powers_of_two_and_e() {
        assert_eq!(ln_ratio(1, 1), 0);
        assert!(ln_ratio(2, 1).abs_diff(LN_2) < 100);
        assert!(ln_ratio(1 << 60, 1).abs_diff(60 * LN_2) < 10_000);
        // ln(e) = 1, with e at 10^36 (rounded down).
        let e = 2_718_281_828_459_045_235_360_287_471_352_662_497u128;
        assert!(ln_ratio(e, ONE).abs_diff(ONE) < 1_000);
        // exp(-ln(x)) = 1 / x.
        let y = ln_ratio(20, 19);
        assert!(exp_neg(y).abs_diff(ONE / 20 * 19) < 1_000);
    }
}
