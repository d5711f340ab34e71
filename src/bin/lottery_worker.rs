//! The lottery worker: the same wasm core in a Web Worker, so a draw of up to 10^6 lots never
//! freezes the page. Trunk builds it from index.html
//! (`<link data-trunk rel="rust" data-type="worker" data-bin="lottery_worker" data-loader-shim>`)
//! and the page starts it as `new Worker("./lottery_worker_loader.js")`.
//!
//! Protocol: JSON strings both ways, [`WorkerRequest`] in and [`WorkerReply`] out; the worker
//! says `{"kind":"ready"}` once it listens. All the work is
//! [`handle_worker_request`], plain Rust tested elsewhere; this file is only the glue.
//!
//! [`WorkerRequest`]: pos_playground::lottery_view::WorkerRequest
//! [`WorkerReply`]: pos_playground::lottery_view::WorkerReply
//! [`handle_worker_request`]: pos_playground::lottery_view::handle_worker_request

#[cfg(target_arch = "wasm32")]
fn main() {
    use pos_playground::lottery_view::{handle_worker_request, WorkerReply};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast as _, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |reply: &WorkerReply| {
            if let Ok(text) = serde_json::to_string(reply) {
                let _ = scope.post_message(&JsValue::from_str(&text));
            }
        }
    };
    let on_message = {
        let scope = scope.clone();
        let mut post = post.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let performance = scope.performance();
            let clock = move || performance.as_ref().map_or(0.0, |p| p.now());
            handle_worker_request(&text, &clock, &mut post);
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&WorkerReply::Ready);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lottery_worker runs in a browser Web Worker; trunk builds it (see index.html).");
}
