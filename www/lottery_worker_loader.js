// The lottery worker: the worker's own module (pos-worker.js and its wasm, built with SIMD128,
// src/worker_main.rs) started in a module worker, where `worker_main` answers the page's
// requests (src/edge/worker.rs). The page runs
// `new Worker("./lottery_worker_loader.js", { type: "module" })`.
import init, { worker_main } from "./pos-worker.js";

init({ module_or_path: "./pos-worker_bg.wasm" }).then(
  () => worker_main(),
  (e) => {
    // No wasm SIMD in this engine, or the file did not load. A rejected promise is no `error`
    // event for the page, so say it in words: the worker's own replies are bytes, so a string
    // is this failure (src/worker.rs), and the page then draws by itself.
    postMessage(`its wasm did not start (${e})`);
  },
);
