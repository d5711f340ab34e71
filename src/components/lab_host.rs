//! Where the fairness lab goes on the page. The lab is a module of its own (`edge::lab`),
//! fetched when its whole place is on the screen (or a lesson shows something in it); until
//! then the place shows the lab's title and that it is coming.

use super::language::use_texts;
use crate::edge::lab::{self, LabProps, LabState};
use crate::logic::fairness::LabStaker;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use yew::prelude::*;

/// How long the whole place stays on the screen before the lab is fetched (ms).
const DWELL_MS: i32 = 300;

/// Whether all of `e` is on the screen.
fn on_screen(e: &web_sys::Element) -> bool {
    let r = e.get_bounding_client_rect();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    r.top() >= -1.0 && r.bottom() <= height + 1.0
}

/// The lab's place: what the lab is told.
#[derive(Properties, PartialEq)]
pub struct LabHostProps {
    /// The selected node's stake table at its tip.
    pub network: Vec<LabStaker>,
    /// The selected node's tip hash (hex): the first round's seed.
    pub seed: String,
}

/// The lab's place.
#[function_component(LabHost)]
pub fn lab_host(p: &LabHostProps) -> Html {
    let t = use_texts();
    let props = LabProps {
        network: p.network.clone(),
        seed: p.seed.clone(),
        lang: t.language().code.clone(),
    };
    let slot = use_node_ref();
    let state = use_state(lab::state);
    {
        // The lab's own element (its app's root, which this component never draws into),
        // and a watch on the place: the lab is fetched when all of the place is on the screen.
        let (slot, state, first) = (slot.clone(), state.clone(), props.clone());
        use_effect_with((), move |_| {
            let mut watch = None;
            if let Some(place) = slot.cast::<web_sys::Element>() {
                let root = place
                    .owner_document()
                    .and_then(|d| d.create_element("div").ok());
                if let Some(root) = root {
                    let _ = place.append_child(&root);
                    let state = state.clone();
                    let (place, lab_root) = (place.clone(), root.clone());
                    lab::attach(root, first, move |s| {
                        // A keyboard user in the placeholder (the section's button took the
                        // focus to its title) goes on in the lab's title.
                        let focused = place
                            .owner_document()
                            .and_then(|d| d.active_element())
                            .is_some_and(|a| {
                                place.contains(Some(&a)) && !lab_root.contains(Some(&a))
                            });
                        if s == LabState::Ready {
                            // A lesson's highlighted part below the place was pushed down by
                            // the lab: it comes back into view.
                            let place = place.clone();
                            wasm_bindgen_futures::spawn_local(async move {
                                crate::edge::clock::sleep(50).await;
                                let target = place
                                    .owner_document()
                                    .and_then(|d| d.query_selector("[data-lesson-target]").ok())
                                    .flatten();
                                if let Some(t) = target.filter(|t| {
                                    place.compare_document_position(t)
                                        & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
                                        != 0
                                }) {
                                    t.scroll_into_view_with_bool(true);
                                }
                            });
                        }
                        if focused && s == LabState::Ready {
                            let lab_root = lab_root.clone();
                            wasm_bindgen_futures::spawn_local(async move {
                                for _ in 0..20 {
                                    crate::edge::clock::sleep(25).await;
                                    if let Some(h) = lab_root
                                        .query_selector("h2")
                                        .ok()
                                        .flatten()
                                        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                                    {
                                        let _ = h.set_attribute("tabindex", "-1");
                                        let _ = h.focus();
                                        return;
                                    }
                                }
                            });
                        }
                        state.set(s);
                    });
                }
                // The whole place on the screen for a moment: not the place passing by in a
                // smooth scroll to a section below, nor its last line above a section shown
                // (the lab, much taller than its place, then grows below what was read).
                let watched = place.clone();
                let seen =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let whole = entries.iter().any(|e| {
                            e.dyn_into::<web_sys::IntersectionObserverEntry>()
                                .is_ok_and(|e| e.intersection_ratio() > 0.99)
                        });
                        if whole && lab::state() == LabState::Idle {
                            let place = watched.clone();
                            wasm_bindgen_futures::spawn_local(async move {
                                crate::edge::clock::sleep(DWELL_MS).await;
                                if on_screen(&place) && lab::state() == LabState::Idle {
                                    lab::load(|_| {});
                                }
                            });
                        }
                    });
                let options = web_sys::IntersectionObserverInit::new();
                options.set_threshold(&1.0.into());
                if let Ok(o) = web_sys::IntersectionObserver::new_with_options(
                    seen.as_ref().unchecked_ref(),
                    &options,
                ) {
                    o.observe(&place);
                    watch = Some((o, seen));
                }
            }
            move || {
                if let Some((o, _)) = watch {
                    o.disconnect();
                }
            }
        });
    }
    use_effect_with(props, |p| lab::set(p.clone()));
    html! {
        <div class="lab-host" data-testid="fairness" ref={slot}>
            if *state != LabState::Ready {
                <section class="fairness" aria-label={t.get("fairness")} aria-busy={(!matches!(*state, LabState::Failed(_))).to_string()}>
                    <h2>{t.get("fairness")}<small>{t.get("fairness-subtitle")}</small></h2>
                    <p class="lede" data-testid="lab-coming">{ match &*state {
                        LabState::Failed(why) => t.format("lab-not-loaded", &[("why", why.clone().into())]),
                        _ => t.get("lab-loading"),
                    } }</p>
                </section>
            }
        </div>
    }
}
