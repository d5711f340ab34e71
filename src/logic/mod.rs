//! The page's plain logic: the tab's whole state and everything it decides, in plain Rust.
//! Nothing here touches the browser (no web-sys, js-sys, wasm-bindgen or yew) or imports the
//! edge or the views, so the tests in `tests/` drive it natively (`tests/layers.rs` keeps the
//! rule).

pub mod announce;
pub mod class;
pub mod clock;
pub mod command;
pub mod compounding;
pub mod fairness;
pub mod faults;
pub mod history;
pub mod i18n;
pub mod input;
pub mod lessons;
pub mod link;
pub mod lottery;
pub mod mesh;
pub mod model;
pub mod persist;
pub mod views;
pub mod wire;
pub mod words;
pub mod worker_protocol;
