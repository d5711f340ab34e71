//! Machines as nodes: the plain side of WebRTC links, free of any browser API.
//!
//! - The texts people copy between machines: an [`Invitation`] (the inviter's offer with its ICE
//!   candidates, its tab and its network's genesis) and an [`Answer`], each written as
//!   `pos1:` + base64url(JSON). Pasted text is untrusted: [`decode`] checks its size, prefix,
//!   base64, JSON shape and fields and says what is wrong in words ([`SignalError`]).
//! - What the page shows of a link: [`LinkState`] and [`LinkStatus`].
//! - Chunks: a data channel carries the same frames as the BroadcastChannel, but engines
//!   disagree on the largest data-channel message (16 KiB is the size every engine takes;
//!   Safari has failed above 64 KiB, Chrome closes the channel above 256 KiB, and each peer
//!   announces its own limit as `maxMessageSize`), so longer frames (a whole chain) travel as
//!   numbered pieces ([`split`], [`piece_limit`]) and are put back together by a
//!   [`Reassembler`] with the frame size limit.
//!
//! - The link table ([`LinkTable`]): every link's state, as plain state the mesh owns.
//!
//! `webrtc.rs` is the browser edge that uses these.

use crate::logic::i18n::Say;
use crate::logic::wire::{FrameError, MAX_FRAME_BYTES};
use pos_core::vec_map::VecMap;
use pos_core::Genesis;
use serde::{Deserialize, Serialize};

/// Every invitation and answer text starts with this (the format's version).
pub const PREFIX: &str = "pos1:";

/// Longest invitation or answer text accepted, in bytes.
pub const MAX_SIGNAL_BYTES: usize = 16 * 1024;

/// Longest SDP accepted inside an invitation or answer, in bytes.
pub const MAX_SDP_BYTES: usize = 8 * 1024;

/// Largest data-channel message sent, prefix included (bytes): the size every engine's data
/// channels interoperate with (RFC 8831, section 6.6). Frames longer than this cross a link
/// in pieces; a peer that announces a smaller `maxMessageSize` gets smaller ones
/// ([`piece_limit`]).
pub const CHUNK_BYTES: usize = 16 * 1024;

/// Smallest piece sent whatever the peer announces (bytes, prefix included): below it a frame
/// of [`MAX_FRAME_BYTES`] would need more pieces than a [`Reassembler`] takes. No engine
/// announces less than 64 KiB; this only bounds a hostile or broken answer.
pub const MIN_PIECE_BYTES: usize = 1024;

/// Largest piece body a [`Reassembler`] takes (bytes): pieces of older pages, which cut
/// 64 KiB bodies, still go through.
pub const MAX_PIECE_BODY: usize = 64 * 1024;

/// Most pieces one frame may come in: a frame of [`MAX_FRAME_BYTES`] cut at
/// [`MIN_PIECE_BYTES`], with room for the prefixes and cuts at character boundaries.
pub const MAX_PIECES: usize = MAX_FRAME_BYTES / (MIN_PIECE_BYTES / 2) + 1;

/// Most texts a QR code holds here (bytes, error correction level L, version 40 is 2953).
pub const MAX_QR_BYTES: usize = 2_900;

/// Most WebRTC links a tab keeps; a new one pushes out the oldest link that is over, and is
/// refused when all are live.
pub const MAX_LINKS: usize = 16;

/// A link that is over (closed or failed) is forgotten this long after it ended (ms).
pub const LINK_KEEP_MS: u64 = 600_000;

/// A link still connecting after this long fails (ms): an invitation nobody answered, or two
/// machines that never found a route.
pub const LINK_CONNECT_MS: u64 = 1_800_000;

/// The invitation: what the inviting machine offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Invitation {
    /// The inviter's id for this link; the answer names it again.
    pub link: String,
    /// The inviting tab.
    pub tab: String,
    /// The network's name on the inviting machine (its `?net=`, or its genesis name).
    pub name: String,
    /// The network's genesis, so that the other machine can join it.
    pub genesis: Genesis,
    /// The WebRTC offer with its ICE candidates.
    pub sdp: String,
}

/// The answer: what the invited machine sends back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    /// The inviter's link id, from the invitation.
    pub link: String,
    /// The inviting tab, from the invitation (the answer is for it alone).
    pub to: String,
    /// The answering tab.
    pub tab: String,
    /// The WebRTC answer with its ICE candidates.
    pub sdp: String,
}

/// Either text, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Signal {
    /// An invitation.
    Invite(Invitation),
    /// An answer.
    Answer(Answer),
}

/// Why a pasted invitation or answer was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignalError {
    /// Nothing was pasted.
    Empty,
    /// Longer than [`MAX_SIGNAL_BYTES`].
    TooLong(usize),
    /// Does not start with [`PREFIX`].
    NoPrefix,
    /// Not base64url after the prefix.
    BadBase64,
    /// Not the JSON of an invitation or answer; the parser's words.
    BadJson(String),
    /// An answer where an invitation was expected, or the reverse.
    WrongKind {
        /// What the box wants.
        expected: &'static str,
        /// What was pasted.
        got: &'static str,
    },
    /// A field with a bad value: which one and how, as one word (`linkId`, `offerNotSdp`).
    BadField(&'static str),
}

impl SignalError {
    /// Why, in words (`refusal-signal`, selecting on the variant).
    pub fn say(&self) -> Say {
        let s = Say::new("refusal-signal");
        match self {
            SignalError::Empty => s.with("reason", "empty"),
            SignalError::TooLong(n) => s
                .with("reason", "tooLong")
                .with("len", *n)
                .with("most", MAX_SIGNAL_BYTES),
            SignalError::NoPrefix => s.with("reason", "noPrefix").with("prefix", PREFIX),
            SignalError::BadBase64 => s.with("reason", "badBase64").with("prefix", PREFIX),
            SignalError::BadJson(e) => s.with("reason", "badJson").with("detail", e.as_str()),
            SignalError::WrongKind { expected, .. } => {
                s.with("reason", "wrongKind").with("expected", *expected)
            }
            SignalError::BadField(flaw) => s.with("reason", "badField").with("flaw", *flaw),
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Reads base64url (padding and surrounding white space tolerated); `None` when not base64url.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim().trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A single leftover character (6 bits) cannot end base64.
    (bits < 6).then_some(out)
}

/// The text to copy for `signal`.
pub fn encode(signal: &Signal) -> String {
    let json = serde_json::to_vec(signal).unwrap_or_default();
    format!("{PREFIX}{}", base64url(&json))
}

/// A tab or link id: 1 to 16 letters and digits.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 16 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn check_sdp(sdp: &str, kind: &str) -> Result<(), SignalError> {
    if sdp.len() > MAX_SDP_BYTES {
        return Err(SignalError::BadField(if kind == "invitation" {
            "offerTooLong"
        } else {
            "answerTooLong"
        }));
    }
    if !sdp.starts_with("v=0") || !sdp.contains("m=application") {
        return Err(SignalError::BadField(if kind == "invitation" {
            "offerNotSdp"
        } else {
            "answerNotSdp"
        }));
    }
    Ok(())
}

/// Reads pasted text (untrusted) into a checked invitation or answer.
pub fn decode(text: &str) -> Result<Signal, SignalError> {
    // People paste with spaces, line breaks, or quotes from the console.
    let text: String = text
        .trim()
        .trim_matches(|c| c == '"' || c == '\'' || c == '`')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err(SignalError::Empty);
    }
    if text.len() > MAX_SIGNAL_BYTES {
        return Err(SignalError::TooLong(text.len()));
    }
    let body = text.strip_prefix(PREFIX).ok_or(SignalError::NoPrefix)?;
    let bytes = from_base64url(body).ok_or(SignalError::BadBase64)?;
    let json = std::str::from_utf8(&bytes).map_err(|e| SignalError::BadJson(e.to_string()))?;
    let signal: Signal =
        serde_json::from_str(json).map_err(|e| SignalError::BadJson(e.to_string()))?;
    match &signal {
        Signal::Invite(i) => {
            if !valid_id(&i.link) {
                return Err(SignalError::BadField("linkId"));
            }
            if !valid_id(&i.tab) {
                return Err(SignalError::BadField("tabId"));
            }
            if i.name.is_empty() || i.name.len() > 64 {
                return Err(SignalError::BadField("networkName"));
            }
            if i.genesis.network.is_empty()
                || i.genesis.network.len() > pos_core::block::MAX_NETWORK_NAME
            {
                return Err(SignalError::BadField("genesisName"));
            }
            check_sdp(&i.sdp, "invitation")?;
        }
        Signal::Answer(a) => {
            if !valid_id(&a.link) || !valid_id(&a.to) {
                return Err(SignalError::BadField("answers"));
            }
            if !valid_id(&a.tab) {
                return Err(SignalError::BadField("tabId"));
            }
            check_sdp(&a.sdp, "answer")?;
        }
    }
    Ok(signal)
}

/// Reads pasted text that must be an invitation.
pub fn decode_invitation(text: &str) -> Result<Invitation, SignalError> {
    match decode(text)? {
        Signal::Invite(i) => Ok(i),
        Signal::Answer(_) => Err(SignalError::WrongKind {
            expected: "invitation",
            got: "answer",
        }),
    }
}

/// Reads pasted text that must be an answer.
pub fn decode_answer(text: &str) -> Result<Answer, SignalError> {
    match decode(text)? {
        Signal::Answer(a) => Ok(a),
        Signal::Invite(_) => Err(SignalError::WrongKind {
            expected: "answer",
            got: "invitation",
        }),
    }
}

/// Where a link stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LinkState {
    /// Waiting for the answer, or for the two machines to find a route.
    Connecting,
    /// The data channel is open: frames flow.
    Open,
    /// Closed (by either side, or the channel went away).
    Closed,
    /// The machines could not reach each other, or the connection broke for good.
    Failed,
}

impl LinkState {
    /// Whether the link is over (a new invitation is needed).
    pub fn is_over(self) -> bool {
        matches!(self, LinkState::Closed | LinkState::Failed)
    }

    /// The state's word, as the console API says it.
    pub fn word(self) -> &'static str {
        match self {
            LinkState::Connecting => "connecting",
            LinkState::Open => "open",
            LinkState::Closed => "closed",
            LinkState::Failed => "failed",
        }
    }
}

/// Why a link stands where it does (the console's `network().links[].reason`: `goodbye`,
/// `channel-closed`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkReason {
    /// The invitation waits for its answer.
    Waiting,
    /// The answer is made: the other machine has to paste it.
    AnswerMade,
    /// The answer is pasted: the machines look for a route.
    AnswerPasted,
    /// The data channel is open.
    Open,
    /// The machines try the addresses in the invitation and answer.
    Trying,
    /// The connection was interrupted; the browser keeps trying.
    Interrupted,
    /// The machines found no route to each other (ICE failed).
    NoRoute,
    /// The browser found no network address to offer.
    NoAddress,
    /// The connection was closed.
    Closed,
    /// The data channel closed.
    ChannelClosed,
    /// The other machine's tab said goodbye.
    Goodbye,
    /// No connection after [`LINK_CONNECT_MS`].
    Stuck,
    /// No invitation or answer could be made.
    Failed,
}

impl LinkReason {
    /// Why, in words (`link-reason`).
    pub fn say(self) -> Say {
        let word = match self {
            LinkReason::Waiting => "waiting",
            LinkReason::AnswerMade => "answerMade",
            LinkReason::AnswerPasted => "answerPasted",
            LinkReason::Open => "open",
            LinkReason::Trying => "trying",
            LinkReason::Interrupted => "interrupted",
            LinkReason::NoRoute => "noRoute",
            LinkReason::NoAddress => "noAddress",
            LinkReason::Closed => "closed",
            LinkReason::ChannelClosed => "channelClosed",
            LinkReason::Goodbye => "goodbye",
            LinkReason::Stuck => "stuck",
            LinkReason::Failed => "failed",
        };
        Say::new("link-reason").with("reason", word)
    }
}

/// Which side of the copy/paste flow this tab was on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    /// This tab made the invitation.
    Inviter,
    /// This tab accepted another's invitation.
    Acceptor,
}

/// One WebRTC link as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkStatus {
    /// This tab's id for the link.
    pub id: String,
    /// The inviter's id for the link (the same as `id` on the inviter).
    pub remote_link: String,
    /// Which side this tab was on.
    pub side: Side,
    /// The tab at the other end, once known.
    pub remote: Option<String>,
    /// Where the link stands.
    pub state: LinkState,
    /// Why.
    pub reason: LinkReason,
    /// When it got to this state (ms).
    pub since: u64,
    /// Frames received over it.
    pub received: u64,
}

/// What a link's change means for the tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkChange {
    /// Nothing to tell: the same state, or a link that is over or unknown.
    Nothing,
    /// The data channel opened: the tab says hello over it.
    Opened {
        /// The tab at the other end, when known.
        remote: Option<String>,
    },
    /// The link ended for `reason`.
    Over {
        /// The tab at the other end, when known.
        remote: Option<String>,
        /// How it ended (`closed`, `failed`).
        word: &'static str,
        /// Why.
        reason: LinkReason,
    },
    /// Only the state or its reason changed.
    Changed,
}

/// The tab's WebRTC links as plain state: what the browser reports about each goes in as a
/// method call, and what it means comes out as a [`LinkChange`]. Ids (`L1`, `L2`, …) are
/// never reused; at most [`MAX_LINKS`] are kept.
#[derive(Debug, Clone)]
pub struct LinkTable {
    links: VecMap<String, LinkStatus>,
    next: u64,
}

impl Default for LinkTable {
    fn default() -> Self {
        LinkTable {
            links: VecMap::new(),
            next: 1,
        }
    }
}

impl LinkTable {
    /// Link `id`.
    pub fn get(&self, id: &str) -> Option<&LinkStatus> {
        self.links.get(id)
    }

    /// Every link, in order of creation.
    pub fn all(&self) -> Vec<LinkStatus> {
        let mut all: Vec<LinkStatus> = self.links.values().cloned().collect();
        pos_core::sorting::sort_by_key(&mut all, |l| {
            l.id.strip_prefix('L')
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        });
        all
    }

    fn oldest_over(&self) -> Option<String> {
        self.links
            .values()
            .filter(|l| l.state.is_over())
            .min_by_key(|l| l.since)
            .map(|l| l.id.clone())
    }

    /// Whether one more link fits: fewer than [`MAX_LINKS`], or one of them is over.
    pub fn can_link(&self) -> Result<(), Say> {
        if self.links.len() >= MAX_LINKS && self.oldest_over().is_none() {
            return Err(Say::new("refusal-most-links").with("most", MAX_LINKS));
        }
        Ok(())
    }

    /// Adds a link in state "connecting" and returns its id, with the link that is over and
    /// was dropped to make room, if one was.
    pub fn add(
        &mut self,
        side: Side,
        remote_link: Option<String>,
        remote: Option<String>,
        now: u64,
    ) -> Result<(String, Option<LinkStatus>), Say> {
        self.can_link()?;
        let dropped = if self.links.len() >= MAX_LINKS {
            self.oldest_over().and_then(|id| self.links.remove(&id))
        } else {
            None
        };
        let id = format!("L{}", self.next);
        self.next += 1;
        let reason = match side {
            Side::Inviter => LinkReason::Waiting,
            Side::Acceptor => LinkReason::AnswerMade,
        };
        self.links.insert(
            id.clone(),
            LinkStatus {
                id: id.clone(),
                remote_link: remote_link.unwrap_or_else(|| id.clone()),
                side,
                remote,
                state: LinkState::Connecting,
                reason,
                since: now,
                received: 0,
            },
        );
        Ok((id, dropped))
    }

    /// The inviter learnt from the answer which tab is at the other end (`None`: the browser
    /// refused that answer, and the invitation waits for another).
    pub fn answered(&mut self, id: &str, tab: Option<&str>, now: u64) {
        if let Some(l) = self.links.get_mut(id) {
            l.remote = tab.map(str::to_string);
            if l.state == LinkState::Connecting {
                l.reason = match tab {
                    Some(_) => LinkReason::AnswerPasted,
                    None => LinkReason::Waiting,
                };
                l.since = now;
            }
        }
    }

    /// The browser says where link `id` stands, and why. A link that is over stays over (its
    /// first reason is kept).
    pub fn update(
        &mut self,
        id: &str,
        state: LinkState,
        reason: LinkReason,
        now: u64,
    ) -> LinkChange {
        let Some(l) = self.links.get_mut(id) else {
            return LinkChange::Nothing;
        };
        if l.state.is_over()
            || (l.state == state && (l.reason == reason || state == LinkState::Open))
        {
            return LinkChange::Nothing;
        }
        l.state = state;
        l.since = now;
        if state == LinkState::Open {
            l.reason = LinkReason::Open;
            return LinkChange::Opened {
                remote: l.remote.clone(),
            };
        }
        l.reason = reason;
        if state.is_over() {
            return LinkChange::Over {
                remote: l.remote.clone(),
                word: state.word(),
                reason,
            };
        }
        LinkChange::Changed
    }

    /// Removes link `id`.
    pub fn remove(&mut self, id: &str) -> Option<LinkStatus> {
        self.links.remove(id)
    }

    /// Links still connecting after [`LINK_CONNECT_MS`] (they fail), and links over for
    /// [`LINK_KEEP_MS`] (they are forgotten), at `now`.
    pub fn due(&self, now: u64) -> (Vec<String>, Vec<String>) {
        let ids = |f: &dyn Fn(&LinkStatus) -> bool| -> Vec<String> {
            self.links
                .values()
                .filter(|l| f(l))
                .map(|l| l.id.clone())
                .collect()
        };
        (
            ids(&|l| l.state == LinkState::Connecting && l.since + LINK_CONNECT_MS < now),
            ids(&|l| l.state.is_over() && l.since + LINK_KEEP_MS < now),
        )
    }

    /// Whether a frame from `tab` may come over link `id`: the link is live and `tab` is the
    /// tab at its other end (else `Err(Some(BadTab))`); the first frame names that tab.
    pub fn admit(&mut self, id: &str, tab: &str) -> Result<(), Option<FrameError>> {
        let l = self.links.get_mut(id).ok_or(None)?;
        if l.state.is_over() {
            return Err(None);
        }
        match &l.remote {
            Some(r) if r != tab => Err(Some(FrameError::BadTab)),
            _ => {
                l.remote = Some(tab.to_string());
                l.received += 1;
                Ok(())
            }
        }
    }
}

/// The largest message to send on a link (bytes, prefix included): [`CHUNK_BYTES`], or less
/// when the peer's `maxMessageSize` (`RTCSctpTransport.maxMessageSize`, `None` before the
/// link is up or where the engine does not tell) is smaller, but never under
/// [`MIN_PIECE_BYTES`]. A `maxMessageSize` of 0, infinite or not a number says nothing.
pub fn piece_limit(max_message_size: Option<f64>) -> usize {
    match max_message_size {
        Some(m) if m.is_finite() && m >= 1.0 => {
            // A float of at most CHUNK_BYTES fits a usize exactly once floored.
            let m = m.min(CHUNK_BYTES as f64).floor() as usize;
            m.clamp(MIN_PIECE_BYTES, CHUNK_BYTES)
        }
        _ => CHUNK_BYTES,
    }
}

/// Splits a frame into data-channel messages of at most `limit` bytes each, prefix included
/// (`limit` is clamped to [`MIN_PIECE_BYTES`]..=[`CHUNK_BYTES`]; see [`piece_limit`]): the
/// frame itself when short, else pieces `#k/n:` + text. Pieces are cut at character
/// boundaries, so each is a whole string.
pub fn split(frame: &str, limit: usize) -> Vec<String> {
    let limit = limit.clamp(MIN_PIECE_BYTES, CHUNK_BYTES);
    if frame.len() <= limit && !frame.starts_with('#') {
        return vec![frame.to_string()];
    }
    // The prefix `#k/n:` is 3 bytes plus the digits of k and n (k < n): find the smallest
    // digit count d for which bodies of `limit - 3 - 2d` bytes make fewer than 10^d pieces.
    let mut digits = 1;
    loop {
        let body = limit - 3 - 2 * digits;
        let parts = cut(frame, body);
        if parts.len() < 10usize.pow(digits as u32) {
            let n = parts.len();
            return parts
                .into_iter()
                .enumerate()
                .map(|(k, p)| format!("#{k}/{n}:{p}"))
                .collect();
        }
        digits += 1;
    }
}

/// `text` cut into consecutive pieces of at most `body` bytes (`body` >= 4, so that every
/// character fits), at character boundaries.
fn cut(text: &str, body: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut at = rest.len().min(body);
        while !rest.is_char_boundary(at) {
            at -= 1;
        }
        parts.push(&rest[..at]);
        rest = &rest[at..];
    }
    parts
}

/// STUN servers from the page's `?stun=` value: comma-separated `host:port` or
/// `stun:host:port` (also `stuns:`). Anything else is dropped; at most four are kept.
pub fn stun_urls(raw: &str) -> Vec<String> {
    raw.split(',')
        .filter_map(|s| {
            let s = s.trim();
            let (scheme, host) = match (s.strip_prefix("stuns:"), s.strip_prefix("stun:")) {
                (Some(h), _) => ("stuns:", h),
                (None, Some(h)) => ("stun:", h),
                (None, None) => ("stun:", s),
            };
            let ok = !host.is_empty()
                && host.len() <= 200
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b));
            ok.then(|| format!("{scheme}{host}"))
        })
        .take(4)
        .collect()
}

/// The tab a frame is addressed to, read from its start without parsing it all (a `Msg` frame
/// with `to: "tab/node"`); `None` for frames to everyone. Only a shortcut for sending: the
/// receiving tab checks the address again.
pub fn addressed_tab(frame: &str) -> Option<&str> {
    let mut cut = frame.len().min(160);
    while !frame.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &frame[..cut];
    let at = head.find(",\"to\":\"")? + 7;
    let rest = &frame[at..];
    let end = rest.find(['/', '"'])?;
    Some(&rest[..end])
}

/// Puts pieces from [`split`] back together, in order, within [`MAX_FRAME_BYTES`].
#[derive(Debug, Default, Clone)]
pub struct Reassembler {
    text: String,
    next: usize,
    count: usize,
}

impl Reassembler {
    /// Takes one data-channel message; returns a whole frame when one is complete.
    pub fn push(&mut self, message: &str) -> Result<Option<String>, FrameError> {
        let Some(piece) = message.strip_prefix('#') else {
            self.reset();
            return Ok(Some(message.to_string()));
        };
        let parsed = piece.split_once(':').and_then(|(kn, body)| {
            let (k, n) = kn.split_once('/')?;
            Some((k.parse::<usize>().ok()?, n.parse::<usize>().ok()?, body))
        });
        let Some((k, n, body)) = parsed else {
            self.reset();
            return Err(FrameError::Malformed);
        };
        if n == 0 || k >= n || n > MAX_PIECES || body.len() > MAX_PIECE_BODY {
            self.reset();
            return Err(FrameError::Malformed);
        }
        if k == 0 {
            self.reset();
            self.count = n;
        } else if k != self.next || n != self.count {
            self.reset();
            return Err(FrameError::Malformed);
        }
        if self.text.len() + body.len() > MAX_FRAME_BYTES {
            self.reset();
            return Err(FrameError::TooLarge);
        }
        self.text.push_str(body);
        self.next = k + 1;
        if self.next == self.count {
            let whole = std::mem::take(&mut self.text);
            self.reset();
            return Ok(Some(whole));
        }
        Ok(None)
    }

    /// Forgets a frame in progress and lets its memory go.
    fn reset(&mut self) {
        self.text = String::new();
        self.next = 0;
        self.count = 0;
    }
}

/// The dark modules of a QR code for `text` as an SVG path (one unit per module, a 4-module
/// quiet zone included) and the side in modules; `None` when the text does not fit.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    if text.len() > MAX_QR_BYTES {
        return None;
    }
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == qrcode::Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == qrcode::Color::Dark {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((d, width + 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(!text.contains('='));
            assert_eq!(from_base64url(&text), Some(bytes));
        }
        assert_eq!(base64url(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(from_base64url("Zm8="), Some(b"fo".to_vec()));
        assert_eq!(from_base64url("Z"), None);
        assert_eq!(from_base64url("Zm9v!"), None);
    }

    #[test]
    fn chunks_put_back_together() {
        let long: String = "{\"kind\":\"msg\"".to_string() + &"é".repeat(CHUNK_BYTES) + "}";
        let parts = split(&long, CHUNK_BYTES);
        assert_eq!(parts.len(), 3);
        let mut r = Reassembler::default();
        let mut out = None;
        for p in &parts {
            assert!(p.len() <= CHUNK_BYTES, "{}", p.len());
            out = r.push(p).expect("a piece");
        }
        assert_eq!(out.as_deref(), Some(long.as_str()));
        assert_eq!(split("{}", CHUNK_BYTES), vec!["{}".to_string()]);
        assert_eq!(r.push("{}"), Ok(Some("{}".to_string())));
        // Out of order, or a bad header, is refused and forgotten.
        assert_eq!(r.push(&parts[1]), Err(FrameError::Malformed));
        assert_eq!(r.push("#x/2:abc"), Err(FrameError::Malformed));
        assert_eq!(
            r.push(&format!("#0/{}:abc", MAX_PIECES + 1)),
            Err(FrameError::Malformed)
        );
        assert_eq!(
            r.push("#0/99999999999999999999999:abc"),
            Err(FrameError::Malformed)
        );
        let fat = format!("#0/2:{}", "a".repeat(MAX_PIECE_BODY + 1));
        assert_eq!(r.push(&fat), Err(FrameError::Malformed));
    }

    #[test]
    fn the_piece_size_is_the_smaller_of_16_kib_and_what_the_peer_takes() {
        assert_eq!(piece_limit(None), 16 * 1024);
        // What peers typically announce: 256 KiB, about 1 GiB, 64 KiB.
        assert_eq!(piece_limit(Some(262_144.0)), 16 * 1024);
        assert_eq!(piece_limit(Some(1_073_741_823.0)), 16 * 1024);
        assert_eq!(piece_limit(Some(65_536.0)), 16 * 1024);
        assert_eq!(piece_limit(Some(10_000.0)), 10_000);
        assert_eq!(piece_limit(Some(10_000.7)), 10_000);
        // No limit, or nonsense: the interoperable size; too small: the floor.
        for says_nothing in [0.0, f64::INFINITY, f64::NAN, -5.0, 0.5] {
            assert_eq!(
                piece_limit(Some(says_nothing)),
                CHUNK_BYTES,
                "{says_nothing}"
            );
        }
        assert_eq!(piece_limit(Some(100.0)), MIN_PIECE_BYTES);
    }

    #[test]
    fn every_piece_fits_its_limit_prefix_included() {
        // ASCII, two-, three- and four-byte characters; sizes around the limits and the
        // prefix's digit counts (9 to 10, 99 to 100 pieces).
        let alphabet = ["a", "é", "€", "😀", "a€😀é"];
        for limit in [MIN_PIECE_BYTES, 1_500, 10_000, CHUNK_BYTES] {
            for ch in alphabet {
                for len in [
                    1,
                    limit - 1,
                    limit,
                    limit + 1,
                    9 * limit,
                    10 * limit,
                    120 * limit,
                ] {
                    let mut frame = String::from("{");
                    while frame.len() < len {
                        frame.push_str(ch);
                    }
                    let parts = split(&frame, limit);
                    let mut r = Reassembler::default();
                    let mut out = None;
                    for (i, p) in parts.iter().enumerate() {
                        assert!(p.len() <= limit, "{limit} {ch} {len}: {}", p.len());
                        let got = r.push(p).expect("a piece");
                        assert_eq!(got.is_some(), i + 1 == parts.len());
                        out = got;
                    }
                    assert_eq!(out.as_deref(), Some(frame.as_str()), "{limit} {ch} {len}");
                }
            }
        }
        // A frame that starts with '#' always goes in pieces, so it is never taken for one.
        let parts = split("#1/2:x", CHUNK_BYTES);
        assert_eq!(parts, vec!["#0/1:#1/2:x".to_string()]);
        assert_eq!(
            Reassembler::default().push(&parts[0]),
            Ok(Some("#1/2:x".into()))
        );
    }

    #[test]
    fn the_largest_frame_goes_through_at_the_smallest_piece() {
        let frame = "x".repeat(MAX_FRAME_BYTES);
        let parts = split(&frame, MIN_PIECE_BYTES);
        assert!(parts.len() <= MAX_PIECES, "{}", parts.len());
        let mut r = Reassembler::default();
        let mut out = None;
        for p in &parts {
            out = r.push(p).expect("a piece");
        }
        assert_eq!(out.map(|t| t.len()), Some(MAX_FRAME_BYTES));
        // One byte more is refused, and the memory it took is let go.
        let over = "x".repeat(MAX_FRAME_BYTES + 1);
        let mut r = Reassembler::default();
        let results: Vec<_> = split(&over, CHUNK_BYTES)
            .iter()
            .map(|p| r.push(p))
            .collect();
        assert_eq!(results.last(), Some(&Err(FrameError::TooLarge)));
        assert_eq!(r.text.capacity(), 0);
    }

    #[test]
    fn stun_servers_come_from_the_url_cleaned() {
        assert_eq!(
            stun_urls("stun.example.org:3478, stun:10.0.0.1:3478,stuns:[::1]:5349"),
            vec![
                "stun:stun.example.org:3478",
                "stun:10.0.0.1:3478",
                "stuns:[::1]:5349"
            ]
        );
        assert!(stun_urls("javascript:alert(1)").is_empty());
        assert!(stun_urls("").is_empty());
    }

    #[test]
    fn the_address_of_a_frame_is_read_from_its_start() {
        let to = r#"{"msg":{"tab":"ab12","node":"n0","to":"cd34/n1","data":"{}"}}"#;
        assert_eq!(addressed_tab(to), Some("cd34"));
        let all = r#"{"msg":{"tab":"ab12","node":"n0","to":null,"data":"{}"}}"#;
        assert_eq!(addressed_tab(all), None);
        assert_eq!(addressed_tab(r#"{"bye":{"tab":"ab12"}}"#), None);
    }

    #[test]
    fn pasted_junk_is_refused_in_words() {
        assert_eq!(decode("  "), Err(SignalError::Empty));
        assert_eq!(decode("hello"), Err(SignalError::NoPrefix));
        assert_eq!(decode("pos1:***"), Err(SignalError::BadBase64));
        assert!(matches!(decode("pos1:e30"), Err(SignalError::BadJson(_))));
        let huge = format!("pos1:{}", "A".repeat(MAX_SIGNAL_BYTES));
        assert!(matches!(decode(&huge), Err(SignalError::TooLong(_))));
        let answer = Signal::Answer(Answer {
            link: "1".into(),
            to: "abcd".into(),
            tab: "ef01".into(),
            sdp: "v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n".into(),
        });
        let text = encode(&answer);
        assert!(decode_answer(&format!("\"{text}\"\n")).is_ok());
        let e = decode_invitation(&text).expect_err("an answer");
        assert!(
            matches!(
                e,
                SignalError::WrongKind {
                    expected: "invitation",
                    ..
                }
            ),
            "{e:?}"
        );
        let bad = Signal::Answer(Answer {
            tab: "../x".into(),
            ..match answer {
                Signal::Answer(a) => a,
                Signal::Invite(_) => unreachable!(),
            }
        });
        assert!(matches!(
            decode(&encode(&bad)),
            Err(SignalError::BadField("tabId"))
        ));
    }

    #[test]
    fn a_qr_code_is_drawn_for_short_texts_only() {
        let (d, side) = qr_path("pos1:hello").expect("fits");
        assert!(d.starts_with('M') && side >= 21 + 8);
        assert!(qr_path(&"x".repeat(MAX_QR_BYTES + 1)).is_none());
    }
}
