//! The class server's protocol: what a page opened from `pos-class` (the `server/` crate) and
//! the server say to each other over one WebSocket, and what the page keeps of it.
//!
//! Plain data and logic, shared by both ends: the page's edge (`class_socket.rs`) only moves
//! the text, and the server's rooms (`pos_class::rooms`) decide with the same types. Every
//! message is one line of text: its kind, then its fields, separated by tab characters
//! (`join⇥ab12⇥<address>,<address>`); the last field (a frame's JSON, a `pos1:` text, a
//! reason) takes the rest of the line. Tab ids, class names and addresses never hold a tab,
//! and JSON text escapes its own. (A line instead of JSON keeps the page's wasm small: serde's
//! derived readers for these messages cost 20 KB.) Everything that arrives is untrusted:
//! size-limited and parsed with a typed error.
//!
//! What travels:
//! - the **rendezvous**: the server asks a page to link to another (`Link`); the page makes a
//!   WebRTC invitation (the very `pos1:` text people paste without a server) and sends it as a
//!   `Signal`; the other page answers the same way, and the data channel forms by itself;
//! - the **relay**: when a link does not open ([`LINK_WAIT_MS`]) the pages say so (`Path`) and
//!   the server carries their frames from then on (`Frame`): a class on a Wi-Fi that isolates
//!   its clients still forms one network. The server's own tab (the class's host: genesis, the
//!   exchange, a forging node) is reached this way by every page;
//! - the **roster**: who takes part, with their nodes' addresses, how each is connected and
//!   whether it is online.

use crate::logic::link::valid_id;
use crate::logic::wire::MAX_FRAME_BYTES;
use serde_json::{Map, Value};

/// Largest message either side accepts, in bytes of text: a frame with its envelope.
pub const MAX_MESSAGE_BYTES: usize = MAX_FRAME_BYTES + 1024;

/// Most node addresses a page may list for itself (the page's node limit).
pub const MAX_ADDRESSES: usize = crate::logic::wire::MAX_NODES;

/// How long a page waits for a link the server asked for to open before it asks to be
/// relayed instead (ms).
pub const LINK_WAIT_MS: u64 = 12_000;

/// The path in the URL where the class server takes WebSockets.
pub const SOCKET_PATH: &str = "/class";

/// The `<meta name=…>` the class server writes into the page it serves; its `content` is the
/// default class name. A page without it runs without a server.
pub const META_NAME: &str = "pos-class";

/// What a page says to the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToServer {
    /// The first message: this page's tab id and its nodes' addresses.
    Join {
        /// The tab id (1 to 16 letters and digits), as in its frames.
        tab: String,
        /// Its nodes' addresses (public keys in hex).
        addresses: Vec<String>,
    },
    /// Its nodes changed.
    Nodes {
        /// Its nodes' addresses.
        addresses: Vec<String>,
    },
    /// An invitation or answer (`pos1:` text) for the page of tab `to`.
    Signal {
        /// The receiving tab.
        to: String,
        /// The `pos1:` text.
        text: String,
    },
    /// The link to tab `tab` opened (`webrtc: true`), or did not (`false`: relay it).
    Path {
        /// The other tab.
        tab: String,
        /// Whether the WebRTC data channel is open.
        webrtc: bool,
    },
    /// A frame (the text tabs exchange) for the server's tab and the tabs this page is
    /// relayed to; `to` names one of them when the frame is addressed.
    Frame {
        /// One receiving tab, or all.
        to: Option<String>,
        /// The frame's text.
        text: String,
    },
    /// The teacher's page leads the class: it presents the token of the teacher's address
    /// (which the server printed in its terminal only) with each order.
    Teach {
        /// The token, as the teacher's address carried it (untrusted until compared).
        token: String,
        /// What the teacher does.
        order: Order,
    },
    /// Whether this page follows the teacher or explores on its own (the teacher's roster).
    Status {
        /// `true`: following.
        following: bool,
    },
}

/// Longest token a lead message may carry (the server's are 32 hex digits).
pub const MAX_TOKEN_CHARS: usize = 64;

/// Most quarters of the normal speed (×4).
pub const MAX_SPEED: u8 = 16;

/// Fewest quarters of the normal speed (×0.25).
pub const MIN_SPEED: u8 = 1;

/// The normal speed, in quarters (×1).
pub const NORMAL_SPEED: u8 = 4;

/// The sections of the page a teacher can lead to, by the names the protocol uses.
pub const SECTIONS: [&str; 6] = ["nodes", "lottery", "fairness", "faults", "tree", "views"];

/// Most steps a lesson may have, as far as the protocol cares.
pub const MAX_LESSON_STEP: u32 = 999;

/// Where the teacher's page is: the lesson and step, the section in view, the block whose
/// lottery it shows, and whether the students follow (Follow me) or are free.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    /// `true`: Follow me (every following page shows what the teacher's shows); `false`:
    /// Free (student-paced).
    pub follow: bool,
    /// The open lesson's id (`lots`), if any.
    pub lesson: Option<String>,
    /// Its step, from 1 (0 without a lesson).
    pub step: u32,
    /// The section in view, one of [`SECTIONS`].
    pub section: Option<String>,
    /// The block whose lottery is shown (its height).
    pub block: Option<u64>,
}

/// What the teacher's page tells the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Order {
    /// The teacher's page is here now.
    Place(Place),
    /// No node of the class forges (the server's included) until resumed.
    Pause,
    /// While paused: exactly one more block (the rightful forger's), then paused again.
    Step,
    /// Blocks again.
    Resume,
    /// The class clock's speed, in quarters ([`MIN_SPEED`] to [`MAX_SPEED`]).
    Speed(u8),
    /// Every page that explores on its own follows again.
    CallBack,
}

/// The class's lead as the server tells every page: where the teacher is, the class clock,
/// and who leads.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Lead {
    /// Where the teacher's page is.
    pub place: Place,
    /// Whether the class clock is paused.
    pub paused: bool,
    /// The highest block any node of the class may forge while paused (`None`: no limit).
    pub forge_up_to: Option<u64>,
    /// The class clock's speed, in quarters of the normal speed.
    pub speed: u8,
    /// Where the class clock was (chain time, ms) when the server sent this: each page's
    /// nodes count on from it at `speed` ([`crate::logic::clock`]).
    pub clock: u64,
    /// How many times the teacher called everyone back (a page that explores follows again
    /// when this grows).
    pub call_back: u32,
    /// The tab that leads (the teacher's page), if one is connected.
    pub teacher: Option<String>,
    /// Lead messages the server refused in this class (no token, a wrong one, a second tab).
    pub refused: u64,
}

impl Default for Lead {
    fn default() -> Self {
        Lead {
            place: Place::default(),
            paused: false,
            forge_up_to: None,
            speed: NORMAL_SPEED,
            clock: 0,
            call_back: 0,
            teacher: None,
            refused: 0,
        }
    }
}

/// The speed in words: "×0.25", "×1", "×2.5" (`speed-factor`, its decimal the language's).
pub fn speed_words(quarters: u8) -> crate::logic::i18n::Say {
    let whole = quarters / 4;
    let factor = match quarters % 4 {
        0 => format!("{whole}"),
        1 => format!("{whole}.25"),
        2 => format!("{whole}.5"),
        _ => format!("{whole}.75"),
    };
    crate::logic::i18n::Say::new("speed-factor")
        .with("factor", crate::logic::i18n::Arg::Decimal(factor))
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "-".to_string(), T::to_string)
}

fn flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

fn read_flag(s: &str) -> Result<bool, ClassError> {
    match s {
        "1" => Ok(true),
        "0" => Ok(false),
        _ => Err(ClassError::Malformed),
    }
}

fn number<T: std::str::FromStr>(s: &str) -> Result<T, ClassError> {
    if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ClassError::Malformed);
    }
    s.parse().map_err(|_| ClassError::Malformed)
}

fn read_opt<T>(
    s: &str,
    read: impl Fn(&str) -> Result<T, ClassError>,
) -> Result<Option<T>, ClassError> {
    if s == "-" {
        Ok(None)
    } else {
        read(s).map(Some)
    }
}

impl Place {
    /// `follow lesson step section block`, tab-separated, `-` for nothing.
    fn to_text(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}",
            flag(self.follow),
            opt(&self.lesson),
            self.step,
            opt(&self.section),
            opt(&self.block)
        )
    }

    fn parse(f: &[&str]) -> Result<Place, ClassError> {
        let [follow, lesson, step, section, block] = f[..] else {
            return Err(ClassError::Malformed);
        };
        let lesson = read_opt(lesson, |l| {
            // The rule of lesson names (`lessons::valid_name`, which imports this module's
            // users): 1 to 32 of a-z, 0-9 and -.
            let valid = (1..=32).contains(&l.len())
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if valid {
                Ok(l.to_string())
            } else {
                Err(ClassError::BadLead(
                    "a lesson id is 1 to 32 of a-z, 0-9 and -",
                ))
            }
        })?;
        let step: u32 = number(step)?;
        if step > MAX_LESSON_STEP || (lesson.is_some() != (step > 0)) {
            return Err(ClassError::BadLead(
                "a lesson's step counts from 1, and only with a lesson",
            ));
        }
        let section = read_opt(section, |s| {
            SECTIONS
                .iter()
                .find(|x| **x == s)
                .map(|x| x.to_string())
                .ok_or(ClassError::BadLead(
                    "a section is nodes, lottery, fairness, faults, tree or views",
                ))
        })?;
        Ok(Place {
            follow: read_flag(follow)?,
            lesson,
            step,
            section,
            block: read_opt(block, number)?,
        })
    }
}

impl Order {
    fn to_text(&self) -> String {
        match self {
            Order::Place(p) => format!("place\t{}", p.to_text()),
            Order::Pause => "pause".into(),
            Order::Step => "step".into(),
            Order::Resume => "resume".into(),
            Order::Speed(q) => format!("speed\t{q}"),
            Order::CallBack => "callback".into(),
        }
    }

    fn parse(text: &str) -> Result<Order, ClassError> {
        let f: Vec<&str> = text.split('\t').collect();
        Ok(match f[..] {
            ["place", ref rest @ ..] => Order::Place(Place::parse(rest)?),
            ["pause"] => Order::Pause,
            ["step"] => Order::Step,
            ["resume"] => Order::Resume,
            ["callback"] => Order::CallBack,
            ["speed", q] => {
                let q: u8 = number(q).map_err(|_| ClassError::BadLead(SPEED_RANGE))?;
                if !(MIN_SPEED..=MAX_SPEED).contains(&q) {
                    return Err(ClassError::BadLead(SPEED_RANGE));
                }
                Order::Speed(q)
            }
            _ => return Err(ClassError::Malformed),
        })
    }
}

const SPEED_RANGE: &str = "the speed is 1 to 16 quarters (×0.25 to ×4)";

impl Lead {
    fn to_text(&self) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            self.place.to_text(),
            flag(self.paused),
            opt(&self.forge_up_to),
            self.speed,
            self.clock,
            self.call_back,
            opt(&self.teacher),
            self.refused
        )
    }

    fn parse(f: &[&str]) -> Result<Lead, ClassError> {
        if f.len() != 12 {
            return Err(ClassError::Malformed);
        }
        let speed: u8 = number(f[7])?;
        if !(MIN_SPEED..=MAX_SPEED).contains(&speed) {
            return Err(ClassError::BadLead(SPEED_RANGE));
        }
        Ok(Lead {
            place: Place::parse(&f[..5])?,
            paused: read_flag(f[5])?,
            forge_up_to: read_opt(f[6], number)?,
            speed,
            clock: number(f[8])?,
            call_back: number(f[9])?,
            teacher: read_opt(f[10], tab)?,
            refused: number(f[11])?,
        })
    }
}

/// How a participant is connected, as the roster and `network()` say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// The server itself (its tab hosts the class).
    Server,
    /// Linked directly over WebRTC.
    Webrtc,
    /// Frames go through the server.
    Relay,
    /// A link is being made.
    Connecting,
    /// Not linked to this page (reached through others).
    Overlay,
}

impl Path {
    /// The word the page shows.
    pub fn word(self) -> &'static str {
        match self {
            Path::Server => "server",
            Path::Webrtc => "webrtc",
            Path::Relay => "relay",
            Path::Connecting => "connecting",
            Path::Overlay => "through others",
        }
    }

    /// Its name on the wire.
    fn key(self) -> &'static str {
        match self {
            Path::Server => "server",
            Path::Webrtc => "webrtc",
            Path::Relay => "relay",
            Path::Connecting => "connecting",
            Path::Overlay => "overlay",
        }
    }

    fn from_key(k: &str) -> Option<Path> {
        [
            Path::Server,
            Path::Webrtc,
            Path::Relay,
            Path::Connecting,
            Path::Overlay,
        ]
        .into_iter()
        .find(|p| p.key() == k)
    }
}

/// One participant of the class, as the server tells it to a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its tab id.
    pub tab: String,
    /// Its nodes' addresses.
    pub addresses: Vec<String>,
    /// Whether its WebSocket is open.
    pub online: bool,
    /// How it is connected to the page this roster is for.
    pub path: Path,
    /// Whether it is the server's own tab.
    pub server: bool,
    /// Whether it follows the teacher (`Some(true)`), explores on its own (`Some(false)`),
    /// or has not said.
    pub following: Option<bool>,
}

/// What the server says to a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToPage {
    /// The join was taken: the class's name and the server's tab.
    Welcome {
        /// The class (network) name.
        class: String,
        /// The server's tab id.
        server: String,
        /// The address to open on every laptop (what the QR code says).
        address: String,
    },
    /// Make a WebRTC invitation for tab `tab` and send it back as a `Signal`.
    Link {
        /// The tab to link to.
        tab: String,
    },
    /// An invitation or answer from tab `from`.
    Signal {
        /// The sending tab.
        from: String,
        /// The `pos1:` text.
        text: String,
    },
    /// Frames between this page and tab `tab` go through the server from now on.
    Relay {
        /// The other tab.
        tab: String,
    },
    /// A frame from tab `from` (the server's tab, or a tab this page is relayed to).
    Frame {
        /// The sending tab.
        from: String,
        /// The frame's text.
        text: String,
    },
    /// Everyone in the class, as seen from this page.
    Roster {
        /// The participants.
        members: Vec<Member>,
    },
    /// The server refuses this page (the socket closes after it).
    Refused {
        /// Why, in words.
        reason: String,
    },
    /// The class's lead: where the teacher is, the class clock, who leads. Sent to every page
    /// when it changes and to a page as soon as it joins.
    Lead(Lead),
    /// The server refused this page's lead message (it stays connected unless it keeps
    /// trying).
    NotLeading {
        /// Why, in words.
        reason: String,
    },
}

/// Why a message of the class protocol was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassError {
    /// Longer than [`MAX_MESSAGE_BYTES`].
    TooLarge(usize),
    /// Not a message of this protocol.
    Malformed,
    /// A tab id that is not 1 to 16 letters and digits.
    BadTab,
    /// More than [`MAX_ADDRESSES`] addresses, or one that is not 64 hex digits.
    BadAddresses,
    /// A lead message with a field out of its range (said in words).
    BadLead(&'static str),
}

impl std::fmt::Display for ClassError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClassError::TooLarge(n) => write!(
                f,
                "a message of {n} bytes is longer than the {MAX_MESSAGE_BYTES} allowed"
            ),
            ClassError::Malformed => write!(f, "not a message of the class server's protocol"),
            ClassError::BadTab => write!(f, "a tab id must be 1 to 16 letters and digits"),
            ClassError::BadAddresses => write!(
                f,
                "at most {MAX_ADDRESSES} addresses, each 64 hex digits, may be listed"
            ),
            ClassError::BadLead(why) => write!(f, "a lead message out of range: {why}"),
        }
    }
}

impl std::error::Error for ClassError {}

fn valid_address(a: &str) -> bool {
    a.len() == 64 && a.bytes().all(|b| b.is_ascii_hexdigit())
}

fn check_addresses(a: &[String]) -> Result<(), ClassError> {
    if a.len() > MAX_ADDRESSES || !a.iter().all(|a| valid_address(a)) {
        return Err(ClassError::BadAddresses);
    }
    Ok(())
}

fn check_tab(t: &str) -> Result<(), ClassError> {
    if valid_id(t) {
        Ok(())
    } else {
        Err(ClassError::BadTab)
    }
}

/// The fields of one line: its kind, then at most `n` fields, the last taking the rest.
fn fields(text: &str, n: usize) -> Result<(&str, Vec<&str>), ClassError> {
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(ClassError::TooLarge(text.len()));
    }
    let mut parts = text.splitn(n + 1, '\t');
    let kind = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    if rest.len() != n {
        return Err(ClassError::Malformed);
    }
    Ok((kind, rest))
}

fn tab(t: &str) -> Result<String, ClassError> {
    check_tab(t)?;
    Ok(t.to_string())
}

fn addresses(list: &str) -> Result<Vec<String>, ClassError> {
    let a: Vec<String> = list
        .split(',')
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    check_addresses(&a)?;
    Ok(a)
}

/// A field that may hold anything but a line break (a reason, a class name).
fn plain(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// A JSON object of these fields, built by hand: the views of the class server need no
/// serde code of their own in the page.
pub fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut m = Map::new();
    for (k, v) in fields {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

/// A JSON array of strings.
pub fn strings(v: &[String]) -> Value {
    v.iter().map(|s| Value::from(s.as_str())).collect()
}

fn kind(text: &str) -> &str {
    text.split('\t').next().unwrap_or_default()
}

impl ToServer {
    /// Reads one message from a page (untrusted text), checked.
    pub fn parse(text: &str) -> Result<ToServer, ClassError> {
        if text.len() > MAX_MESSAGE_BYTES {
            return Err(ClassError::TooLarge(text.len()));
        }
        let n = match kind(text) {
            "join" | "signal" | "path" | "frame" | "teach" => 2,
            "nodes" | "status" => 1,
            _ => return Err(ClassError::Malformed),
        };
        let (k, f) = fields(text, n)?;
        Ok(match k {
            "join" => ToServer::Join {
                tab: tab(f[0])?,
                addresses: addresses(f[1])?,
            },
            "nodes" => ToServer::Nodes {
                addresses: addresses(f[0])?,
            },
            "signal" => ToServer::Signal {
                to: tab(f[0])?,
                text: f[1].to_string(),
            },
            "path" => ToServer::Path {
                tab: tab(f[0])?,
                webrtc: match f[1] {
                    "webrtc" => true,
                    "failed" => false,
                    _ => return Err(ClassError::Malformed),
                },
            },
            "teach" => {
                if f[0].len() > MAX_TOKEN_CHARS {
                    return Err(ClassError::Malformed);
                }
                ToServer::Teach {
                    token: f[0].to_string(),
                    order: Order::parse(f[1])?,
                }
            }
            "status" => ToServer::Status {
                following: match f[0] {
                    "following" => true,
                    "exploring" => false,
                    _ => return Err(ClassError::Malformed),
                },
            },
            _ => ToServer::Frame {
                to: match f[0] {
                    "-" => None,
                    t => Some(tab(t)?),
                },
                text: f[1].to_string(),
            },
        })
    }

    /// The message as one line.
    pub fn to_text(&self) -> String {
        match self {
            ToServer::Join { tab, addresses } => format!("join\t{tab}\t{}", addresses.join(",")),
            ToServer::Nodes { addresses } => format!("nodes\t{}", addresses.join(",")),
            ToServer::Signal { to, text } => format!("signal\t{to}\t{text}"),
            ToServer::Path { tab, webrtc } => {
                format!("path\t{tab}\t{}", if *webrtc { "webrtc" } else { "failed" })
            }
            ToServer::Frame { to, text } => {
                format!("frame\t{}\t{text}", to.as_deref().unwrap_or("-"))
            }
            ToServer::Teach { token, order } => {
                format!("teach\t{}\t{}", plain(token), order.to_text())
            }
            ToServer::Status { following } => format!(
                "status\t{}",
                if *following { "following" } else { "exploring" }
            ),
        }
    }
}

impl Member {
    /// `tab online path server following addresses`, separated by spaces.
    fn to_text(&self) -> String {
        format!(
            "{} {} {} {} {} {}",
            self.tab,
            u8::from(self.online),
            self.path.key(),
            u8::from(self.server),
            match self.following {
                Some(true) => "f",
                Some(false) => "e",
                None => "-",
            },
            self.addresses.join(",")
        )
    }

    fn parse(text: &str) -> Result<Member, ClassError> {
        let f: Vec<&str> = text.split(' ').collect();
        let [t, online, path, server, following, list] = f[..] else {
            return Err(ClassError::Malformed);
        };
        let flag = |s: &str| match s {
            "1" => Ok(true),
            "0" => Ok(false),
            _ => Err(ClassError::Malformed),
        };
        Ok(Member {
            tab: tab(t)?,
            online: flag(online)?,
            path: Path::from_key(path).ok_or(ClassError::Malformed)?,
            server: flag(server)?,
            following: match following {
                "f" => Some(true),
                "e" => Some(false),
                "-" => None,
                _ => return Err(ClassError::Malformed),
            },
            addresses: addresses(list)?,
        })
    }

    /// As `network()` shows it.
    pub fn to_json(&self) -> Value {
        object([
            ("tab", self.tab.as_str().into()),
            ("addresses", strings(&self.addresses)),
            ("online", self.online.into()),
            ("path", self.path.key().into()),
            ("server", self.server.into()),
            ("following", self.following.map_or(Value::Null, Value::from)),
        ])
    }
}

/// Most members one roster may list.
pub const MAX_ROSTER: usize = crate::logic::wire::MAX_TABS * 2 + 1;

impl ToPage {
    /// Reads one message from the server (untrusted text too), checked.
    pub fn parse(text: &str) -> Result<ToPage, ClassError> {
        if text.len() > MAX_MESSAGE_BYTES {
            return Err(ClassError::TooLarge(text.len()));
        }
        if let Some(list) = text.strip_prefix("roster") {
            let members = list
                .split('\t')
                .skip(1)
                .map(Member::parse)
                .collect::<Result<Vec<_>, _>>()?;
            if members.len() > MAX_ROSTER || !(list.is_empty() || list.starts_with('\t')) {
                return Err(ClassError::Malformed);
            }
            return Ok(ToPage::Roster { members });
        }
        if let Some(rest) = text.strip_prefix("lead\t") {
            let f: Vec<&str> = rest.split('\t').collect();
            return Lead::parse(&f).map(ToPage::Lead);
        }
        let n = match kind(text) {
            "welcome" => 3,
            "signal" | "frame" => 2,
            "link" | "relay" | "refused" | "unled" => 1,
            _ => return Err(ClassError::Malformed),
        };
        let (k, f) = fields(text, n)?;
        Ok(match k {
            "welcome" => ToPage::Welcome {
                class: plain(f[0]),
                server: tab(f[1])?,
                address: plain(f[2]),
            },
            "signal" => ToPage::Signal {
                from: tab(f[0])?,
                text: f[1].to_string(),
            },
            "frame" => ToPage::Frame {
                from: tab(f[0])?,
                text: f[1].to_string(),
            },
            "link" => ToPage::Link { tab: tab(f[0])? },
            "relay" => ToPage::Relay { tab: tab(f[0])? },
            "unled" => ToPage::NotLeading {
                reason: f[0].to_string(),
            },
            _ => ToPage::Refused {
                reason: f[0].to_string(),
            },
        })
    }

    /// The message as one line.
    pub fn to_text(&self) -> String {
        match self {
            ToPage::Welcome {
                class,
                server,
                address,
            } => format!("welcome\t{}\t{server}\t{}", plain(class), plain(address)),
            ToPage::Link { tab } => format!("link\t{tab}"),
            ToPage::Relay { tab } => format!("relay\t{tab}"),
            ToPage::Signal { from, text } => format!("signal\t{from}\t{text}"),
            ToPage::Frame { from, text } => format!("frame\t{from}\t{text}"),
            ToPage::Roster { members } => {
                let mut t = String::from("roster");
                for m in members {
                    t.push('\t');
                    t.push_str(&m.to_text());
                }
                t
            }
            ToPage::Refused { reason } => format!("refused\t{}", plain(reason)),
            ToPage::Lead(lead) => format!("lead\t{}", lead.to_text()),
            ToPage::NotLeading { reason } => format!("unled\t{}", plain(reason)),
        }
    }
}

/// What a page knows of its class server: the class, the server's tab, the tabs it is
/// relayed to, and the latest roster. Held by the model; the edge feeds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClassConnection {
    /// The class's name (from the welcome).
    pub class: Option<String>,
    /// The server's tab id.
    pub server: Option<String>,
    /// Whether the socket is open.
    pub connected: bool,
    /// Tabs whose frames come through the server.
    pub relayed: Vec<String>,
    /// The latest roster.
    pub members: Vec<Member>,
    /// Why the server refused this page, or the socket closed.
    pub problem: Option<String>,
    /// The address to open on every laptop (from the welcome).
    pub address: Option<String>,
    /// Whether this is the server's own tab (every page's frames reach it through the
    /// server, which checked who sent them).
    pub serving: bool,
    /// The class's lead, as the server last told it.
    pub lead: Option<Lead>,
    /// Why the server refused this page's last lead message, if it did.
    pub not_leading: Option<String>,
    /// This page was opened from the teacher's address (it holds the token at the edge).
    pub teacher: bool,
    /// A student's page follows the teacher (`true`, the default) or explores on its own.
    pub exploring: bool,
    /// Messages for the server that the model made (lead orders, this page's status); the
    /// edge sends them, adding the token to lead orders.
    pub outbox: Vec<ToServer>,
}

/// `network()`'s `class`: the same JSON as [`ClassConnection::to_json`].
impl serde::Serialize for ClassConnection {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

impl ClassConnection {
    /// As `network()` shows it.
    pub fn to_json(&self) -> Value {
        let text = |t: &Option<String>| t.as_deref().map_or(Value::Null, Value::from);
        object([
            ("class", text(&self.class)),
            ("server", text(&self.server)),
            ("connected", self.connected.into()),
            ("relayed", strings(&self.relayed)),
            ("problem", text(&self.problem)),
            ("address", text(&self.address)),
            ("notLeading", text(&self.not_leading)),
            (
                "members",
                self.members.iter().map(Member::to_json).collect(),
            ),
        ])
    }

    /// Whether frames from `tab` may come through the server.
    pub fn carries(&self, tab: &str) -> bool {
        self.serving || self.server.as_deref() == Some(tab) || self.relayed.iter().any(|t| t == tab)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_and_bad_ones_are_refused_in_words() {
        let a = "ab".repeat(32);
        let join = ToServer::Join {
            tab: "t1".into(),
            addresses: vec![a.clone()],
        };
        assert_eq!(ToServer::parse(&join.to_text()), Ok(join));
        assert_eq!(ToServer::parse("{}"), Err(ClassError::Malformed));
        assert_eq!(ToServer::parse("join\tonly"), Err(ClassError::Malformed));
        assert_eq!(
            ToServer::parse("join\tno spaces\t"),
            Err(ClassError::BadTab)
        );
        assert_eq!(ToServer::parse("nodes\txyz"), Err(ClassError::BadAddresses));
        assert_eq!(
            ToServer::parse("path\tab\tmaybe"),
            Err(ClassError::Malformed)
        );
        // The last field keeps whatever it holds, tabs too.
        let frame = ToServer::Frame {
            to: None,
            text: "{\"x\":\"a\tb\"}".into(),
        };
        assert_eq!(ToServer::parse(&frame.to_text()), Ok(frame));
        for m in [
            ToServer::Nodes {
                addresses: Vec::new(),
            },
            ToServer::Signal {
                to: "t2".into(),
                text: "pos1:abc".into(),
            },
            ToServer::Path {
                tab: "t3".into(),
                webrtc: false,
            },
            ToServer::Frame {
                to: Some("t4".into()),
                text: "{}".into(),
            },
        ] {
            assert_eq!(ToServer::parse(&m.to_text()), Ok(m));
        }
        let long = "x".repeat(MAX_MESSAGE_BYTES + 1);
        assert!(matches!(
            ToServer::parse(&long),
            Err(ClassError::TooLarge(_))
        ));
        let roster = ToPage::Roster {
            members: vec![Member {
                tab: "t1".into(),
                addresses: vec![a],
                online: true,
                path: Path::Relay,
                server: false,
                following: Some(false),
            }],
        };
        assert_eq!(ToPage::parse(&roster.to_text()), Ok(roster));
        for m in [
            ToPage::Roster {
                members: Vec::new(),
            },
            ToPage::Welcome {
                class: "c".into(),
                server: "s1".into(),
                address: "http://h:1/?net=c".into(),
            },
            ToPage::Link { tab: "t".into() },
            ToPage::Relay { tab: "t".into() },
            ToPage::Signal {
                from: "t".into(),
                text: "pos1:x".into(),
            },
            ToPage::Frame {
                from: "t".into(),
                text: "{\"hello\":{}}".into(),
            },
            ToPage::Refused {
                reason: "too many".into(),
            },
        ] {
            assert_eq!(ToPage::parse(&m.to_text()), Ok(m));
        }
        assert_eq!(ToPage::parse("rosterx"), Err(ClassError::Malformed));
        assert_eq!(
            ToPage::parse("roster\tt1 2 relay 0 - "),
            Err(ClassError::Malformed)
        );
        assert_eq!(
            ToPage::parse("welcome\tc\t../x\ta"),
            Err(ClassError::BadTab)
        );
        assert!(ClassError::BadTab
            .to_string()
            .contains("letters and digits"));
    }

    #[test]
    fn lead_messages_round_trip_and_out_of_range_ones_are_refused_in_words() {
        let place = Place {
            follow: true,
            lesson: Some("lots".into()),
            step: 3,
            section: Some("lottery".into()),
            block: Some(2),
        };
        for order in [
            Order::Place(place.clone()),
            Order::Place(Place::default()),
            Order::Pause,
            Order::Step,
            Order::Resume,
            Order::Speed(MIN_SPEED),
            Order::Speed(MAX_SPEED),
            Order::CallBack,
        ] {
            let m = ToServer::Teach {
                token: "0123abcd".into(),
                order,
            };
            assert_eq!(ToServer::parse(&m.to_text()), Ok(m));
        }
        for m in [
            ToServer::Status { following: true },
            ToServer::Status { following: false },
            // No token at all: the protocol carries it, the server refuses it.
            ToServer::Teach {
                token: String::new(),
                order: Order::Pause,
            },
        ] {
            assert_eq!(ToServer::parse(&m.to_text()), Ok(m));
        }
        let lead = Lead {
            place,
            paused: true,
            forge_up_to: Some(7),
            speed: 2,
            clock: 1_700_000_000_123,
            call_back: 4,
            teacher: Some("t9".into()),
            refused: 12,
        };
        for m in [
            ToPage::Lead(lead),
            ToPage::Lead(Lead::default()),
            ToPage::NotLeading {
                reason: "another tab leads".into(),
            },
        ] {
            assert_eq!(ToPage::parse(&m.to_text()), Ok(m));
        }
        let bad: [(&str, ClassError); 10] = [
            ("teach\tk\tspeed\t0", ClassError::BadLead(SPEED_RANGE)),
            ("teach\tk\tspeed\t17", ClassError::BadLead(SPEED_RANGE)),
            ("teach\tk\tspeed\t-1", ClassError::BadLead(SPEED_RANGE)),
            ("teach\tk\tjump", ClassError::Malformed),
            ("teach\tk", ClassError::Malformed),
            (
                "teach\tk\tplace\t1\t../x\t1\t-\t-",
                ClassError::BadLead("a lesson id is 1 to 32 of a-z, 0-9 and -"),
            ),
            (
                "teach\tk\tplace\t1\tlots\t0\t-\t-",
                ClassError::BadLead("a lesson's step counts from 1, and only with a lesson"),
            ),
            (
                "teach\tk\tplace\t1\t-\t0\tkitchen\t-",
                ClassError::BadLead("a section is nodes, lottery, fairness, faults, tree or views"),
            ),
            (
                "teach\tk\tplace\t1\t-\t0\t-\t99999999999999999999999",
                ClassError::Malformed,
            ),
            ("status\tmaybe", ClassError::Malformed),
        ];
        for (text, e) in bad {
            assert_eq!(ToServer::parse(text), Err(e), "{text}");
        }
        let long = format!("teach\t{}\tpause", "a".repeat(MAX_TOKEN_CHARS + 1));
        assert_eq!(ToServer::parse(&long), Err(ClassError::Malformed));
        assert_eq!(ToPage::parse("lead\t1\t-"), Err(ClassError::Malformed));
        assert!(ClassError::BadLead(SPEED_RANGE)
            .to_string()
            .contains("×0.25 to ×4"));
        let factor = |q| speed_words(q).arg("factor").cloned();
        let decimal = |d: &str| Some(crate::logic::i18n::Arg::Decimal(d.into()));
        assert_eq!(factor(1), decimal("0.25"));
        assert_eq!(factor(4), decimal("1"));
        assert_eq!(factor(10), decimal("2.5"));
    }
}
