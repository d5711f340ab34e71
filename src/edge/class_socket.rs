//! The browser edge of the class server (`crate::logic::class`): one WebSocket to the server the
//! page came from. It only carries: the server's messages go to the [`Router`] as [`Input`]s
//! or to the WebRTC links (`webrtc.rs`), whose invitations and answers it passes back, and
//! every frame the tab says leaves through it too, as one of the router's outlets (the server
//! hands it to its own tab and relays it where a link could not open).

use crate::edge::clock::{now_ms, sleep, Interval};
use crate::edge::driver::Router;
use crate::edge::webrtc::Links;
use crate::logic::class::{ToPage, ToServer, LINK_WAIT_MS, META_NAME, SOCKET_PATH};
use crate::logic::input::Input;
use crate::logic::link::{self, Signal};
use crate::logic::mesh::{Role, Via};
use crate::logic::wire::FrameError;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast as _;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

/// How long after the socket closed the page tries again (ms).
pub const RECONNECT_MS: i32 = 3_000;

/// How long after the server refused it the page tries again (ms): a full class may have room
/// by then, and a tab id still held by the page's own dead connection is free.
pub const RETRY_REFUSED_MS: i32 = 10_000;

/// The default class name when the page was served by a class server (its `<meta>`).
pub fn class_from_page() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector(&format!("meta[name=\"{META_NAME}\"]"))
        .ok()??;
    let name = meta.get_attribute("content")?;
    crate::edge::channel::clean_network_name(&name)
}

/// A socket event handler.
/// Where a tab keeps the teacher's token for its reloads (sessionStorage: that tab only).
const TEACHER_KEY: &str = "pos-playground:teacher";

/// The teacher's token, if this tab was opened from the teacher's address: taken out of the
/// address bar at once (`history.replaceState`, so the projector never shows it) and kept in
/// this tab's sessionStorage for its reloads.
pub fn teacher_token() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let search = location.search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let valid = |t: &str| {
        (1..=crate::logic::class::MAX_TOKEN_CHARS).contains(&t.len())
            && t.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    if let Some(token) = params.get("teacher") {
        params.delete("teacher");
        let query = params.to_string().as_string().unwrap_or_default();
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        let hash = location.hash().unwrap_or_default();
        let clean = if query.is_empty() {
            format!("{path}{hash}")
        } else {
            format!("{path}?{query}{hash}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
        }
        if valid(&token) {
            let _ = crate::edge::storage::store(
                crate::edge::storage::Area::Session,
                TEACHER_KEY,
                &token,
            );
            return Some(token);
        }
        return None;
    }
    crate::edge::storage::load(crate::edge::storage::Area::Session, TEACHER_KEY)
        .filter(|t| valid(t))
}

type Handler = Closure<dyn FnMut(web_sys::Event)>;

struct Inner {
    router: Rc<Router>,
    links: Links,
    redraw: Rc<dyn Fn()>,
    url: String,
    socket: RefCell<Option<WebSocket>>,
    /// Links the server asked for: the other tab and when (ms).
    pending: RefCell<Vec<(String, u64)>>,
    /// The addresses last told to the server.
    told: RefCell<Vec<String>>,
    /// The page is going away: no reconnecting.
    stopped: RefCell<bool>,
    /// Why the server refused this page, until the socket closes.
    refusal: RefCell<Option<String>>,
    /// The teacher's token (the teacher's page only): added to its lead messages.
    token: Option<String>,
    closures: RefCell<Vec<Handler>>,
    _check: RefCell<Option<Interval>>,
}

/// The open (or reopening) socket; dropping it closes it.
pub struct ClassSocket(Rc<Inner>);

impl Drop for ClassSocket {
    fn drop(&mut self) {
        *self.0.stopped.borrow_mut() = true;
        if let Some(s) = self.0.socket.borrow_mut().take() {
            let _ = s.close();
        }
    }
}

impl ClassSocket {
    /// Connects to the server the page came from for class `class`; becomes one of
    /// `router`'s outlets. `None` where there is no window.
    pub fn open(
        class: &str,
        router: Rc<Router>,
        links: Links,
        redraw: Rc<dyn Fn()>,
        token: Option<String>,
    ) -> Option<ClassSocket> {
        let location = web_sys::window()?.location();
        let scheme = if location.protocol().ok()? == "https:" {
            "wss"
        } else {
            "ws"
        };
        let url = format!(
            "{scheme}://{}{SOCKET_PATH}?net={class}",
            location.host().ok()?
        );
        let teacher = token.is_some();
        router.handle(Input::ClassOpening { teacher });
        let inner = Rc::new(Inner {
            router: router.clone(),
            links,
            redraw,
            url,
            socket: RefCell::new(None),
            pending: RefCell::new(Vec::new()),
            told: RefCell::new(Vec::new()),
            stopped: RefCell::new(false),
            refusal: RefCell::new(None),
            token,
            closures: RefCell::new(Vec::new()),
            _check: RefCell::new(None),
        });
        let weak = Rc::downgrade(&inner);
        router.outlets().add(move |frame| {
            if let Some(i) = weak.upgrade() {
                let to = link::addressed_tab(frame).map(str::to_string);
                i.say(&ToServer::Frame {
                    to,
                    text: frame.to_string(),
                });
            }
        });
        let weak = Rc::downgrade(&inner);
        router.outlets().add_class(move |m| {
            if let Some(i) = weak.upgrade() {
                match m {
                    ToServer::Teach { order, .. } => i.say(&ToServer::Teach {
                        token: i.token.clone().unwrap_or_default(),
                        order: order.clone(),
                    }),
                    other => i.say(other),
                }
            }
        });
        let weak = Rc::downgrade(&inner);
        *inner._check.borrow_mut() = Interval::new(500, move || {
            if let Some(i) = weak.upgrade() {
                i.check(now_ms());
            }
        });
        connect(&inner);
        Some(ClassSocket(inner))
    }
}

fn connect(inner: &Rc<Inner>) {
    let Ok(socket) = WebSocket::new(&inner.url) else {
        return;
    };
    let handler = |f: fn(&Rc<Inner>, web_sys::Event)| {
        let weak: Weak<Inner> = Rc::downgrade(inner);
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            if let Some(i) = weak.upgrade() {
                f(&i, e);
            }
        })
    };
    let on_open = handler(|i, _| {
        let Some((tab, addresses)) = i.router.read(|m| (m.tab_id(), m.addresses())) else {
            return;
        };
        *i.told.borrow_mut() = addresses.clone();
        i.say(&ToServer::Join { tab, addresses });
        // The tab says its hello again, now that the socket carries it.
        i.router.handle(Input::ClassConnected {
            open: true,
            problem: None,
        });
    });
    let on_message = handler(|i, e| {
        let Some(text) = e
            .dyn_ref::<MessageEvent>()
            .and_then(|e| e.data().as_string())
        else {
            return;
        };
        i.received(&text);
    });
    let on_close = handler(|i, e| {
        let reason = e
            .dyn_ref::<CloseEvent>()
            .map(|c| c.reason())
            .filter(|r| !r.is_empty());
        let refusal = i.refusal.borrow_mut().take();
        let wait = if refusal.is_some() {
            RETRY_REFUSED_MS
        } else {
            RECONNECT_MS
        };
        {
            let why = match (refusal, reason) {
                (Some(r), _) => {
                    format!("The class server refused this page: {r}. Trying again in 10 seconds.")
                }
                (None, Some(r)) => format!(
                    "The class server closed the connection ({r}): trying again in 3 seconds."
                ),
                (None, None) => {
                    "The class server closed the connection: trying again in 3 seconds.".into()
                }
            };
            i.router.handle(Input::ClassConnected {
                open: false,
                problem: Some(why),
            });
        }
        i.socket.borrow_mut().take();
        i.pending.borrow_mut().clear();
        (i.redraw)();
        let weak = Rc::downgrade(i);
        wasm_bindgen_futures::spawn_local(async move {
            sleep(wait).await;
            if let Some(i) = weak.upgrade() {
                if !*i.stopped.borrow() && i.socket.borrow().is_none() {
                    connect(&i);
                }
            }
        });
    });
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    let mut closures = inner.closures.borrow_mut();
    closures.clear();
    closures.extend([on_open, on_message, on_close]);
    *inner.socket.borrow_mut() = Some(socket);
}

impl Inner {
    fn say(&self, m: &ToServer) {
        if let Some(s) = self.socket.borrow().as_ref() {
            if s.ready_state() == WebSocket::OPEN {
                let _ = s.send_with_str(&m.to_text());
            }
        }
    }

    fn received(self: &Rc<Self>, text: &str) {
        let Ok(msg) = ToPage::parse(text) else {
            return self.router.handle(Input::Refused(FrameError::Malformed));
        };
        let input = match msg {
            ToPage::Welcome {
                class,
                server,
                address,
            } => Input::ClassWelcome {
                class,
                server,
                address,
            },
            ToPage::Link { tab } => return self.invite(tab),
            ToPage::Signal { from, text } => return self.signal(from, text),
            ToPage::Relay { tab } => {
                self.pending.borrow_mut().retain(|(t, _)| *t != tab);
                self.close_link_to(&tab);
                Input::ClassRelay(tab)
            }
            ToPage::Frame { from, text } => Input::Frame {
                text,
                via: Via::Relay(from),
            },
            ToPage::Roster { members } => Input::ClassRoster(members),
            ToPage::Lead(lead) => Input::ClassLead(lead),
            ToPage::NotLeading { reason } => Input::NotLeading(reason),
            ToPage::Refused { reason } => {
                // Shown when the socket closes, which the server does next.
                *self.refusal.borrow_mut() = Some(reason);
                return;
            }
        };
        self.router.handle(input);
    }

    /// The server asked this page to link to `tab`: once the tab has joined the class's
    /// network, it makes an invitation and sends it through the server.
    fn invite(self: &Rc<Self>, tab: String) {
        // Still linked from before the socket reopened: say so instead of linking twice.
        let linked = self.router.read(|m| {
            m.links().iter().any(|l| {
                l.remote.as_deref() == Some(tab.as_str()) && l.state == link::LinkState::Open
            })
        });
        if linked == Some(true) {
            return self.say(&ToServer::Path { tab, webrtc: true });
        }
        self.pending.borrow_mut().push((tab.clone(), now_ms()));
        let me = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let since = now_ms();
            let discovering = |m: &crate::logic::model::Playground| {
                m.mesh().is_some_and(|x| x.role() == Role::Discovering)
            };
            while me.router.read(discovering).unwrap_or(true) {
                if now_ms() > since + LINK_WAIT_MS {
                    return;
                }
                sleep(200).await;
            }
            match me.links.invite().await {
                Ok(text) => me.say(&ToServer::Signal { to: tab, text }),
                Err(_) => me.say(&ToServer::Path { tab, webrtc: false }),
            }
        });
    }

    /// An invitation (answered through the server) or an answer (completing a link).
    fn signal(self: &Rc<Self>, from: String, text: String) {
        let me = self.clone();
        match link::decode(&text) {
            Ok(Signal::Invite(_)) => {
                self.pending.borrow_mut().push((from.clone(), now_ms()));
                wasm_bindgen_futures::spawn_local(async move {
                    match me.links.accept(&text).await {
                        Ok(answer) => me.say(&ToServer::Signal {
                            to: from,
                            text: answer,
                        }),
                        Err(_) => me.say(&ToServer::Path {
                            tab: from,
                            webrtc: false,
                        }),
                    }
                });
            }
            Ok(Signal::Answer(_)) => wasm_bindgen_futures::spawn_local(async move {
                if me.links.complete(&text).await.is_err() {
                    me.say(&ToServer::Path {
                        tab: from,
                        webrtc: false,
                    });
                }
            }),
            Err(_) => self.router.handle(Input::Refused(FrameError::Malformed)),
        }
    }

    fn close_link_to(&self, tab: &str) {
        let ids: Vec<String> = self
            .router
            .read(|m| {
                m.links()
                    .into_iter()
                    .filter(|l| l.remote.as_deref() == Some(tab) && !l.state.is_over())
                    .map(|l| l.id)
                    .collect()
            })
            .unwrap_or_default();
        for id in ids {
            self.links.forget(&id);
        }
    }

    /// Links that opened are reported; those still closed after [`LINK_WAIT_MS`] are given
    /// up and relayed. New node addresses go to the roster.
    fn check(&self, now: u64) {
        let Some((open, addresses)) = self.router.read(|m| {
            let open: Vec<String> = m
                .links()
                .into_iter()
                .filter(|l| l.state == link::LinkState::Open)
                .filter_map(|l| l.remote)
                .collect();
            (open, m.addresses())
        }) else {
            return;
        };
        let mut report = Vec::new();
        self.pending.borrow_mut().retain(|(tab, since)| {
            if open.contains(tab) {
                report.push((tab.clone(), true));
                false
            } else if now > since + LINK_WAIT_MS {
                report.push((tab.clone(), false));
                false
            } else {
                true
            }
        });
        for (tab, webrtc) in report {
            if !webrtc {
                self.close_link_to(&tab);
            }
            self.say(&ToServer::Path { tab, webrtc });
        }
        if *self.told.borrow() != addresses {
            *self.told.borrow_mut() = addresses.clone();
            self.say(&ToServer::Nodes { addresses });
        }
    }
}
