//! The page's components.

pub mod activity;
pub mod class_bar;
pub mod class_panel;
pub mod copy_button;
pub mod fairness;
pub mod faults;
pub mod files;
pub mod history;
pub mod lesson;
pub mod links;
pub mod live;
pub mod lottery;
pub mod network;
pub mod node_card;
pub mod panels;
pub mod student;
pub mod timeline;
pub mod tree;

/// `HH:MM:SS` of a wall-clock time in ms, in the viewer's time zone.
pub fn clock(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// The first `n` characters of a hex string.
pub fn short(hex: &str, n: usize) -> String {
    hex.chars().take(n).collect()
}
