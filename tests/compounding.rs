//! The fairness lab's rewards-and-compounding mode, as the page and the console use it: a run
//! stepped as the worker steps it is the core's experiment, its report's histograms hold
//! every run, the worker protocol carries it with progress and refusals in words, the
//! console reads its arguments, and the figures and the paper's point are written from the
//! numbers. Runs natively and in headless Chromium.

use pos_core::compounding::{Compounder, Schedule, Setup, SHARE_ONE, VAR_ONE};
use pos_core::Hash;
use pos_playground::logic::compounding::{
    agreement_words, console_setup, mean_words, rate_words, reward_words, share_words,
    spread_words, step_runs, the_point, variance_with_error, variance_words, CompoundingAnswer,
    CompoundingReport, CompoundingRun,
};
use pos_playground::logic::i18n::ftl::Resource;
use pos_playground::logic::i18n::{Languages, Say, Texts};
use pos_playground::logic::worker_protocol::{
    decode_reply, encode, handle_worker_request, WorkerReply, WorkerRequest,
};
use serde_json::json;
use std::cell::Cell;

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn setup(runs: u64, blocks: u64) -> Setup {
    Setup {
        stakes: vec![10, 30, 60],
        watched: 0,
        reward_ppm: 10_000,
        blocks,
        runs,
        seed: Hash::of(b"compounding view"),
    }
}

#[test]
fn a_stepped_run_is_the_cores_experiment_and_its_histograms_hold_every_run() {
    let s = setup(300, 200);
    let mut run = CompoundingRun::new(&s).expect("valid");
    let mut core = Compounder::new(&s).expect("valid");
    core.run_all();
    let mut reports = Vec::new();
    while !run.done() {
        run.step(70);
        reports.push(run.report());
    }
    let done: Vec<u64> = reports.iter().map(|r| r.runs_done).collect();
    assert_eq!(done, vec![70, 140, 210, 280, 300]);
    assert!(reports[..4].iter().all(|r| !r.done));
    let r = reports.last().expect("reports");
    assert!(r.done);
    assert_eq!(
        (r.runs_target, r.blocks, r.reward_ppm, r.watched),
        (300, 200, 10_000, 0)
    );
    assert_eq!(r.start_share, SHARE_ONE / 10);
    assert_eq!(r.geometric_rate, core.geometric_rate());
    for (schedule, sr) in Schedule::ALL.iter().zip(&r.schedules) {
        assert_eq!(sr.summary, core.summary(*schedule));
        assert_eq!(sr.counts.len(), r.bins.count);
        assert_eq!(sr.counts.iter().map(|c| u64::from(*c)).sum::<u64>(), 300);
        // Each run in the bin its share falls in.
        for x in core.shares(*schedule) {
            let i = ((x - r.bins.lo) / r.bins.width) as usize;
            assert!(sr.counts[i] > 0);
        }
    }
    // The bins hold the starting share too, so the page can mark it.
    assert!(r.bins.lo <= r.start_share);
    assert!(r.start_share < r.bins.lo + r.bins.width * r.bins.count as u64);
    assert!(r.bins.count <= 40);
    assert!(r.limit_variance > r.schedules[0].summary.exact_variance);
    assert!(r.schedule(Schedule::Geometric).is_some());
}

#[test]
fn steps_look_at_the_clock_every_two_hundred_thousand_blocks_or_so() {
    assert_eq!(step_runs(&setup(2_000, 1_000)), 200);
    assert_eq!(step_runs(&setup(10, 10_000)), 20);
    assert_eq!(step_runs(&setup(10, 1)), 200_000);
}

/// Runs `request` through the worker's handler as bytes, each look at the clock 150 ms after
/// the last; returns the replies as the page reads them.
fn through_worker(request: &WorkerRequest) -> Vec<WorkerReply> {
    let now = Cell::new(0.0);
    let clock = || {
        now.set(now.get() + 150.0);
        now.get()
    };
    let mut replies = Vec::new();
    handle_worker_request(&encode(request), &clock, &mut |r: &WorkerReply| {
        replies.push(decode_reply(&encode(r)).expect("readable"));
    });
    replies
}

#[test]
fn the_worker_reports_progress_then_the_result_and_refuses_in_words() {
    let s = setup(1_200, 500);
    let replies = through_worker(&WorkerRequest::Compounding {
        id: 7,
        setup: s.clone(),
    });
    let reports: Vec<(&CompoundingReport, f64)> = replies
        .iter()
        .map(|r| match r {
            WorkerReply::Compounding { id: 7, report, ms } => (report, *ms),
            other => panic!("{other:?}"),
        })
        .collect();
    // 400 runs a step: two reports in progress, then the last.
    assert_eq!(reports.len(), 3);
    assert_eq!(
        reports.iter().map(|(r, _)| r.runs_done).collect::<Vec<_>>(),
        vec![400, 800, 1_200]
    );
    assert!(reports.windows(2).all(|w| w[0].1 < w[1].1), "time grows");
    let (last, _) = reports[2];
    assert!(last.done);
    let mut whole = CompoundingRun::new(&s).expect("valid");
    whole.step(s.runs);
    assert_eq!(last, &whole.report());

    let refused = through_worker(&WorkerRequest::Compounding {
        id: 8,
        setup: Setup { watched: 5, ..s },
    });
    match refused.as_slice() {
        [WorkerReply::Error { error }] => assert!(error.contains("not in the table"), "{error}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_console_reads_its_arguments_and_refuses_bad_ones_in_words() {
    assert_eq!(console_setup(&json!({})), Ok(Setup::default()));
    let seed = Hash::of(b"console");
    assert_eq!(
        console_setup(
            &json!({"stakes": [1, 3], "watch": 1, "reward": 0.05, "blocks": 300,
            "runs": 400, "seed": seed.to_hex()})
        ),
        Ok(Setup {
            stakes: vec![1, 3],
            watched: 1,
            reward_ppm: 50_000,
            blocks: 300,
            runs: 400,
            seed,
        })
    );
    assert_eq!(
        console_setup(&json!({"reward": 0.000001})).map(|s| s.reward_ppm),
        Ok(1)
    );
    assert_eq!(
        console_setup(&json!({"reward": 1})).map(|s| s.reward_ppm),
        Ok(1_000_000)
    );
    for (bad, words) in [
        (json!({"reward": 0}), "whole millionths"),
        (json!({"reward": 1.5}), "from 0.000001 to 1"),
        (json!({"reward": 0.0000015}), "whole millionths"),
        (json!({"reward": "1%"}), "fraction"),
        (json!({"stakes": [1, "x"]}), "array of whole numbers"),
        (json!({"watch": 3}), "not in the table"),
        (json!({"watch": -1}), "watch: give a whole number"),
        (json!({"blocks": 0}), "between 1 and 10000"),
        (json!({"runs": 10000, "blocks": 10000}), "at most 5000000"),
        (json!({"seed": "zz"}), "seed:"),
        (json!({"stakes": [0, 0]}), "nobody has stake"),
    ] {
        let e = console_setup(&bad).expect_err("refused");
        assert!(e.contains(words), "{bad}: {e}");
    }
}

#[test]
fn the_console_answer_is_the_report_as_fractions() {
    let mut run = CompoundingRun::new(&setup(50, 100)).expect("valid");
    run.step(50);
    let r = run.report();
    let a = CompoundingAnswer::of(&r, 12.5).expect("both schedules");
    assert_eq!(a.start_share, 0.1);
    assert_eq!(a.reward, 0.01);
    assert_eq!((a.blocks, a.runs, a.ms), (100, 50, 12.5));
    let c = &r.schedules[0].summary;
    assert_eq!(a.constant.variance, c.variance as f64 / VAR_ONE as f64);
    assert_eq!(
        a.constant.exact_variance,
        c.exact_variance as f64 / VAR_ONE as f64
    );
    assert_eq!(a.geometric.counts, r.schedules[1].counts);
    assert_eq!(a.bins[1], r.bins.width as f64 / SHARE_ONE as f64);
    let json = serde_json::to_value(&a).expect("serializes");
    assert!(json["geometric"]["exactVariance"].is_number());
    assert!(json["limitVariance"].is_number());
}

#[test]
fn figures_and_the_point_are_written_from_the_numbers() {
    let var = |x: f64| (x * VAR_ONE as f64).round() as u64;
    let en = |s: Say| common::english(&s);
    assert_eq!(en(variance_words(var(8.97e-4))), "8.97 × 10⁻⁴");
    assert_eq!(en(variance_words(var(0.1234))), "1.23 × 10⁻¹");
    assert_eq!(en(variance_words(var(9.999e-5))), "1.00 × 10⁻⁴");
    assert_eq!(en(variance_words(0)), "0");
    assert_eq!(
        en(variance_with_error(var(8.97e-4), var(2.8e-5))),
        "8.97 ± 0.28 × 10⁻⁴"
    );
    assert_eq!(en(spread_words(var(9e-4))), "3.0 points");
    assert_eq!(en(spread_words(var(2.5e-5))), "0.50 points");
    assert_eq!(en(reward_words(10_000)), "1 %");
    assert_eq!(en(reward_words(1_000)), "0.1 %");
    assert_eq!(en(reward_words(1)), "0.0001 %");
    assert_eq!(en(share_words(SHARE_ONE / 10)), "10.0 %");
    assert_eq!(en(mean_words(100_200_000_000)), "10.02 %");
    assert_eq!(en(rate_words(9_559_300_000)), "0.956 %");
    // In German, with a decimal comma.
    let de = german();
    assert_eq!(de.say(&variance_words(var(8.97e-4))), "8,97 × 10⁻⁴");
    assert_eq!(de.say(&mean_words(100_200_000_000)), "10,02 %");
    assert_eq!(de.say(&spread_words(var(9e-4))), "3,0 Prozentpunkte");

    let mut run = CompoundingRun::new(&setup(400, 1_000)).expect("valid");
    run.step(400);
    let r = run.report();
    let c = &r.schedules[0].summary;
    let z = c.variance.abs_diff(c.exact_variance) as f64 / c.variance_error as f64;
    assert_eq!(
        en(agreement_words(c)),
        format!(
            "{} standard errors apart",
            pos_playground::logic::words::fixed(z, 1)
        )
    );
    let point = the_point(&r)
        .into_iter()
        .map(en)
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "martingale",
        "starting 10.0 %",
        "after 1,000 blocks",
        &en(spread_words(c.exact_variance)),
        &en(spread_words(r.schedules[1].summary.exact_variance)),
        &en(spread_words(r.limit_variance)),
        &en(rate_words(r.geometric_rate)),
        "Fanti et al.",
        "most equitable",
    ] {
        assert!(point.contains(words), "{words:?} in {point}");
    }
    let punkt = the_point(&r)
        .iter()
        .map(|p| de.say(p))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(punkt.contains("10,0 %"), "{punkt}");
    assert!(!punkt.contains("Do the rich"), "{punkt}");
}

/// The page's words in German, English beneath.
fn german() -> Texts {
    let languages =
        Languages::parse(include_str!("../www/lang/languages.json")).expect("languages.json");
    Texts::new(
        languages.get("de").expect("de").clone(),
        Resource::parse(include_str!("../www/lang/de/page.ftl")).expect("de"),
        Resource::parse(include_str!("../www/lang/en/page.ftl")).expect("en"),
    )
}
