//! The live region's words (`logic/announce.rs`): new feed lines only, never the history a
//! page opens with; blocks, the next draw's winner, branch switches and refusals in that
//! order; several lines summed up; at most one announcement per `QUIET_MS`. And on a real
//! network of four nodes: a purchase is forged, and the region says by whom.

use pos_playground::logic::announce::{Announcer, QUIET_MS};
use pos_playground::logic::i18n::Say;
use pos_playground::logic::model::{Activity, Request};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::{english, four_nodes};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

/// A feed line whose English is `text` (a line of words the page has, as its English
/// reads: an address-like key writes its value as it is).
fn line(kind: &'static str, text: &str) -> Activity {
    Activity {
        time: T0,
        node: 0,
        kind,
        text: Say::new("name-address").with("address", text),
    }
}

/// Node `n`'s name (from 1).
fn node(n: usize) -> Say {
    Say::new("node-name").with("number", n)
}

/// What the region says, in English.
fn said(a: &mut Announcer, now: u64) -> Option<String> {
    a.speak(now)
        .map(|parts| parts.iter().map(english).collect::<Vec<_>>().join(" "))
}

/// A feed newest first, from lines given oldest first.
fn feed(lines: &[Activity]) -> Vec<Activity> {
    lines.iter().rev().cloned().collect()
}

#[test]
fn the_history_a_page_opens_with_is_not_read_out() {
    let mut a = Announcer::new();
    let old = feed(&[line(
        "block",
        "Node 1 won the draw and forged block #1 with 1 transaction",
    )]);
    a.hear(1, &old, Some((node(2), 2)));
    assert_eq!(said(&mut a, T0), None);
}

#[test]
fn one_block_is_said_as_the_feed_says_it_with_the_next_winner() {
    let mut a = Announcer::new();
    a.hear(0, &[], Some((node(1), 1)));
    let lines = feed(&[
        line("tx", "Node 2 asked the exchange for 50 tokens"),
        line(
            "block",
            "Node 1 won the draw and forged block #1 with 1 transaction",
        ),
    ]);
    a.hear(2, &lines, Some((node(1), 2)));
    assert_eq!(
        said(&mut a, T0).as_deref(),
        Some("Node 1 won the draw and forged block #1 with 1 transaction. Node 1 won the draw for block #2.")
    );
    // Said once.
    assert_eq!(said(&mut a, T0 + QUIET_MS), None);
}

#[test]
fn an_unchanged_next_winner_is_not_said_again() {
    let mut a = Announcer::new();
    a.hear(0, &[], Some((node(3), 4)));
    let lines = feed(&[line(
        "reject",
        "Node 2 refused a transaction from Node 4: not enough tokens",
    )]);
    a.hear(1, &lines, Some((node(3), 4)));
    assert_eq!(
        said(&mut a, T0).as_deref(),
        Some("Node 2 refused a transaction from Node 4: not enough tokens.")
    );
}

#[test]
fn a_busy_network_is_summed_up_and_never_floods() {
    let mut a = Announcer::new();
    a.hear(0, &[], None);
    let mut all = vec![line(
        "block",
        "Node 1 won the draw and forged block #1 with 1 transaction",
    )];
    a.hear(1, &feed(&all), None);
    assert!(said(&mut a, T0).is_some());
    // Within the quiet time: three blocks, a branch switch and two refusals, heard in two reads.
    all.push(line(
        "block",
        "Node 2 won the draw and forged block #2 with 0 transactions",
    ));
    all.push(line(
        "reject",
        "Node 3 refused block #2 from Node 4: not the forger",
    ));
    a.hear(3, &feed(&all), None);
    assert_eq!(
        said(&mut a, T0 + 1_000),
        None,
        "quiet for QUIET_MS after speaking"
    );
    all.push(line("block", "Node 3 forged block #3 in slot 1: it ranked 2 in the draw, and the nodes ahead of it stayed silent"));
    all.push(line("reorg", "Node 4 switched to a better branch (tip ab12cd34): 1 block undone, 0 transactions back in its pool"));
    all.push(line("info", "Node 4 lost touch with Node 2"));
    all.push(line(
        "block",
        "Node 1 won the draw and forged block #4 with 2 transactions",
    ));
    all.push(line(
        "reject",
        "Node 2 dropped a message from Node 4: too big",
    ));
    a.hear(8, &feed(&all), Some((node(2), 5)));
    assert_eq!(said(&mut a, T0 + QUIET_MS - 1), None);
    assert_eq!(
        said(&mut a, T0 + QUIET_MS).as_deref(),
        Some(
            "3 blocks forged; the newest: Node 1 won the draw and forged block #4 with 2 transactions. \
             Node 2 won the draw for block #5. \
             Node 4 switched to a better branch (tip ab12cd34): 1 block undone, 0 transactions back in its pool. \
             2 refusals; the newest: Node 2 dropped a message from Node 4: too big."
        )
    );
    assert_eq!(
        said(&mut a, T0 + 3 * QUIET_MS),
        None,
        "nothing new, nothing said"
    );
}

#[test]
fn more_new_lines_than_the_feed_keeps_are_read_from_what_it_keeps() {
    let mut a = Announcer::new();
    a.hear(0, &[], None);
    let lines = feed(&[
        line(
            "block",
            "Node 1 won the draw and forged block #99 with 0 transactions",
        ),
        line(
            "block",
            "Node 1 won the draw and forged block #100 with 0 transactions",
        ),
    ]);
    a.hear(500, &lines, None);
    assert_eq!(
        said(&mut a, T0).as_deref(),
        Some("2 blocks forged; the newest: Node 1 won the draw and forged block #100 with 0 transactions.")
    );
}

#[test]
fn a_purchase_on_a_real_network_is_announced_with_its_forger() {
    let mut p = four_nodes(3, T0);
    let mut a = Announcer::new();
    a.hear(p.logged(), p.activity(), None);
    p.submit(1, Request::Exchange(50)).expect("a purchase");
    let mut heard = Vec::new();
    for s in 1..=40u64 {
        let now = T0 + s * 500;
        let _ = p.advance(now);
        a.hear(p.logged(), p.activity(), None);
        heard.extend(said(&mut a, now));
    }
    assert!(
        heard
            .iter()
            .any(|s| s.starts_with("Node 1 won the draw and forged block #1 with 1 transaction")),
        "{heard:?}"
    );
}
