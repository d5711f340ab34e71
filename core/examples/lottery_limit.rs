//! The lottery's draw against the limit of SIMD128, as a wasm module with plain exports (its
//! few imports, wasm-bindgen's from dependencies, are never called): `scripts/lottery-limit.sh` builds it like the lottery worker's module (profile
//! `wasm-worker`, feature `simd`, `wasm-opt -Oz`) and `e2e/bench-limit.mjs` times both in a
//! worker of each engine.
//!
//! - `limit(lots, seed)`: the SHA-256 compressions of `lots` lots and nothing else
//!   ([`pos_core::lottery::simd_limit`]).
//! - `draw(lots)`: the core's `draw` on the benchmark's table (ten stakers sharing `lots`, as
//!   `playground.bench()` and core/benches/lottery.rs), returning the winner's index and the
//!   first bytes of its lot.
//!
//! Natively it builds to nothing useful (the SIMD lanes are wasm32 only).

use pos_core::hash::Hash;

/// The benchmark's draw: ten stakers sharing `lots`. Returns the winner's index times 2^24
/// plus the first three bytes of its lot, so that two builds can be checked against each other.
#[no_mangle]
pub extern "C" fn draw(lots: u32) -> u32 {
    let stakers: Vec<(String, u64)> = (0..10u8)
        .map(|i| (Hash::of(&[i]).to_hex(), u64::from(lots) / 10))
        .collect();
    let seed = Hash::of(b"bench seed").to_hex();
    pos_core::lottery::draw(&stakers, &seed).map_or(u32::MAX, |o| {
        let h = o.winner.hash.0;
        (o.winner.staker as u32) << 24
            | u32::from(h[0]) << 16
            | u32::from(h[1]) << 8
            | u32::from(h[2])
    })
}

/// The compressions of `lots` lots alone.
#[cfg(all(target_arch = "wasm32", feature = "simd"))]
#[no_mangle]
pub extern "C" fn limit(lots: u32, seed: u32) -> u32 {
    pos_core::lottery::simd_limit(u64::from(lots), seed)
}
