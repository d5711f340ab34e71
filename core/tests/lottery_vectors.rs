//! The lottery against every case computed by the Python original (`lottery_vectors.json`, a
//! copy of `shared/vectors/lottery.json`). Runs natively and, through wasm-bindgen-test, in
//! wasm32, so both builds are shown to agree with the Python.

use pos_core::hash::hash_str;
use pos_core::lottery::{
    draw, draw_part, draw_quadratic, for_each_lot, merge_draws, rank, split_stakers, trace,
};
use pos_core::Hash;
use serde::Deserialize;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[derive(Deserialize)]
struct Case {
    stakers: Vec<(String, u64)>,
    seed: String,
    reference: String,
    forger: String,
    #[serde(default)]
    lots: Vec<(String, u64, String)>,
}

#[derive(Deserialize)]
struct Vectors {
    cases: Vec<Case>,
}

fn cases() -> Vec<Case> {
    let v: Vectors =
        serde_json::from_str(include_str!("lottery_vectors.json")).expect("valid vectors");
    assert!(v.cases.len() >= 40, "all cases present");
    v.cases
}

#[test]
fn reference_and_forger_match_python() {
    for (i, c) in cases().iter().enumerate() {
        assert_eq!(
            hash_str(&c.seed).to_hex(),
            c.reference,
            "case {i}: reference"
        );
        let o = draw(&c.stakers, &c.seed).expect("stake");
        assert_eq!(o.reference.to_hex(), c.reference, "case {i}: reference");
        assert_eq!(c.stakers[o.winner.staker].0, c.forger, "case {i}: forger");
    }
}

#[test]
fn every_listed_lot_matches_python() {
    let mut checked = 0;
    for (i, c) in cases().iter().enumerate() {
        if c.lots.is_empty() {
            continue;
        }
        let t = trace(&c.stakers, &c.seed).expect("stake");
        let ours: Vec<(String, u64, String)> = t
            .stakers
            .iter()
            .flat_map(|s| {
                s.lots
                    .iter()
                    .enumerate()
                    .map(move |(k, h)| (s.address.clone(), k as u64 + 1, h.to_hex()))
            })
            .collect();
        assert_eq!(ours, c.lots, "case {i}: lots");
        checked += ours.len();
    }
    assert!(checked > 0);
}

#[test]
fn the_python_quadratic_algorithm_agrees_on_small_cases() {
    for (i, c) in cases().iter().enumerate() {
        if c.stakers.iter().map(|s| s.1).sum::<u64>() > 120 {
            continue;
        }
        let (staker, _) = draw_quadratic(&c.stakers, &c.seed).expect("stake");
        assert_eq!(c.stakers[staker].0, c.forger, "case {i}");
    }
}

#[test]
fn the_ranking_keeps_the_python_winner_first() {
    for (i, c) in cases().iter().enumerate() {
        let r = rank(&c.stakers, &c.seed).expect("stake");
        assert_eq!(
            Some(r.outcome),
            draw(&c.stakers, &c.seed),
            "case {i}: same draw"
        );
        assert_eq!(c.stakers[r.order[0].staker].0, c.forger, "case {i}: rank 0");
        let with_stake = c.stakers.iter().filter(|s| s.1 > 0).count();
        assert_eq!(r.order.len(), with_stake, "case {i}: each staker once");
        assert!(r.order.windows(2).all(|w| w[0].offset <= w[1].offset));
    }
}

/// Tables whose chains the SIMD lanes share unevenly (with the `simd` feature in wasm:
/// `wasm-pack test core --features simd`): every lot arrives exactly once with the trace's
/// value, and the draw, the ranking and a draw split over workers all agree with the trace.
#[test]
fn every_lot_arrives_once_whatever_the_shape_of_the_table() {
    let shapes: Vec<Vec<u64>> = vec![
        vec![300; 10],
        vec![300; 5],
        vec![2000, 3, 1, 0, 7, 1, 1, 40],
        vec![1, 1, 1, 1, 1, 1],
        vec![0, 0, 500],
        vec![17, 250, 9, 250, 1, 64, 64, 128, 5, 300, 2, 33, 0, 81],
    ];
    for (n, stakes) in shapes.iter().enumerate() {
        let stakers: Vec<(String, u64)> = stakes
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("shape{n}-{i}"), *s))
            .collect();
        let seed = Hash::of(&[n as u8, 42]).to_hex();
        let t = trace(&stakers, &seed).expect("lots");
        let mut seen: Vec<Vec<bool>> = stakes.iter().map(|s| vec![false; *s as usize]).collect();
        for_each_lot(&stakers, &seed, |i, k, lot| {
            assert_eq!(t.stakers[i].lots[(k - 1) as usize], lot, "shape {n}");
            assert!(
                !seen[i][(k - 1) as usize],
                "shape {n}: lot {k} of {i} twice"
            );
            seen[i][(k - 1) as usize] = true;
        });
        assert!(seen.iter().flatten().all(|s| *s), "shape {n}: every lot");
        assert_eq!(draw(&stakers, &seed), Some(t.outcome), "shape {n}");
        assert_eq!(rank(&stakers, &seed).map(|r| r.outcome), Some(t.outcome));
        for workers in 1..=4 {
            let parts = split_stakers(&stakers, workers)
                .into_iter()
                .map(|r| draw_part(&stakers[r.clone()], r.start, &seed));
            assert_eq!(merge_draws(parts), Some(t.outcome), "shape {n}, {workers}");
        }
    }
}

/// The SIMD walk (with the `simd` feature in wasm: four chains in the lanes, lots skipped when
/// too far from the reference to matter) against the scalar trace, for 1 to 12 stakers with
/// uneven stakes and several seeds: the same draw, ranking, lots and split draws.
#[test]
fn the_lanes_agree_with_the_scalar_walk_for_any_number_of_stakers() {
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for n in 1..=12usize {
        for round in 0..3u8 {
            let stakers: Vec<(String, u64)> = (0..n)
                .map(|i| {
                    let stake = match next() % 8 {
                        0 => 0,
                        1 => 1,
                        2 => 2 + next() % 5,
                        3 => 900 + next() % 700,
                        _ => 20 + next() % 200,
                    };
                    (format!("staker{n}-{round}-{i}"), stake)
                })
                .collect();
            let seed = Hash::of(&[n as u8, round, 7]).to_hex();
            let what = format!(
                "{n} stakers, round {round}: {:?}",
                stakers.iter().map(|s| s.1).collect::<Vec<_>>()
            );
            let Some(t) = trace(&stakers, &seed) else {
                assert_eq!(draw(&stakers, &seed), None, "{what}");
                continue;
            };
            assert_eq!(draw(&stakers, &seed), Some(t.outcome), "{what}");
            assert_eq!(
                rank(&stakers, &seed).map(|r| r.outcome),
                Some(t.outcome),
                "{what}"
            );
            let mut count = 0u64;
            for_each_lot(&stakers, &seed, |i, k, lot| {
                assert_eq!(t.stakers[i].lots[(k - 1) as usize], lot, "{what}");
                count += 1;
            });
            assert_eq!(count, t.outcome.total_lots, "{what}");
            for workers in [2, 3] {
                let parts = split_stakers(&stakers, workers)
                    .into_iter()
                    .map(|r| draw_part(&stakers[r.clone()], r.start, &seed));
                assert_eq!(
                    merge_draws(parts),
                    Some(t.outcome),
                    "{what}, {workers} workers"
                );
            }
        }
    }
}
