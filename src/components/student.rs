//! The student view: what a student's page (a phone, a tablet, a laptop) shows first. The
//! student's own node (its card: balance, stake, buy / transfer / stake, its last refusal),
//! then the draw for the next block from its point of view, then a link to the whole
//! playground below. The teacher's lesson step is the lesson panel, as on every page.

use crate::logic::views::MyDrawView;
use crate::logic::words::{group, lots};
use yew::prelude::*;

/// Props of [`MyDraw`].
#[derive(Properties, PartialEq)]
pub struct MyDrawProps {
    /// The draw as this page's node sees it (`None`: nobody stakes yet, or it is drawing).
    pub draw: Option<MyDrawView>,
}

/// The draw for the next block, from this node's point of view.
#[function_component(MyDraw)]
pub fn my_draw(p: &MyDrawProps) -> Html {
    let Some(d) = &p.draw else {
        return html! {
            <section class="mydraw card" aria-label="The next draw" data-testid="my-draw">
                <h3>{"The next draw"}</h3>
                <p>{"Nobody stakes yet: the first staker's lots will be the whole draw."}</p>
            </section>
        };
    };
    html! {
        <section class="mydraw card" aria-label="The next draw" data-testid="my-draw" data-won={d.won.to_string()}>
            <h3>{format!("The draw for block #{}", d.height)}</h3>
            <dl>
                <dt>{"Your lots"}</dt>
                <dd data-testid="my-lots">{ if d.lots == 0 {
                    "none: stake tokens to take part".to_string()
                } else {
                    format!("{} of {}", group(d.lots), lots(d.total))
                } }</dd>
                <dt>{"Your chance"}</dt>
                <dd data-testid="my-chance">{d.chance.clone()}</dd>
                <dt>{"The reference"}</dt>
                <dd><code>{d.reference.clone()}</code></dd>
                <dt>{"The winner"}</dt>
                <dd data-testid="my-winner"><b>{d.winner.clone()}</b>{ if d.won { " — you: you forge the next block" } else { "" } }</dd>
            </dl>
            <p><a href="#lottery" class="jump">{"Every lot of this draw ↓"}</a></p>
        </section>
    }
}
