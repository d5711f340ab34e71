// The page. The same module also runs in the lottery worker (www/lottery_worker_loader.js calls
// `worker_main`), where there is no window and nothing to mount.
fn main() {
    #[cfg(target_arch = "wasm32")]
    if web_sys::window().is_none() {
        return;
    }
    pos_playground::start();
}
