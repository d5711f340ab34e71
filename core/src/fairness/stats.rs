//! The chi-square goodness-of-fit test the lab runs on its counts, in integers: the statistic
//! exactly, the p-value by closed forms of the incomplete gamma function.

use super::fixed::{exp_neg, isqrt, mul_div, ONE};
use super::total;
use serde::{Deserialize, Serialize};

/// `2 / sqrt(pi)` at [`ONE`] scale, rounded down.
const TWO_OVER_SQRT_PI: u128 = 1_128_379_167_095_512_573_896_158_903_121_545_171;

/// A chi-square goodness-of-fit test of counts against shares.
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
/// staker `i` are `N * s_i / S`. Stakers without stake and without wins are left out. The
/// weights may be any shares: the stake table ("does the rule follow stake?") or a rule's
/// [`crate::fairness::Expected::shares`] ("does it do what its designers intended?").
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

/// What a test's p-value says, in five steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// Not enough wins to test (fewer than 5, or a single staker).
    TooFew,
    /// Closer to the expected counts than chance would be (p > 0.999): a deterministic rule.
    Exact,
    /// Fits the expected counts (p >= 0.05).
    Fits,
    /// Borderline (0.001 <= p < 0.05).
    Borderline,
    /// Does not follow the expected counts (p < 0.001).
    Deviates,
}

impl Verdict {
    /// The verdict of a test over `wins` wins in all.
    pub fn of(chi: &ChiSquare, wins: u64) -> Verdict {
        if wins < 5 || chi.degrees == 0 {
            Verdict::TooFew
        } else if chi.p_value_ppm > 999_000 {
            Verdict::Exact
        } else if chi.p_value_ppm >= 50_000 {
            Verdict::Fits
        } else if chi.p_value_ppm >= 1_000 {
            Verdict::Borderline
        } else {
            Verdict::Deviates
        }
    }

    /// The verdict's name, as it is serialized.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::TooFew => "tooFew",
            Verdict::Exact => "exact",
            Verdict::Fits => "fits",
            Verdict::Borderline => "borderline",
            Verdict::Deviates => "deviates",
        }
    }
}
