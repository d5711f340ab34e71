//! The Links panel: link this tab to tabs on other machines over WebRTC, by handing an
//! invitation and an answer across as text (or as a QR code), and see each link's state.

use crate::components::clock;
use crate::components::copy_button::CopyButton;
use crate::edge::webrtc::Links;
use crate::logic::i18n::Texts;
use crate::logic::link::{self, LinkStatus, Side};
use wasm_bindgen::JsCast as _;
use yew::prelude::*;

/// Props of [`LinksPanel`].
#[derive(Properties, PartialEq)]
pub struct LinksPanelProps {
    /// The tab's links (the edge that makes connections).
    pub links: Links,
    /// `Playground::links()`: every link and where it stands.
    pub status: Vec<LinkStatus>,
    /// This tab's id.
    pub tab: String,
    /// Whether a class server makes the links (then nothing needs pasting).
    #[prop_or_default]
    pub server: bool,
}

fn textarea_value(e: &InputEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

/// Props of [`Handover`].
#[derive(Properties, PartialEq)]
struct HandoverProps {
    text: AttrValue,
    testid: &'static str,
    what: &'static str,
}

/// A text to hand over: read-only, with a copy button and, when it fits, a QR code.
#[function_component(Handover)]
fn handover(p: &HandoverProps) -> Html {
    let t = super::language::use_texts();
    let area = use_node_ref();
    let (text, testid, what) = (&p.text, p.testid, p.what);
    let qr = link::qr_path(text);
    html! {
        <div class="handover">
            <textarea ref={area.clone()} readonly=true rows="3" data-testid={testid} aria-label={t.format("links-handover", &[("what", what.into())])} value={text.clone()} />
            <div class="handover-actions">
                <CopyButton target={area} text={text.clone()} testid={format!("copy-{testid}")} />
                <span class="muted small">{t.format("links-characters", &[("count", text.len().into())])}</span>
            </div>
            { match qr {
                Some((path, side)) => html! {
                    <details class="qr">
                        <summary>{t.get("links-show-qr")}</summary>
                        <svg class="qr-code" viewBox={format!("0 0 {side} {side}")} role="img"
                             aria-label={t.format("links-qr-of", &[("what", what.into())])} shape-rendering="crispEdges">
                            <rect width={side.to_string()} height={side.to_string()} fill="#fff" />
                            <path d={path} fill="#000" />
                        </svg>
                        <p class="muted small">{t.get("links-qr-scanning")}</p>
                    </details>
                },
                None => html! {
                    <p class="muted small">{t.get("links-qr-too-long")}</p>
                },
            } }
        </div>
    }
}

/// Whether the link a handed-over text belongs to still waits for the other machine (once it
/// is answered, open or over, the text is of no more use and is hidden).
fn still_waiting(text: &str, status: &[LinkStatus]) -> bool {
    match link::decode(text) {
        Ok(link::Signal::Invite(i)) => status.iter().any(|l| {
            l.id == i.link
                && l.side == Side::Inviter
                && l.remote.is_none()
                && l.state == link::LinkState::Connecting
        }),
        Ok(link::Signal::Answer(a)) => status.iter().any(|l| {
            l.side == Side::Acceptor
                && l.remote_link == a.link
                && l.remote.as_deref() == Some(a.to.as_str())
                && l.state == link::LinkState::Connecting
        }),
        Err(_) => false,
    }
}

/// A line under the steps: an error stays until the next action; good news only while the
/// step it speaks of is still under way.
#[derive(Clone, PartialEq)]
enum Note {
    /// Something was refused, in words.
    Error(String),
    /// Shown while the handed-over text (the second field) still waits for the other machine.
    WhileWaiting(String, String),
    /// Shown while the link (the second field) is connecting.
    WhileConnecting(String, String),
}

impl Note {
    fn shown(&self, status: &[LinkStatus]) -> Option<(bool, String)> {
        match self {
            Note::Error(e) => Some((false, e.clone())),
            Note::WhileWaiting(m, text) => still_waiting(text, status).then(|| (true, m.clone())),
            Note::WhileConnecting(m, id) => status
                .iter()
                .any(|l| l.id == *id && l.state == link::LinkState::Connecting)
                .then(|| (true, m.clone())),
        }
    }
}

fn side_text(t: &Texts, l: &LinkStatus) -> String {
    let who = l
        .remote
        .as_deref()
        .map_or(t.get("links-unknown-tab"), |tab| {
            t.format("net-tab-named", &[("tab", tab.into())])
        });
    let key = match l.side {
        Side::Inviter => "links-invited",
        Side::Acceptor => "links-accepted",
    };
    t.format(key, &[("who", who.into())])
}

/// The Links panel.
#[function_component(LinksPanel)]
pub fn links_panel(p: &LinksPanelProps) -> Html {
    let t = super::language::use_texts();
    let invitation = use_state(|| None::<String>);
    let answer_in = use_state(String::new);
    let invitation_in = use_state(String::new);
    let answer_out = use_state(|| None::<String>);
    let message = use_state(|| None::<Note>);
    let busy = use_state(|| false);

    let on_invite = {
        let (links, invitation, message, busy) = (
            p.links.clone(),
            invitation.clone(),
            message.clone(),
            busy.clone(),
        );
        let t = t.clone();
        Callback::from(move |_| {
            let (links, invitation, message, busy) = (
                links.clone(),
                invitation.clone(),
                message.clone(),
                busy.clone(),
            );
            let t = t.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match links.invite().await {
                    Ok(text) => {
                        invitation.set(Some(text.clone()));
                        message.set(Some(Note::WhileWaiting(
                            t.get("links-invitation-ready"),
                            text,
                        )));
                    }
                    Err(e) => message.set(Some(Note::Error(
                        t.format("links-no-invitation", &[("reason", e.into())]),
                    ))),
                }
                busy.set(false);
            });
        })
    };
    let on_complete = {
        let (links, answer_in, message, busy) = (
            p.links.clone(),
            answer_in.clone(),
            message.clone(),
            busy.clone(),
        );
        let t = t.clone();
        Callback::from(move |_| {
            let (links, answer_in, message, busy) = (
                links.clone(),
                answer_in.clone(),
                message.clone(),
                busy.clone(),
            );
            let text = (*answer_in).clone();
            let t = t.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match links.complete(&text).await {
                    Ok(id) => {
                        answer_in.set(String::new());
                        message.set(Some(Note::WhileConnecting(
                            t.format("links-answer-taken", &[("link", id.to_string().into())]),
                            id,
                        )));
                    }
                    Err(e) => message.set(Some(Note::Error(t.say(&e)))),
                }
                busy.set(false);
            });
        })
    };
    let on_accept = {
        let (links, invitation_in, answer_out, message, busy) = (
            p.links.clone(),
            invitation_in.clone(),
            answer_out.clone(),
            message.clone(),
            busy.clone(),
        );
        let t = t.clone();
        Callback::from(move |_| {
            let t = t.clone();
            let (links, invitation_in, answer_out, message, busy) = (
                links.clone(),
                invitation_in.clone(),
                answer_out.clone(),
                message.clone(),
                busy.clone(),
            );
            let text = (*invitation_in).clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match links.accept(&text).await {
                    Ok(answer) => {
                        answer_out.set(Some(answer.clone()));
                        invitation_in.set(String::new());
                        message.set(Some(Note::WhileWaiting(
                            t.get("links-answer-ready"),
                            answer,
                        )));
                    }
                    Err(e) => message.set(Some(Note::Error(t.say(&e)))),
                }
                busy.set(false);
            });
        })
    };

    let stun = p.links.stun();
    let open = p
        .status
        .iter()
        .filter(|l| l.state == link::LinkState::Open)
        .count();
    html! {
        <section class="links" aria-label={t.get("links.aria-label")} data-testid="links">
            <details open={(!p.server && !p.status.is_empty()) || invitation.is_some() || answer_out.is_some()}>
                <summary>
                    <h2>{t.get("links")}</h2>
                    <span class="muted">{" "}{t.format("links-summary", &[
                        ("server", if p.server { "yes" } else { "no" }.into()),
                        ("tab", p.tab.clone().into()),
                        ("open", open.into()),
                    ])}</span>
                </summary>
                <p class="hint">{ if p.server { t.get("links-hint-server") } else { t.get("links-hint-alone") } }</p>
                <div class="links-steps">
                    <div class="step">
                        <h3>{t.get("links-invite-title")}</h3>
                        <button onclick={on_invite} disabled={*busy} data-testid="invite">{t.get("links-invite")}</button>
                        if let Some(text) = invitation.as_ref().filter(|x| still_waiting(x, &p.status)) { <Handover text={text.clone()} testid="invitation" what="invitation" /> }
                        <label class="paste">{t.get("links-its-answer")}
                            <textarea rows="2" placeholder={t.get("links-answer-in.placeholder")} data-testid="answer-in"
                                value={(*answer_in).clone()}
                                oninput={{ let a = answer_in.clone(); Callback::from(move |e: InputEvent| a.set(textarea_value(&e))) }} />
                        </label>
                        <button onclick={on_complete} disabled={*busy || answer_in.trim().is_empty()} data-testid="complete">{t.get("links-complete")}</button>
                    </div>
                    <div class="step">
                        <h3>{t.get("links-accept-title")}</h3>
                        <label class="paste">{t.get("links-the-invitation")}
                            <textarea rows="2" placeholder={t.get("links-invitation-in.placeholder")} data-testid="invitation-in"
                                value={(*invitation_in).clone()}
                                oninput={{ let a = invitation_in.clone(); Callback::from(move |e: InputEvent| a.set(textarea_value(&e))) }} />
                        </label>
                        <button onclick={on_accept} disabled={*busy || invitation_in.trim().is_empty()} data-testid="accept">{t.get("links-accept")}</button>
                        if let Some(text) = answer_out.as_ref().filter(|x| still_waiting(x, &p.status)) { <Handover text={text.clone()} testid="answer" what="answer" /> }
                    </div>
                </div>
                if let Some((ok, text)) = message.as_ref().and_then(|n| n.shown(&p.status)) {
                    <p class={classes!("links-message", if ok { "ok" } else { "bad" })} role="status" data-testid="links-message">{text}</p>
                }
                if !p.status.is_empty() {
                    <ul class="linklist" data-testid="link-list">
                        { for p.status.iter().map(|l| {
                            let id = l.id.clone();
                            let links = p.links.clone();
                            html! {
                                <li data-testid="link" data-link={l.id.clone()} data-state={l.state.word()}>
                                    <span class={classes!("linkstate", l.state.word())}>{t.format("link-state", &[("state", l.state.word().into())])}</span>
                                    <b>{t.format("links-link", &[("link", l.id.clone().into())])}</b>
                                    <span>{" · "}{t.format("links-since", &[("side", side_text(&t, l).into()), ("since", clock(l.since).into())])}</span>
                                    if l.received > 0 { <span class="muted">{" · "}{t.format("links-frames-in", &[("count", l.received.into())])}</span> }
                                    if l.state.is_over() || l.state == link::LinkState::Connecting {
                                        <button class="small" data-testid="forget-link" onclick={Callback::from(move |_| links.forget(&id))}>
                                            { if l.state.is_over() { t.get("links-remove") } else { t.get("links-cancel") } }
                                        </button>
                                    }
                                    <span class="reason">{t.say(&l.reason.say())}</span>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <p class="muted small">
                    { if stun.is_empty() {
                        t.get("links-no-stun")
                    } else {
                        t.format("links-stun", &[("count", stun.len().into()), ("servers", stun.join(", ").into())])
                    } }
                    {" "}{t.get("links-not-redialled")}
                </p>
            </details>
        </section>
    }
}
