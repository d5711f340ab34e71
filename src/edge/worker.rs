//! One job in its own Web Worker: the fairness lab's runs and the console's `fairness()`.
//!
//! The worker is the lottery worker (the page's own module, built with SIMD, started by
//! [`spawn`]); each job gets a fresh one, so stopping a job is ending its worker, and a long run
//! never holds up the lottery view's draws. Messages are bytes in a `Uint8Array`
//! ([`WorkerRequest`] out, [`WorkerReply`] back, both [`encode`]d).

use crate::logic::worker_protocol::{decode_reply, encode, WorkerReply, WorkerRequest};
use js_sys::Uint8Array;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use web_sys::{Event, MessageEvent, Worker};

/// Where trunk puts the worker's loader (`data-loader-shim` in index.html).
pub const WORKER_URL: &str = "./lottery_worker_loader.js";

/// What a worker says: a reply, or why it failed.
pub type PortEvent = Result<WorkerReply, String>;

/// A port's handler ([`Port::open`]).
type Handler = dyn FnMut(Result<WorkerReply, String>) -> bool;

/// What to run once a borrow is released.
pub type Then = Rc<dyn Fn()>;

/// A Web Worker running this module, and its handlers: requests wait until the worker says
/// it is ready, then go out as bytes; replies and failures come back to the handler given to
/// [`Port::open`]. Closing ends the worker; so does dropping the port, which must not happen
/// inside its own handler (close it there, and drop it later).
pub struct Port {
    worker: Worker,
    mailbox: Rc<RefCell<Mailbox>>,
    closed: Rc<Cell<bool>>,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(Event)>,
}

/// Whether the worker listens yet, and what waits for it.
#[derive(Default)]
struct Mailbox {
    ready: bool,
    queued: Vec<Vec<u8>>,
}

impl Port {
    /// Starts a worker. `on_event` gets every reply but `Ready`, and every failure as `Err`
    /// with the reason in words; when it returns `true` the port closes.
    pub fn open(
        on_event: impl FnMut(Result<WorkerReply, String>) -> bool + 'static,
    ) -> Result<Port, String> {
        Port::open_boxed(Box::new(on_event))
    }

    /// [`Port::open`] with the handler boxed: one copy of the port's code in the module,
    /// whatever the handlers.
    fn open_boxed(on_event: Box<Handler>) -> Result<Port, String> {
        let worker = spawn()?;
        let mailbox = Rc::new(RefCell::new(Mailbox::default()));
        let closed = Rc::new(Cell::new(false));
        let on_event = Rc::new(RefCell::new(on_event));
        let onmessage = {
            let (worker, mailbox, closed, on_event) = (
                worker.clone(),
                mailbox.clone(),
                closed.clone(),
                on_event.clone(),
            );
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let data = e.data();
                // The loader says in words when the module did not start.
                if let Some(why) = data.as_string() {
                    return deliver(&worker, &closed, &on_event, Err(why));
                }
                let Some(reply) = data
                    .dyn_into::<Uint8Array>()
                    .ok()
                    .and_then(|b| decode_reply(&b.to_vec()).ok())
                else {
                    return;
                };
                if reply != WorkerReply::Ready {
                    return deliver(&worker, &closed, &on_event, Ok(reply));
                }
                let queued = mailbox.try_borrow_mut().map(|mut l| {
                    l.ready = true;
                    std::mem::take(&mut l.queued)
                });
                for bytes in queued.unwrap_or_default() {
                    if let Err(why) = post(&worker, &bytes) {
                        return deliver(&worker, &closed, &on_event, Err(why));
                    }
                }
            })
        };
        let onerror = {
            let (worker, closed) = (worker.clone(), closed.clone());
            Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                deliver(&worker, &closed, &on_event, Err(failure(&e)));
            })
        };
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(Port {
            worker,
            mailbox,
            closed,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    /// A port whose events go to `on_event` on the client behind `this` (a long-lived worker
    /// client); the callback `on_event` may return runs once the client's borrow is released.
    /// The port closes when the client is gone.
    pub fn open_for<T: 'static>(
        this: Weak<RefCell<T>>,
        on_event: fn(&mut T, PortEvent) -> Option<Then>,
    ) -> Result<Port, String> {
        Port::open(move |event| {
            let Some(me) = this.upgrade() else {
                return true;
            };
            // An event never arrives while the page is inside a borrow (one thread, and events
            // are tasks), but stay safe if it did.
            let then = me
                .try_borrow_mut()
                .ok()
                .and_then(|mut c| on_event(&mut c, event));
            if let Some(then) = then {
                then();
            }
            false
        })
    }

    /// Sends `request` now, or as soon as the worker is ready.
    pub fn send(&self, request: &WorkerRequest) -> Result<(), String> {
        let bytes = encode(request);
        let mut mailbox = self
            .mailbox
            .try_borrow_mut()
            .map_err(|_| "busy".to_string())?;
        if mailbox.ready {
            post(&self.worker, &bytes)
        } else {
            mailbox.queued.push(bytes);
            Ok(())
        }
    }

    /// Ends the worker now; no more events arrive.
    pub fn close(&self) {
        self.closed.set(true);
        self.worker.terminate();
    }

    /// Whether the port is closed (by [`Port::close`] or by its handler).
    pub fn is_closed(&self) -> bool {
        self.closed.get()
    }
}

impl Drop for Port {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn post(worker: &Worker, bytes: &[u8]) -> Result<(), String> {
    worker
        .post_message(&Uint8Array::from(bytes))
        .map_err(|e| format!("could not send to the worker: {e:?}"))
}

/// Calls the handler unless the port is closed or the handler is already running (an event
/// cannot arrive inside it, events being tasks, but stay safe); closes the port when the
/// handler says so.
fn deliver(
    worker: &Worker,
    closed: &Cell<bool>,
    on_event: &RefCell<Box<Handler>>,
    event: Result<WorkerReply, String>,
) {
    if closed.get() {
        return;
    }
    let close = on_event.try_borrow_mut().map(|mut f| f(event));
    if matches!(close, Ok(true)) {
        closed.set(true);
        worker.terminate();
    }
}

/// How many workers to split work over: the browser's logical cores, from 1 to
/// [`crate::logic::worker_protocol::MAX_WORKERS`] (1 where the browser does not say).
pub fn default_workers() -> usize {
    let cores = web_sys::window().map_or(0.0, |w| w.navigator().hardware_concurrency());
    if cores.is_finite() && cores >= 1.0 {
        (cores as usize).min(crate::logic::worker_protocol::MAX_WORKERS)
    } else {
        1
    }
}

/// One job in workers of its own; dropping it (or [`JobWorker::stop`]) ends them. Most jobs
/// run in one worker; a fairness run with the lots rule (the lab's costly rule: every lot of
/// every round hashed) is split over the cores ([`JobWorker::start`]).
pub struct JobWorker {
    /// The job's worker first (the one that reports), then its helpers.
    ports: Rc<RefCell<Vec<Port>>>,
}

/// Where a split fairness run's lots rule stands on the page: the next block of rounds to
/// hand out and its seed.
struct Blocks {
    id: u64,
    stakes: Vec<u64>,
    next: u64,
    seed: pos_core::Hash,
    rounds: u64,
    block: u64,
}

impl Blocks {
    /// The next block for a helper, if rounds are left.
    fn take(&mut self) -> Option<WorkerRequest> {
        let rounds = self.block.min(self.rounds.saturating_sub(self.next));
        if rounds == 0 {
            return None;
        }
        let request = WorkerRequest::LotsRounds {
            id: self.id,
            stakes: self.stakes.clone(),
            seed: self.seed,
            first: self.next,
            rounds,
        };
        self.next += rounds;
        self.seed = pos_core::fairness::seed_after(self.seed, rounds);
        Some(request)
    }
}

impl JobWorker {
    /// Starts a worker, sends it `request` and hands every reply to `on_reply`; a failure of
    /// the worker arrives as `Err` with the reason in words. When `on_reply` returns `true`
    /// the job is over: the worker is ended and says no more.
    ///
    /// A fairness run with the lots rule, on a machine with more than one core, starts one
    /// helper per core ([`default_workers`]) besides the job's worker: the
    /// helpers draw blocks of consecutive rounds of the lots rule, each block from its own
    /// seed (`pos_core::fairness::seed_after`), and the page hands each block to the job's
    /// worker, which counts them in round order while it runs the other rules. The figures
    /// are those of one worker, whatever the number of helpers.
    pub fn start(
        request: &WorkerRequest,
        on_reply: impl FnMut(Result<WorkerReply, String>) -> bool + 'static,
    ) -> Result<JobWorker, String> {
        JobWorker::start_boxed(request, Box::new(on_reply))
    }

    /// [`JobWorker::start`] with the handler boxed: one copy of this code in the module.
    fn start_boxed(request: &WorkerRequest, on_reply: Box<Handler>) -> Result<JobWorker, String> {
        let helpers = default_workers();
        let split = match request {
            WorkerRequest::Fairness { id, job }
                if helpers > 1 && job.rules.contains(&pos_core::fairness::Rule::Lots) =>
            {
                Some((*id, job.clone()))
            }
            _ => None,
        };
        let ports: Rc<RefCell<Vec<Port>>> = Rc::default();
        let Some((id, job)) = split else {
            let port = Port::open(on_reply)?;
            port.send(request)?;
            ports.borrow_mut().push(port);
            return Ok(JobWorker { ports });
        };
        let blocks = Rc::new(RefCell::new(Blocks {
            id,
            stakes: job.stakes.clone(),
            next: 0,
            seed: job.seed,
            rounds: job.rounds,
            block: crate::logic::fairness::step_rounds(&job).max(1),
        }));
        let on_reply = Rc::new(RefCell::new(on_reply));
        let main = {
            let (on_reply, ports) = (on_reply.clone(), Rc::downgrade(&ports));
            Port::open(move |event| {
                let over = on_reply.try_borrow_mut().is_ok_and(|mut f| (*f)(event));
                if over {
                    close_all(&ports);
                }
                over
            })?
        };
        main.send(&WorkerRequest::FairnessSplit { id, job })?;
        ports.borrow_mut().push(main);
        for helper in 1..=helpers {
            let (ports_of, to_hand, on_reply) =
                (Rc::downgrade(&ports), blocks.clone(), on_reply.clone());
            let port = Port::open(move |event| {
                let Some(ports) = ports_of.upgrade() else {
                    return true;
                };
                let Ok(ports) = ports.try_borrow() else {
                    return false;
                };
                let handed = match event {
                    Ok(WorkerReply::LotsRounds { id, first, winners }) => {
                        ports.first().map_or(Ok(()), |main| {
                            main.send(&WorkerRequest::LotsRecord { id, first, winners })
                        })
                    }
                    Ok(WorkerReply::Error { error }) | Err(error) => Err(error),
                    Ok(_) => Ok(()),
                };
                let next = handed.and_then(|()| {
                    match to_hand.try_borrow_mut().ok().and_then(|mut b| b.take()) {
                        Some(r) => ports.get(helper).map_or(Ok(()), |me| me.send(&r)),
                        None => Ok(()),
                    }
                });
                if let Err(why) = next {
                    // The job cannot finish without this helper's rounds: it failed.
                    drop(ports);
                    if let Ok(mut f) = on_reply.try_borrow_mut() {
                        (*f)(Err(why));
                    }
                    close_all(&ports_of);
                    return true;
                }
                false
            })?;
            if let Some(r) = blocks.borrow_mut().take() {
                port.send(&r)?;
            }
            ports.borrow_mut().push(port);
        }
        Ok(JobWorker { ports })
    }

    /// Ends the workers now; no more replies arrive.
    pub fn stop(&self) {
        for port in self.ports.borrow().iter() {
            port.close();
        }
    }

    /// Whether the job is over (finished, failed or stopped).
    pub fn finished(&self) -> bool {
        self.ports.borrow().first().is_none_or(Port::is_closed)
    }
}

/// Closes every port of a job (from inside a handler: they are dropped with the job).
fn close_all(ports: &Weak<RefCell<Vec<Port>>>) {
    if let Some(ports) = ports.upgrade() {
        if let Ok(ports) = ports.try_borrow() {
            for port in ports.iter() {
                port.close();
            }
        }
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

/// Starts a lottery worker (`www/lottery_worker_loader.js`, a module worker that imports the
/// worker's own module, `pos-worker.js` and its wasm, and calls its `worker_main`, which runs
/// [`serve`]).
pub fn spawn() -> Result<Worker, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    Worker::new_with_options(WORKER_URL, &options).map_err(|e| format!("no Web Worker: {e:?}"))
}

/// The worker's side: answers [`WorkerRequest`]s with
/// [`crate::logic::worker_protocol::handle_worker_request`], posting [`encode`]d [`WorkerReply`]s, and
/// says [`WorkerReply::Ready`] once it listens. The worker's module (`src/worker_main.rs`, the
/// `pos-worker` binary) exports it as `worker_main`, which the loader calls once the module
/// started. The page's module does not export it, so the jobs' code (the fairness lab's rules,
/// grinding, compounding, the SIMD hashing) stays out of what a page downloads at start.
pub fn serve() {
    use web_sys::DedicatedWorkerGlobalScope;
    // Yew's renderer installs the page's panic hook; the worker renders nothing, so a panic
    // here would reach the console only as "unreachable" without this one.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("pos-playground lottery worker: {info}").into());
    }));
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |reply: &WorkerReply| {
            let _ = scope.post_message(&Uint8Array::from(&encode(reply)[..]));
        }
    };
    let on_message = {
        let scope = scope.clone();
        let mut post = post.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Ok(request) = e.data().dyn_into::<Uint8Array>() else {
                return;
            };
            let performance = scope.performance();
            let clock = move || performance.as_ref().map_or(0.0, |p| p.now());
            crate::logic::worker_protocol::handle_worker_request(
                &request.to_vec(),
                &clock,
                &mut post,
            );
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&WorkerReply::Ready);
}
