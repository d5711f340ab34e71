//! The browser side of lessons: the address's `?lesson=`, `&step=` and `&lang=`, fetching a
//! lesson's file (`lessons/<lang>/<name>.txt`, copied into `dist/` by trunk) and handing it
//! to the step machine ([`Tour`]) that the panel and `playground.lesson()` share.

use crate::edge::driver::{busy, Router};
use crate::logic::i18n::Say;
use crate::logic::lessons::{file_of, language, parse, parse_index, LessonError, Position, Tour};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast as _;
use wasm_bindgen_futures::JsFuture;

/// The tab's lessons: the step machine, the model it watches and the language.
#[derive(Clone)]
pub struct Lessons {
    /// The open lesson (or why none is).
    pub tour: Rc<RefCell<Tour>>,
    /// The tab's model, read and changed through its router ("Do it").
    pub router: Rc<Router>,
    /// The language folder (`?lang=`, else `en`).
    pub lang: Rc<str>,
    /// Whether presenter mode is on.
    pub presenting: Rc<Cell<bool>>,
}

impl PartialEq for Lessons {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.tour, &other.tour)
    }
}

/// A parameter of the page's address.
pub fn url_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The text of `path` (relative to the page), or why not in words.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let failed = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map_or("the browser could not fetch it".to_string(), |e| {
                String::from(e.message())
            })
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

impl Lessons {
    /// The lessons of the model `router` carries for, in the address's language.
    pub fn new(router: Rc<Router>) -> Lessons {
        Lessons {
            tour: Rc::default(),
            router,
            lang: language(url_param("lang").as_deref()).into(),
            presenting: Rc::default(),
        }
    }

    /// The menu: the language's `index.txt` as (name, title) pairs, or why not.
    pub async fn index(&self) -> Result<Vec<(String, String)>, Say> {
        let file = file_of(&self.lang, "index");
        let text = fetch_text(&file).await.map_err(|why| {
            LessonError::Missing {
                file: file.clone(),
                why,
            }
            .say()
        })?;
        parse_index(&file, &text).map_err(|e| e.say())
    }

    /// Opens lesson `name` at step `step` (from 0): fetches and reads its file, then opens
    /// the step. `redraw` runs when the panel should change. Answers where the tour is, or
    /// the error in words.
    pub async fn open(&self, name: &str, step: usize, redraw: &dyn Fn()) -> Result<Position, Say> {
        let started = self.tour.borrow_mut().start(name, step);
        redraw();
        if started {
            let file = file_of(&self.lang, name);
            let lesson = match fetch_text(&file).await {
                Ok(text) => parse(name, &file, &text),
                Err(why) => Err(LessonError::Missing { file, why }),
            };
            let tour = &self.tour;
            self.router
                .read(|m| tour.borrow_mut().loaded(lesson, m))
                .ok_or_else(busy)?;
            redraw();
        }
        let tour = self.tour.borrow();
        match &*tour {
            Tour::Failed(e) => Err(e.say()),
            t => t.position().ok_or_else(|| Say::new("lesson-opening")),
        }
    }
}
