//! Plural categories by the rules of the Unicode CLDR, read from text.
//!
//! A language names its rules in its entry of `www/lang/languages.json`, in the syntax of
//! CLDR's plural-rules chart, one condition per category (`"one": "i = 1 and v = 0"`); a
//! number none of them matches is `other`. So a teacher who adds a language copies its line
//! from the chart, and no rule is compiled into the module.
//!
//! The grammar (CLDR's, without the `@integer`/`@decimal` samples, which are ignored):
//!
//! ```text
//! condition     = and_condition ('or' and_condition)*
//! and_condition = relation ('and' relation)*
//! relation      = expr ('=' | '!=') range_list
//! expr          = operand ('%' value)?
//! operand       = 'n' | 'i' | 'v' | 'w' | 'f' | 't' | 'c' | 'e'
//! range_list    = (value | value '..' value) (',' range_list)*
//! ```
//!
//! Operands are taken from the number as written (its decimal digits count: "1.0" is `v = 1`),
//! in integers: `n` is compared by its integer part and whether it has a fraction.

use std::fmt;

/// The plural categories CLDR names, in its order.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A rule that could not be read, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The category whose rule it is.
    pub category: String,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the plural rule for \"{}\" cannot be read: {}",
            self.category, self.reason
        )
    }
}

impl std::error::Error for RuleError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operand {
    N,
    I,
    V,
    W,
    F,
    T,
    E,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Relation {
    operand: Operand,
    modulo: Option<u64>,
    equal: bool,
    ranges: Vec<(u64, u64)>,
}

/// `or` of `and`s of relations.
type Condition = Vec<Vec<Relation>>;

/// A language's plural rules: a condition per category other than `other`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PluralRules {
    rules: Vec<(&'static str, Condition)>,
}

/// The operands of a number as written ("3", "1.50", "-2").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operands {
    /// Integer part (absolute).
    i: u64,
    /// Visible fraction digits.
    v: u64,
    /// Visible fraction digits without trailing zeros.
    w: u64,
    /// The fraction as written, as an integer.
    f: u64,
    /// The fraction without trailing zeros, as an integer.
    t: u64,
}

impl Operands {
    /// The operands of an integer.
    pub fn integer(n: i64) -> Operands {
        Operands {
            i: n.unsigned_abs(),
            v: 0,
            w: 0,
            f: 0,
            t: 0,
        }
    }

    /// The operands of a decimal written as `text` ("1.50", "-0.5"); `None` if it is not one.
    pub fn decimal(text: &str) -> Option<Operands> {
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty()
            || int.len() > 18
            || frac.len() > 18
            || !all_digits(int)
            || !all_digits(frac)
        {
            return None;
        }
        let trimmed = frac.trim_end_matches('0');
        let number = |s: &str| {
            if s.is_empty() {
                Some(0)
            } else {
                s.parse().ok()
            }
        };
        Some(Operands {
            i: int.parse().ok()?,
            v: frac.len() as u64,
            w: trimmed.len() as u64,
            f: number(frac)?,
            t: number(trimmed)?,
        })
    }

    fn value(&self, operand: Operand) -> u64 {
        match operand {
            Operand::N | Operand::I => self.i,
            Operand::V => self.v,
            Operand::W => self.w,
            Operand::F => self.f,
            Operand::T => self.t,
            Operand::E => 0,
        }
    }
}

impl PluralRules {
    /// Reads the rules of one language: `(category, condition)` pairs. A category outside
    /// CLDR's six, a rule for `other`, or a condition that does not parse is refused.
    pub fn parse<'a>(
        rules: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<PluralRules, RuleError> {
        let mut out = Vec::new();
        for (category, text) in rules {
            let error = |reason: String| RuleError {
                category: category.to_string(),
                reason,
            };
            let Some(name) = CATEGORIES.iter().find(|c| **c == category) else {
                return Err(error(format!(
                    "the categories are {}",
                    CATEGORIES.join(", ")
                )));
            };
            if *name == "other" {
                return Err(error(
                    "\"other\" is what no rule matches: give it no rule".into(),
                ));
            }
            // The samples after '@' are examples, not part of the rule.
            let text = text.split('@').next().unwrap_or_default();
            out.push((*name, condition(text).map_err(error)?));
        }
        out.sort_by_key(|(name, _)| CATEGORIES.iter().position(|c| c == name));
        Ok(PluralRules { rules: out })
    }

    /// The category of a number with these operands.
    pub fn category(&self, x: &Operands) -> &'static str {
        for (name, cond) in &self.rules {
            let holds = cond.iter().any(|and| {
                and.iter().all(|r| {
                    let mut value = x.value(r.operand);
                    // `n` with a fraction never equals an integer.
                    let fraction = r.operand == Operand::N && x.t != 0;
                    if let Some(m) = r.modulo {
                        value %= m;
                    }
                    let inside =
                        !fraction && r.ranges.iter().any(|(a, b)| (*a..=*b).contains(&value));
                    inside == r.equal
                })
            });
            if holds {
                return name;
            }
        }
        "other"
    }

    /// The category of an integer.
    pub fn of(&self, n: i64) -> &'static str {
        self.category(&Operands::integer(n))
    }
}

fn condition(text: &str) -> Result<Condition, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("it is empty".into());
    }
    let padded = format!(" {text} ");
    padded
        .split(" or ")
        .map(|and| and.split(" and ").map(relation).collect())
        .collect()
}

fn relation(text: &str) -> Result<Relation, String> {
    if text.trim().is_empty() {
        return Err("a relation is missing beside and/or".into());
    }
    let (left, equal, right) = if let Some((l, r)) = text.split_once("!=") {
        (l, false, r)
    } else if let Some((l, r)) = text.split_once('=') {
        (l, true, r)
    } else {
        return Err(format!("\"{}\" has no = or !=", text.trim()));
    };
    let (operand, modulo) = match left.split_once('%') {
        Some((o, m)) => (o, Some(number(m)?)),
        None => (left, None),
    };
    if modulo == Some(0) {
        return Err("% 0 divides by zero".into());
    }
    let operand = match operand.trim() {
        "n" => Operand::N,
        "i" => Operand::I,
        "v" => Operand::V,
        "w" => Operand::W,
        "f" => Operand::F,
        "t" => Operand::T,
        "c" | "e" => Operand::E,
        other => {
            return Err(format!(
                "\"{other}\" is not an operand (n, i, v, w, f, t, c, e)"
            ))
        }
    };
    let ranges = right
        .split(',')
        .map(|r| match r.split_once("..") {
            Some((a, b)) => {
                let (a, b) = (number(a)?, number(b)?);
                if a > b {
                    return Err(format!("the range {a}..{b} is empty"));
                }
                Ok((a, b))
            }
            None => number(r).map(|v| (v, v)),
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Relation {
        operand,
        modulo,
        equal,
        ranges,
    })
}

fn number(text: &str) -> Result<u64, String> {
    let t = text.trim();
    t.parse()
        .map_err(|_| format!("\"{t}\" is not a whole number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(pairs: &[(&str, &str)]) -> PluralRules {
        PluralRules::parse(pairs.iter().copied()).expect("rules")
    }

    #[test]
    fn english_french_and_polish_by_the_cldr_chart() {
        let en = rules(&[("one", "i = 1 and v = 0 @integer 1")]);
        assert_eq!(en.of(1), "one");
        assert_eq!(en.of(0), "other");
        assert_eq!(en.of(2), "other");
        assert_eq!(
            en.category(&Operands::decimal("1.0").expect("decimal")),
            "other"
        );
        let fr = rules(&[
            ("one", "i = 0,1"),
            (
                "many",
                "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5",
            ),
        ]);
        assert_eq!(fr.of(0), "one");
        assert_eq!(fr.of(1), "one");
        assert_eq!(
            fr.category(&Operands::decimal("1.5").expect("decimal")),
            "one"
        );
        assert_eq!(fr.of(2), "other");
        assert_eq!(fr.of(1_000_000), "many");
        let pl = rules(&[
            ("one", "i = 1 and v = 0"),
            ("few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
            (
                "many",
                "v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14",
            ),
        ]);
        let got: Vec<&str> = [1, 2, 5, 12, 22, 25, 101]
            .iter()
            .map(|n| pl.of(*n))
            .collect();
        assert_eq!(got, ["one", "few", "many", "many", "few", "many", "many"]);
        assert_eq!(
            pl.category(&Operands::decimal("1.5").expect("decimal")),
            "other"
        );
    }

    #[test]
    fn n_with_a_fraction_is_no_integer() {
        let es = rules(&[("one", "n = 1")]);
        assert_eq!(es.of(1), "one");
        assert_eq!(
            es.category(&Operands::decimal("1.5").expect("decimal")),
            "other"
        );
        assert_eq!(
            es.category(&Operands::decimal("1.0").expect("decimal")),
            "one"
        );
    }

    #[test]
    fn bad_rules_are_refused_with_the_reason() {
        for (pairs, words) in [
            (vec![("few", "x = 1")], "not an operand"),
            (vec![("one", "i = 1 and")], "missing beside and/or"),
            (vec![("one", "i 1")], "no = or !="),
            (vec![("one", "i % 0 = 1")], "divides by zero"),
            (vec![("one", "i = 5..2")], "is empty"),
            (vec![("lots", "i = 1")], "the categories are"),
            (vec![("other", "i = 1")], "give it no rule"),
            (vec![("one", "")], "it is empty"),
            (vec![("one", "i = one")], "not a whole number"),
        ] {
            let e = PluralRules::parse(pairs).expect_err(words);
            assert!(e.to_string().contains(words), "{e}");
        }
        assert_eq!(Operands::decimal("1.2.3"), None);
        assert_eq!(Operands::decimal("abc"), None);
        assert_eq!(Operands::decimal(""), None);
    }
}
