//! The node state machine and the simulated network: convergence under latency and loss,
//! determinism, forging rules, sync of a late joiner, and every message rejection path.

use pos_core::message::{encode, BuyRequest, Envelope, Message, PROTOCOL_VERSION};
use pos_core::node::ActionError;
use pos_core::sim::{LinkConfig, Scenario, SimNet, Simulation, SplitMix64};
use pos_core::{Action, Chain, Event, Input, Node, NodeConfig, Output, PeerId, TxError, Wallet};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn lossy(nodes: usize, blocks: u64, seed: u64) -> Scenario {
    let mut s = Scenario::new(nodes, blocks, seed);
    s.link = LinkConfig {
        latency_ms: 50,
        jitter_ms: 0,
        drop_ppm: 100_000,
    };
    s
}

#[test]
fn five_nodes_500_blocks_with_latency_and_loss_converge() {
    let mut sim = Simulation::new(lossy(5, 500, 42));
    let summary = sim.run();
    assert!(summary.height >= 500, "height {}", summary.height);
    assert!(summary.converged, "every node holds the same tip");
    assert!(
        summary.messages_dropped > 0,
        "the link really lost messages"
    );
    // Every node's chain is fully valid from genesis.
    for n in sim.net.nodes() {
        let chain = n.node.chain();
        Chain::from_blocks(
            chain.genesis().clone(),
            &chain.blocks().cloned().collect::<Vec<_>>(),
        )
        .expect("valid chain");
    }
    // More than one staker forged: the lottery is not stuck on the genesis key.
    assert!(
        summary
            .stakers
            .iter()
            .filter(|s| s.blocks_forged > 0)
            .count()
            >= 3
    );
}

#[test]
fn one_seed_gives_one_history() {
    let a = Simulation::new(lossy(4, 60, 7)).run();
    let b = Simulation::new(lossy(4, 60, 7)).run();
    assert_eq!(a, b);
    let c = Simulation::new(lossy(4, 60, 8)).run();
    assert_ne!(a.tip, c.tip, "another seed, another history");
}

struct Two {
    net: SimNet,
    exchange: Wallet,
}

/// Node 0 hosts genesis and the exchange; node 1 is a user. 100 ms links, no loss.
fn two_nodes(config: NodeConfig) -> Two {
    let mut rng = SplitMix64::new(1);
    let f = pos_core::sim::Founding::new(&mut rng, "two", 10_000, 0);
    let mut net = SimNet::new(
        2,
        LinkConfig {
            latency_ms: 100,
            jitter_ms: 0,
            drop_ppm: 0,
        },
        0,
    );
    net.add_node(Node::new(
        f.genesis_wallet.clone(),
        Some(f.exchange_wallet.clone()),
        Chain::new(f.genesis.clone()),
        config.clone(),
    ));
    net.add_node(Node::new(
        Wallet::from_seed([9; 32]),
        None,
        Chain::new(f.genesis.clone()),
        config,
    ));
    Two {
        net,
        exchange: f.exchange_wallet,
    }
}

#[test]
fn a_purchase_travels_to_the_exchange_and_into_a_block() {
    let mut t = two_nodes(NodeConfig::default());
    t.net.advance_to(50);
    let events = t
        .net
        .input(1, Input::Submit(Action::Exchange { amount: 30 }));
    assert!(matches!(events[0], Event::Submitted { .. }));
    t.net.advance_to(1_000);
    let user = t.net.node(1).expect("node").address();
    for i in 0..2 {
        let chain = t.net.node(i).expect("node").chain();
        assert_eq!(chain.height(), 1, "genesis key forged block 1 on node {i}");
        assert_eq!(chain.accounts().balance(&user), 30);
        assert_eq!(chain.accounts().balance(&t.exchange.address()), 9_970);
    }
    let events = t.net.drain_events();
    assert!(events
        .iter()
        .any(|(i, e)| *i == 0 && matches!(e, Event::BlockForged { height: 1, .. })));
    assert!(events
        .iter()
        .any(|(i, e)| *i == 1 && matches!(e, Event::BlockAccepted { height: 1, .. })));
}

#[test]
fn local_actions_report_their_reason() {
    let mut t = two_nodes(NodeConfig::default());
    let other = t.net.node(0).expect("node").address();
    let cases = [
        (
            Action::Transfer {
                to: other,
                amount: 5,
            },
            ActionError::Transaction {
                reason: TxError::InsufficientBalance {
                    balance: 0,
                    amount: 5,
                },
            },
        ),
        (
            Action::Exchange { amount: 5_000 },
            ActionError::BuyLimit { max: 1_000 },
        ),
        (
            Action::Stake { amount: 0 },
            ActionError::Transaction {
                reason: TxError::ZeroAmount,
            },
        ),
    ];
    for (action, want) in cases {
        let events = t.net.input(1, Input::Submit(action));
        assert_eq!(events, vec![Event::SubmitRejected { reason: want }]);
    }
}

#[test]
fn the_winner_waits_for_the_threshold_and_forge_now_is_only_for_the_winner() {
    let config = NodeConfig {
        forge_threshold: 2,
        ..NodeConfig::default()
    };
    let mut t = two_nodes(config);
    t.net
        .input(0, Input::Submit(Action::Exchange { amount: 10 }));
    t.net.advance_to(500);
    assert_eq!(
        t.net.node(0).expect("node").chain().height(),
        0,
        "one transaction is not enough"
    );
    let refused = t.net.input(1, Input::ForgeNow);
    assert!(matches!(
        refused[0],
        Event::ForgeRefused { winner: Some(_) }
    ));
    t.net
        .input(0, Input::Submit(Action::Exchange { amount: 10 }));
    t.net.advance_to(1_000);
    assert_eq!(t.net.node(1).expect("node").chain().height(), 1);
    // Forge now makes an empty block when the winner asks.
    let winner = t
        .net
        .nodes()
        .iter()
        .position(|n| n.node.is_next_forger())
        .expect("a winner");
    t.net.input(winner, Input::ForgeNow);
    t.net.advance_to(2_000);
    assert_eq!(t.net.node(0).expect("node").chain().height(), 2);
    assert!(t.net.converged());
}

#[test]
fn a_late_joiner_syncs_the_whole_chain() {
    let mut sim = Simulation::new(Scenario::new(3, 20, 3));
    let summary = sim.run();
    assert!(summary.converged);
    let genesis = sim.founding.genesis.clone();
    let late = sim.net.add_node(Node::new(
        Wallet::from_seed([77; 32]),
        None,
        Chain::new(genesis),
        NodeConfig::default(),
    ));
    let t = sim.net.now();
    sim.net.advance_to(t + 3_000);
    assert_eq!(
        sim.net.node(late).expect("node").chain().tip_hash(),
        sim.net.node(0).expect("node").chain().tip_hash()
    );
    let events = sim.net.drain_events();
    assert!(events
        .iter()
        .any(|(i, e)| *i == late && matches!(e, Event::ChainReplaced { old_height: 0, .. })));
}

#[test]
fn hostile_messages_are_counted_and_change_nothing() {
    let mut t = two_nodes(NodeConfig::default());
    t.net
        .input(1, Input::Submit(Action::Exchange { amount: 30 }));
    t.net.advance_to(1_000);
    let before = t.net.node(0).expect("node").chain().tip_hash();
    let network = t.net.node(0).expect("node").chain().network_id();
    let mallory = Wallet::from_seed([66; 32]);
    let env = |network, body| {
        encode(&Envelope {
            v: PROTOCOL_VERSION,
            network,
            from: mallory.address(),
            body,
        })
    };
    let mut forged_buy = BuyRequest::new_signed(&mallory, network, 10, 0);
    forged_buy.amount = 999;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("garbage", b"\x00\xffnot json".to_vec(), "malformed"),
        (
            "too large",
            vec![b' '; pos_core::message::MAX_MESSAGE_BYTES + 1],
            "tooLarge",
        ),
        (
            "future version",
            br#"{"v":9,"whatever":1}"#.to_vec(),
            "version",
        ),
        (
            "other network",
            env(
                pos_core::Hash::of(b"other"),
                Message::Status {
                    height: 1,
                    tip: before,
                },
            ),
            "otherNetwork",
        ),
        (
            "forged purchase",
            env(network, Message::Buy(forged_buy)),
            "badBuySignature",
        ),
        (
            "huge purchase",
            env(
                network,
                Message::Buy(BuyRequest::new_signed(&mallory, network, 1_000_000, 1)),
            ),
            "badBuyAmount",
        ),
    ];
    for (name, bytes, key) in cases {
        let events = t.net.input(
            0,
            Input::Receive {
                from: PeerId("mallory".into()),
                bytes,
            },
        );
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::MessageRejected { .. })),
            "{name}: {events:?}"
        );
        let node = t.net.node(0).expect("node");
        assert_eq!(node.rejected().get(key), Some(&1), "{name}");
        assert_eq!(node.chain().tip_hash(), before, "{name}: chain unchanged");
        assert!(node.pool().is_empty(), "{name}: pool unchanged");
    }
    // A block by someone who did not win the draw.
    let node = t.net.node(0).expect("node");
    let chain = node.chain();
    let bad = pos_core::Block::forge(
        &mallory,
        chain.height() + 1,
        chain.tip_hash(),
        chain.tip().timestamp,
        vec![],
    );
    let events = t.net.input(
        0,
        Input::Receive {
            from: PeerId("mallory".into()),
            bytes: env(network, Message::Block { block: bad }),
        },
    );
    assert!(events.iter().any(|e| matches!(
        e,
        Event::BlockRejected {
            reason: pos_core::BlockError::NotTheForger { .. },
            ..
        }
    )));
    assert_eq!(t.net.node(0).expect("node").chain().tip_hash(), before);
}

#[test]
fn reordered_transactions_wait_for_their_turn_instead_of_being_refused() {
    let mut t = two_nodes(NodeConfig {
        forge_threshold: 5,
        ..NodeConfig::default()
    });
    let network = t.net.node(1).expect("node").chain().network_id();
    let user = t.net.node(1).expect("node").address();
    let sell = |nonce| {
        pos_core::Transaction::new_signed(
            &t.exchange,
            pos_core::TxKind::Exchange,
            user,
            5,
            nonce,
            0,
        )
    };
    let env = |tx| {
        encode(&Envelope {
            v: PROTOCOL_VERSION,
            network,
            from: t.exchange.address(),
            body: Message::Transaction { tx },
        })
    };
    let (second, first) = (env(sell(1)), env(sell(0)));
    let from = PeerId("n0".into());
    let events = t.net.input(
        1,
        Input::Receive {
            from: from.clone(),
            bytes: second,
        },
    );
    assert!(
        events
            .iter()
            .all(|e| !matches!(e, Event::TxRejected { .. })),
        "{events:?}"
    );
    assert_eq!(
        t.net.node(1).expect("node").pool().len(),
        0,
        "parked, not pooled"
    );
    let events = t.net.input(1, Input::Receive { from, bytes: first });
    let accepted = events
        .iter()
        .filter(|e| matches!(e, Event::TxAccepted { .. }))
        .count();
    assert_eq!(accepted, 2, "the gap closed: both pooled in order");
    assert_eq!(t.net.node(1).expect("node").pool().len(), 2);
}

#[test]
fn purchase_requests_reach_the_exchange_through_a_relay() {
    // Three nodes in a line: the buyer hears only the middle node, which hears the host.
    let mut rng = SplitMix64::new(5);
    let f = pos_core::sim::Founding::new(&mut rng, "line", 10_000, 0);
    let host = Node::new(
        f.genesis_wallet.clone(),
        Some(f.exchange_wallet.clone()),
        Chain::new(f.genesis.clone()),
        NodeConfig::default(),
    );
    let mut middle = Node::new(
        Wallet::from_seed([8; 32]),
        None,
        Chain::new(f.genesis.clone()),
        NodeConfig::default(),
    );
    let mut buyer = Node::new(
        Wallet::from_seed([9; 32]),
        None,
        Chain::new(f.genesis.clone()),
        NodeConfig::default(),
    );
    let mut host = host;
    let broadcasts = |outs: Vec<Output>| -> Vec<Vec<u8>> {
        outs.into_iter()
            .filter_map(|o| match o {
                Output::Broadcast(b) => Some(b),
                _ => None,
            })
            .collect()
    };
    let request = broadcasts(buyer.handle(1, Input::Submit(Action::Exchange { amount: 12 })));
    assert_eq!(request.len(), 1);
    let relayed = broadcasts(middle.handle(
        2,
        Input::Receive {
            from: PeerId("buyer".into()),
            bytes: request[0].clone(),
        },
    ));
    assert_eq!(relayed.len(), 1, "the middle node passes the request on");
    // Relayed once only, however often it comes back.
    assert!(broadcasts(middle.handle(
        3,
        Input::Receive {
            from: PeerId("host".into()),
            bytes: relayed[0].clone()
        }
    ))
    .is_empty());
    host.handle(
        4,
        Input::Receive {
            from: PeerId("middle".into()),
            bytes: relayed[0].clone(),
        },
    );
    // The host sold the tokens and, as the only staker, forged them into block 1 at once.
    assert_eq!(host.chain().height(), 1);
    assert_eq!(host.chain().accounts().balance(&buyer.address()), 12);
}

/// The exchange answering a class's purchases sends a burst of transactions with consecutive
/// nonces; over links with jitter they arrive out of order. Up to a block's worth ahead of the
/// sender's next nonce they wait in the park, and every one reaches the pool: none is refused.
#[test]
fn a_burst_from_one_sender_out_of_order_is_parked_not_refused() {
    let exchange = Wallet::from_seed([2; 32]);
    let genesis = pos_core::Genesis {
        network: "burst".into(),
        forger: Wallet::from_seed([1; 32]).address(),
        exchange: exchange.address(),
        supply: 1_000_000,
        timestamp: 1_000,
    };
    let buyer = Wallet::from_seed([3; 32]).address();
    let mut node = Node::new(
        Wallet::from_seed([4; 32]),
        None,
        Chain::new(genesis),
        NodeConfig::default(),
    );
    let burst = 300u64;
    let peer = PeerId("exchange-host".into());
    for nonce in (0..burst).rev() {
        let tx = pos_core::Transaction::new_signed(
            &exchange,
            pos_core::TxKind::Exchange,
            buyer,
            1,
            nonce,
            2_000 + nonce,
        );
        let bytes = encode(&Envelope {
            v: PROTOCOL_VERSION,
            network: node.chain().network_id(),
            from: exchange.address(),
            body: Message::Transaction { tx },
        });
        node.handle(
            2_000,
            Input::Receive {
                from: peer.clone(),
                bytes,
            },
        );
    }
    assert_eq!(node.pool().len(), burst as usize);
    assert!(node.rejected().is_empty(), "{:?}", node.rejected());
}
