//! The class clock as the core sees it: `NodeConfig::forge_up_to` (set on every node of a
//! simulated network with `SimNet::set_forging`) holds every forger below a height, "Forge
//! now" too, while transactions still pool; one more height lets exactly one block through;
//! no limit lets the chain go on. Deterministic, in simulated time.

use pos_core::sim::{Founding, LinkConfig, SimNet, SplitMix64};
use pos_core::{Action, Chain, Event, Input, Node, NodeConfig, Wallet};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Node 0 hosts genesis and the exchange; nodes 1 and 2 buy. 100 ms links, no loss.
fn three_nodes() -> SimNet {
    let mut rng = SplitMix64::new(5);
    let f = Founding::new(&mut rng, "clock", 10_000, 0);
    let link = LinkConfig {
        latency_ms: 100,
        jitter_ms: 0,
        drop_ppm: 0,
    };
    let mut net = SimNet::new(5, link, 0);
    net.add_node(Node::new(
        f.genesis_wallet.clone(),
        Some(f.exchange_wallet.clone()),
        Chain::new(f.genesis.clone()),
        NodeConfig::default(),
    ));
    for seed in [21u8, 22] {
        net.add_node(Node::new(
            Wallet::from_seed([seed; 32]),
            None,
            Chain::new(f.genesis.clone()),
            NodeConfig::default(),
        ));
    }
    net
}

fn heights(net: &SimNet) -> Vec<u64> {
    net.nodes()
        .iter()
        .map(|n| n.node.chain().height())
        .collect()
}

fn buy(net: &mut SimNet, node: usize) {
    let events = net.input(node, Input::Submit(Action::Exchange { amount: 5 }));
    assert!(
        events.iter().any(|e| matches!(e, Event::Submitted { .. })),
        "{events:?}"
    );
}

#[test]
fn a_paused_class_forges_nothing_a_step_forges_one_block_and_resume_goes_on() {
    let mut net = three_nodes();
    buy(&mut net, 1);
    net.advance_to(2_000);
    assert_eq!(heights(&net), vec![1, 1, 1]);
    // Paused at the tip: purchases pool on every node, nobody forges, however long.
    net.set_forging(Some(1), 0);
    buy(&mut net, 1);
    buy(&mut net, 2);
    net.advance_to(60_000);
    assert_eq!(heights(&net), vec![1, 1, 1]);
    assert!(net.nodes().iter().all(|n| n.node.pool().len() == 2));
    let winner = net
        .nodes()
        .iter()
        .position(|n| n.node.is_next_forger())
        .expect("a winner");
    let refused = net.input(winner, Input::ForgeNow);
    assert!(
        matches!(refused[..], [Event::ForgeRefused { .. }]),
        "{refused:?}"
    );
    // One step: exactly one block, then held again.
    net.set_forging(Some(2), 0);
    net.advance_to(70_000);
    assert_eq!(heights(&net), vec![2, 2, 2]);
    buy(&mut net, 2);
    net.advance_to(130_000);
    assert_eq!(heights(&net), vec![2, 2, 2]);
    // Resumed: the chain goes on.
    net.set_forging(None, 0);
    net.advance_to(135_000);
    assert_eq!(heights(&net), vec![3, 3, 3]);
    assert!(net.converged());
}

#[test]
fn the_clock_is_deterministic() {
    let run = || {
        let mut net = three_nodes();
        buy(&mut net, 1);
        net.set_forging(Some(0), 1_200);
        net.advance_to(10_000);
        net.set_forging(Some(1), 1_200);
        buy(&mut net, 2);
        net.advance_to(20_000);
        assert_eq!(
            heights(&net),
            vec![1, 1, 1],
            "one step from 0: block 1 only"
        );
        net.set_forging(None, 300);
        buy(&mut net, 1);
        net.advance_to(30_000);
        (heights(&net), net.nodes()[0].node.chain().tip_hash())
    };
    let a = run();
    assert_eq!(a.0, vec![2, 2, 2]);
    assert_eq!(a, run());
}
