//! The grinding demonstration: variant counts and order, honest play against stake shares,
//! grinding against honest play, every published block rebuilt and redrawn from its parts.

use pos_core::grinding::{
    self, expected_share_ppm, orderings, variant, variants, Grinder, Report, RoundOutcome, Setup,
    SetupError, MAX_LOTS, MAX_POOL, MAX_STAKERS, PPM,
};
use pos_core::{lottery, Address, Block, Hash, Signature, SLOT_MS};
use std::collections::HashSet;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn setup(stakes: &[u64], grinder: usize, friend: Option<usize>, pool: usize, rounds: u64) -> Setup {
    Setup {
        stakes: stakes.to_vec(),
        grinder,
        friend,
        pool,
        rounds,
        seed: Hash::of(b"grinding test"),
    }
}

fn run(s: &Setup, grind: bool) -> Report {
    grinding::run(s, grind).expect("valid setup")
}

fn factorial(n: u64) -> u64 {
    (1..=n).product()
}

#[test]
fn variant_counts_are_ordered_selections() {
    assert_eq!(
        (0..=MAX_POOL).map(variants).collect::<Vec<_>>(),
        vec![1, 2, 5, 16, 65, 326]
    );
    for n in 0..=8u64 {
        let sum: u64 = (0..=n).map(|k| factorial(n) / factorial(n - k)).sum();
        assert_eq!(variants(n as usize), sum, "pool {n}");
    }
}

#[test]
fn enumeration_is_every_ordered_selection_once_honest_first() {
    for n in 0..=MAX_POOL {
        let all: Vec<Vec<usize>> = orderings(n).collect();
        assert_eq!(all.len() as u64, variants(n), "pool {n}");
        assert_eq!(orderings(n).len() as u64, variants(n));
        assert_eq!(all[0], (0..n).collect::<Vec<_>>(), "honest first");
        assert_eq!(all.last(), Some(&Vec::new()), "the empty block last");
        let distinct: HashSet<&Vec<usize>> = all.iter().collect();
        assert_eq!(distinct.len(), all.len(), "pool {n}: distinct");
        for v in &all {
            // A selection: pool indices, none repeated.
            assert!(v.iter().all(|j| *j < n));
            assert_eq!(v.iter().collect::<HashSet<_>>().len(), v.len());
        }
        // Longest first, lexicographic within a length.
        for w in all.windows(2) {
            assert!(
                w[0].len() > w[1].len() || (w[0].len() == w[1].len() && w[0] < w[1]),
                "{:?} before {:?}",
                w[0],
                w[1]
            );
        }
        for (i, v) in all.iter().enumerate() {
            assert_eq!(variant(n, i as u64).as_ref(), Some(v));
        }
        assert_eq!(variant(n, variants(n)), None);
    }
    assert_eq!(variant(MAX_POOL + 1, 0), None);
    assert_eq!(orderings(MAX_POOL + 1).count(), 0);
}

#[test]
fn expected_share_follows_the_markov_chain() {
    // One variant is honest play: the stake share.
    for (c, t) in [(1, 10), (3, 10), (1, 3), (7, 7), (0, 5)] {
        assert_eq!(expected_share_ppm(c, t, 1), c * PPM / t);
        assert_eq!(expected_share_ppm(c, t, 0), c * PPM / t, "0 counts as 1");
    }
    assert_eq!(expected_share_ppm(0, 10, 326), 0);
    assert_eq!(expected_share_ppm(10, 10, 326), PPM);
    assert_eq!(expected_share_ppm(1, 0, 5), 0);
    // s = 1/2, V = 2: p = (1/2) / (1/2 + 1/4) = 2/3.
    assert_eq!(expected_share_ppm(1, 2, 2), 666_666);
    // s = 1/5, V = 5: p = 0.2 / (0.2 + 0.32768) = 0.3790175....
    assert_eq!(expected_share_ppm(1, 5, 5), 379_017);
    // p solves p = p a + (1 - p) s, a = 1 - (1 - s)^V; check with exact fractions for s = 1/10:
    // p (1 - a + s) = s, i.e. p (9^V + 10^V / 10) = 10^V / 10 in units of 10^-V.
    for v in 1..=8u32 {
        let p = expected_share_ppm(1, 10, u64::from(v)) as u128;
        let (nine, ten) = (9u128.pow(v), 10u128.pow(v));
        let lhs = p * (nine + ten / 10);
        let rhs = u128::from(PPM) * ten / 10;
        assert!(
            lhs <= rhs && rhs - lhs <= nine + ten / 10 + ten / 1000,
            "V = {v}"
        );
    }
    // More variants, more blocks.
    let mut last = 0;
    for v in 1..=326 {
        let p = expected_share_ppm(1, 10, v);
        assert!(p >= last);
        last = p;
    }
    assert!(last > 990_000);
}

#[test]
fn honest_play_follows_stake_shares() {
    let stakes = [10, 30, 60];
    for pool in 0..=1 {
        let s = setup(&stakes, 0, None, pool, 2000);
        let r = run(&s, false);
        assert_eq!(r.rounds, 2000);
        assert_eq!(r.blocks.iter().sum::<u64>(), 2000);
        assert_eq!(r.changed_rounds, 0);
        assert_eq!(r.variants_tried, 2000, "one block per round");
        assert_eq!(r.coalition_stake_ppm, 100_000);
        assert_eq!(r.expected_block_ppm, 100_000);
        assert_eq!(r.coalition_blocks, r.blocks[0]);
        for (blocks, stake) in r.blocks.iter().zip(stakes) {
            let share = blocks * PPM / 2000;
            let want = stake * PPM / 100;
            // Standard deviations are 0.7 to 1.1 points; allow 4 points.
            assert!(
                share.abs_diff(want) < 40_000,
                "pool {pool}: {share} vs {want}"
            );
        }
        // Grinding off: the same run whoever the grinder is.
        let other = run(&setup(&stakes, 2, Some(1), pool, 2000), false);
        assert_eq!(other.blocks, r.blocks);
    }
}

#[test]
fn grinding_over_65_variants_takes_over_the_chain() {
    let s = setup(&[10, 30, 60], 0, None, 4, 500);
    let honest = run(&s, false);
    let ground = run(&s, true);
    assert_eq!(ground.coalition_stake_ppm, 100_000);
    assert!(
        ground.coalition_block_ppm > 500_000,
        "{} ppm",
        ground.coalition_block_ppm
    );
    assert!(ground.coalition_block_ppm > honest.coalition_block_ppm + 300_000);
    assert!(ground.changed_rounds > 0);
    assert!(ground.variants_tried > ground.rounds);
    assert!(ground.variants_tried <= ground.rounds * variants(4));
    // p = 0.1 / (0.1 + 0.9^65) = 0.9896...
    assert!(ground.expected_block_ppm > 989_000 && ground.expected_block_ppm < 990_000);
}

#[test]
fn grinding_share_meets_the_markov_prediction() {
    // s = 1/5, V = 5: p = 0.379; the chain mixes fast (second eigenvalue 0.47), so over 3000
    // rounds one standard deviation is about 1.5 points. Allow 5.
    let s = setup(&[20, 30, 50], 0, None, 2, 3000);
    let r = run(&s, true);
    assert_eq!(r.expected_block_ppm, 379_017);
    assert!(
        r.coalition_block_ppm.abs_diff(r.expected_block_ppm) < 50_000,
        "{} vs {}",
        r.coalition_block_ppm,
        r.expected_block_ppm
    );
}

#[test]
fn with_one_variant_grinding_is_honest_play() {
    for stakes in [&[10u64, 30, 60][..], &[1, 1], &[5]] {
        let s = setup(stakes, 0, None, 0, 300);
        assert_eq!(run(&s, true), run(&s, false));
    }
}

#[test]
fn a_friend_coalition_grinds_for_both() {
    let s = setup(&[10, 10, 80], 0, Some(1), 3, 400);
    let honest = run(&s, false);
    let ground = run(&s, true);
    assert_eq!(ground.coalition_stake_ppm, 200_000);
    assert_eq!(ground.coalition_blocks, ground.blocks[0] + ground.blocks[1]);
    // p = 0.2 / (0.2 + 0.8^16) = 0.876.
    assert!(
        ground.coalition_block_ppm > 700_000,
        "{}",
        ground.coalition_block_ppm
    );
    assert!(ground.coalition_block_ppm > honest.coalition_block_ppm + 400_000);
    // Each keeps the other in: both forge far beyond their 10%.
    assert!(
        ground.blocks[0] > 80 && ground.blocks[1] > 80,
        "{:?}",
        ground.blocks
    );
    assert!(ground.changed_rounds > 0);
    // The friend alone in a coalition with itself is the same as no friend.
    let alone = setup(&[10, 10, 80], 1, Some(1), 3, 100);
    let no_friend = setup(&[10, 10, 80], 1, None, 3, 100);
    assert_eq!(run(&alone, true), run(&no_friend, true));
}

#[test]
fn same_setup_same_report_and_another_seed_another_run() {
    let s = setup(&[10, 30, 60], 1, Some(0), 3, 200);
    assert_eq!(run(&s, true), run(&s, true));
    let mut t = s.clone();
    t.seed = Hash::of(b"another seed");
    assert_ne!(run(&t, true), run(&s, true));
    // Stepping by hand gives the same as running through; the report grows with the rounds.
    let mut g = Grinder::new(&s, true).expect("valid");
    let mut outcomes = 0;
    while let Some(o) = g.step() {
        outcomes += 1;
        assert_eq!(g.report().rounds, o.height);
    }
    assert_eq!(outcomes, 200);
    assert!(g.is_done() && g.step().is_none());
    assert_eq!(g.report(), run(&s, true));
}

/// Rebuilds the block a round published, or one of its variants, from the round's parts.
fn rebuild(g: &Grinder, o: &RoundOutcome, order: &[usize]) -> Block {
    let forger = Address::from_hex(&g.stakers()[o.forger].0).expect("hex address");
    Block {
        height: o.height,
        prev_hash: o.parent,
        forger,
        timestamp: o.height * SLOT_MS,
        transactions: order.iter().map(|j| g.pool()[*j].clone()).collect(),
        signature: Signature::default(),
    }
}

fn drawn(g: &Grinder, seed: &Hash) -> usize {
    lottery::draw(g.stakers(), &seed.to_hex())
        .expect("stake")
        .winner
        .staker
}

#[test]
fn every_round_checks_out_from_first_principles() {
    let s = setup(&[10, 30, 60], 0, Some(1), 3, 60);
    let mut g = Grinder::new(&s, true).expect("valid");
    // Real signed transactions from distinct senders, to stakers.
    assert_eq!(g.pool().len(), 3);
    assert!(g
        .pool()
        .iter()
        .all(|tx| tx.signature_valid() && tx.amount == 1));
    assert_eq!(
        g.pool()
            .iter()
            .map(|tx| tx.sender)
            .collect::<HashSet<_>>()
            .len(),
        3
    );
    let stakers: HashSet<String> = g.stakers().iter().map(|(a, _)| a.clone()).collect();
    assert!(g
        .pool()
        .iter()
        .all(|tx| stakers.contains(&tx.receiver.to_hex())));
    assert_eq!(g.parent(), s.seed);
    assert_eq!(
        g.next_forger(),
        drawn(&g, &s.seed),
        "round 1 is drawn on the seed"
    );

    let coalition = |i: usize| i == 0 || i == 1;
    let mut parent = s.seed;
    let mut changed = 0;
    for _ in 0..60 {
        let forger = g.next_forger();
        let o = g.step().expect("a round");
        assert_eq!((o.parent, o.forger), (parent, forger));
        assert_eq!(o.timestamp, o.height * SLOT_MS);
        assert_eq!(o.ground, coalition(forger));
        assert_eq!(Some(&o.transactions), variant(3, o.variant).as_ref());
        assert_eq!(rebuild(&g, &o, &o.transactions).hash(), o.hash);
        assert_eq!(drawn(&g, &o.hash), o.next_forger);
        let honest = rebuild(&g, &o, &[0, 1, 2]).hash();
        assert_eq!(drawn(&g, &honest), o.honest_next_forger);
        if !o.ground {
            assert_eq!((o.variant, o.tried), (0, 1));
        } else if coalition(o.honest_next_forger) {
            assert_eq!(
                (o.variant, o.tried),
                (0, 1),
                "the honest block already works"
            );
        } else {
            // Every variant before the published one fails; the published one works, or none
            // does and the honest block goes out after all of them were tried.
            let last = if coalition(o.next_forger) {
                o.variant
            } else {
                variants(3)
            };
            assert_eq!(o.tried, last + u64::from(o.variant != 0));
            for i in 1..last {
                let order = variant(3, i).expect("in range");
                assert!(!coalition(drawn(&g, &rebuild(&g, &o, &order).hash())));
            }
        }
        assert_eq!(
            o.changed,
            o.variant != 0 && coalition(o.next_forger) && !coalition(o.honest_next_forger)
        );
        changed += u64::from(o.changed);
        parent = o.hash;
    }
    assert_eq!(g.report().changed_rounds, changed);
}

#[test]
fn bad_setups_are_refused() {
    let good = setup(&[10, 30, 60], 0, Some(2), 5, 10);
    assert_eq!(good.validate(), Ok(()));
    let cases = [
        (
            Setup {
                grinder: 3,
                ..good.clone()
            },
            SetupError::GrinderOutOfRange {
                grinder: 3,
                stakers: 3,
            },
        ),
        (
            Setup {
                friend: Some(7),
                ..good.clone()
            },
            SetupError::FriendOutOfRange {
                friend: 7,
                stakers: 3,
            },
        ),
        (
            Setup {
                pool: 6,
                ..good.clone()
            },
            SetupError::PoolTooLarge { pool: 6, max: 5 },
        ),
        (
            Setup {
                stakes: vec![0, 0, 0],
                ..good.clone()
            },
            SetupError::NoStake,
        ),
        (
            Setup {
                stakes: vec![MAX_LOTS, 1, 0],
                ..good.clone()
            },
            SetupError::TooManyLots {
                lots: MAX_LOTS + 1,
                max: MAX_LOTS,
            },
        ),
        (
            Setup {
                stakes: vec![u64::MAX, u64::MAX, 1],
                ..good.clone()
            },
            SetupError::TooManyLots {
                lots: u64::MAX,
                max: MAX_LOTS,
            },
        ),
        (
            Setup {
                stakes: vec![1; MAX_STAKERS + 1],
                ..good.clone()
            },
            SetupError::TooManyStakers {
                stakers: MAX_STAKERS + 1,
                max: MAX_STAKERS,
            },
        ),
        (
            Setup {
                stakes: vec![],
                ..good.clone()
            },
            SetupError::GrinderOutOfRange {
                grinder: 0,
                stakers: 0,
            },
        ),
    ];
    for (s, want) in cases {
        assert_eq!(s.validate(), Err(want.clone()));
        assert_eq!(Grinder::new(&s, true).map(|_| ()), Err(want.clone()));
        assert_eq!(grinding::run(&s, false), Err(want.clone()));
        assert!(!want.to_string().is_empty());
    }
    assert_eq!(
        SetupError::PoolTooLarge { pool: 6, max: 5 }.to_string(),
        "the pool may hold at most 5 transactions (6 given)"
    );
}

#[test]
fn setup_and_report_serialize_in_camel_case() {
    let s = setup(&[1, 2], 0, Some(1), 1, 3);
    let json = serde_json::to_string(&s).expect("json");
    assert!(json.contains("\"stakes\":[1,2]") && json.contains("\"friend\":1"));
    let back: Setup = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, s);
    let r = serde_json::to_value(run(&s, true)).expect("json");
    for key in [
        "rounds",
        "blocks",
        "coalitionBlocks",
        "coalitionStakePpm",
        "coalitionBlockPpm",
        "expectedBlockPpm",
        "variantsTried",
        "changedRounds",
    ] {
        assert!(r.get(key).is_some(), "{key}");
    }
    let e = serde_json::to_value(SetupError::NoStake).expect("json");
    assert_eq!(e["error"], "noStake");
    assert_eq!(Setup::default().validate(), Ok(()));
}
