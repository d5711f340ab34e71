//! pos-playground: the page. A Yew app that runs several `pos-core` nodes in one tab on the
//! core's in-memory network, driven by a browser timer, and shows them to a class.
//!
//! Three layers, each a folder; an arrow is "may import", and `tests/layers.rs` keeps it so:
//! views ([`app`], [`components`]) → edge ([`edge`]) → plain logic ([`logic`]).
//!
//! - [`logic`]: the tab's state (`logic::model::Playground`), the frames, invitations and class
//!   protocol, the lottery and fairness data, the worker protocol and the words; plain Rust,
//!   tested natively and in wasm.
//! - [`edge`]: the browser: timers, the BroadcastChannel, WebRTC, the class server's socket,
//!   workers, storage, the clipboard and `window.playground`.
//! - [`components`] and [`app`]: the Yew views.
#![forbid(unsafe_code)]

pub mod app;
pub mod components;
pub mod edge;
pub mod logic;

/// Mounts the app into the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
