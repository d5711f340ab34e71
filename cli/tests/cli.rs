//! The `pos` binary end to end: the Python's lottery vectors through stdin, errors with exit
//! code 2, and simulations that print the same bytes for the same arguments.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

fn pos(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pos"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pos runs");
    if let Some(mut input) = child.stdin.take() {
        // A command that does not read stdin may exit first: a closed pipe is fine.
        let _ = input.write_all(stdin.as_bytes());
    }
    child.wait_with_output().expect("pos exits")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn lottery_agrees_with_every_python_vector() {
    let vectors: serde_json::Value =
        serde_json::from_str(include_str!("../../core/tests/lottery_vectors.json"))
            .expect("vectors");
    for case in vectors["cases"].as_array().expect("cases") {
        let input = serde_json::json!({ "stakers": case["stakers"], "seed": case["seed"] });
        let v = json(&pos(&["lottery"], &input.to_string()));
        assert_eq!(v["reference"], case["reference"]);
        assert_eq!(v["forger"], case["forger"]);
        if let Some(lots) = case.get("lots") {
            let t = json(&pos(&["lottery", "--trace"], &input.to_string()));
            assert_eq!(&t["lots"], lots);
        }
    }
}

#[test]
fn bad_input_is_one_line_on_stderr_and_exit_code_2() {
    for (args, stdin) in [
        (vec!["lottery"], "{not json"),
        (vec!["lottery"], r#"{"stakers": [["a", -1]], "seed": "00"}"#),
        (vec!["lottery"], r#"{"stakers": [], "seed": "00"}"#),
        (vec!["lottery", "--fast"], "{}"),
        (vec!["simulate", "--nodes", "3"], ""),
        (
            vec![
                "simulate", "--nodes", "3", "--blocks", "5", "--seed", "1", "--drop", "2",
            ],
            "",
        ),
        (vec!["fly"], ""),
        (
            vec![
                "simulate",
                "--nodes",
                "3",
                "--blocks",
                "18446744073709551615",
                "--seed",
                "1",
            ],
            "",
        ),
        (
            vec![
                "simulate",
                "--nodes",
                "3",
                "--blocks",
                "5",
                "--seed",
                "1",
                "--latency-ms",
                "18446744073709551615",
            ],
            "",
        ),
        (
            vec!["lottery"],
            r#"{"stakers": [["a", 18446744073709551615]], "seed": "00"}"#,
        ),
        (
            vec!["lottery"],
            r#"{"stakers": [["a", 9223372036854775808], ["b", 9223372036854775808]], "seed": "00"}"#,
        ),
        (
            vec!["lottery", "--trace"],
            r#"{"stakers": [["a", 2000000]], "seed": "00"}"#,
        ),
    ] {
        let out = pos(&args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn simulate_is_deterministic_and_converges() {
    let args = [
        "simulate",
        "--nodes",
        "4",
        "--blocks",
        "40",
        "--seed",
        "9",
        "--latency-ms",
        "30",
        "--drop",
        "0.05",
    ];
    let a = pos(&args, "");
    let b = pos(&args, "");
    assert_eq!(a.stdout, b.stdout, "same arguments, same bytes");
    let v = json(&a);
    assert!(v["height"].as_u64().expect("height") >= 40);
    assert_eq!(v["converged"], true);
    let forged: u64 = v["stakers"]
        .as_array()
        .expect("stakers")
        .iter()
        .map(|s| s["blocksForged"].as_u64().expect("count"))
        .sum();
    assert!(forged >= 40);
}

const SEED: &str = "abababababababababababababababababababababababababababababababab";

/// `pos fairness` runs every rule: the summary's counts add up, its trace replays the same
/// rounds from their seeds, and the same arguments give the same bytes.
#[test]
fn fairness_runs_every_rule_with_a_summary_and_a_trace() {
    for rule in [
        "lots", "weighted", "cometbft", "ethereum", "algorand", "praos",
    ] {
        let args = [
            "fairness", "--rule", rule, "--stakes", "10,30,60", "--seed", SEED, "--rounds", "200",
        ];
        let v = json(&pos(&args, ""));
        assert_eq!(v["rule"], rule);
        assert_eq!(v["rounds"], 200);
        let wins: u64 = v["wins"]
            .as_array()
            .expect("wins")
            .iter()
            .map(|w| w.as_u64().expect("a count"))
            .sum();
        let several = v["sharedRounds"].as_u64().expect("shared");
        let empty = v["emptyRounds"].as_u64().expect("empty");
        if several == 0 {
            assert_eq!(wins + empty, 200, "{rule}");
        }
        for key in ["chiSquare", "chiSquareExpected"] {
            let p = v[key]["pValue"].as_f64().expect("a p-value");
            assert!((0.0..=1.0).contains(&p), "{rule} {key}: {p}");
            assert!(v[key]["verdict"].is_string());
        }
        assert_eq!(v["expected"]["shares"].as_array().map(Vec::len), Some(3));
        assert_eq!(pos(&args, "").stdout, pos(&args, "").stdout, "{rule}");

        let mut trace_args = args.to_vec();
        trace_args.push("--trace");
        let out = pos(&trace_args, "");
        assert!(out.status.success());
        let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(lines.len(), 200);
        assert_eq!(lines[0]["seed"], SEED);
        let mut traced = [0u64; 3];
        for l in &lines {
            for w in l["winners"].as_array().expect("winners") {
                traced[w.as_u64().expect("index") as usize] += 1;
            }
        }
        assert_eq!(serde_json::json!(traced), v["wins"], "{rule}");
    }
}

#[test]
fn fairness_bad_input_is_one_line_and_exit_code_2() {
    for args in [
        vec![
            "fairness", "--rule", "pow", "--stakes", "1", "--seed", SEED, "--rounds", "1",
        ],
        vec![
            "fairness", "--rule", "lots", "--stakes", "1,x", "--seed", SEED, "--rounds", "1",
        ],
        vec![
            "fairness", "--rule", "lots", "--stakes", "0,0", "--seed", SEED, "--rounds", "1",
        ],
        vec![
            "fairness", "--rule", "lots", "--stakes", "1", "--seed", "abc", "--rounds", "1",
        ],
        vec![
            "fairness", "--rule", "lots", "--stakes", "1", "--seed", SEED, "--rounds", "0",
        ],
        vec![
            "fairness", "--rule", "lots", "--stakes", "1", "--seed", SEED,
        ],
        vec![
            "fairness",
            "--rule",
            "algorand",
            "--stakes",
            "1",
            "--seed",
            SEED,
            "--rounds",
            "1",
            "--committee",
            "65",
        ],
        vec![
            "fairness",
            "--rule",
            "praos",
            "--stakes",
            "1",
            "--seed",
            SEED,
            "--rounds",
            "1",
            "--active-slots",
            "1/1",
        ],
        vec![
            "fairness", "--rule", "lots", "--stakes", "1000000", "--seed", SEED, "--rounds", "1000",
        ],
        vec![
            "fairness", "--rule", "lots", "--stakes", "1", "--seed", SEED, "--rounds", "1",
            "--trace", "--rounds", "2000000",
        ],
    ] {
        let out = pos(&args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("pos: "), "{err}");
        assert!(out.stdout.is_empty());
    }
}
