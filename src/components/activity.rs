//! What just happened, in plain words, newest first.

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
    html! {
        <section class="activity" aria-label="Activity">
            <h2>{"What happened"}</h2>
            <ol aria-live="polite" data-testid="activity">
                { for props.items.iter().map(|a| html! {
                    <li class={classes!("act", a.kind)}>
                        <time>{clock(a.time)}</time>{" "}{a.text.clone()}
                    </li>
                }) }
            </ol>
        </section>
    }
}
