//! Faults, forks and attacks, as seeded simulations: an offline forger does not halt the chain,
//! a partition heals into one chain, a lossy network converges, and every adversary is refused
//! or resolved. After each, all nodes agree, every chain is valid from genesis, and no valid
//! transaction is lost: each one that an honest pool accepted is on the final chain or still
//! pending in a pool. Runs natively and in wasm32.

use pos_core::chain::SLOT_MS;
use pos_core::sim::{LinkConfig, Scenario, Simulation, SplitMix64};
use pos_core::{
    Action, Address, Behaviour, BlockError, Chain, ChainError, Event, Hash, Input, TxError,
};
use std::collections::BTreeSet;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// A simulated network with a random workload on its honest nodes, and a record of every
/// event and of every transaction an honest pool accepted.
struct World {
    sim: Simulation,
    rng: SplitMix64,
    honest: Vec<bool>,
    /// Nodes the workload leaves alone.
    idle: BTreeSet<usize>,
    accepted: BTreeSet<Hash>,
    events: Vec<(usize, Event)>,
    next_action: u64,
}

const ACTION_EVERY_MS: u64 = 250;
const STEP_MS: u64 = 50;

impl World {
    fn new(nodes: usize, seed: u64, link: LinkConfig) -> World {
        let mut scenario = Scenario::new(nodes, 0, seed);
        scenario.link = link;
        World {
            sim: Simulation::new(scenario),
            rng: SplitMix64::new(seed ^ 0x5eed),
            honest: vec![true; nodes],
            idle: BTreeSet::new(),
            accepted: BTreeSet::new(),
            events: Vec::new(),
            next_action: 0,
        }
    }

    fn now(&self) -> u64 {
        self.sim.net.now()
    }

    fn address(&self, i: usize) -> Address {
        self.sim.net.node(i).expect("node").address()
    }

    fn chain(&self, i: usize) -> &Chain {
        self.sim.net.node(i).expect("node").chain()
    }

    fn is_staker(&self, i: usize) -> bool {
        self.chain(0).accounts().stake(&self.address(i)) > 0
    }

    fn set_behaviour(&mut self, i: usize, b: Behaviour) {
        self.honest[i] = b == Behaviour::Honest;
        let events = self.sim.net.set_behaviour(i, b);
        assert!(events.contains(&Event::BehaviourChanged { behaviour: b }));
    }

    /// One random action on a random running honest node: buy when poor, else stake (often
    /// while it has none) or transfer.
    fn act(&mut self) {
        let n = self.sim.net.nodes().len();
        let i = self.rng.below(n as u64) as usize;
        if !self.honest[i] || self.idle.contains(&i) || self.sim.net.is_crashed(i) {
            return;
        }
        let node = self.sim.net.node(i).expect("node");
        let me = node.address();
        let balance = node.pool().pending().balance(&me);
        let unstaked = node.pool().pending().stake(&me) == 0;
        let action = if balance < 20 {
            Action::Exchange {
                amount: 20 + self.rng.below(60),
            }
        } else if unstaked || self.rng.below(4) == 0 {
            Action::Stake {
                amount: 1 + self.rng.below(balance.min(15)),
            }
        } else {
            let j = (i + 1 + self.rng.below(n as u64 - 1) as usize) % n;
            Action::Transfer {
                to: self.address(j),
                amount: 1 + self.rng.below(balance.min(10)),
            }
        };
        let is_tx = !matches!(action, Action::Exchange { .. }) || node.hosts_exchange();
        let events = self.sim.net.input(i, Input::Submit(action));
        for e in events {
            if let (true, Event::Submitted { id }) = (is_tx, e) {
                self.accepted.insert(id);
            }
        }
    }

    fn record(&mut self) {
        for (i, e) in self.sim.net.drain_events() {
            if let Event::TxAccepted { id, .. } = &e {
                if self.honest[i] {
                    self.accepted.insert(*id);
                }
            }
            self.events.push((i, e));
        }
    }

    /// Runs `ms` of simulated time, with the workload when `act`.
    fn run(&mut self, ms: u64, act: bool) {
        let end = self.now() + ms;
        self.run_until(end, act, |_| false);
    }

    /// Runs until `done` or until `deadline`; returns whether `done` held.
    fn run_until(&mut self, deadline: u64, act: bool, done: impl Fn(&World) -> bool) -> bool {
        while self.now() < deadline {
            if done(self) {
                return true;
            }
            if act && self.now() >= self.next_action {
                self.act();
                self.next_action = self.now() + ACTION_EVERY_MS;
            }
            let step = self.now() + STEP_MS;
            self.sim.net.advance_to(step);
            self.record();
        }
        done(self)
    }

    /// Until every node has at least `height` blocks and every honest node has stake.
    fn warm_up(&mut self, height: u64) {
        let n = self.sim.net.nodes().len();
        let deadline = self.now() + 600_000;
        let ok = self.run_until(deadline, true, |w| {
            w.sim.net.min_height() >= height && (0..n).all(|i| !w.honest[i] || w.is_staker(i))
        });
        assert!(ok, "warm-up reached height {height} with every node staked");
    }

    /// Without new actions, until every node holds one tip, honest pools are empty and
    /// nothing is in flight. (An adversary's pool may hold what nobody else wants.)
    fn settle(&mut self) {
        let deadline = self.now() + 300_000;
        let ok = self.run_until(deadline, false, |w| {
            let net = &w.sim.net;
            net.converged()
                && net.in_flight() == 0
                && (0..w.honest.len())
                    .filter(|i| w.honest[*i])
                    .all(|i| net.node(i).is_some_and(|n| n.pool().is_empty()))
        });
        let tips: Vec<(u64, String)> = (0..self.sim.net.nodes().len())
            .map(|i| (self.chain(i).height(), self.chain(i).tip_hash().short(8)))
            .collect();
        assert!(ok, "the network settles on one chain: {tips:?}");
    }

    /// Every honest node buys `amount` tokens and the network settles, so that the workload
    /// can go on where the exchange cannot be reached.
    fn fund(&mut self, amount: u64) {
        for i in 0..self.honest.len() {
            if self.honest[i] {
                let events = self
                    .sim
                    .net
                    .input(i, Input::Submit(Action::Exchange { amount }));
                assert!(matches!(events[0], Event::Submitted { .. }), "{events:?}");
                self.run(500, false);
            }
        }
        self.settle();
    }

    /// Every node's chain is valid from genesis, and every transaction an honest pool accepted
    /// is on the final chain or pending in some pool.
    fn assert_nothing_lost(&self) {
        self.assert_nothing_lost_but(&[]);
    }

    /// [`World::assert_nothing_lost`], except for `excused` (a double spend's losing half).
    fn assert_nothing_lost_but(&self, excused: &[Hash]) {
        for n in self.sim.net.nodes() {
            let c = n.node.chain();
            Chain::from_blocks(
                c.genesis().clone(),
                &c.blocks().cloned().collect::<Vec<_>>(),
            )
            .expect("a valid chain");
        }
        let chain = self.chain(0);
        let lost: Vec<&Hash> = self
            .accepted
            .iter()
            .filter(|id| !excused.contains(id))
            .filter(|id| {
                !chain.contains_tx(id)
                    && self
                        .sim
                        .net
                        .nodes()
                        .iter()
                        .all(|n| !n.node.pool().contains(id))
            })
            .collect();
        assert!(
            lost.is_empty(),
            "{} of {} accepted transactions lost",
            lost.len(),
            self.accepted.len()
        );
        assert!(!self.accepted.is_empty());
    }

    fn events_of(&self, pred: impl Fn(&Event) -> bool) -> Vec<&(usize, Event)> {
        self.events.iter().filter(|(_, e)| pred(e)).collect()
    }
}

fn link(latency_ms: u64, jitter_ms: u64, drop_ppm: u32) -> LinkConfig {
    LinkConfig {
        latency_ms,
        jitter_ms,
        drop_ppm,
    }
}

#[test]
fn a_three_two_partition_for_50_blocks_heals_into_one_chain() {
    let mut w = World::new(5, 21, link(50, 100, 0));
    w.warm_up(8);
    // The minority side cannot reach the exchange: give it tokens to work with.
    w.fund(1_000);
    let start = w.chain(0).height();
    w.sim.net.set_partition(vec![vec![0, 1, 2], vec![3, 4]]);
    let deadline = w.now() + 900_000;
    let grew = w.run_until(deadline, true, |w| w.chain(0).height() >= start + 50);
    assert!(grew, "the majority side forged 50 blocks");
    let minority = w.chain(3).height() - start;
    assert!(minority > 0, "the minority side forged on its own");
    assert_ne!(
        w.chain(0).tip_hash(),
        w.chain(3).tip_hash(),
        "two histories"
    );
    w.sim.net.heal();
    w.run(5_000, true);
    w.settle();
    w.assert_nothing_lost();
    let reorgs = w.events_of(|e| matches!(e, Event::Reorg { depth, .. } if *depth > 0));
    assert!(!reorgs.is_empty(), "the losing side reorganised");
}

#[test]
fn the_winner_crashes_and_the_next_ranked_forges_in_its_slot() {
    let mut w = World::new(4, 11, link(50, 50, 0));
    w.warm_up(8);
    // The crashed node may host the exchange: give everyone tokens to work with.
    w.fund(1_000);
    let height = w.chain(0).height();
    let winner = w.chain(0).next_forger().expect("a winner");
    let crashed = (0..4)
        .find(|i| w.address(*i) == winner)
        .expect("a node won");
    assert!(w.sim.net.crash(crashed));
    // Work arrives while the winner is down: the chain must not wait for it.
    let deadline = w.now() + 60_000;
    let moved = w.run_until(deadline, true, |w| {
        let live = (0..4).filter(|i| *i != crashed);
        live.into_iter().all(|i| w.chain(i).height() > height)
    });
    assert!(moved, "the live nodes forged without the winner");
    let live = (crashed + 1) % 4;
    let chain = w.chain(live);
    let block = chain.block_at(height + 1).expect("the block");
    let (rank, slot) = (
        chain.rank_at(height + 1).expect("rank"),
        chain.slot_at(height + 1).expect("slot"),
    );
    assert_ne!(block.forger, winner);
    assert!(
        rank >= 1 && slot >= rank,
        "rank {rank} forged in slot {slot}"
    );
    assert!(
        block.timestamp >= chain.block_at(height).expect("its parent").timestamp + rank * SLOT_MS
    );
    // More blocks with the node down, then it comes back and catches up.
    let target = height + 15;
    let deadline = w.now() + 600_000;
    assert!(w.run_until(deadline, true, |w| w.chain(live).height() >= target));
    assert!(
        w.chain(crashed).height() <= height,
        "a crashed node learns nothing"
    );
    assert!(w.sim.net.restart(crashed));
    w.run(3_000, true);
    w.settle();
    w.assert_nothing_lost();
    assert!(w.chain(crashed).height() >= target);
    assert!(!w
        .events_of(|e| matches!(e, Event::BlockForged { rank: 1.., .. }))
        .is_empty());
}

#[test]
fn twenty_percent_drop_converges() {
    let mut w = World::new(5, 31, link(50, 100, 200_000));
    w.warm_up(5);
    let target = w.chain(0).height() + 60;
    let deadline = w.now() + 900_000;
    assert!(w.run_until(deadline, true, |w| w.sim.net.min_height() >= target));
    w.settle();
    w.assert_nothing_lost();
    let (delivered, dropped) = w.sim.net.traffic();
    // About one message in five is lost (integers only: between 15% and 25%).
    let share = dropped * 100 / (delivered + dropped);
    assert!((15..=25).contains(&share), "{share}% lost");
}

#[test]
fn one_seed_gives_one_history_through_faults() {
    let run = || {
        let mut w = World::new(4, 41, link(50, 100, 50_000));
        w.warm_up(5);
        w.sim.net.set_partition(vec![vec![0, 1], vec![2, 3]]);
        w.run(30_000, true);
        w.sim.net.crash(1);
        w.sim.net.heal();
        w.run(10_000, true);
        w.sim.net.restart(1);
        w.settle();
        (w.chain(0).tip_hash(), w.events.len(), w.sim.net.traffic())
    };
    assert_eq!(run(), run());
}

/// Node 4 turns adversary once the network is warm; returns the world and the adversary's
/// address.
fn with_adversary(seed: u64, behaviour: Behaviour) -> (World, usize) {
    let mut w = World::new(5, seed, link(50, 100, 0));
    w.warm_up(6);
    w.settle();
    w.set_behaviour(4, behaviour);
    (w, 4)
}

/// Nothing the adversary made is in any honest node's block tree.
fn assert_no_honest_tree_holds(w: &World, adversary: usize) {
    let made: Vec<Hash> = w
        .events
        .iter()
        .filter(|(i, _)| *i == adversary)
        .flat_map(|(_, e)| match e {
            Event::Misbehaved { ids, .. } => ids.clone(),
            _ => Vec::new(),
        })
        .collect();
    assert!(!made.is_empty(), "the adversary acted");
    for (i, n) in w.sim.net.nodes().iter().enumerate() {
        if w.honest[i] {
            assert!(made.iter().all(|h| !n.node.tree().contains(h)), "node {i}");
        }
    }
}

fn refusals_from(w: &World, adversary: usize) -> Vec<BlockError> {
    let peer = format!("n{adversary}");
    w.events
        .iter()
        .filter(|(i, _)| w.honest[*i])
        .filter_map(|(_, e)| match e {
            Event::BlockRejected { from, reason, .. } if from.0 == peer => Some(reason.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_block_forged_out_of_turn_is_refused() {
    let (mut w, adv) = with_adversary(51, Behaviour::ForgeOutOfTurn);
    w.run(40_000, true);
    w.settle();
    assert_no_honest_tree_holds(&w, adv);
    let reasons = refusals_from(&w, adv);
    assert!(!reasons.is_empty());
    assert!(reasons.iter().all(|r| matches!(
        r,
        BlockError::NotTheForger { .. } | BlockError::OutOfTurn { .. }
    )));
    w.assert_nothing_lost();
}

#[test]
fn a_block_with_a_forged_signature_is_refused() {
    let (mut w, adv) = with_adversary(52, Behaviour::ForgedSignature);
    w.run(40_000, true);
    w.settle();
    assert_no_honest_tree_holds(&w, adv);
    let reasons = refusals_from(&w, adv);
    assert!(!reasons.is_empty());
    assert!(reasons.iter().all(|r| *r == BlockError::BadSignature));
    w.assert_nothing_lost();
}

#[test]
fn a_tampered_chain_offered_on_sync_is_refused() {
    let (mut w, adv) = with_adversary(53, Behaviour::TamperedChain);
    w.run(20_000, true);
    w.settle();
    assert_no_honest_tree_holds(&w, adv);
    let peer = format!("n{adv}");
    let refused: Vec<&ChainError> = w
        .events
        .iter()
        .filter(|(i, _)| w.honest[*i])
        .filter_map(|(_, e)| match e {
            Event::ChainRejected { from, reason } if from.0 == peer => Some(reason),
            _ => None,
        })
        .collect();
    assert!(
        !refused.is_empty(),
        "honest nodes asked the liar and refused its chain"
    );
    assert!(refused
        .iter()
        .all(|r| matches!(r, ChainError::Block { .. })));
    w.assert_nothing_lost();
}

#[test]
fn equivocation_is_resolved_by_fork_choice_and_the_evidence_kept() {
    let (mut w, adv) = with_adversary(54, Behaviour::Honest);
    // A forger with real stake, so that it wins (and equivocates) often.
    for action in [
        Action::Exchange { amount: 1_000 },
        Action::Stake { amount: 900 },
    ] {
        w.sim.net.input(adv, Input::Submit(action));
        w.settle();
    }
    w.set_behaviour(adv, Behaviour::Equivocate);
    let me = w.address(adv);
    let deadline = w.now() + 300_000;
    let seen = w.run_until(deadline, true, |w| {
        (0..4).all(|i| {
            w.sim
                .net
                .node(i)
                .expect("node")
                .evidence()
                .iter()
                .any(|e| e.forger == me)
        })
    });
    assert!(seen, "every honest node holds the evidence");
    w.settle();
    w.assert_nothing_lost();
    for i in 0..4 {
        let node = w.sim.net.node(i).expect("node");
        let e = node
            .evidence()
            .iter()
            .find(|e| e.forger == me)
            .expect("evidence");
        assert!(e.hashes.len() >= 2);
        // Both blocks are valid and kept; exactly one of a pair can be canonical.
        assert!(e.hashes.iter().all(|h| node.tree().contains(h)));
        let canonical = e
            .hashes
            .iter()
            .filter(|h| node.tree().is_canonical(h))
            .count();
        assert!(canonical <= 1);
    }
    assert!(!w
        .events_of(|e| matches!(e, Event::Equivocation { forger, .. } if *forger == me))
        .is_empty());
}

#[test]
fn a_double_spend_across_a_partition_is_resolved_by_fork_choice() {
    let (mut w, adv) = with_adversary(55, Behaviour::DoubleSpend);
    // The adversary bridges two sides that cannot reach each other.
    w.sim
        .net
        .set_partition(vec![vec![0, 1, adv], vec![2, 3, adv]]);
    let me = w.address(adv);
    let balance = w
        .sim
        .net
        .node(adv)
        .expect("node")
        .pool()
        .pending()
        .balance(&me);
    assert!(balance > 0);
    // It pays node 0 on one side and (its first other peer) node 1 on the other. Whoever
    // spends tokens from the losing spend loses that spend too, which is the lesson, not
    // a loss: the two receivers stop spending from here on.
    let to = w.address(0);
    w.idle.extend([0, 1]);
    let events = w.sim.net.input(
        adv,
        Input::Submit(Action::Transfer {
            to,
            amount: balance,
        }),
    );
    let spends = events
        .iter()
        .find_map(|e| match e {
            Event::Misbehaved { ids, .. } => Some(ids.clone()),
            _ => None,
        })
        .expect("two spends");
    assert_eq!(spends.len(), 2);
    let deadline = w.now() + 300_000;
    let both = w.run_until(deadline, true, |w| {
        w.chain(0).contains_tx(&spends[0]) && w.chain(2).contains_tx(&spends[1])
    });
    if !both {
        for i in 0..5 {
            let n = w.sim.net.node(i).expect("node");
            eprintln!(
                "node {i}: h {} pool {:?} has0 {} has1 {} rank {:?} rej {:?}",
                n.chain().height(),
                n.pool().len(),
                n.chain().contains_tx(&spends[0]) || n.pool().contains(&spends[0]),
                n.chain().contains_tx(&spends[1]) || n.pool().contains(&spends[1]),
                n.next_rank(),
                n.rejected()
            );
        }
        for (i, e) in w.events.iter().rev().take(20) {
            eprintln!("{i} {e:?}");
        }
    }
    assert!(both, "each side forged its own spend into its chain");
    let second = w
        .chain(2)
        .blocks()
        .flat_map(|b| &b.transactions)
        .find(|t| t.id() == spends[1])
        .expect("on chain")
        .receiver;
    assert_eq!(second, w.address(1));
    w.run(10_000, true);
    w.sim.net.heal();
    w.run(5_000, true);
    w.settle();
    w.assert_nothing_lost_but(&spends);
    let chain = w.chain(0);
    let kept: Vec<&Hash> = spends.iter().filter(|s| chain.contains_tx(s)).collect();
    assert_eq!(kept.len(), 1, "fork choice kept exactly one spend");
    let lost = spends
        .iter()
        .find(|s| !chain.contains_tx(s))
        .expect("the other");
    assert!(w
        .sim
        .net
        .nodes()
        .iter()
        .all(|n| !n.node.pool().contains(lost)));
    let dropped = w.events_of(
        |e| matches!(e, Event::TxDropped { id, reason: TxError::Conflict { .. } } if id == lost),
    );
    assert!(
        !dropped.is_empty(),
        "the losing side dropped its spend as a conflict"
    );
    assert!(!w
        .events_of(|e| matches!(e, Event::Reorg { depth, .. } if *depth > 0))
        .is_empty());
}
