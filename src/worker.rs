//! One job in its own Web Worker: the fairness lab's runs and the console's `fairness()`.
//!
//! The worker is the lottery worker (`src/bin/lottery_worker.rs`, the same wasm core built with
//! SIMD); each job gets a fresh one, so stopping a job is ending its worker, and a long run
//! never holds up the lottery view's draws. Messages are JSON strings ([`WorkerRequest`] out,
//! [`WorkerReply`] back).

use crate::components::lottery::worker::WORKER_URL;
use crate::lottery_view::{WorkerReply, WorkerRequest};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// A running job; dropping it (or [`JobWorker::stop`]) ends the worker.
pub struct JobWorker {
    worker: Worker,
    finished: Rc<Cell<bool>>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(ErrorEvent)>,
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
        let worker = Worker::new(WORKER_URL).map_err(|e| format!("no Web Worker: {e:?}"))?;
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
            Closure::<dyn FnMut(ErrorEvent)>::new(move |e: ErrorEvent| {
                e.prevent_default();
                let why = format!("the worker failed: {}", e.message());
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

impl Drop for JobWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
