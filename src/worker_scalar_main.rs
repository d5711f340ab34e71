//! The lottery worker's module without SIMD128 (`pos-worker-scalar.js` and its wasm): the
//! same jobs as `src/worker_main.rs`, built without the `simd` feature, so its lottery hashes
//! one lot at a time with the `sha2` crate, as every native test and the page's own small
//! draws do. www/lottery_worker_loader.js starts it only in an engine without wasm SIMD
//! (Safari before 16.4); every other browser never downloads it.

/// Answers the page's requests ([`pos_playground::edge::worker::serve`]).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_main() {
    pos_playground::edge::worker::serve();
}

// Nothing to start: the loader calls `worker_main`.
fn main() {}
