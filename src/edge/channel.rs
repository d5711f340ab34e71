//! The BroadcastChannel that joins the tabs of one browser: it only carries frames' text in
//! (as [`Input`]s to the [`Router`]) and out (as one of the router's outlets); what they mean
//! is decided by the mesh (`logic/mesh.rs`).

use crate::edge::driver::Router;
use crate::logic::input::Input;
use crate::logic::model::Playground;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast as _, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

/// The network name from the page's `?net=` parameter: letters, digits, `-` and `_`, at most
/// 40 characters. `None` when absent or empty after cleaning.
pub fn network_from_url() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    clean_network_name(&params.get("net")?)
}

/// A network name as the page takes it: the letters, digits, `-` and `_` of `raw`, at most
/// 40; `None` when nothing is left.
pub fn clean_network_name(raw: &str) -> Option<String> {
    let name: String = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Whether the URL asks to start a new network under the name without looking for one
/// (`&new=1`): the deliberate way to host, even where another tab already runs that name.
pub fn start_new_from_url() -> bool {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return false;
    };
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("new"))
        .is_some_and(|v| v == "1" || v == "true")
}

/// An open channel; dropping it says goodbye and closes it.
pub struct Channel {
    channel: BroadcastChannel,
    router: Rc<Router>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_hide: Closure<dyn FnMut()>,
}

impl Channel {
    /// Joins the channel of network `name`: frames that arrive go to `router` as inputs, and
    /// the channel becomes one of its outlets.
    pub fn open(name: &str, router: Rc<Router>) -> Option<Rc<Channel>> {
        let channel = BroadcastChannel::new(&format!("pos-playground:{name}")).ok()?;
        {
            let channel = channel.clone();
            router.outlets().add(move |f| {
                let _ = channel.post_message(&JsValue::from_str(f));
            });
        }
        // The router holds the channel's outlet: the handler holds the router weakly.
        let on_message = {
            let router = Rc::downgrade(&router);
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                // Anything but text is not a frame; the mesh counts it as malformed.
                let text = e.data().as_string().unwrap_or_default();
                if let Some(r) = router.upgrade() {
                    r.handle(Input::channel(text));
                }
            })
        };
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_hide = {
            let router = Rc::downgrade(&router);
            let channel = channel.clone();
            Closure::<dyn FnMut()>::new(move || {
                let bye = router.upgrade().and_then(|r| r.read(Playground::goodbye));
                if let Some(bye) = bye.flatten() {
                    let _ = channel.post_message(&JsValue::from_str(&bye));
                }
            })
        };
        let window = web_sys::window()?;
        window
            .add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref())
            .ok()?;
        Some(Rc::new(Channel {
            channel,
            router,
            _on_message: on_message,
            _on_hide: on_hide,
        }))
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        if let Some(bye) = self.router.read(Playground::goodbye).flatten() {
            let _ = self.channel.post_message(&JsValue::from_str(&bye));
        }
        self.channel.set_onmessage(None);
        self.channel.close();
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "pagehide",
                self._on_hide.as_ref().unchecked_ref(),
            );
        }
    }
}
