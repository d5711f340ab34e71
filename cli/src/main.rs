//! `pos`: the playground's chain without a browser.
//!
//! - `pos lottery [--trace]` reads `{"stakers": [[address, stake], ...], "seed": "<hex>"}` on
//!   stdin and prints the draw as JSON.
//! - `pos simulate --nodes N --blocks B --seed S [--latency-ms L] [--jitter-ms J] [--drop P]`
//!   runs the in-memory network and prints a JSON summary; same arguments, same output.
//!
//! Bad input: one line on stderr and exit code 2. So are arguments that would overflow or run
//! without end: more than [`MAX_LOTS`] lots in a draw ([`MAX_TRACE_LOTS`] with `--trace`),
//! stakes whose total overflows, more than [`MAX_SCENARIO_BLOCKS`] blocks or
//! [`MAX_SCENARIO_NODES`] nodes, a latency or jitter above [`MAX_DELAY_MS`].

use pos_core::lottery;
use pos_core::sim::{LinkConfig, Scenario, Simulation, MAX_SCENARIO_BLOCKS, MAX_SCENARIO_NODES};
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

const USAGE: &str = "usage: pos lottery [--trace] < input.json\n       pos simulate --nodes N --blocks B --seed S [--latency-ms L] [--jitter-ms J] [--drop P]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("lottery") => lottery_cmd(&args[1..]),
        Some("simulate") => simulate_cmd(&args[1..]),
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
