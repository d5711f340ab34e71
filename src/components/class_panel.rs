//! The Class panel: the address every laptop opens, as text and as a QR code big enough for a
//! projector, whether the class server is reachable, and the class roster (everyone taking
//! part: stake, blocks forged, how each is connected, whether it is online).

use crate::logic::class::ClassConnection;
use crate::logic::model::class::RosterRow;
use yew::prelude::*;

/// Props of [`ClassPanel`].
#[derive(Properties, PartialEq)]
pub struct ClassPanelProps {
    /// What the tab knows of its class server (`None`: no server).
    pub class: Option<ClassConnection>,
    /// `Playground::roster()`.
    pub roster: Vec<RosterRow>,
    /// Open WebRTC links.
    pub webrtc: usize,
}

/// The panel; shown when the tab is part of a network.
#[function_component(ClassPanel)]
pub fn class_panel(p: &ClassPanelProps) -> Html {
    let big = use_state(|| false);
    let toggle = {
        let big = big.clone();
        Callback::from(move |_| big.set(!*big))
    };
    let address = p.class.as_ref().and_then(|c| c.address.clone());
    let class_name = p
        .class
        .as_ref()
        .and_then(|c| c.class.clone())
        .unwrap_or_default();
    let t = super::language::use_texts();
    let status = match &p.class {
        None => None,
        Some(c) if c.connected && c.server.is_some() => Some((
            true,
            t.format(
                "class-connected",
                &[
                    ("webrtc", p.webrtc.into()),
                    ("relayed", c.relayed.len().into()),
                ],
            ),
        )),
        Some(c) => Some((
            false,
            c.problem
                .clone()
                .unwrap_or_else(|| t.get("class-connecting")),
        )),
    };
    html! {
        <section class="class" aria-label={t.get("class-bar.aria-label")} data-testid="class">
            <h2>{t.get("class-bar")}</h2>
            if let Some((ok, text)) = status {
                <p class={classes!("class-status", if ok { "ok" } else { "bad" })} data-testid="class-status" role="status">{text}</p>
            }
            if let Some(a) = address.clone() {
                <div class="class-address">
                    <p>{t.get("class-every-laptop")}</p>
                    <p><a href={a.clone()} class="address" data-testid="class-address"><b>{a.clone()}</b></a></p>
                    <p>{t.get("class-or-scan")}</p>
                    <button class={classes!("qr-button", big.then_some("big"))} onclick={toggle} aria-pressed={big.to_string()}
                            title={t.get("class-qr.title")} data-testid="class-qr">
                        // The server draws the code (the page's own QR maker stays in the Links panel).
                        <img class="qr-code" src={format!("/qr.svg?net={}", class_name)} alt={t.format("class-qr-alt", &[("address", a.clone().into())])} />
                    </button>
                </div>
            }
            // On a phone it scrolls sideways in its own box, so it takes the focus.
            <table class="roster" data-testid="roster" tabindex="0">
                <caption class="muted small">{t.get("roster-caption")}</caption>
                <thead><tr><th>{t.get("roster-who")}</th><th>{t.get("roster-stake")}</th><th>{t.get("roster-forged")}</th><th>{t.get("roster-path")}</th><th>{t.get("roster-online")}</th><th>{t.get("roster-follows")}</th></tr></thead>
                <tbody>
                    { for p.roster.iter().map(|r| html! {
                        <tr data-testid="roster-row" data-path={r.path.clone()}>
                            <td title={r.addresses.join(", ")}>{t.say(&r.words)}</td>
                            <td class="num">{r.stake}</td>
                            <td class="num">{r.forged}</td>
                            <td>{path_key(&r.path).map_or_else(|| r.path.clone(), |k| t.get(k))}</td>
                            <td>{if r.online { t.get("yes") } else { t.get("no") }}</td>
                            <td data-testid="roster-follows" data-follows={r.follows.unwrap_or("")}>{follows_key(r.follows).map(|k| t.get(k)).unwrap_or_default()}</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// The key of a roster row's path (the console's word, `RosterRow::path`).
fn path_key(path: &str) -> Option<&'static str> {
    Some(match path {
        "this tab" => "roster-path-this-tab",
        "channel" => "roster-path-channel",
        "webrtc" => "roster-path-webrtc",
        "relay" => "roster-path-relay",
        "server" => "roster-path-server",
        "connecting" => "roster-path-connecting",
        "through others" => "roster-path-overlay",
        "offline" => "roster-path-offline",
        "another tab or machine" => "roster-path-elsewhere",
        _ => return None,
    })
}

/// The key of what a roster row's page follows (`RosterRow::follows`).
fn follows_key(follows: Option<&str>) -> Option<&'static str> {
    Some(match follows? {
        "teacher" => "roster-follows-teacher",
        "following" => "roster-follows-following",
        "exploring" => "roster-follows-exploring",
        _ => return None,
    })
}
