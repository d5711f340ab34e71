//! The fairness lab's own module (`pos-lab.js` and `pos-lab_bg.wasm`, built from
//! `src/lab_main.rs`): a page downloads it when the lab is first wanted (all of its place is on
//! the screen, or a lesson shows something in it), not at start. It is a Yew app of its own,
//! mounted into the element the page keeps for it ([`attach`]), and told the network's stakes,
//! the seed and the language as JSON ([`LabProps`]) whenever they change ([`set`]).

use crate::logic::fairness::LabStaker;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "export function import_lab(url) {
  return import(url).then((m) => m.default({ module_or_path: url.replace(/\\.js$/, '_bg.wasm') }).then(() => m));
}")]
extern "C" {
    /// Imports the lab's module (an absolute URL) and starts its wasm: a Promise of the module.
    fn import_lab(url: &str) -> js_sys::Promise;
}

/// Where trunk puts the lab's module, relative to the page.
pub const LAB_URL: &str = "pos-lab.js";

/// What the page tells the lab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabProps {
    /// The selected node's stake table at its tip.
    pub network: Vec<LabStaker>,
    /// The selected node's tip hash (hex): the first round's seed.
    pub seed: String,
    /// The page's language (its code).
    pub lang: String,
}

/// Where the lab is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LabState {
    /// Not wanted yet.
    #[default]
    Idle,
    /// Its module is being fetched and started.
    Loading,
    /// Shown.
    Ready,
    /// Its module could not be had: why.
    Failed(String),
}

#[derive(Default)]
struct Lab {
    root: Option<web_sys::Element>,
    /// Told each time the state changes (the lab's place on the page).
    notify: Option<Rc<dyn Fn(LabState)>>,
    props: Option<LabProps>,
    state: LabState,
    module: Option<JsValue>,
    /// Told when the lab is ready or failed.
    waiting: Vec<Box<dyn FnOnce(LabState)>>,
}

thread_local! {
    static LAB: RefCell<Lab> = RefCell::new(Lab::default());
}

/// The element the lab is mounted into, what it shows first, and who is told when its
/// state changes.
pub fn attach(root: web_sys::Element, props: LabProps, notify: impl Fn(LabState) + 'static) {
    LAB.with(|l| {
        let mut l = l.borrow_mut();
        l.root = Some(root);
        l.props = Some(props);
        l.notify = Some(Rc::new(notify));
    });
}

fn tell(state: &LabState) {
    if let Some(n) = LAB.with(|l| l.borrow().notify.clone()) {
        n(state.clone());
    }
}

/// Where the lab is.
pub fn state() -> LabState {
    LAB.with(|l| l.borrow().state.clone())
}

/// New stakes, seed or language for the lab (shown at once if it runs).
pub fn set(props: LabProps) {
    let module = LAB.with(|l| {
        let mut l = l.borrow_mut();
        if l.props.as_ref() == Some(&props) {
            return None;
        }
        l.props = Some(props.clone());
        l.module.clone()
    });
    if let Some(m) = module {
        let _ = call(&m, "lab_set", None, &props);
    }
}

/// Calls the lab module's export `name` with `first` (if any) and `props` as JSON.
fn call(
    module: &JsValue,
    name: &str,
    first: Option<&JsValue>,
    props: &LabProps,
) -> Result<JsValue, String> {
    let f = js_sys::Reflect::get(module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("{LAB_URL} has no {name}"))?;
    let json = JsValue::from(serde_json::to_string(props).map_err(|e| e.to_string())?);
    match first {
        Some(a) => f.call2(&JsValue::NULL, a, &json),
        None => f.call1(&JsValue::NULL, &json),
    }
    .map_err(|e| words(&e))
}

/// What a JavaScript error says.
fn words(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Calls `then` once the lab is ready or has failed, and starts loading it if nobody has
/// (at once if that is already so).
pub fn load(then: impl FnOnce(LabState) + 'static) {
    let state = state();
    if matches!(state, LabState::Ready | LabState::Failed(_)) {
        return then(state);
    }
    LAB.with(|l| {
        let mut l = l.borrow_mut();
        l.waiting.push(Box::new(then));
        l.state = LabState::Loading;
    });
    if state == LabState::Loading {
        return;
    }
    tell(&LabState::Loading);
    wasm_bindgen_futures::spawn_local(async {
        let state = match fetch_and_mount().await {
            Ok(()) => LabState::Ready,
            Err(why) => LabState::Failed(why),
        };
        let waiting = LAB.with(|l| {
            let mut l = l.borrow_mut();
            l.state = state.clone();
            std::mem::take(&mut l.waiting)
        });
        tell(&state);
        for w in waiting {
            w(state.clone());
        }
    });
}

async fn fetch_and_mount() -> Result<(), String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .ok_or("no page")?;
    let url = web_sys::Url::new_with_base(LAB_URL, &base)
        .map_err(|_| "no address for the lab".to_string())?
        .href();
    let module = wasm_bindgen_futures::JsFuture::from(import_lab(&url))
        .await
        .map_err(|e| words(&e))?;
    let (root, props) = LAB.with(|l| {
        let l = l.borrow();
        (l.root.clone(), l.props.clone())
    });
    let (Some(root), Some(props)) = (root, props) else {
        return Err("the page has no place for the lab".into());
    };
    let mounted = call(&module, "lab_mount", Some(&root), &props)?;
    if let Ok(p) = mounted.dyn_into::<js_sys::Promise>() {
        wasm_bindgen_futures::JsFuture::from(p)
            .await
            .map_err(|e| words(&e))?;
    }
    LAB.with(|l| {
        let mut l = l.borrow_mut();
        // Props that changed while it started.
        let latest = l.props.clone();
        l.module = Some(module.clone());
        latest
    })
    .filter(|p| *p != props)
    .map(|p| call(&module, "lab_set", None, &p))
    .transpose()?;
    Ok(())
}
