//! The lottery view's drawing data, from the core's trace to what the page draws: positions
//! (integers), colours, the zoom, hovering, the worker's digest, the forger history, the
//! console API's `lottery(i, height)` and the Python snippet's text. Runs in headless Chromium
//! (`wasm-pack test --headless --chrome`); natively, the Python snippet is also run with
//! `python3` and its output compared with the values the page shows.

use pos_core::hash::{hash_str, Hash};
use pos_core::lottery::{draw, trace, Outcome, U256};
use pos_core::Wallet;
use pos_playground::logic::i18n::Arg;
use pos_playground::logic::lottery::digest::{
    bin_of, bit_len, line_x, position_at, shr_u64, Hover, LotteryDigest, BINS, EXACT_LIMIT,
    NEAREST, SUBPIXEL, ZOOM_FIT,
};
use pos_playground::logic::lottery::{
    offset_ratio, offset_share, python_snippet, BlockSelection, SnippetInput,
};
use pos_playground::logic::model::{
    Playground, Request, FORGE_DELAY_MS, IN_TAB_LATENCY_MS, PALETTE,
};
use pos_playground::logic::words::{count, group, lots, percent};
use pos_playground::logic::worker_protocol::{
    decode_reply, encode, handle_worker_request, WorkerReply, WorkerRequest,
};
use serde_json::Value;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::{founders, ids};
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn stakers(spec: &[(u8, u64)]) -> Vec<(String, u64)> {
    spec.iter()
        .map(|(i, s)| (Hash::of(&[*i]).to_hex(), *s))
        .collect()
}

fn seed(n: u8) -> String {
    Hash::of(&[b's', n]).to_hex()
}

#[test]
fn positions_are_integer_fractions_of_the_line() {
    assert_eq!(line_x(0, 1000), 0);
    assert_eq!(line_x(1 << 63, 1000), 500 * SUBPIXEL);
    assert_eq!(line_x(u64::MAX, 1000), 1000 * SUBPIXEL - 1);
    assert_eq!(line_x(1 << 62, 1001), 1001 * SUBPIXEL / 4);
    assert_eq!(position_at(0, 800), 0);
    assert_eq!(position_at(400, 800), 1 << 63);
    assert_eq!(position_at(800, 800), u64::MAX);
    assert_eq!(bin_of(0), 0);
    assert_eq!(bin_of(u64::MAX), BINS - 1);
    assert_eq!(bin_of(1 << 63), BINS / 2);
}

#[test]
fn u256_helpers_shift_and_measure() {
    let v = U256([0, 0, 1, 0]); // 2^64
    assert_eq!(bit_len(v), 65);
    assert_eq!(bit_len(U256::default()), 0);
    assert_eq!(bit_len(U256([1 << 63, 0, 0, 0])), 256);
    assert_eq!(shr_u64(v, 64), 1);
    assert_eq!(shr_u64(v, 1), 1 << 63);
    assert_eq!(shr_u64(U256([5, 0, 0, 0]), 192), 5);
    assert_eq!(shr_u64(U256([0, 1, 0, 0]), 100), 1 << 28);
    assert_eq!(shr_u64(v, 256), 0);
}

#[test]
fn small_digest_keeps_every_lot_sorted_and_the_winner_first() {
    let s = stakers(&[(1, 7), (2, 30), (3, 0), (4, 12)]);
    for n in 0..5 {
        let t = trace(&s, &seed(n)).expect("lots");
        let d = LotteryDigest::from_trace(&t);
        assert!(d.is_exact());
        assert_eq!(d.total, 49);
        assert_eq!(d.lots.len(), 49);
        assert!(d
            .lots
            .windows(2)
            .all(|w| w[0].position() <= w[1].position()));
        assert_eq!(d.reference, hash_str(&seed(n)));
        // Every lot is the trace's lot k of its staker, with its offset to the reference.
        for l in &d.lots {
            assert_eq!(t.stakers[l.staker].lots[(l.k - 1) as usize], l.hash);
            let value = U256::from(l.hash);
            assert_eq!(l.offset, value.abs_diff(U256::from(d.reference)));
            assert_eq!(l.above, value >= U256::from(d.reference));
        }
        // The nearest list agrees with the core's draw: winner, then runner-up.
        let o = t.outcome;
        assert_eq!(d.nearest.len(), NEAREST.min(49));
        assert_eq!(
            (d.nearest[0].staker, d.nearest[0].k),
            (o.winner.staker, o.winner.k)
        );
        assert_eq!(d.nearest[0].offset, o.winner.offset);
        let r = o.runner_up.expect("two lots or more");
        assert_eq!((d.nearest[1].staker, d.nearest[1].k), (r.staker, r.k));
        assert!(d.nearest.windows(2).all(|w| w[0].offset <= w[1].offset));
        // Counts per slice add up to each stake.
        for (i, (_, stake)) in s.iter().enumerate() {
            let n = s.len();
            let sum: u32 = (0..BINS).map(|b| d.bins[b * n + i]).sum();
            assert_eq!(u64::from(sum), *stake);
        }
    }
}

#[test]
fn columns_put_each_lot_at_its_integer_pixel() {
    let s = stakers(&[(1, 5), (2, 9)]);
    let t = trace(&s, &seed(9)).expect("lots");
    let d = LotteryDigest::from_trace(&t);
    for width in [1u32, 97, 800, 1920] {
        let c = d.columns(width);
        assert_eq!(c.width, width);
        let total: u32 = (0..width).map(|x| c.total(x)).sum();
        assert_eq!(u64::from(total), d.total);
        for l in &d.lots {
            let x = (line_x(l.position(), width) / SUBPIXEL) as u32;
            assert!(
                c.count(x, l.staker) >= 1,
                "lot {l:?} at column {x} of {width}"
            );
        }
        assert!(c.max >= 1);
    }
}

#[test]
fn worker_digest_equals_the_page_digest_and_reports_progress() {
    let s = stakers(&[(1, 40), (2, 0), (3, 75), (4, 9)]);
    let sd = seed(3);
    let inline = LotteryDigest::from_trace(&trace(&s, &sd).expect("lots"));
    let mut steps = Vec::new();
    let chunked = LotteryDigest::compute(&sd, s.clone(), |done, total| steps.push((done, total)));
    assert_eq!(inline, chunked);
    assert_eq!(
        steps,
        vec![(124, 124)],
        "fewer lots than one report's worth"
    );

    // The same through the worker's protocol, as bytes both ways, as postMessage carries them.
    let request = WorkerRequest::Digest {
        id: 7,
        seed: sd.clone(),
        stakers: s.clone(),
    };
    let mut replies = Vec::new();
    handle_worker_request(&encode(&request), &|| 0.0, &mut |r: &WorkerReply| {
        replies.push(decode_reply(&encode(r)).expect("readable"));
    });
    assert!(matches!(
        replies[0],
        WorkerReply::Progress {
            id: 7,
            done: 124,
            total: 124
        }
    ));
    match replies.last() {
        Some(WorkerReply::Digest { id: 7, digest }) => assert_eq!(*digest, inline),
        other => panic!("expected the digest, got {other:?}"),
    }
    let mut bad = Vec::new();
    // A kind that does not exist, and a request cut short.
    handle_worker_request(&[99], &|| 0.0, &mut |r: &WorkerReply| bad.push(r.clone()));
    handle_worker_request(&encode(&request)[..5], &|| 0.0, &mut |r: &WorkerReply| {
        bad.push(r.clone())
    });
    assert!(matches!(
        bad.as_slice(),
        [WorkerReply::Error { .. }, WorkerReply::Error { .. }]
    ));
}

#[test]
fn worker_bench_reports_every_size() {
    let request = WorkerRequest::Bench {
        id: 1,
        lots: vec![1000, 2000],
        runs: 2,
    };
    let mut out = Vec::new();
    handle_worker_request(&encode(&request), &js_now, &mut |r: &WorkerReply| {
        out.push(decode_reply(&encode(r)).expect("readable"))
    });
    match out.as_slice() {
        [WorkerReply::Bench { id: 1, results }] => {
            assert_eq!(
                results.iter().map(|r| r.lots).collect::<Vec<_>>(),
                [1000, 2000]
            );
            assert!(results.iter().all(|r| r.runs == 2 && r.draw_best_ms >= 0.0));
        }
        other => panic!("{other:?}"),
    }
}

#[cfg(target_arch = "wasm32")]
fn js_now() -> f64 {
    js_sys::Date::now()
}

#[cfg(not(target_arch = "wasm32"))]
fn js_now() -> f64 {
    0.0
}

#[test]
fn big_digests_count_lots_per_slice_and_keep_samples() {
    // Just above the exact limit: counts and samples instead of every lot.
    let s = stakers(&[(1, EXACT_LIMIT / 2), (2, EXACT_LIMIT / 2 + 500)]);
    let sd = seed(1);
    let d = LotteryDigest::compute(&sd, s.clone(), |_, _| {});
    assert!(!d.is_exact());
    assert!(d.lots.is_empty());
    assert_eq!(d.samples.len(), BINS);
    assert_eq!(d.bins.iter().map(|c| u64::from(*c)).sum::<u64>(), d.total);
    let o = draw(&s, &sd).expect("lots");
    assert_eq!(
        (d.nearest[0].staker, d.nearest[0].k),
        (o.winner.staker, o.winner.k)
    );
    assert_eq!(d.nearest.len(), NEAREST);
    // Each slice's sample lies in that slice and is its lot closest to the reference.
    let winner_bin = bin_of(d.nearest[0].position());
    assert_eq!(d.samples[winner_bin], Some(d.nearest[0]));
    for (b, sample) in d.samples.iter().enumerate() {
        if let Some(l) = sample {
            assert_eq!(bin_of(l.position()), b);
        }
    }
    // Hovering a slice tells its counts and the sample.
    match d.hover_at(d.nearest[0].position()) {
        Some(Hover::Slice {
            counts,
            total,
            sample,
        }) => {
            assert_eq!(counts.iter().sum::<u32>(), total);
            assert_eq!(sample, Some(d.nearest[0]));
        }
        other => panic!("{other:?}"),
    }
    // The digest is small enough to post from a worker.
    let json = serde_json::to_string(&d).expect("serializable");
    assert!(json.len() < 1_000_000, "{} bytes", json.len());
}

#[test]
fn hovering_finds_the_nearest_lot() {
    let s = stakers(&[(1, 20), (2, 20)]);
    let d = LotteryDigest::from_trace(&trace(&s, &seed(4)).expect("lots"));
    for l in &d.lots {
        assert_eq!(d.hover_at(l.position()), Some(Hover::Lot(*l)));
    }
    match d.hover_at(0) {
        Some(Hover::Lot(l)) => assert_eq!(l, d.lots[0]),
        other => panic!("{other:?}"),
    }
    match d.hover_at(u64::MAX) {
        Some(Hover::Lot(l)) => assert_eq!(Some(&l), d.lots.last()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_zoom_fits_the_nearest_lots_around_the_reference() {
    let s = stakers(&[(1, 300), (2, 500), (3, 200)]);
    for n in 0..6 {
        let d = LotteryDigest::compute(&seed(n), s.clone(), |_, _| {});
        let z = d.zoom_limits();
        assert!(z.min <= z.auto && z.auto <= z.max, "{z:?}");
        // The winner is inside the smallest window; no unknown lot is inside the largest.
        assert!(bit_len(d.nearest[0].offset) <= z.min);
        let last = d.nearest.last().expect("kept");
        assert!(bit_len(last.offset) > z.max);
        let half = 500u32;
        let marks = d.zoom_marks(z.auto, half);
        assert!(marks.len() >= ZOOM_FIT, "{} marks", marks.len());
        for m in &marks {
            let l = &d.nearest[m.index];
            assert!(m.dx.unsigned_abs() <= u64::from(half) * SUBPIXEL);
            assert_eq!(m.dx >= 0, l.above, "{m:?}");
        }
        // Marks keep the lots' order along the line: signed offsets sorted = dx sorted.
        let mut by_value: Vec<_> = marks.clone();
        by_value.sort_by_key(|m| m.dx);
        let values: Vec<(bool, U256)> = by_value
            .iter()
            .map(|m| (d.nearest[m.index].above, d.nearest[m.index].offset))
            .collect();
        for w in values.windows(2) {
            match (w[0].0, w[1].0) {
                (false, false) => assert!(w[0].1 >= w[1].1),
                (true, true) => assert!(w[0].1 <= w[1].1),
                (a, b) => assert!(!a || b),
            }
        }
        // At the closest zoom the winner is still shown; closer in, nothing is.
        assert!(d.zoom_marks(z.min, half).iter().any(|m| m.index == 0));
        if z.min > 0 {
            assert!(d.zoom_marks(z.min - 1, half).iter().all(|m| m.index != 0));
        }
        // The window on the overview is centred on the reference.
        let (lo, hi) = d.window_on_line(z.auto);
        let r = d.reference_position();
        assert!(lo <= r && r <= hi);
    }
}

#[test]
fn a_lone_lot_wins_and_the_zoom_covers_the_whole_range() {
    let s = stakers(&[(1, 1)]);
    let d = LotteryDigest::compute(&seed(2), s, |_, _| {});
    assert_eq!(d.nearest.len(), 1);
    let z = d.zoom_limits();
    assert_eq!(z.max, 255);
    assert_eq!(d.zoom_marks(z.auto, 100).len(), 1);
    // Wherever the lone lot lies, even 2^255 or more from the reference (a quarter of seeds),
    // the zoom shows it: the window grows to reference ± 2^256 then.
    let mut far = 0;
    for n in 0..24 {
        let d = LotteryDigest::compute(&seed(n), stakers(&[(1, 1)]), |_, _| {});
        let z = d.zoom_limits();
        let marks = d.zoom_marks(z.auto, 100);
        assert_eq!(marks.len(), 1, "seed {n}: {z:?}");
        assert!(
            marks[0].dx.unsigned_abs() <= 100 * SUBPIXEL,
            "seed {n}: {marks:?}"
        );
        if bit_len(d.nearest[0].offset) == 256 {
            far += 1;
            assert_eq!((z.min, z.auto, z.max), (256, 256, 256));
            assert_eq!(d.window_on_line(256), (0, u64::MAX));
        }
    }
    assert!(far > 0, "no seed put the lot 2^255 or more away");
}

#[test]
fn words_and_numbers_for_the_screen() {
    assert_eq!(group(0), "0");
    assert_eq!(group(999), "999");
    assert_eq!(group(1000), "1,000");
    assert_eq!(group(1_000_000), "1,000,000");
    assert_eq!(lots(1), "1 lot");
    assert_eq!(lots(0), "0 lots");
    assert_eq!(lots(20_001), "20,001 lots");
    assert_eq!(count(1, "open link"), "1 open link");
    assert_eq!(count(0, "message"), "0 messages");
    assert_eq!(percent(1, 201), "0.49 %");
    assert_eq!(percent(100, 201), "49.75 %");
    assert_eq!(percent(1, 50_001), "< 0.01 %");
    assert_eq!(percent(0, 5), "0.00 %");
    assert_eq!(percent(5, 0), "0.00 %");
    let half = U256([1 << 63, 0, 0, 0]);
    assert_eq!(
        common::english(&offset_share(half)),
        "50.00 % of the range (1 part in 2)"
    );
    assert_eq!(
        common::english(&offset_share(U256([3 << 62, 0, 0, 0]))),
        "75.00 % of the range"
    );
    let small = U256([1 << 40, 0, 0, 0]);
    assert_eq!(
        common::english(&offset_share(small)),
        "0.00000596 % of the range (1 part in 16,777,216)"
    );
    assert!(common::english(&offset_share(U256([0, 5, 0, 0]))).starts_with("less than"));
    assert_eq!(
        offset_ratio(U256([0, 10, 0, 0]), U256([0, 32, 0, 0])),
        Arg::Decimal("3.2".into())
    );
    assert_eq!(
        offset_ratio(U256([0, 0, 0, 3]), U256([0, 0, 0, 3])),
        Arg::Decimal("1.0".into())
    );
}

#[test]
fn stepping_through_blocks() {
    use BlockSelection::*;
    // Tip at 5: heights 1..=6, 6 being the next block's draw.
    assert_eq!(Newest.height(5), 5);
    assert_eq!(Next.height(5), 6);
    assert_eq!(At(2).height(5), 2);
    assert_eq!(At(9).height(5), 6);
    assert_eq!(Newest.step(-1, 5), At(4));
    assert_eq!(At(4).step(1, 5), Newest, "back at the tip: follow again");
    assert_eq!(Newest.step(1, 5), Next);
    assert_eq!(Next.step(1, 5), Next);
    assert_eq!(At(1).step(-1, 5), At(1));
    assert_eq!(BlockSelection::at(0, 5), At(1));
    // Before any block the newest draw is the one for block 1.
    assert_eq!(Newest.height(0), 1);
    assert_eq!(Newest.step(-1, 0), Next);
    // Following: a new block moves Newest and Next along; At stays.
    assert_eq!(Newest.height(6), 6);
    assert_eq!(At(4).height(6), 4);
}

#[test]
fn the_python_snippet_says_what_the_page_says() {
    let s = stakers(&[(1, 1), (2, 100), (3, 100)]);
    let sd = seed(5);
    let o = draw(&s, &sd).expect("lots");
    let names = ["Node 1", "Node 2", "Node 3"];
    let text = python_snippet(
        &SnippetInput {
            height: 12,
            seed: sd.clone(),
            stakers: s
                .iter()
                .zip(names)
                .map(|((a, st), n)| (a.clone(), *st, n.to_string()))
                .collect(),
            winner_staker: o.winner.staker,
            winner_k: o.winner.k,
            fallback: None,
        },
        &|say| common::english(&say),
    );
    // Only hashlib and json.
    let imports: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("import") || l.starts_with("from"))
        .collect();
    assert_eq!(imports, ["import hashlib", "import json"]);
    assert!(text.contains("hashlib.sha256(json.dumps(x).encode()).hexdigest()"));
    assert!(text.contains(&format!(
        "seed = \"{sd}\"  # the parent block's hash (block #11)"
    )));
    for ((a, st), n) in s.iter().zip(names) {
        assert!(text.contains(&format!("    (\"{a}\", {st}),  # {n}\n")));
        assert!(text.contains(&format!("    \"{a}\": \"{n}\",\n")));
    }
    let winner_addr = &s[o.winner.staker].0;
    assert!(text.contains(&format!(
        "lot = \"{winner_addr}\" + seed\nfor _ in range({}):\n",
        o.winner.k
    )));
    for label in [
        "print(\"reference:\", reference)",
        "print(\"winning lot:\", lot)",
        "print(\"closest lot:\", names[address], \"k =\", k, value)",
        "print(\"offset:\", format(offset, \"064x\"))",
        "print(\"forger:\", names[address], address)",
    ] {
        assert!(text.contains(label), "{label}");
    }
    assert!(text.contains("# Every lot (201 in all)"));
}

/// Long enough for a request to reach the exchange, the winner to forge and the block to
/// reach everyone.
const SETTLE: u64 = 3 * (IN_TAB_LATENCY_MS + 150) + FORGE_DELAY_MS + 500;
const T0: u64 = 1_700_000_000_000;

/// A playground whose chain has stakes: Node 2 and Node 3 stake 100 each, then a few
/// transfers make blocks drawn among 201 lots.
fn staked_playground() -> Playground {
    let others = (2..5u8).map(|i| Wallet::from_seed([i; 32])).collect();
    let mut p = Playground::new(founders(11), ids("t11", 11), T0, others);
    let mut t = T0;
    let mut step = |p: &mut Playground, reqs: &[(usize, Request)]| {
        for (i, r) in reqs {
            p.submit(*i, r.clone()).expect("accepted");
        }
        t += SETTLE;
        let _ = p.advance(t);
    };
    step(
        &mut p,
        &[(1, Request::Exchange(200)), (2, Request::Exchange(200))],
    );
    step(
        &mut p,
        &[(1, Request::Stake(100)), (2, Request::Stake(100))],
    );
    for _ in 0..4 {
        step(&mut p, &[(1, Request::Exchange(1))]);
    }
    p
}

#[test]
fn every_block_s_draw_names_its_forger_and_colours_follow_the_nodes() {
    let p = staked_playground();
    let tip = p.node(0).expect("host").chain().height();
    assert!(tip >= 5, "tip {tip}");
    assert_eq!(p.lottery_heights(0), Some((1, tip + 1)));
    for h in 1..=tip + 1 {
        let b = p.block_lottery(0, h).expect("draw");
        assert_eq!(b.forged, h <= tip);
        // The forger owns the winning lot.
        assert_eq!(b.owner(&b.outcome.winner), Some(b.forger));
        // Colours are the nodes' colours (the palette), names the nodes' names.
        let labels = p.staker_labels(&b.stakers);
        for (l, (a, _)) in labels.iter().zip(&b.stakers) {
            let i = p.index_of(a).expect("a node of this tab");
            assert_eq!(l.colour, PALETTE[i]);
            assert_eq!(l.name, format!("Node {}", i + 1));
            assert_eq!(l.tag, (i + 1).to_string());
        }
        // The digest of the chain's trace agrees with the recorded draw.
        let t = p.node(0).expect("host").chain().trace_at(h).expect("trace");
        let d = LotteryDigest::from_trace(&t);
        assert_eq!(t.outcome, b.outcome);
        assert_eq!(
            (d.nearest[0].staker, d.nearest[0].k),
            (b.outcome.winner.staker, b.outcome.winner.k)
        );
        assert_eq!(d.seed, b.seed.to_hex());
    }
    assert_eq!(p.block_lottery(0, 0), None);
    assert_eq!(p.block_lottery(0, tip + 2), None);
    assert_eq!(p.block_lottery(9, 1), None);
    // The last draws are among 201 lots.
    assert_eq!(p.block_lottery(0, tip).expect("draw").total(), 201);
}

#[test]
fn the_console_lottery_has_its_documented_shape() {
    let p = staked_playground();
    let chain = p.node(0).expect("host").chain();
    let tip = chain.height();
    let v = p
        .lottery_view(0, Some(tip))
        .map(common::json)
        .expect("json");
    for key in [
        "seed",
        "reference",
        "forger",
        "winner",
        "runnerUp",
        "stakers",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let hex = |v: &Value| v.as_str().map(str::to_string).expect("a hex string");
    assert_eq!(
        hex(&v["seed"]),
        chain.hash_at(tip - 1).expect("the parent").to_hex()
    );
    assert_eq!(hex(&v["reference"]), hash_str(&hex(&v["seed"])).to_hex());
    let forger = chain.block_at(tip).expect("the tip").forger.to_hex();
    assert_eq!(hex(&v["forger"]), forger);
    assert_eq!(hex(&v["winner"]["staker"]), forger);
    let stakers = v["stakers"].as_array().expect("list");
    assert_eq!(stakers.len(), 3);
    for s in stakers {
        let lots = s["lots"].as_array().expect("lots");
        assert_eq!(lots.len() as u64, s["stake"].as_u64().expect("stake"));
        assert!(lots
            .iter()
            .all(|l| l.as_str().is_some_and(|x| x.len() == 64)));
    }
    // The winner's hash is its staker's lot k, and its offset is |lot - reference|.
    let w = &v["winner"];
    let k = w["k"].as_u64().expect("k") as usize;
    let owner = stakers
        .iter()
        .find(|s| s["address"] == w["staker"])
        .expect("the winner stakes");
    assert_eq!(owner["lots"][k - 1], w["hash"]);
    let lot = U256::from(Hash::from_hex(&hex(&w["hash"])).expect("hex"));
    let reference = U256::from(Hash::from_hex(&hex(&v["reference"])).expect("hex"));
    assert_eq!(hex(&w["offset"]), lot.abs_diff(reference).to_hex());
    assert!(v["runnerUp"]["k"].as_u64().is_some());
    // No height: the newest block. The next draw: not forged yet.
    assert_eq!(
        p.lottery_view(0, None).map(common::json).expect("json")["height"],
        tip
    );
    assert_eq!(
        p.lottery_view(0, Some(tip + 1))
            .map(common::json)
            .expect("json")["forged"],
        false
    );
    assert!(p.lottery_view(0, Some(tip + 2)).map(common::json).is_none());
}

#[test]
fn the_forger_history_counts_every_block() {
    let p = staked_playground();
    let chain = p.node(0).expect("host").chain();
    let tip = chain.height() as usize;
    let h = p.forger_history(0).expect("history");
    assert_eq!(h.forgers.len(), tip);
    assert_eq!(h.series.iter().map(|s| s.forged).sum::<u64>(), tip as u64);
    for (i, f) in h.forgers.iter().enumerate() {
        assert_eq!(
            h.series[*f].address,
            chain.block_at(i as u64 + 1).expect("a block").forger
        );
    }
    for s in &h.series {
        assert_eq!(s.forged_bp.len(), tip);
        assert_eq!(s.stake_bp.len(), tip);
        let last = u64::from(*s.forged_bp.last().expect("points"));
        assert_eq!(last, s.forged * 10_000 / tip as u64);
    }
    // Stake shares at each draw add up to 100 % (less rounding).
    for b in 0..tip {
        let sum: u32 = h.series.iter().map(|s| s.stake_bp[b]).sum();
        assert!((9_997..=10_000).contains(&sum), "block {}: {sum}", b + 1);
    }
}

/// Runs the page's Python snippet with `python3` and compares every printed value with the
/// core's draw (natively only: a browser has no Python).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_python_snippet_prints_the_page_s_values() {
    use std::process::Command;
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: skipped");
        return;
    }
    let s = stakers(&[(1, 1), (2, 100), (3, 100), (4, 37)]);
    for n in 0..3 {
        let sd = seed(n);
        let o = draw(&s, &sd).expect("lots");
        let names: Vec<String> = (1..=s.len()).map(|i| format!("Node {i}")).collect();
        let text = snippet_of(7, &sd, &s, &o, None);
        let out = Command::new("python3")
            .arg("-c")
            .arg(&text)
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        let w = o.winner;
        let r = o.runner_up.expect("runner-up");
        let wa = &s[w.staker].0;
        let expected = format!(
            "reference: {}\nwinning lot: {}\nclosest lot: {} k = {} {}\noffset: {}\nrunner-up: {} k = {} {}\nforger: {} {}\n",
            o.reference.to_hex(),
            w.hash.to_hex(),
            names[w.staker],
            w.k,
            w.hash.to_hex(),
            w.offset.to_hex(),
            names[r.staker],
            r.k,
            r.hash.to_hex(),
            names[w.staker],
            wa,
        );
        assert_eq!(stdout, expected);
    }
}

/// When a staker ranked after the winner forged (slots), the snippet also recomputes that
/// staker's rank from every staker's closest lot, as the core's ranking does.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_python_snippet_checks_a_fallback_forger_s_rank() {
    use pos_core::lottery::rank;
    use std::process::Command;
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: skipped");
        return;
    }
    let s = stakers(&[(1, 30), (2, 0), (3, 20), (4, 25)]);
    for n in 0..3 {
        let sd = seed(20 + n);
        let ranking = rank(&s, &sd).expect("lots");
        let o = ranking.outcome;
        let names: Vec<String> = (1..=s.len()).map(|i| format!("Node {i}")).collect();
        for r in 1..ranking.order.len() {
            let forger = ranking.order[r].staker;
            let text = snippet_of(3, &sd, &s, &o, Some((forger, r as u64)));
            let out = Command::new("python3")
                .arg("-c")
                .arg(&text)
                .output()
                .expect("python3 runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stdout = String::from_utf8(out.stdout).expect("utf-8");
            let tail = format!(
                "rank of forger: {r}\nforger: {} {}\n",
                names[forger], s[forger].0
            );
            assert!(stdout.ends_with(&tail), "{stdout}");
            assert!(stdout.starts_with(&format!("reference: {}\n", o.reference.to_hex())));
        }
    }
}

/// `draw` and `rank` (four chains at a time in SIMD lanes when wasm has simd128) agree with
/// `trace` (one chain at a time) on awkward mixes: zero and one-lot stakers, more stakers than
/// lanes, one long chain left at the end.
#[test]
fn parallel_draws_agree_with_the_lot_by_lot_trace() {
    use pos_core::lottery::{rank, Lot};
    let mixes: [&[(u8, u64)]; 6] = [
        &[(1, 1)],
        &[(1, 0), (2, 3)],
        &[(1, 5), (2, 1), (3, 0), (4, 7), (5, 2), (6, 9), (7, 1)],
        &[(1, 300), (2, 2), (3, 40)],
        &[(1, 17), (2, 17), (3, 17), (4, 17), (5, 17)],
        &[(9, 1), (8, 1), (7, 1), (6, 1), (5, 1), (4, 60)],
    ];
    for (m, mix) in mixes.iter().enumerate() {
        let s = stakers(mix);
        for n in 0..4u8 {
            let sd = seed(100 + 10 * m as u8 + n);
            let t = trace(&s, &sd).expect("lots");
            assert_eq!(draw(&s, &sd), Some(t.outcome), "mix {m} seed {n}");
            let r = rank(&s, &sd).expect("lots");
            assert_eq!(r.outcome, t.outcome);
            // Each staker's best lot from the trace, ranked by offset then staker.
            let reference = U256::from(t.outcome.reference);
            let mut best: Vec<Lot> = t
                .stakers
                .iter()
                .enumerate()
                .filter_map(|(i, st)| {
                    st.lots
                        .iter()
                        .enumerate()
                        .map(|(j, h)| Lot {
                            staker: i,
                            k: j as u64 + 1,
                            hash: *h,
                            offset: U256::from(*h).abs_diff(reference),
                        })
                        .min_by_key(|l| (l.offset, l.k))
                })
                .collect();
            best.sort_by_key(|l| (l.offset, l.staker));
            assert_eq!(r.order, best, "mix {m} seed {n}");
        }
    }
}

/// The worker reports progress every `PROGRESS_EVERY` lots, so even one big staker's draw
/// moves the progress bar.
#[test]
fn progress_comes_in_steps_of_lots() {
    use pos_playground::logic::lottery::digest::PROGRESS_EVERY;
    let total = PROGRESS_EVERY + 4_464;
    let s = stakers(&[(1, total - 3), (2, 3)]);
    let mut steps = Vec::new();
    let d = LotteryDigest::compute(&seed(7), s.clone(), |done, all| steps.push((done, all)));
    assert_eq!(steps, vec![(PROGRESS_EVERY, total), (total, total)]);
    assert_eq!(d.total, total);
    let o = draw(&s, &seed(7)).expect("lots");
    assert_eq!(
        (d.nearest[0].staker, d.nearest[0].k),
        (o.winner.staker, o.winner.k)
    );
}

/// The Python snippet for a draw of `stakers` on `sd` at `height`, the stakers named
/// "Node 1", "Node 2"…, its comments in English.
fn snippet_of(
    height: u64,
    sd: &str,
    stakers: &[(String, u64)],
    o: &Outcome,
    fallback: Option<(usize, u64)>,
) -> String {
    python_snippet(
        &SnippetInput {
            height,
            seed: sd.to_string(),
            stakers: stakers
                .iter()
                .enumerate()
                .map(|(i, (a, st))| (a.clone(), *st, format!("Node {}", i + 1)))
                .collect(),
            winner_staker: o.winner.staker,
            winner_k: o.winner.k,
            fallback,
        },
        &|say| common::english(&say),
    )
}
