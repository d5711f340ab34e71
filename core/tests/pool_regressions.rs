//! Found by fuzz/node_stateful: a node's pool must apply, in order, on the node's current tip
//! and equal its pending state after every input, also while a synced chain waits for a
//! deferred draw and when an equivocating node's fork choice keeps its block without the
//! pool's transactions.
use pos_core::chain::compute_draw;
use pos_core::message::{encode, Envelope, Message, PROTOCOL_VERSION};
use pos_core::{
    Action, Behaviour, Block, Chain, Event, Genesis, Input, Node, NodeConfig, Output, PeerId,
    Transaction, TxKind, Wallet,
};
use std::collections::HashSet;

fn genesis(genesis_key: &Wallet, exchange: &Wallet) -> Genesis {
    Genesis {
        network: "fuzz".into(),
        forger: genesis_key.address(),
        exchange: exchange.address(),
        supply: 1_000,
        timestamp: 1_000,
    }
}

/// What fuzz/node_stateful checks after every step: the pool's transactions apply in order
/// on the tip, none is on the chain or pooled twice, and the result is the pending state.
fn assert_pool_on_tip(node: &Node, when: &str) {
    let chain = node.chain();
    let mut state = chain.accounts().clone();
    let mut ids = HashSet::new();
    for tx in node.pool().transactions() {
        let id = tx.id();
        assert!(ids.insert(id), "{when}: a transaction is pooled twice");
        assert!(
            !chain.contains_tx(&id),
            "{when}: a pooled transaction is on the chain"
        );
        if let Err(e) = state.apply(tx, true) {
            panic!("{when}: a pooled transaction does not apply on the tip: {e}");
        }
    }
    assert_eq!(
        &state,
        node.pool().pending(),
        "{when}: the pool's pending state is its transactions on the tip"
    );
}

fn envelope(chain: &Chain, from: &Wallet, body: Message) -> Vec<u8> {
    encode(&Envelope {
        v: PROTOCOL_VERSION,
        network: chain.network_id(),
        from: from.address(),
        body,
    })
}

fn events(out: &[Output]) -> impl Iterator<Item = &Event> {
    out.iter().filter_map(|o| match o {
        Output::Event(e) => Some(e),
        _ => None,
    })
}

#[test]
fn a_held_chain_leaves_the_pool_on_the_tip() {
    let genesis_key = Wallet::from_seed([1; 32]);
    let exchange = Wallet::from_seed([2; 32]);
    let alice = Wallet::from_seed([3; 32]);
    let bob = Wallet::from_seed([4; 32]);
    let genesis = genesis(&genesis_key, &exchange);
    // Two blocks by the genesis key (the only staker): a purchase, then a stake.
    let mut chain = Chain::new(genesis.clone());
    let buy = Transaction::new_signed(&exchange, TxKind::Exchange, alice.address(), 100, 0, 1);
    let stake = Transaction::new_signed(&alice, TxKind::Stake, alice.address(), 10, 0, 2);
    for txs in [vec![buy], vec![stake]] {
        let b = Block::forge(
            &genesis_key,
            chain.height() + 1,
            chain.tip_hash(),
            chain.tip().timestamp + 10,
            txs,
        );
        chain.apply(b).unwrap();
    }
    let config = NodeConfig {
        defer_draws_from: Some(1),
        ..NodeConfig::default()
    };
    let mut node = Node::new(alice.clone(), None, Chain::new(genesis.clone()), config);
    let peer = PeerId("p0".into());
    // The genesis draw was made with the chain; the draw after block 1 is left to the driver.
    let bytes = envelope(
        &chain,
        &genesis_key,
        Message::Chain {
            genesis,
            blocks: chain.blocks().cloned().collect(),
        },
    );
    let out = node.handle(
        1_100,
        Input::Receive {
            from: peer.clone(),
            bytes,
        },
    );
    assert_eq!(
        node.chain().height(),
        1,
        "block 1 is in, block 2 waits for its draw"
    );
    assert_eq!(node.held_chain_len(), 1);
    assert_eq!(
        node.pool().pending(),
        node.chain().accounts(),
        "an empty pool's pending state is the tip's state"
    );
    let draw = out
        .iter()
        .find_map(|o| match o {
            Output::Draw { seed, stakers } => Some((*seed, stakers.clone())),
            _ => None,
        })
        .expect("the node asks for the draw after block 1");

    // While the chain is held, transactions are judged on block 1's state: the exchange's
    // nonce 0 is spent, Alice holds 100.
    let replay = Transaction::new_signed(&exchange, TxKind::Exchange, bob.address(), 50, 0, 3);
    let out = node.handle(
        1_200,
        Input::Receive {
            from: peer.clone(),
            bytes: envelope(&chain, &genesis_key, Message::Transaction { tx: replay }),
        },
    );
    assert!(node.pool().is_empty(), "the spent nonce is refused");
    assert!(
        !out.iter().any(|o| matches!(o, Output::Broadcast(_))),
        "and not relayed"
    );
    assert_pool_on_tip(&node, "after a replayed nonce");
    let pay = Transaction::new_signed(&alice, TxKind::Transfer, bob.address(), 30, 0, 4);
    let pay_id = pay.id();
    let out = node.handle(
        1_300,
        Input::Receive {
            from: peer.clone(),
            bytes: envelope(&chain, &alice, Message::Transaction { tx: pay }),
        },
    );
    assert!(
        events(&out).any(|e| matches!(e, Event::TxAccepted { id, .. } if *id == pay_id)),
        "a transfer valid on block 1 is accepted"
    );
    assert_pool_on_tip(&node, "after a valid transfer");

    // The draw comes: block 2 goes in, and its stake takes Alice's nonce 0 from the transfer.
    let (seed, stakers) = draw;
    let ranking = compute_draw(&stakers, &seed);
    node.handle(
        1_400,
        Input::DrawDone {
            seed,
            stakers,
            ranking,
        },
    );
    assert_eq!(node.chain().height(), 2);
    assert_eq!(node.held_chain_len(), 0);
    assert!(!node.pool().contains(&pay_id), "the transfer conflicts now");
    assert_pool_on_tip(&node, "after the draw");
}

/// The fuzz input `equivocate-pool.bin` as a plain test: the host (genesis key, the only
/// staker, and the exchange) equivocates and sells; it forges the sale into one block and an
/// empty twin on the same parent. Whichever block fork choice keeps (the lower hash), the
/// sale must be in that block or back in the pool.
#[test]
fn an_equivocating_node_keeps_its_pool_on_the_tip() {
    let genesis_key = Wallet::from_seed([1; 32]);
    let exchange = Wallet::from_seed([2; 32]);
    let genesis = genesis(&genesis_key, &exchange);
    let mut twin_won = 0;
    for amount in 1..=16u64 {
        let mut node = Node::new(
            genesis_key.clone(),
            Some(exchange.clone()),
            Chain::new(genesis.clone()),
            NodeConfig::default(),
        );
        node.handle(1_100, Input::SetBehaviour(Behaviour::Equivocate));
        // The sale enters the pool, and the winner forges at once: two blocks on genesis.
        let out = node.handle(1_200, Input::Submit(Action::Exchange { amount }));
        let id = events(&out)
            .find_map(|e| match e {
                Event::Submitted { id } => Some(*id),
                _ => None,
            })
            .expect("the sale is submitted");
        assert!(
            events(&out).any(|e| matches!(e, Event::Misbehaved { .. })),
            "two blocks forged"
        );
        assert_eq!(node.chain().height(), 1);
        assert_eq!(node.tree().side_len(), 1, "the other twin is a side block");
        assert_pool_on_tip(&node, "after equivocating");
        let on_chain = node.chain().contains_tx(&id);
        assert_ne!(
            on_chain,
            node.pool().contains(&id),
            "the sale is on the chain or in the pool, not lost (amount {amount})"
        );
        if on_chain {
            continue;
        }
        twin_won += 1;
        assert!(
            events(&out).any(|e| matches!(
                e,
                Event::Reorg { returned_txs, .. } if returned_txs == &vec![id]
            )),
            "the reorg onto the twin returns the sale"
        );
        // The next sale takes the next nonce and forges with the first on the twin.
        let out = node.handle(1_300, Input::Submit(Action::Exchange { amount: 1 }));
        assert!(events(&out).any(|e| matches!(e, Event::Submitted { .. })));
        assert_pool_on_tip(&node, "after the next sale");
        assert_eq!(node.chain().height(), 2);
        assert!(
            node.chain().contains_tx(&id) || node.pool().contains(&id),
            "the first sale is still on its way"
        );
    }
    assert!(
        twin_won > 0,
        "fork choice kept the empty twin at least once"
    );
}
