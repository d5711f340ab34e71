//! The Links panel: link this tab to tabs on other machines over WebRTC, by handing an
//! invitation and an answer across as text (or as a QR code), and see each link's state.

use crate::components::clock;
use crate::components::copy_button::CopyButton;
use crate::edge::webrtc::Links;
use crate::logic::link::{self, LinkStatus, Side};
use crate::logic::words::count;
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
    let area = use_node_ref();
    let (text, testid, what) = (&p.text, p.testid, p.what);
    let qr = link::qr_path(text);
    html! {
        <div class="handover">
            <textarea ref={area.clone()} readonly=true rows="3" data-testid={testid} aria-label={what} value={text.clone()} />
            <div class="handover-actions">
                <CopyButton target={area} text={text.clone()} testid={format!("copy-{testid}")} />
                <span class="muted small">{format!("{} characters", text.len())}</span>
            </div>
            { match qr {
                Some((path, side)) => html! {
                    <details class="qr">
                        <summary>{"Show as QR code"}</summary>
                        <svg class="qr-code" viewBox={format!("0 0 {side} {side}")} role="img"
                             aria-label={format!("QR code of the {what}")} shape-rendering="crispEdges">
                            <rect width={side.to_string()} height={side.to_string()} fill="#fff" />
                            <path d={path} fill="#000" />
                        </svg>
                        <p class="muted small">{"Scanning it needs a camera and a QR reader on the other machine (a phone can pass the text on); this page does not scan. Pasting the text is enough."}</p>
                    </details>
                },
                None => html! {
                    <p class="muted small">{"Too long for a QR code: copy the text and paste it on the other machine."}</p>
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

fn side_text(l: &LinkStatus) -> String {
    let who = l
        .remote
        .as_deref()
        .map_or("a tab not known yet".to_string(), |t| format!("tab {t}"));
    match l.side {
        Side::Inviter => format!("invited {who}"),
        Side::Acceptor => format!("accepted {who}'s invitation"),
    }
}

/// The Links panel.
#[function_component(LinksPanel)]
pub fn links_panel(p: &LinksPanelProps) -> Html {
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
        Callback::from(move |_| {
            let (links, invitation, message, busy) = (
                links.clone(),
                invitation.clone(),
                message.clone(),
                busy.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match links.invite().await {
                    Ok(text) => {
                        invitation.set(Some(text.clone()));
                        message.set(Some(Note::WhileWaiting("Invitation ready: copy it to the other machine, accept it there, and paste its answer below.".into(), text)));
                    }
                    Err(e) => message.set(Some(Note::Error(format!("No invitation: {e}")))),
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
        Callback::from(move |_| {
            let (links, answer_in, message, busy) = (
                links.clone(),
                answer_in.clone(),
                message.clone(),
                busy.clone(),
            );
            let text = (*answer_in).clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match links.complete(&text).await {
                    Ok(id) => {
                        answer_in.set(String::new());
                        message.set(Some(Note::WhileConnecting(
                            format!("Answer taken: link {id} is connecting."),
                            id,
                        )));
                    }
                    Err(e) => message.set(Some(Note::Error(e))),
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
        Callback::from(move |_| {
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
                        message.set(Some(Note::WhileWaiting("Answer ready: copy it back to the machine that invited this one, and paste it there.".into(), answer)));
                    }
                    Err(e) => message.set(Some(Note::Error(e))),
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
        <section class="links" aria-label="Links to other machines" data-testid="links">
            <details open={(!p.server && !p.status.is_empty()) || invitation.is_some() || answer_out.is_some()}>
                <summary>
                    <h2>{"Link machines"}</h2>
                    <span class="muted">{format!(" {} · this tab is {} · {}",
                        if p.server { "WebRTC links the class server made" } else { "WebRTC, no server" },
                        p.tab, count(open as u64, "open link"))}</span>
                </summary>
                <p class="hint">{ if p.server {
                    "The class server links this page to a few others by itself and relays the pairs whose link cannot open; nothing needs pasting. A machine without the server can still be linked by hand here."
                } else {
                    "Tabs of this browser share the network by themselves. To join another computer: create an invitation here, paste it into the Links panel there and accept it, then paste its answer back here."
                } }</p>
                <div class="links-steps">
                    <div class="step">
                        <h3>{"Invite another machine"}</h3>
                        <button onclick={on_invite} disabled={*busy} data-testid="invite">{"Create an invitation"}</button>
                        if let Some(text) = invitation.as_ref().filter(|t| still_waiting(t, &p.status)) { <Handover text={text.clone()} testid="invitation" what="invitation" /> }
                        <label class="paste">{"Its answer"}
                            <textarea rows="2" placeholder="pos1:… (the answer from the other machine)" data-testid="answer-in"
                                value={(*answer_in).clone()}
                                oninput={{ let a = answer_in.clone(); Callback::from(move |e: InputEvent| a.set(textarea_value(&e))) }} />
                        </label>
                        <button onclick={on_complete} disabled={*busy || answer_in.trim().is_empty()} data-testid="complete">{"Complete the link"}</button>
                    </div>
                    <div class="step">
                        <h3>{"Accept an invitation"}</h3>
                        <label class="paste">{"The invitation"}
                            <textarea rows="2" placeholder="pos1:… (the invitation from the other machine)" data-testid="invitation-in"
                                value={(*invitation_in).clone()}
                                oninput={{ let a = invitation_in.clone(); Callback::from(move |e: InputEvent| a.set(textarea_value(&e))) }} />
                        </label>
                        <button onclick={on_accept} disabled={*busy || invitation_in.trim().is_empty()} data-testid="accept">{"Accept and make an answer"}</button>
                        if let Some(text) = answer_out.as_ref().filter(|t| still_waiting(t, &p.status)) { <Handover text={text.clone()} testid="answer" what="answer" /> }
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
                                    <span class={classes!("linkstate", l.state.word())}>{l.state.word()}</span>
                                    <b>{format!("Link {}", l.id)}</b>
                                    <span>{format!(" · {} · since {}", side_text(l), clock(l.since))}</span>
                                    if l.received > 0 { <span class="muted">{format!(" · {} frames in", l.received)}</span> }
                                    if l.state.is_over() || l.state == link::LinkState::Connecting {
                                        <button class="small" data-testid="forget-link" onclick={Callback::from(move |_| links.forget(&id))}>
                                            { if l.state.is_over() { "Remove" } else { "Cancel" } }
                                        </button>
                                    }
                                    <span class="reason">{l.reason.clone()}</span>
                                </li>
                            }
                        }) }
                    </ul>
                }
                <p class="muted small">
                    { if stun.is_empty() {
                        "No STUN server: machines link when they are on one network that lets them talk to each other (same LAN or Wi-Fi without client isolation). Otherwise add ?stun=host:port to the page's address.".to_string()
                    } else {
                        format!("{}: {}.", if stun.len() == 1 { "STUN server" } else { "STUN servers" }, stun.join(", "))
                    } }
                    {" A closed or failed link is not re-dialled: make a new invitation. The tab keeps working with the peers it has."}
                </p>
            </details>
        </section>
    }
}
