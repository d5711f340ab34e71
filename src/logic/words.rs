//! Numbers in words, one formatter per kind: digits grouped ([`group`]), counts with their
//! noun ([`count`], [`lots`]), shares as percentages ([`percent`]), hex cut short
//! ([`short_hex`]). Integer arithmetic only.

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

/// The first `n` hex digits, then an ellipsis.
pub fn short_hex(hex: &str, n: usize) -> String {
    if hex.len() <= n {
        hex.to_string()
    } else {
        format!("{}…", &hex[..n])
    }
}
