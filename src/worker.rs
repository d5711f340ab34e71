//! One job in its own Web Worker: the fairness lab's runs and the console's `fairness()`.
//!
//! The worker is the lottery worker (the page's own module, built with SIMD, started by
//! [`spawn`]); each job gets a fresh one, so stopping a job is ending its worker, and a long run
//! never holds up the lottery view's draws. Messages are JSON strings ([`WorkerRequest`] out,
//! [`WorkerReply`] back).

use crate::components::lottery::worker::WORKER_URL;
use crate::lottery_view::{WorkerReply, WorkerRequest};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::{Event, MessageEvent, Worker};

/// A running job; dropping it (or [`JobWorker::stop`]) ends the worker.
pub struct JobWorker {
    worker: Worker,
    finished: Rc<Cell<bool>>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(Event)>,
}

impl JobWorker {
    /// Starts a worker, sends it `request` once it is ready and hands every reply to
    /// `on_reply`; a failure of the worker arrives as `Err` with the reason in words. When
    /// `on_reply` returns `true` the job is over: the worker is ended and says no more.
    pub fn start(
        request: &WorkerRequest,
        on_reply: impl FnMut(Result<WorkerReply, String>) -> bool + 'static,
    ) -> Result<JobWorker, String> {
        let text = serde_json::to_string(request).map_err(|e| e.to_string())?;
        let worker = spawn()?;
        let finished = Rc::new(Cell::new(false));
        let on_reply = Rc::new(RefCell::new(on_reply));
        let onmessage = {
            let worker = worker.clone();
            let on_reply = on_reply.clone();
            let finished = finished.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let Some(reply) = e
                    .data()
                    .as_string()
                    .and_then(|t| serde_json::from_str::<WorkerReply>(&t).ok())
                else {
                    return;
                };
                if reply == WorkerReply::Ready {
                    if let Err(e) = worker.post_message(&JsValue::from_str(&text)) {
                        let why = format!("could not send to the worker: {e:?}");
                        deliver(&worker, &finished, &on_reply, Err(why));
                    }
                    return;
                }
                deliver(&worker, &finished, &on_reply, Ok(reply));
            })
        };
        let onerror = {
            let worker = worker.clone();
            let finished = finished.clone();
            Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                let why = crate::worker::failure(&e);
                deliver(&worker, &finished, &on_reply, Err(why));
            })
        };
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(JobWorker {
            worker,
            finished,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    /// Ends the worker now; no more replies arrive.
    pub fn stop(&self) {
        self.finished.set(true);
        self.worker.terminate();
    }

    /// Whether the job is over (finished, failed or stopped).
    pub fn finished(&self) -> bool {
        self.finished.get()
    }
}

/// Calls the reply handler unless the job is over or the handler is already running (a reply
/// cannot arrive inside it, messages being events, but stay safe); ends the worker when the
/// handler says the job is over.
fn deliver<F: FnMut(Result<WorkerReply, String>) -> bool>(
    worker: &Worker,
    finished: &Cell<bool>,
    on_reply: &RefCell<F>,
    reply: Result<WorkerReply, String>,
) {
    if finished.get() {
        return;
    }
    let over = on_reply.try_borrow_mut().map(|mut f| f(reply));
    if matches!(over, Ok(true)) {
        finished.set(true);
        worker.terminate();
    }
}

/// Why a worker failed, from its `error` event: an `ErrorEvent` with a message when its code
/// threw, a plain `Event` when its script could not load (a module worker).
pub fn failure(e: &Event) -> String {
    e.prevent_default();
    match e.dyn_ref::<web_sys::ErrorEvent>() {
        Some(e) => format!("the worker failed: {}", e.message()),
        None => "the worker's script did not load".to_string(),
    }
}

/// Starts a Web Worker running this very module (`www/lottery_worker_loader.js`, a module
/// worker that imports the page's own JS and wasm and calls [`worker_main`]).
pub fn spawn() -> Result<Worker, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    Worker::new_with_options(WORKER_URL, &options).map_err(|e| format!("no Web Worker: {e:?}"))
}

/// The worker's side: answers [`WorkerRequest`]s with
/// [`crate::lottery_view::handle_worker_request`], posting JSON [`WorkerReply`]s, and says
/// `{"kind":"ready"}` once it listens. The loader calls it after the module started (the
/// module's own `main` does nothing outside a page).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_main() {
    use web_sys::DedicatedWorkerGlobalScope;
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
            crate::lottery_view::handle_worker_request(&text, &clock, &mut post);
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&WorkerReply::Ready);
}

impl Drop for JobWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
