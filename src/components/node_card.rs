//! One node's card: its numbers, and forms to buy, transfer, stake and forge.

use super::short;
use crate::logic::model::{ActionResult, NodeSummary, Playground, Request, Target};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`NodeCard`].
#[derive(Properties, PartialEq)]
pub struct NodeCardProps {
    /// The node's numbers.
    pub summary: NodeSummary,
    /// Every node (index, name), for the transfer's receiver.
    pub names: Vec<(usize, String)>,
    /// The last action's outcome.
    pub result: Option<ActionResult>,
    /// A form was sent.
    pub on_request: Callback<(usize, Request)>,
    /// "Forge now" was pressed.
    pub on_forge: Callback<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Exchange,
    Transfer,
    Stake,
}

/// A node card.
#[function_component(NodeCard)]
pub fn node_card(props: &NodeCardProps) -> Html {
    let t = super::language::use_texts();
    let s = &props.summary;
    let kind = use_state(|| Kind::Exchange);
    let amount = use_state(|| "25".to_string());
    let default_to = props
        .names
        .iter()
        .map(|(i, _)| *i)
        .find(|i| *i != s.index)
        .unwrap_or(0);
    let to = use_state(|| default_to);
    let local_error = use_state(|| None::<String>);

    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            kind.set(match v.as_str() {
                "transfer" => Kind::Transfer,
                "stake" => Kind::Stake,
                _ => Kind::Exchange,
            });
        })
    };
    let on_amount = {
        let amount = amount.clone();
        Callback::from(move |e: InputEvent| {
            amount.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_to = {
        let to = to.clone();
        Callback::from(move |e: Event| {
            if let Ok(i) = e
                .target_unchecked_into::<HtmlSelectElement>()
                .value()
                .parse()
            {
                to.set(i);
            }
        })
    };
    let on_submit = {
        let (kind, amount, to, local_error) = (
            kind.clone(),
            amount.clone(),
            to.clone(),
            local_error.clone(),
        );
        let on_request = props.on_request.clone();
        let index = s.index;
        let t = t.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Ok(n) = amount.trim().parse::<u64>() else {
                local_error.set(Some(
                    t.format("card-not-a-number", &[("amount", amount.trim().into())]),
                ));
                return;
            };
            local_error.set(None);
            let request = match *kind {
                Kind::Exchange => Request::Exchange(n),
                Kind::Transfer => Request::Transfer(Target::Node(*to), n),
                Kind::Stake => Request::Stake(n),
            };
            on_request.emit((index, request));
        })
    };
    let on_forge = {
        let cb = props.on_forge.clone();
        let index = s.index;
        let local_error = local_error.clone();
        Callback::from(move |_| {
            local_error.set(None);
            cb.emit(index)
        })
    };

    let id = |part: &str| format!("n{}-{part}", s.index);
    let result: Option<(bool, String)> = match (&*local_error, &props.result) {
        (Some(e), _) => Some((false, e.clone())),
        (None, r) => r.as_ref().map(|r: &ActionResult| (r.ok, t.say(&r.text))),
    };
    let name = t.say(&Playground::node_words(s.index));
    html! {
        <article class={classes!("card", s.forges_next.then_some("next"), s.crashed.then_some("down"))}
                 style={format!("--node:{}", s.colour)}
                 data-testid={format!("node-{}", s.index)}
                 aria-label={name.clone()}>
            <header>
                <span class="badge" style={format!("background:{}", s.colour)}>{s.index + 1}</span>
                <h3>{name.clone()}</h3>
                <code class="addr" title={s.address.clone()}>{short(&s.address, 8)}</code>
                if s.host { <span class="tag" title={t.get("card-host.title")}>{t.get("card-host")}</span> }
                if s.forges_next { <span class="tag win" data-testid="forges-next">{t.get("card-forges-next")}</span> }
                if s.crashed { <span class="tag bad" data-testid="crashed">{t.get("card-crashed")}</span> }
                if s.behaviour != "honest" { <span class="tag bad" title={s.behaviour.clone()}>{t.get("card-adversary")}</span> }
            </header>
            <dl class="numbers">
                <div><dt>{t.get("card-balance")}</dt><dd data-testid="balance">{s.balance}</dd></div>
                <div><dt>{t.get("card-stake")}</dt><dd data-testid="stake">{s.stake}</dd></div>
                <div><dt>{t.get("card-pool")}</dt><dd data-testid="pool">{s.pool}</dd></div>
                <div><dt>{t.get("card-height")}</dt><dd data-testid="height">{s.height}</dd></div>
                <div class="tip"><dt>{t.get("card-tip")}</dt><dd><code data-testid="tip" data-hash={s.tip.clone()}>{short(&s.tip, 8)}</code></dd></div>
            </dl>
            <form class="act-form" onsubmit={on_submit} aria-label={t.format("card-actions", &[("node", name.clone().into())])}>
                <label class="sr" for={id("kind")}>{t.get("card-action")}</label>
                <select id={id("kind")} onchange={on_kind} data-testid="kind">
                    <option value="exchange" selected={*kind == Kind::Exchange}>{t.get("card-buy")}</option>
                    <option value="transfer" selected={*kind == Kind::Transfer}>{t.get("card-transfer")}</option>
                    <option value="stake" selected={*kind == Kind::Stake}>{t.get("card-stake-verb")}</option>
                </select>
                <label class="sr" for={id("amount")}>{t.get("card-amount")}</label>
                <input id={id("amount")} class="amount" inputmode="numeric" value={(*amount).clone()} oninput={on_amount} data-testid="amount" />
                if *kind == Kind::Transfer {
                    <label class="sr" for={id("to")}>{t.get("card-to")}</label>
                    <select id={id("to")} onchange={on_to} data-testid="to">
                        { for props.names.iter().filter(|(i, _)| *i != s.index).map(|(i, _)| html! {
                            <option value={i.to_string()} selected={*i == *to}>{t.format("card-to-node", &[("node", Playground::node_words(*i).into())])}</option>
                        }) }
                    </select>
                }
                <button type="submit" data-testid="send">{t.get("card-send")}</button>
                <button type="button" class="ghost" onclick={on_forge} data-testid="forge"
                        title={t.get("card-forge.title")}>{t.get("card-forge")}</button>
            </form>
            <p class={classes!("result", result.as_ref().map(|(ok, _)| if *ok { "ok" } else { "err" }))}
               role="status" aria-live="polite" data-testid="result">
                { result.map(|(_, text)| text).unwrap_or_default() }
            </p>
        </article>
    }
}
