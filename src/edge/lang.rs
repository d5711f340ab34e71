//! The browser side of languages: the list (`lang/languages.json`) and a language's words
//! (`lang/<code>/page.ftl`), fetched when the page starts or the language is switched (trunk
//! copies `www/lang/` into `dist/`), the browser's preferred languages, the address's
//! `?lang=`, and `<html lang>`. What the words are and how they are chosen is plain logic
//! ([`crate::logic::i18n`]).

use crate::edge::lessons::{fetch_text, url_param};
use crate::logic::i18n::ftl::Resource;
use crate::logic::i18n::{Language, Languages, Say, Texts, ENGLISH};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    /// The page's words in English, for the console's answers (kept by [`load`]).
    static CONSOLE: RefCell<Option<Rc<Texts>>> = const { RefCell::new(None) };
}

/// `say` in English, as the console answers (its key until the words are loaded).
pub fn english(say: &Say) -> String {
    CONSOLE.with(|c| match &*c.borrow() {
        Some(t) => t.say(say),
        None => say.key.to_string(),
    })
}

/// The languages the page offers and its words in the chosen one.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    /// The list of languages (`None` when `languages.json` could not be had).
    pub languages: Option<Rc<Languages>>,
    /// The words.
    pub texts: Rc<Texts>,
    /// Why something could not be loaded (the page goes on in English), if it could not.
    pub problem: Option<String>,
}

/// The path of a language's words, relative to the page.
pub fn page_file(code: &str) -> String {
    format!("lang/{code}/page.ftl")
}

/// The browser's preferred languages, most preferred first.
pub fn preferred() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let languages = window.navigator().languages();
    let mut out: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    if out.is_empty() {
        out.extend(window.navigator().language());
    }
    out
}

async fn resource(code: &str) -> Result<Resource, String> {
    let file = page_file(code);
    let text = fetch_text(&file)
        .await
        .map_err(|why| format!("{file}: {why}"))?;
    Resource::parse(&text).map_err(|e| format!("{file}: {e}"))
}

/// The page's words: the list, the language `?lang=` or the browser asks for, its file and
/// English's beneath it. Whatever cannot be had leaves the page in English (or, without
/// English's file, showing each text's key) and says why.
pub async fn load(wanted: Option<&str>) -> Words {
    let mut problems = Vec::new();
    let languages = match fetch_text("lang/languages.json").await {
        Ok(text) => match Languages::parse(&text) {
            Ok(l) => Some(Rc::new(l)),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        },
        Err(why) => {
            problems.push(format!("lang/languages.json: {why}"));
            None
        }
    };
    let query = wanted.map(str::to_string).or_else(|| url_param("lang"));
    let language = languages.as_ref().map_or_else(Language::english, |l| {
        l.choose(query.as_deref(), &preferred()).clone()
    });
    let english = match resource(ENGLISH).await {
        Ok(r) => r,
        Err(why) => {
            problems.push(why);
            Resource::default()
        }
    };
    CONSOLE.with(|c| *c.borrow_mut() = Some(Rc::new(Texts::english(english.clone()))));
    let texts = if language.code == ENGLISH {
        Texts::new(language, english.clone(), english)
    } else {
        match resource(&language.code).await {
            Ok(own) => Texts::new(language, own, english),
            Err(why) => {
                problems.push(why);
                Texts::english(english)
            }
        }
    };
    set_html_lang(&texts.language().code);
    Words {
        languages,
        texts: Rc::new(texts),
        problem: (!problems.is_empty()).then(|| problems.join("; ")),
    }
}

/// `<html lang>` follows the page's language (screen readers pronounce by it).
pub fn set_html_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// The address says `?lang=<code>` from now on (a reload keeps the language), without
/// reloading.
pub fn remember_in_address(code: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().set("lang", code);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
