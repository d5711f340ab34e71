// The lottery worker: the worker's own module started in a module worker, where
// `worker_main` answers the page's requests (src/edge/worker.rs). The page runs
// `new Worker("./lottery_worker_loader.js", { type: "module" })`.
//
// Two builds of the same module (src/worker_main.rs and src/worker_scalar_main.rs): with the
// lottery's SIMD128 hashing (pos-worker), and without it (pos-worker-scalar) for an engine
// that has no wasm SIMD (Safari before 16.4). The probe is a one-function module using
// i8x16 ops; each engine downloads one of the two.
const simd = WebAssembly.validate(new Uint8Array(
  [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));
const name = simd ? "pos-worker" : "pos-worker-scalar";

import(`./${name}.js`)
  .then(({ default: init, worker_main }) =>
    init({ module_or_path: `./${name}_bg.wasm` }).then(() => worker_main()))
  .catch((e) => {
    // The file did not load or its wasm did not start. A rejected promise is no `error`
    // event for the page, so say it in words: the worker's own replies are bytes, so a string
    // is this failure (src/edge/worker.rs), and the page then draws by itself.
    postMessage(`its wasm did not start (${e})`);
  });
