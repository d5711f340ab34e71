//! The browser's clock and timers, which every edge module uses and which use nothing of the
//! page: the wall clock ([`now_ms`]), a wait ([`sleep`], [`after`]), a redraw that waits for a
//! burst to end ([`coalesced`]), a repeating timer ([`Interval`]) and whether timers that only
//! animate may run ([`reduced_motion`]).

use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;

/// The wall clock in ms since the epoch (the node timestamps' clock).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Waits `ms` milliseconds on the browser's timer (not at all where there is no window or
/// the timer cannot be set).
pub async fn sleep(ms: i32) {
    let _ = wasm_bindgen_futures::JsFuture::from(after(ms)).await;
}

/// A Promise resolved after `ms` milliseconds on the browser's timer (at once where there is
/// no window or the timer cannot be set), for racing against other Promises.
pub fn after(ms: i32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        let set = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .ok()
        });
        if set.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    })
}

/// How long a redraw asked for by a transport may wait, so that a burst of frames (a
/// peer's flood, a long chain arriving in pages) renders the page once, not once per frame.
pub const REDRAW_MS: i32 = 16;

/// Wraps `redraw` so that calls within [`REDRAW_MS`] of the first one render once: the first
/// call sets a timer, the others until it fires do nothing. Where no timer can be set, it
/// redraws at once.
pub fn coalesced(redraw: impl Fn() + 'static) -> Rc<dyn Fn()> {
    let redraw: Rc<dyn Fn()> = Rc::new(redraw);
    let pending = Rc::new(std::cell::Cell::new(false));
    let fire = {
        let (pending, redraw) = (pending.clone(), redraw.clone());
        Closure::<dyn FnMut()>::new(move || {
            pending.set(false);
            redraw();
        })
    };
    Rc::new(move || {
        if pending.get() {
            return;
        }
        let set = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                fire.as_ref().unchecked_ref(),
                REDRAW_MS,
            )
            .ok()
        });
        match set {
            Some(_) => pending.set(true),
            None => redraw(),
        }
    })
}

/// A running interval; dropping it stops the timer.
pub struct Interval {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Interval {
    /// Calls `f` every `ms` milliseconds.
    pub fn new(ms: i32, f: impl FnMut() + 'static) -> Option<Interval> {
        let callback = Closure::<dyn FnMut()>::new(f);
        let id = web_sys::window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms,
            )
            .ok()?;
        Some(Interval {
            id,
            _callback: callback,
        })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_interval_with_handle(self.id);
        }
    }
}

/// Whether the reader asked for less motion (`prefers-reduced-motion: reduce`): a timer that
/// only animates (the lottery's replay) does not run then. Read through `matchMedia` by name,
/// which needs no more of web-sys.
pub fn reduced_motion() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window, &"matchMedia".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            f.call1(&window, &"(prefers-reduced-motion: reduce)".into())
                .ok()
        })
        .and_then(|query| js_sys::Reflect::get(&query, &"matches".into()).ok())
        .and_then(|matches| matches.as_bool())
        .unwrap_or(false)
}
