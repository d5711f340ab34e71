//! The timeline's benchmark (issue 29): a tab of 4 nodes runs until its chain holds 1,000
//! blocks (a transfer every 2 s, so every block has something to forge), recorded in its
//! history; then the memory the history holds, and the time of seeks to random events.
//!
//! Memory is what the allocator holds: the history's share is the live tab and its history
//! together, less the live tab alone once the history is dropped (snapshots share most of
//! their data with the live tab and with each other, so a copy's size says little).
//!
//! `cargo run --release --example history_bench` (`-- 300` for fewer blocks); with
//! `HISTORY_BENCH_OUT=path` it writes the recording there for `e2e/bench-history.mjs`.

use pos_core::sim::SplitMix64;
use pos_core::Wallet;
use pos_playground::logic::command::Command;
use pos_playground::logic::history::{History, SNAPSHOT_EVERY};
use pos_playground::logic::model::{Founders, Ids, Playground, Request, Target};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts the bytes allocated and not freed.
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
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn mib(b: usize) -> String {
    format!("{:.2} MiB", b as f64 / 1_048_576.0)
}

fn main() {
    let blocks: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000);
    let base = live_bytes();
    let t0 = 1_700_000_000_000u64;
    let w = |i: u8| Wallet::from_seed([i; 32]);
    let mut shown = Playground::new(
        Founders {
            genesis: w(1),
            exchange: w(2),
        },
        Ids {
            tab: "bench".into(),
            net_seed: 7,
        },
        t0,
        vec![w(3), w(4), w(5)],
    );
    let mut history = History::begin(&mut shown, t0);
    let mut rng = SplitMix64::new(1);
    let mut t = t0;
    let started = Instant::now();
    let mut k = 0u64;
    while shown.summary(0).map_or(0, |s| s.height) < blocks {
        t += 100;
        let _ = history.tick(&mut shown, t);
        k += 1;
        if k % 600 == 30 {
            // Every minute, each node buys (the first after the nodes have met).
            for i in 0..4 {
                let _ = history.apply(
                    &mut shown,
                    Command::Submit {
                        node: i,
                        request: Request::Exchange(500),
                    },
                    t,
                );
            }
        }
        if k.is_multiple_of(20_000) {
            eprintln!(
                "tick {k}: height {:?}, events {}, {:.1} s",
                shown.summary(0).map(|s| s.height),
                history.events(),
                started.elapsed().as_secs_f64()
            );
        }
        if k.is_multiple_of(20) {
            let from = rng.below(4) as usize;
            let to = (from + 1 + rng.below(3) as usize) % 4;
            let request = if k.is_multiple_of(200) {
                Request::Stake(1 + rng.below(20))
            } else {
                Request::Transfer(Target::Node(to), 1 + rng.below(5))
            };
            let _ = history.apply(
                &mut shown,
                Command::Submit {
                    node: from,
                    request,
                },
                t,
            );
        }
    }
    let ran = started.elapsed();
    let total = live_bytes() - base;
    let snapshot = {
        let b = live_bytes();
        let copy = shown.clone();
        let size = live_bytes() - b;
        drop(copy);
        size
    };
    let events = history.events();
    println!(
        "{blocks} blocks, 4 nodes: {events} events, {} entries, {} snapshots (one every {SNAPSHOT_EVERY} events, sparser past the budget), recorded in {:.1} s",
        history.entries(),
        history.snapshots(),
        ran.as_secs_f64()
    );
    println!(
        "signatures the thread remembers as valid: {} (at most {})",
        pos_core::wallet::verified::remembered(),
        2 * pos_core::wallet::verified::GENERATION
    );
    let text = history.recording().expect("saveable");
    println!("recording: {} bytes", text.len());
    if let Ok(path) = std::env::var("HISTORY_BENCH_OUT") {
        // For e2e/bench-history.mjs, which times seeks in Chromium.
        std::fs::write(&path, &text).expect("the recording is written");
    }
    // Seeks to random events, in random order.
    let mut worst = 0f64;
    let mut sum = 0f64;
    let n = 60;
    for _ in 0..n {
        let e = rng.below(events);
        let s = Instant::now();
        history.seek(&mut shown, e).expect("seek");
        let ms = s.elapsed().as_secs_f64() * 1_000.0;
        worst = worst.max(ms);
        sum += ms;
    }
    history.seek(&mut shown, events).expect("back to now");
    println!(
        "seek: mean {:.1} ms, worst {:.1} ms over {n} seeks",
        sum / f64::from(n),
        worst
    );
    let s = Instant::now();
    let (_, _) = History::open(&text).expect("opens");
    println!(
        "opening the recording (every entry run again): {:.0} ms",
        s.elapsed().as_secs_f64() * 1_000.0
    );
    drop(text);
    drop(history);
    let live = live_bytes() - base;
    println!(
        "memory: the live tab {} ; the history (entries, marks, snapshots) {} ; one more snapshot {:.1} KiB",
        mib(live),
        mib(total.saturating_sub(live)),
        snapshot as f64 / 1024.0
    );
}
