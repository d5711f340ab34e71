//! The figures of `docs/compounding.md`: one compounding experiment, both schedules, the
//! simulated mean and variance of the watched staker's final share beside the exact ones.
//!
//! ```text
//! cargo run --release -p pos-core --example compounding [stakes watched reward_ppm blocks runs]
//! cargo run --release -p pos-core --example compounding 10,30,60 0 10000 1000 2000
//! ```
//!
//! Without arguments: the default setup (`pos_core::compounding::Setup::default()`).

use pos_core::compounding::{Compounder, Schedule, Setup, SHARE_ONE, VAR_ONE};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut setup = Setup::default();
    if let [stakes, watched, reward, blocks, runs] = args.as_slice() {
        let number = |s: &str| s.parse::<u64>().expect("a whole number");
        setup.stakes = stakes.split(',').map(number).collect();
        setup.watched = number(watched) as usize;
        setup.reward_ppm = number(reward);
        setup.blocks = number(blocks);
        setup.runs = number(runs);
    } else if !args.is_empty() {
        eprintln!("usage: compounding [stakes watched reward_ppm blocks runs]");
        std::process::exit(2);
    }
    let mut c = match Compounder::new(&setup) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let t0 = Instant::now();
    c.run_all();
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    let share = |x: u64| x as f64 / SHARE_ONE as f64;
    let var = |x: u64| x as f64 / VAR_ONE as f64;
    println!(
        "stakes {:?}, watching staker {} (v = {}), reward {} ppm of the starting total per block, \
         {} blocks, {} runs, seed {}",
        setup.stakes,
        setup.watched,
        share(c.start_share()),
        setup.reward_ppm,
        setup.blocks,
        setup.runs,
        setup.seed
    );
    println!(
        "geometric rate g = {:.6e} per block; total after the last block {} units (both)",
        share(c.geometric_rate()),
        c.end_units()
    );
    println!();
    println!(
        "| schedule | mean, simulated ± SE | mean, exact | variance, simulated ± SE | \
         variance, exact | apart (SE) | std. dev., simulated / exact |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for schedule in Schedule::ALL {
        let s = c.summary(schedule);
        let z = s.variance.abs_diff(s.exact_variance) as f64 / s.variance_error.max(1) as f64;
        println!(
            "| {} | {:.4} ± {:.4} | {:.4} | {:.3e} ± {:.2e} | {:.3e} | {:.2} | {:.4} / {:.4} |",
            schedule.name(),
            share(s.mean),
            share(s.mean_error),
            share(s.exact_mean),
            var(s.variance),
            var(s.variance_error),
            var(s.exact_variance),
            z,
            var(s.variance).sqrt(),
            var(s.exact_variance).sqrt(),
        );
    }
    let limit = pos_core::compounding::constant_limit_variance(
        c.watched_units(),
        c.start_units(),
        c.reward_units(),
    )
    .unwrap_or(0);
    println!();
    println!(
        "constant reward, as the blocks grow: v(1-v)·r/(1+r) = {:.3e}",
        var(limit)
    );
    println!(
        "{} blocks in {ms:.0} ms natively ({:.0} ns a block, both schedules)",
        setup.runs * setup.blocks,
        ms * 1e6 / (setup.runs * setup.blocks) as f64
    );
}
