// The page. The lottery worker runs a module of its own (src/worker_main.rs); this check only
// keeps the page's module quiet if a worker ever loads it.
fn main() {
    #[cfg(target_arch = "wasm32")]
    if web_sys::window().is_none() {
        return;
    }
    pos_playground::start();
}
