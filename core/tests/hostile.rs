//! Hostile peers against a real [`Node`]: junk blocks on old parents, a peer that asks for the
//! whole chain again and again, a fake chain of 10⁵ blocks, a block of 10⁵ transactions,
//! transactions far ahead of their nonce, floods of peer announcements and equivocation
//! without end. Each test asserts the bound that holds and that the honest node keeps its
//! chain; what each costs in time and memory is measured by `cargo run --release --example
//! hardening` (docs/hardening.md), never timed here. Also: a fresh node syncs a long chain in
//! pages, every message under the limit.

use pos_core::chain::MAX_BLOCK_TXS;
use pos_core::message::{
    decode, encode, Envelope, Message, MAX_MESSAGE_BYTES, MAX_PAGE_BLOCKS, PROTOCOL_VERSION,
};
use pos_core::node::{
    MAX_BUYS_REMEMBERED, MAX_EVIDENCE, MAX_NONCE_AHEAD, MAX_PAGES_PER_WINDOW, MAX_PARKED,
    MAX_PEERS, STRIKES_TO_BAN,
};
use pos_core::sim::{forge_empty_chain, SimNet};
use pos_core::tree::MAX_SIDE_BLOCKS;
use pos_core::{
    Block, BlockError, Chain, Event, Genesis, Hash, Input, Node, NodeConfig, Output, PeerId,
    Signature, Transaction, TxKind, Wallet,
};

fn founder() -> Wallet {
    Wallet::from_seed([7; 32])
}

fn exchange() -> Wallet {
    Wallet::from_seed([8; 32])
}

fn genesis() -> Genesis {
    Genesis {
        network: "hostile".into(),
        forger: founder().address(),
        exchange: exchange().address(),
        supply: 1_000_000_000,
        timestamp: 0,
    }
}

/// An honest node (not the founder) holding `chain`.
fn honest(chain: Chain, config: NodeConfig) -> Node {
    Node::new(Wallet::from_seed([9; 32]), None, chain, config)
}

fn bytes_from(from: &Wallet, body: Message) -> Vec<u8> {
    encode(&Envelope {
        v: PROTOCOL_VERSION,
        network: genesis().block().hash(),
        from: from.address(),
        body,
    })
}

fn receive(node: &mut Node, now: u64, peer: &str, bytes: Vec<u8>) -> Vec<Output> {
    node.handle(
        now,
        Input::Receive {
            from: PeerId(peer.into()),
            bytes,
        },
    )
}

fn events(out: &[Output]) -> Vec<&Event> {
    out.iter()
        .filter_map(|o| match o {
            Output::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn sends(out: &[Output]) -> Vec<(&PeerId, &Vec<u8>)> {
    out.iter()
        .filter_map(|o| match o {
            Output::Send { to, bytes } => Some((to, bytes)),
            _ => None,
        })
        .collect()
}

fn draws_asked(out: &[Output]) -> usize {
    out.iter()
        .filter(|o| matches!(o, Output::Draw { .. }))
        .count()
}

/// A junk block: an unsigned block of a made-up forger on the chain's block at `height`.
fn junk_on(chain: &Chain, height: u64, nonce: u64) -> Block {
    let parent = chain.block_at(height).expect("a block of the chain");
    Block {
        height: height + 1,
        prev_hash: parent.hash(),
        forger: Wallet::from_seed([(nonce % 200) as u8 + 20; 32]).address(),
        timestamp: parent.timestamp + 1 + nonce,
        transactions: Vec::new(),
        signature: Signature::default(),
    }
}

#[test]
fn a_fresh_node_syncs_a_long_chain_in_pages_each_under_the_limit() {
    const N: u64 = 10_000;
    let chain = forge_empty_chain(&founder(), &genesis(), N, 1);
    assert_eq!(chain.height(), N);
    let mut net = SimNet::new(1, Default::default(), N + 10);
    net.add_node(Node::new(founder(), None, chain, NodeConfig::default()));
    net.add_node(honest(Chain::new(genesis()), NodeConfig::default()));
    let mut pages = 0u64;
    let mut biggest = 0usize;
    let deadline = net.now() + 60_000;
    while net.node(1).expect("node").chain().height() < N {
        let t = net.now() + 50;
        net.advance_to(t);
        for (_, e) in net.drain_events() {
            if let Event::ChainReplaced { .. } = e {
                pages += 1;
            }
        }
        assert!(net.now() < deadline, "synced within a simulated minute");
    }
    let synced = net.node(1).expect("node").chain();
    assert_eq!(
        synced.tip_hash(),
        net.node(0).expect("node").chain().tip_hash()
    );
    assert!(pages >= N / MAX_PAGE_BLOCKS as u64, "{pages} pages");
    // Every answer the holder sends is a page under the message limit: replay its answers.
    let mut holder = Node::new(
        founder(),
        None,
        forge_empty_chain(&founder(), &genesis(), N, 1),
        NodeConfig::default(),
    );
    let mut fresh = honest(Chain::new(genesis()), NodeConfig::default());
    let mut now = N + 10;
    let mut to_fresh = holder.handle(now, Input::Tick);
    for _ in 0..200 {
        let mut to_holder = fresh.handle(now, Input::Tick);
        for o in to_fresh.drain(..) {
            if let Output::Broadcast(b) | Output::Send { bytes: b, .. } = o {
                assert!(b.len() <= MAX_MESSAGE_BYTES);
                biggest = biggest.max(b.len());
                to_holder.extend(receive(&mut fresh, now, "holder", b));
            }
        }
        now += 100;
        to_fresh.extend(holder.handle(now, Input::Tick));
        for o in to_holder {
            if let Output::Send { bytes, .. } = o {
                to_fresh.extend(receive(&mut holder, now, "fresh", bytes));
            }
        }
        if fresh.chain().height() == N {
            break;
        }
    }
    assert_eq!(fresh.chain().height(), N);
    assert!(biggest > 0 && biggest <= MAX_MESSAGE_BYTES / 2 + 4096);
}

#[test]
fn junk_on_an_old_parent_is_refused_before_any_replay_or_draw() {
    // Deferring every draw makes each one visible as an `Output::Draw`.
    let config = NodeConfig {
        defer_draws_from: Some(0),
        ..NodeConfig::default()
    };
    let chain = forge_empty_chain(&founder(), &genesis(), 100, 10);
    let mut node = honest(chain.clone(), config);
    let before = node.chain().tip_hash();
    // The node asks for its own tip's draw once; junk must add nothing to that.
    let first = node.handle(2_000, Input::Tick);
    let baseline = draws_asked(&first);
    let mallory = Wallet::from_seed([66; 32]);
    let mut refusals = Vec::new();
    for i in 0..u64::from(STRIKES_TO_BAN) {
        let junk = junk_on(&chain, 50, i);
        let out = receive(
            &mut node,
            2_000,
            "mallory",
            bytes_from(&mallory, Message::Block { block: junk }),
        );
        assert_eq!(draws_asked(&out), 0, "no draw asked for junk");
        for e in events(&out) {
            if let Event::BlockRejected { reason, .. } = e {
                refusals.push(reason.clone());
            }
        }
    }
    assert!(baseline <= 1);
    assert_eq!(refusals.len(), STRIKES_TO_BAN as usize);
    // The winner on a canonical parent is stored, so the refusal can name it at no cost.
    assert!(refusals.iter().all(|r| matches!(
        r,
        BlockError::NotTheForger { .. } | BlockError::NotAStaker { .. }
    )));
    // A real staker's name on an unsigned block: refused on the signature, still no draw.
    let mut forged = junk_on(&chain, 60, 0);
    forged.forger = founder().address();
    let out = receive(
        &mut node,
        2_000,
        "eve",
        bytes_from(&mallory, Message::Block { block: forged }),
    );
    assert_eq!(draws_asked(&out), 0);
    assert!(events(&out).iter().any(|e| matches!(
        e,
        Event::BlockRejected {
            reason: BlockError::BadSignature,
            ..
        }
    )));
    // Mallory is banned: its next junk is dropped unread.
    assert!(node.is_banned_at(&PeerId("mallory".into()), 2_001));
    let out = receive(
        &mut node,
        2_001,
        "mallory",
        bytes_from(
            &mallory,
            Message::Block {
                block: junk_on(&chain, 70, 9),
            },
        ),
    );
    assert!(events(&out).is_empty(), "{:?}", events(&out));
    assert_eq!(node.rejected().get("peer:banned"), Some(&1));
    assert_eq!(node.chain().tip_hash(), before, "the chain is unchanged");
    assert_eq!(node.tree().side_len(), 0);
    // The ban ends.
    assert!(!node.is_banned_at(&PeerId("mallory".into()), 2_000 + 60_000));
}

#[test]
fn a_peer_asking_for_the_whole_chain_again_and_again_gets_bounded_pages() {
    let chain = forge_empty_chain(&founder(), &genesis(), 3_000, 1);
    let mut node = honest(chain, NodeConfig::default());
    let asker = Wallet::from_seed([70; 32]);
    let request = bytes_from(
        &asker,
        Message::ChainRequest {
            height: 0,
            locator: vec![genesis().block().hash()],
        },
    );
    let mut answered = 0;
    let mut biggest = 0;
    for i in 0..200u64 {
        let out = receive(&mut node, 10_000 + i, "asker", request.clone());
        for (_, bytes) in sends(&out) {
            answered += 1;
            biggest = biggest.max(bytes.len());
            let env = decode(bytes).expect("every answer decodes");
            let Message::Chain { blocks, .. } = env.body else {
                panic!("a chain page")
            };
            assert_eq!(blocks.len(), MAX_PAGE_BLOCKS);
            assert_eq!(blocks[0].height, 1, "from the asker's fork point");
        }
    }
    // 200 requests in 200 ms: one window's worth of pages.
    assert_eq!(answered, MAX_PAGES_PER_WINDOW);
    assert!(biggest < MAX_MESSAGE_BYTES);
    assert_eq!(
        node.rejected().get("sync:rateLimited"),
        Some(&(200 - u64::from(MAX_PAGES_PER_WINDOW)))
    );
    // Many made-up askers: the window table stays bounded.
    for i in 0..(2 * MAX_PEERS) {
        receive(&mut node, 20_000, &format!("sybil{i}"), request.clone());
    }
    assert!(node.sync_windows() <= MAX_PEERS);
    // Windows expire on the next tick after they end.
    node.handle(25_000, Input::Tick);
    assert_eq!(node.sync_windows(), 0);
}

#[test]
fn a_fake_chain_of_100_000_blocks_is_refused_at_its_first_block_and_its_sender_banned() {
    let mut node = honest(
        forge_empty_chain(&founder(), &genesis(), 10, 1),
        NodeConfig::default(),
    );
    let before = node.chain().tip_hash();
    let g = genesis().block();
    let mut fake = vec![g.clone()];
    let liar = Wallet::from_seed([71; 32]);
    for h in 1..=100_000u64 {
        let prev = fake.last().expect("block");
        fake.push(Block {
            height: h,
            prev_hash: prev.hash(),
            forger: liar.address(),
            timestamp: h,
            transactions: Vec::new(),
            signature: Signature::default(),
        });
    }
    // In one message it is far over the limit and refused before parsing.
    let whole = bytes_from(
        &liar,
        Message::Chain {
            genesis: genesis(),
            blocks: fake.clone(),
        },
    );
    assert!(whole.len() > MAX_MESSAGE_BYTES);
    let out = receive(&mut node, 1_000, "liar", whole);
    assert!(events(&out)
        .iter()
        .any(|e| matches!(e, Event::MessageRejected { .. })));
    // In pages: the first is refused at its first block (a strike); the others continue no
    // block the node holds and are dropped before any check.
    let page_of = |page: &[Block]| {
        bytes_from(
            &liar,
            Message::Chain {
                genesis: genesis(),
                blocks: page.to_vec(),
            },
        )
    };
    let mut rejected = 0;
    for page in fake[1..].chunks(MAX_PAGE_BLOCKS) {
        let out = receive(&mut node, 1_000, "liar", page_of(page));
        rejected += events(&out)
            .iter()
            .filter(|e| matches!(e, Event::ChainRejected { .. }))
            .count();
    }
    assert_eq!(rejected, 1);
    assert_eq!(
        node.rejected().get("chain:unsolicited"),
        Some(&(100_000 / MAX_PAGE_BLOCKS as u64 - 1))
    );
    // Sent again and again, the first page gets the liar banned, then dropped unread.
    let mut banned = false;
    for _ in 0..10 {
        let out = receive(
            &mut node,
            1_000,
            "liar",
            page_of(&fake[1..=MAX_PAGE_BLOCKS]),
        );
        banned |= events(&out)
            .iter()
            .any(|e| matches!(e, Event::PeerBanned { .. }));
    }
    assert!(banned);
    assert_eq!(
        node.rejected().get("peer:banned"),
        Some(&(10 + 1 - u64::from(STRIKES_TO_BAN)))
    );
    assert_eq!(node.chain().tip_hash(), before);
    assert_eq!(node.tree().side_len(), 0);
}

#[test]
fn a_block_of_100_000_transactions_is_refused_on_its_size() {
    let chain = forge_empty_chain(&founder(), &genesis(), 5, 1);
    let mut node = honest(chain.clone(), NodeConfig::default());
    let before = node.chain().tip_hash();
    let tx = Transaction::new_signed(&exchange(), TxKind::Exchange, founder().address(), 1, 0, 1);
    let mut block = Block::forge(
        &founder(),
        6,
        chain.tip_hash(),
        chain.tip().timestamp + 1,
        vec![tx; 100_000],
    );
    // As a message it is over the limit.
    let bytes = bytes_from(
        &founder(),
        Message::Block {
            block: block.clone(),
        },
    );
    assert!(bytes.len() > MAX_MESSAGE_BYTES);
    let out = receive(&mut node, 100, "flooder", bytes);
    assert!(events(&out)
        .iter()
        .any(|e| matches!(e, Event::MessageRejected { .. })));
    // Just over the transaction limit and under the message limit: refused on its count,
    // before any transaction or the signature is looked at.
    block.transactions.truncate(MAX_BLOCK_TXS + 1);
    let out = receive(
        &mut node,
        100,
        "flooder",
        bytes_from(&founder(), Message::Block { block }),
    );
    assert!(events(&out).iter().any(|e| matches!(
        e,
        Event::BlockRejected {
            reason: BlockError::TooManyTransactions,
            ..
        }
    )));
    assert_eq!(node.chain().tip_hash(), before);
    assert!(node.pool().is_empty());
}

#[test]
fn transactions_far_ahead_of_their_nonce_fill_a_bounded_fair_parking() {
    let mut node = honest(
        forge_empty_chain(&founder(), &genesis(), 2, 1),
        NodeConfig::default(),
    );
    let before = node.chain().tip_hash();
    // One flooding sender, nonces 1 ..= 1_500 (nonce 0 never comes), then 20 senders more.
    let flooder = Wallet::from_seed([80; 32]);
    let to = founder().address();
    let mut sent = 0u64;
    for nonce in 1..=1_500u64 {
        let tx = Transaction::new_signed(&flooder, TxKind::Transfer, to, 1, nonce, 0);
        receive(
            &mut node,
            100,
            "flood",
            bytes_from(&flooder, Message::Transaction { tx }),
        );
        sent += 1;
    }
    assert_eq!(node.parked_len(), MAX_NONCE_AHEAD as usize);
    for s in 0..40u8 {
        let w = Wallet::from_seed([100 + s; 32]);
        for nonce in 1..=10u64 {
            let tx = Transaction::new_signed(&w, TxKind::Transfer, to, 1, nonce, 0);
            receive(
                &mut node,
                100,
                "flood",
                bytes_from(&w, Message::Transaction { tx }),
            );
            sent += 1;
        }
    }
    assert!(sent > MAX_PARKED as u64);
    assert_eq!(node.parked_len(), MAX_PARKED);
    // An honest sender whose first transaction is late still gets its second parked: the
    // flooder gave up its furthest.
    let alice = Wallet::from_seed([99; 32]);
    let late = Transaction::new_signed(&alice, TxKind::Transfer, to, 1, 1, 0);
    receive(
        &mut node,
        100,
        "honest",
        bytes_from(&alice, Message::Transaction { tx: late }),
    );
    assert_eq!(node.parked_len(), MAX_PARKED);
    assert!(node.rejected().get("tx:parkEvicted").is_some());
    assert!(node.pool().is_empty());
    assert_eq!(node.chain().tip_hash(), before);
    // Parked transactions expire.
    node.handle(100 + 60_001, Input::Tick);
    assert_eq!(node.parked_len(), 0);
}

#[test]
fn a_flood_of_peer_announcements_leaves_the_known_peers_in_place() {
    let chain = forge_empty_chain(&founder(), &genesis(), 3, 1);
    let tip = chain.tip_hash();
    let mut node = honest(chain, NodeConfig::default());
    let friend = Wallet::from_seed([90; 32]);
    let status = |w: &Wallet| bytes_from(w, Message::Status { height: 3, tip });
    receive(&mut node, 100, "friend", status(&friend));
    let mut chain_requests = 0;
    for i in 0..10_000u32 {
        let w = &friend; // The claimed address does not matter: links are driver-named.
        let out = receive(&mut node, 200, &format!("sybil{i}"), status(w));
        chain_requests += sends(&out).len();
    }
    assert_eq!(node.peers().len(), MAX_PEERS);
    assert!(node.peers().contains_key(&PeerId("friend".into())));
    assert_eq!(chain_requests, 0, "a status at our tip asks for nothing");
    assert_eq!(
        node.rejected().get("peer:tableFull"),
        Some(&(10_000 + 1 - MAX_PEERS as u64))
    );
    // Statuses ahead of us: one chain request at a time, whatever the flood.
    let ahead = bytes_from(&friend, Message::Status { height: 99, tip });
    let mut asked = 0;
    for i in 0..1_000u32 {
        asked += sends(&receive(&mut node, 300, &format!("liar{i}"), ahead.clone())).len();
    }
    assert_eq!(asked, 1);
    // The flood's entries time out; the table empties.
    node.handle(100_000, Input::Tick);
    assert!(node.peers().is_empty());
}

#[test]
fn purchase_requests_are_remembered_within_a_bound() {
    let chain = forge_empty_chain(&founder(), &genesis(), 1, 1);
    let mut node = honest(chain, NodeConfig::default());
    for i in 0..(MAX_BUYS_REMEMBERED as u64 + 500) {
        let buyer = Wallet::from_seed([(i % 250) as u8 + 1; 32]);
        let req = pos_core::message::BuyRequest::new_signed(&buyer, genesis().block().hash(), 1, i);
        receive(
            &mut node,
            100,
            "buyers",
            bytes_from(&buyer, Message::Buy(req)),
        );
    }
    assert_eq!(node.buys_remembered(), MAX_BUYS_REMEMBERED);
    node.handle(100 + 600_000, Input::Tick);
    assert_eq!(node.buys_remembered(), 0, "and they expire");
}

#[test]
fn equivocation_without_end_is_bounded_and_the_chain_goes_on() {
    // The founder is the only staker: it may forge every block, and it signs many.
    let base = forge_empty_chain(&founder(), &genesis(), 2, 1);
    let mut node = honest(base.clone(), NodeConfig::default());
    let mut tree_chain = base;
    let mut now = 10_000;
    let mut twins_sent = 0;
    for round in 0..120u64 {
        // Many twins on the current tip, then one extends it.
        let tip = tree_chain.tip().clone();
        let parent = tree_chain.tip_hash();
        for k in 0..8u64 {
            let b = Block::forge(
                &founder(),
                tip.height + 1,
                parent,
                tip.timestamp + k,
                vec![],
            );
            receive(
                &mut node,
                now,
                "equivocator",
                bytes_from(&founder(), Message::Block { block: b }),
            );
            twins_sent += 1;
        }
        tree_chain = node.chain().clone();
        now += 10;
        assert!(node.tree().side_len() <= MAX_SIDE_BLOCKS, "round {round}");
        assert!(node.evidence().len() <= MAX_EVIDENCE);
        assert!(node.evidence().iter().all(|e| e.hashes.len() <= 8));
    }
    assert_eq!(twins_sent, 960);
    assert_eq!(node.chain().height(), 122, "one block per height made it");
    assert_eq!(node.evidence().len(), MAX_EVIDENCE);
    assert!(node.tree().side_len() <= MAX_SIDE_BLOCKS);
    Chain::from_blocks(
        genesis(),
        &node.chain().blocks().cloned().collect::<Vec<_>>(),
    )
    .expect("a valid chain");
    // Valid equivocation is no offence: the forger is not banned.
    assert!(!node.is_banned_at(&PeerId("equivocator".into()), now));
    let _ = Hash::of(b"");
}
