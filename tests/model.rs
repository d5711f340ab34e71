//! The page's model, natively and in a real browser (wasm32, headless Chromium): the in-tab
//! network forges, every node agrees, refusals carry plain words, and the console API's JSON
//! has its shape.

use pos_core::Wallet;
use pos_playground::logic::model::{
    Playground, Request, Target, FORGE_DELAY_MS, IN_TAB_LATENCY_MS,
};
use serde_json::json;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::four_nodes;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

fn playground() -> Playground {
    four_nodes(11, T0)
}

/// Long enough for a request to reach the exchange, the winner to forge and the block to
/// reach everyone.
const SETTLE: u64 = 3 * (IN_TAB_LATENCY_MS + 150) + FORGE_DELAY_MS + 500;

#[test]
fn a_purchase_becomes_a_block_on_every_node() {
    let mut p = playground();
    assert_eq!(p.len(), 4);
    assert!(
        p.summary(0).expect("host").forges_next,
        "the genesis key forges first"
    );
    p.submit(1, Request::Exchange(40)).expect("accepted");
    let _ = p.advance(T0 + SETTLE);
    let s = p.summaries();
    assert!(
        s.iter().all(|n| n.height == 1 && n.tip == s[0].tip),
        "{s:?}"
    );
    assert_eq!(s[1].balance, 40);
    let rows = p.timeline(5);
    assert_eq!(rows[0].height, 1);
    assert!(rows[0].held_by.iter().all(|h| *h));
    assert!(p
        .activity()
        .any(|a| common::english(&a.text).contains("forged block #1")));
}

#[test]
fn a_card_says_when_its_transaction_is_in_a_block() {
    let mut p = playground();
    p.submit(1, Request::Exchange(40)).expect("accepted");
    let _ = p.advance(T0 + SETTLE);
    p.submit(1, Request::Stake(30)).expect("accepted");
    let waiting = common::english(&p.result(1).expect("kept for the card").text);
    assert_eq!(waiting, "Staking 30 tokens: waiting for a block");
    let _ = p.advance(T0 + 2 * SETTLE);
    let s = p.summary(1).expect("node 2");
    assert_eq!(s.stake, 30);
    let shown = p.result(1).expect("kept for the card");
    assert!(shown.ok);
    assert_eq!(
        common::english(&shown.text),
        format!("Staked 30 tokens in block #{}", s.height)
    );
    p.submit(1, Request::Transfer(Target::Node(2), 4))
        .expect("accepted");
    let _ = p.advance(T0 + 3 * SETTLE);
    let h = p.summary(1).expect("node 2").height;
    assert_eq!(
        common::english(&p.result(1).expect("kept").text),
        format!("Sent 4 tokens to Node 3 in block #{h}")
    );
}

#[test]
fn refusals_say_why_in_plain_words() {
    let mut p = playground();
    let err = p
        .submit(2, Request::Transfer(Target::Node(0), 5))
        .expect_err("no tokens");
    assert_eq!(
        common::english(&err),
        "not enough tokens: the sender has 0 available but needs 5"
    );
    let shown = p.result(2).expect("kept for the card");
    // The card says it in the page's words: the same sentence as the core's, in English.
    assert!(!shown.ok);
    assert_eq!(
        common::english(&shown.text),
        "Refused: not enough tokens: the sender has 0 available but needs 5"
    );
    let err = p.forge(3).expect_err("not the winner");
    assert!(
        common::english(&p.result(3).expect("kept").text)
            .starts_with("Refused: Node 4 did not win the draw for the next block:"),
        "{err:?}"
    );
    let err = common::english(&p.forge(3).expect_err("not the winner"));
    assert!(err.contains("did not win the draw"), "{err}");
    assert!(p
        .parse_request(&json!({"kind": "mint", "amount": 1}))
        .is_err());
    assert!(p
        .parse_request(&json!({"kind": "transfer", "amount": 1}))
        .is_err());
    assert_eq!(
        p.parse_request(&json!({"kind": "transfer", "to": 2, "amount": 3})),
        Ok(Request::Transfer(Target::Node(2), 3))
    );
}

#[test]
fn views_have_the_python_shape() {
    let mut p = playground();
    let id = p.submit(0, Request::Exchange(10)).expect("accepted");
    let pool = p.pool_view(0).map(common::json).expect("node");
    assert_eq!(pool["transactions"][0]["id"], json!(id));
    assert_eq!(pool["transactions"][0]["type"], json!("EXCHANGE"));
    let _ = p.advance(T0 + SETTLE);
    let chain = p.chain_view(2).map(common::json).expect("node");
    assert_eq!(chain["blocks"].as_array().map(Vec::len), Some(2));
    assert_eq!(chain["blocks"][1]["prevHash"], chain["blocks"][0]["hash"]);
    let info = p.info_view(0).map(common::json).expect("node");
    assert_eq!(info["peers"].as_array().map(Vec::len), Some(3));
    assert_eq!(info["stakers"][0]["stake"], json!(1));
    assert!(p.chain_view(9).map(common::json).is_none());
}

#[test]
fn nodes_come_and_go_and_newcomers_sync() {
    let mut p = playground();
    p.submit(0, Request::Exchange(10)).expect("accepted");
    let _ = p.advance(T0 + SETTLE);
    let i = p.add_node(Wallet::from_seed([42; 32])).expect("room");
    let _ = p.advance(T0 + 2 * SETTLE);
    assert_eq!(p.summary(i).expect("new node").height, 1);
    p.remove_node().expect("removable");
    assert_eq!(p.len(), 4);
    while p.len() > 1 {
        p.remove_node().expect("removable");
    }
    assert!(p.remove_node().is_err(), "the host stays");
}
