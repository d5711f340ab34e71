//! The Python design's views of one node: /blockchain, /transactionPool and /info, each as a
//! readable table or as the raw JSON that the console API returns.

use super::{clock, short};
use crate::logic::model::Playground;
use crate::logic::views::{ChainView, InfoView, NodeView, PoolView, TxView};
use crate::logic::words::count;
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

fn tx_line(t: &TxView) -> String {
    match t.kind {
        TxKind::Stake => format!("{} stakes {}", t.sender_name, t.amount),
        TxKind::Exchange => format!("Exchange sells {} → {}", t.amount, t.receiver_name),
        TxKind::Transfer => format!("{} pays {} → {}", t.sender_name, t.amount, t.receiver_name),
    }
}

fn chain_table(chain: &ChainView) -> Html {
    html! {
        <table data-testid="chain-table" tabindex="0" aria-label="Blocks, newest first">
            <thead><tr><th>{"#"}</th><th>{"hash"}</th><th>{"previous"}</th><th>{"forger"}</th><th>{"time"}</th><th>{"transactions"}</th></tr></thead>
            <tbody>
            { for chain.blocks.iter().rev().take(30).map(|b| html! {
                <tr>
                    <td>{b.height}</td>
                    <td><code>{short(&b.hash.to_hex(), 10)}</code></td>
                    <td><code>{short(&b.prev_hash.to_hex(), 10)}</code></td>
                    <td>{b.forger_name.clone()}</td>
                    <td>{clock(b.timestamp)}</td>
                    <td>{ if b.transactions.is_empty() { html!{ <span class="muted">{"none"}</span> } } else {
                        html! { <ul class="txs">{ for b.transactions.iter().map(|t| html! { <li>{tx_line(t)}</li> }) }</ul> }
                    } }</td>
                </tr>
            }) }
            </tbody>
        </table>
    }
}

fn pool_table(pool: &PoolView) -> Html {
    if pool.transactions.is_empty() {
        return html! { <p class="muted" data-testid="pool-empty">{"The pool is empty: every transaction this node knows is in a block."}</p> };
    }
    html! {
        <table data-testid="pool-table" tabindex="0" aria-label="Transactions in the pool">
            <thead><tr><th>{"type"}</th><th>{"what"}</th><th>{"nonce"}</th><th>{"id"}</th></tr></thead>
            <tbody>
            { for pool.transactions.iter().map(|t| html! {
                <tr><td>{t.kind.to_string()}</td><td>{tx_line(t)}</td><td>{t.nonce}</td><td><code>{short(&t.id.to_hex(), 10)}</code></td></tr>
            }) }
            </tbody>
        </table>
    }
}

fn info_table(info: &InfoView) -> Html {
    html! {
        <div class="info" data-testid="info">
            <p>{"Address "}<code>{info.address.to_hex()}</code></p>
            <p>{format!("Height {} · next forger: {} · {}: ", info.height, info.next_forger.as_deref().unwrap_or_default(), count(info.peers.len() as u64, "peer"))}
               { for info.peers.iter().map(|p| html! { <span class="peer">{p.name.clone()}</span> }) }</p>
            <table tabindex="0" aria-label="Stakers">
                <thead><tr><th>{"staker"}</th><th>{"stake (= lots)"}</th><th>{"chance to forge"}</th></tr></thead>
                <tbody>
                { for info.stakers.iter().map(|st| html! {
                    <tr><td>{st.name.clone()}</td><td>{st.stake}</td><td>{format!("{} %", st.share_percent)}</td></tr>
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
    let tab = |v: View, label: &'static str, path: &'static str| {
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
        Some(NodeView::Chain(c)) => chain_table(c),
        Some(NodeView::Pool(pool)) => pool_table(pool),
        Some(NodeView::Info(info)) => info_table(info),
        None => html! { <pre class="raw" data-testid="raw">{"null"}</pre> },
    };
    html! {
        <section class="panels" aria-label="Node views">
            <div class="panel-bar">
                <div class="node-pick" role="radiogroup" aria-label="Node" onkeydown={Callback::from(arrows)}>
                    { for p.names.iter().map(|(i, n)| {
                        let on_select = p.on_select.clone();
                        let i = *i;
                        html! {
                            <button role="radio" class={classes!("pick", (i == p.selected).then_some("on"))} aria-checked={(i == p.selected).to_string()}
                                    tabindex={if i == p.selected { "0" } else { "-1" }}
                                    style={format!("--node:{}", Playground::colour(i))}
                                    onclick={Callback::from(move |_| on_select.emit(i))}>{n.clone()}</button>
                        }
                    }) }
                </div>
                <div class="view-pick" role="tablist" aria-label="View" onkeydown={Callback::from(arrows)}>
                    { tab(View::Chain, "Blockchain", "/blockchain") }
                    { tab(View::Pool, "Pool", "/transactionPool") }
                    { tab(View::Info, "Info", "/info") }
                </div>
                <label class="raw-toggle"><input type="checkbox" checked={p.raw} onchange={on_raw} data-testid="raw-toggle" />{" raw JSON"}</label>
            </div>
            // It scrolls, so it takes the focus (the arrows scroll it).
            <div class="panel-body" tabindex="0" role="region" aria-label="Node view">{body}</div>
        </section>
    }
}
