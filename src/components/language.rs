//! The page's words in a Yew context, and the language menu.
//!
//! The app provides a [`Language`] context (the words of the chosen language and a way to
//! switch); a component reads its words with [`use_texts`]: `t.get("key")`,
//! `t.format("key", &[("count", n.into())])`.

use crate::edge::lang::Words;
use crate::logic::i18n::Texts;
use std::rc::Rc;
use yew::prelude::*;

/// The words of the page and how to switch language.
#[derive(Clone)]
pub struct Language {
    /// The words, the list of languages, and why something could not be loaded.
    pub words: Words,
    /// Switches to the language of this code.
    pub switch: Callback<String>,
}

impl PartialEq for Language {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.words.texts, &other.words.texts)
    }
}

/// The page's words (English with no keys outside a provider, so a component never fails).
#[hook]
pub fn use_texts() -> Rc<Texts> {
    use_context::<Language>()
        .map(|l| l.words.texts)
        .unwrap_or_else(|| Rc::new(Texts::english(Default::default())))
}

/// The language menu: every language of the list, in its own name.
#[function_component(LanguageMenu)]
pub fn language_menu() -> Html {
    let Some(language) = use_context::<Language>() else {
        return Html::default();
    };
    let t = language.words.texts.clone();
    let Some(list) = language.words.languages.clone() else {
        return Html::default();
    };
    if list.all().len() < 2 {
        return Html::default();
    }
    let current = t.language().code.clone();
    let onchange = {
        let switch = language.switch.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                switch.emit(s.value());
            }
        })
    };
    html! {
        <label class="language-menu">
            {t.get("language-label")}{" "}
            <select onchange={onchange} data-testid="language">
                { for list.all().iter().map(|l| html! {
                    <option value={l.code.clone()} lang={l.code.clone()} selected={l.code == current}>{l.name.clone()}</option>
                }) }
            </select>
        </label>
    }
}
