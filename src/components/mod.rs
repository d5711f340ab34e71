//! The page's components.

pub mod activity;
pub mod class_bar;
pub mod class_panel;
pub mod copy_button;
pub mod fairness;
pub mod faults;
pub mod file_pick;
pub mod files;
pub mod history;
pub mod lab_host;
pub mod language;
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

/// `part / whole` as a percentage with two decimals, in the page's language (`45.27 %`,
/// `45,27 %`; `< 0.01 %` for a share that is not zero but rounds to it).
pub fn percent(t: &crate::logic::i18n::Texts, part: u64, whole: u64) -> String {
    use crate::logic::i18n::Arg;
    let value = crate::logic::words::percent_number(part, whole);
    let key = if value == "0.00" && part > 0 && whole > 0 {
        "percent-tiny"
    } else {
        "percent"
    };
    t.format(key, &[("value", Arg::Decimal(value))])
}

/// A count of lots in the page's language (`1 lot`, `20,001 lots`).
pub fn lots(t: &crate::logic::i18n::Texts, n: u64) -> String {
    t.format("lots", &[("count", n.into())])
}
