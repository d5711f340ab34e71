//! What `pos lottery` reads on stdin: `{"stakers": [[address, stake], ...], "seed": "<hex>"}`.
//! The CLI is a binary, so its input type is repeated here (`LotteryInput`, with
//! `deny_unknown_fields`, as in cli/src/main.rs), and the target does what the command does:
//! `lottery::draw` (and `lottery::trace`), then indexes the stakers with the lots it got back.
//! Checks: no panic, the winner and runner-up index a staker, draw and trace agree, the total
//! of lots is the total stake.
//!
//! A draw costs one hash per staked token, so the target skips tables above 2^14 tokens (the
//! command itself has no limit: see docs/fuzzing.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_core::lottery;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct LotteryInput {
    stakers: Vec<(String, u64)>,
    seed: String,
}

const MAX_TOTAL: u64 = 1 << 14;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(input) = serde_json::from_str::<LotteryInput>(text) else {
        return;
    };
    let total = input
        .stakers
        .iter()
        .try_fold(0u64, |t, (_, s)| t.checked_add(*s));
    let Some(total) = total.filter(|t| *t <= MAX_TOTAL) else {
        return;
    };
    let outcome = lottery::draw(&input.stakers, &input.seed);
    assert_eq!(
        outcome.is_none(),
        total == 0,
        "a draw exactly when someone has stake"
    );
    let Some(o) = outcome else { return };
    assert!(o.winner.staker < input.stakers.len());
    if let Some(r) = &o.runner_up {
        assert!(r.staker < input.stakers.len());
    }
    assert_eq!(o.total_lots, total);
    if total <= 1 << 10 {
        let t = lottery::trace(&input.stakers, &input.seed).expect("the trace draws too");
        assert_eq!(t.outcome, o, "draw and trace agree");
    }
});
