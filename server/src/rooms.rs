//! The class server's state machine: rooms (one per class name), the pages in each, the
//! links between them, the relay, the roster, and each room's own tab (a native
//! [`Playground`] that hosts genesis and the exchange and forges when it wins).
//!
//! Sans-IO like the core's `Node`: time and the pages' text come in as arguments
//! ([`Rooms::handle`]), what must be sent or closed comes out as values ([`Output`]). The
//! tokio edge (`serve.rs`) only carries them. Everything a page sends is untrusted: each
//! message is size-checked and parsed ([`ToServer::parse`]), each connection is rate-limited,
//! and a page that breaks a rule is told why and cut off; nobody else loses anything.

use pos_playground::logic::class::{
    ClassError, Lead, Member, Order, Path, ToPage, ToServer, LINK_WAIT_MS, MAX_MESSAGE_BYTES,
};
use pos_playground::logic::input::Input as TabInput;
use pos_playground::logic::link::addressed_tab;
use pos_playground::logic::mesh::Via;
use pos_playground::logic::model::{new_wallet, Founders, Ids, Playground};
use pos_playground::logic::wire::MAX_TABS;
use std::collections::{BTreeMap, BTreeSet};

/// A connection's number, given by the edge.
pub type ConnId = u64;

/// Most pages in one class: as many as a tab keeps track of ([`MAX_TABS`]), so the room's
/// own tab hears everyone.
pub const MAX_MEMBERS: usize = MAX_TABS;

/// Most classes at once; a new class beyond it is refused until one is empty.
pub const MAX_ROOMS: usize = 16;

/// Most open connections, all classes together.
pub const MAX_CONNECTIONS: usize = MAX_ROOMS * MAX_MEMBERS;

/// Most messages a connection may send in one second; more and it is cut off.
pub const MAX_MESSAGES_PER_SECOND: u32 = 300;

/// How many other pages the server links each page to when it joins.
pub const LINKS_PER_PAGE: usize = 4;

/// Most links the server gives one page.
pub const MAX_LINKS_PER_PAGE: usize = 6;

/// A page with fewer links than this after a neighbour left gets a new one.
pub const MIN_LINKS_PER_PAGE: usize = 2;

/// How long the server waits for a link to open before it relays the pair anyway (ms).
pub const RELAY_AFTER_MS: u64 = LINK_WAIT_MS + 3_000;

/// Most pages that left a class the roster still shows (as offline).
pub const MAX_REMEMBERED: usize = MAX_MEMBERS;

/// How often at most the roster goes out (ms).
pub const ROSTER_EVERY_MS: u64 = 1_000;

/// Longest class name: the page's `?net=` rule.
pub const MAX_CLASS_NAME: usize = 40;

/// Lead messages a page may have refused (no token, a wrong one, a second teacher tab)
/// before it is cut off like any other rule-breaker.
pub const MAX_LEAD_REFUSALS: u32 = 5;

/// Most lead messages the teacher's page may send in one second (a held-down arrow key
/// repeats about 30 times a second); more and it is cut off like a flood.
pub const MAX_LEADS_PER_SECOND: u32 = 50;

/// How long a pause outlives the teacher's page (ms): long enough for a reload or a Wi-Fi
/// hiccup, short enough that nobody finds the class frozen. Then the class clock resumes.
pub const PAUSE_HOLD_MS: u64 = 60_000;

/// Why a lead message was refused, in words the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotLeading {
    /// The server was started without a teacher's address.
    NoTeacher,
    /// The message carried no token.
    NoToken,
    /// The token is not this server's.
    WrongToken,
    /// Another tab presented the token first and is still connected: it leads.
    AnotherTab(String),
    /// A step while the class clock runs.
    NotPaused,
}

impl std::fmt::Display for NotLeading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotLeading::NoTeacher => write!(f, "this class server has no teacher's address"),
            NotLeading::NoToken => write!(
                f,
                "only the teacher's page leads (the address the server printed for the teacher)"
            ),
            NotLeading::WrongToken => write!(
                f,
                "that is not this server's teacher token (it changes every time the server starts: open the teacher's address it printed)"
            ),
            NotLeading::AnotherTab(t) => write!(
                f,
                "the teacher's page in tab {t} leads: it presented the token first and is still open (close it to lead from here)"
            ),
            NotLeading::NotPaused => write!(f, "a step works while the class clock is paused"),
        }
    }
}

/// Whether two tokens are equal, in time that depends only on their lengths (never on where
/// they first differ), so a page cannot guess the token a character at a time.
pub fn same_token(expected: &[u8], given: &[u8]) -> bool {
    let mut diff = u8::from(expected.len() != given.len());
    for (i, e) in expected.iter().enumerate() {
        let g = given.get(i).copied().unwrap_or(!*e);
        diff |= std::hint::black_box(e ^ g);
    }
    std::hint::black_box(diff) == 0
}

/// Something that happened at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A page opened a WebSocket for class `class` (the `?net=` of its address, untrusted).
    Open {
        /// The connection.
        conn: ConnId,
        /// The class name asked for.
        class: String,
    },
    /// A text message from a page (untrusted).
    Text {
        /// The connection.
        conn: ConnId,
        /// The text.
        text: String,
    },
    /// A message that was not text, or longer than the edge reads.
    Junk {
        /// The connection.
        conn: ConnId,
    },
    /// The connection closed.
    Closed {
        /// The connection.
        conn: ConnId,
    },
    /// Time passed: the rooms' tabs move on, links that never opened are relayed, rosters
    /// go out.
    Tick,
}

/// What the edge must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Send a text message on a connection.
    Send {
        /// The connection.
        conn: ConnId,
        /// The text.
        text: String,
    },
    /// Close a connection (after sending what came before).
    Close {
        /// The connection.
        conn: ConnId,
        /// Why, in words.
        reason: String,
    },
}

/// Why the server cut a page off or refused it, in words the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The class name is empty or has other characters than letters, digits, `-` and `_`.
    BadClass,
    /// [`MAX_ROOMS`] classes run already.
    TooManyClasses,
    /// [`MAX_MEMBERS`] pages are in the class already.
    ClassFull,
    /// [`MAX_CONNECTIONS`] are open.
    ServerFull,
    /// The first message was not a `join`.
    JoinFirst,
    /// Another page of the class uses this tab id.
    TabTaken,
    /// More than [`MAX_MESSAGES_PER_SECOND`].
    Flood,
    /// A message that breaks the protocol.
    Bad(ClassError),
    /// A frame in another tab's name.
    NotYourTab,
    /// The room's own tab could not be made (no secure randomness on the server).
    NoKeys,
    /// [`MAX_LEAD_REFUSALS`] lead messages refused.
    KeepsLeading,
    /// More than [`MAX_LEADS_PER_SECOND`] lead messages.
    LeadFlood,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::BadClass => write!(
                f,
                "a class name is 1 to {MAX_CLASS_NAME} letters, digits, - and _"
            ),
            Refusal::TooManyClasses => {
                write!(f, "the server runs {MAX_ROOMS} classes already")
            }
            Refusal::ClassFull => write!(f, "the class has {MAX_MEMBERS} pages already"),
            Refusal::ServerFull => write!(f, "the server has {MAX_CONNECTIONS} pages already"),
            Refusal::JoinFirst => write!(f, "the first message must be a join"),
            Refusal::TabTaken => write!(f, "another page of this class has the same tab id"),
            Refusal::Flood => write!(
                f,
                "more than {MAX_MESSAGES_PER_SECOND} messages in one second: cut off"
            ),
            Refusal::Bad(e) => write!(f, "{e}"),
            Refusal::NotYourTab => write!(f, "a frame in another tab's name: cut off"),
            Refusal::NoKeys => write!(f, "the server has no secure randomness for keys"),
            Refusal::KeepsLeading => write!(
                f,
                "{MAX_LEAD_REFUSALS} lead messages refused: only the teacher's page leads: cut off"
            ),
            Refusal::LeadFlood => write!(
                f,
                "more than {MAX_LEADS_PER_SECOND} lead messages in one second: cut off"
            ),
        }
    }
}

/// The keys a new room's tab is made of: founders, ids and the spare wallet.
pub type HubKeys = Box<dyn FnMut() -> Option<(Founders, Ids)> + Send>;

/// Fresh keys from the operating system's secure generator.
pub fn fresh_keys() -> HubKeys {
    Box::new(|| Some((Founders::generate().ok()?, Ids::generate().ok()?)))
}

/// The state of a link the server asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// Asked for at this time (ms); not open yet.
    Connecting(u64),
    /// The data channel is open.
    Webrtc,
    /// The server carries the pair's frames.
    Relay,
}

#[derive(Debug)]
struct Page {
    conn: ConnId,
    tab: String,
    addresses: Vec<String>,
    /// When it joined (ms): the order links are chosen in.
    joined: u64,
    /// Whether it follows the teacher, as it last said.
    following: Option<bool>,
}

/// One class.
pub struct Room {
    name: String,
    hub: Playground,
    pages: BTreeMap<String, Page>,
    /// Links between two pages, by their tab ids in order.
    edges: BTreeMap<(String, String), Edge>,
    /// Pages that left: tab, addresses (oldest first).
    left: Vec<(String, Vec<String>)>,
    roster_due: bool,
    last_roster: u64,
    /// The class's lead: where the teacher is and the class clock.
    lead: Lead,
    /// The connection of the teacher's page that leads.
    teacher: Option<ConnId>,
    /// When a pause held by a teacher who left ends (ms).
    pause_ends: Option<u64>,
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a < b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

impl Room {
    /// The room's own tab (for the HTTP views).
    pub fn hub(&self) -> &Playground {
        &self.hub
    }

    /// The room's own tab, to change (a posted transaction).
    pub fn hub_mut(&mut self) -> &mut Playground {
        &mut self.hub
    }

    /// How many pages are in it.
    pub fn pages(&self) -> usize {
        self.pages.len()
    }

    /// The class's lead.
    pub fn lead(&self) -> &Lead {
        &self.lead
    }

    /// The height of the room's own tab's chain.
    fn height(&self) -> u64 {
        self.hub.summary(0).map_or(0, |s| s.height)
    }

    /// The lead as it leaves at `now`: with where the class clock is in chain time (the
    /// room's own tab keeps the class clock; every page counts on from it).
    fn lead_at(&self, now: u64) -> Lead {
        Lead {
            clock: self.hub.chain_time(now),
            ..self.lead.clone()
        }
    }

    /// Puts the room's own tab on the class clock at `now` and sends the lead to every page.
    fn send_lead(&mut self, now: u64, out: &mut Vec<Output>) {
        self.hub
            .set_class_clock(now, self.lead.forge_up_to, self.lead.speed, None);
        let text = ToPage::Lead(self.lead_at(now)).to_text();
        for p in self.pages.values() {
            out.push(Output::Send {
                conn: p.conn,
                text: text.clone(),
            });
        }
    }

    /// Carries out the teacher's order; whether the lead changed.
    fn obey(&mut self, order: Order) -> Result<bool, NotLeading> {
        let before = self.lead.clone();
        let height = self.height();
        let l = &mut self.lead;
        match order {
            Order::Place(p) => l.place = p,
            Order::Pause => {
                if !l.paused {
                    l.paused = true;
                    l.forge_up_to = Some(height);
                }
            }
            Order::Step => {
                if !l.paused {
                    return Err(NotLeading::NotPaused);
                }
                l.forge_up_to = Some(height + 1);
            }
            Order::Resume => {
                l.paused = false;
                l.forge_up_to = None;
            }
            Order::Speed(q) => l.speed = q,
            Order::CallBack => {
                l.place.follow = true;
                l.call_back = l.call_back.saturating_add(1);
            }
        }
        Ok(self.lead != before)
    }

    fn degree(&self, tab: &str) -> usize {
        self.edges
            .keys()
            .filter(|(a, b)| a == tab || b == tab)
            .count()
    }

    /// The other ends of `tab`'s links that pass `keep`.
    fn ends(&self, tab: &str, keep: impl Fn(Edge) -> bool) -> Vec<String> {
        self.edges
            .iter()
            .filter(|(_, e)| keep(**e))
            .filter_map(|((a, b), _)| match (a == tab, b == tab) {
                (true, _) => Some(b.clone()),
                (_, true) => Some(a.clone()),
                _ => None,
            })
            .collect()
    }

    fn neighbours(&self, tab: &str) -> Vec<String> {
        self.ends(tab, |_| true)
    }

    fn relayed(&self, tab: &str) -> Vec<String> {
        self.ends(tab, |e| e == Edge::Relay)
    }

    /// Pages `tab` may be linked to next: not itself, not linked yet, below the link limit;
    /// fewest links first, then the oldest.
    fn candidates(&self, tab: &str) -> Vec<String> {
        let mut c: Vec<(usize, u64, String)> = self
            .pages
            .values()
            .filter(|p| p.tab != tab && !self.edges.contains_key(&pair(tab, &p.tab)))
            .map(|p| (self.degree(&p.tab), p.joined, p.tab.clone()))
            .filter(|(d, _, _)| *d < MAX_LINKS_PER_PAGE)
            .collect();
        c.sort();
        c.into_iter().map(|(_, _, t)| t).collect()
    }

    /// Asks `tab` to invite `other`.
    fn link(&mut self, tab: &str, other: &str, now: u64, out: &mut Vec<Output>) {
        let Some(p) = self.pages.get(tab) else { return };
        self.edges.insert(pair(tab, other), Edge::Connecting(now));
        out.push(send(
            p.conn,
            &ToPage::Link {
                tab: other.to_string(),
            },
        ));
        self.roster_due = true;
    }

    fn relay(&mut self, a: &str, b: &str, out: &mut Vec<Output>) {
        let key = pair(a, b);
        if self.edges.get(&key) == Some(&Edge::Relay) {
            return;
        }
        self.edges.insert(key, Edge::Relay);
        for (me, other) in [(a, b), (b, a)] {
            if let Some(p) = self.pages.get(me) {
                out.push(send(
                    p.conn,
                    &ToPage::Relay {
                        tab: other.to_string(),
                    },
                ));
            }
        }
        self.roster_due = true;
    }

    /// Frames the room's tab says go to every page (or the one addressed).
    fn flush_hub(&mut self, frames: Vec<String>, out: &mut Vec<Output>) {
        let from = self.hub.tab_id();
        for text in frames {
            let to = addressed_tab(&text).map(str::to_string);
            let msg = ToPage::Frame {
                from: from.clone(),
                text,
            }
            .to_text();
            for p in self.pages.values() {
                if to.as_deref().is_none_or(|t| t == p.tab) {
                    out.push(Output::Send {
                        conn: p.conn,
                        text: msg.clone(),
                    });
                }
            }
        }
    }

    fn roster_for(&self, tab: &str) -> ToPage {
        let hub_tab = self.hub.tab_id();
        let mut members = vec![Member {
            tab: hub_tab,
            addresses: self.hub.addresses(),
            online: true,
            path: Path::Server,
            server: true,
            following: None,
        }];
        for p in self.pages.values() {
            let path = if p.tab == tab {
                Path::Server
            } else {
                match self.edges.get(&pair(tab, &p.tab)) {
                    Some(Edge::Connecting(_)) => Path::Connecting,
                    Some(Edge::Webrtc) => Path::Webrtc,
                    Some(Edge::Relay) => Path::Relay,
                    None => Path::Overlay,
                }
            };
            members.push(Member {
                tab: p.tab.clone(),
                addresses: p.addresses.clone(),
                online: true,
                path,
                server: false,
                following: p.following,
            });
        }
        for (t, a) in &self.left {
            if !self.pages.contains_key(t) {
                members.push(Member {
                    tab: t.clone(),
                    addresses: a.clone(),
                    online: false,
                    path: Path::Overlay,
                    server: false,
                    following: None,
                });
            }
        }
        ToPage::Roster { members }
    }

    fn send_rosters(&mut self, now: u64, out: &mut Vec<Output>) {
        if !self.roster_due || now < self.last_roster + ROSTER_EVERY_MS {
            return;
        }
        self.roster_due = false;
        self.last_roster = now;
        for p in self.pages.values() {
            out.push(send(p.conn, &self.roster_for(&p.tab)));
        }
    }
}

fn send(conn: ConnId, m: &ToPage) -> Output {
    Output::Send {
        conn,
        text: m.to_text(),
    }
}

/// A connection as the server knows it.
#[derive(Debug)]
struct Conn {
    class: String,
    /// The tab it joined as (none before its `join`).
    tab: Option<String>,
    /// Start of its rate window (ms), messages in it, and lead messages in it.
    window: (u64, u32, u32),
    /// Its lead messages refused so far.
    lead_refusals: u32,
}

/// Every class the server runs.
pub struct Rooms {
    rooms: BTreeMap<String, Room>,
    conns: BTreeMap<ConnId, Conn>,
    keys: HubKeys,
    /// The address pages are opened at (what the QR code says), without the query.
    address: String,
    /// The teacher's token (from the operating system's secure generator, per start), if
    /// the server has a teacher's address. Never sent to any page.
    token: Option<Vec<u8>>,
}

/// Whether `name` is a class name: 1 to [`MAX_CLASS_NAME`] letters, digits, `-`, `_`.
pub fn valid_class(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_CLASS_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Rooms {
    /// No classes yet; new rooms' tabs are made of `keys`. `address` is where pages are
    /// opened (`http://192.168.1.20:8080/`).
    pub fn new(keys: HubKeys, address: String) -> Rooms {
        Rooms {
            rooms: BTreeMap::new(),
            conns: BTreeMap::new(),
            keys,
            address,
            token: None,
        }
    }

    /// The teacher's address leads with `token`: only a page that presents it leads.
    pub fn set_teacher_token(&mut self, token: &str) {
        self.token = Some(token.as_bytes().to_vec());
    }

    /// The address the teacher opens for class `name` (print it in the terminal only).
    pub fn teacher_address(&self, name: &str, token: &str) -> String {
        format!("{}&teacher={token}", self.class_address(name))
    }

    /// The class called `name`, made (with its own tab hosting) if there is room.
    pub fn room_or_new(&mut self, name: &str, now: u64) -> Result<&mut Room, Refusal> {
        if !valid_class(name) {
            return Err(Refusal::BadClass);
        }
        if !self.rooms.contains_key(name) {
            if self.rooms.len() >= MAX_ROOMS {
                // An empty class makes room (its chain goes with it).
                let empty = self
                    .rooms
                    .iter()
                    .find(|(_, r)| r.pages.is_empty())
                    .map(|(n, _)| n.clone());
                match empty {
                    Some(n) => {
                        self.rooms.remove(&n);
                    }
                    None => return Err(Refusal::TooManyClasses),
                }
            }
            let (founders, ids) = (self.keys)().ok_or(Refusal::NoKeys)?;
            let wallet = new_wallet().map_err(|_| Refusal::NoKeys)?;
            let mut hub = Playground::networked(name, founders, ids, now, wallet, true);
            let address = self.class_address(name);
            hub.serve_class(&address);
            self.rooms.insert(
                name.to_string(),
                Room {
                    name: name.to_string(),
                    hub,
                    pages: BTreeMap::new(),
                    edges: BTreeMap::new(),
                    left: Vec::new(),
                    roster_due: false,
                    last_roster: 0,
                    lead: Lead::default(),
                    teacher: None,
                    pause_ends: None,
                },
            );
        }
        self.rooms.get_mut(name).ok_or(Refusal::BadClass)
    }

    /// The class called `name`, if it runs.
    pub fn room(&self, name: &str) -> Option<&Room> {
        self.rooms.get(name)
    }

    /// The class called `name`, to change.
    pub fn room_mut(&mut self, name: &str) -> Option<&mut Room> {
        self.rooms.get_mut(name)
    }

    /// The classes running, with how many pages each has.
    pub fn classes(&self) -> Vec<(String, usize)> {
        self.rooms
            .values()
            .map(|r| (r.name.clone(), r.pages.len()))
            .collect()
    }

    /// The address to open for class `name`.
    pub fn class_address(&self, name: &str) -> String {
        format!("{}?net={name}", self.address)
    }

    /// Open connections.
    pub fn connections(&self) -> usize {
        self.conns.len()
    }

    /// Takes one input at `now` (ms); returns what the edge must do, in order.
    pub fn handle(&mut self, now: u64, input: Input) -> Vec<Output> {
        let mut out = Vec::new();
        match input {
            Input::Open { conn, class } => {
                if let Err(r) = self.open(conn, class, now) {
                    out.push(refuse(conn, &r));
                    out.push(Output::Close {
                        conn,
                        reason: r.to_string(),
                    });
                }
            }
            Input::Text { conn, text } => {
                if let Err(r) = self.text(conn, &text, now, &mut out) {
                    out.push(refuse(conn, &r));
                    self.close(conn, now, &mut out);
                }
            }
            Input::Junk { conn } => {
                let r = Refusal::Bad(ClassError::TooLarge(MAX_MESSAGE_BYTES + 1));
                out.push(refuse(conn, &r));
                self.close(conn, now, &mut out);
            }
            Input::Closed { conn } => self.close(conn, now, &mut out),
            Input::Tick => self.tick(now, &mut out),
        }
        out
    }

    fn open(&mut self, conn: ConnId, class: String, now: u64) -> Result<(), Refusal> {
        if self.conns.len() >= MAX_CONNECTIONS {
            return Err(Refusal::ServerFull);
        }
        let room = self.room_or_new(&class, now)?;
        if room.pages.len() >= MAX_MEMBERS {
            return Err(Refusal::ClassFull);
        }
        self.conns.insert(
            conn,
            Conn {
                class,
                tab: None,
                window: (now, 0, 0),
                lead_refusals: 0,
            },
        );
        Ok(())
    }

    fn text(
        &mut self,
        conn: ConnId,
        text: &str,
        now: u64,
        out: &mut Vec<Output>,
    ) -> Result<(), Refusal> {
        let Some(c) = self.conns.get_mut(&conn) else {
            return Ok(()); // Refused at open, or closed: nothing to do.
        };
        if now >= c.window.0 + 1_000 {
            c.window = (now, 0, 0);
        }
        c.window.1 += 1;
        if c.window.1 > MAX_MESSAGES_PER_SECOND {
            return Err(Refusal::Flood);
        }
        let msg = ToServer::parse(text).map_err(Refusal::Bad)?;
        if matches!(msg, ToServer::Teach { .. }) {
            c.window.2 += 1;
            if c.window.2 > MAX_LEADS_PER_SECOND {
                return Err(Refusal::LeadFlood);
            }
        }
        let class = c.class.clone();
        let me = c.tab.clone();
        let address = self.class_address(&class);
        let Some(room) = self.rooms.get_mut(&class) else {
            return Ok(());
        };
        match (me, msg) {
            (None, ToServer::Join { tab, addresses }) => {
                if room.pages.contains_key(&tab) || tab == room.hub.tab_id() {
                    return Err(Refusal::TabTaken);
                }
                if room.pages.len() >= MAX_MEMBERS {
                    return Err(Refusal::ClassFull);
                }
                out.push(send(
                    conn,
                    &ToPage::Welcome {
                        class: class.clone(),
                        server: room.hub.tab_id(),
                        address,
                    },
                ));
                // The class's lead at once: a new or reconnecting page follows the present.
                out.push(send(conn, &ToPage::Lead(room.lead_at(now))));
                room.pages.insert(
                    tab.clone(),
                    Page {
                        conn,
                        tab: tab.clone(),
                        addresses,
                        joined: now,
                        following: None,
                    },
                );
                room.left.retain(|(t, _)| *t != tab);
                for other in room.candidates(&tab).into_iter().take(LINKS_PER_PAGE) {
                    room.link(&tab, &other, now, out);
                }
                room.roster_due = true;
                if let Some(c) = self.conns.get_mut(&conn) {
                    c.tab = Some(tab);
                }
            }
            (None, _) => return Err(Refusal::JoinFirst),
            (Some(_), ToServer::Join { .. }) => return Err(Refusal::Bad(ClassError::Malformed)),
            (Some(me), ToServer::Nodes { addresses }) => {
                if let Some(p) = room.pages.get_mut(&me) {
                    if p.addresses != addresses {
                        p.addresses = addresses;
                        room.roster_due = true;
                    }
                }
            }
            (Some(me), ToServer::Teach { token, order }) => {
                let why = match &self.token {
                    None => Some(NotLeading::NoTeacher),
                    Some(_) if token.is_empty() => Some(NotLeading::NoToken),
                    Some(t) if !same_token(t, token.as_bytes()) => Some(NotLeading::WrongToken),
                    _ => match room.teacher {
                        Some(c) if c != conn => Some(NotLeading::AnotherTab(
                            room.lead.teacher.clone().unwrap_or_default(),
                        )),
                        _ => None,
                    },
                };
                if let Some(why) = why {
                    room.lead.refused = room.lead.refused.saturating_add(1);
                    out.push(send(
                        conn,
                        &ToPage::NotLeading {
                            reason: why.to_string(),
                        },
                    ));
                    // The teacher sees the count.
                    if let Some(p) = room.teacher.filter(|t| *t != conn) {
                        out.push(send(p, &ToPage::Lead(room.lead_at(now))));
                    }
                    let c = self.conns.get_mut(&conn).ok_or(Refusal::JoinFirst)?;
                    c.lead_refusals += 1;
                    if c.lead_refusals >= MAX_LEAD_REFUSALS {
                        return Err(Refusal::KeepsLeading);
                    }
                    return Ok(());
                }
                let mut changed = room.teacher != Some(conn);
                room.teacher = Some(conn);
                room.pause_ends = None;
                room.lead.teacher = Some(me.clone());
                match room.obey(order) {
                    Ok(c) => changed |= c,
                    Err(why) => out.push(send(
                        conn,
                        &ToPage::NotLeading {
                            reason: why.to_string(),
                        },
                    )),
                }
                if changed {
                    room.send_lead(now, out);
                    room.roster_due = true;
                }
            }
            (Some(me), ToServer::Status { following }) => {
                if let Some(p) = room.pages.get_mut(&me) {
                    if p.following != Some(following) {
                        p.following = Some(following);
                        room.roster_due = true;
                    }
                }
            }
            (Some(me), ToServer::Signal { to, text }) => {
                // Only between pages the server linked, so nobody can spam the class.
                if room.edges.contains_key(&pair(&me, &to)) {
                    if let Some(p) = room.pages.get(&to) {
                        out.push(send(p.conn, &ToPage::Signal { from: me, text }));
                    }
                }
            }
            (Some(me), ToServer::Path { tab, webrtc }) => {
                let key = pair(&me, &tab);
                match (room.edges.get(&key).copied(), webrtc) {
                    (Some(Edge::Connecting(_)), true) => {
                        room.edges.insert(key, Edge::Webrtc);
                        room.roster_due = true;
                    }
                    (Some(Edge::Connecting(_) | Edge::Webrtc), false) => room.relay(&me, &tab, out),
                    _ => {}
                }
            }
            (Some(me), ToServer::Frame { to, text }) => {
                // The frame must be in this page's name (the room's tab checks it too).
                if pos_playground::logic::mesh::parse(&text).is_ok_and(|f| f.tab() != me) {
                    return Err(Refusal::NotYourTab);
                }
                let relayed = room.relayed(&me);
                let msg = ToPage::Frame {
                    from: me.clone(),
                    text: text.clone(),
                }
                .to_text();
                for t in relayed {
                    if to.as_deref().is_some_and(|x| x != t) {
                        continue;
                    }
                    if let Some(p) = room.pages.get(&t) {
                        out.push(Output::Send {
                            conn: p.conn,
                            text: msg.clone(),
                        });
                    }
                }
                // The room's tab takes the frame; a presence answer (`here`) goes only to this
                // page, not to the whole class, and the rest after the network's next step.
                let input = TabInput::Frame {
                    text: text.clone(),
                    via: Via::Relay(me.clone()),
                };
                let answers = room.hub.handle(now, input).frames;
                if let Some(p) = room.pages.get(&me) {
                    let from = room.hub.tab_id();
                    for a in answers.iter().filter(|a| is_here(a)) {
                        out.push(send(
                            p.conn,
                            &ToPage::Frame {
                                from: from.clone(),
                                text: a.clone(),
                            },
                        ));
                    }
                }
                let mut frames: Vec<String> = answers.into_iter().filter(|a| !is_here(a)).collect();
                frames.extend(room.hub.advance(now).frames);
                room.flush_hub(frames, out);
            }
        }
        Ok(())
    }

    fn close(&mut self, conn: ConnId, now: u64, out: &mut Vec<Output>) {
        let Some(c) = self.conns.remove(&conn) else {
            return;
        };
        out.push(Output::Close {
            conn,
            reason: String::new(),
        });
        let (Some(tab), Some(room)) = (c.tab, self.rooms.get_mut(&c.class)) else {
            return;
        };
        let Some(page) = room.pages.remove(&tab) else {
            return;
        };
        if room.teacher == Some(conn) {
            // The teacher left: a pause it held ends after PAUSE_HOLD_MS unless it comes back.
            room.teacher = None;
            room.lead.teacher = None;
            if room.lead.paused {
                room.pause_ends = Some(now + PAUSE_HOLD_MS);
            }
            room.send_lead(now, out);
        }
        let neighbours = room.neighbours(&tab);
        room.edges.retain(|(a, b), _| *a != tab && *b != tab);
        if room.left.len() >= MAX_REMEMBERED {
            room.left.remove(0);
        }
        room.left.push((tab.clone(), page.addresses));
        // The room's tab hears the page said goodbye.
        let bye = pos_playground::logic::mesh::Frame::Bye { tab: tab.clone() }.to_text();
        let said = room.hub.handle(
            now,
            TabInput::Frame {
                text: bye,
                via: Via::Relay(tab),
            },
        );
        room.flush_hub(said.frames, out);
        // Pages left with few links get new ones.
        for n in neighbours {
            if room.degree(&n) >= MIN_LINKS_PER_PAGE {
                continue;
            }
            if let Some(other) = room.candidates(&n).into_iter().next() {
                room.link(&n, &other, now, out);
            }
        }
        room.roster_due = true;
    }

    fn tick(&mut self, now: u64, out: &mut Vec<Output>) {
        for room in self.rooms.values_mut() {
            let stuck: Vec<(String, String)> = room
                .edges
                .iter()
                .filter(|(_, e)| matches!(e, Edge::Connecting(t) if *t + RELAY_AFTER_MS <= now))
                .map(|(k, _)| k.clone())
                .collect();
            for (a, b) in stuck {
                room.relay(&a, &b, out);
            }
            if room.pause_ends.is_some_and(|t| t <= now) {
                room.pause_ends = None;
                room.lead.paused = false;
                room.lead.forge_up_to = None;
                room.send_lead(now, out);
            }
            let step = room.hub.advance(now);
            room.flush_hub(step.frames, out);
            room.send_rosters(now, out);
        }
    }

    /// Every live connection of class `name` and their tab ids (for tests and the log).
    pub fn members(&self, name: &str) -> Vec<(ConnId, String)> {
        self.rooms.get(name).map_or_else(Vec::new, |r| {
            r.pages.values().map(|p| (p.conn, p.tab.clone())).collect()
        })
    }

    /// The links of class `name` as (tab, tab, "connecting" | "webrtc" | "relay").
    pub fn links(&self, name: &str) -> Vec<(String, String, &'static str)> {
        self.rooms.get(name).map_or_else(Vec::new, |r| {
            r.edges
                .iter()
                .map(|((a, b), e)| {
                    let w = match e {
                        Edge::Connecting(_) => "connecting",
                        Edge::Webrtc => "webrtc",
                        Edge::Relay => "relay",
                    };
                    (a.clone(), b.clone(), w)
                })
                .collect()
        })
    }

    /// Whether the links of class `name` join all its pages into one network, even without
    /// the room's own tab.
    pub fn connected(&self, name: &str) -> bool {
        let Some(r) = self.rooms.get(name) else {
            return true;
        };
        let Some(first) = r.pages.keys().next() else {
            return true;
        };
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut todo = vec![first.clone()];
        while let Some(t) = todo.pop() {
            if seen.insert(t.clone()) {
                todo.extend(r.neighbours(&t));
            }
        }
        seen.len() == r.pages.len()
    }
}

/// Whether a frame of the room's tab is its presence answer.
fn is_here(frame: &str) -> bool {
    matches!(
        pos_playground::logic::mesh::parse(frame),
        Ok(pos_playground::logic::mesh::Frame::Here { .. })
    )
}

fn refuse(conn: ConnId, r: &Refusal) -> Output {
    send(
        conn,
        &ToPage::Refused {
            reason: r.to_string(),
        },
    )
}

impl Rooms {
    /// `POST /transaction` for class `name`: a signed transaction (JSON) for the class's own
    /// tab, which checks it as its pool would and passes it on to every page. Refused with
    /// the reason (and nothing changes) when it breaks a rule.
    pub fn post_transaction(
        &mut self,
        name: &str,
        body: &str,
        now: u64,
    ) -> (Result<String, String>, Vec<Output>) {
        let mut out = Vec::new();
        let Some(room) = self.rooms.get_mut(name) else {
            return (Err(format!("no class \"{name}\" runs here")), out);
        };
        let r = room.hub.submit_signed(body, now).map(|h| h.to_hex());
        let step = room.hub.advance(now);
        room.flush_hub(step.frames, &mut out);
        (r, out)
    }
}
