//! `window.playground`: the console API for teachers.
//!
//! Node indices are positions in `nodes()`, from 0 ("Node 1" is index 0). Every function
//! returns plain JSON-like objects; actions return `{ok: true, ...}` or `{ok: false, error}`.

use crate::edge::clock::now_ms;
use crate::edge::driver::{Router, BUSY};
use crate::edge::lessons::Lessons;
use crate::edge::storage::Saver;
use crate::edge::webrtc::Links;
use crate::edge::worker::JobWorker;
use crate::logic::class::Order;
use crate::logic::command::{Act, Applied, Command, Key, Refused};
use crate::logic::compounding::{console_setup, CompoundingAnswer};
use crate::logic::fairness::{console_job, network_stakers, ConsoleAnswer};
use crate::logic::history::Recorder;
use crate::logic::i18n::Say;
use crate::logic::lessons::Position;
use crate::logic::model::{new_wallet, Playground};
use crate::logic::worker_protocol::console_grind;
use crate::logic::worker_protocol::{console_bench, console_workers, WorkerReply, WorkerRequest};
use serde::Serialize;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast as _, JsValue};

/// Keeps the API's closures alive; dropping it removes `window.playground`.
pub struct ApiHandle {
    _closures: Vec<Closure<dyn Fn(JsValue, JsValue) -> JsValue>>,
}

impl Drop for ApiHandle {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = js_sys::Reflect::delete_property(&w, &JsValue::from_str("playground"));
        }
    }
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    v.serialize(&ser).unwrap_or(JsValue::NULL)
}

/// `v` as the console shows it, as indented JSON text (`JSON.stringify(v, null, 2)`, the
/// layout of `serde_json`'s pretty printer): the raw view of the Python panels. The same
/// serializer as the console's, so the page carries one serializer for its views, not two.
pub fn pretty_json<T: Serialize + ?Sized>(v: &T) -> String {
    js_sys::JSON::stringify_with_replacer_and_space(&to_js(v), &JsValue::NULL, &JsValue::from(2))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn from_js(v: &JsValue) -> Value {
    serde_wasm_bindgen::from_value(v.clone()).unwrap_or(Value::Null)
}

fn index(v: &JsValue) -> Option<usize> {
    v.as_f64()
        .filter(|f| *f >= 0.0 && f.fract() == 0.0)
        .map(|f| f as usize)
}

/// A refusal as the console says it: in English.
trait Words {
    fn words(self) -> String;
}

impl Words for String {
    fn words(self) -> String {
        self
    }
}

impl Words for &str {
    fn words(self) -> String {
        self.to_string()
    }
}

impl Words for Say {
    fn words(self) -> String {
        crate::edge::lang::english(&self)
    }
}

impl Words for Refused {
    fn words(self) -> String {
        crate::edge::lang::english(&self.say())
    }
}

fn failure(error: impl Words) -> JsValue {
    to_js(&json!({ "ok": false, "error": error.words() }))
}

/// `{ok: true}`, or `{ok: false, error}`.
fn outcome(r: Result<(), impl Words>) -> JsValue {
    match r {
        Ok(()) => done(),
        Err(e) => failure(e),
    }
}

/// A speed from 0.25 to 4 in quarters of the wall clock's (1 to 16).
fn quarters(speed: f64) -> Option<u8> {
    let q = speed * 4.0;
    (q.fract() == 0.0 && (1.0..=16.0).contains(&q)).then_some(q as u8)
}

fn done() -> JsValue {
    to_js(&json!({ "ok": true }))
}

/// A console function that reads the tab shown (the past while the slider is back).
type ReadFn = Box<dyn Fn(&Playground, u64, JsValue, JsValue) -> JsValue>;
/// A console function that acts: it reads the live tab and acts only through commands, which
/// the tab's history records ([`Recorder`]).
type ActFn = Box<dyn Fn(&mut Recorder<'_>, u64, JsValue, JsValue) -> JsValue>;

/// One console function.
enum Api {
    Read(ReadFn),
    Act(ActFn),
}

/// `name(i)`: one node's view, `null` for a node that does not exist.
fn node_view<T: Serialize + 'static>(view: fn(&Playground, usize) -> Option<T>) -> Api {
    Api::Read(Box::new(move |m, _, i, _| {
        index(&i)
            .and_then(|i| view(m, i))
            .map_or(JsValue::NULL, |v| to_js(&v))
    }))
}

/// `name(i)`: an action on one node, `{ok: true}` or `{ok: false, error}`.
fn node_action(command: fn(usize) -> Command) -> Api {
    Api::Act(Box::new(move |m, now, i, _| {
        match index(&i).map(|i| m.act(command(i), now)) {
            Some(Ok(_)) => done(),
            Some(Err(e)) => failure(e),
            None => failure("the argument is a node index: 0, 1, 2, …"),
        }
    }))
}

/// `name()`: the teacher's order, `{ok: true}` or `{ok: false, error}`.
fn teach(order: Order) -> Api {
    Api::Act(Box::new(move |m, now, _, _| {
        match m.act(Command::Teach(order.clone()), now) {
            Ok(_) => done(),
            Err(e) => failure(e),
        }
    }))
}

/// Puts `closure` on the API object as `name` and keeps it alive.
fn publish(
    api: &js_sys::Object,
    name: &str,
    closure: Closure<dyn Fn(JsValue, JsValue) -> JsValue>,
    closures: &mut Vec<Closure<dyn Fn(JsValue, JsValue) -> JsValue>>,
) -> Option<()> {
    js_sys::Reflect::set(
        api,
        &JsValue::from_str(name),
        closure.as_ref().unchecked_ref(),
    )
    .ok()?;
    closures.push(closure);
    Some(())
}

/// What a console job makes of a worker reply: `Some` answer once the job is done.
type Finish = fn(WorkerReply) -> Option<Value>;

/// Runs `request` in a worker of its own. The Promise resolves with what `finish` makes of
/// the final reply, or rejects with an Error saying what is wrong. Finished workers are
/// dropped at the next call (not from inside their own message handler).
fn job_promise(
    jobs: &Rc<RefCell<Vec<JobWorker>>>,
    request: Result<WorkerRequest, String>,
    finish: Finish,
) -> js_sys::Promise {
    let reject = |e: String| js_sys::Promise::reject(&js_sys::Error::new(&e).into());
    let request = match request {
        Ok(r) => r,
        Err(e) => return reject(e),
    };
    let Ok(mut jobs) = jobs.try_borrow_mut() else {
        return reject(BUSY.to_string());
    };
    jobs.retain(|j| !j.finished());
    let mut started = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let outcome = JobWorker::start(&request, move |reply| match reply {
            Ok(WorkerReply::Error { error }) | Err(error) => {
                let _ = reject.call1(&JsValue::NULL, &js_sys::Error::new(&error).into());
                true
            }
            Ok(reply) => match finish(reply) {
                Some(answer) => {
                    let _ = resolve.call1(&JsValue::NULL, &to_js(&answer));
                    true
                }
                None => false,
            },
        });
        started = Some(outcome);
    });
    match started {
        Some(Ok(worker)) => {
            jobs.push(worker);
            promise
        }
        Some(Err(e)) => reject(e),
        None => reject("the Promise did not start".to_string()),
    }
}

/// `fairness({stakes, rounds, rule, seed})`: a [`ConsoleAnswer`] with the worker's time.
fn fairness_request(router: &Router, arg: &Value) -> Result<WorkerRequest, String> {
    let (stakes, seed) = router
        .read(|m| {
            network_stakers(m, 0, &|_| String::new()).map_or(
                (Vec::new(), pos_core::Hash::of(b"fairness")),
                |(rows, tip)| (rows.iter().map(|r| r.stake).collect(), tip),
            )
        })
        .ok_or(BUSY)?;
    let job = console_job(arg, stakes, seed)?;
    Ok(WorkerRequest::Fairness { id: 1, job })
}

fn fairness_answer(reply: WorkerReply) -> Option<Value> {
    match reply {
        WorkerReply::Fairness { report, ms, .. } if report.done => {
            let rule = report.rules.first()?;
            Some(json!(ConsoleAnswer::of(&report, rule, ms)))
        }
        _ => None,
    }
}

/// `bench({lots, runs, workers})`: the lottery's draw split over `workers` of the page's
/// pool (default: one per core), see [`crate::edge::pool::bench`].
fn bench_promise(pool: &Rc<crate::edge::pool::Pool>, arg: &Value) -> js_sys::Promise {
    let request = console_bench(arg).and_then(|r| Ok((r, console_workers(arg)?)));
    let (lots, runs, workers) = match request {
        Ok((WorkerRequest::Bench { lots, runs, .. }, workers)) => (
            lots,
            runs,
            workers.unwrap_or_else(crate::edge::pool::default_workers),
        ),
        Ok(_) => return js_sys::Promise::reject(&JsValue::NULL),
        Err(e) => return js_sys::Promise::reject(&js_sys::Error::new(&e).into()),
    };
    let pool = pool.clone();
    wasm_bindgen_futures::future_to_promise(async move {
        crate::edge::pool::bench(pool, lots, runs, workers)
            .await
            .map(|results| to_js(&results))
            .map_err(|e| js_sys::Error::new(&e).into())
    })
}

fn grind_answer(reply: WorkerReply) -> Option<Value> {
    match reply {
        WorkerReply::Grind { report, ms, .. } if report.done => Some(json!({
            "honest": report.honest,
            "grinding": report.grinding,
            "ms": ms,
        })),
        _ => None,
    }
}

/// `compounding({stakes, watch, reward, blocks, runs, seed})`: a [`CompoundingAnswer`].
fn compounding_answer(reply: WorkerReply) -> Option<Value> {
    match reply {
        WorkerReply::Compounding { report, ms, .. } if report.done => {
            Some(json!(CompoundingAnswer::of(&report, ms)?))
        }
        _ => None,
    }
}

/// Installs `window.playground` on the model `router` carries for: each call goes through
/// it ([`Router::with`]), and so does what the call leaves (frames, draws, a change to save
/// and draw). `invite`, `accept` and `complete` drive `links` as the Links panel does.
pub fn install(router: Rc<Router>, saver: Rc<Saver>, links: Links) -> Option<ApiHandle> {
    let window = web_sys::window()?;
    let api = js_sys::Object::new();
    let entries: Vec<(&str, Api)> = vec![
        (
            "nodes",
            Api::Read(Box::new(|m, _, _, _| to_js(&m.summaries()))),
        ),
        ("chain", node_view(Playground::chain_view)),
        ("pool", node_view(Playground::pool_view)),
        ("info", node_view(Playground::info_view)),
        (
            "lottery",
            Api::Read(Box::new(|m, _, i, height| {
                index(&i)
                    .and_then(|i| m.lottery_view(i, index(&height).map(|h| h as u64)))
                    .map_or(JsValue::NULL, |v| to_js(&v))
            })),
        ),
        (
            "network",
            Api::Act(Box::new(|m, now, arg, _| {
                // network() reads; network({latencyMs, jitterMs, drop}) sets the in-tab links.
                let v = from_js(&arg);
                if !v.is_object() {
                    return to_js(&m.playground().network_view());
                }
                let link = m.playground().faults_view();
                let pick = |k: &str| v.get(k).and_then(Value::as_u64);
                let drop = v.get("drop").and_then(Value::as_f64).unwrap_or(link.drop);
                let command = Command::SetConditions {
                    latency_ms: pick("latencyMs").unwrap_or(link.latency_ms),
                    jitter_ms: pick("jitterMs").unwrap_or(link.jitter_ms),
                    drop,
                };
                match m.act(command, now) {
                    Ok(_) => to_js(&json!({ "ok": true, "link": m.playground().faults_view() })),
                    Err(e) => failure(e),
                }
            })),
        ),
        (
            "partition",
            Api::Act(Box::new(|m, now, groups, _| {
                let groups: Option<Vec<Vec<usize>>> = serde_json::from_value(from_js(&groups)).ok();
                match groups.map(|g| m.act(Command::Partition(g), now)) {
                    Some(Ok(_)) => done(),
                    Some(Err(e)) => failure(e),
                    None => failure("give groups of node indices, e.g. [[0,1],[2,3]]"),
                }
            })),
        ),
        (
            "heal",
            Api::Act(Box::new(|m, now, _, _| match m.act(Command::Heal, now) {
                Ok(_) => done(),
                Err(e) => failure(e),
            })),
        ),
        ("crash", node_action(Command::Crash)),
        ("restart", node_action(Command::Restart)),
        (
            "adversary",
            Api::Act(Box::new(|m, now, i, b| {
                let (Some(i), Some(b)) = (index(&i), b.as_string()) else {
                    return failure("adversary(i, behaviour): a node index and a behaviour name");
                };
                match m.act(
                    Command::Adversary {
                        node: i,
                        behaviour: b,
                    },
                    now,
                ) {
                    Ok(Applied::Behaviour(b)) => {
                        to_js(&json!({ "ok": true, "behaviour": b.name() }))
                    }
                    Ok(_) => done(),
                    Err(e) => failure(e),
                }
            })),
        ),
        ("tree", node_view(Playground::tree_view)),
        (
            "exportChain",
            Api::Read(Box::new(|m, now, i, opts| {
                let keys = from_js(&opts)
                    .get("keys")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                index(&i)
                    .and_then(|i| m.export_chain(i, keys, now))
                    .map_or(JsValue::NULL, |t| JsValue::from_str(&t))
            })),
        ),
        (
            "importChain",
            Api::Act(Box::new(|m, now, text, _| {
                let Some(text) = text.as_string() else {
                    return to_js(
                        &json!({ "ok": false, "height": 0, "error": "give the chain file's text" }),
                    );
                };
                match Command::import(text).and_then(|c| m.act(c, now)) {
                    Ok(Applied::Imported(height)) => {
                        to_js(&json!({ "ok": true, "height": height }))
                    }
                    Ok(_) => done(),
                    Err(Refused::Chain { height, reason }) => {
                        to_js(&json!({ "ok": false, "height": height, "error": reason.words() }))
                    }
                    Err(e) => to_js(&json!({ "ok": false, "height": 0, "error": e.words() })),
                }
            })),
        ),
        ("peers", node_view(Playground::peers_view)),
        (
            "roster",
            Api::Read(Box::new(|m, _, _, _| to_js(&m.roster()))),
        ),
        ("rejected", node_view(Playground::rejected_view)),
        (
            "submit",
            Api::Act(Box::new(|m, now, i, req| {
                let Some(i) = index(&i) else {
                    return failure("the first argument is a node index: 0, 1, 2, …");
                };
                match m.playground().parse_request(&from_js(&req)) {
                    Ok(request) => match m.act(Command::Submit { node: i, request }, now) {
                        Ok(Applied::Submitted(id)) => to_js(&json!({ "ok": true, "id": id })),
                        Ok(_) => done(),
                        Err(e) => failure(e),
                    },
                    Err(e) => failure(e),
                }
            })),
        ),
        (
            "forge",
            Api::Act(Box::new(|m, now, i, _| match index(&i) {
                Some(i) => match m.act(Command::Forge(i), now) {
                    Ok(Applied::Forged(height, hash)) => {
                        to_js(&json!({ "ok": true, "height": height, "hash": hash }))
                    }
                    Ok(_) => done(),
                    Err(e) => failure(e),
                },
                None => failure("the argument is a node index: 0, 1, 2, …"),
            })),
        ),
        (
            "addNode",
            Api::Act(Box::new(|m, now, _, _| {
                let added = new_wallet()
                    .map_err(Refused::from)
                    .and_then(|w| m.act(Command::AddNode(Key::new(w)), now));
                match added {
                    Ok(Applied::Added(i)) => to_js(&json!({ "ok": true, "index": i })),
                    Ok(_) => done(),
                    Err(e) => failure(e),
                }
            })),
        ),
        (
            "removeNode",
            Api::Act(Box::new(|m, now, _, _| {
                match m.act(Command::RemoveNode, now) {
                    Ok(_) => done(),
                    Err(e) => failure(e),
                }
            })),
        ),
        (
            "classMode",
            Api::Read(Box::new(|m, _, _, _| to_js(&m.class_mode()))),
        ),
        (
            "lead",
            Api::Act(Box::new(|m, now, a, _| {
                let orders = m.playground().lead_orders(&from_js(&a));
                match orders.and_then(|o| {
                    o.into_iter().try_for_each(|o| {
                        m.act(Command::Teach(o), now)
                            .map(|_| ())
                            .map_err(Refused::words)
                    })
                }) {
                    Ok(()) => done(),
                    Err(e) => failure(e),
                }
            })),
        ),
        ("resume", teach(Order::Resume)),
        ("step", teach(Order::Step)),
        ("callBack", teach(Order::CallBack)),
        (
            "follow",
            Api::Act(Box::new(|m, now, a, _| {
                let following = a.as_bool().unwrap_or(true);
                match m.act(Command::Follow(following), now) {
                    Ok(_) => done(),
                    Err(e) => failure(e),
                }
            })),
        ),
    ];
    let mut closures = Vec::new();
    for (name, f) in entries {
        let router = router.clone();
        let promise = name == "importChain";
        let closure = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(move |a, b| {
            // An action runs between two steps of the network: the answer reflects the
            // present, and what the call said leaves at once.
            let answer = match &f {
                Api::Read(f) => router.read(|m| f(m, now_ms(), a, b)),
                Api::Act(f) => router.act(|m, now| f(m, now, a, b)),
            };
            let Some(result) = answer else {
                return failure(BUSY);
            };
            if promise {
                js_sys::Promise::resolve(&result).into()
            } else {
                result
            }
        });
        publish(&api, name, closure, &mut closures)?;
    }
    // The timeline (issue 29): the tab's history, its pause, speed and steps. On a class
    // teacher's page pause, play and a step at the present are the class's; on another linked
    // tab they only move what this tab shows.
    type TimeFn = Box<dyn Fn(&Rc<Router>, JsValue) -> JsValue>;
    let time: Vec<(&str, TimeFn)> = vec![
        (
            "timeline",
            Box::new(|r, _| r.timeline().map_or_else(|| failure(BUSY), |t| to_js(&t))),
        ),
        (
            "seek",
            Box::new(|r, e| match index(&e) {
                Some(e) => outcome(r.seek(e as u64)),
                None => failure("seek(event): an event number, from 0 to timeline().events"),
            }),
        ),
        ("pause", Box::new(|r, _| outcome(r.pause()))),
        (
            "play",
            Box::new(|r, speed| {
                let speed = if speed.is_undefined() {
                    Some(1.0)
                } else {
                    speed.as_f64()
                };
                match speed.and_then(quarters) {
                    Some(q) => outcome(r.play(q)),
                    None => failure(
                        "play(speed): a speed from 0.25 to 4, in quarters (0.25, 0.5, 0.75, 1, …)",
                    ),
                }
            }),
        ),
        (
            "stepEvent",
            Box::new(|r, d| {
                let delta = if d.is_undefined() {
                    Some(1.0)
                } else {
                    d.as_f64()
                };
                match delta.filter(|d| d.fract() == 0.0 && d.abs() <= 1_000_000.0 && *d != 0.0) {
                    Some(d) => outcome(r.step_event(d as i64)),
                    None => {
                        failure("stepEvent(n): a whole number of events, +1 forward or -1 back")
                    }
                }
            }),
        ),
        (
            "jumpToBlock",
            Box::new(|r, h| match index(&h) {
                Some(h) => match r.jump_to_block(h as u64) {
                    Ok(e) => to_js(&json!({ "ok": true, "at": e })),
                    Err(e) => failure(e),
                },
                None => failure("jumpToBlock(height): a block's height"),
            }),
        ),
        (
            "branch",
            Box::new(|r, b| match index(&b) {
                Some(b) => outcome(r.switch_branch(b)),
                None => failure("branch(id): a branch's id from timeline().branches"),
            }),
        ),
        (
            "backToNow",
            Box::new(|r, _| {
                let at = r.timeline().map_or(0, |t| t.events);
                outcome(r.seek(at))
            }),
        ),
        (
            "saveRecording",
            Box::new(|r, _| match r.recording() {
                Ok(text) => JsValue::from_str(&text),
                Err(e) => failure(e),
            }),
        ),
        (
            "openRecording",
            Box::new(|r, text| match text.as_string() {
                // A Promise: a long recording opens a slice at a time while the page goes on.
                Some(text) => {
                    let r = r.clone();
                    wasm_bindgen_futures::future_to_promise(async move {
                        Ok(match r.open_recording(text).await {
                            Ok(events) => to_js(&json!({ "ok": true, "events": events })),
                            Err(e) => failure(e),
                        })
                    })
                    .into()
                }
                None => failure("openRecording(text): the recording's text"),
            }),
        ),
    ];
    for (name, f) in time {
        let router = router.clone();
        let closure =
            Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(move |a, _| f(&router, a));
        publish(&api, name, closure, &mut closures)?;
    }
    // WebRTC links: Promises of the invitation text, of the answer text, and of
    // `{ok: true, link}`; each rejects with an Error that says what is wrong.
    for name in ["invite", "accept", "complete"] {
        let links = links.clone();
        let saver = saver.clone();
        let closure =
            Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(move |a: JsValue, _: JsValue| {
                let links = links.clone();
                let saver = saver.clone();
                let text = a.as_string().unwrap_or_default();
                wasm_bindgen_futures::future_to_promise(async move {
                    let result = match name {
                        "invite" => links.invite().await.map(JsValue::from),
                        "accept" => links.accept(&text).await.map(JsValue::from),
                        _ => links
                            .complete(&text)
                            .await
                            .map(|id| to_js(&json!({ "ok": true, "link": id }))),
                    };
                    saver.mark_dirty();
                    result.map_err(|e| js_sys::Error::new(&e.words()).into())
                })
                .into()
            });
        publish(&api, name, closure, &mut closures)?;
    }
    // Promises of results computed in a worker of their own: the fairness lab, the lottery
    // benchmark, the grinding demonstration and rewards and compounding.
    let jobs: Rc<RefCell<Vec<JobWorker>>> = Rc::default();
    let pool = crate::edge::pool::Pool::new();
    for name in ["fairness", "bench", "grind", "compounding"] {
        let (router, jobs, pool) = (router.clone(), jobs.clone(), pool.clone());
        let closure = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(move |a, _| {
            let arg = from_js(&a);
            let promise = match name {
                "fairness" => job_promise(&jobs, fairness_request(&router, &arg), fairness_answer),
                "bench" => bench_promise(&pool, &arg),
                "compounding" => job_promise(
                    &jobs,
                    console_setup(&arg).map(|setup| WorkerRequest::Compounding { id: 1, setup }),
                    compounding_answer,
                ),
                _ => job_promise(&jobs, console_grind(&arg), grind_answer),
            };
            promise.into()
        });
        publish(&api, name, closure, &mut closures)?;
    }
    js_sys::Reflect::set(&window, &JsValue::from_str("playground"), &api).ok()?;
    Some(ApiHandle {
        _closures: closures,
    })
}

fn position_js(p: &Position) -> JsValue {
    to_js(&json!({ "lesson": p.lesson, "step": p.step, "steps": p.steps, "title": p.title }))
}

/// Adds `lesson()` to `window.playground` (after [`install`]): `lesson()` is
/// `{lesson, step, steps, title}` of the open lesson or `null`; `lesson(name, step)` opens a
/// step (from 1) as the menu does, a Promise of the same object that rejects with the reason
/// (a missing or damaged file); `lesson(null)` closes the lesson.
pub fn install_lesson(
    lessons: Lessons,
    redraw: Rc<dyn Fn()>,
) -> Option<Closure<dyn Fn(JsValue, JsValue) -> JsValue>> {
    let api =
        js_sys::Reflect::get(&web_sys::window()?.into(), &JsValue::from_str("playground")).ok()?;
    let closure =
        Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(move |name: JsValue, step: JsValue| {
            if name.is_null() {
                lessons.tour.borrow_mut().close();
                redraw();
                return JsValue::NULL;
            }
            let Some(name) = name.as_string() else {
                return lessons
                    .tour
                    .borrow()
                    .position()
                    .map_or(JsValue::NULL, |p| position_js(&p));
            };
            let step = step
                .as_f64()
                .filter(|s| *s >= 1.0 && s.fract() == 0.0)
                .map_or(0, |s| s as usize - 1);
            let (lessons, redraw) = (lessons.clone(), redraw.clone());
            wasm_bindgen_futures::future_to_promise(async move {
                match lessons.open(&name, step, &*redraw).await {
                    Ok(p) => Ok(position_js(&p)),
                    Err(e) => Err(js_sys::Error::new(&e.words()).into()),
                }
            })
            .into()
        });
    js_sys::Reflect::set(
        &api,
        &JsValue::from_str("lesson"),
        closure.as_ref().unchecked_ref(),
    )
    .ok()?;
    Some(closure)
}
