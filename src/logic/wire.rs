//! What another tab or machine may send, shared by the mesh, the links and the class
//! protocol: the largest frame, how many tabs and nodes a tab keeps track of, and why a frame
//! is refused ([`FrameError`]). It imports nothing of the page, so everything that checks a
//! frame can use it.

use pos_core::message::MAX_MESSAGE_BYTES;

/// Largest frame accepted, in bytes of text.
pub const MAX_FRAME_BYTES: usize = MAX_MESSAGE_BYTES + 4096;

/// Most nodes one tab runs.
pub const MAX_NODES: usize = 16;

/// Most other tabs a tab keeps track of; frames from further tabs are refused (counted as
/// `frame:tooManyTabs`) until some fall silent for [`crate::logic::mesh::TAB_TIMEOUT_MS`].
pub const MAX_TABS: usize = 64;

/// Why a frame from the channel was dropped before reaching any node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameError {
    /// Longer than [`MAX_FRAME_BYTES`].
    TooLarge,
    /// Not a frame.
    Malformed,
    /// A tab id that is not 1 to 16 letters and digits.
    BadTab,
    /// A node name that is not `n0` to `n15`, or a receiver that is not `<tab>/<node>`.
    BadNode,
    /// From a new tab while [`MAX_TABS`] others are known.
    TooManyTabs,
    /// A conflict while [`crate::logic::mesh::MAX_CONFLICTS`] wait for a choice.
    TooManyConflicts,
    /// More than [`crate::logic::mesh::MAX_FRAMES_PER_SECOND`].
    Flood,
    /// A genesis whose hash is not the network it claims, or an invalid one.
    BadGenesis,
}

impl FrameError {
    /// The key under which it is counted.
    pub fn key(self) -> &'static str {
        match self {
            FrameError::TooLarge => "frame:tooLarge",
            FrameError::Malformed => "frame:malformed",
            FrameError::BadTab => "frame:badTab",
            FrameError::BadNode => "frame:badNode",
            FrameError::TooManyTabs => "frame:tooManyTabs",
            FrameError::TooManyConflicts => "frame:tooManyConflicts",
            FrameError::Flood => "frame:flood",
            FrameError::BadGenesis => "frame:badGenesis",
        }
    }
}
