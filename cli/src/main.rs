//! `pos`: the playground's chain without a browser.
//!
//! - `pos lottery [--trace]` reads `{"stakers": [[address, stake], ...], "seed": "<hex>"}` on
//!   stdin and prints the draw as JSON.
//! - `pos simulate --nodes N --blocks B --seed S [--latency-ms L] [--jitter-ms J] [--drop P]`
//!   runs the in-memory network and prints a JSON summary; same arguments, same output.
//! - `pos fairness --rule NAME --stakes 10,30,60 --seed <64 hex> --rounds N [--trace]
//!   [--committee T] [--active-slots F]` runs one of the fairness lab's rules and prints a
//!   summary as JSON (wins, shares, what the rule is expected to give, both chi-square tests
//!   and their verdicts); with `--trace`, one JSON object per line per round instead:
//!   `{"seed": "<hex>", "winners": [...], "weights": [...]}`, the seed being the one that
//!   round was drawn from. `F` is a fraction (`1/20`) or a decimal (`0.05`).
//!
//! Bad input: one line on stderr and exit code 2. So are arguments that would overflow or run
//! without end: more than [`MAX_LOTS`] lots in a draw ([`MAX_TRACE_LOTS`] with `--trace`),
//! stakes whose total overflows, more than [`MAX_SCENARIO_BLOCKS`] blocks or
//! [`MAX_SCENARIO_NODES`] nodes, a latency or jitter above [`MAX_DELAY_MS`].

use pos_core::fairness::{self, ChiSquare, Lab, Params, Rule, Verdict, SHARE_ONE};
use pos_core::lottery;
use pos_core::sim::{LinkConfig, Scenario, Simulation, MAX_SCENARIO_BLOCKS, MAX_SCENARIO_NODES};
use pos_core::Hash;
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::{Read as _, Write as _};
use std::process::ExitCode;

/// Most lots `pos lottery` draws: one hash each, about half a minute at 10⁸.
const MAX_LOTS: u64 = 100_000_000;

/// Most lots `pos lottery --trace` prints: it keeps and prints every one (about 100 bytes each).
const MAX_TRACE_LOTS: u64 = 1_000_000;

/// Longest latency or jitter `pos simulate` takes (ms).
const MAX_DELAY_MS: u64 = 60_000;

/// Most rounds `pos fairness` runs, and prints with `--trace`.
const MAX_ROUNDS: u64 = 10_000_000;
const MAX_TRACE_ROUNDS: u64 = 1_000_000;

/// Most stakers `pos fairness` takes (Algorand and Praos draw for each, every round).
const MAX_STAKERS: usize = 10_000;

const USAGE: &str = "usage: pos lottery [--trace] < input.json\n       pos simulate --nodes N --blocks B --seed S [--latency-ms L] [--jitter-ms J] [--drop P]\n       pos fairness --rule lots|weighted|cometbft|ethereum|algorand|praos --stakes 10,30,60 --seed <64 hex> --rounds N [--trace] [--committee T] [--active-slots F]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("lottery") => lottery_cmd(&args[1..]),
        Some("simulate") => simulate_cmd(&args[1..]),
        Some("fairness") => match fairness_cmd(&args[1..]) {
            // The trace went out line by line.
            Ok(None) => return ExitCode::SUCCESS,
            Ok(Some(v)) => Ok(v),
            Err(e) => Err(e),
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(format!("unknown command\n{USAGE}")),
    };
    match result {
        Ok(v) => {
            // A closed pipe (`pos … | head`) is not an error worth a panic.
            let text = serde_json::to_string_pretty(&v).unwrap_or_default();
            let _ = writeln!(std::io::stdout(), "{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("pos: {}", e.lines().next().unwrap_or("error"));
            ExitCode::from(2)
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LotteryInput {
    stakers: Vec<(String, u64)>,
    seed: String,
}

fn lottery_cmd(args: &[String]) -> Result<Value, String> {
    let mut want_trace = false;
    for a in args {
        match a.as_str() {
            "--trace" => want_trace = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    let input: LotteryInput =
        serde_json::from_str(&text).map_err(|e| format!("bad input JSON: {e}"))?;
    let total = input
        .stakers
        .iter()
        .try_fold(0u64, |t, (_, s)| t.checked_add(*s))
        .ok_or("the stakes add up to more than 2^64 - 1 lots")?;
    let limit = if want_trace { MAX_TRACE_LOTS } else { MAX_LOTS };
    if total > limit {
        return Err(format!(
            "{total} lots: at most {limit}{} (one hash each)",
            if want_trace { " with --trace" } else { "" }
        ));
    }
    let lot_json = |l: &lottery::Lot| {
        json!({
            "staker": input.stakers[l.staker].0,
            "k": l.k,
            "hash": l.hash,
            "offset": l.offset,
        })
    };
    // The full trace only when asked: it keeps every lot in memory.
    let (outcome, lots) = if want_trace {
        let t = lottery::trace(&input.stakers, &input.seed).ok_or("no staker has any stake")?;
        let lots: Vec<Value> = t
            .stakers
            .iter()
            .flat_map(|s| {
                s.lots
                    .iter()
                    .enumerate()
                    .map(move |(i, h)| json!([s.address, i + 1, h]))
            })
            .collect();
        (t.outcome, Some(lots))
    } else {
        let o = lottery::draw(&input.stakers, &input.seed).ok_or("no staker has any stake")?;
        (o, None)
    };
    let mut out = json!({
        "seed": input.seed,
        "reference": outcome.reference,
        "forger": input.stakers[outcome.winner.staker].0,
        "winner": lot_json(&outcome.winner),
        "runnerUp": outcome.runner_up.as_ref().map(lot_json),
        "totalLots": outcome.total_lots,
    });
    if let (Some(lots), Some(map)) = (lots, out.as_object_mut()) {
        map.insert("lots".into(), Value::Array(lots));
    }
    Ok(out)
}

fn parse_num<T: std::str::FromStr>(name: &str, v: Option<&String>) -> Result<T, String> {
    let v = v.ok_or(format!("{name} needs a value"))?;
    v.parse()
        .map_err(|_| format!("{name}: '{v}' is not a valid number"))
}

/// A probability such as `0.1` as parts per million, parsed exactly (no floats).
fn parse_ppm(v: Option<&String>) -> Result<u32, String> {
    let v = v.ok_or("--drop needs a value")?;
    let bad = || format!("--drop: '{v}' is not a probability between 0 and 1");
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if frac.len() > 6 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let int: u32 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| bad())?
    };
    let frac_ppm: u32 = format!("{frac:0<6}").parse().map_err(|_| bad())?;
    let ppm = int
        .checked_mul(1_000_000)
        .and_then(|i| i.checked_add(frac_ppm))
        .ok_or_else(bad)?;
    if ppm > 1_000_000 {
        return Err(bad());
    }
    Ok(ppm)
}

fn simulate_cmd(args: &[String]) -> Result<Value, String> {
    let (mut nodes, mut blocks, mut seed) = (None, None, None);
    let mut link = LinkConfig::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--nodes" => nodes = Some(parse_num::<usize>(a, it.next())?),
            "--blocks" => blocks = Some(parse_num::<u64>(a, it.next())?),
            "--seed" => seed = Some(parse_num::<u64>(a, it.next())?),
            "--latency-ms" => link.latency_ms = parse_num(a, it.next())?,
            "--jitter-ms" => link.jitter_ms = parse_num(a, it.next())?,
            "--drop" => link.drop_ppm = parse_ppm(it.next())?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    let nodes = nodes.ok_or("--nodes is required")?;
    let blocks = blocks.ok_or("--blocks is required")?;
    let seed = seed.ok_or("--seed is required")?;
    if !(1..=MAX_SCENARIO_NODES).contains(&nodes) {
        return Err(format!(
            "--nodes must be between 1 and {MAX_SCENARIO_NODES}"
        ));
    }
    if blocks > MAX_SCENARIO_BLOCKS {
        return Err(format!("--blocks must be at most {MAX_SCENARIO_BLOCKS}"));
    }
    if link.latency_ms > MAX_DELAY_MS || link.jitter_ms > MAX_DELAY_MS {
        return Err(format!(
            "--latency-ms and --jitter-ms must be at most {MAX_DELAY_MS}"
        ));
    }
    if link.drop_ppm >= 1_000_000 {
        return Err("--drop must be below 1: no message would arrive".into());
    }
    let mut scenario = Scenario::new(nodes, blocks, seed);
    scenario.link = link;
    let summary = Simulation::new(scenario).run();
    serde_json::to_value(summary).map_err(|e| e.to_string())
}

/// `F` as a fraction `n/d`, or a decimal parsed exactly as `digits / 10^places`.
fn parse_fraction(v: Option<&String>) -> Result<(u64, u64), String> {
    let v = v.ok_or("--active-slots needs a value")?;
    let bad = || format!("--active-slots: '{v}' is not a fraction like 1/20 or 0.05");
    if let Some((n, d)) = v.split_once('/') {
        return Ok((n.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?));
    }
    let (int, frac) = v.split_once('.').unwrap_or((v, ""));
    if frac.len() > 18 || !frac.bytes().all(|b| b.is_ascii_digit()) || int.len() > 1 {
        return Err(bad());
    }
    let den = 10u64.pow(frac.len() as u32);
    let int: u64 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| bad())?
    };
    let frac: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| bad())?
    };
    let num = int
        .checked_mul(den)
        .and_then(|i| i.checked_add(frac))
        .ok_or_else(bad)?;
    Ok((num, den))
}

fn parse_stakes(v: Option<&String>) -> Result<Vec<u64>, String> {
    let v = v.ok_or("--stakes needs a value")?;
    let stakes = v
        .split(',')
        .map(|s| {
            s.trim()
                .parse::<u64>()
                .map_err(|_| format!("--stakes: '{s}' is not a whole number of tokens"))
        })
        .collect::<Result<Vec<u64>, String>>()?;
    if stakes.len() > MAX_STAKERS {
        return Err(format!(
            "--stakes: {} stakers, at most {MAX_STAKERS}",
            stakes.len()
        ));
    }
    stakes
        .iter()
        .try_fold(0u64, |t, s| t.checked_add(*s))
        .ok_or("--stakes add up to more than 2^64 - 1")?;
    if stakes.iter().all(|s| *s == 0) {
        return Err("--stakes: nobody has stake".into());
    }
    Ok(stakes)
}

/// A chi-square test as JSON: the statistic and p-value as decimals, the verdict by name.
fn chi_json(chi: &ChiSquare, counted: u64) -> Value {
    json!({
        "statistic": if chi.statistic_milli == u64::MAX {
            Value::Null
        } else {
            json!(chi.statistic_milli as f64 / 1000.0)
        },
        "degrees": chi.degrees,
        "pValue": f64::from(chi.p_value_ppm) / 1e6,
        "verdict": Verdict::of(chi, counted).name(),
    })
}

fn shares_json(parts: &[u64]) -> Vec<f64> {
    let sum: u128 = parts.iter().map(|p| u128::from(*p)).sum();
    parts
        .iter()
        // Millionths, computed in integers, then printed as a decimal.
        .map(|p| {
            (u128::from(*p) * 1_000_000)
                .checked_div(sum)
                .map_or(0.0, |m| m as f64 / 1e6)
        })
        .collect()
}

fn fraction_json(x: u64) -> f64 {
    (x / (SHARE_ONE / 1_000_000_000)) as f64 / 1e9
}

fn fairness_cmd(args: &[String]) -> Result<Option<Value>, String> {
    let (mut rule, mut stakes, mut seed, mut rounds) = (None, None, None, None);
    let mut params = Params::default();
    let mut want_trace = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rule" => {
                let v = it.next().ok_or("--rule needs a value")?;
                rule = Some(v.parse::<Rule>().map_err(|e| e.to_string())?);
            }
            "--stakes" => stakes = Some(parse_stakes(it.next())?),
            "--seed" => {
                let v = it.next().ok_or("--seed needs a value")?;
                seed = Some(
                    Hash::from_hex(v).map_err(|_| format!("--seed: '{v}' is not 64 hex digits"))?,
                );
            }
            "--rounds" => rounds = Some(parse_num::<u64>(a, it.next())?),
            "--committee" => params.committee = parse_num(a, it.next())?,
            "--active-slots" => params.active_slots = parse_fraction(it.next())?,
            "--trace" => want_trace = true,
            other => return Err(format!("unknown option {other}")),
        }
    }
    let rule = rule.ok_or("--rule is required")?;
    let stakes = stakes.ok_or("--stakes is required")?;
    let seed = seed.ok_or("--seed is required")?;
    let rounds = rounds.ok_or("--rounds is required")?;
    let limit = if want_trace {
        MAX_TRACE_ROUNDS
    } else {
        MAX_ROUNDS
    };
    if !(1..=limit).contains(&rounds) {
        return Err(format!(
            "--rounds must be between 1 and {limit}{}",
            if want_trace { " with --trace" } else { "" }
        ));
    }
    let lots: u128 = stakes.iter().map(|s| u128::from(*s)).sum();
    if rule == Rule::Lots && lots * u128::from(rounds) > u128::from(MAX_LOTS) {
        return Err(format!(
            "{lots} lots x {rounds} rounds: at most {MAX_LOTS} lots in all (one hash each)"
        ));
    }
    let mut lab =
        Lab::with_params(stakes.clone(), rule, seed, params).map_err(|e| e.to_string())?;
    let (mut empty, mut shared) = (0u64, 0u64);
    let mut out = std::io::stdout().lock();
    for _ in 0..rounds {
        let round = lab.next_round();
        if want_trace {
            let line = json!({
                "seed": round.seed.to_hex(),
                "winners": round.winners,
                "weights": round.weights,
            });
            if writeln!(out, "{line}").is_err() {
                // A closed pipe: stop quietly.
                return Ok(None);
            }
        }
        match round.winners.len() {
            0 => empty += 1,
            1 => {}
            _ => shared += 1,
        }
    }
    if want_trace {
        return Ok(None);
    }
    let counts = if rule == Rule::Algorand {
        lab.weights()
    } else {
        lab.wins()
    };
    let counted: u64 = counts.iter().sum();
    let expected = fairness::expected(&stakes, rule, params).map_err(|e| e.to_string())?;
    let against_expected = expected
        .as_ref()
        .map(|e| chi_json(&fairness::chi_square(counts, &e.shares), counted));
    Ok(Some(json!({
        "rule": rule.name(),
        "stakes": stakes,
        "seed": seed.to_hex(),
        "rounds": rounds,
        "wins": lab.wins(),
        "votes": lab.weights(),
        "shares": shares_json(counts),
        "stakeShares": shares_json(&stakes),
        "expected": expected.as_ref().map(|e| json!({
            "shares": shares_json(&e.shares),
            "empty": fraction_json(e.empty),
            "single": fraction_json(e.single),
            "several": fraction_json(e.several),
        })),
        "emptyRounds": empty,
        "sharedRounds": shared,
        "chiSquare": chi_json(&fairness::chi_square(counts, &stakes), counted),
        "chiSquareExpected": against_expected,
    })))
}
