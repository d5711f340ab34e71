//! The student view: what a student's page (a phone, a tablet, a laptop) shows first. The
//! student's own node (its card: balance, stake, buy / transfer / stake, its last refusal),
//! then the draw for the next block from its point of view, then a link to the whole
//! playground below. The teacher's lesson step is the lesson panel, as on every page.

use crate::logic::views::MyDrawView;
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
    let t = super::language::use_texts();
    let Some(d) = &p.draw else {
        return html! {
            <section class="mydraw card" aria-label={t.get("my-draw-next")} data-testid="my-draw">
                <h3>{t.get("my-draw-next")}</h3>
                <p>{t.get("my-draw-nobody")}</p>
            </section>
        };
    };
    html! {
        <section class="mydraw card" aria-label={t.get("my-draw-next")} data-testid="my-draw" data-won={d.won.to_string()}>
            <h3>{t.format("my-draw-title", &[("height", d.height.into())])}</h3>
            <dl>
                <dt>{t.get("my-draw-lots")}</dt>
                <dd data-testid="my-lots">{ if d.lots == 0 {
                    t.get("my-draw-no-lots")
                } else {
                    t.format("my-draw-lots-of", &[("lots", d.lots.into()), ("total", d.total.into())])
                } }</dd>
                <dt>{t.get("my-draw-chance")}</dt>
                <dd data-testid="my-chance">{d.chance.clone()}</dd>
                <dt>{t.get("my-draw-reference")}</dt>
                <dd><code>{d.reference.clone()}</code></dd>
                <dt>{t.get("my-draw-winner")}</dt>
                <dd data-testid="my-winner"><b>{d.winner.clone()}</b>{ if d.won { t.get("my-draw-you-won") } else { String::new() } }</dd>
            </dl>
            <p><a href="#lottery" class="jump">{t.get("my-draw-every-lot")}</a></p>
        </section>
    }
}
