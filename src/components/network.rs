//! The network bar: which network this tab is in, its role, the other tabs, conflicts to
//! resolve, and how many messages this tab refused.

use crate::logic::views::NetworkView;
use crate::logic::words::count;
use pos_core::vec_map::VecMap;
use yew::prelude::*;

/// Props of [`NetworkBar`].
#[derive(Properties, PartialEq)]
pub struct NetworkBarProps {
    /// `Playground::network_view()`.
    pub network: NetworkView,
    /// Rejections in this tab by reason.
    pub rejected: VecMap<String, u64>,
    /// Join the network of a conflicting tab.
    pub on_join: Callback<String>,
    /// Keep ours, ignore that tab.
    pub on_keep: Callback<String>,
}

/// Other tabs named one by one in the bar; a class has more, and the roster lists them all.
const SHOWN_TABS: usize = 8;

/// The network bar.
#[function_component(NetworkBar)]
pub fn network_bar(p: &NetworkBarProps) -> Html {
    let role = p.network.role.to_string();
    let name = p.network.name.clone();
    let server = p
        .network
        .class
        .as_ref()
        .and_then(|c| c.as_ref()?.server.clone())
        .unwrap_or_default();
    let tabs = &p.network.tabs;
    let conflicts = &p.network.conflicts;
    let total: u64 = p.rejected.values().sum();
    let reasons = p
        .rejected
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ");
    let role_text = match role.as_str() {
        "solo" => "this tab runs alone".to_string(),
        "discovering" => format!("looking for network \"{name}\"…"),
        "host" => "this tab hosts the network (genesis and exchange)".to_string(),
        _ => "this tab is a member".to_string(),
    };
    html! {
        <section class="network" aria-label="Network of tabs" data-testid="network">
            <span class="netname">{"Network "}<b data-testid="net-name">{name.clone()}</b></span>
            if role != "solo" {
                <span class="stat">{"tab "}<code data-testid="tab-id">{p.network.tab.clone().unwrap_or_default()}</code></span>
            }
            <span class={classes!("stat", "role", role.clone())} data-testid="role" data-role={role.clone()}>{role_text}</span>
            if role == "solo" {
                <span class="hint">{"To join tabs or windows into one network, open "}
                    <a href="?net=class-a">{"?net=class-a"}</a>{" in each of them."}</span>
            } else {
                <span class="tabs" data-testid="other-tabs">
                    { if tabs.is_empty() { html! { <span class="muted">{"no other tabs yet"}</span> } } else { html! {
                        <>
                        { for tabs.iter().take(SHOWN_TABS).map(|t| html! {
                            <span class="tabpeer" data-tab={t.tab.clone()}>
                                {format!("{} · {} · height {}{}",
                                    if t.tab == server { "the class server".to_string() } else { format!("tab {}", t.tab) },
                                    t.role, t.height,
                                    match t.via {
                                        "webrtc" => " · other machine",
                                        "relay" if t.tab != server => " · relayed by the server",
                                        _ => "",
                                    })}
                            </span>
                        }) }
                        if tabs.len() > SHOWN_TABS {
                            <span class="muted">{format!("and {} more (the Class roster lists everyone)", tabs.len() - SHOWN_TABS)}</span>
                        }
                        </>
                    } } }
                </span>
            }
            <span class={classes!("stat", (total > 0).then_some("warn"))} data-testid="rejected" data-total={total.to_string()} title={reasons.clone()}>
                {format!("{} refused", count(total, "message"))}
            </span>
            if total > 0 { <span class="muted small">{reasons}</span> }
            { for conflicts.iter().map(|c| {
                let tab = c.tab.clone();
                let (t1, t2) = (tab.clone(), tab.clone());
                let (on_join, on_keep) = (p.on_join.clone(), p.on_keep.clone());
                html! {
                    <div class="conflict" role="alert" data-testid="conflict">
                        {format!("Tab {tab} runs another network called \"{name}\" (genesis {}…, height {}). Both cannot be one chain.",
                            c.network.to_hex().chars().take(8).collect::<String>(), c.height)}
                        <button onclick={Callback::from(move |_| on_join.emit(t1.clone()))} data-testid="join-theirs">{"Join theirs (drop this tab's chain)"}</button>
                        <button onclick={Callback::from(move |_| on_keep.emit(t2.clone()))} data-testid="keep-mine">{"Keep mine (ignore that tab)"}</button>
                    </div>
                }
            }) }
        </section>
    }
}
