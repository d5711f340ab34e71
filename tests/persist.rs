//! Saving and restoring a tab, and chain files, natively and in wasm (headless Chromium): what comes back
//! is validated again, and damage is refused with the height and the reason.

use pos_core::Wallet;
use pos_playground::logic::model::{Playground, Request, FORGE_DELAY_MS, IN_TAB_LATENCY_MS};
use pos_playground::logic::persist::LoadError;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::{founders, ids};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

const SETTLE: u64 = 3 * (IN_TAB_LATENCY_MS + 150) + FORGE_DELAY_MS + 500;

fn with_blocks() -> Playground {
    let others = (2..4u8).map(|i| Wallet::from_seed([i; 32])).collect();
    let mut p = Playground::new(founders(3), ids("t3", 3), T0, others);
    p.submit(1, Request::Exchange(50)).expect("accepted");
    let _ = p.advance(T0 + SETTLE);
    p.submit(1, Request::Stake(10)).expect("accepted");
    let _ = p.advance(T0 + 2 * SETTLE);
    p.submit(1, Request::Stake(5)).expect("pooled");
    p
}

#[test]
fn a_saved_tab_comes_back_with_its_chain_keys_and_pool() {
    let p = with_blocks();
    let text = p.save_text(T0);
    let q = Playground::restore(&text, ids("abcd", 9), T0 + 1).expect("valid save");
    assert_eq!(q.summaries().len(), p.summaries().len());
    for (a, b) in p.summaries().iter().zip(q.summaries()) {
        assert_eq!(
            (&a.address, a.balance, a.stake, a.height, &a.tip),
            (&b.address, b.balance, b.stake, b.height, &b.tip)
        );
    }
    assert_eq!(
        q.node(1).map(|n| n.pool().len()),
        Some(1),
        "the pooled stake is back"
    );
    assert!(q.node(0).is_some_and(|n| n.hosts_exchange()));
}

#[test]
fn damaged_saves_and_files_are_refused_with_their_reason() {
    let p = with_blocks();
    let mut state: serde_json::Value = serde_json::from_str(&p.save_text(T0)).expect("json");
    state["blocks"][2]["timestamp"] = serde_json::json!(1);
    let err = Playground::restore(&state.to_string(), ids("abcd", 9), T0)
        .err()
        .expect("refused");
    assert_eq!(err.height(), 2);
    state["version"] = serde_json::json!(0);
    assert!(matches!(
        Playground::restore(&state.to_string(), ids("abcd", 9), T0),
        Err(LoadError::Version {
            found: 0,
            expected: 2
        })
    ));
    assert!(matches!(
        Playground::restore("[]", ids("abcd", 9), T0),
        Err(LoadError::Unreadable(_))
    ));
    assert!(matches!(
        Playground::restore("{}", ids("abcd", 9), T0),
        Err(LoadError::NotOurs)
    ));

    let file = p.export_chain(2, false, T0).expect("node");
    let fresh = || Wallet::from_seed([77; 32]);
    let imported = Playground::import_chain(&file, ids("t5", 5), T0, fresh()).expect("valid");
    assert_eq!(
        imported.summary(0).map(|s| s.tip),
        p.summary(2).map(|s| s.tip)
    );
    let mut bad: serde_json::Value = serde_json::from_str(&file).expect("json");
    bad["blocks"][1]["forger"] = bad["blocks"][0]["forger"].clone();
    bad["blocks"][1]["transactions"][0]["receiver"] = bad["blocks"][0]["forger"].clone();
    let err = Playground::import_chain(&bad.to_string(), ids("t5", 5), T0, fresh())
        .err()
        .expect("refused");
    assert_eq!(err.height(), 1);
    assert!(err.to_string().starts_with("block 1 is invalid: "), "{err}");
}
