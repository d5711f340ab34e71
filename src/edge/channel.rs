//! The BroadcastChannel that joins the tabs of one browser: it only carries frames' text in and
//! out; what they mean is decided by the model (`mesh.rs`, `model.rs`). [`Outlets`] hands what
//! the tab says to every transport: this channel and the WebRTC links (`webrtc.rs`).

use crate::edge::clock::now_ms;
use crate::logic::model::Playground;
use std::cell::RefCell;
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

/// Where the frames this tab says go: the BroadcastChannel and every open WebRTC link. Each
/// outlet gets every frame, in order.
#[derive(Default)]
pub struct Outlets {
    sinks: RefCell<Vec<Sink>>,
}

/// One transport's way to send a frame.
type Sink = Box<dyn Fn(&str)>;

impl Outlets {
    /// Adds a transport.
    pub fn add(&self, sink: impl Fn(&str) + 'static) {
        self.sinks.borrow_mut().push(Box::new(sink));
    }

    /// Hands `frames` to every transport.
    pub fn send(&self, frames: Vec<String>) {
        let sinks = self.sinks.borrow();
        for f in &frames {
            for s in sinks.iter() {
                s(f);
            }
        }
    }

    /// Takes what the model wants to say and hands it to every transport.
    pub fn pump(&self, model: &RefCell<Playground>) {
        let frames = match model.try_borrow_mut() {
            Ok(mut m) => m.take_outbox(),
            Err(_) => return,
        };
        self.send(frames);
    }
}

/// An open channel; dropping it says goodbye and closes it.
pub struct Channel {
    channel: BroadcastChannel,
    model: Rc<RefCell<Playground>>,
    outlets: Rc<Outlets>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_hide: Closure<dyn FnMut()>,
}

impl Channel {
    /// Joins the channel of network `name`; frames that arrive go to `model`, and `redraw`
    /// runs after each. The channel becomes one of `outlets`, and what the model says in
    /// answer goes to all of them.
    pub fn open(
        name: &str,
        model: Rc<RefCell<Playground>>,
        redraw: Rc<dyn Fn()>,
        outlets: Rc<Outlets>,
    ) -> Option<Rc<Channel>> {
        let channel = BroadcastChannel::new(&format!("pos-playground:{name}")).ok()?;
        {
            let channel = channel.clone();
            outlets.add(move |f| {
                let _ = channel.post_message(&JsValue::from_str(f));
            });
        }
        let on_message = {
            let model = model.clone();
            let outlets = outlets.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                // Anything but text is not a frame; the model counts it as malformed.
                let text = e.data().as_string().unwrap_or_default();
                if let Ok(mut m) = model.try_borrow_mut() {
                    m.receive_frame(&text, now_ms());
                }
                outlets.pump(&model);
                redraw();
            })
        };
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let on_hide = {
            let model = model.clone();
            let channel = channel.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some(bye) = model.try_borrow_mut().ok().and_then(|mut m| m.goodbye()) {
                    let _ = channel.post_message(&JsValue::from_str(&bye));
                }
            })
        };
        let window = web_sys::window()?;
        window
            .add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref())
            .ok()?;
        let ch = Rc::new(Channel {
            channel,
            model,
            outlets,
            _on_message: on_message,
            _on_hide: on_hide,
        });
        ch.pump();
        Some(ch)
    }

    /// Posts what the model wants to say (on this channel and every other outlet).
    pub fn pump(&self) {
        self.outlets.pump(&self.model);
    }
}

impl Drop for Channel {
    fn drop(&mut self) {
        if let Some(bye) = self
            .model
            .try_borrow_mut()
            .ok()
            .and_then(|mut m| m.goodbye())
        {
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
