//! What the transports bring in, as one type: a frame from the BroadcastChannel, a WebRTC
//! link or the class server; what the browser says about a link; what the class server says
//! about the class. Each goes to [`Playground::handle`], which returns the [`Step`] the edge
//! routes (`edge/driver.rs`), as the core's `Node::handle` returns its outputs. Everything a
//! channel carried is untrusted and checked here, in plain Rust.

use crate::logic::class::{Lead, Member};
use crate::logic::link::{LinkReason, LinkState};
use crate::logic::mesh::Via;
use crate::logic::model::{Playground, Step};
use crate::logic::wire::FrameError;

/// One input from a transport.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A frame of text (untrusted) that came over `via`.
    Frame {
        /// The frame as it came.
        text: String,
        /// The transport it came over.
        via: Via,
    },
    /// Something came that could not be made into a frame (a bad piece over a link, a
    /// message of the wrong type): counted, never read.
    Refused(FrameError),
    /// The inviter learnt from an answer which tab is at the other end of `link` (`None`:
    /// the browser refused that answer, and the invitation waits for another).
    LinkAnswered {
        /// This tab's id for the link.
        link: String,
        /// The tab at the other end.
        tab: Option<String>,
    },
    /// The browser says where `link` stands, and why.
    Link {
        /// This tab's id for the link.
        link: String,
        /// Where it stands.
        state: LinkState,
        /// Why.
        reason: LinkReason,
    },
    /// The edge closed `link`'s connection: forget it.
    LinkClosed(String),
    /// The class server's socket opened (`true`) or closed, with why.
    ClassConnected {
        /// Whether it is open now.
        open: bool,
        /// Why it closed, or what went wrong.
        problem: Option<String>,
    },
    /// The class server took this tab in.
    ClassWelcome {
        /// The class (network) name.
        class: String,
        /// The server's tab.
        server: String,
        /// The address pages use.
        address: String,
    },
    /// Frames between this tab and that one go through the class server from now on.
    ClassRelay(String),
    /// The class server's latest roster.
    ClassRoster(Vec<Member>),
    /// The class's lead: where the teacher is, the class clock, who leads.
    ClassLead(Lead),
    /// The class server refused this tab's lead message, and why.
    NotLeading(String),
    /// The page was opened from a class server (as the teacher's page, or a student's): the
    /// tab waits for the server's tab to host.
    ClassOpening {
        /// Whether it is the teacher's page.
        teacher: bool,
    },
    /// A line for the feed from the class's side of the page.
    ClassNote(crate::logic::i18n::Say),
}

impl Input {
    /// A frame that came over the BroadcastChannel.
    pub fn channel(text: impl Into<String>) -> Input {
        Input::Frame {
            text: text.into(),
            via: Via::Channel,
        }
    }
}

impl Playground {
    /// Takes `input` at `now` (ms) and returns what must leave the tab at once: the frames
    /// it made the tab say (a presence answer, a hello over a new link). The network itself
    /// moves on at the next [`Playground::advance`].
    pub fn handle(&mut self, now: u64, input: Input) -> Step {
        match input {
            Input::Frame { text, via } => self.receive_frame_via(&text, now, via),
            Input::Refused(e) => self.refuse_frame(e),
            Input::LinkAnswered { link, tab } => self.link_answered(&link, tab.as_deref(), now),
            Input::Link {
                link,
                state,
                reason,
            } => self.link_update(&link, state, reason, now),
            Input::LinkClosed(link) => {
                self.link_forget(&link);
            }
            Input::ClassConnected { open, problem } => self.class_connected(open, problem),
            Input::ClassWelcome {
                class,
                server,
                address,
            } => self.class_welcome(class, server, address),
            Input::ClassRelay(tab) => self.class_relay(tab),
            Input::ClassRoster(members) => self.class_roster(members),
            Input::ClassLead(lead) => self.class_lead(now, lead),
            Input::NotLeading(reason) => self.class_not_leading(reason),
            Input::ClassOpening { teacher } => {
                self.expect_class_host();
                self.set_class_teacher(teacher);
            }
            Input::ClassNote(line) => self.class_note(line),
        }
        Step {
            frames: self.take_outbox(),
            draws: Vec::new(),
            changed: true,
        }
    }
}
