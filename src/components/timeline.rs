//! The shared timeline: the newest blocks and which nodes already hold each.

use super::short;
use crate::logic::model::{Playground, TimelineRow};
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Newest first.
    pub rows: Vec<TimelineRow>,
    /// Each node's colour.
    pub colours: Vec<String>,
}

/// The timeline.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let t = super::language::use_texts();
    html! {
        <section class="timeline" aria-label={t.get("timeline")}>
            <h2>{t.get("timeline")}<small>{t.get("timeline-subtitle")}</small></h2>
            <ol data-testid="timeline">
                { for props.rows.iter().map(|r| {
                    let held = r.held_by.iter().filter(|h| **h).count();
                    html! {
                        <li class="block-row" data-height={r.height.to_string()}>
                            <span class="height">{format!("#{}", r.height)}</span>
                            <span class="chip" style={format!("background:{}", r.colour)}></span>
                            <span class="forger">{t.say(&r.forger)}</span>
                            <span class="txs">{t.format("timeline-txs", &[("count", r.transactions.into())])}</span>
                            <code class="hash">{short(&r.hash.to_hex(), 8)}</code>
                            <span class="held" aria-label={t.format("timeline-held", &[("held", held.into()), ("nodes", r.held_by.len().into())])}>
                                { for r.held_by.iter().enumerate().map(|(i, h)| {
                                    let c = props.colours.get(i).cloned().unwrap_or_default();
                                    let style = if *h { format!("background:{c};border-color:{c}") } else { format!("border-color:{c}") };
                                    html! { <span class={classes!("dot", (!*h).then_some("empty"))} style={style} title={t.format(if *h { "timeline-holds" } else { "timeline-not-yet" }, &[("node", Playground::node_words(i).into())])}></span> }
                                }) }
                            </span>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
