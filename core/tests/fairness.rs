//! The fairness lab's rules against known sequences, stake shares and each other.
//! (Floats appear here only as test oracles; the module itself is integer-only.)

use pos_core::fairness::{self, chi_square, Lab, Params, Rule, ONE};
use pos_core::Hash;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn seed() -> Hash {
    Hash::of(b"fairness lab")
}

fn shares(wins: &[u64]) -> Vec<f64> {
    let n: u64 = wins.iter().sum();
    wins.iter().map(|w| *w as f64 / n as f64).collect()
}

#[test]
fn names_round_trip() {
    for rule in Rule::ALL {
        assert_eq!(rule.name().parse::<Rule>(), Ok(rule));
    }
    assert!("pow".parse::<Rule>().is_err());
}

#[test]
fn cometbft_powers_1_and_3_propose_p2_p1_p2_p2() {
    let mut lab = Lab::new(vec![1, 3], Rule::CometBft, seed());
    let proposers: Vec<usize> = (0..8).map(|_| lab.next_round().winners[0]).collect();
    // The cycle repeats every total power (4) rounds.
    assert_eq!(proposers, vec![1, 0, 1, 1, 1, 0, 1, 1]);
}

#[test]
fn cometbft_is_exactly_proportional_over_a_cycle() {
    let mut lab = Lab::new(vec![1, 2, 7], Rule::CometBft, seed());
    lab.run(1000);
    assert_eq!(lab.wins(), &[100, 200, 700]);
    assert_eq!(lab.chi_square().statistic_milli, 0);
}

#[test]
fn seeded_single_winner_rules_follow_stake_shares() {
    let stakes = vec![1, 2, 7];
    for (rule, rounds) in [
        (Rule::Lots, 10_000),
        (Rule::Weighted, 20_000),
        (Rule::Ethereum, 20_000),
    ] {
        let mut lab = Lab::new(stakes.clone(), rule, seed());
        for _ in 0..rounds {
            assert_eq!(lab.next_round().winners.len(), 1, "{rule}");
        }
        // Ethereum accepts stake s with probability (floor(255 s / max) + 1) / 256, so its
        // shares are 37:73:256, within a point of 1:2:7.
        for (got, want) in shares(lab.wins()).iter().zip([0.1, 0.2, 0.7]) {
            assert!((got - want).abs() < 0.02, "{rule}: {got} vs {want}");
        }
        assert!(lab.chi_square().p_value_ppm > 0 || rule == Rule::Ethereum);
    }
}

#[test]
fn algorand_committee_weights_follow_stake() {
    let stakes = vec![100, 200, 700];
    let tau = 20;
    let params = Params {
        committee: tau,
        ..Params::default()
    };
    let rounds = 2_000;
    let mut lab = Lab::with_params(stakes.clone(), Rule::Algorand, seed(), params);
    lab.run(rounds);
    let total: u64 = stakes.iter().sum();
    for (i, w) in stakes.iter().enumerate() {
        // Mean votes: w * tau / W.
        let mean = lab.weights()[i] as f64 / rounds as f64;
        let want = *w as f64 * tau as f64 / total as f64;
        assert!((mean - want).abs() < 0.3, "staker {i}: {mean} vs {want}");
        // Selected when j > 0: 1 - (1 - tau / W)^w.
        let rate = lab.wins()[i] as f64 / rounds as f64;
        let want = 1.0 - (1.0 - tau as f64 / total as f64).powi(*w as i32);
        assert!((rate - want).abs() < 0.03, "staker {i}: {rate} vs {want}");
    }
}

#[test]
fn praos_phi_matches_the_formula() {
    for (s, total, f) in [
        (1u64, 10u128, (1u64, 20u64)),
        (7, 10, (1, 20)),
        (3, 4, (9, 10)),
    ] {
        let got = fairness::phi(s, total, f.0, f.1) as f64 / ONE as f64;
        let want = 1.0 - (1.0 - f.0 as f64 / f.1 as f64).powf(s as f64 / total as f64);
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    assert_eq!(fairness::phi(0, 10, 1, 20), 0);
    assert_eq!(fairness::phi(10, 10, 1, 1), ONE);
    // Independent aggregation: phi(a) and phi(b) combine like phi(a + b).
    let (a, b, ab) = (
        fairness::phi(1, 10, 1, 20),
        fairness::phi(2, 10, 1, 20),
        fairness::phi(3, 10, 1, 20),
    );
    let split =
        ONE - (ONE - a) / 1_000_000_000_000_000_000 * ((ONE - b) / 1_000_000_000_000_000_000);
    assert!(
        split.abs_diff(ab) < 10_000_000_000_000_000_000,
        "{split} vs {ab}"
    );
}

#[test]
fn praos_leaders_per_slot_follow_phi() {
    let stakes = vec![1, 2, 7];
    let params = Params {
        active_slots: (1, 2),
        ..Params::default()
    };
    let rounds = 20_000u64;
    let mut lab = Lab::with_params(stakes.clone(), Rule::Praos, seed(), params);
    let mut leaders = 0u64;
    let mut empty = 0u64;
    for _ in 0..rounds {
        let r = lab.next_round();
        leaders += r.winners.len() as u64;
        empty += u64::from(r.winners.is_empty());
    }
    let phis: Vec<f64> = stakes
        .iter()
        .map(|s| 1.0 - 0.5f64.powf(*s as f64 / 10.0))
        .collect();
    for (i, p) in phis.iter().enumerate() {
        let rate = lab.wins()[i] as f64 / rounds as f64;
        assert!((rate - p).abs() < 0.015, "staker {i}: {rate} vs {p}");
    }
    // The stakers together lead a slot with probability 1 - prod(1 - phi_i) = f.
    let some = 1.0 - empty as f64 / rounds as f64;
    let want = 1.0 - phis.iter().map(|p| 1.0 - p).product::<f64>();
    assert!((want - 0.5).abs() < 1e-12);
    assert!((some - want).abs() < 0.015, "{some} vs {want}");
    let mean: f64 = phis.iter().sum();
    assert!((leaders as f64 / rounds as f64 - mean).abs() < 0.03);
}

#[test]
fn same_inputs_same_rounds() {
    for rule in Rule::ALL {
        let run = || {
            let mut lab = Lab::new(vec![3, 0, 5, 9], rule, seed());
            (0..200).map(|_| lab.next_round()).collect::<Vec<_>>()
        };
        let a = run();
        assert_eq!(a, run(), "{rule}");
        // Seeds chain by SHA-256, as blocks do.
        assert_eq!(a[1].seed, Hash::of(&a[0].seed.0));
        // A staker without stake is never selected.
        assert!(a.iter().all(|r| !r.winners.contains(&1)), "{rule}");
    }
}

#[test]
fn chi_square_of_exact_shares_is_zero_with_p_one() {
    let c = chi_square(&[100, 200, 700], &[1, 2, 7]);
    assert_eq!(
        (c.statistic_milli, c.degrees, c.p_value_ppm),
        (0, 2, 1_000_000)
    );
    let c = chi_square(&[50, 50, 50, 50], &[1, 1, 1, 1]);
    assert_eq!(
        (c.statistic_milli, c.degrees, c.p_value_ppm),
        (0, 3, 1_000_000)
    );
}

#[test]
fn chi_square_known_values() {
    // (23.33^2 + 13.33^2 + 36.67^2) / 33.33 = 62, p = e^-31 ~ 3.4e-14.
    let c = chi_square(&[10, 20, 70], &[1, 1, 1]);
    assert_eq!(
        (c.statistic_milli, c.degrees, c.p_value_ppm),
        (62_000, 2, 0)
    );
    // Two degrees: p = e^(-x/2). x = 4: e^-2.
    let c = chi_square(&[60, 40, 50], &[1, 1, 1]);
    assert_eq!(c.statistic_milli, 4_000);
    assert_eq!(c.p_value_ppm, 135_335); // e^-2
                                        // One degree: x = 4 (wins 60:40 of 1:1), p = erfc(sqrt 2) = 0.0455003.
    let c = chi_square(&[60, 40], &[1, 1]);
    assert_eq!((c.statistic_milli, c.degrees), (4_000, 1));
    assert_eq!(c.p_value_ppm, 45_500);
    let c = chi_square(&[1], &[1]);
    assert_eq!((c.degrees, c.p_value_ppm), (0, 1_000_000));
}

#[test]
fn chi_square_p_values_against_tables() {
    // (degrees, statistic in milli, p in ppm) from standard chi-square tables.
    for (k, x, p) in [
        (1u32, 3_841u64, 50_000i64),
        (2, 5_991, 50_000),
        (3, 7_815, 50_000),
        (4, 9_488, 50_000),
        (5, 11_070, 50_000),
        (9, 21_666, 10_000),
        (10, 2_558, 990_000),
        (30, 43_773, 50_000),
    ] {
        let got = i64::from(p_for(k, x));
        assert!((got - p).abs() <= 60, "k {k} x {x}: {got} vs {p}");
    }
}

/// The p-value the lab reports for a statistic of `milli` thousandths with `k` degrees.
fn p_for(k: u32, milli: u64) -> u32 {
    fairness::chi_square_p_ppm(milli, k)
}

#[test]
fn chi_square_flags_a_skewed_table() {
    let c = chi_square(&[900, 50, 50], &[1, 2, 7]);
    assert_eq!(c.p_value_ppm, 0);
    let c = chi_square(&[0, 1, 0], &[1, 0, 1]);
    assert_eq!((c.statistic_milli, c.p_value_ppm), (u64::MAX, 0));
}

/// Every rule's wins, votes and test over 2,000 rounds, and a grinding run, hashed into one
/// value. The expected value was recorded from a native run; the same test runs as wasm32 in
/// Chromium (`scripts/test.sh`), so passing there shows both builds give the same numbers.
#[test]
fn the_same_numbers_native_and_wasm() {
    let mut all = String::new();
    for rule in Rule::ALL {
        let mut lab = Lab::new(vec![10, 30, 60, 1], rule, seed());
        lab.run(2_000);
        let chi = lab.chi_square();
        all += &format!(
            "{rule}:{:?}:{:?}:{}:{}:{};",
            lab.wins(),
            lab.weights(),
            chi.statistic_milli,
            chi.p_value_ppm,
            lab.seed()
        );
    }
    let setup = pos_core::grinding::Setup {
        stakes: vec![10, 30, 60],
        grinder: 0,
        friend: Some(1),
        pool: 3,
        rounds: 300,
        seed: seed(),
    };
    let report = pos_core::grinding::run(&setup, true).expect("valid setup");
    all += &format!("{report:?}");
    let fingerprint = Hash::of(all.as_bytes()).to_hex();
    assert_eq!(
        fingerprint, "8f2485202ffca3df90f29759c086869ba787474319f109cfcd5d20ecc13a6950",
        "{all}"
    );
}
