//! Rewards and compounding: the exact variance against the Beta-Binomial closed form and the
//! literal recurrence, the simulation against the exact figures within their sampling error,
//! the watched staker's wins against the Beta-Binomial by a chi-square test, the geometric
//! schedule below every other of the same total (Fanti et al.), determinism against an
//! independent re-implementation of the documented draw, and bad setups refused.
//!
//! f64 appears only here, in the checks.

use pos_core::compounding::{
    beta_binomial_variance, constant_limit_variance, exact_variance, rewards, run_seed, Bins,
    Compounder, Schedule, Setup, SetupError, MAX_BLOCKS, MAX_REWARD_PPM, MAX_RUNS, MAX_STAKERS,
    MAX_TOTAL_STAKE, MAX_WORK, SHARE_ONE, UNIT, VAR_ONE,
};
use pos_core::fairness::chi_square_p_ppm;
use pos_core::Hash;
use sha2::{Digest as _, Sha256};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn setup(stakes: &[u64], watched: usize, reward_ppm: u64, blocks: u64, runs: u64) -> Setup {
    Setup {
        stakes: stakes.to_vec(),
        watched,
        reward_ppm,
        blocks,
        runs,
        seed: Hash::of(b"compounding test"),
    }
}

fn var_f64(v: u64) -> f64 {
    v as f64 / VAR_ONE as f64
}

/// The share's variance after `rewards` by the recurrence
/// `E[(X_k T_k)^2] = (T_{k-1}^2 + 2 T_{k-1} R_k) E[X_{k-1}^2] + R_k^2 v`, literally, in f64,
/// totals taken relative to the start.
fn recurrence_variance(v: f64, start: u64, rewards: &[u64]) -> f64 {
    let mut t = 1.0f64;
    let mut second = v * v; // E[X_0^2]
    for r in rewards {
        let r = *r as f64 / start as f64;
        // E[(X_k T_k)^2] = (T_{k-1}^2 + 2 T_{k-1} R_k) E[X_{k-1}^2] + R_k^2 v
        let xt2 = (t * t + 2.0 * t * r) * second + r * r * v;
        t += r;
        second = xt2 / (t * t);
    }
    second - v * v
}

/// `v(1-v) n r^2 / ((1+r)(1+nr))`.
fn closed_form(v: f64, r: f64, n: f64) -> f64 {
    v * (1.0 - v) * n * r * r / ((1.0 + r) * (1.0 + n * r))
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs().max(1e-30)
}

/// Whether `exact` is [`recurrence_variance`]'s `literal` within the f64 recurrence's own
/// rounding: it carries `E[X^2]` (about `v^2`) and subtracts `v^2` at the end, so after `n`
/// blocks its error is up to a few `n · 2^-52 · v^2` however small the variance.
fn close_to_recurrence(exact: f64, literal: f64, v: f64, n: u64) -> bool {
    (exact - literal).abs() <= 1e-9 * literal.abs() + 4.0 * n as f64 * f64::EPSILON * v * v
}

/// (watched tokens, total tokens, reward ppm, blocks)
const CASES: [(u64, u64, u64, u64); 6] = [
    (10, 100, 10_000, 1_000),
    (1, 2, 50_000, 200),
    (60, 100, 1_000, 2_000),
    (3, 7, 1, 10_000),
    (999_999, 1_000_000, 1_000_000, 10_000),
    (1, 1_000_000, 333_333, 1),
];

#[test]
fn the_exact_variance_is_the_beta_binomial_closed_form_for_a_constant_reward() {
    for (a, s, ppm, n) in CASES {
        let (watched, start) = (a * UNIT, s * UNIT);
        let reward = s * ppm * (UNIT / 1_000_000);
        let constant = rewards(start, reward, n, Schedule::Constant).expect("fits");
        assert_eq!(constant, vec![reward; n as usize]);
        let exact = exact_variance(watched, start, &constant).expect("fits");
        let beta = beta_binomial_variance(watched, start, reward, n).expect("fits");
        // Two integer computations of the same rational: equal up to their roundings.
        assert!(
            exact.abs_diff(beta) <= 2,
            "{a}/{s} r={ppm} n={n}: {exact} vs {beta}"
        );
        let (v, r) = (a as f64 / s as f64, ppm as f64 / 1e6);
        let want = closed_form(v, r, n as f64);
        assert!(
            close(var_f64(beta), want, 1e-9),
            "{} vs {want}",
            var_f64(beta)
        );
        let literal = recurrence_variance(v, start, &constant);
        assert!(
            close_to_recurrence(var_f64(exact), literal, v, n),
            "{} vs {literal}",
            var_f64(exact)
        );
        // The limit, and the finite-n variance below it, approaching it as n·r grows.
        let limit = constant_limit_variance(watched, start, reward).expect("fits");
        assert!(close(var_f64(limit), v * (1.0 - v) * r / (1.0 + r), 1e-9));
        assert!(beta <= limit);
    }
    let (watched, start, reward) = (10 * UNIT, 100 * UNIT, UNIT);
    let far = beta_binomial_variance(watched, start, reward, 10_000_000).expect("fits");
    let limit = constant_limit_variance(watched, start, reward).expect("fits");
    assert!(limit - far < limit / 1_000, "{far} → {limit}");
}

#[test]
fn the_exact_variance_is_the_literal_recurrence_for_the_geometric_reward_too() {
    for (a, s, ppm, n) in CASES {
        let (watched, start) = (a * UNIT, s * UNIT);
        let reward = s * ppm * (UNIT / 1_000_000);
        let geometric = rewards(start, reward, n, Schedule::Geometric).expect("fits");
        let exact = exact_variance(watched, start, &geometric).expect("fits");
        let v = a as f64 / s as f64;
        let literal = recurrence_variance(v, start, &geometric);
        assert!(
            close_to_recurrence(var_f64(exact), literal, v, n),
            "{} vs {literal}",
            var_f64(exact)
        );
        // With ρ = g / (1 + g) every block: v(1-v)(1 - (1 - ρ²)^n), 1 + g = (1 + n r)^(1/n).
        let r = ppm as f64 / 1e6;
        let q = (1.0 + n as f64 * r).powf(1.0 / n as f64);
        let rho = (q - 1.0) / q;
        let want = v * (1.0 - v) * -(n as f64 * (-rho * rho).ln_1p()).exp_m1();
        assert!(
            close(var_f64(exact), want, 1e-6),
            "{} vs {want}",
            var_f64(exact)
        );
    }
}

#[test]
fn both_schedules_pay_the_same_total_and_the_geometric_one_a_fixed_fraction() {
    for (_, s, ppm, n) in CASES {
        let start = s * UNIT;
        let reward = s * ppm * (UNIT / 1_000_000);
        let constant = rewards(start, reward, n, Schedule::Constant).expect("fits");
        let geometric = rewards(start, reward, n, Schedule::Geometric).expect("fits");
        let sum = |r: &[u64]| r.iter().map(|x| u128::from(*x)).sum::<u128>();
        assert_eq!(sum(&constant), sum(&geometric));
        assert_eq!(sum(&constant), u128::from(reward) * u128::from(n));
        let g = (1.0 + n as f64 * ppm as f64 / 1e6).powf(1.0 / n as f64) - 1.0;
        let mut total = start;
        for (k, r) in geometric.iter().enumerate() {
            // Each reward is g times the total before it, within the rounding to a unit
            // (and two for the last, which takes up the rounding).
            let ideal = g * total as f64;
            assert!(
                (*r as f64 - ideal).abs() <= 2.0 + ideal * 1e-12,
                "block {k}: {r} vs {ideal}"
            );
            total += r;
        }
    }
}

#[test]
fn the_geometric_reward_spreads_least_for_the_same_total() {
    for (a, s, ppm, n) in CASES {
        let (watched, start) = (a * UNIT, s * UNIT);
        let reward = s * ppm * (UNIT / 1_000_000);
        let var = |r: &[u64]| exact_variance(watched, start, r).expect("fits");
        let geometric = var(&rewards(start, reward, n, Schedule::Geometric).expect("fits"));
        let constant = var(&rewards(start, reward, n, Schedule::Constant).expect("fits"));
        if n == 1 {
            assert_eq!(geometric, constant, "one block: one reward either way");
            continue;
        }
        assert!(
            geometric < constant,
            "{a}/{s} r={ppm} n={n}: {geometric} vs {constant}"
        );
        // Any other schedule of the same total spreads more: rewards growing or shrinking
        // linearly, everything in the first block, everything in the last.
        let total = reward * n;
        let weights: Vec<Vec<u64>> = vec![
            (1..=n).collect(),
            (1..=n).rev().collect(),
            (0..n).map(|k| u64::from(k == 0)).collect(),
            (0..n).map(|k| u64::from(k == n - 1)).collect(),
        ];
        for w in weights {
            let sum: u64 = w.iter().sum();
            let mut other: Vec<u64> = w
                .iter()
                .map(|x| (u128::from(total) * u128::from(*x) / u128::from(sum)) as u64)
                .collect();
            let paid: u64 = other.iter().sum();
            *other.last_mut().expect("blocks") += total - paid;
            assert!(var(&other) > geometric, "{a}/{s} r={ppm} n={n}");
        }
    }
}

struct Sample {
    mean: f64,
    var: f64,
    var_se: f64,
    mean_se: f64,
}

/// Mean, sample variance and the standard error of the variance from the fourth central
/// moment, in f64.
fn sample(xs: &[f64]) -> Sample {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let m4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n;
    let var_se = ((m4 - var * var * (n - 3.0) / (n - 1.0)) / n).sqrt();
    Sample {
        mean,
        var,
        var_se,
        mean_se: (var / n).sqrt(),
    }
}

#[test]
fn the_simulated_variance_matches_the_exact_one_within_its_sampling_error() {
    for s in [
        setup(&[10, 30, 60], 0, 10_000, 1_000, 2_000),
        setup(&[1, 1], 1, 50_000, 200, 3_000),
        setup(&[10, 30, 60], 2, 1_000, 2_000, 1_000),
    ] {
        let mut c = Compounder::new(&s).expect("valid");
        c.run_all();
        let v = s.stakes[s.watched] as f64 / s.stakes.iter().sum::<u64>() as f64;
        let end = c.end_units() as f64;
        for schedule in Schedule::ALL {
            let shares: Vec<f64> = c
                .final_stakes(schedule)
                .iter()
                .map(|x| *x as f64 / end)
                .collect();
            assert_eq!(shares.len() as u64, s.runs);
            let got = sample(&shares);
            let exact = recurrence_variance(v, c.start_units(), c.rewards(schedule));
            let what = format!("{} {s:?}", schedule.name());
            assert!(
                (got.var - exact).abs() < 4.0 * got.var_se,
                "{what}: s² = {} vs σ² = {exact} (SE {})",
                got.var,
                got.var_se
            );
            assert!(
                (got.mean - v).abs() < 4.0 * got.mean_se,
                "{what}: mean {}",
                got.mean
            );
            // The core's own summary of the same runs says the same, in integers.
            let sum = c.summary(schedule);
            assert_eq!(sum.runs, s.runs);
            assert!(close(var_f64(sum.variance), got.var, 1e-6), "{what}");
            assert!(
                close(var_f64(sum.variance_error), got.var_se, 1e-3),
                "{what}"
            );
            assert!(
                close(sum.mean as f64 / SHARE_ONE as f64, got.mean, 1e-9),
                "{what}"
            );
            let mean_se = sum.mean_error as f64 / SHARE_ONE as f64;
            assert!(close(mean_se, got.mean_se, 1e-4), "{what}");
            assert!(close(var_f64(sum.exact_variance), exact, 1e-6), "{what}");
            assert_eq!(sum.exact_mean, (v * SHARE_ONE as f64).floor() as u64);
        }
        // For the same total reward, the geometric schedule's shares spread less.
        let [constant, geometric] = Schedule::ALL.map(|s| c.summary(s).variance);
        assert!(geometric < constant, "{s:?}");
    }
}

/// The Beta-Binomial(n, α, β) probabilities of 0..=n.
fn beta_binomial(n: u64, alpha: f64, beta: f64) -> Vec<f64> {
    let mut p = (0..n)
        .map(|j| (beta + j as f64) / (alpha + beta + j as f64))
        .product::<f64>();
    let mut out = Vec::with_capacity(n as usize + 1);
    for k in 0..=n {
        out.push(p);
        let k = k as f64;
        p *= (n as f64 - k) / (k + 1.0) * (alpha + k) / (beta + n as f64 - k - 1.0);
    }
    out
}

/// The binomial(n, v) probabilities of 0..=n: wins without compounding.
fn binomial(n: u64, v: f64) -> Vec<f64> {
    let mut p = (1.0 - v).powi(n as i32);
    let mut out = Vec::with_capacity(n as usize + 1);
    for k in 0..=n {
        out.push(p);
        let k = k as f64;
        p *= (n as f64 - k) / (k + 1.0) * v / (1.0 - v);
    }
    out
}

/// The chi-square test's p-value (in millionths) of `counts` of 0..=n against `probs`,
/// neighbouring values pooled until each pool expects at least 5.
fn goodness_of_fit(counts: &[u64], probs: &[f64]) -> u32 {
    let runs: u64 = counts.iter().sum();
    let mut pools: Vec<(f64, f64)> = Vec::new();
    let (mut o, mut e) = (0.0, 0.0);
    for (c, p) in counts.iter().zip(probs) {
        o += *c as f64;
        e += p * runs as f64;
        if e >= 5.0 {
            pools.push((o, e));
            (o, e) = (0.0, 0.0);
        }
    }
    if let Some(last) = pools.last_mut() {
        last.0 += o;
        last.1 += e;
    }
    let statistic: f64 = pools.iter().map(|(o, e)| (o - e) * (o - e) / e).sum();
    chi_square_p_ppm((statistic * 1000.0).round() as u64, pools.len() as u32 - 1)
}

#[test]
fn a_stakers_wins_under_a_constant_reward_follow_the_beta_binomial() {
    // (stakes, watched, reward ppm, blocks, runs): α = v / r, β = (1 - v) / r.
    for (stakes, watched, ppm, n, runs) in [
        (&[10u64, 30, 60][..], 0, 50_000, 100, 5_000),
        (&[10, 30, 60][..], 1, 10_000, 300, 3_000),
    ] {
        let s = setup(stakes, watched, ppm, n, runs);
        let mut c = Compounder::new(&s).expect("valid");
        c.run_all();
        let v = stakes[watched] as f64 / stakes.iter().sum::<u64>() as f64;
        let r = ppm as f64 / 1e6;
        let mut counts = vec![0u64; n as usize + 1];
        let wins = c.wins(Schedule::Constant);
        for (w, stake) in wins.iter().zip(c.final_stakes(Schedule::Constant)) {
            counts[*w as usize] += 1;
            // A constant reward: the final stake is the start plus one reward per win.
            assert_eq!(*stake, c.watched_units() + u64::from(*w) * c.reward_units());
        }
        let p = goodness_of_fit(&counts, &beta_binomial(n, v / r, (1.0 - v) / r));
        assert!(p >= 1_000, "{s:?}: p = {p} ppm against the Beta-Binomial");
        // The test has power: the same wins are far from the binomial that a fixed stake
        // (no compounding) would give.
        let p = goodness_of_fit(&counts, &binomial(n, v));
        assert!(p < 1_000, "{s:?}: p = {p} ppm against the binomial");
    }
}

/// The documented process, written again from the module docs: run k's seeds, the top 128
/// bits modulo the total, a win below the watched stake.
fn reimplemented(s: &Setup, rewards: &[u64]) -> Vec<u64> {
    let start: u64 = s.stakes.iter().sum::<u64>() * UNIT;
    (0..s.runs)
        .map(|k| {
            let mut h = Sha256::new();
            h.update(s.seed.0);
            h.update(b"compounding");
            h.update(k.to_le_bytes());
            let mut seed: [u8; 32] = h.finalize().into();
            assert_eq!(seed, run_seed(&s.seed, k));
            let (mut stake, mut total) = (s.stakes[s.watched] * UNIT, start);
            for r in rewards {
                let x = u128::from_be_bytes(seed[..16].try_into().expect("16 bytes"));
                if x % u128::from(total) < u128::from(stake) {
                    stake += r;
                }
                total += r;
                seed = Sha256::digest(seed).into();
            }
            stake
        })
        .collect()
}

#[test]
fn runs_are_deterministic_and_follow_the_documented_draw() {
    let s = setup(&[3, 5, 2], 2, 20_000, 150, 40);
    let mut whole = Compounder::new(&s).expect("valid");
    whole.run_all();
    let mut stepped = Compounder::new(&s).expect("valid");
    let mut steps = 0;
    while !stepped.is_done() {
        assert!(stepped.step(7) <= 7);
        steps += 1;
    }
    assert_eq!(steps, 6);
    assert_eq!(stepped.step(5), 0, "nothing left to run");
    for schedule in Schedule::ALL {
        assert_eq!(whole.final_stakes(schedule), stepped.final_stakes(schedule));
        assert_eq!(whole.wins(schedule), stepped.wins(schedule));
        assert_eq!(whole.summary(schedule), stepped.summary(schedule));
        assert_eq!(
            whole.final_stakes(schedule),
            reimplemented(&s, whole.rewards(schedule)),
            "{}",
            schedule.name()
        );
    }
    let other = Setup {
        seed: Hash::of(b"another seed"),
        ..s.clone()
    };
    let mut c = Compounder::new(&other).expect("valid");
    c.run_all();
    assert_ne!(
        c.final_stakes(Schedule::Constant),
        whole.final_stakes(Schedule::Constant)
    );
    // Runs differ from each other.
    let first = whole.final_stakes(Schedule::Constant);
    assert!(first.iter().any(|x| *x != first[0]));
}

#[test]
fn the_edges_nobody_and_everybody() {
    // A staker with nothing never wins; one with everything always does: no spread.
    for (watched, share) in [(0, 0), (1, SHARE_ONE)] {
        let s = setup(&[0, 7], watched, 10_000, 50, 20);
        let mut c = Compounder::new(&s).expect("valid");
        c.run_all();
        for schedule in Schedule::ALL {
            let sum = c.summary(schedule);
            assert_eq!((sum.exact_variance, sum.variance, sum.mean), (0, 0, share));
            assert!(c.shares(schedule).iter().all(|x| *x == share));
        }
    }
    // The largest setup fits below 2^64 units: all stake, the largest reward, every block.
    let s = setup(&[1, MAX_TOTAL_STAKE - 1], 0, MAX_REWARD_PPM, MAX_BLOCKS, 1);
    let mut c = Compounder::new(&s).expect("valid");
    assert_eq!(c.step(1), 1);
    assert_eq!(
        c.end_units(),
        MAX_TOTAL_STAKE * UNIT * (1 + MAX_BLOCKS),
        "the total after the last block"
    );
    for schedule in Schedule::ALL {
        assert!(c.exact_variance(schedule) > 0);
        assert_eq!(c.rewards(schedule).len() as u64, MAX_BLOCKS);
    }
}

#[test]
fn bad_setups_are_refused_with_reasons() {
    let ok = setup(&[10, 30, 60], 0, 10_000, 1_000, 2_000);
    assert_eq!(ok.validate(), Ok(()));
    assert_eq!(Setup::default().validate(), Ok(()));
    let cases: Vec<(Setup, SetupError, &str)> = vec![
        (
            Setup {
                stakes: vec![],
                ..ok.clone()
            },
            SetupError::NoStakers,
            "empty",
        ),
        (
            Setup {
                stakes: vec![1; MAX_STAKERS + 1],
                ..ok.clone()
            },
            SetupError::TooManyStakers {
                stakers: MAX_STAKERS + 1,
                max: MAX_STAKERS,
            },
            "at most 256",
        ),
        (
            Setup {
                watched: 3,
                ..ok.clone()
            },
            SetupError::WatchedOutOfRange {
                watched: 3,
                stakers: 3,
            },
            "not in the table",
        ),
        (
            Setup {
                stakes: vec![0, 0],
                watched: 1,
                ..ok.clone()
            },
            SetupError::NoStake,
            "nobody",
        ),
        (
            Setup {
                stakes: vec![u64::MAX, u64::MAX],
                ..ok.clone()
            },
            SetupError::TooMuchStake {
                total: 2 * u128::from(u64::MAX),
                max: MAX_TOTAL_STAKE,
            },
            "at most 1000000",
        ),
        (
            Setup {
                stakes: vec![MAX_TOTAL_STAKE, 1],
                ..ok.clone()
            },
            SetupError::TooMuchStake {
                total: u128::from(MAX_TOTAL_STAKE) + 1,
                max: MAX_TOTAL_STAKE,
            },
            "add up to 1000001",
        ),
        (
            Setup {
                blocks: 0,
                ..ok.clone()
            },
            SetupError::Blocks {
                blocks: 0,
                max: MAX_BLOCKS,
            },
            "between 1 and 10000",
        ),
        (
            Setup {
                blocks: MAX_BLOCKS + 1,
                runs: 1,
                ..ok.clone()
            },
            SetupError::Blocks {
                blocks: MAX_BLOCKS + 1,
                max: MAX_BLOCKS,
            },
            "10001 blocks",
        ),
        (
            Setup {
                runs: 0,
                ..ok.clone()
            },
            SetupError::Runs {
                runs: 0,
                max: MAX_RUNS,
            },
            "0 runs",
        ),
        (
            Setup {
                runs: u64::MAX,
                ..ok.clone()
            },
            SetupError::Runs {
                runs: u64::MAX,
                max: MAX_RUNS,
            },
            "between 1 and 10000",
        ),
        (
            Setup {
                runs: MAX_RUNS,
                blocks: MAX_BLOCKS,
                ..ok.clone()
            },
            SetupError::TooMuchWork {
                runs: MAX_RUNS,
                blocks: MAX_BLOCKS,
                max: MAX_WORK,
            },
            "100000000 blocks in all",
        ),
        (
            Setup {
                reward_ppm: 0,
                ..ok.clone()
            },
            SetupError::Reward {
                reward_ppm: 0,
                max: MAX_REWARD_PPM,
            },
            "between 1 and 1000000",
        ),
        (
            Setup {
                reward_ppm: MAX_REWARD_PPM + 1,
                ..ok.clone()
            },
            SetupError::Reward {
                reward_ppm: MAX_REWARD_PPM + 1,
                max: MAX_REWARD_PPM,
            },
            "1000001 millionths",
        ),
    ];
    for (s, want, words) in cases {
        assert_eq!(s.validate(), Err(want.clone()), "{s:?}");
        assert!(Compounder::new(&s).is_err());
        let text = want.to_string();
        assert!(text.contains(words), "{text}");
    }
    // Exactly at the work bound is fine.
    let s = Setup {
        runs: MAX_WORK / 1_000,
        blocks: 1_000,
        ..ok
    };
    assert_eq!(s.validate(), Ok(()));
    // The exact figures refuse what cannot be a share or would overflow.
    assert_eq!(exact_variance(2, 1, &[1]), None);
    assert_eq!(exact_variance(0, 0, &[1]), None);
    assert_eq!(exact_variance(1, 2, &[u64::MAX]), None);
    assert_eq!(beta_binomial_variance(1, 2, u64::MAX, 2), None);
    assert_eq!(constant_limit_variance(3, 2, 1), None);
    assert_eq!(rewards(1, u64::MAX, 2, Schedule::Geometric), None);
    assert_eq!(rewards(0, 1, 2, Schedule::Constant), None);
}

#[test]
fn histogram_bins_are_round_and_cover_every_sample() {
    let one = SHARE_ONE;
    let a = [one / 10, one / 7, one / 4];
    let b = [one / 20, one / 3];
    let bins = Bins::covering(&[&a, &b], 40);
    assert!(bins.count <= 40 && bins.count > 20, "{bins:?}");
    let mantissa = {
        let mut w = bins.width;
        while w.is_multiple_of(10) {
            w /= 10;
        }
        w
    };
    assert!([1, 2, 25, 5].contains(&mantissa), "{bins:?}");
    assert!(bins.lo.is_multiple_of(bins.width));
    let counts = [bins.counts(&a), bins.counts(&b)];
    assert_eq!(counts[0].iter().sum::<u32>(), 3);
    assert_eq!(counts[1].iter().sum::<u32>(), 2);
    // A single value, or none.
    assert_eq!(Bins::covering(&[&[5]], 40).counts(&[5]), vec![1]);
    assert_eq!(Bins::covering(&[], 40).count, 1);
    let wide = Bins::covering(&[&[0, u64::MAX]], 40);
    assert_eq!(wide.counts(&[0, u64::MAX]).iter().sum::<u32>(), 2);
}

#[cfg(not(target_arch = "wasm32"))]
mod untrusted {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any setup is refused in words or runs (one run here) without a panic.
        #[test]
        fn any_setup_is_refused_or_runs(
            stakes in prop::collection::vec(prop_oneof![0u64..100, any::<u64>()], 0..5),
            watched in 0usize..6,
            reward_ppm in prop_oneof![0u64..2_000_000, any::<u64>()],
            blocks in prop_oneof![0u64..300, any::<u64>()],
            runs in prop_oneof![0u64..20, any::<u64>()],
        ) {
            let s = Setup { stakes, watched, reward_ppm, blocks, runs, seed: Hash::of(b"any") };
            match Compounder::new(&s) {
                Err(e) => prop_assert!(!e.to_string().is_empty()),
                Ok(mut c) => {
                    prop_assert_eq!(c.step(1), 1);
                    let sum = c.summary(Schedule::Geometric);
                    prop_assert!(sum.mean <= SHARE_ONE);
                }
            }
        }
    }
}
