//! The network bar: which network this tab is in, its role, the other tabs, conflicts to
//! resolve, and how many messages this tab refused.

use crate::logic::views::NetworkView;
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
    let t = super::language::use_texts();
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
        "solo" => t.get("net-role-solo"),
        "discovering" => t.format("net-role-discovering", &[("name", name.clone().into())]),
        "host" => t.get("net-role-host"),
        _ => t.get("net-role-member"),
    };
    html! {
        <section class="network" aria-label={t.get("net.aria-label")} data-testid="network">
            <span class="netname">{t.get("net-network")}{" "}<b data-testid="net-name">{name.clone()}</b></span>
            if role != "solo" {
                <span class="stat">{t.get("net-tab")}{" "}<code data-testid="tab-id">{p.network.tab.clone().unwrap_or_default()}</code></span>
            }
            <span class={classes!("stat", "role", role.clone())} data-testid="role" data-role={role.clone()}>{role_text}</span>
            if role == "solo" {
                <span class="hint">{t.get("net-hint-open")}{" "}
                    <a href="?net=class-a">{"?net=class-a"}</a>{" "}{t.get("net-hint-each")}</span>
            } else {
                <span class="tabs" data-testid="other-tabs">
                    { if tabs.is_empty() { html! { <span class="muted">{t.get("net-no-tabs")}</span> } } else { html! {
                        <>
                        { for tabs.iter().take(SHOWN_TABS).map(|peer| html! {
                            <span class="tabpeer" data-tab={peer.tab.clone()}>
                                {t.format("net-peer", &[
                                    ("who", if peer.tab == server { t.get("net-the-server") } else { t.format("net-tab-named", &[("tab", peer.tab.clone().into())]) }.into()),
                                    ("role", peer.role.to_string().into()),
                                    ("height", peer.height.into()),
                                    ("via", match peer.via {
                                        "webrtc" => "webrtc",
                                        "relay" if peer.tab != server => "relay",
                                        _ => "here",
                                    }.into()),
                                ])}
                            </span>
                        }) }
                        if tabs.len() > SHOWN_TABS {
                            <span class="muted">{t.format("net-more-tabs", &[("count", (tabs.len() - SHOWN_TABS).into())])}</span>
                        }
                        </>
                    } } }
                </span>
            }
            <span class={classes!("stat", (total > 0).then_some("warn"))} data-testid="rejected" data-total={total.to_string()} title={reasons.clone()}>
                {t.format("net-refused", &[("count", total.into())])}
            </span>
            if total > 0 { <span class="muted small">{reasons}</span> }
            { for conflicts.iter().map(|c| {
                let tab = c.tab.clone();
                let (t1, t2) = (tab.clone(), tab.clone());
                let (on_join, on_keep) = (p.on_join.clone(), p.on_keep.clone());
                html! {
                    <div class="conflict" role="alert" data-testid="conflict">
                        {t.format("net-conflict", &[
                            ("tab", tab.clone().into()),
                            ("name", name.clone().into()),
                            ("genesis", c.network.to_hex().chars().take(8).collect::<String>().into()),
                            ("height", c.height.into()),
                        ])}
                        <button onclick={Callback::from(move |_| on_join.emit(t1.clone()))} data-testid="join-theirs">{t.get("net-join-theirs")}</button>
                        <button onclick={Callback::from(move |_| on_keep.emit(t2.clone()))} data-testid="keep-mine">{t.get("net-keep-mine")}</button>
                    </div>
                }
            }) }
        </section>
    }
}
