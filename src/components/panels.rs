//! The Python design's views of one node: /blockchain, /transactionPool and /info, each as a
//! readable table or as the raw JSON that the console API returns.

use super::{clock, short};
use crate::logic::i18n::{Arg, Texts};
use crate::logic::model::Playground;
use crate::logic::views::{ChainView, InfoView, NodeView, PoolView, TxView};
use pos_core::TxKind;
use wasm_bindgen::JsCast as _;
use yew::prelude::*;

/// Which view.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    /// /blockchain
    Chain,
    /// /transactionPool
    Pool,
    /// /info
    Info,
}

/// Props of [`Panels`].
#[derive(Properties, PartialEq)]
pub struct PanelsProps {
    /// Every node (index, name).
    pub names: Vec<(usize, String)>,
    /// The node shown.
    pub selected: usize,
    /// Choose a node.
    pub on_select: Callback<usize>,
    /// The view shown.
    pub view: View,
    /// Choose a view.
    pub on_view: Callback<View>,
    /// Raw JSON instead of tables.
    pub raw: bool,
    /// Toggle raw JSON.
    pub on_raw: Callback<bool>,
    /// The view's data (none for a node that is gone).
    pub data: Option<NodeView>,
}

fn tx_line(words: &Texts, t: &TxView) -> String {
    let key = match t.kind {
        TxKind::Stake => "tx-stake",
        TxKind::Exchange => "tx-exchange",
        TxKind::Transfer => "tx-transfer",
    };
    words.format(
        key,
        &[
            ("from", t.sender_words.clone().into()),
            ("amount", t.amount.into()),
            ("to", t.receiver_words.clone().into()),
        ],
    )
}

fn chain_table(t: &Texts, chain: &ChainView) -> Html {
    html! {
        <table data-testid="chain-table" tabindex="0" aria-label={t.get("chain-table")}>
            <thead><tr><th>{t.get("chain-height")}</th><th>{t.get("chain-hash")}</th><th>{t.get("chain-previous")}</th><th>{t.get("chain-forger")}</th><th>{t.get("chain-time")}</th><th>{t.get("chain-transactions")}</th></tr></thead>
            <tbody>
            { for chain.blocks.iter().rev().take(30).map(|b| html! {
                <tr>
                    <td>{b.height}</td>
                    <td><code>{short(&b.hash.to_hex(), 10)}</code></td>
                    <td><code>{short(&b.prev_hash.to_hex(), 10)}</code></td>
                    <td>{t.say(&b.forger_words)}</td>
                    <td>{clock(b.timestamp)}</td>
                    <td>{ if b.transactions.is_empty() { html!{ <span class="muted">{t.get("chain-none")}</span> } } else {
                        html! { <ul class="txs">{ for b.transactions.iter().map(|x| html! { <li>{tx_line(t, x)}</li> }) }</ul> }
                    } }</td>
                </tr>
            }) }
            </tbody>
        </table>
    }
}

fn pool_table(t: &Texts, pool: &PoolView) -> Html {
    if pool.transactions.is_empty() {
        return html! { <p class="muted" data-testid="pool-empty">{t.get("pool-empty")}</p> };
    }
    html! {
        <table data-testid="pool-table" tabindex="0" aria-label={t.get("pool-table")}>
            <thead><tr><th>{t.get("pool-type")}</th><th>{t.get("pool-what")}</th><th>{t.get("pool-nonce")}</th><th>{t.get("pool-id")}</th></tr></thead>
            <tbody>
            { for pool.transactions.iter().map(|x| html! {
                <tr><td>{x.kind.to_string()}</td><td>{tx_line(t, x)}</td><td>{x.nonce}</td><td><code>{short(&x.id.to_hex(), 10)}</code></td></tr>
            }) }
            </tbody>
        </table>
    }
}

fn info_table(t: &Texts, info: &InfoView) -> Html {
    html! {
        <div class="info" data-testid="info">
            <p>{t.get("info-address")}<code>{info.address.to_hex()}</code></p>
            <p>{t.format("info-line", &[("height", info.height.to_string().into()), ("forger", info.next_forger_words.clone().map_or_else(|| Arg::from(""), Arg::from)), ("count", info.peers.len().into())])}
               { for info.peers.iter().map(|p| html! { <span class="peer">{t.say(&p.words)}</span> }) }</p>
            <table tabindex="0" aria-label={t.get("info-stakers")}>
                <thead><tr><th>{t.get("info-staker")}</th><th>{t.get("info-stake")}</th><th>{t.get("info-chance")}</th></tr></thead>
                <tbody>
                { for info.stakers.iter().map(|st| html! {
                    <tr><td>{t.say(&st.words)}</td><td>{st.stake}</td><td>{t.format("percent", &[("value", Arg::Decimal(st.share_percent.clone()))])}</td></tr>
                }) }
                </tbody>
            </table>
        </div>
    }
}

/// The arrow keys (and Home, End) in a group of buttons of which one is chosen (the node
/// picker's radios, the views' tabs): the neighbour takes the focus and is chosen, as a
/// click would; one Tab leaves the group (only the chosen button is in the Tab order).
fn arrows(e: KeyboardEvent) {
    let Some(button) = e.target_dyn_into::<web_sys::Element>() else {
        return;
    };
    let Some(group) = button.parent_element() else {
        return;
    };
    let to = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => button
            .next_element_sibling()
            .or_else(|| group.first_element_child()),
        "ArrowLeft" | "ArrowUp" => button
            .previous_element_sibling()
            .or_else(|| group.last_element_child()),
        "Home" => group.first_element_child(),
        "End" => group.last_element_child(),
        _ => return,
    };
    e.prevent_default();
    if let Some(next) = to.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = next.focus();
        next.click();
    }
}

/// The views.
#[function_component(Panels)]
pub fn panels(p: &PanelsProps) -> Html {
    let t = super::language::use_texts();
    let tab = |v: View, label: String, path: &'static str| {
        let on_view = p.on_view.clone();
        html! {
            <button role="tab" aria-selected={(p.view == v).to_string()} class={classes!("tab", (p.view == v).then_some("on"))}
                    tabindex={if p.view == v { "0" } else { "-1" }}
                    onclick={Callback::from(move |_| on_view.emit(v))}>
                {label}<small>{format!(" {path}")}</small>
            </button>
        }
    };
    let on_raw = {
        let cb = p.on_raw.clone();
        let raw = p.raw;
        Callback::from(move |_| cb.emit(!raw))
    };
    let body = match &p.data {
        Some(data) if p.raw => {
            html! { <pre class="raw" data-testid="raw">{crate::edge::js_api::pretty_json(data)}</pre> }
        }
        Some(NodeView::Chain(c)) => chain_table(&t, c),
        Some(NodeView::Pool(pool)) => pool_table(&t, pool),
        Some(NodeView::Info(info)) => info_table(&t, info),
        None => html! { <pre class="raw" data-testid="raw">{"null"}</pre> },
    };
    html! {
        <section class="panels" aria-label={t.get("panels")}>
            <div class="panel-bar">
                <div class="node-pick" role="radiogroup" aria-label={t.get("panels-node")} onkeydown={Callback::from(arrows)}>
                    { for p.names.iter().map(|(i, _)| {
                        let on_select = p.on_select.clone();
                        let i = *i;
                        html! {
                            <button role="radio" class={classes!("pick", (i == p.selected).then_some("on"))} aria-checked={(i == p.selected).to_string()}
                                    tabindex={if i == p.selected { "0" } else { "-1" }}
                                    style={format!("--node:{}", Playground::colour(i))}
                                    onclick={Callback::from(move |_| on_select.emit(i))}>{t.say(&Playground::node_words(i))}</button>
                        }
                    }) }
                </div>
                <div class="view-pick" role="tablist" aria-label={t.get("panels-view")} onkeydown={Callback::from(arrows)}>
                    { tab(View::Chain, t.get("panels-chain"), "/blockchain") }
                    { tab(View::Pool, t.get("panels-pool"), "/transactionPool") }
                    { tab(View::Info, t.get("panels-info"), "/info") }
                </div>
                <label class="raw-toggle"><input type="checkbox" checked={p.raw} onchange={on_raw} data-testid="raw-toggle" />{t.get("panels-raw")}</label>
            </div>
            // It scrolls, so it takes the focus (the arrows scroll it).
            <div class="panel-body" tabindex="0" role="region" aria-label={t.get("panels-body")}>{body}</div>
        </section>
    }
}
