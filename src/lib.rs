//! pos-playground: the page. A Yew app that runs several `pos-core` nodes in one tab on the
//! core's in-memory network, driven by a browser timer, and shows them to a class.
//!
//! Three layers, each a folder; an arrow is "may import", and `tests/layers.rs` keeps it so:
//! views ([`app`], [`components`]) → edge ([`edge`]) → plain logic ([`logic`]).
//!
//! - [`logic`]: the tab's state (`logic::model::Playground`), the frames, invitations and class
//!   protocol, the lottery and fairness data, the worker protocol and the words; plain Rust,
//!   tested natively and in wasm.
//! - [`edge`]: the browser: timers, the BroadcastChannel, WebRTC, the class server's socket,
//!   workers, storage, the clipboard and `window.playground`.
//! - [`components`] and [`app`]: the Yew views.
#![forbid(unsafe_code)]

pub mod app;
pub mod components;
pub mod edge;
pub mod logic;

/// Fetches the page's words in the student's language, then mounts the app into the page's
/// body (index.html's "Loading…" line shows meanwhile).
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let words = edge::lang::load(None).await;
        // The lessons follow the page's language: a language the browser chose is put in the
        // address, where the lessons read it (and a reload keeps it).
        let code = words.texts.language().code.clone();
        if code != logic::i18n::ENGLISH
            && edge::lessons::url_param("lang").as_deref() != Some(&code)
        {
            edge::lang::remember_in_address(&code);
        }
        if let Some(problem) = &words.problem {
            web_sys::console::error_1(&format!("pos-playground's words: {problem}").into());
        }
        yew::Renderer::<app::App>::with_props(app::AppProps { words }).render();
    });
}
