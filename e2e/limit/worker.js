// One module of core/examples/lottery_limit.rs per worker: times one call of an export.
let exports;
async function load(wasm) {
  if (!exports) {
    const bytes = await (await fetch(wasm)).arrayBuffer();
    const module = await WebAssembly.compile(bytes);
    // The module's leftover imports (wasm-bindgen's, from dependencies) are never called.
    const imports = {};
    for (const i of WebAssembly.Module.imports(module)) {
      (imports[i.module] ??= {})[i.name] = () => {
        throw new Error(`${i.module}.${i.name} called`);
      };
    }
    exports = (await WebAssembly.instantiate(module, imports)).exports;
  }
  return exports;
}
onmessage = async ({ data: { id, wasm, kind, lots, seed } }) => {
  try {
    const e = await load(wasm);
    const t0 = performance.now();
    const out = kind === 'limit' ? e.limit(lots, seed) : e.draw(lots);
    const ms = performance.now() - t0;
    postMessage({ id, ms, out });
  } catch (err) {
    postMessage({ id, error: String(err) });
  }
};
