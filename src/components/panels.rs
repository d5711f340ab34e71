//! The Python design's views of one node: /blockchain, /transactionPool and /info, each as a
//! readable table or as the raw JSON that the console API returns.

use super::{clock, short};
use crate::logic::model::Playground;
use crate::logic::words::count;
use serde_json::Value;
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
    /// The view's JSON.
    pub json: Value,
}

fn s(v: &Value, k: &str) -> String {
    match v.get(k) {
        Some(Value::String(x)) => x.clone(),
        Some(Value::Null) | None => String::new(),
        // The JSON text, as serde_json writes it everywhere else (`Value`'s Display would be a
        // second copy of the writer in the wasm).
        Some(x) => serde_json::to_string(x).unwrap_or_default(),
    }
}

fn u(v: &Value, k: &str) -> u64 {
    v.get(k).and_then(Value::as_u64).unwrap_or(0)
}

fn tx_line(t: &Value) -> String {
    match s(t, "type").as_str() {
        "STAKE" => format!("{} stakes {}", s(t, "senderName"), u(t, "amount")),
        "EXCHANGE" => format!(
            "Exchange sells {} → {}",
            u(t, "amount"),
            s(t, "receiverName")
        ),
        _ => format!(
            "{} pays {} → {}",
            s(t, "senderName"),
            u(t, "amount"),
            s(t, "receiverName")
        ),
    }
}

fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    v.get(k)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

fn chain_table(json: &Value) -> Html {
    let blocks = arr(json, "blocks");
    html! {
        <table data-testid="chain-table">
            <thead><tr><th>{"#"}</th><th>{"hash"}</th><th>{"previous"}</th><th>{"forger"}</th><th>{"time"}</th><th>{"transactions"}</th></tr></thead>
            <tbody>
            { for blocks.iter().rev().take(30).map(|b| html! {
                <tr>
                    <td>{u(b, "height")}</td>
                    <td><code>{short(&s(b, "hash"), 10)}</code></td>
                    <td><code>{short(&s(b, "prevHash"), 10)}</code></td>
                    <td>{s(b, "forgerName")}</td>
                    <td>{clock(u(b, "timestamp"))}</td>
                    <td>{ if arr(b, "transactions").is_empty() { html!{ <span class="muted">{"none"}</span> } } else {
                        html! { <ul class="txs">{ for arr(b, "transactions").iter().map(|t| html! { <li>{tx_line(t)}</li> }) }</ul> }
                    } }</td>
                </tr>
            }) }
            </tbody>
        </table>
    }
}

fn pool_table(json: &Value) -> Html {
    let txs = arr(json, "transactions");
    if txs.is_empty() {
        return html! { <p class="muted" data-testid="pool-empty">{"The pool is empty: every transaction this node knows is in a block."}</p> };
    }
    html! {
        <table data-testid="pool-table">
            <thead><tr><th>{"type"}</th><th>{"what"}</th><th>{"nonce"}</th><th>{"id"}</th></tr></thead>
            <tbody>
            { for txs.iter().map(|t| html! {
                <tr><td>{s(t, "type")}</td><td>{tx_line(t)}</td><td>{u(t, "nonce")}</td><td><code>{short(&s(t, "id"), 10)}</code></td></tr>
            }) }
            </tbody>
        </table>
    }
}

fn info_table(json: &Value) -> Html {
    html! {
        <div class="info" data-testid="info">
            <p>{"Address "}<code>{s(json, "address")}</code></p>
            <p>{format!("Height {} · next forger: {} · {}: ", u(json, "height"), s(json, "nextForger"), count(arr(json, "peers").len() as u64, "peer"))}
               { for arr(json, "peers").iter().map(|p| html! { <span class="peer">{s(p, "name")}</span> }) }</p>
            <table>
                <thead><tr><th>{"staker"}</th><th>{"stake (= lots)"}</th><th>{"chance to forge"}</th></tr></thead>
                <tbody>
                { for arr(json, "stakers").iter().map(|st| html! {
                    <tr><td>{s(st, "name")}</td><td>{u(st, "stake")}</td><td>{format!("{} %", s(st, "sharePercent"))}</td></tr>
                }) }
                </tbody>
            </table>
        </div>
    }
}

/// The views.
#[function_component(Panels)]
pub fn panels(p: &PanelsProps) -> Html {
    let tab = |v: View, label: &'static str, path: &'static str| {
        let on_view = p.on_view.clone();
        html! {
            <button role="tab" aria-selected={(p.view == v).to_string()} class={classes!("tab", (p.view == v).then_some("on"))}
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
    let body = if p.raw {
        html! { <pre class="raw" data-testid="raw">{serde_json::to_string_pretty(&p.json).unwrap_or_default()}</pre> }
    } else {
        match p.view {
            View::Chain => chain_table(&p.json),
            View::Pool => pool_table(&p.json),
            View::Info => info_table(&p.json),
        }
    };
    html! {
        <section class="panels" aria-label="Node views">
            <div class="panel-bar">
                <div class="node-pick" role="tablist" aria-label="Node">
                    { for p.names.iter().map(|(i, n)| {
                        let on_select = p.on_select.clone();
                        let i = *i;
                        html! {
                            <button class={classes!("pick", (i == p.selected).then_some("on"))} aria-pressed={(i == p.selected).to_string()}
                                    style={format!("--node:{}", Playground::colour(i))}
                                    onclick={Callback::from(move |_| on_select.emit(i))}>{n.clone()}</button>
                        }
                    }) }
                </div>
                <div class="view-pick" role="tablist" aria-label="View">
                    { tab(View::Chain, "Blockchain", "/blockchain") }
                    { tab(View::Pool, "Pool", "/transactionPool") }
                    { tab(View::Info, "Info", "/info") }
                </div>
                <label class="raw-toggle"><input type="checkbox" checked={p.raw} onchange={on_raw} data-testid="raw-toggle" />{" raw JSON"}</label>
            </div>
            <div class="panel-body">{body}</div>
        </section>
    }
}
