//! The class server's protocol: what a page opened from `pos-class` (the `server/` crate) and
//! the server say to each other over one WebSocket, and what the page keeps of it.
//!
//! Plain data and logic, shared by both ends: the page's edge (`class_socket.rs`) only moves
//! the text, and the server's rooms (`pos_class::rooms`) decide with the same types. Every
//! message is one JSON object with one key naming its kind, as the core's messages and the
//! tabs' frames: `{"join":{"tab":"ab12","addresses":["…"]}}`. Everything that arrives is
//! untrusted: size-limited and parsed with a typed error.
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
use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
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
}

/// How a participant is connected, as the roster and `network()` say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
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
}

/// One participant of the class, as the server tells it to a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
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
}

/// What the server says to a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
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

impl ToServer {
    /// Reads one message from a page (untrusted text), checked.
    pub fn parse(text: &str) -> Result<ToServer, ClassError> {
        if text.len() > MAX_MESSAGE_BYTES {
            return Err(ClassError::TooLarge(text.len()));
        }
        let m: ToServer = serde_json::from_str(text).map_err(|_| ClassError::Malformed)?;
        match &m {
            ToServer::Join { tab, addresses } => {
                check_tab(tab)?;
                check_addresses(addresses)?;
            }
            ToServer::Nodes { addresses } => check_addresses(addresses)?,
            ToServer::Signal { to, .. } => check_tab(to)?,
            ToServer::Path { tab, .. } => check_tab(tab)?,
            ToServer::Frame { to, .. } => {
                if let Some(t) = to {
                    check_tab(t)?;
                }
            }
        }
        Ok(m)
    }

    /// The message as text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl ToPage {
    /// Reads one message from the server (untrusted text too), checked.
    pub fn parse(text: &str) -> Result<ToPage, ClassError> {
        if text.len() > MAX_MESSAGE_BYTES {
            return Err(ClassError::TooLarge(text.len()));
        }
        let m: ToPage = serde_json::from_str(text).map_err(|_| ClassError::Malformed)?;
        match &m {
            ToPage::Welcome { server, .. } => check_tab(server)?,
            ToPage::Link { tab } | ToPage::Relay { tab } => check_tab(tab)?,
            ToPage::Signal { from, .. } | ToPage::Frame { from, .. } => check_tab(from)?,
            ToPage::Roster { members } => {
                if members.len() > crate::logic::wire::MAX_TABS * 4 {
                    return Err(ClassError::Malformed);
                }
                for m in members {
                    check_tab(&m.tab)?;
                    check_addresses(&m.addresses)?;
                }
            }
            ToPage::Refused { .. } => {}
        }
        Ok(m)
    }

    /// The message as text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What a page knows of its class server: the class, the server's tab, the tabs it is
/// relayed to, and the latest roster. Held by the model; the edge feeds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassLink {
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
}

impl ClassLink {
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
        assert_eq!(
            ToServer::parse(r#"{"join":{"tab":"no spaces","addresses":[]}}"#),
            Err(ClassError::BadTab)
        );
        assert_eq!(
            ToServer::parse(r#"{"nodes":{"addresses":["xyz"]}}"#),
            Err(ClassError::BadAddresses)
        );
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
            }],
        };
        assert_eq!(ToPage::parse(&roster.to_text()), Ok(roster));
        assert!(ClassError::BadTab
            .to_string()
            .contains("letters and digits"));
    }
}
