//! Long seeded simulations as a benchmark: the in-memory network of `pos simulate` at 16 and 50
//! nodes, up to 2,000 blocks, 30 % of messages lost, several seeds. Every run must converge
//! (every node at the target height or above, one tip): a run that does not panics.
//!
//! One run is minutes of work, so this is not a criterion loop: each configuration runs once
//! per seed, timed, and the table gives wall time, simulated time, messages and the process's
//! peak resident memory (VmHWM, monotonic: configurations run smallest first).
//!
//!   cargo bench -p pos-core --bench simulation                 # the default grid
//!   cargo bench -p pos-core --bench simulation -- 16x500 50x2000:1,2   # NODESxBLOCKS[:SEEDS]
//!
//! docs/fuzzing.md ("Long simulations") records the figures.

use pos_core::sim::{LinkConfig, Scenario, Simulation};
use std::time::Instant;

/// 30 % loss; the CLI's default latency, with some jitter so that messages reorder.
const LINK: LinkConfig = LinkConfig {
    latency_ms: 50,
    jitter_ms: 30,
    drop_ppm: 300_000,
};

const DEFAULT: &[&str] = &[
    "16x500:1,2,3",
    "16x1000:1,2,3",
    "16x2000:1,2,3",
    "50x500:1,2",
    "50x1000:1",
    "50x2000:1",
];

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn parse(spec: &str) -> (usize, u64, Vec<u64>) {
    let (size, seeds) = spec.split_once(':').unwrap_or((spec, "1"));
    let (n, b) = size.split_once('x').expect("NODESxBLOCKS");
    let seeds = seeds
        .split(',')
        .map(|s| s.parse().expect("a seed"))
        .collect();
    (
        n.parse().expect("a node count"),
        b.parse().expect("a block count"),
        seeds,
    )
}

fn main() {
    // `cargo bench` passes "--bench"; everything else not starting with "-" is a configuration.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let specs: Vec<String> = if args.is_empty() {
        DEFAULT.iter().map(|s| s.to_string()).collect()
    } else {
        args
    };
    println!(
        "{:>5} {:>6} {:>4} {:>9} {:>10} {:>11} {:>10} {:>8} {:>10}",
        "nodes", "blocks", "seed", "wall_s", "sim_s", "delivered", "dropped", "txs", "VmHWM_MB"
    );
    for spec in &specs {
        let (nodes, blocks, seeds) = parse(spec);
        for seed in seeds {
            let mut scenario = Scenario::new(nodes, blocks, seed);
            scenario.link = LINK;
            let started = Instant::now();
            let summary = Simulation::new(scenario).run();
            let wall = started.elapsed().as_secs_f64();
            assert!(
                summary.converged && summary.height >= blocks,
                "{nodes} nodes, {blocks} blocks, seed {seed}: not converged (height {}, converged {})",
                summary.height,
                summary.converged
            );
            println!(
                "{:>5} {:>6} {:>4} {:>9.2} {:>10.1} {:>11} {:>10} {:>8} {:>10.1}",
                nodes,
                blocks,
                seed,
                wall,
                summary.elapsed_ms as f64 / 1000.0,
                summary.messages_delivered,
                summary.messages_dropped,
                summary.transactions,
                peak_rss_kb().unwrap_or(0) as f64 / 1024.0
            );
        }
    }
}
