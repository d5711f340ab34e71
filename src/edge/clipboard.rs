//! Copying a text for the page's Copy buttons: the browser edge.
//!
//! The Clipboard API (`navigator.clipboard`) exists only in a secure context: https, or
//! `localhost`. A class opens the page at `http://<teacher's address>:8080/`, where it is
//! undefined, and calling it threw a TypeError that copied nothing. So the text is selected
//! first, which shows what is being copied and leaves Ctrl+C working whatever happens next;
//! then the Clipboard API copies it where there is one, else the older
//! `document.execCommand("copy")`, which browsers still honour on a click.

use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a copy ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The text is on the clipboard.
    Done,
    /// The browser copied nothing; the text is selected, for Ctrl+C.
    Selected,
}

impl Copied {
    /// The key of what the page says beside the button (`www/lang/<code>/page.ftl`).
    pub fn key(self) -> &'static str {
        match self {
            Copied::Done => "copy-done",
            Copied::Selected => "copy-selected",
        }
    }
}

/// Selects the text of `element` (a text area, or any element's contents) and copies `text`,
/// which is what it shows.
pub async fn copy(element: &web_sys::Element, text: &str) -> Copied {
    select(element);
    if let Some(clipboard) = clipboard() {
        if JsFuture::from(clipboard.write_text(text)).await.is_ok() {
            return Copied::Done;
        }
        // Refused (no permission, or the page lost focus): the older way may still work.
        select(element);
    }
    if copy_command() {
        Copied::Done
    } else {
        Copied::Selected
    }
}

/// `navigator.clipboard`, where the page has one (a secure context).
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if value.is_undefined() || value.is_null() {
        None
    } else {
        value.dyn_into().ok()
    }
}

fn select(element: &web_sys::Element) {
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Some(document), Ok(Some(selection))) = (window.document(), window.get_selection()) else {
        return;
    };
    if let Ok(range) = document.create_range() {
        if range.select_node_contents(element).is_ok() {
            let _ = selection.remove_all_ranges();
            let _ = selection.add_range(&range);
        }
    }
}

/// `document.execCommand("copy")` on the current selection: whether the browser copied.
fn copy_command() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}
