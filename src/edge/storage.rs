//! The browser's storage and files: where a tab's state is kept, and how a file is handed to
//! the user. Only text crosses this edge; `persist.rs` decides what it means.

use crate::logic::i18n::Say;
use crate::logic::model::Playground;
use std::cell::Cell;
use wasm_bindgen::JsCast as _;

/// Which storage holds a tab's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// `localStorage`: a single playground, kept until cleared.
    Local,
    /// `sessionStorage`: one tab of a network of tabs (tabs of one name must not share a slot).
    Session,
}

/// Where the state of a tab in network `network` (or of the single playground) is stored.
pub fn slot(network: Option<&str>) -> (Area, String) {
    match network {
        Some(name) => (Area::Session, format!("pos-playground:net:{name}")),
        None => (Area::Local, "pos-playground:solo".to_string()),
    }
}

fn storage(area: Area) -> Option<web_sys::Storage> {
    let w = web_sys::window()?;
    match area {
        Area::Local => w.local_storage().ok().flatten(),
        Area::Session => w.session_storage().ok().flatten(),
    }
}

/// The stored text, if any.
pub fn load(area: Area, key: &str) -> Option<String> {
    storage(area)?.get_item(key).ok().flatten()
}

/// Stores text; false when storage is off, full or refused it.
pub fn store(area: Area, key: &str, text: &str) -> bool {
    storage(area).is_some_and(|s| s.set_item(key, text).is_ok())
}

/// Forgets the stored text.
pub fn clear(area: Area, key: &str) {
    if let Some(s) = storage(area) {
        let _ = s.remove_item(key);
    }
}

/// Offers `text` to the user as a file download.
pub fn download(filename: &str, text: &str) -> Result<(), Say> {
    let fail = || Say::new("refusal-download");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(fail)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail())?
        .dyn_into()
        .map_err(|_| fail())?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Saves the tab's state as it changes, at most once a second.
pub struct Saver {
    area: Area,
    key: String,
    enabled: Cell<bool>,
    last: Cell<u64>,
    failed: Cell<bool>,
    dirty: Cell<bool>,
}

/// How often the state may be written (ms).
pub const SAVE_EVERY_MS: u64 = 1_000;

impl Saver {
    /// A saver for one slot; `enabled` is false while a broken save waits for the user.
    pub fn new(area: Area, key: String, enabled: bool) -> Saver {
        Saver {
            area,
            key,
            enabled: Cell::new(enabled),
            last: Cell::new(0),
            failed: Cell::new(false),
            dirty: Cell::new(true),
        }
    }

    /// Turns saving on or off.
    pub fn set_enabled(&self, on: bool) {
        self.enabled.set(on);
    }

    /// Whether the last write failed (storage full or off).
    pub fn failed(&self) -> bool {
        self.failed.get()
    }

    /// Notes that the state changed since the last write.
    pub fn mark_dirty(&self) {
        self.dirty.set(true);
    }

    /// Writes the state if it changed and enough time has passed (or at once with `force`).
    pub fn maybe_save(&self, p: &Playground, now: u64, force: bool) {
        let due = self.dirty.get() && now >= self.last.get() + SAVE_EVERY_MS;
        if !self.enabled.get() || !(force || due) {
            return;
        }
        self.last.set(now);
        self.dirty.set(false);
        self.failed
            .set(!store(self.area, &self.key, &p.save_text(now)));
    }

    /// Forgets the saved state.
    pub fn clear(&self) {
        clear(self.area, &self.key);
    }

    /// The stored text.
    pub fn load(&self) -> Option<String> {
        load(self.area, &self.key)
    }
}
