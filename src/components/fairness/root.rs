//! The fairness lab as an app of its own, in its own module (`src/lab_main.rs`): the page
//! keeps an element for it and hands it the network's stakes, the seed and the language as
//! JSON (`edge::lab`); the lab fetches its words in that language and shows [`FairnessLab`].

use super::FairnessLab;
use crate::components::language::Language;
use crate::edge::lab::LabProps;
use crate::edge::lang::Words;
use std::cell::RefCell;
use yew::prelude::*;

/// The lab's props and its words.
#[derive(Properties, PartialEq)]
pub struct RootProps {
    /// What the page said.
    pub props: LabProps,
    /// The words in the page's language.
    pub words: Words,
}

/// The lab, with its words.
#[function_component(LabRoot)]
pub fn lab_root(p: &RootProps) -> Html {
    let language = Language {
        words: p.words.clone(),
        switch: Callback::noop(),
    };
    html! {
        <ContextProvider<Language> context={language}>
            <FairnessLab network={p.props.network.clone()} seed={p.props.seed.clone()} />
        </ContextProvider<Language>>
    }
}

thread_local! {
    static APP: RefCell<Option<(yew::AppHandle<LabRoot>, Words)>> = const { RefCell::new(None) };
}

fn parse(json: &str) -> Result<LabProps, String> {
    serde_json::from_str(json).map_err(|e| format!("the lab's props: {e}"))
}

/// Takes one of Yew's subtree ids.
#[function_component(Nothing)]
fn nothing() -> Html {
    Html::default()
}

/// Fetches the words of the language `json` names, then shows the lab in `root`.
pub async fn mount(root: web_sys::Element, json: String) -> Result<(), String> {
    let props = parse(&json)?;
    // Yew marks each app's elements, and each event it handles, with its app's number, and
    // every module's Yew counts from 1: the page's app is 1 in the page's module, and it
    // would take a click in the lab (also 1 here) for a click on its own element with the
    // same listener number (a lab button removed a node). A throwaway app first makes the
    // lab 2 here; the page has no other app, so nothing of one is taken for the other.
    let scratch = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
        .ok_or("no document")?;
    yew::Renderer::<Nothing>::with_root(scratch)
        .render()
        .destroy();
    let words = crate::edge::lang::load(Some(&props.lang)).await;
    let handle = yew::Renderer::<LabRoot>::with_root_and_props(
        root,
        RootProps {
            props,
            words: words.clone(),
        },
    )
    .render();
    APP.with(|a| *a.borrow_mut() = Some((handle, words)));
    Ok(())
}

/// New stakes, seed or language (the words of a new language are fetched first).
pub fn set(json: String) -> Result<(), String> {
    let props = parse(&json)?;
    let words = APP.with(|a| a.borrow().as_ref().map(|(_, w)| w.clone()));
    let Some(words) = words else {
        return Err("the lab is not shown".into());
    };
    if words.texts.language().code == props.lang {
        update(props, words);
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            let words = crate::edge::lang::load(Some(&props.lang)).await;
            update(props, words);
        });
    }
    Ok(())
}

fn update(props: LabProps, words: Words) {
    APP.with(|a| {
        if let Some((handle, w)) = a.borrow_mut().as_mut() {
            *w = words.clone();
            handle.update(RootProps { props, words });
        }
    });
}
