//! Choosing a file to read, with the page's own words: the browser's file input says "Choose
//! File" / "No file chosen" in the browser's language, not the page's, so it is hidden (still
//! focusable, and its label names it) behind a button-like caption from `page.ftl`.

use wasm_bindgen::JsCast as _;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`FilePick`].
#[derive(Properties, PartialEq)]
pub struct FilePickProps {
    /// What the file is for ("Open a recording:").
    pub caption: AttrValue,
    /// The test id of the input.
    pub testid: AttrValue,
    /// Files bigger than this are not read: `on_too_big` gets their size instead.
    #[prop_or_default]
    pub max_bytes: Option<u64>,
    /// The text of the file chosen.
    pub on_text: Callback<String>,
    /// The size of a file over `max_bytes`.
    #[prop_or_default]
    pub on_too_big: Callback<u64>,
}

/// A JSON file's text, read when one is chosen.
#[function_component(FilePick)]
pub fn file_pick(p: &FilePickProps) -> Html {
    let t = super::language::use_texts();
    let onchange = {
        let (on_text, on_too_big, max) = (p.on_text.clone(), p.on_too_big.clone(), p.max_bytes);
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            if max.is_some_and(|m| file.size() > m as f64) {
                on_too_big.emit(file.size() as u64);
                return;
            }
            let on_text = on_text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                on_text.emit(text);
            });
        })
    };
    html! {
        <label class="import file-pick">
            {p.caption.clone()}{" "}
            <input type="file" accept=".json,application/json" {onchange} data-testid={p.testid.clone()} />
            <span class="file-button" aria-hidden="true">{t.get("file-choose")}</span>
        </label>
    }
}
