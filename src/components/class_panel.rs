//! The Class panel: the address every laptop opens, as text and as a QR code big enough for a
//! projector, whether the class server is reachable, and the class roster (everyone taking
//! part: stake, blocks forged, how each is connected, whether it is online).

use crate::logic::class::ClassConnection;
use crate::logic::model::class::RosterRow;
use crate::logic::words::count;
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
    let status = match &p.class {
        None => None,
        Some(c) if c.connected && c.server.is_some() => Some((
            true,
            format!(
                "Connected to the class server: {} linked directly over WebRTC, {} relayed through the server.",
                count(p.webrtc as u64, "page"),
                count(c.relayed.len() as u64, "page"),
            ),
        )),
        Some(c) => Some((
            false,
            c.problem
                .clone()
                .unwrap_or_else(|| "Connecting to the class server…".into()),
        )),
    };
    html! {
        <section class="class" aria-label="Class" data-testid="class">
            <h2>{"Class"}</h2>
            if let Some((ok, text)) = status {
                <p class={classes!("class-status", if ok { "ok" } else { "bad" })} data-testid="class-status" role="status">{text}</p>
            }
            if let Some(a) = address.clone() {
                <div class="class-address">
                    <p>{"Every laptop opens"}</p>
                    <p><a href={a.clone()} class="address" data-testid="class-address"><b>{a.clone()}</b></a></p>
                    <p>{"or scans the code (click it to show it big):"}</p>
                    <button class={classes!("qr-button", big.then_some("big"))} onclick={toggle} aria-pressed={big.to_string()}
                            title="Show the code big, for the projector (click again to shrink)" data-testid="class-qr">
                        // The server draws the code (the page's own QR maker stays in the Links panel).
                        <img class="qr-code" src={format!("/qr.svg?net={}", class_name)} alt={format!("QR code of {a}")} />
                    </button>
                </div>
            }
            // On a phone it scrolls sideways in its own box, so it takes the focus.
            <table class="roster" data-testid="roster" tabindex="0">
                <caption class="muted small">{"Everyone on this network: stake and blocks forged on this tab's chain."}</caption>
                <thead><tr><th>{"Who"}</th><th>{"Stake"}</th><th>{"Blocks forged"}</th><th>{"Connected by"}</th><th>{"Online"}</th><th>{"Follows"}</th></tr></thead>
                <tbody>
                    { for p.roster.iter().map(|r| html! {
                        <tr data-testid="roster-row" data-path={r.path.clone()}>
                            <td title={r.addresses.join(", ")}>{r.name.clone()}</td>
                            <td class="num">{r.stake}</td>
                            <td class="num">{r.forged}</td>
                            <td>{r.path.clone()}</td>
                            <td>{if r.online { "yes" } else { "no" }}</td>
                            <td data-testid="roster-follows">{r.follows.unwrap_or("")}</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
