//! The page's polite live region: what a screen reader hears when a block is forged, the
//! next draw is won or something is refused. Once a second it hands the feed's new lines to
//! the [`Announcer`] (plain logic, which also decides when to speak and in which words) and
//! shows what it says in a visually hidden `role="status"` element.

use crate::edge::clock::{now_ms, Interval};
use crate::logic::announce::Announcer;
use crate::logic::model::Playground;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How often the region looks at the feed, in ms.
const LISTEN_MS: i32 = 1_000;

/// Props of [`LiveRegion`].
#[derive(Properties)]
pub struct LiveProps {
    /// The playground, whose feed the region reads.
    pub model: Rc<RefCell<Playground>>,
}

impl PartialEq for LiveProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model)
    }
}

/// The live region.
#[function_component(LiveRegion)]
pub fn live_region(p: &LiveProps) -> Html {
    let said = use_state(String::new);
    // The words of the language the page shows now (the timer outlives a switch).
    let now_texts = super::language::use_texts();
    let texts = use_mut_ref(|| now_texts.clone());
    *texts.borrow_mut() = now_texts;
    {
        let (model, said, texts) = (p.model.clone(), said.clone(), texts.clone());
        use_effect_with((), move |_| {
            let mut announcer = Announcer::new();
            let timer = Interval::new(LISTEN_MS, move || {
                // The model in use (a step of the network): next second.
                let Ok(m) = model.try_borrow() else { return };
                let next = m.node(0).and_then(|n| {
                    let chain = n.chain();
                    chain.next_forger().map(|a| (m.who(&a), chain.height() + 1))
                });
                announcer.hear(m.logged(), m.activity(), next);
                drop(m);
                if let Some(parts) = announcer.speak(now_ms()) {
                    let t = texts.borrow().clone();
                    let words: Vec<String> = parts.iter().map(|s| t.say(s)).collect();
                    said.set(words.join(" "));
                }
            });
            move || drop(timer)
        });
    }
    html! {
        <div class="sr" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">{(*said).clone()}</div>
    }
}
