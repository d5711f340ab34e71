//! Peers: who the node has heard from ([`PeerInfo`], at most [`MAX_PEERS`], forgotten after
//! [`crate::node::NodeConfig::peer_timeout_ms`] of silence), and what it holds against those
//! that send invalid blocks or chains ([`PeerScore`]): a strike for each refusal that is the
//! sender's fault, a ban of [`BAN_MS`] at [`STRIKES_TO_BAN`] strikes.

#[cfg(doc)]
use super::NodeConfig;
use super::{Event, Node, Output, PeerId};
use crate::chain::BlockError;
use crate::vec_map::VecMap;
use crate::wallet::Address;
use serde::{Deserialize, Serialize};

/// What this node knows of a peer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerInfo {
    /// The address it claims.
    pub address: Address,
    /// Its last announced height.
    pub height: u64,
    /// When it was last heard from (ms).
    pub last_seen: u64,
}

/// What a node holds against a peer that sent invalid blocks or chains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerScore {
    /// Invalid blocks or chains since the last ban (forgotten [`STRIKE_MEMORY_MS`] after
    /// the last).
    pub strikes: u32,
    /// When the last strike came (ms).
    pub last_strike: u64,
    /// Until when (ms) the peer is ignored (0: not banned).
    pub banned_until: u64,
}

/// Most peers a node tracks in [`Node::peers`]. A peer heard from while the table is full is
/// served but not tracked until others time out ([`NodeConfig::peer_timeout_ms`]), so a flood
/// of made-up link names cannot push known peers out.
pub const MAX_PEERS: usize = 256;

/// Invalid blocks or chains after which a peer is ignored for [`BAN_MS`].
pub const STRIKES_TO_BAN: u32 = 3;

/// How long a banned peer is ignored (ms): everything it sends is dropped unread.
pub const BAN_MS: u64 = 60_000;

/// A peer's strikes are forgotten this long (ms) after its last one.
pub const STRIKE_MEMORY_MS: u64 = 60_000;

/// Most peers with strikes or a ban a node remembers; when full, the entry with the fewest
/// strikes that is not banned makes room, and with none such the new offender goes
/// unrecorded (its blocks still pass the cheap checks first).
pub const MAX_SCORED_PEERS: usize = 256;

impl Node {
    /// Known peers by link.
    pub fn peers(&self) -> &VecMap<PeerId, PeerInfo> {
        &self.peers
    }

    /// Peers that sent invalid blocks or chains, with their strikes and bans (at most
    /// [`MAX_SCORED_PEERS`]; expired entries go at the next tick).
    pub fn scores(&self) -> &VecMap<PeerId, PeerScore> {
        &self.scores
    }

    /// Whether this node ignores `peer` at `now` (see [`STRIKES_TO_BAN`]).
    pub fn is_banned_at(&self, peer: &PeerId, now: u64) -> bool {
        self.is_banned(peer, now)
    }

    /// Records that `from` was heard from; a new peer is tracked only while the table has
    /// room ([`MAX_PEERS`]).
    pub(super) fn touch_peer(
        &mut self,
        now: u64,
        from: &PeerId,
        address: Address,
        out: &mut Vec<Output>,
    ) {
        if let Some(peer) = self.peers.get_mut(from) {
            peer.last_seen = now;
            peer.address = address;
            return;
        }
        if self.peers.len() >= MAX_PEERS {
            return self.count("peer:tableFull");
        }
        out.push(Output::Event(Event::PeerSeen {
            peer: from.clone(),
            address,
        }));
        self.peers.insert(
            from.clone(),
            PeerInfo {
                address,
                height: 0,
                last_seen: now,
            },
        );
    }

    /// Whether `peer` is banned at `now`.
    pub(super) fn is_banned(&self, peer: &PeerId, now: u64) -> bool {
        self.scores.get(peer).is_some_and(|s| s.banned_until > now)
    }

    /// Counts an invalid block or chain against `peer`; at [`STRIKES_TO_BAN`] it is banned
    /// for [`BAN_MS`] and forgotten as a peer.
    pub(super) fn strike(&mut self, now: u64, peer: &PeerId, out: &mut Vec<Output>) {
        if !self.scores.contains_key(peer) && self.scores.len() >= MAX_SCORED_PEERS {
            self.expire_scores(now);
            let spare = self
                .scores
                .iter()
                .filter(|(_, s)| s.banned_until <= now)
                .min_by_key(|(p, s)| (s.strikes, s.last_strike, (*p).clone()))
                .map(|(p, _)| p.clone());
            match spare {
                Some(p) => {
                    self.scores.remove(&p);
                }
                None => return self.count("peer:scoresFull"),
            }
        }
        let score = self.scores.get_or_insert_with(peer.clone(), || PeerScore {
            strikes: 0,
            last_strike: now,
            banned_until: 0,
        });
        score.strikes += 1;
        score.last_strike = now;
        if score.strikes < STRIKES_TO_BAN {
            return;
        }
        score.strikes = 0;
        score.banned_until = now.saturating_add(BAN_MS);
        let until = score.banned_until;
        self.count("peer:bannedPeer");
        self.peers.remove(peer);
        if self.sync.as_ref().is_some_and(|(p, _)| p == peer) {
            self.sync = None;
        }
        out.push(Output::Event(Event::PeerBanned {
            peer: peer.clone(),
            until,
        }));
    }

    /// Forgets bans that ended and strikes older than [`STRIKE_MEMORY_MS`].
    pub(super) fn expire_scores(&mut self, now: u64) {
        self.scores.retain(|_, s| {
            s.banned_until > now || (s.strikes > 0 && s.last_strike + STRIKE_MEMORY_MS > now)
        });
    }

    /// Whether a refused block is the sender's fault (it is then struck): not when it only
    /// waits for something (its parent, a draw), is stale, or could be a clock's skew.
    pub(super) fn is_offence(reason: &BlockError) -> bool {
        !matches!(
            reason,
            BlockError::UnknownParent
                | BlockError::DrawPending { .. }
                | BlockError::FromTheFuture { .. }
                | BlockError::BelowHorizon { .. }
        )
    }
}
