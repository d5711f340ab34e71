//! Numbers in words, one formatter per kind: digits grouped ([`group`]), counts with their
//! noun ([`count`], [`lots`]), shares as percentages ([`percent`]), hex cut short
//! ([`short_hex`]), decimals ([`fixed`]). Integer arithmetic only.

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
    format!("{} %", hundredths(bp))
}

/// `part / whole` in percent, two decimals, no sign: `"45.27"` (the `/info` view's
/// `sharePercent`; `"0.00"` when `whole` is 0).
pub fn percent_number(part: u64, whole: u64) -> String {
    let bp = (part as u128 * 10_000)
        .checked_div(whole as u128)
        .unwrap_or(0);
    hundredths(bp)
}

/// A number of hundredths with two decimals: 4527 is `"45.27"`.
pub fn hundredths(n: impl Into<u128>) -> String {
    let n = n.into();
    format!("{}.{:02}", n / 100, n % 100)
}

/// `x` with `decimals` digits after the point (at most 9), rounded half away from zero: the
/// one formatter for drawn coordinates, shares on an axis and measured times, so every
/// decimal on the page rounds one way. A value that is not finite prints as 0.
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals);
    let scaled = (x.abs() * scale as f64).round();
    // `as` saturates: a huge value prints as u64::MAX units, NaN as 0.
    let n = if scaled.is_finite() { scaled as u64 } else { 0 };
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{n}");
    }
    let width = decimals as usize;
    format!("{sign}{}.{:0width$}", n / scale, n % scale)
}

/// The first `n` hex digits, then an ellipsis.
pub fn short_hex(hex: &str, n: usize) -> String {
    if hex.len() <= n {
        hex.to_string()
    } else {
        format!("{}…", &hex[..n])
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn fixed_rounds_as_written() {
        for (x, d, text) in [
            (0.0, 1, "0.0"),
            (12.34, 1, "12.3"),
            (12.26, 1, "12.3"),
            (12.349, 2, "12.35"),
            (-3.06, 1, "-3.1"),
            (-0.04, 1, "0.0"),
            (99.96, 1, "100.0"),
            (216.0, 0, "216"),
            (0.5, 0, "1"),
            (1.0 / 3.0, 4, "0.3333"),
            (f64::NAN, 2, "0.00"),
            (f64::INFINITY, 0, "0"),
        ] {
            assert_eq!(fixed(x, d), text, "{x} to {d} decimals");
        }
    }
}
