//! One command path: what the forms and `window.playground` do goes through
//! `Playground::apply(Command, now)`, natively and in wasm (headless Chromium).

use pos_playground::logic::command::{Applied, Command};
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
    p.advance(T0 + 3 * (IN_TAB_LATENCY_MS + 150) + FORGE_DELAY_MS + 500);
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

    let set = Command::SetLink {
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
