// Starts the lottery worker (src/bin/lottery_worker.rs): trunk builds lottery_worker.js and
// lottery_worker_bg.wasm (data-type="worker" in index.html); the page runs
// `new Worker("./lottery_worker_loader.js")`. Written by hand rather than trunk's loader shim,
// which uses wasm-bindgen's deprecated string argument.
importScripts("./lottery_worker.js");
wasm_bindgen({ module_or_path: "./lottery_worker_bg.wasm" }).catch((e) => {
  // No wasm SIMD in this engine, or the file did not load. A rejected promise is no `error`
  // event for the page, so say it in the worker's protocol: the page then draws by itself.
  postMessage(JSON.stringify({ kind: "error", error: `its wasm did not start (${e})` }));
});
