//! Found by fuzz/node_stateful: a node that defers draws and holds a synced chain for a draw
//! leaves its pool's pending state on the old tip.
use pos_core::message::{encode, Envelope, Message, PROTOCOL_VERSION};
use pos_core::{Block, Chain, Genesis, Input, Node, NodeConfig, PeerId, Transaction, TxKind, Wallet};

#[test]
fn a_held_chain_leaves_the_pool_on_the_tip() {
    let genesis_key = Wallet::from_seed([1; 32]);
    let exchange = Wallet::from_seed([2; 32]);
    let alice = Wallet::from_seed([3; 32]);
    let genesis = Genesis {
        network: "fuzz".into(),
        forger: genesis_key.address(),
        exchange: exchange.address(),
        supply: 1_000,
        timestamp: 1_000,
    };
    // Two blocks by the genesis key (the only staker): a purchase, then a stake.
    let mut chain = Chain::new(genesis.clone());
    let buy = Transaction::new_signed(&exchange, TxKind::Exchange, alice.address(), 100, 0, 1);
    let stake = Transaction::new_signed(&alice, TxKind::Stake, alice.address(), 10, 0, 2);
    for txs in [vec![buy], vec![stake]] {
        let b = Block::forge(&genesis_key, chain.height() + 1, chain.tip_hash(), chain.tip().timestamp + 10, txs);
        chain.apply(b).unwrap();
    }
    let config = NodeConfig { defer_draws_from: Some(1), ..NodeConfig::default() };
    let mut node = Node::new(alice.clone(), None, Chain::new(genesis.clone()), config);
    // The genesis draw was made with the chain; the draw after block 1 is left to the driver.
    let bytes = encode(&Envelope {
        v: PROTOCOL_VERSION,
        network: chain.network_id(),
        from: genesis_key.address(),
        body: Message::Chain { genesis, blocks: chain.blocks().to_vec() },
    });
    node.handle(1_100, Input::Receive { from: PeerId("p0".into()), bytes });
    assert_eq!(node.chain().height(), 1, "block 1 is in, block 2 waits for its draw");
    assert_eq!(node.held_chain_len(), 1);
    assert_eq!(
        node.pool().pending(),
        node.chain().accounts(),
        "an empty pool's pending state is the tip's state"
    );
}
