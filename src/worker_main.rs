//! The lottery worker's module (`pos-worker.js` and `pos-worker_bg.wasm`, built with the
//! lottery's SIMD128 hashing): www/lottery_worker_loader.js starts it in a module worker and
//! calls `worker_main`. It holds the jobs' code and none of the page's views; the page's
//! module holds the page and none of the jobs, so a page downloads this one only when it
//! starts its first worker (a big draw, the fairness lab, the console's `bench()`).

/// Answers the page's requests ([`pos_playground::edge::worker::serve`]).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_main() {
    pos_playground::edge::worker::serve();
}

// Nothing to start: the loader calls `worker_main`.
fn main() {}
