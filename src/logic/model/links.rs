//! The tab's side of WebRTC links (`crate::logic::link`, `crate::edge::webrtc`): what the
//! browser reports about a link goes to the mesh's link table ([`Mesh`]), and the tab carries
//! out what the mesh decides. Plain Rust.

use super::Playground;
use crate::logic::link::{Invitation, LinkState, LinkStatus, Side};
use crate::logic::mesh::{Adoption, Mesh, Via};
use crate::logic::wire::FrameError;
use pos_core::PeerId;

impl Playground {
    /// This tab's id as other tabs and machines know it (also for a tab that runs alone).
    pub fn tab_id(&self) -> String {
        self.mesh
            .as_ref()
            .map_or_else(|| self.tab.clone(), |m| m.tab().to_string())
    }

    /// The network's name as an invitation gives it: the `?net=` name, or the genesis name.
    pub fn network_name(&self) -> String {
        self.mesh
            .as_ref()
            .map_or_else(|| self.genesis.network.clone(), |m| m.name().to_string())
    }

    /// Makes a tab that runs alone able to take part in a network of machines: its nodes'
    /// messages leave the tab from now on, and it hosts (it holds the exchange).
    fn ensure_mesh(&mut self, now: u64) -> &mut Mesh {
        if self.mesh.is_none() {
            self.net.open_to_outside();
        }
        let hosts = self.net.node(0).is_some_and(|n| n.hosts_exchange());
        let (tab, name) = (self.tab.clone(), self.genesis.network.clone());
        self.mesh
            .get_or_insert_with(|| Mesh::settled(tab, name, hosts, true, now))
    }

    /// Before an invitation: refused while the tab still looks for its network of tabs.
    pub fn ready_to_invite(&mut self, now: u64) -> Result<(), String> {
        self.ensure_mesh(now).ready_to_invite()
    }

    /// Adds a link in state "connecting"; returns this tab's id for it. `remote_link` is the
    /// inviter's id (for an acceptor), `remote` the tab at the other end when known. With
    /// [`crate::logic::link::MAX_LINKS`] links already, the oldest that is over makes room;
    /// when none is over the link is refused.
    pub fn link_new(
        &mut self,
        side: Side,
        remote_link: Option<String>,
        remote: Option<String>,
        now: u64,
    ) -> Result<String, String> {
        self.can_link()?;
        let (id, events) = self
            .ensure_mesh(now)
            .link_new(side, remote_link, remote, now)?;
        self.carry_out(now, events);
        Ok(id)
    }

    /// Whether one more link fits.
    pub fn can_link(&self) -> Result<(), String> {
        self.mesh.as_ref().map_or(Ok(()), |m| m.links().can_link())
    }

    /// The invited side takes the inviter's network ([`Mesh::invitation`]).
    pub fn adopt_invitation(&mut self, inv: &Invitation, now: u64) -> Adoption {
        let ours = self.net.node(0).map(|n| n.chain().network_id());
        let pooled = self.net.nodes().iter().any(|n| !n.node.pool().is_empty());
        let fresh = self.best_height() == 0 && !pooled;
        let (adoption, events) = self.ensure_mesh(now).invitation(inv, ours, fresh, now);
        self.carry_out(now, events);
        adoption
    }

    /// The inviter learnt from the answer which tab is at the other end (`None`: the browser
    /// refused that answer, and the invitation waits for another).
    pub fn link_answered(&mut self, id: &str, tab: Option<&str>, now: u64) {
        if let Some(m) = self.mesh.as_mut() {
            m.link_answered(id, tab, now);
        }
    }

    /// The link's data channel opened: say hello over it at once.
    pub fn link_opened(&mut self, id: &str, now: u64) {
        self.link_update(id, LinkState::Open, "data channel open", now);
    }

    /// The browser says where link `id` stands, and why ([`Mesh::link_update`]).
    pub fn link_update(&mut self, id: &str, state: LinkState, reason: &str, now: u64) {
        let Some(m) = self.mesh.as_mut() else { return };
        let events = m.link_update(id, state, reason, now);
        self.carry_out(now, events);
    }

    /// Removes a link from the table (the edge closes its connection).
    pub fn link_forget(&mut self, id: &str) -> bool {
        let Some(m) = self.mesh.as_mut() else {
            return false;
        };
        let known = m.links().get(id).is_some();
        // Only `Forget`s, which take no time.
        let events = m.link_forget(id);
        self.carry_out(0, events);
        known
    }

    /// Link `id`.
    pub fn link(&self, id: &str) -> Option<&LinkStatus> {
        self.mesh.as_ref()?.links().get(id)
    }

    /// Every link, in order of creation.
    pub fn links(&self) -> Vec<LinkStatus> {
        self.mesh
            .as_ref()
            .map(|m| m.links().all())
            .unwrap_or_default()
    }

    /// Counts a frame the edge dropped before it was whole (a bad piece over a link).
    pub fn refuse_frame(&mut self, e: FrameError) {
        if let Some(m) = self.mesh.as_mut() {
            m.reject(e);
        }
    }

    /// Where a peer lives ("tab", "channel", "webrtc" or "relay"), and for a peer reached
    /// over a WebRTC link, the link and its state.
    pub(super) fn link_of_peer(
        &self,
        peer: &PeerId,
    ) -> (&'static str, Option<String>, Option<&'static str>) {
        let Some((tab, _)) = peer.0.split_once('/') else {
            return ("tab", None, None);
        };
        match self.mesh.as_ref().and_then(|m| m.via_of(tab)) {
            Some((Via::WebRtc(id), state)) => ("webrtc", Some(id.clone()), state),
            Some((Via::Relay(_), _)) => ("relay", None, None),
            _ => ("channel", None, None),
        }
    }
}
