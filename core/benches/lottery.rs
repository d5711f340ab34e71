//! The lottery at total stake 10^3 to 10^6 (ten stakers sharing it), the full trace beside it,
//! and the Python design's O(S²) algorithm at small sizes.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pos_core::hash::Hash;
use pos_core::lottery::{draw, draw_quadratic, trace};
use std::hint::black_box;

fn stakers(total: u64) -> Vec<(String, u64)> {
    (0..10u8)
        .map(|i| (Hash::of(&[i]).to_hex(), total / 10))
        .collect()
}

fn bench(c: &mut Criterion) {
    let seed = Hash::of(b"bench seed").to_hex();
    let mut g = c.benchmark_group("lottery");
    for total in [1_000u64, 10_000, 100_000, 1_000_000] {
        let s = stakers(total);
        g.throughput(Throughput::Elements(total));
        if total >= 100_000 {
            g.sample_size(10);
        }
        g.bench_with_input(BenchmarkId::new("draw", total), &s, |b, s| {
            b.iter(|| draw(black_box(s), black_box(&seed)))
        });
        if total <= 100_000 {
            g.bench_with_input(BenchmarkId::new("trace", total), &s, |b, s| {
                b.iter(|| trace(black_box(s), black_box(&seed)))
            });
        }
    }
    g.finish();
    let mut g = c.benchmark_group("python_quadratic");
    g.sample_size(10);
    for total in [100u64, 1_000] {
        let s = stakers(total);
        g.throughput(Throughput::Elements(total));
        g.bench_with_input(BenchmarkId::new("draw_quadratic", total), &s, |b, s| {
            b.iter(|| draw_quadratic(black_box(s), black_box(&seed)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
