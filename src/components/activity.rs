//! What just happened, in plain words, newest first. The list scrolls, so it takes the focus
//! (the arrows scroll it); it does not speak by itself: the page's live region
//! (`components/live.rs`) sums up what a screen reader should hear.

use super::clock;
use crate::logic::model::Activity;
use yew::prelude::*;

/// Props of [`ActivityFeed`].
#[derive(Properties, PartialEq)]
pub struct ActivityProps {
    /// Newest first.
    pub items: Vec<Activity>,
}

/// The activity feed.
#[function_component(ActivityFeed)]
pub fn activity_feed(props: &ActivityProps) -> Html {
    let t = super::language::use_texts();
    html! {
        <section class="activity" aria-label={t.get("activity.aria-label")}>
            <h2 id="activity-title">{t.get("activity")}</h2>
            <ol tabindex="0" aria-labelledby="activity-title" data-testid="activity">
                { for props.items.iter().map(|a| html! {
                    <li class={classes!("act", a.kind)}>
                        <time>{clock(a.time)}</time>{" "}{t.say(&a.text)}
                    </li>
                }) }
            </ol>
        </section>
    }
}
