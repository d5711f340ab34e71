//! The tab's history (issue 29): random scenarios on a tab running alone, with deferred draws
//! answered late, crashes, partitions and branches. A seek to any event, in any order, gives
//! the state a fresh replay from the start gives; a branch never changes its parent's events;
//! a recording opens to the same state; a damaged recording is refused with its place and
//! changes nothing. Runs natively (`cargo test`).

use pos_core::sim::SplitMix64;
use pos_core::{Hash, Wallet};
use pos_playground::logic::command::Command;
use pos_playground::logic::history::recording::{Opening, RecordingError};
use pos_playground::logic::history::{DrawAnswer, Entry, History};
use pos_playground::logic::model::{Founders, Ids, Playground, Request, Target};

mod common;

const T0: u64 = 1_700_000_000_000;

fn tab(seed: u8) -> Playground {
    let w = |i: u8| Wallet::from_seed([i.wrapping_mul(31) ^ seed; 32]);
    Playground::new(
        Founders {
            genesis: w(1),
            exchange: w(2),
        },
        Ids {
            tab: format!("t{seed}"),
            net_seed: u64::from(seed) * 7_919,
        },
        T0,
        vec![w(3), w(4), w(5)],
    )
}

/// A hash over every node's chain (every block hash), pool, accounts and peers' heights,
/// whether it is crashed, the network's time and what is in flight, and the feed.
/// The refusal of a recording that should not open.
fn refusal(text: &str) -> RecordingError {
    match History::open(text) {
        Ok(_) => panic!("a damaged recording opened"),
        Err(e) => e,
    }
}

fn fingerprint(p: &Playground) -> Hash {
    let mut s = String::new();
    for i in 0..p.len() {
        let n = p.node(i).expect("node");
        let chain = n.chain();
        for h in chain.hashes() {
            s.push_str(&h.to_hex());
        }
        for tx in n.pool().transactions() {
            s.push_str(&tx.id().to_hex());
        }
        for a in chain.accounts().addresses() {
            let acc = chain.accounts();
            s.push_str(&format!(
                "{a:?}={}/{}/{};",
                acc.balance(&a),
                acc.stake(&a),
                acc.next_nonce(&a)
            ));
        }
        s.push_str(&format!("crashed={};", p.net().is_crashed(i)));
    }
    s.push_str(&format!(
        "now={} flight={} traffic={:?};",
        p.net().now(),
        p.net().in_flight(),
        p.net().traffic()
    ));
    for a in p.activity() {
        s.push_str(&format!("{:?}", a.text));
    }
    Hash::of(s.as_bytes())
}

/// Runs a random scenario of `steps` on `shown` through `history`, with draws of 60 lots and
/// more deferred and answered late; seeks back now and then and acts there (a branch).
fn scenario(
    history: &mut History,
    shown: &mut Playground,
    rng: &mut SplitMix64,
    steps: usize,
    t: &mut u64,
) {
    let mut draws: Vec<pos_core::chain::DrawRequest> = Vec::new();
    let _ = history.run(
        shown,
        Entry::Draws {
            defer_from: Some(60),
            external: true,
        },
    );
    for _ in 0..steps {
        *t += 40 + rng.below(500);
        let now = *t;
        let step = history.tick(shown, now);
        draws.extend(step.draws);
        let n = history.live(shown).len();
        let node = rng.below(n as u64) as usize;
        let command = match rng.below(100) {
            0..=59 => None,
            60..=69 => Some(Command::Submit {
                node,
                request: Request::Exchange(20 + rng.below(80)),
            }),
            70..=77 => Some(Command::Submit {
                node,
                request: Request::Stake(5 + rng.below(40)),
            }),
            78..=84 => Some(Command::Submit {
                node,
                request: Request::Transfer(
                    Target::Node(rng.below(n as u64) as usize),
                    1 + rng.below(10),
                ),
            }),
            85..=86 => Some(Command::Crash(node)),
            87..=89 => Some(Command::Restart(node)),
            90 => Some(Command::Partition(vec![vec![0, 1], vec![2, 3]])),
            91..=92 => Some(Command::Heal),
            93 => Some(Command::Forge(node)),
            _ => None,
        };
        if let Some(c) = command {
            let _ = history.apply(shown, c, now);
        }
        if !draws.is_empty() && rng.below(3) == 0 {
            let draw = draws.remove(0);
            let ranking = pos_core::chain::compute_draw(&draw.stakers, &draw.seed);
            let _ = history.run(
                shown,
                Entry::Draw(Box::new(DrawAnswer {
                    now,
                    draw,
                    ranking,
                    by_worker: true,
                })),
            );
        }
        // Now and then, go back and do something else there: a new branch.
        if rng.below(150) == 0 && history.events() > 10 {
            let e = rng.below(history.events());
            history.seek(shown, e).expect("an event of the branch");
            let _ = history.apply(shown, Command::Crash(node), now);
            draws.clear();
            draws.extend(history.live(shown).net().pending_draws());
        }
    }
}

#[test]
fn a_seek_is_a_replay_from_the_start_and_a_branch_keeps_its_parent() {
    for seed in 1..=3u8 {
        let mut rng = SplitMix64::new(u64::from(seed));
        let mut shown = tab(seed);
        let mut history = History::begin(&mut shown, T0);
        let mut t = T0;
        scenario(&mut history, &mut shown, &mut rng, 1_000, &mut t);
        // The parent's events, before more branches grow from it.
        let parent = history.current();
        let last = history.events();
        let mut kept = Vec::new();
        for _ in 0..12 {
            let e = rng.below(last + 1);
            kept.push((e, fingerprint(&history.state_at(parent, e))));
        }
        scenario(&mut history, &mut shown, &mut rng, 1_000, &mut t);
        let view = history.view(&shown);
        eprintln!(
            "seed {seed}: {} events, {} entries, {} snapshots, branches {:?}, {} blocks, {} forks, worker draws {}",
            history.events(),
            history.entries(),
            history.snapshots(),
            view.branches,
            view.blocks.len(),
            view.forks.len(),
            shown.worker_draws()
        );
        assert!(
            view.branches.len() >= 2,
            "seed {seed}: some branches: {:?}",
            view.branches
        );
        assert!(
            view.blocks.len() >= 5,
            "seed {seed}: blocks forged: {}",
            view.blocks.len()
        );
        for (e, f) in &kept {
            assert_eq!(
                fingerprint(&history.state_at(parent, *e)),
                *f,
                "seed {seed}: branch {parent}'s event {e} changed"
            );
        }
        // Seeks in random order, on every branch, against replays from the very start.
        for _ in 0..40 {
            let b = rng.below(view.branches.len() as u64) as usize;
            let e = rng.below(view.branches[b].events + 1);
            assert_eq!(
                fingerprint(&history.state_at(b, e)),
                fingerprint(&history.replay_from_start(b, e)),
                "seed {seed}: branch {b}, event {e}"
            );
        }
        // The page's way: seek, step, come back.
        let now_print = fingerprint(&shown);
        let events = history.events();
        for e in [events / 2, 1, events - 1, 0, events / 3] {
            history.seek(&mut shown, e).expect("seek");
            assert_eq!(history.at(), e);
            assert_eq!(
                fingerprint(&shown),
                fingerprint(&history.replay_from_start(history.current(), e))
            );
        }
        history.seek(&mut shown, events).expect("back to now");
        assert!(!history.viewing_past());
        assert_eq!(
            fingerprint(&shown),
            now_print,
            "seed {seed}: the present came back"
        );
    }
}

#[test]
fn a_recording_opens_to_the_same_state() {
    let mut rng = SplitMix64::new(42);
    let mut shown = tab(9);
    let mut history = History::begin(&mut shown, T0);
    let mut t = T0;
    scenario(&mut history, &mut shown, &mut rng, 600, &mut t);
    let text = history.recording().expect("a tab alone can be saved");
    assert!(text.contains("\"keys\":true"), "marked as holding keys");
    let (opened, live) = History::open(&text).expect("it opens");
    assert_eq!(fingerprint(&live), fingerprint(&shown), "the same present");
    assert_eq!(opened.events(), history.events(), "the same events");
    for e in [0, 1, history.events() / 2, history.events()] {
        assert_eq!(
            fingerprint(&opened.state_at(opened.current(), e)),
            fingerprint(&history.state_at(history.current(), e)),
            "event {e}"
        );
    }
}

#[test]
fn a_recording_opened_a_slice_at_a_time_is_the_same_as_at_once() {
    let mut rng = SplitMix64::new(17);
    let mut shown = tab(3);
    let mut history = History::begin(&mut shown, T0);
    let mut t = T0;
    scenario(&mut history, &mut shown, &mut rng, 300, &mut t);
    let text = history.recording().expect("saved");
    let (whole, whole_live) = History::open(&text).expect("it opens");
    for seed in 0..3 {
        let mut sizes = SplitMix64::new(seed);
        let mut opening = Opening::start(&text).expect("its start holds");
        let (done, total) = opening.progress();
        assert_eq!(done, 0);
        assert!(total > 100, "{total} entries");
        let mut slices = 0;
        while !opening
            .step(1 + (sizes.next_u64() % 40) as usize)
            .expect("every entry holds")
        {
            let (now_done, now_total) = opening.progress();
            assert!(now_done < now_total && now_total == total);
            slices += 1;
        }
        assert_eq!(opening.progress(), (total, total));
        assert!(slices > 5, "opened in {slices} slices");
        let (opened, live) = opening.finish();
        assert_eq!(
            fingerprint(&live),
            fingerprint(&whole_live),
            "the same present"
        );
        assert_eq!(opened.events(), whole.events(), "the same events");
        let e = opened.events() / 3;
        assert_eq!(
            fingerprint(&opened.state_at(opened.current(), e)),
            fingerprint(&whole.state_at(whole.current(), e)),
        );
    }
    // A damaged entry stops the slice it is in, with its number.
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["entries"][57] = serde_json::json!({"t": "teleport", "now": T0});
    let mut opening = Opening::start(&v.to_string()).expect("its start holds");
    assert!(!opening.step(50).expect("the first 50 hold"));
    assert!(matches!(
        opening.step(50),
        Err(RecordingError::Entry { index: 57, .. })
    ));
}

#[test]
fn a_damaged_recording_is_refused_with_its_place() {
    let mut rng = SplitMix64::new(5);
    let mut shown = tab(4);
    let mut history = History::begin(&mut shown, T0);
    let mut t = T0;
    scenario(&mut history, &mut shown, &mut rng, 200, &mut t);
    let text = history.recording().expect("saved");
    // Not JSON, another format, another version.
    assert!(matches!(History::open("{"), Err(RecordingError::Start(_))));
    let other = text.replace("pos-playground-recording", "something-else");
    assert!(common::english(&refusal(&other).say()).contains("not a pos-playground file"));
    let newer = text.replacen("\"version\":1", "\"version\":9", 1);
    assert!(common::english(&refusal(&newer).say()).contains("another version"));
    // An entry of an unknown kind, named by its place.
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["entries"][3] = serde_json::json!({"t": "teleport", "now": T0});
    let err = refusal(&v.to_string());
    assert!(
        matches!(err, RecordingError::Entry { index: 3, .. }),
        "{err:?}"
    );
    // Time going back.
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let n = v["entries"].as_array().map_or(0, Vec::len);
    v["entries"][n - 1] = serde_json::json!({"t": "advance", "now": T0 - 1});
    let err = refusal(&v.to_string());
    let words = common::english(&err.say());
    assert!(words.starts_with(&format!("entry {}", n - 1)), "{words}");
    // Too far in the future (the network would run for days).
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["entries"][n - 1] = serde_json::json!({"t": "advance", "now": T0 + 400 * 24 * 3_600_000u64});
    assert!(matches!(
        History::open(&v.to_string()),
        Err(RecordingError::Entry { .. })
    ));
    // A damaged key of a new node, a damaged chain in the start.
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["entries"][1] = serde_json::json!({"t": "addNode", "now": T0, "key": "zz"});
    assert!(matches!(
        History::open(&v.to_string()),
        Err(RecordingError::Entry { index: 1, .. })
    ));
    let mut v: serde_json::Value = serde_json::from_str(&text).expect("json");
    v["start"]["save"] = serde_json::json!("{\"format\":\"pos-playground-state\",\"version\":2}");
    assert!(matches!(
        History::open(&v.to_string()),
        Err(RecordingError::Start(_))
    ));
    // Too big.
    let big = format!("{}{}", text, " ".repeat(9 * 1024 * 1024));
    assert!(matches!(
        History::open(&big),
        Err(RecordingError::TooBig(_))
    ));
    // Cut anywhere: refused, never a panic.
    for cut in (0..text.len()).step_by(text.len() / 97 + 1) {
        assert!(History::open(&text[..cut]).is_err());
    }
}

#[test]
fn pause_holds_the_network_and_a_step_is_one_event() {
    let mut shown = tab(3);
    let mut history = History::begin(&mut shown, T0);
    let mut t = T0;
    let _ = history.apply(
        &mut shown,
        Command::Submit {
            node: 1,
            request: Request::Exchange(50),
        },
        t,
    );
    for _ in 0..30 {
        t += 300;
        let _ = history.tick(&mut shown, t);
    }
    history
        .apply(&mut shown, Command::Pause, t)
        .expect("a tab alone pauses");
    let (height, events) = (shown.summary(0).map(|s| s.height), history.events());
    for _ in 0..50 {
        t += 1_000;
        let _ = history.tick(&mut shown, t);
    }
    assert_eq!(
        shown.summary(0).map(|s| s.height),
        height,
        "paused: no block"
    );
    assert_eq!(history.events(), events, "paused: no event");
    history
        .apply(&mut shown, Command::StepEvent, t)
        .expect("a step");
    assert_eq!(
        history.events(),
        events + 1,
        "a step is the command's one event"
    );
    history
        .apply(&mut shown, Command::Play(1), t)
        .expect("play at a quarter");
    assert!(!shown.clock().paused());
    let text = history.recording().expect("saved");
    let (_, live) = History::open(&text).expect("opens");
    assert_eq!(fingerprint(&live), fingerprint(&shown));
}

#[test]
fn play_in_the_past_replays_it_at_its_pace_then_the_network_goes_on() {
    let mut shown = tab(4);
    let mut history = History::begin(&mut shown, T0);
    let mut t = T0;
    for amount in [30, 40, 50] {
        let _ = history.apply(
            &mut shown,
            Command::Submit {
                node: 1,
                request: Request::Exchange(amount),
            },
            t,
        );
        for _ in 0..20 {
            t += 300;
            let _ = history.tick(&mut shown, t);
        }
    }
    history
        .apply(&mut shown, Command::Pause, t)
        .expect("a tab alone pauses");
    let (events, height) = (history.events(), shown.summary(0).map(|s| s.height));
    assert!(
        events > 10 && height >= Some(2),
        "{events} events, height {height:?}"
    );

    // Back to the first third, then play at ×4: the shown state moves forward event by
    // event, each one the state a seek to it gives, never past the present.
    let start = events / 3;
    history.seek(&mut shown, start).expect("an event");
    assert!(history.replay(16, t), "the past is shown: a replay starts");
    let view = history.view(&shown);
    assert!(!view.paused && (view.speed - 4.0).abs() < 1e-9, "{view:?}");
    let mut at = start;
    let mut moves = 0;
    while history.view(&shown).at < events {
        t += 100;
        let _ = history.tick(&mut shown, t);
        let now_at = history.view(&shown).at;
        assert!(now_at >= at, "a replay only goes forward ({at} → {now_at})");
        if now_at > at && now_at < events {
            moves += 1;
            assert_eq!(
                fingerprint(&shown),
                fingerprint(&history.state_at(history.view(&shown).branch, now_at)),
                "the replay shows event {now_at} as a seek does"
            );
        }
        at = now_at;
        assert!(t < T0 + 120_000, "the replay reaches the present");
    }
    assert!(
        moves >= 3,
        "the past was played in steps, not jumped over ({moves})"
    );

    // At the present the network goes on at the replay's speed, from the same state.
    assert!(!shown.clock().paused(), "the network plays on");
    assert_eq!(shown.clock().quarters(), 16);
    assert_eq!(history.events(), events + 1, "one more event: the play");

    // Pause during a replay stops it where it is.
    history.seek(&mut shown, start).expect("an event");
    assert!(history.replay(4, t));
    assert!(history.stop_replay());
    t += 10_000;
    let _ = history.tick(&mut shown, t);
    assert_eq!(history.view(&shown).at, start, "a stopped replay stays");
}

/// What the thread remembers (valid signatures, `pos_core::wallet::verified`; recent draws)
/// only saves time: a scenario run on a fresh thread (nothing remembered), then twice on
/// this one (the second time every signature and draw is remembered from the first) gives
/// the same states, event for event.
#[test]
fn what_the_thread_remembers_changes_no_state() {
    fn run() -> Vec<Hash> {
        let mut rng = SplitMix64::new(11);
        let mut shown = tab(11);
        let mut history = History::begin(&mut shown, T0);
        let mut t = T0;
        scenario(&mut history, &mut shown, &mut rng, 500, &mut t);
        let mut prints = vec![fingerprint(&shown)];
        let last = history.events();
        for e in (0..=last).step_by(7) {
            prints.push(fingerprint(
                &history.replay_from_start(history.current(), e),
            ));
        }
        prints
    }
    let cold = std::thread::spawn(run)
        .join()
        .expect("the fresh thread's run");
    pos_core::wallet::verified::forget();
    let first = run();
    assert!(
        pos_core::wallet::verified::remembered() > 20,
        "signatures remembered"
    );
    let warm = run();
    assert!(cold.len() > 10, "events: {}", cold.len());
    assert_eq!(
        cold, first,
        "nothing remembered, or remembered along the way"
    );
    assert_eq!(first, warm, "everything remembered from the run before");
}
