//! The top navigation, the lesson menu, the lesson panel and presenter mode. The step machine
//! is [`Tour`] (plain logic); this draws it, brings each step's part of the page into view,
//! and turns keys (Page Down/Up, arrows in presenter mode, Esc) into steps.

use crate::edge::clock::{self, now_ms};
use crate::edge::lessons::{url_param, Lessons};
use crate::logic::lessons::{step_index, Progress, Tour, DWELL_MS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The sections of the page the navigation reaches (keys 1 to 6), in order.
const SECTIONS: [(&str, &str); 6] = [
    ("Nodes", "main.layout"),
    ("Lottery", "[data-testid=lottery]"),
    ("Fairness", "[data-testid=fairness]"),
    ("Faults", "[data-testid=faults]"),
    ("Block tree", "[data-testid=block-tree]"),
    ("Python views", ".panels"),
];

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
        let _ = el.set_attribute("data-lesson-target", "");
    }
    el.scroll_into_view_with_bool(true);
    true
}

fn set_flag(name: &str, on: bool) {
    if let Some(r) = root() {
        let _ = if on {
            r.set_attribute(name, "")
        } else {
            r.remove_attribute(name)
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
#[derive(Properties, PartialEq)]
pub struct LessonProps {
    /// The tab's lessons (the step machine the console shares).
    pub lessons: Lessons,
    /// The tour as the page last saw it (a copy, so the panel redraws when it changes).
    pub tour: Tour,
    /// Redraws the page.
    pub redraw: Callback<()>,
}

/// The navigation bar with the lesson menu, and the open lesson's panel.
#[function_component(LessonPanel)]
pub fn lesson_panel(p: &LessonProps) -> Html {
    let menu = use_state(|| None::<Result<Vec<(String, String)>, String>>);
    let section = use_mut_ref(|| 0usize);
    let do_ref = use_node_ref();
    let next_ref = use_node_ref();
    let open = {
        let (lessons, redraw) = (p.lessons.clone(), p.redraw.clone());
        Callback::from(move |(name, step): (String, usize)| {
            let (lessons, redraw) = (lessons.clone(), redraw.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let _ = lessons.open(&name, step, &|| redraw.emit(())).await;
            });
        })
    };
    // The menu, and a lesson the address names.
    {
        let (lessons, menu, open) = (p.lessons.clone(), menu.clone(), open.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                menu.set(Some(lessons.index().await));
            });
            if let Some(name) = url_param("lesson") {
                open.emit((name, step_index(url_param("step").as_deref())));
            }
        });
    }
    // Keys: Page Down/Up (and the arrows in presenter mode) step, Esc leaves; 1 to 6 jump to
    // a section. Not while typing in a field.
    {
        let (lessons, redraw, section) = (p.lessons.clone(), p.redraw.clone(), section.clone());
        use_effect_with((), move |_| {
            let lessons2 = lessons.clone();
            let on_key =
                Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                    let typing = e
                        .target()
                        .and_then(|t| t.dyn_into::<Element>().ok())
                        .is_some_and(|t| {
                            matches!(t.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
                        });
                    if typing || e.alt_key() || e.ctrl_key() || e.meta_key() {
                        return;
                    }
                    let presenting = lessons.presenting.get();
                    let key = e.key();
                    let arrows = presenting
                        && matches!(
                            key.as_str(),
                            "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp"
                        );
                    let forward = match key.as_str() {
                        "PageDown" | "ArrowRight" | "ArrowDown" if key == "PageDown" || arrows => {
                            true
                        }
                        "PageUp" | "ArrowLeft" | "ArrowUp" if key == "PageUp" || arrows => false,
                        "Escape" => {
                            if presenting {
                                present(&lessons, false);
                            } else {
                                lessons.tour.borrow_mut().close();
                            }
                            redraw.emit(());
                            return;
                        }
                        k => {
                            let digit = k
                                .parse::<usize>()
                                .ok()
                                .filter(|d| (1..=SECTIONS.len()).contains(d));
                            if let Some(d) = digit {
                                *section.borrow_mut() = d - 1;
                                bring(SECTIONS[d - 1].1, false);
                            }
                            return;
                        }
                    };
                    let open = lessons.tour.borrow().step().is_some();
                    if open {
                        if let Ok(m) = lessons.model.try_borrow() {
                            let mut tour = lessons.tour.borrow_mut();
                            if forward {
                                tour.next(&m);
                            } else {
                                tour.back(&m);
                            }
                        }
                        redraw.emit(());
                    } else if presenting {
                        let mut s = section.borrow_mut();
                        *s = if forward {
                            (*s + 1).min(SECTIONS.len() - 1)
                        } else {
                            s.saturating_sub(1)
                        };
                        bring(SECTIONS[*s].1, false);
                    } else {
                        return;
                    }
                    e.prevent_default();
                });
            let on_fullscreen = Closure::<dyn Fn()>::new(move || {
                if document().is_some_and(|d| d.fullscreen_element().is_none())
                    && lessons2.presenting.get()
                {
                    present(&lessons2, false);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
                let _ = w.add_event_listener_with_callback(
                    "fullscreenchange",
                    on_fullscreen.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "keydown",
                        on_key.as_ref().unchecked_ref(),
                    );
                    let _ = w.remove_event_listener_with_callback(
                        "fullscreenchange",
                        on_fullscreen.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // Each step brings its part of the page into view and takes the focus to its button.
    let position = p.tour.position();
    let step = p.tour.step().cloned();
    let missing = use_state(|| false);
    {
        let (do_ref, next_ref, missing) = (do_ref.clone(), next_ref.clone(), missing.clone());
        let show = step.as_ref().map(|s| s.show.clone());
        set_flag("data-lesson", !matches!(p.tour, Tour::Closed));
        use_effect_with(position.clone(), move |pos| {
            if pos.is_some() {
                let found = show
                    .as_deref()
                    .is_none_or(|s| s.is_empty() || bring(s, true));
                missing.set(!found);
                let button = do_ref
                    .cast::<HtmlElement>()
                    .or_else(|| next_ref.cast::<HtmlElement>());
                if let Some(b) = button {
                    let _ = b.focus();
                }
            }
        });
    }
    // A step whose effect happened gives way to the next after a moment.
    let progress = match &p.tour {
        Tour::Open { progress, .. } => Some(*progress),
        _ => None,
    };
    {
        let redraw = p.redraw.clone();
        use_effect_with(progress, move |progress| {
            if let Some(Progress::Done(_)) = progress {
                wasm_bindgen_futures::spawn_local(async move {
                    clock::sleep(DWELL_MS as i32 + 60).await;
                    redraw.emit(());
                });
            }
        });
    }

    let on_menu = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let name = s.value();
                s.set_value("");
                if !name.is_empty() {
                    open.emit((name, 0));
                }
            }
        })
    };
    let on_present = {
        let (lessons, redraw) = (p.lessons.clone(), p.redraw.clone());
        Callback::from(move |_: MouseEvent| {
            present(&lessons, !lessons.presenting.get());
            redraw.emit(());
        })
    };
    let act = |f: fn(&mut Tour, &mut crate::logic::model::Playground)| {
        let (lessons, redraw) = (p.lessons.clone(), p.redraw.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(mut m) = lessons.model.try_borrow_mut() {
                f(&mut lessons.tour.borrow_mut(), &mut m);
            }
            redraw.emit(());
        })
    };
    let on_do = {
        let (lessons, redraw) = (p.lessons.clone(), p.redraw.clone());
        Callback::from(move |_: MouseEvent| {
            let presses = match lessons.model.try_borrow_mut() {
                Ok(mut m) => lessons.tour.borrow_mut().do_it(&mut m, now_ms()),
                Err(_) => Vec::new(),
            };
            for id in presses {
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
            redraw.emit(());
        })
    };
    let presenting = p.lessons.presenting.get();

    let nav = html! {
        <nav class="topnav" aria-label="Sections">
            { for SECTIONS.iter().enumerate().map(|(i, (label, selector))| {
                let section = section.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    *section.borrow_mut() = i;
                    bring(selector, false);
                });
                html! { <button class="navlink" {onclick} title={format!("key {}", i + 1)} data-testid="nav">{*label}</button> }
            }) }
            <label class="sr" for="lesson-menu">{"Lessons"}</label>
            <select id="lesson-menu" onchange={on_menu} data-testid="lesson-menu">
                <option value="">{"Lessons…"}</option>
                { match &*menu {
                    Some(Ok(items)) => items.iter().map(|(name, title)| html! {
                        <option value={name.clone()}>{title.clone()}</option>
                    }).collect::<Html>(),
                    _ => Html::default(),
                } }
            </select>
            if let Some(Err(e)) = &*menu { <span class="notice" role="alert" data-testid="lesson-menu-error">{e.clone()}</span> }
            <button onclick={on_present.clone()} aria-pressed={presenting.to_string()} data-testid="present">{"Presenter"}</button>
        </nav>
    };
    let panel = match (&p.tour, position, step) {
        (Tour::Closed, ..) => Html::default(),
        (Tour::Loading(..), ..) => html! {
            <aside class="lesson" aria-label="Lesson" data-testid="lesson"><p role="status">{"Loading the lesson…"}</p></aside>
        },
        (Tour::Failed(e), ..) => html! {
            <aside class="lesson" aria-label="Lesson" data-testid="lesson">
                <p class="result err" role="alert" data-testid="lesson-error">{e.to_string()}</p>
                <button onclick={act(|t, _| t.close())} data-testid="lesson-close">{"Close"}</button>
            </aside>
        },
        (Tour::Open { note, .. }, Some(pos), Some(step)) => {
            let last = pos.step == pos.steps;
            let status = match progress {
                Some(Progress::Waiting) => {
                    "Waiting for it to happen: press Do it, or do it by hand."
                }
                Some(Progress::Done(_)) => "✓ Done.",
                Some(Progress::AlreadyDone) => "✓ Already so. Next when you are ready.",
                _ => "",
            };
            html! {
                <aside class="lesson" aria-label="Lesson" data-testid="lesson"
                       data-lesson={pos.lesson.clone()} data-step={pos.step.to_string()}
                       data-progress={match progress { Some(Progress::Done(_)) | Some(Progress::AlreadyDone) => "done", Some(Progress::Waiting) => "waiting", _ => "reading" }}>
                    <p class="lesson-where">{format!("{} · step {} of {}", pos.title, pos.step, pos.steps)}</p>
                    <h2 data-testid="lesson-heading">{step.heading.clone()}</h2>
                    <p class="lesson-text" data-testid="lesson-text">{step.text.clone()}</p>
                    <div class="lesson-actions">
                        <button onclick={act(|t, m| t.back(m))} disabled={pos.step == 1} data-testid="lesson-back">{"◀ Back"}</button>
                        if !step.actions.is_empty() {
                            <button class="primary" ref={do_ref} onclick={on_do} data-testid="lesson-do">
                                {if step.button.is_empty() { "Do it".to_string() } else { format!("Do it: {}", step.button) }}
                            </button>
                        }
                        <button ref={next_ref} onclick={act(|t, m| t.next(m))} disabled={last} data-testid="lesson-next">{"Next ▶"}</button>
                        <button onclick={on_present} aria-pressed={presenting.to_string()}>{if presenting { "Leave presenter (Esc)" } else { "Presenter" }}</button>
                        <button onclick={act(|t, _| t.close())} data-testid="lesson-close">{"Close"}</button>
                        <span class="lesson-status" role="status" aria-live="polite" data-testid="lesson-status">
                            {status}
                            if let Some(n) = note { <span class="err">{" "}{n.clone()}</span> }
                            if *missing { <span class="muted">{" (the part this step shows is not on the page now)"}</span> }
                        </span>
                    </div>
                </aside>
            }
        }
        _ => Html::default(),
    };
    html! { <>{nav}{panel}</> }
}
