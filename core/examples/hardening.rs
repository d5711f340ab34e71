//! The figures of docs/hardening.md: what hostile input costs a receiving node, how long a
//! long chain takes to sync, and how much memory a node-block of a long simulation takes.
//!
//! `cargo run --release -p pos-core --example hardening [-- SECTION…]` with sections `junk`,
//! `memory`, `sync`, `hostile` (default: all). It only uses the core's public API that existed
//! before the hardening too (the `junk` and `memory` sections build against the old core as
//! well, without the two calls to `verified::forget`, which only empty the thread's memo of
//! valid signatures that came later), so the same program measures before and after. Wall-clock time is read here, at the
//! edge, never inside the core.

use pos_core::message::{encode, Envelope, Message, PROTOCOL_VERSION};
use pos_core::sim::{Scenario, SimNet, Simulation};
use pos_core::{
    Block, Chain, Genesis, Input, Node, NodeConfig, PeerId, Signature, Transaction, TxKind, Wallet,
};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn founder() -> Wallet {
    Wallet::from_seed([7; 32])
}

fn exchange() -> Wallet {
    Wallet::from_seed([8; 32])
}

fn genesis() -> Genesis {
    Genesis {
        network: "hardening".into(),
        forger: founder().address(),
        exchange: exchange().address(),
        supply: 10_000_000_000,
        timestamp: 0,
    }
}

fn bytes(from: &Wallet, body: Message) -> Vec<u8> {
    encode(&Envelope {
        v: PROTOCOL_VERSION,
        network: genesis().block().hash(),
        from: from.address(),
        body,
    })
}

/// Forges the next block on `chain` with whichever of `wallets` won the draw.
fn forge_next(chain: &mut Chain, wallets: &[Wallet], txs: Vec<Transaction>, step: u64) {
    let winner = chain.next_forger().expect("someone has stake");
    let w = wallets
        .iter()
        .find(|w| w.address() == winner)
        .expect("a known winner");
    let tip = chain.tip();
    let b = Block::forge(
        w,
        tip.height + 1,
        chain.tip_hash(),
        tip.timestamp + step,
        txs,
    );
    chain.apply(b).expect("valid");
}

/// An empty chain of `n` blocks by the founder (the only staker).
fn empty_chain(n: u64) -> Chain {
    let mut chain = Chain::new(genesis());
    for _ in 0..n {
        forge_next(&mut chain, &[founder()], Vec::new(), 1);
    }
    chain
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    v[v.len() / 2]
}

/// A junk block (unsigned, made-up forger) on an old canonical parent of a chain of 10⁶
/// lots, and on the tip, and a staker's validly signed block on an old parent.
fn junk() {
    let alice = Wallet::from_seed([3; 32]);
    let mut chain = Chain::new(genesis());
    let lots = 1_000_000;
    let buy = Transaction::new_signed(&exchange(), TxKind::Exchange, alice.address(), lots, 0, 1);
    let stake = Transaction::new_signed(&alice, TxKind::Stake, alice.address(), lots, 0, 2);
    let wallets = [founder(), alice.clone()];
    forge_next(&mut chain, &wallets, vec![buy, stake], 10);
    for _ in 0..23 {
        forge_next(&mut chain, &wallets, Vec::new(), 10);
    }
    let node = Node::new(
        Wallet::from_seed([9; 32]),
        None,
        chain.clone(),
        NodeConfig::default(),
    );
    let mallory = Wallet::from_seed([66; 32]);
    let now = chain.tip().timestamp + 1_000;
    let measure = |name: &str, block: Block| {
        let msg = bytes(&mallory, Message::Block { block });
        let mut times = Vec::new();
        for i in 0..5 {
            // A fresh node each time (no ban, no memo of this block's draw beyond what the
            // chain itself left), and a fresh link name.
            let mut n = node.clone();
            // Push every real draw out of the thread's memo (16 entries): each receipt pays
            // what a first receipt pays.
            for k in 0..16u64 {
                pos_core::chain::remember_draw(&[], &pos_core::Hash::of(&k.to_le_bytes()), None);
            }
            // And every signature out of the thread's memo of valid ones.
            pos_core::wallet::verified::forget();
            let t = Instant::now();
            n.handle(
                now,
                Input::Receive {
                    from: PeerId(format!("p{i}")),
                    bytes: msg.clone(),
                },
            );
            times.push(t.elapsed().as_secs_f64() * 1e6);
        }
        let us = median(times);
        println!(
            "junk  {name:<44} {:>6} B sent  {:>10.1} µs received  ratio {:>8.3} µs/B",
            msg.len(),
            us,
            us / msg.len() as f64
        );
    };
    let old = 2usize;
    let on = |h: usize, forger: &Wallet, signed: bool, ts: u64| {
        let parent = chain.block_at(h as u64).expect("a block below the tip");
        let mut b = Block::forge(
            forger,
            parent.height + 1,
            parent.hash(),
            parent.timestamp + ts,
            Vec::new(),
        );
        if !signed {
            b.signature = Signature::default();
        }
        b
    };
    let tip = chain.height() as usize;
    measure(
        "unsigned, non-staker, on the tip",
        on(tip, &mallory, false, 1),
    );
    measure(
        "unsigned, non-staker, on an old parent",
        on(old, &mallory, false, 1),
    );
    measure(
        "unsigned, staker's name, on an old parent",
        on(old, &alice, false, 1),
    );
    // The chain is longer than the thread's memo of draws (16), so the draw on the old
    // parent is not remembered: a staker's valid side block there pays for it.
    measure(
        "signed by a staker, on an old parent",
        on(old, &alice, true, 5),
    );
}

/// Memory per node-block of a long simulation.
fn memory() {
    for (nodes, blocks) in [(16usize, 300u64), (32, 300)] {
        let before = live();
        let mut sim = Simulation::new(Scenario::new(nodes, blocks, 5));
        let summary = sim.run();
        let used = live().saturating_sub(before);
        let stakers = summary.stakers.len();
        let per = used as f64 / (nodes as f64 * summary.height as f64);
        println!(
            "memory {nodes} nodes, {} blocks, {stakers} stakers: {:.1} MB live, {:.0} B per node-block",
            summary.height,
            used as f64 / 1e6,
            per
        );
        drop(sim);
    }
}

/// A fresh node syncs a chain of 10⁵ empty blocks over a 50 ms link.
fn sync() {
    for n in [10_000u64, 100_000] {
        let t = Instant::now();
        let chain = empty_chain(n);
        let built = t.elapsed().as_secs_f64();
        let mut net = SimNet::new(1, Default::default(), n + 10);
        net.add_node(Node::new(founder(), None, chain, NodeConfig::default()));
        net.add_node(Node::new(
            Wallet::from_seed([9; 32]),
            None,
            Chain::new(genesis()),
            NodeConfig::default(),
        ));
        let start = net.now();
        // The receiver checks every signature itself, as another process would (building
        // the chain here left them in this thread's memo of valid signatures).
        pos_core::wallet::verified::forget();
        let t = Instant::now();
        while net.node(1).expect("node").chain().height() < n {
            let step = net.now() + 50;
            net.advance_to(step);
            net.drain_events();
            if net.now() > start + 3_600_000 {
                println!("sync  {n} blocks: not synced after a simulated hour");
                return;
            }
        }
        let (delivered, _) = net.traffic();
        println!(
            "sync  {n} blocks: {:.2} s wall, {:.1} s simulated, {delivered} messages (chain built in {built:.2} s)",
            t.elapsed().as_secs_f64(),
            (net.now() - start) as f64 / 1e3,
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let want = |s: &str| args.is_empty() || args.iter().any(|a| a == s);
    if want("junk") {
        junk();
    }
    if want("memory") {
        memory();
    }
    if want("sync") {
        sync();
    }
}
