//! One command path: what the forms and `window.playground` do goes through
//! `Playground::apply(Command, now)`, natively and in wasm (headless Chromium).

use pos_playground::logic::command::{Applied, Command, Key, Refused};
use pos_playground::logic::model::{Playground, Request, FORGE_DELAY_MS, IN_TAB_LATENCY_MS};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::four_nodes;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

fn playground() -> Playground {
    four_nodes(21, T0)
}

#[test]
fn commands_do_what_the_playgrounds_own_calls_do() {
    let mut p = playground();
    let submitted = p.apply(
        Command::Submit {
            node: 1,
            request: Request::Exchange(40),
        },
        T0,
    );
    assert!(
        matches!(submitted, Ok(Applied::Submitted(_))),
        "{submitted:?}"
    );
    let _ = p.advance(T0 + 3 * (IN_TAB_LATENCY_MS + 150) + FORGE_DELAY_MS + 500);
    assert_eq!(p.summary(1).expect("node 2").balance, 40);

    assert_eq!(p.apply(Command::Crash(2), T0), Ok(Applied::Done));
    assert_eq!(p.faults_view().crashed, vec![2]);
    assert_eq!(p.apply(Command::Restart(2), T0), Ok(Applied::Done));
    assert!(p.faults_view().crashed.is_empty());

    assert_eq!(
        p.apply(Command::Partition(vec![vec![0, 1], vec![2, 3]]), T0),
        Ok(Applied::Done)
    );
    assert_eq!(
        p.faults_view().partition,
        Some(vec![vec![0, 1], vec![2, 3]])
    );
    assert_eq!(p.apply(Command::Heal, T0), Ok(Applied::Done));
    assert_eq!(p.faults_view().partition, None);

    let set = Command::SetConditions {
        latency_ms: 120,
        jitter_ms: 30,
        drop: 0.25,
    };
    assert_eq!(p.apply(set, T0), Ok(Applied::Done));
    let f = p.faults_view();
    assert_eq!((f.latency_ms, f.jitter_ms, f.drop_ppm), (120, 30, 250_000));

    let honest = Command::Adversary {
        node: 3,
        behaviour: "honest".into(),
    };
    assert!(matches!(p.apply(honest, T0), Ok(Applied::Behaviour(_))));
    let junk = Command::Adversary {
        node: 3,
        behaviour: "no such thing".into(),
    };
    assert!(
        p.apply(junk, T0).is_err(),
        "an unknown behaviour is refused"
    );
    assert!(p.apply(Command::Crash(99), T0).is_err(), "no node 99");
}

#[test]
fn nodes_join_and_leave_through_commands() {
    let mut p = playground();
    let key = Key::new(pos_core::Wallet::from_seed([77; 32]));
    let address = key.0.address();
    assert_eq!(p.apply(Command::AddNode(key), T0), Ok(Applied::Added(4)));
    assert_eq!(p.len(), 5);
    assert_eq!(p.node(4).map(|n| n.address()), Some(address));
    assert_eq!(p.apply(Command::RemoveNode, T0), Ok(Applied::Done));
    assert_eq!(p.len(), 4);
    let mut solo = four_nodes(22, T0);
    for _ in 0..3 {
        assert_eq!(solo.apply(Command::RemoveNode, T0), Ok(Applied::Done));
    }
    assert!(
        matches!(solo.apply(Command::RemoveNode, T0), Err(Refused::Said(_))),
        "the host stays"
    );
    assert_eq!(solo.len(), 1);
}

#[test]
fn import_takes_a_valid_chain_and_refuses_a_tampered_one_without_change() {
    let mut source = playground();
    let mut now = T0;
    for round in 0..3u64 {
        let request = Request::Exchange(10 + round);
        assert!(p_submit(&mut source, request, now));
        now += FORGE_DELAY_MS + 4 * IN_TAB_LATENCY_MS + 1_000;
        let _ = source.advance(now);
    }
    let height = source.summary(0).map_or(0, |s| s.height);
    assert!(height >= 1, "the source chain grew");
    let file = source.export_chain(0, false, now).expect("node 1");

    let mut tab = four_nodes(23, T0);
    let before = tab.summary(0).map(|s| s.tip);
    // One token more in block 3's transaction: its signatures no longer verify.
    let tampered = file.replacen("\"amount\": 12", "\"amount\": 13", 1);
    assert_ne!(tampered, file);
    let import = |text: String| Command::Import {
        text,
        ids: common::ids("t23b", 23),
        fresh: Key::new(pos_core::Wallet::from_seed([78; 32])),
    };
    match tab.apply(import(tampered), now) {
        Err(Refused::Chain { height, reason }) => {
            let words = common::english(&reason);
            assert_eq!(height, 3, "{words}");
            assert!(words.starts_with("block 3 is invalid: "), "{words}");
        }
        other => panic!("a tampered chain is refused, not {other:?}"),
    }
    assert_eq!(tab.summary(0).map(|s| s.tip), before, "nothing changed");
    assert!(matches!(
        tab.apply(import("not a chain".into()), now),
        Err(Refused::Chain { height: 0, .. })
    ));
    assert_eq!(tab.apply(import(file), now), Ok(Applied::Imported(height)));
    assert_eq!(
        tab.summary(0).map(|s| s.tip),
        source.summary(0).map(|s| s.tip)
    );
}

fn p_submit(p: &mut Playground, request: Request, now: u64) -> bool {
    p.apply(Command::Submit { node: 1, request }, now).is_ok()
}
