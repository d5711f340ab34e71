//! The tab's side of WebRTC links (`crate::logic::link`, `crate::edge::webrtc`): what the
//! browser reports about a link goes to the mesh's link table ([`Mesh`]), and the tab carries
//! out what the mesh decides. Plain Rust.

use super::Playground;
use crate::logic::i18n::Say;
use crate::logic::link::{Answer, Invitation, LinkReason, LinkState, LinkStatus, Side};
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
    pub fn ready_to_invite(&mut self, now: u64) -> Result<(), Say> {
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
    ) -> Result<String, Say> {
        // The table refuses a link that does not fit (`LinkTable::add`).
        let (id, events) = self
            .ensure_mesh(now)
            .link_new(side, remote_link, remote, now)?;
        self.carry_out(now, events);
        Ok(id)
    }

    /// A new invitation's link (this tab the inviter), once the tab has a network to invite
    /// to; its id.
    pub fn invitation_link(&mut self, now: u64) -> Result<String, Say> {
        self.ready_to_invite(now)?;
        self.link_new(Side::Inviter, None, None, now)
    }

    /// The invitation of link `id`, once the browser made its offer `sdp`.
    pub fn invitation(&self, id: String, sdp: String) -> Invitation {
        Invitation {
            link: id,
            tab: self.tab_id(),
            name: self.network_name(),
            genesis: self.genesis.clone(),
            sdp,
        }
    }

    /// Takes a pasted invitation (decoded, untrusted): refused when it is this tab's own or
    /// was accepted already, or when no link fits; else the tab takes the inviter's network
    /// ([`Playground::adopt_invitation`]) and a link waits for the connection. Returns the
    /// link's id and this tab's id.
    pub fn accept_invitation(
        &mut self,
        inv: &Invitation,
        now: u64,
    ) -> Result<(String, String), Say> {
        let me = self.tab_id();
        if inv.tab == me {
            return Err(Say::new("refusal-own-invitation"));
        }
        if let Some(l) = self.links().iter().find(|l| {
            l.side == Side::Acceptor
                && l.remote_link == inv.link
                && l.remote.as_deref() == Some(inv.tab.as_str())
                && !l.state.is_over()
        }) {
            return Err(Say::new("refusal-accepted-already").with("link", l.id.as_str()));
        }
        self.can_link()?;
        self.adopt_invitation(inv, now);
        let id = self.link_new(
            Side::Acceptor,
            Some(inv.link.clone()),
            Some(inv.tab.clone()),
            now,
        )?;
        Ok((id, self.tab_id()))
    }

    /// Whether a pasted answer (decoded, untrusted) completes one of this tab's invitations:
    /// one for this tab, still waiting for its answer.
    pub fn check_answer(&self, ans: &Answer) -> Result<(), Say> {
        let me = self.tab_id();
        if ans.to != me {
            return Err(Say::new("refusal-answer-elsewhere")
                .with("tab", ans.to.as_str())
                .with("me", me));
        }
        let l = self
            .link(&ans.link)
            .ok_or_else(|| Say::new("refusal-no-invitation").with("link", ans.link.as_str()))?;
        let link = || l.id.as_str();
        if l.side != Side::Inviter {
            return Err(Say::new("refusal-not-invited").with("link", link()));
        }
        if l.state.is_over() {
            return Err(Say::new("refusal-invitation-over")
                .with("link", link())
                .with("state", l.state.word())
                .with("why", l.reason.say()));
        }
        if l.remote.is_some() {
            return Err(Say::new("refusal-completed-already").with("link", link()));
        }
        Ok(())
    }

    /// Whether one more link fits.
    pub fn can_link(&self) -> Result<(), Say> {
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
    pub(crate) fn link_answered(&mut self, id: &str, tab: Option<&str>, now: u64) {
        if let Some(m) = self.mesh.as_mut() {
            m.link_answered(id, tab, now);
        }
    }

    /// The browser says where link `id` stands, and why ([`Mesh::link_update`]).
    pub(crate) fn link_update(&mut self, id: &str, state: LinkState, reason: LinkReason, now: u64) {
        let Some(m) = self.mesh.as_mut() else { return };
        let events = m.link_update(id, state, reason, now);
        self.carry_out(now, events);
    }

    /// Removes a link from the table (the edge closes its connection).
    pub(crate) fn link_forget(&mut self, id: &str) -> bool {
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
    pub(crate) fn refuse_frame(&mut self, e: FrameError) {
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
