//! Deferred draws: a node that leaves big draws to its driver (`defer_draws_from`) asks for
//! them with `Output::Draw`, holds what needs them, and resumes on `Input::DrawDone`. A
//! network that answers at once makes the same history as synchronous nodes; one whose
//! driver answers later stalls without refusing anything, then converges. Real crypto, real
//! messages. Runs natively and in wasm32.

#[cfg(not(target_arch = "wasm32"))]
mod common;

use pos_core::chain::{compute_draw, remember_draw};
use pos_core::lottery::{self, Ranking};
use pos_core::message::{encode, Envelope, Message, PROTOCOL_VERSION};
use pos_core::node::MAX_HELD_BLOCKS;
use pos_core::sim::{DrawRequest, LinkConfig, Scenario, SimNet, Simulation, SplitMix64};
use pos_core::{
    Action, Address, Block, Chain, Event, Genesis, Hash, Input, Node, NodeConfig, Output, PeerId,
    Wallet,
};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// What a driver computes for a draw request: `lottery::rank` on the stakers' hex addresses
/// and the seed's hex, as the core does when it does not defer.
fn rank(draw: &DrawRequest) -> Option<Ranking> {
    let named: Vec<(String, u64)> = draw.stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect();
    lottery::rank(&named, &draw.seed.to_hex())
}

fn lossy(nodes: usize, blocks: u64, seed: u64, jitter_ms: u64) -> Scenario {
    let mut s = Scenario::new(nodes, blocks, seed);
    s.link = LinkConfig {
        latency_ms: 50,
        jitter_ms,
        drop_ppm: 50_000,
    };
    s
}

fn chain_hashes(net: &SimNet) -> Vec<Hash> {
    net.node(0)
        .expect("node")
        .chain()
        .hashes()
        .copied()
        .collect()
}

fn tips(net: &SimNet) -> Vec<Hash> {
    net.nodes()
        .iter()
        .map(|n| n.node.chain().tip_hash())
        .collect()
}

#[test]
fn deferring_every_draw_answered_at_once_changes_no_history() {
    for (seed, jitter, defer) in [(7, 0, 0), (11, 40, 0), (7, 0, 30)] {
        let mut plain = Simulation::new(lossy(4, 40, seed, jitter));
        let a = plain.run();
        let mut deferred = Simulation::new(lossy(4, 40, seed, jitter));
        deferred.net.set_defer_draws_from(Some(defer));
        let b = deferred.run();
        assert!(a.height >= 40 && a.converged, "{a:?}");
        assert!(a.transactions > 0);
        assert_eq!(a, b, "seed {seed}: the same summary");
        assert_eq!(tips(&plain.net), tips(&deferred.net));
        assert_eq!(
            chain_hashes(&plain.net),
            chain_hashes(&deferred.net),
            "the same chain, block for block"
        );
        let computed = deferred.net.draws_computed();
        if defer == 0 {
            assert!(
                computed >= 40,
                "every draw went through the driver: {computed}"
            );
        } else {
            // Small draws at first, then big ones once the stake passes the threshold.
            let stake = b.stakers.iter().map(|s| s.stake).sum::<u64>();
            assert!(stake >= defer, "the stake grew past {defer}: {stake}");
            assert!(computed > 0 && computed < 40, "some deferred: {computed}");
        }
        assert_eq!(plain.net.draws_computed(), 0);
        for n in deferred.net.nodes() {
            assert_eq!(n.node.config().defer_draws_from, Some(defer));
            assert!(!n.node.awaits_draw());
            assert_eq!(n.node.requested_draws().count(), 0);
        }
    }
}

/// A workload like the faults tests': buy when poor, stake when unstaked, else transfer.
struct Workload {
    rng: SplitMix64,
    next: u64,
}

impl Workload {
    fn act(&mut self, net: &mut SimNet) {
        if net.now() < self.next {
            return;
        }
        self.next = net.now() + 250;
        let n = net.nodes().len();
        let i = self.rng.below(n as u64) as usize;
        let node = net.node(i).expect("node");
        let me = node.address();
        let balance = node.pool().pending().balance(&me);
        let action = if balance < 20 {
            Action::Exchange {
                amount: 20 + self.rng.below(60),
            }
        } else if node.pool().pending().stake(&me) == 0 || self.rng.below(4) == 0 {
            Action::Stake {
                amount: 1 + self.rng.below(balance.min(15)),
            }
        } else {
            let j = (i + 1 + self.rng.below(n as u64 - 1) as usize) % n;
            Action::Transfer {
                to: net.node(j).expect("node").address(),
                amount: 1 + self.rng.below(balance.min(10)),
            }
        };
        net.input(i, Input::Submit(action));
    }
}

/// Answers every queued draw request; returns how many there were.
fn answer_all(net: &mut SimNet) -> usize {
    let requests = net.take_draw_requests();
    for r in &requests {
        net.deliver_draw(r.seed, r.stakers.clone(), rank(r));
    }
    requests.len()
}

fn assert_nothing_refused(net: &SimNet, events: &[(usize, Event)]) {
    for n in net.nodes() {
        assert!(
            n.node.rejected().is_empty(),
            "nothing refused: {:?}",
            n.node.rejected()
        );
    }
    assert!(
        !events
            .iter()
            .any(|(_, e)| matches!(e, Event::BlockRejected { .. } | Event::ChainRejected { .. })),
        "no refusal events"
    );
}

#[test]
fn external_draws_stall_the_network_until_answered_then_it_converges() {
    let mut sim = Simulation::new(Scenario::new(4, 0, 21));
    let net = &mut sim.net;
    net.set_defer_draws_from(Some(0));
    net.set_external_draws(true);
    let mut work = Workload {
        rng: SplitMix64::new(99),
        next: 0,
    };
    let mut events = Vec::new();
    // Block 1 is forged on genesis, whose draw every node computed when it started.
    while net.min_height() < 1 {
        work.act(net);
        let t = net.now() + 50;
        net.advance_to(t);
        events.extend(net.drain_events());
        assert!(net.now() < 60_000, "block 1 comes");
    }
    let tip = net.node(0).expect("node").chain().tip_hash();
    // Every node now waits for the draw on block 1, which is listed once.
    let requests = net.take_draw_requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(requests[0].seed, tip);
    assert_eq!(requests[0].lots(), 1, "the genesis key's one token");
    for n in net.nodes() {
        let node = &n.node;
        assert!(node.chain().draw_pending());
        assert_eq!(node.chain().next_forger(), None, "unknown while pending");
        assert_eq!(node.chain().next_ranking(), None);
        assert_eq!(node.next_rank(), None);
        assert_eq!(
            node.requested_draws().cloned().collect::<Vec<_>>(),
            requests
        );
    }
    // The network stalls: transactions flow, nobody forges, nothing is refused.
    for _ in 0..200 {
        work.act(net);
        let t = net.now() + 50;
        net.advance_to(t);
        events.extend(net.drain_events());
    }
    assert!(net.take_draw_requests().is_empty(), "asked once only");
    assert_eq!(net.pending_draws(), requests);
    for n in net.nodes() {
        assert_eq!(n.node.chain().height(), 1, "no block on a pending tip");
        assert_eq!(n.node.chain().tip_hash(), tip);
    }
    assert!(net.nodes().iter().any(|n| !n.node.pool().is_empty()));
    let forged_after = |events: &[(usize, Event)], h: u64| {
        events
            .iter()
            .filter(|(_, e)| matches!(e, Event::BlockForged { height, .. } if *height > h))
            .count()
    };
    assert_eq!(forged_after(&events, 1), 0);
    let refused = net.input(0, Input::ForgeNow);
    assert_eq!(refused, vec![Event::ForgeRefused { winner: None }]);
    assert_nothing_refused(net, &events);
    // A wrong answer (a draw nobody asked for) changes nothing.
    let stray = DrawRequest {
        seed: Hash::of(b"nobody asked"),
        stakers: requests[0].stakers.clone(),
    };
    assert_eq!(net.deliver_draw(stray.seed, stray.stakers.clone(), None), 0);
    assert!(net.node(1).expect("node").chain().draw_pending());
    // The answer reaches all four nodes and the chain moves on.
    let r = &requests[0];
    assert_eq!(net.deliver_draw(r.seed, r.stakers.clone(), rank(r)), 4);
    assert!(net.pending_draws().is_empty());
    for n in net.nodes() {
        // Past block 1's draw (its winner may have forged block 2 at once).
        let node = &n.node;
        assert!(node.requested_draws().all(|d| d.seed != tip));
        assert!(node.chain().pending_draw().is_none_or(|d| d.seed != tip));
        assert!(node.chain().height() > 1 || node.chain().next_forger().is_some());
    }
    // Answering as the requests come, the chain grows and every node agrees.
    let mut answered = 1;
    let deadline = net.now() + 600_000;
    while net.min_height() < 12 || !net.converged() || net.in_flight() > 0 {
        if net.min_height() < 12 {
            work.act(net);
        }
        let t = net.now() + 50;
        net.advance_to(t);
        answered += answer_all(net);
        events.extend(net.drain_events());
        assert!(net.now() < deadline, "converges: {:?}", tips(net));
    }
    assert!(answered >= 12, "one draw per block at least: {answered}");
    assert!(forged_after(&events, 1) >= 11);
    assert_nothing_refused(net, &events);
    for n in net.nodes() {
        let c = n.node.chain();
        Chain::from_blocks(
            c.genesis().clone(),
            &c.blocks().cloned().collect::<Vec<_>>(),
        )
        .expect("a valid chain");
        assert_eq!(n.node.held_blocks(), 0);
    }
    assert_eq!(net.draws_computed(), 0, "the driver computed every draw");
}

#[test]
fn a_late_joiner_syncs_through_several_draws() {
    let mut sim = Simulation::new(Scenario::new(3, 0, 5));
    let net = &mut sim.net;
    net.set_defer_draws_from(Some(0));
    net.set_external_draws(true);
    let mut work = Workload {
        rng: SplitMix64::new(3),
        next: 0,
    };
    let deadline = 900_000;
    while net.min_height() < 24 {
        work.act(net);
        let t = net.now() + 50;
        net.advance_to(t);
        answer_all(net);
        net.drain_events();
        assert!(net.now() < deadline, "grows");
    }
    // A fresh node joins; the thread remembers only the newest draws, so syncing the older
    // blocks asks for several.
    let genesis = sim.founding.genesis.clone();
    let joiner = net.add_node(Node::new(
        Wallet::from_seed([77; 32]),
        None,
        Chain::new(genesis),
        NodeConfig::default(),
    ));
    assert_eq!(
        net.node(joiner).expect("node").config().defer_draws_from,
        Some(0),
        "the network's setting applies to new nodes"
    );
    let mut asked = 0;
    let mut held_chain = false;
    while !(net.converged() && net.in_flight() == 0) {
        let t = net.now() + 50;
        net.advance_to(t);
        held_chain |= net.node(joiner).expect("node").held_chain_len() > 0;
        asked += answer_all(net);
        net.drain_events();
        assert!(net.now() < deadline + 300_000, "the joiner catches up");
    }
    assert!(held_chain, "the chain waited for draws");
    assert!(asked >= 3, "several draws asked: {asked}");
    let node = net.node(joiner).expect("node");
    assert!(node.chain().height() >= 24);
    assert!(node.rejected().is_empty(), "{:?}", node.rejected());
}

/// A one-staker network of its own (each test its own, so that the thread's memo of draws,
/// shared by the tests of one thread in wasm, never knows its draws in advance).
struct Solo {
    genesis_key: Wallet,
    genesis: Genesis,
    node: Node,
    peer: PeerId,
}

impl Solo {
    fn new(name: &str) -> Solo {
        let genesis_key = Wallet::from_seed([1; 32]);
        let genesis = Genesis {
            network: name.into(),
            forger: genesis_key.address(),
            exchange: Wallet::from_seed([2; 32]).address(),
            supply: 1_000,
            timestamp: 1_000,
        };
        let config = NodeConfig {
            defer_draws_from: Some(0),
            ..NodeConfig::default()
        };
        let node = Node::new(
            Wallet::from_seed([3; 32]),
            None,
            Chain::new(genesis.clone()),
            config,
        );
        Solo {
            genesis_key,
            genesis,
            node,
            peer: PeerId("p".into()),
        }
    }

    /// A block by the only staker (rank 0 in every draw) on `parent`.
    fn block(&self, height: u64, parent: Hash, timestamp: u64) -> Block {
        Block::forge(&self.genesis_key, height, parent, timestamp, Vec::new())
    }

    fn bytes(&self, body: Message) -> Vec<u8> {
        encode(&Envelope {
            v: PROTOCOL_VERSION,
            network: self.node.chain().network_id(),
            from: self.genesis_key.address(),
            body,
        })
    }

    fn receive(&mut self, body: Message) -> Vec<Output> {
        let bytes = self.bytes(body);
        let input = Input::Receive {
            from: self.peer.clone(),
            bytes,
        };
        self.node.handle(5_000, input)
    }

    fn send_block(&mut self, block: Block) -> Vec<Output> {
        self.receive(Message::Block { block })
    }

    fn answer(&mut self, draw: &DrawRequest) -> Vec<Output> {
        let input = Input::DrawDone {
            seed: draw.seed,
            stakers: draw.stakers.clone(),
            ranking: rank(draw),
        };
        self.node.handle(5_000, input)
    }

    fn staker_table(&self) -> Vec<(Address, u64)> {
        vec![(self.genesis_key.address(), 1)]
    }
}

fn draws(out: &[Output]) -> Vec<DrawRequest> {
    out.iter()
        .filter_map(|o| match o {
            Output::Draw { seed, stakers } => Some(DrawRequest {
                seed: *seed,
                stakers: stakers.clone(),
            }),
            _ => None,
        })
        .collect()
}

fn events(out: &[Output]) -> Vec<&Event> {
    out.iter()
        .filter_map(|o| match o {
            Output::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn accepted(out: &[Output]) -> Vec<u64> {
    events(out)
        .into_iter()
        .filter_map(|e| match e {
            Event::BlockAccepted { height, .. } => Some(*height),
            _ => None,
        })
        .collect()
}

#[test]
fn a_held_block_is_applied_when_its_draw_arrives() {
    let mut s = Solo::new("held");
    let g = s.node.chain().tip_hash();
    let b1 = s.block(1, g, 1_010);
    let out = s.send_block(b1.clone());
    assert_eq!(accepted(&out), vec![1]);
    let k1 = DrawRequest {
        seed: b1.hash(),
        stakers: s.staker_table(),
    };
    assert_eq!(
        draws(&out),
        vec![k1.clone()],
        "the draw on block 1, asked once"
    );
    assert_eq!(s.node.chain().pending_draw(), Some(k1.clone()));
    // Block 2 needs that draw: held, not refused; block 3 waits with its held parent.
    let b2 = s.block(2, b1.hash(), 1_020);
    let b3 = s.block(3, b2.hash(), 1_030);
    for b in [b2.clone(), b3.clone(), b2.clone()] {
        let out = s.send_block(b);
        assert!(events(&out).is_empty(), "{out:?}");
        assert!(draws(&out).is_empty(), "already asked");
        assert!(
            !out.iter().any(|o| matches!(o, Output::Broadcast(_))),
            "not relayed before it is checked"
        );
    }
    assert_eq!(s.node.chain().height(), 1);
    assert_eq!(s.node.held_blocks(), 2, "a relayed copy is held once");
    assert!(s.node.rejected().is_empty());
    // The answer lets block 2 in; block 3 then waits for the draw on block 2.
    let out = s.answer(&k1);
    assert_eq!(accepted(&out), vec![2]);
    let k2 = DrawRequest {
        seed: b2.hash(),
        stakers: s.staker_table(),
    };
    assert_eq!(draws(&out), vec![k2.clone()]);
    assert_eq!(s.node.held_blocks(), 1);
    let out = s.answer(&k2);
    assert_eq!(accepted(&out), vec![3]);
    assert_eq!(s.node.chain().tip_hash(), b3.hash());
    assert_eq!(s.node.held_blocks(), 0);
    assert!(s.node.rejected().is_empty());
    // The answers were remembered for the thread: another node finds them without asking.
    let mut other = Node::new(
        Wallet::from_seed([4; 32]),
        None,
        Chain::new(s.genesis.clone()),
        s.node.config().clone(),
    );
    for b in [b1, b2] {
        let bytes = s.bytes(Message::Block { block: b });
        let out = other.handle(
            5_000,
            Input::Receive {
                from: s.peer.clone(),
                bytes,
            },
        );
        assert!(draws(&out).is_empty(), "remembered: {out:?}");
    }
    assert!(!other.chain().draw_pending());
}

#[test]
fn a_draw_nobody_asked_for_is_ignored() {
    let mut s = Solo::new("stray");
    let g = s.node.chain().tip_hash();
    let b1 = s.block(1, g, 1_010);
    s.send_block(b1.clone());
    let b2 = s.block(2, b1.hash(), 1_020);
    s.send_block(b2.clone());
    let asked = DrawRequest {
        seed: b1.hash(),
        stakers: s.staker_table(),
    };
    let other_table = DrawRequest {
        seed: b1.hash(),
        stakers: vec![(s.genesis_key.address(), 2)],
    };
    let other_seed = DrawRequest {
        seed: b2.hash(),
        stakers: s.staker_table(),
    };
    let true_ranking = rank(&asked);
    for stray in [other_table, other_seed] {
        for ranking in [true_ranking.clone(), None] {
            let out = s.node.handle(
                5_000,
                Input::DrawDone {
                    seed: stray.seed,
                    stakers: stray.stakers.clone(),
                    ranking,
                },
            );
            assert!(events(&out).is_empty() && draws(&out).is_empty(), "{out:?}");
            assert!(s.node.chain().draw_pending());
            assert_eq!(s.node.held_blocks(), 1);
            assert_eq!(s.node.chain().height(), 1);
        }
    }
    assert_eq!(
        s.node.requested_draws().cloned().collect::<Vec<_>>(),
        vec![asked.clone()]
    );
    // A second node of the thread does not find the stray answers either.
    let mut other = Node::new(
        Wallet::from_seed([4; 32]),
        None,
        Chain::new(s.genesis.clone()),
        s.node.config().clone(),
    );
    let bytes = s.bytes(Message::Block { block: b1 });
    let out = other.handle(
        5_000,
        Input::Receive {
            from: s.peer.clone(),
            bytes,
        },
    );
    assert_eq!(draws(&out), vec![asked.clone()]);
    // The right answer still works.
    let out = s.answer(&asked);
    assert_eq!(accepted(&out), vec![2]);
}

#[test]
fn held_blocks_beyond_the_cap_are_dropped_oldest_first() {
    let mut s = Solo::new("cap");
    let g = s.node.chain().tip_hash();
    let b1 = s.block(1, g, 1_010);
    s.send_block(b1.clone());
    let extra = 6;
    let children: Vec<Block> = (0..MAX_HELD_BLOCKS + extra)
        .map(|i| s.block(2, b1.hash(), 1_011 + i as u64))
        .collect();
    for b in &children {
        let out = s.send_block(b.clone());
        assert!(events(&out).is_empty());
    }
    assert_eq!(s.node.held_blocks(), MAX_HELD_BLOCKS);
    assert_eq!(
        s.node.rejected().get("block:heldOverflow"),
        Some(&(extra as u64))
    );
    let k1 = DrawRequest {
        seed: b1.hash(),
        stakers: s.staker_table(),
    };
    let out = s.answer(&k1);
    assert!(!accepted(&out).is_empty());
    assert!(accepted(&out).iter().all(|h| *h == 2));
    assert_eq!(s.node.held_blocks(), 0);
    let tree = s.node.tree();
    for (i, b) in children.iter().enumerate() {
        assert_eq!(tree.contains(&b.hash()), i >= extra, "child {i}");
    }
    let best = children[extra..].iter().map(Block::hash).min();
    assert_eq!(
        Some(s.node.chain().tip_hash()),
        best,
        "fork choice: the lowest hash"
    );
    // One forger, many blocks on one parent: equivocation, resolved by fork choice.
    assert!(events(&out)
        .iter()
        .any(|e| matches!(e, Event::Equivocation { .. })));
}

#[test]
fn a_chain_from_a_peer_waits_for_each_draw_it_needs() {
    let mut s = Solo::new("chain");
    let mut blocks = vec![s.genesis.block()];
    for h in 1..=5u64 {
        let parent = blocks.last().expect("block").hash();
        blocks.push(s.block(h, parent, 1_000 + 10 * h));
    }
    let out = s.receive(Message::Chain {
        genesis: s.genesis.clone(),
        blocks: blocks.clone(),
    });
    assert_eq!(s.node.chain().height(), 1);
    assert_eq!(s.node.held_chain_len(), 4);
    let mut asked = draws(&out);
    let mut replaced = Vec::new();
    for round in 0..10 {
        if s.node.held_chain_len() == 0 {
            break;
        }
        let Some(draw) = asked.pop() else { break };
        assert!(asked.is_empty(), "round {round}: one at a time");
        assert_eq!(draw.seed, blocks[round + 1].hash());
        let out = s.answer(&draw);
        asked = draws(&out);
        replaced.extend(
            events(&out)
                .into_iter()
                .filter(|e| matches!(e, Event::ChainReplaced { .. }))
                .cloned(),
        );
    }
    assert_eq!(s.node.chain().hashes().len(), 6);
    assert_eq!(s.node.chain().tip_hash(), blocks[5].hash());
    assert_eq!(s.node.held_chain_len(), 0);
    assert_eq!(
        replaced,
        vec![Event::ChainReplaced {
            from: s.peer.clone(),
            old_height: 0,
            new_height: 5,
        }],
        "the chain is reported once, when it is in"
    );
    assert!(s.node.rejected().is_empty());
    // The draw on the new tip is pending and was asked for.
    assert_eq!(
        s.node.requested_draws().map(|d| d.seed).collect::<Vec<_>>(),
        vec![blocks[5].hash()]
    );
}

#[test]
fn a_primed_memo_answers_a_node_without_asking() {
    let mut s = Solo::new("primed");
    let g = s.node.chain().tip_hash();
    let b1 = s.block(1, g, 1_010);
    let k1 = DrawRequest {
        seed: b1.hash(),
        stakers: s.staker_table(),
    };
    remember_draw(&k1.stakers, &k1.seed, compute_draw(&k1.stakers, &k1.seed));
    assert_eq!(compute_draw(&k1.stakers, &k1.seed), rank(&k1));
    let out = s.send_block(b1);
    assert_eq!(accepted(&out), vec![1]);
    assert!(draws(&out).is_empty());
    assert!(!s.node.chain().draw_pending());
    assert!(s.node.chain().next_forger().is_some());
    // Switching deferral off computes what is pending at the next input.
    let b2 = s.block(2, k1.seed, 1_020);
    let out = s.send_block(b2.clone());
    assert_eq!(accepted(&out), vec![2]);
    assert_eq!(draws(&out).len(), 1);
    s.node.set_defer_draws_from(None);
    let out = s.node.handle(5_000, Input::Tick);
    assert!(draws(&out).is_empty());
    assert!(!s.node.chain().draw_pending());
    assert_eq!(s.node.requested_draws().count(), 0);
}

/// A partition, a crash and the heal, with and without deferred draws: one history.
fn forks_and_faults(defer: Option<u64>) -> (Vec<Vec<Hash>>, Vec<(usize, Event)>, u64) {
    let mut sim = Simulation::new(lossy(5, 0, 31, 30));
    let net = &mut sim.net;
    net.set_defer_draws_from(defer);
    let mut work = Workload {
        rng: SplitMix64::new(8),
        next: 0,
    };
    let mut events = Vec::new();
    let mut run = |net: &mut SimNet, ms: u64, act: bool| {
        let end = net.now() + ms;
        while net.now() < end {
            if act {
                work.act(net);
            }
            let t = net.now() + 50;
            net.advance_to(t);
            events.extend(net.drain_events());
        }
    };
    run(net, 40_000, true);
    net.set_partition(vec![vec![0, 1, 2], vec![2, 3, 4]]);
    run(net, 30_000, true);
    net.set_partition(vec![vec![0, 1], vec![2, 3, 4]]);
    net.crash(1);
    run(net, 30_000, true);
    net.restart(1);
    net.heal();
    run(net, 60_000, false);
    assert!(net.converged(), "{:?}", tips(net));
    let chains = net
        .nodes()
        .iter()
        .map(|n| n.node.chain().hashes().copied().collect::<Vec<_>>())
        .collect();
    (chains, events, net.draws_computed())
}

#[test]
fn forks_reorgs_and_syncs_go_the_same_way_with_deferred_draws() {
    let (plain, plain_events, none) = forks_and_faults(None);
    let (deferred, deferred_events, computed) = forks_and_faults(Some(0));
    assert_eq!(none, 0);
    assert!(computed > 0);
    assert!(plain[0].len() > 20, "height {}", plain[0].len());
    assert!(
        plain_events
            .iter()
            .any(|(_, e)| matches!(e, Event::Reorg { .. })),
        "the heal reorganised someone"
    );
    assert_eq!(plain, deferred);
    assert_eq!(plain_events, deferred_events, "event for event");
}

#[test]
fn a_node_that_missed_answers_while_crashed_asks_again() {
    let mut sim = Simulation::new(Scenario::new(3, 0, 13));
    let net = &mut sim.net;
    net.set_defer_draws_from(Some(0));
    net.set_external_draws(true);
    let mut work = Workload {
        rng: SplitMix64::new(4),
        next: 0,
    };
    let mut step = |net: &mut SimNet, act: bool| {
        if act {
            work.act(net);
        }
        let t = net.now() + 50;
        net.advance_to(t);
        net.drain_events();
    };
    while net.min_height() < 3 {
        step(net, true);
        answer_all(net);
        assert!(net.now() < 300_000);
    }
    // Node 2 waits for a draw when it crashes; the answer comes while it is down.
    while net.take_draw_requests().is_empty() {
        step(net, true);
        assert!(net.now() < 600_000);
    }
    let waiting = net.pending_draws();
    assert!(net.node(2).expect("node").awaits_draw());
    net.crash(2);
    for r in &waiting {
        assert_eq!(net.deliver_draw(r.seed, r.stakers.clone(), rank(r)), 2);
    }
    // Twenty more blocks push the answer out of the thread's memo.
    let target = net.node(0).expect("node").chain().height() + 20;
    while net.node(0).expect("node").chain().height() < target {
        step(net, true);
        answer_all(net);
        assert!(net.now() < 900_000);
    }
    net.restart(2);
    let deadline = net.now() + 300_000;
    while !(net.converged() && net.in_flight() == 0) {
        step(net, false);
        answer_all(net);
        assert!(net.now() < deadline, "node 2 catches up: {:?}", tips(net));
    }
    // Whatever it waits for now, the driver knows of.
    let known = net.pending_draws();
    assert!(net
        .node(2)
        .expect("node")
        .requested_draws()
        .all(|d| known.contains(d)));
}

/// Untrusted input to a deferring node, in any order and mixed with right and wrong answers,
/// never panics it, never holds more than the cap, and once every draw is answered the node
/// holds the history.
#[cfg(not(target_arch = "wasm32"))]
mod fuzz {
    use super::*;
    use crate::common::Fixture;
    use pos_core::{Transaction, TxKind};
    use proptest::prelude::*;

    /// A valid history: alice buys every block and stakes now and then, so draws change.
    fn history(f: &Fixture, n: usize) -> Vec<Block> {
        let mut chain = f.chain();
        let mut blocks = vec![f.genesis.block()];
        for i in 0..n {
            let mut txs = vec![f.buy(&f.alice, 10, i as u64)];
            if i % 3 == 1 {
                let nonce = chain.accounts().next_nonce(&f.alice.address());
                txs.push(Transaction::new_signed(
                    &f.alice,
                    TxKind::Stake,
                    f.alice.address(),
                    5,
                    nonce,
                    7,
                ));
            }
            let b = f.forge(&chain, txs);
            chain.apply(b.clone()).expect("valid");
            blocks.push(b);
        }
        blocks
    }

    #[derive(Debug, Clone)]
    enum Op {
        Block(usize, Option<usize>),
        Chain(usize, Option<usize>),
        Answer(usize, bool),
        Garbage(Vec<u8>),
        Tick,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0usize..12, prop::option::weighted(0.2, 0usize..64)).prop_map(|(i, m)| Op::Block(i, m)),
            1 => (0usize..12, prop::option::weighted(0.2, 0usize..64)).prop_map(|(i, m)| Op::Chain(i, m)),
            3 => (0usize..4, prop::bool::weighted(0.7)).prop_map(|(i, ok)| Op::Answer(i, ok)),
            1 => prop::collection::vec(any::<u8>(), 0..64).prop_map(Op::Garbage),
            1 => Just(Op::Tick),
        ]
    }

    fn mangle(mut b: Block, m: Option<usize>) -> Block {
        if let Some(m) = m {
            b.signature.0[m % 64] ^= 1;
        }
        b
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn untrusted_input_never_panics_a_deferring_node(ops in prop::collection::vec(op(), 1..60)) {
            let f = Fixture::new(100_000);
            let blocks = history(&f, 12);
            let config = NodeConfig { defer_draws_from: Some(0), ..NodeConfig::default() };
            let mut node = Node::new(f.bob.clone(), None, f.chain(), config);
            let peer = PeerId("p".into());
            let bytes = |node: &Node, body: Message| encode(&Envelope {
                v: PROTOCOL_VERSION,
                network: node.chain().network_id(),
                from: f.alice.address(),
                body,
            });
            let mut now = 10_000;
            for op in ops {
                now += 7;
                let input = match op {
                    Op::Block(i, m) => Input::Receive {
                        from: peer.clone(),
                        bytes: bytes(&node, Message::Block { block: mangle(blocks[i + 1].clone(), m) }),
                    },
                    Op::Chain(i, m) => {
                        let mut chain = blocks[..=i + 1].to_vec();
                        let last = chain.pop().expect("block");
                        chain.push(mangle(last, m));
                        Input::Receive {
                            from: peer.clone(),
                            bytes: bytes(&node, Message::Chain { genesis: f.genesis.clone(), blocks: chain }),
                        }
                    }
                    Op::Answer(i, ok) => {
                        let asked: Vec<DrawRequest> = node.requested_draws().cloned().collect();
                        let Some(d) = asked.get(i % asked.len().max(1)) else { continue };
                        let mut d = d.clone();
                        if !ok {
                            d.seed.0[0] ^= 1;
                        }
                        let ranking = rank(&d);
                        Input::DrawDone { seed: d.seed, stakers: d.stakers, ranking }
                    }
                    Op::Garbage(b) => Input::Receive { from: peer.clone(), bytes: b },
                    Op::Tick => Input::Tick,
                };
                node.handle(now, input);
                prop_assert!(node.held_blocks() <= MAX_HELD_BLOCKS);
            }
            // Answer everything asked and offer the whole history from an honest peer (the
            // fuzzing peer may be banned for its invalid blocks by now): the node takes it.
            node.handle(now, Input::Receive {
                from: PeerId("honest".into()),
                bytes: bytes(&node, Message::Chain { genesis: f.genesis.clone(), blocks: blocks.clone() }),
            });
            for _ in 0..40 {
                let asked: Vec<DrawRequest> = node.requested_draws().cloned().collect();
                for d in asked {
                    let ranking = rank(&d);
                    node.handle(now, Input::DrawDone { seed: d.seed, stakers: d.stakers, ranking });
                }
            }
            prop_assert!(!node.awaits_draw() || node.chain().draw_pending());
            prop_assert_eq!(node.held_blocks() + node.held_chain_len(), 0);
            prop_assert_eq!(node.chain().tip_hash(), blocks[12].hash());
            Chain::from_blocks(f.genesis.clone(), &node.chain().blocks().cloned().collect::<Vec<_>>()).expect("valid");
        }
    }
}
