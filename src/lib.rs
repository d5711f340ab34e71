//! pos-playground: the page. A Yew app that runs several `pos-core` nodes in one tab on the
//! core's in-memory network, driven by a browser timer, and shows them to a class.
//!
//! - [`model`]: the state (network, feed), plain Rust, tested in wasm.
//! - [`components`]: Yew components that render it.
//! - [`driver`]: the browser timer that moves the network's clock.
//! - [`js_api`]: `window.playground`, the console API.
//! - [`link`] and [`webrtc`]: links between machines over WebRTC data channels.
#![forbid(unsafe_code)]

pub mod app;
pub mod channel;
pub mod class;
pub mod class_socket;
pub mod clipboard;
pub mod components;
pub mod draws;
pub mod driver;
pub mod fairness_view;
pub mod faults;
pub mod js_api;
pub mod link;
pub mod lottery_view;
pub mod mesh;
pub mod model;
pub mod persist;
pub mod storage;
pub mod vec_map;
pub mod webrtc;
pub mod worker;

/// Mounts the app into the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
