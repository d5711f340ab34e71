//! The WebRTC edge: peer connections between machines, without a server.
//!
//! One machine makes an invitation ([`Links::invite`]: an offer with its ICE candidates, as
//! text), the other accepts it ([`Links::accept`]: an answer, as text), and the first completes
//! the link with that answer ([`Links::complete`]). Each link is an `RTCPeerConnection` with one
//! data channel, "pos", which carries the same frames as the BroadcastChannel (longer ones in
//! pieces no larger than the peer takes, see `link.rs`). What arrives goes to the [`Router`] as an [`Input`], like a frame
//! from the channel but marked with the link it came by; what the tab says leaves on every
//! open link as one of the router's outlets. The mesh keeps the link table and decides what
//! states mean (`logic/mesh.rs`); this file only reports what the browser's connections do.
//!
//! No STUN server is used unless the page's `?stun=` names one: on one LAN the machines' own
//! addresses suffice.
//!
//! Every step that waits on the browser settles within [`STEP_TIMEOUT_MS`], in words: engines
//! leave some of their promises pending for good (Firefox, with no network address to offer,
//! fails the connection while `setLocalDescription` is still pending, and a closed
//! connection's promises never settle), so each browser promise races a timer of its own and
//! the connection's end ([`Conn::ended`]).

use crate::edge::clock::after;
use crate::edge::driver::{busy, Router};
use crate::logic::i18n::Say;
use crate::logic::input::Input;
use crate::logic::link::{self, Answer, LinkReason, LinkState, Reassembler, Signal};
use crate::logic::mesh::Via;
use crate::logic::model::Playground;
use crate::logic::wire::FrameError;
use pos_core::vec_map::VecMap;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast as _, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MessageEvent, RtcConfiguration, RtcDataChannel, RtcDataChannelEvent, RtcDataChannelState,
    RtcIceGatheringState, RtcIceServer, RtcPeerConnection, RtcPeerConnectionState, RtcSdpType,
    RtcSessionDescriptionInit,
};

/// Longest wait for the browser to gather its ICE candidates (ms); after it, the invitation or
/// answer holds the candidates found so far.
pub const GATHER_TIMEOUT_MS: f64 = 5_000.0;

/// Longest an invitation, an answer or the completion of a link waits on the browser (ms),
/// gathering included: the Promise of `invite`, `accept` and `complete` settles by then.
pub const STEP_TIMEOUT_MS: f64 = 10_000.0;

/// Frames are dropped instead of queued while a link has this much unsent (bytes); the nodes
/// catch up by asking for the chain again.
pub const MAX_BUFFERED: u32 = 4 * 1024 * 1024;

/// Why a link could not be made, in words (`link-error`).
fn link_error(reason: &'static str) -> Say {
    Say::new("link-error").with("reason", reason)
}

/// The STUN servers named by the page's `?stun=` parameter (comma-separated), cleaned.
pub fn stun_from_url() -> Vec<String> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("stun"))
        .map(|raw| link::stun_urls(&raw))
        .unwrap_or_default()
}

/// One peer connection and its data channel.
struct Conn {
    pc: RtcPeerConnection,
    dc: RefCell<Option<RtcDataChannel>>,
    remote: RefCell<Option<String>>,
    pieces: RefCell<Reassembler>,
    closures: RefCell<Vec<Handler>>,
    /// Resolved with an `Error` of the reason when the connection is closed, so that a step
    /// waiting on the browser ends at once (a closed connection's own promises may never
    /// settle). Resolved, not rejected: no step may wait on it, and a rejection nobody
    /// handles is an error on the console.
    ended: js_sys::Promise,
    end: RefCell<Option<js_sys::Function>>,
    /// Why it was closed, once it is.
    ended_for: Cell<Option<LinkReason>>,
}

/// A browser event handler kept alive with its connection.
type Handler = Closure<dyn FnMut(JsValue)>;

impl Conn {
    fn new(pc: RtcPeerConnection, remote: Option<String>) -> Conn {
        let mut end = None;
        let ended = js_sys::Promise::new(&mut |resolve, _| end = Some(resolve));
        Conn {
            pc,
            dc: RefCell::new(None),
            remote: RefCell::new(remote),
            pieces: RefCell::new(Reassembler::default()),
            closures: RefCell::new(Vec::new()),
            ended,
            end: RefCell::new(end),
            ended_for: Cell::new(None),
        }
    }

    fn close(&self) {
        self.close_for(LinkReason::Closed);
    }

    /// Closes the connection; a step still waiting on it fails with `reason`.
    fn close_for(&self, reason: LinkReason) {
        if let Some(end) = self.end.borrow_mut().take() {
            self.ended_for.set(Some(reason));
            let _ = end.call1(&JsValue::NULL, &js_sys::Error::new("ended"));
        }
        if let Some(dc) = self.dc.borrow().as_ref() {
            dc.set_onopen(None);
            dc.set_onclose(None);
            dc.set_onmessage(None);
            dc.close();
        }
        self.pc.set_onconnectionstatechange(None);
        self.pc.set_ondatachannel(None);
        self.pc.close();
    }

    fn open_channel(&self) -> Option<RtcDataChannel> {
        self.dc
            .borrow()
            .as_ref()
            .filter(|dc| dc.ready_state() == RtcDataChannelState::Open)
            .cloned()
    }

    /// The largest message to send the peer, prefix included: at most 16 KiB, less if the
    /// peer's `maxMessageSize` says so (read when the channel is open; engines without
    /// `RTCPeerConnection.sctp` get 16 KiB).
    fn piece_limit(&self) -> usize {
        let announced = js_sys::Reflect::get(&self.pc, &JsValue::from_str("sctp"))
            .ok()
            .filter(|sctp| sctp.is_object())
            .and_then(|sctp| js_sys::Reflect::get(&sctp, &JsValue::from_str("maxMessageSize")).ok())
            .and_then(|m| m.as_f64());
        link::piece_limit(announced)
    }

    /// Waits on a browser step (`what`: its word in `link-error`'s `$step`) until it
    /// settles, the connection ends or `deadline` passes, whichever comes first. The last two
    /// win with an `Error` object, which no browser step resolves with.
    async fn step(
        &self,
        promise: js_sys::Promise,
        deadline: &Deadline,
        what: &'static str,
    ) -> Result<JsValue, Say> {
        let timer = timeout(deadline.left());
        let race = js_sys::Promise::race(&js_sys::Array::of3(&promise, &self.ended, &timer));
        let value = JsFuture::from(race).await.map_err(browser_error)?;
        if value.dyn_ref::<js_sys::Error>().is_none() {
            return Ok(value);
        }
        Err(match self.ended_for.get() {
            Some(reason) => reason.say(),
            None => link_error("timeout")
                .with("step", what)
                .with("seconds", (STEP_TIMEOUT_MS / 1000.0).round() as u64),
        })
    }
}

/// When a step of a link must be over: [`STEP_TIMEOUT_MS`] after it began.
struct Deadline(f64);

impl Deadline {
    fn start() -> Deadline {
        Deadline(js_sys::Date::now() + STEP_TIMEOUT_MS)
    }

    /// Milliseconds left (0 once passed).
    fn left(&self) -> f64 {
        (self.0 - js_sys::Date::now()).max(0.0)
    }
}

/// A Promise resolved after `ms` with an `Error`: the browser did not finish in time
/// (resolved, not rejected: see [`Conn::ended`]).
fn timeout(ms: f64) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        let fire = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &js_sys::Error::new("timeout"));
        });
        let set = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                fire.unchecked_ref(),
                ms.ceil() as i32,
            )
            .ok()
        });
        if set.is_none() {
            let _ = fire
                .unchecked_ref::<js_sys::Function>()
                .call0(&JsValue::NULL);
        }
    })
}

struct Inner {
    router: Rc<Router>,
    redraw: Rc<dyn Fn()>,
    conns: RefCell<VecMap<String, Rc<Conn>>>,
    stun: Vec<String>,
    on_hide: RefCell<Option<Closure<dyn FnMut()>>>,
}

/// The tab's WebRTC links; a cheap handle.
#[derive(Clone)]
pub struct Links(Rc<Inner>);

impl PartialEq for Links {
    fn eq(&self, other: &Links) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the browser said, in its own words.
fn js_err(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

/// A browser step that failed, with the browser's own words.
fn browser_error(e: JsValue) -> Say {
    link_error("browser").with("detail", js_err(e))
}

/// Waits until the browser has gathered its ICE candidates (at most [`GATHER_TIMEOUT_MS`],
/// and never past `deadline`), then returns the local description's SDP. The wait is a timer
/// of its own, not the gathering state's events: an engine with no address to offer may leave
/// gathering at `new` for good.
async fn gathered_sdp(conn: &Conn, deadline: &Deadline) -> Result<String, Say> {
    let pc = &conn.pc;
    let until = js_sys::Date::now() + GATHER_TIMEOUT_MS.min(deadline.left());
    while pc.ice_gathering_state() != RtcIceGatheringState::Complete && js_sys::Date::now() < until
    {
        conn.step(after(50), deadline, "gather").await?;
    }
    let sdp = pc
        .local_description()
        .map(|d| d.sdp())
        .ok_or_else(|| link_error("noDescription"))?;
    if !sdp.contains("a=candidate") {
        return Err(LinkReason::NoAddress.say());
    }
    Ok(sdp)
}

impl Links {
    /// The links of the tab `router` carries for (they become one of its outlets); `redraw`
    /// runs after anything the browser did to a connection.
    pub fn new(router: Rc<Router>, redraw: Rc<dyn Fn()>) -> Links {
        let inner = Rc::new(Inner {
            router: router.clone(),
            redraw,
            conns: RefCell::new(VecMap::new()),
            stun: stun_from_url(),
            on_hide: RefCell::new(None),
        });
        let weak = Rc::downgrade(&inner);
        router.outlets().add(move |f| {
            if let Some(i) = weak.upgrade() {
                i.send(f);
            }
        });
        // Say goodbye on every link when the page goes away, as on the channel.
        let weak = Rc::downgrade(&inner);
        let on_hide = Closure::<dyn FnMut()>::new(move || {
            let Some(i) = weak.upgrade() else { return };
            if let Some(bye) = i.router.read(Playground::goodbye).flatten() {
                for c in i.conns.borrow().values() {
                    if let Some(dc) = c.open_channel() {
                        let _ = dc.send_with_str(&bye);
                    }
                }
            }
        });
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        }
        *inner.on_hide.borrow_mut() = Some(on_hide);
        Links(inner)
    }

    /// The STUN servers in use (empty: only addresses on the machines' own network).
    pub fn stun(&self) -> Vec<String> {
        self.0.stun.clone()
    }

    /// Makes an invitation: a new link waiting for its answer; returns the text to hand over.
    pub async fn invite(&self) -> Result<String, Say> {
        let inner = self.0.clone();
        let id = inner
            .router
            .apply(crate::logic::command::Command::Invite)
            .map_err(|e| e.say())
            .and_then(|a| match a {
                crate::logic::command::Applied::Linked(id) => Ok(id),
                _ => Err(busy()),
            })?;
        let pc = match inner.new_pc() {
            Ok(pc) => pc,
            Err(e) => return Err(inner.fail(&id, e)),
        };
        let dc = pc.create_data_channel("pos");
        let conn = inner.register(&id, pc.clone(), None);
        inner.attach_dc(&id, &conn, dc);
        (inner.redraw)();
        let deadline = Deadline::start();
        let offered = async {
            let offer = conn.step(pc.create_offer(), &deadline, "offer").await?;
            conn.step(
                pc.set_local_description(offer.unchecked_ref()),
                &deadline,
                "ownOffer",
            )
            .await?;
            gathered_sdp(&conn, &deadline).await
        }
        .await;
        let sdp = match offered {
            Ok(sdp) => sdp,
            Err(e) => return Err(inner.fail(&id, link_error("noInvitation").with("why", e))),
        };
        let invitation = inner
            .router
            .read(|m| m.invitation(id, sdp))
            .ok_or_else(busy)?;
        Ok(link::encode(&Signal::Invite(invitation)))
    }

    /// Accepts a pasted invitation (joining the inviter's network if this tab has no chain of
    /// its own yet); returns the answer to hand back.
    pub async fn accept(&self, text: &str) -> Result<String, Say> {
        let inner = self.0.clone();
        let inv = link::decode_invitation(text)
            .map_err(|e| link_error("badInvitation").with("why", e.say()))?;
        let (id, me) = inner
            .router
            .apply(crate::logic::command::Command::Accept(Box::new(
                inv.clone(),
            )))
            .map_err(|e| e.say())
            .and_then(|a| match a {
                crate::logic::command::Applied::Accepted(id, me) => Ok((id, me)),
                _ => Err(busy()),
            })?;
        let pc = match inner.new_pc() {
            Ok(pc) => pc,
            Err(e) => return Err(inner.fail(&id, e)),
        };
        let conn = inner.register(&id, pc.clone(), Some(inv.tab.clone()));
        (inner.redraw)();
        let deadline = Deadline::start();
        let answered = async {
            let offer = RtcSessionDescriptionInit::new(RtcSdpType::Offer);
            offer.set_sdp(&inv.sdp);
            conn.step(pc.set_remote_description(&offer), &deadline, "theirOffer")
                .await
                .map_err(|e| link_error("refusedOffer").with("why", e))?;
            let answer = conn.step(pc.create_answer(), &deadline, "answer").await?;
            conn.step(
                pc.set_local_description(answer.unchecked_ref()),
                &deadline,
                "ownAnswer",
            )
            .await?;
            gathered_sdp(&conn, &deadline).await
        }
        .await;
        let sdp = match answered {
            Ok(sdp) => sdp,
            Err(e) => return Err(inner.fail(&id, link_error("noAnswer").with("why", e))),
        };
        let answer = Answer {
            link: inv.link,
            to: inv.tab,
            tab: me,
            sdp,
        };
        Ok(link::encode(&Signal::Answer(answer)))
    }

    /// Completes one of this tab's invitations with the pasted answer; returns the link's id.
    pub async fn complete(&self, text: &str) -> Result<String, Say> {
        let inner = self.0.clone();
        let ans =
            link::decode_answer(text).map_err(|e| link_error("badAnswer").with("why", e.say()))?;
        inner
            .router
            .read(|m| m.check_answer(&ans))
            .ok_or_else(busy)??;
        let conn = inner
            .conns
            .borrow()
            .get(&ans.link)
            .cloned()
            .ok_or_else(|| link_error("gone"))?;
        // Known before the channel can open, so its first frames are taken.
        *conn.remote.borrow_mut() = Some(ans.tab.clone());
        inner.router.handle(Input::LinkAnswered {
            link: ans.link.clone(),
            tab: Some(ans.tab.clone()),
        });
        let desc = RtcSessionDescriptionInit::new(RtcSdpType::Answer);
        desc.set_sdp(&ans.sdp);
        let deadline = Deadline::start();
        let taken = conn
            .step(
                conn.pc.set_remote_description(&desc),
                &deadline,
                "takeAnswer",
            )
            .await;
        if let Err(e) = taken {
            // The invitation still waits: another (right) answer may follow.
            *conn.remote.borrow_mut() = None;
            inner.router.handle(Input::LinkAnswered {
                link: ans.link.clone(),
                tab: None,
            });
            (inner.redraw)();
            return Err(link_error("refusedAnswer").with("why", e));
        }
        (inner.redraw)();
        Ok(ans.link)
    }

    /// Closes link `id` and removes it from the list.
    pub fn forget(&self, id: &str) {
        let inner = &self.0;
        if let Some(c) = inner.conns.borrow_mut().remove(id) {
            c.close();
        }
        inner.router.handle(Input::LinkClosed(id.to_string()));
        (inner.redraw)();
    }
}

impl Inner {
    fn new_pc(&self) -> Result<RtcPeerConnection, Say> {
        let config = RtcConfiguration::new();
        let servers = js_sys::Array::new();
        for url in &self.stun {
            let s = RtcIceServer::new();
            s.set_urls(&JsValue::from_str(url));
            servers.push(&s);
        }
        config.set_ice_servers(&servers);
        RtcPeerConnection::new_with_configuration(&config)
            .map_err(|e| link_error("noWebRtc").with("detail", js_err(e)))
    }

    /// Marks link `id` failed, closes it, and returns why.
    fn fail(&self, id: &str, why: Say) -> Say {
        if let Some(c) = self.conns.borrow_mut().remove(id) {
            c.close();
        }
        self.update(id, LinkState::Failed, LinkReason::Failed);
        why
    }

    fn update(&self, id: &str, state: LinkState, reason: LinkReason) {
        self.router.handle(Input::Link {
            link: id.to_string(),
            state,
            reason,
        });
        (self.redraw)();
    }

    /// Keeps a new connection and listens to it.
    fn register(
        self: &Rc<Self>,
        id: &str,
        pc: RtcPeerConnection,
        remote: Option<String>,
    ) -> Rc<Conn> {
        let conn = Rc::new(Conn::new(pc.clone(), remote));
        let on_state = {
            let (weak, id) = (Rc::downgrade(self), id.to_string());
            Closure::<dyn FnMut(JsValue)>::new(move |_| {
                if let Some(i) = weak.upgrade() {
                    i.connection_changed(&id);
                }
            })
        };
        pc.set_onconnectionstatechange(Some(on_state.as_ref().unchecked_ref()));
        let on_channel = {
            let (weak, id) = (Rc::downgrade(self), id.to_string());
            Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                let Some(i) = weak.upgrade() else { return };
                let Some(conn) = i.conns.borrow().get(&id).cloned() else {
                    return;
                };
                let Ok(e) = e.dyn_into::<RtcDataChannelEvent>() else {
                    return;
                };
                let dc = e.channel();
                if dc.label() != "pos" || conn.dc.borrow().is_some() {
                    dc.close(); // Only one channel, "pos", per link.
                    return;
                }
                i.attach_dc(&id, &conn, dc);
            })
        };
        pc.set_ondatachannel(Some(on_channel.as_ref().unchecked_ref()));
        conn.closures.borrow_mut().extend([on_state, on_channel]);
        self.conns.borrow_mut().insert(id.to_string(), conn.clone());
        conn
    }

    fn attach_dc(self: &Rc<Self>, id: &str, conn: &Rc<Conn>, dc: RtcDataChannel) {
        let handler = |f: fn(&Inner, &str, JsValue)| {
            let (weak, id): (Weak<Inner>, String) = (Rc::downgrade(self), id.to_string());
            Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                if let Some(i) = weak.upgrade() {
                    f(&i, &id, e);
                }
            })
        };
        let on_open = handler(|i, id, _| i.update(id, LinkState::Open, LinkReason::Open));
        let on_close = handler(|i, id, _| {
            i.update(id, LinkState::Closed, LinkReason::ChannelClosed);
            if let Some(c) = i.conns.borrow().get(id) {
                c.pc.close();
            }
        });
        let on_message = handler(|i, id, e| i.received(id, e));
        dc.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        dc.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        dc.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        *conn.dc.borrow_mut() = Some(dc);
        conn.closures
            .borrow_mut()
            .extend([on_open, on_close, on_message]);
    }

    fn connection_changed(&self, id: &str) {
        let Some(conn) = self.conns.borrow().get(id).cloned() else {
            return;
        };
        match conn.pc.connection_state() {
            RtcPeerConnectionState::Connected if conn.open_channel().is_some() => {
                self.update(id, LinkState::Open, LinkReason::Open);
            }
            RtcPeerConnectionState::Connecting => {
                self.update(id, LinkState::Connecting, LinkReason::Trying)
            }
            RtcPeerConnectionState::Disconnected => {
                self.update(id, LinkState::Connecting, LinkReason::Interrupted)
            }
            RtcPeerConnectionState::Failed => {
                // Before any answer, a failure means this browser had nothing to offer
                // (Firefox fails a connection that gathered no candidate at all).
                let reason = if conn.pc.remote_description().is_none() {
                    LinkReason::NoAddress
                } else {
                    LinkReason::NoRoute
                };
                self.update(id, LinkState::Failed, reason);
                conn.close_for(reason);
            }
            RtcPeerConnectionState::Closed => {
                self.update(id, LinkState::Closed, LinkReason::Closed);
            }
            _ => {}
        }
    }

    /// One data-channel message from link `id` (untrusted).
    fn received(&self, id: &str, e: JsValue) {
        let Some(conn) = self.conns.borrow().get(id).cloned() else {
            return;
        };
        let text = e
            .dyn_ref::<MessageEvent>()
            .and_then(|e| e.data().as_string());
        let input = match text.map(|t| conn.pieces.borrow_mut().push(&t)) {
            None => Some(Input::Refused(FrameError::Malformed)),
            Some(Ok(Some(text))) => Some(Input::Frame {
                text,
                via: Via::WebRtc(id.to_string()),
            }),
            Some(Ok(None)) => None, // One piece of a longer frame.
            Some(Err(e)) => Some(Input::Refused(e)),
        };
        if let Some(input) = input {
            self.router.handle(input);
        }
        let over = self
            .router
            .read(|m| m.link(id).is_none_or(|l| l.state.is_over()))
            .unwrap_or(false);
        if over {
            conn.close();
        }
    }

    /// Sends one frame on every open link (a frame for one tab only on that tab's link).
    fn send(&self, frame: &str) {
        self.prune();
        let to = link::addressed_tab(frame);
        // Cut once per piece size: every engine of this class may take a different one.
        let mut cuts: Vec<(usize, Vec<String>)> = Vec::new();
        for c in self.conns.borrow().values() {
            let Some(dc) = c.open_channel() else { continue };
            if let (Some(to), Some(remote)) = (to, c.remote.borrow().as_deref()) {
                if to != remote {
                    continue;
                }
            }
            if dc.buffered_amount() > MAX_BUFFERED {
                continue;
            }
            let limit = c.piece_limit();
            let at = match cuts.iter().position(|(l, _)| *l == limit) {
                Some(at) => at,
                None => {
                    cuts.push((limit, link::split(frame, limit)));
                    cuts.len() - 1
                }
            };
            for p in &cuts[at].1 {
                if dc.send_with_str(p).is_err() {
                    break;
                }
            }
        }
    }

    /// Closes connections whose link the model no longer has (a new network was started or
    /// imported in this tab) or has given up.
    fn prune(&self) {
        let ids: Vec<String> = self.conns.borrow().keys().cloned().collect();
        let Some(dead) = self.router.read(|m| {
            ids.into_iter()
                .filter(|id| m.link(id).is_none_or(|l| l.state.is_over()))
                .collect::<Vec<_>>()
        }) else {
            return;
        };
        for id in dead {
            if let Some(c) = self.conns.borrow_mut().remove(&id) {
                c.close();
            }
        }
    }
}
