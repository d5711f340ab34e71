//! Export a node's chain as a file (keys only on request, with a warning) and import one.

use super::file_pick::FilePick;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`ChainFiles`].
#[derive(Properties, PartialEq)]
pub struct ChainFilesProps {
    /// The node whose chain is exported.
    pub node: usize,
    /// Its name.
    pub name: String,
    /// Export (node, with keys).
    pub on_export: Callback<(usize, bool)>,
    /// A file's text to import.
    pub on_import: Callback<String>,
    /// The last outcome (ok, words).
    pub message: Option<(bool, String)>,
}

/// The export/import bar.
#[function_component(ChainFiles)]
pub fn chain_files(p: &ChainFilesProps) -> Html {
    let t = super::language::use_texts();
    let with_keys = use_state(|| false);
    let on_keys = {
        let with_keys = with_keys.clone();
        let question = t.get("files-keys-confirm");
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let sure = !on
                || web_sys::window()
                    .and_then(|w| w.confirm_with_message(&question).ok())
                    .unwrap_or(false);
            with_keys.set(on && sure);
        })
    };
    let on_export = {
        let cb = p.on_export.clone();
        let (node, keys) = (p.node, *with_keys);
        Callback::from(move |_| cb.emit((node, keys)))
    };
    html! {
        <section class="files" aria-label={t.get("files.aria-label")}>
            <button onclick={on_export} data-testid="export-chain">{t.format("files-export", &[("node", p.name.clone().into())])}</button>
            <label class="keys"><input type="checkbox" checked={*with_keys} onchange={on_keys} data-testid="export-keys" />{" "}{t.get("files-with-keys")}</label>
            <FilePick caption={t.get("files-import")} testid="import-chain" on_text={p.on_import.clone()} />
            if let Some((ok, text)) = &p.message {
                <span class={classes!("files-msg", if *ok { "ok" } else { "err" })} role="status" data-testid="files-message">{text.clone()}</span>
            }
        </section>
    }
}
