//! The top navigation, the lesson menu, the lesson panel and presenter mode. The step machine
//! is [`Tour`] (plain logic); this draws it, brings each step's part of the page into view,
//! and turns keys (Page Down/Up, arrows in presenter mode, Esc) into steps.

use crate::edge::clock;
use crate::edge::lab::{self, LabState};
use crate::edge::lessons::{url_param, Lessons};
use crate::edge::storage::{self, Area};
use crate::logic::class::Place;
use crate::logic::i18n::Say;
use crate::logic::lessons::{step_index, Progress, Tour, DWELL_MS};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The sections of the page the navigation reaches (keys 1 to 6), in order: the key of
/// each one's name and where it is.
const SECTIONS: [(&str, &str); 6] = [
    ("section-nodes", "main.layout"),
    ("section-lottery", "[data-testid=lottery]"),
    ("section-fairness", "[data-testid=fairness]"),
    ("section-faults", "[data-testid=faults]"),
    ("section-tree", "[data-testid=block-tree]"),
    ("section-panels", ".panels"),
];

/// Where this browser remembers whether the section keys are on ("on" or "off").
const DIGITS_KEY: &str = "pos-playground:section-keys";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn root() -> Option<Element> {
    document()?.document_element()
}

/// Brings the element `selector` finds into view and marks its section of the page (the one
/// presenter mode shows); a lesson's target (`target`) is outlined too. False when the page
/// has no such element now.
fn bring(selector: &str, target: bool) -> bool {
    let Some(doc) = document() else {
        return false;
    };
    for attr in ["data-shown", "data-lesson-target"] {
        while let Ok(Some(e)) = doc.query_selector(&format!("[{attr}]")) {
            let _ = e.remove_attribute(attr);
        }
    }
    let Ok(Some(el)) = doc.query_selector(selector) else {
        return false;
    };
    let section = el.closest(".page > *").ok().flatten().unwrap_or(el.clone());
    let _ = section.set_attribute("data-shown", "");
    if target {
        // A small target gets room above it for what it belongs to (CSS scroll-margin).
        let small = el.get_bounding_client_rect().height() < 160.0;
        let _ = el.set_attribute("data-lesson-target", if small { "small" } else { "" });
    }
    el.scroll_into_view_with_bool(true);
    true
}

/// Moves the keyboard focus into the section `selector` names, as a skip link does, so that
/// Tab goes on inside the section a reader chose: its first heading, else the section itself
/// (focusable from a script only, `tabindex="-1"`). The section is in view already ([`bring`]).
fn focus_section(selector: &str) {
    let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()) else {
        return;
    };
    let target = el.query_selector("h2, h3").ok().flatten().unwrap_or(el);
    if !target.has_attribute("tabindex") {
        let _ = target.set_attribute("tabindex", "-1");
    }
    if let Some(t) = target.dyn_ref::<HtmlElement>() {
        let _ = t.focus();
    }
}

/// Sets or clears a flag on `<html>`. A change moves the page (the lesson panel takes room
/// beside or below it; presenter mode enlarges the type), so it tells the page's drawings as
/// a resize of the window would (the number line redraws at its new width).
fn set_flag(name: &str, on: bool) {
    let Some(r) = root() else { return };
    if r.has_attribute(name) == on {
        return;
    }
    let _ = if on {
        r.set_attribute(name, "")
    } else {
        r.remove_attribute(name)
    };
    let resize = web_sys::Event::new("resize");
    if let (Some(w), Ok(e)) = (web_sys::window(), resize) {
        let _ = w.dispatch_event(&e);
    }
}

/// The lesson panel's height as the page's `--lesson-h` (a narrow screen's page ends where
/// the panel begins), measured after each drawing of the panel; none when it is closed.
fn keep_room_for_panel() {
    let Some(r) = root() else { return };
    let panel = document().and_then(|d| d.query_selector("[data-testid=lesson]").ok().flatten());
    let want = panel.map(|p| {
        format!(
            "--lesson-h: {}px",
            p.get_bounding_client_rect().height().ceil()
        )
    });
    if r.get_attribute("style") != want {
        let _ = match want {
            Some(style) => r.set_attribute("style", &style),
            None => r.remove_attribute("style"),
        };
    }
}

/// Presenter mode on or off: big type, one section at a time, full screen where allowed.
fn present(lessons: &Lessons, on: bool) {
    lessons.presenting.set(on);
    set_flag("data-presenting", on);
    if on {
        if let Some(r) = root() {
            let _ = r.request_fullscreen();
        }
        let selector = lessons.tour.borrow().step().map(|s| s.show.clone());
        match selector.filter(|s| !s.is_empty()) {
            Some(s) => bring(&s, true),
            None => bring(SECTIONS[0].1, false),
        };
    } else if let Some(d) = document().filter(|d| d.fullscreen_element().is_some()) {
        d.exit_fullscreen();
    }
}

/// The panel's properties.
#[derive(Properties)]
pub struct LessonProps {
    /// The tab's lessons (the step machine the console shares).
    pub lessons: Lessons,
    /// Redraws the page.
    pub redraw: Callback<()>,
    /// Where the teacher is, while this page follows the teacher (a student's page).
    pub led: Option<Place>,
    /// The section brought into view by the bar or the keys (index in the bar).
    pub on_section: Callback<usize>,
    /// A line for the activity feed (a follow message this page ignores, and why).
    pub on_note: Callback<Say>,
}

/// The panel redraws whenever the page does: the tour it shows lives in `lessons`.
impl PartialEq for LessonProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

/// Carries out a button or key of the panel: 0 back, 1 next, 2 close, 3 "Do it", 4 presenter
/// on or off, 5 leave (Esc).
fn act(lessons: &Lessons, what: u8) {
    let mut tour = lessons.tour.borrow_mut();
    match what {
        0 => {
            lessons.router.read(|m| tour.back(m));
        }
        1 => {
            lessons.router.read(|m| tour.next(m));
        }
        2 => tour.close(),
        3 => {
            let ids = lessons
                .router
                .act(|m, now| tour.do_it(m, now))
                .unwrap_or_default();
            drop(tour);
            // Steps done by a button of the page: pressed as a person would.
            for id in ids {
                let button = document()
                    .and_then(|d| {
                        d.query_selector(&format!("[data-testid=\"{id}\"]"))
                            .ok()
                            .flatten()
                    })
                    .and_then(|b| b.dyn_into::<HtmlElement>().ok());
                if let Some(b) = button {
                    b.click();
                }
            }
        }
        4 => {
            drop(tour);
            present(lessons, !lessons.presenting.get());
        }
        _ => {
            if lessons.presenting.get() {
                drop(tour);
                present(lessons, false);
            } else {
                tour.close();
            }
        }
    }
}

/// A key of the page: Page Down/Up (and the arrows in presenter mode) step, Esc leaves, 1 to 6
/// jump to a section (when `digits`: the reader may turn them off, WCAG 2.1.4). Not while
/// typing in a field. True when the page must redraw.
fn key(lessons: &Lessons, section: &mut usize, digits: bool, e: &web_sys::KeyboardEvent) -> bool {
    let typing = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
    if typing || e.alt_key() || e.ctrl_key() || e.meta_key() {
        return false;
    }
    let presenting = lessons.presenting.get();
    let key = e.key();
    let forward = match key.as_str() {
        "PageDown" => true,
        "ArrowRight" | "ArrowDown" if presenting => true,
        "PageUp" => false,
        "ArrowLeft" | "ArrowUp" if presenting => false,
        "Escape" => {
            act(lessons, 5);
            return true;
        }
        k => {
            if let Some(d) = k
                .parse::<usize>()
                .ok()
                .filter(|d| digits && (1..=SECTIONS.len()).contains(d))
            {
                *section = d - 1;
                if bring(SECTIONS[d - 1].1, false) {
                    focus_section(SECTIONS[d - 1].1);
                }
            }
            return false;
        }
    };
    if lessons.tour.borrow().step().is_some() {
        act(lessons, u8::from(forward));
    } else if presenting {
        *section = if forward {
            (*section + 1).min(SECTIONS.len() - 1)
        } else {
            section.saturating_sub(1)
        };
        bring(SECTIONS[*section].1, false);
    } else {
        return false;
    }
    e.prevent_default();
    true
}

/// The navigation bar with the lesson menu, and the open lesson's panel.
#[function_component(LessonPanel)]
pub fn lesson_panel(p: &LessonProps) -> Html {
    let t = super::language::use_texts();
    let menu = use_state(|| None::<Result<Vec<(String, String)>, Say>>);
    let section = use_mut_ref(|| 0usize);
    // The section keys 1 to 6: on unless this browser turned them off.
    let digits: Rc<Cell<bool>> = (*use_memo((), |_| {
        Rc::new(Cell::new(
            storage::load(Area::Local, DIGITS_KEY).as_deref() != Some("off"),
        ))
    }))
    .clone();
    let do_ref = use_node_ref();
    let next_ref = use_node_ref();
    // Once: the menu, a lesson the address names, and the keys.
    {
        let (lessons, redraw, menu, section, on_section) = (
            p.lessons.clone(),
            p.redraw.clone(),
            menu.clone(),
            section.clone(),
            p.on_section.clone(),
        );
        let digits = digits.clone();
        use_effect_with((), move |_| {
            let (l, r) = (lessons.clone(), redraw.clone());
            wasm_bindgen_futures::spawn_local(async move {
                menu.set(Some(l.index().await));
                if let Some(name) = url_param("lesson") {
                    let step = step_index(url_param("step").as_deref());
                    let _ = l.open(&name, step, &|| r.emit(())).await;
                }
            });
            // Keys, and the browser leaving full screen (its own Esc): presenter mode ends too.
            let on_key = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let redraw_now = match e.dyn_ref::<web_sys::KeyboardEvent>() {
                    Some(k) => {
                        let was = *section.borrow();
                        let redraw = key(&lessons, &mut section.borrow_mut(), digits.get(), k);
                        let now = *section.borrow();
                        if now != was {
                            on_section.emit(now);
                        }
                        redraw
                    }
                    None => {
                        let left = document().is_some_and(|d| d.fullscreen_element().is_none());
                        if left && lessons.presenting.get() {
                            present(&lessons, false);
                        }
                        left
                    }
                };
                if redraw_now {
                    redraw.emit(());
                }
            });
            let window = web_sys::window();
            for name in ["keydown", "fullscreenchange"] {
                if let Some(w) = &window {
                    let _ =
                        w.add_event_listener_with_callback(name, on_key.as_ref().unchecked_ref());
                }
            }
            move || {
                for name in ["keydown", "fullscreenchange"] {
                    if let Some(w) = &window {
                        let _ = w.remove_event_listener_with_callback(
                            name,
                            on_key.as_ref().unchecked_ref(),
                        );
                    }
                }
            }
        });
    }
    // A following page goes where the teacher is: the section, then the lesson and step.
    // What this page does not have (a lesson missing from its menu) is ignored, with a line
    // in the feed saying why.
    {
        let (lessons, redraw, menu, section, on_note) = (
            p.lessons.clone(),
            p.redraw.clone(),
            menu.clone(),
            section.clone(),
            p.on_note.clone(),
        );
        let last = use_mut_ref(|| None::<Place>);
        use_effect_with(p.led.clone(), move |led| {
            if let Some(place) = led {
                let before = last.borrow().clone();
                if before.as_ref().map(|b| &b.section) != Some(&place.section) {
                    let i = place
                        .section
                        .as_deref()
                        .and_then(|s| crate::logic::class::SECTIONS.iter().position(|x| *x == s));
                    if let Some(i) = i {
                        *section.borrow_mut() = i;
                        bring(SECTIONS[i].1, false);
                    }
                }
                let at = lessons.tour.borrow().position().map(|p| (p.lesson, p.step));
                match &place.lesson {
                    Some(name)
                        if at.as_ref().map(|(l, s)| (l.as_str(), *s as u32))
                            != Some((name.as_str(), place.step)) =>
                    {
                        let known = match &*menu {
                            Some(Ok(items)) => items.iter().any(|(n, _)| n == name),
                            // The menu is not here (yet): the file itself says.
                            _ => true,
                        };
                        if known {
                            let (name, step) =
                                (name.clone(), place.step.saturating_sub(1) as usize);
                            let same = at.as_ref().is_some_and(|(l, _)| *l == name);
                            if same {
                                let mut tour = lessons.tour.borrow_mut();
                                lessons.router.read(|m| tour.go(step, m));
                                drop(tour);
                                redraw.emit(());
                            } else {
                                wasm_bindgen_futures::spawn_local(async move {
                                    let r = lessons.open(&name, step, &|| redraw.emit(())).await;
                                    if let Err(e) = r {
                                        on_note.emit(
                                            Say::new("feed-ignored-lesson")
                                                .with("lesson", name)
                                                .with("reason", e),
                                        );
                                    }
                                });
                            }
                        } else {
                            on_note.emit(
                                Say::new("feed-ignored-lesson-unknown")
                                    .with("lesson", name.clone()),
                            );
                        }
                    }
                    None if at.is_some() => {
                        lessons.tour.borrow_mut().close();
                        redraw.emit(());
                    }
                    _ => {}
                }
                *last.borrow_mut() = Some(place.clone());
            } else {
                *last.borrow_mut() = None;
            }
        });
    }
    let tour = p.lessons.tour.borrow();
    let position = tour.position();
    let progress = match &*tour {
        Tour::Open { progress, .. } => Some(*progress),
        _ => None,
    };
    let done = matches!(progress, Some(Progress::Done(_)));
    set_flag("data-lesson", !matches!(*tour, Tour::Closed));
    use_effect(keep_room_for_panel);
    // Each step brings its part of the page into view and takes the focus to its button; a
    // step whose effect happened gives way to the next after a moment.
    {
        let (lessons, redraw, do_ref, next_ref) = (
            p.lessons.clone(),
            p.redraw.clone(),
            do_ref.clone(),
            next_ref.clone(),
        );
        let show = tour.step().map(|s| s.show.clone());
        use_effect_with((position.clone(), done), move |(pos, done)| {
            if pos.is_some() && !done {
                if let Some(s) = show.filter(|s| !s.is_empty() && !bring(s, true)) {
                    // It may be in the fairness lab, whose module comes when it is wanted.
                    let (lessons, redraw) = (lessons.clone(), redraw.clone());
                    let not_shown = move || {
                        lessons
                            .tour
                            .borrow_mut()
                            .set_note(Say::new("lesson-not-shown"));
                        redraw.emit(());
                    };
                    if lab::state() == LabState::Ready {
                        not_shown();
                    } else {
                        lab::load(move |_| {
                            if !bring(&s, true) {
                                not_shown();
                            }
                        });
                    }
                }
                if let Some(b) = do_ref
                    .cast::<HtmlElement>()
                    .or_else(|| next_ref.cast::<HtmlElement>())
                {
                    let _ = b.focus();
                }
            }
            if *done {
                wasm_bindgen_futures::spawn_local(async move {
                    clock::sleep(DWELL_MS as i32 + 60).await;
                    redraw.emit(());
                });
            }
        });
    }
    let button = |what: u8| {
        let (lessons, redraw) = (p.lessons.clone(), p.redraw.clone());
        Callback::from(move |_: MouseEvent| {
            act(&lessons, what);
            redraw.emit(());
        })
    };
    let on_menu = {
        let (lessons, redraw) = (p.lessons.clone(), p.redraw.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let (name, lessons, redraw) = (s.value(), lessons.clone(), redraw.clone());
                s.set_value("");
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = lessons.open(&name, 0, &|| redraw.emit(())).await;
                });
            }
        })
    };
    let presenting = p.lessons.presenting.get().to_string();
    let on_digits = {
        let (digits, redraw) = (digits.clone(), p.redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let on = !digits.get();
            digits.set(on);
            // Remembered by this browser; a refusal (storage off) keeps it for this page.
            let _ = storage::store(Area::Local, DIGITS_KEY, if on { "on" } else { "off" });
            redraw.emit(());
        })
    };

    let nav = html! {
        <nav class="topnav" aria-label={t.get("sections")}>
            { for SECTIONS.iter().enumerate().map(|(i, (label, selector))| {
                let section = section.clone();
                let on_section = p.on_section.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    *section.borrow_mut() = i;
                    if bring(selector, false) {
                        focus_section(selector);
                    }
                    on_section.emit(i);
                });
                html! { <button class="navlink" {onclick} title={if digits.get() { t.format("section-key", &[("number", (i + 1).into())]) } else { String::new() }}>{t.get(label)}</button> }
            }) }
            <button class="keys-switch" role="switch" aria-checked={digits.get().to_string()} onclick={on_digits}
                    data-testid="section-keys" title={t.get("keys-switch.title")}>
                {t.get("keys-switch")}<span class="state" aria-hidden="true">{t.get(if digits.get() { "keys-on" } else { "keys-off" })}</span>
            </button>
            <label class="sr" for="lesson-menu">{t.get("lessons")}</label>
            <select id="lesson-menu" onchange={on_menu} data-testid="lesson-menu">
                <option value="">{t.get("lessons-menu")}</option>
                if let Some(Ok(items)) = &*menu {
                    { for items.iter().map(|(name, title)| html! { <option value={name.clone()}>{title.clone()}</option> }) }
                }
            </select>
            if let Some(Err(e)) = &*menu { <span class="notice" role="alert" data-testid="lesson-menu-error">{t.say(e)}</span> }
            <button onclick={button(4)} aria-pressed={presenting.clone()} data-testid="present">{t.get("presenter")}</button>
        </nav>
    };
    let panel = match (&*tour, position, tour.step()) {
        (Tour::Loading(..), ..) => html! {
            <aside class="lesson" aria-label={t.get("lesson")} data-testid="lesson"><p role="status">{t.get("lesson-loading")}</p></aside>
        },
        (Tour::Failed(e), ..) => html! {
            <aside class="lesson" aria-label={t.get("lesson")} data-testid="lesson">
                <p class="result err" role="alert" data-testid="lesson-error">{t.say(&e.say())}</p>
                <button onclick={button(2)} data-testid="lesson-close">{t.get("lesson-close")}</button>
            </aside>
        },
        (Tour::Open { note, .. }, Some(pos), Some(step)) => {
            let (status, state) = match progress {
                Some(Progress::Waiting) => (t.get("lesson-waiting"), "waiting"),
                Some(Progress::Done(_)) => (t.get("lesson-done"), "done"),
                Some(Progress::AlreadyDone) => (t.get("lesson-already"), "done"),
                _ => (String::new(), "reading"),
            };
            html! {
                <aside class="lesson" aria-label={t.get("lesson")} data-testid="lesson"
                       data-lesson={pos.lesson.clone()} data-step={pos.step.to_string()} data-progress={state}>
                    <p class="lesson-where">{t.format("lesson-where", &[("title", pos.title.clone().into()), ("step", pos.step.into()), ("steps", pos.steps.into())])}</p>
                    <h2 data-testid="lesson-heading">{step.heading.clone()}</h2>
                    <p class="lesson-text">{step.text.clone()}</p>
                    <div class="lesson-actions">
                        <button onclick={button(0)} disabled={pos.step == 1} data-testid="lesson-back">{t.get("lesson-back")}</button>
                        if !step.actions.is_empty() {
                            <button class="primary" ref={do_ref} onclick={button(3)} data-testid="lesson-do">{if step.button.is_empty() { t.get("lesson-do") } else { t.format("lesson-do-what", &[("button", step.button.clone().into())]) }}</button>
                        }
                        <button ref={next_ref} onclick={button(1)} disabled={pos.step == pos.steps} data-testid="lesson-next">{t.get("lesson-next")}</button>
                        <button onclick={button(4)} aria-pressed={presenting}>{t.get("presenter")}</button>
                        <button onclick={button(2)} data-testid="lesson-close">{t.get("lesson-close-esc")}</button>
                        <span class="lesson-status" role="status" aria-live="polite" data-testid="lesson-status">
                            {status}
                            if let Some(n) = note { <span class="err">{" "}{t.say(n)}</span> }
                        </span>
                    </div>
                </aside>
            }
        }
        _ => Html::default(),
    };
    html! { <>{nav}{panel}</> }
}
