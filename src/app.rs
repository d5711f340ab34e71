//! The page: header and network controls, node cards, the shared timeline, the activity feed
//! and the Python views of one node.

use crate::channel::{self, Channel};
use crate::components::activity::ActivityFeed;
use crate::components::lottery::LotterySection;
use crate::components::network::NetworkBar;
use crate::components::node_card::NodeCard;
use crate::components::panels::{Panels, View};
use crate::components::timeline::Timeline;
use crate::driver::{self, now_ms};
use crate::js_api;
use crate::model::{Playground, Request, IN_TAB_LATENCY_MS, MAX_NODES};
use pos_core::Wallet;
use std::rc::Rc;
use yew::prelude::*;

/// Nodes a fresh page starts with (the host included).
pub const START_NODES: usize = 4;

fn fresh_playground(network: Option<String>) -> Playground {
    let mut seed = [0u8; 8];
    // Without browser randomness the clock still gives each page load its own network.
    let seed = match getrandom::getrandom(&mut seed) {
        Ok(()) => u64::from_le_bytes(seed),
        Err(_) => now_ms(),
    };
    if let Some(name) = network {
        let tab = format!("{:04x}", seed >> 48);
        if let Ok(wallet) = Wallet::generate() {
            let start_new = channel::start_new_from_url();
            return Playground::networked(&name, tab, seed, now_ms(), wallet, start_new);
        }
    }
    let wallets = (1..START_NODES)
        .filter_map(|_| Wallet::generate().ok())
        .collect();
    Playground::new(seed, now_ms(), wallets)
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let network = use_memo((), |_| channel::network_from_url());
    let model = {
        let network = (*network).clone();
        use_mut_ref(move || fresh_playground(network))
    };
    let redraw = use_force_update();
    let selected = use_state(|| 0usize);
    let view = use_state(|| View::Chain);
    let raw = use_state(|| false);
    let notice = use_state(|| None::<String>);

    {
        let model = model.clone();
        let redraw = redraw.clone();
        let network = network.clone();
        use_effect_with((), move |_| {
            let redraw: Rc<dyn Fn()> = Rc::new(move || redraw.force_update());
            let channel = (*network)
                .as_deref()
                .and_then(|name| Channel::open(name, model.clone(), redraw.clone()));
            let r = redraw.clone();
            let timer = driver::start(model.clone(), channel.clone(), move || r());
            let api = js_api::install(model, redraw);
            move || {
                drop(timer);
                drop(api);
                drop(channel);
            }
        });
    }

    let on_request = {
        let model = model.clone();
        let redraw = redraw.clone();
        Callback::from(move |(i, request): (usize, Request)| {
            let _ = model.borrow_mut().submit(i, request);
            redraw.force_update();
        })
    };
    let on_forge = {
        let model = model.clone();
        let redraw = redraw.clone();
        Callback::from(move |i: usize| {
            let _ = model.borrow_mut().forge(i);
            redraw.force_update();
        })
    };
    let on_add = {
        let model = model.clone();
        let redraw = redraw.clone();
        let notice = notice.clone();
        Callback::from(move |_| {
            let result = Wallet::generate()
                .map_err(|e| format!("no randomness for a new key: {e}"))
                .and_then(|w| model.borrow_mut().add_node(w));
            notice.set(result.err());
            redraw.force_update();
        })
    };
    let on_remove = {
        let model = model.clone();
        let redraw = redraw.clone();
        let notice = notice.clone();
        let selected = selected.clone();
        Callback::from(move |_| {
            let result = model.borrow_mut().remove_node();
            let len = model.borrow().len();
            if *selected >= len {
                selected.set(len.saturating_sub(1));
            }
            notice.set(result.err());
            redraw.force_update();
        })
    };

    let on_join = {
        let model = model.clone();
        let redraw = redraw.clone();
        Callback::from(move |tab: String| {
            let _ = model.borrow_mut().join_conflict(&tab, now_ms());
            redraw.force_update();
        })
    };
    let on_keep = {
        let model = model.clone();
        let redraw = redraw.clone();
        Callback::from(move |tab: String| {
            let _ = model.borrow_mut().keep_mine(&tab);
            redraw.force_update();
        })
    };

    let m = model.borrow();
    let summaries = m.summaries();
    let names: Vec<(usize, String)> = summaries
        .iter()
        .map(|s| (s.index, s.name.clone()))
        .collect();
    let next = m
        .node(0)
        .and_then(|n| n.chain().next_forger())
        .map(|a| (m.name_of(&a), m.colour_of(&a).to_string()));
    let timeline = m.timeline(10);
    let colours: Vec<String> = summaries.iter().map(|s| s.colour.clone()).collect();
    let activity: Vec<_> = m.activity().take(14).cloned().collect();
    let sel = (*selected).min(summaries.len().saturating_sub(1));
    let panel_json = match *view {
        View::Chain => m.chain_json(sel),
        View::Pool => m.pool_json(sel),
        View::Info => m.info_json(sel),
    }
    .unwrap_or(serde_json::Value::Null);
    let height = summaries.iter().map(|s| s.height).max().unwrap_or(0);
    let agreed = summaries.windows(2).all(|w| w[0].tip == w[1].tip);

    html! {
        <div class="page">
            <header class="top">
                <div class="title">
                    <h1>{"pos-playground"}</h1>
                    <p class="lede">{"A Proof-of-Stake chain running in this tab. Every staked token is a lottery ticket: the node whose ticket lands closest to the block's reference forges the next block."}</p>
                </div>
                <div class="netbar" aria-label="Network">
                    <span class="stat"><b>{summaries.len()}</b>{if summaries.len() == 1 { " node here" } else { " nodes here" }}</span>
                    <span class="stat"><b>{height}</b>{" blocks"}</span>
                    <span class={classes!("stat", if agreed { "ok" } else { "busy" })} data-testid="agreement">
                        { if agreed { "all nodes agree" } else { "nodes catching up…" } }
                    </span>
                    <span class="stat">{format!("{IN_TAB_LATENCY_MS} ms links")}</span>
                    <button onclick={on_add} disabled={summaries.len() >= MAX_NODES} data-testid="add-node">{"+ Add node"}</button>
                    <button onclick={on_remove} disabled={summaries.len() <= 1} data-testid="remove-node">{"− Remove node"}</button>
                    if let Some(n) = (*notice).clone() { <span class="notice" role="alert">{n}</span> }
                </div>
            </header>
            <NetworkBar network={m.network_json()} rejected={m.rejected_total()} on_join={on_join} on_keep={on_keep} />
            <main class="layout">
                <section class="cards" aria-label="Nodes">
                    { for summaries.iter().map(|s| html! {
                        <NodeCard
                            key={s.index}
                            summary={s.clone()}
                            names={names.clone()}
                            result={m.result(s.index).cloned()}
                            on_request={on_request.clone()}
                            on_forge={on_forge.clone()}
                        />
                    }) }
                </section>
                <aside class="side">
                    <section class="next" aria-label="Next forger" data-testid="next-forger">
                        <h2>{"Next block"}</h2>
                        { match &next {
                            Some((name, colour)) => html! {
                                <p><span class="chip" style={format!("background:{colour}")}></span>
                                   <b>{name.clone()}</b>{" won the draw for block #"}{height + 1}
                                   {". It forges as soon as its pool holds a transaction."}</p>
                            },
                            None => html! { <p>{"Nobody has stake."}</p> },
                        } }
                    </section>
                    <Timeline rows={timeline} colours={colours.clone()} />
                    <ActivityFeed items={activity} />
                </aside>
            </main>
            <LotterySection
                model={model.clone()}
                node={sel}
                tip={summaries.get(sel).map(|s| s.tip.clone()).unwrap_or_default()}
                nodes={summaries.len()}
            />
            <Panels
                names={names}
                selected={sel}
                on_select={{ let s = selected.clone(); Callback::from(move |i| s.set(i)) }}
                view={*view}
                on_view={{ let v = view.clone(); Callback::from(move |x| v.set(x)) }}
                raw={*raw}
                on_raw={{ let r = raw.clone(); Callback::from(move |x| r.set(x)) }}
                json={panel_json}
            />
            <footer class="foot">
                {"Console: "}<code>{"playground.nodes()"}</code>{", "}<code>{"playground.submit(1, {kind: 'exchange', amount: 50})"}</code>{", "}<code>{"playground.chain(0)"}</code>{" — see the README."}
            </footer>
        </div>
    }
}
