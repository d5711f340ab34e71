//! A "Copy" button for a text the page shows (an invitation, an answer, the Python snippet),
//! which says beside it whether the text was copied or only selected.

use crate::edge::clipboard::{self, Copied};
use yew::prelude::*;

/// Props of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The element that shows the text (selected as it is copied).
    pub target: NodeRef,
    /// The text.
    pub text: AttrValue,
    /// The button's `data-testid`; its note's is the same with `-note` after it.
    pub testid: AttrValue,
}

/// The button and its note.
#[function_component(CopyButton)]
pub fn copy_button(p: &CopyButtonProps) -> Html {
    let t = super::language::use_texts();
    let outcome = use_state(|| None::<Copied>);
    {
        // A new text has not been copied yet.
        let outcome = outcome.clone();
        use_effect_with(p.text.clone(), move |_| outcome.set(None));
    }
    let onclick = {
        let (target, text, outcome) = (p.target.clone(), p.text.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(element) = target.cast::<web_sys::Element>() else {
                return;
            };
            let (text, outcome) = (text.clone(), outcome.clone());
            wasm_bindgen_futures::spawn_local(async move {
                outcome.set(Some(clipboard::copy(&element, &text).await));
            });
        })
    };
    html! {
        <>
            <button type="button" class="copy" {onclick} data-testid={p.testid.clone()}>{t.get("copy")}</button>
            if let Some(c) = *outcome {
                <span class="muted small copy-note" role="status" data-testid={format!("{}-note", p.testid)}
                      data-copied={(c == Copied::Done).to_string()}>{t.get(c.key())}</span>
            }
        </>
    }
}
