//! The model's side of WebRTC links (`crate::logic::link`, `crate::edge::webrtc`): the link table, joining
//! the inviter's network, and which peers are reached over which link. Plain Rust; the browser
//! edge reports what its connections do, and the model decides what that means.

use super::Playground;
use crate::logic::link::{
    Invitation, LinkState, LinkStatus, Side, LINK_CONNECT_MS, LINK_KEEP_MS, MAX_LINKS,
};
use crate::logic::mesh::{Conflict, Mesh, Role, Via, MAX_CONFLICTS};
use crate::logic::wire::FrameError;
use pos_core::PeerId;

/// What accepting an invitation did to this tab's network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adoption {
    /// The inviter runs this tab's network already.
    Same,
    /// This tab had no chain of its own yet and joined the inviter's network.
    Joined,
    /// This tab runs another network with blocks of its own: a conflict waits for a choice.
    Conflict,
}

impl Playground {
    /// This tab's id as other tabs and machines know it (also for a tab that runs alone).
    pub fn tab_id(&self) -> String {
        self.mesh
            .as_ref()
            .map_or_else(|| self.tab.clone(), |m| m.tab.clone())
    }

    /// The network's name as an invitation gives it: the `?net=` name, or the genesis name.
    pub fn network_name(&self) -> String {
        self.mesh
            .as_ref()
            .map_or_else(|| self.genesis.network.clone(), |m| m.name.clone())
    }

    /// Makes a tab that runs alone able to take part in a network of machines: its nodes'
    /// messages leave the tab from now on, and it hosts (it holds the exchange).
    fn ensure_mesh(&mut self, now: u64) {
        if self.mesh.is_some() {
            return;
        }
        let tab = self.tab_id();
        let mut mesh = Mesh::new(tab, self.genesis.network.clone(), now);
        mesh.by_link = true;
        let hosts = self.net.node(0).is_some_and(|n| n.hosts_exchange());
        mesh.role = if hosts { Role::Host } else { Role::Member };
        mesh.last_hello = 0;
        self.net.open_to_outside();
        self.mesh = Some(mesh);
    }

    /// Before an invitation: refused while the tab still looks for its network of tabs.
    pub fn ready_to_invite(&mut self, now: u64) -> Result<(), String> {
        self.ensure_mesh(now);
        match self.mesh.as_ref().map(|m| m.role) {
            Some(Role::Discovering) => Err(
                "this tab is still looking for its network of tabs: try again in a second".into(),
            ),
            _ => Ok(()),
        }
    }

    /// Adds a link in state "connecting"; returns this tab's id for it. `remote_link` is the
    /// inviter's id (for an acceptor), `remote` the tab at the other end when known. With
    /// [`MAX_LINKS`] links already, the oldest that is over makes room; when none is over the
    /// link is refused.
    pub fn link_new(
        &mut self,
        side: Side,
        remote_link: Option<String>,
        remote: Option<String>,
        now: u64,
    ) -> Result<String, String> {
        self.can_link()?;
        self.ensure_mesh(now);
        let full = self
            .mesh
            .as_ref()
            .is_some_and(|m| m.links.len() >= MAX_LINKS);
        if let Some(id) = full.then(|| self.oldest_over_link()).flatten() {
            self.link_forget(&id);
        }
        let Some(m) = self.mesh.as_mut() else {
            return Err("this tab has no network to link".into());
        };
        let id = format!("L{}", m.next_link);
        m.next_link += 1;
        let reason = match side {
            Side::Inviter => {
                "waiting for the answer: paste it here once the other machine accepted"
            }
            Side::Acceptor => "answer made: waiting for the other machine to paste it",
        };
        m.links.insert(
            id.clone(),
            LinkStatus {
                id: id.clone(),
                remote_link: remote_link.unwrap_or_else(|| id.clone()),
                side,
                remote,
                state: LinkState::Connecting,
                reason: reason.into(),
                since: now,
                received: 0,
            },
        );
        Ok(id)
    }

    /// Whether one more link fits: fewer than [`MAX_LINKS`], or one of them is over.
    pub fn can_link(&self) -> Result<(), String> {
        let full = self
            .mesh
            .as_ref()
            .is_some_and(|m| m.links.len() >= MAX_LINKS);
        if full && self.oldest_over_link().is_none() {
            return Err(format!(
                "this tab has {MAX_LINKS} live links already: close one before making another"
            ));
        }
        Ok(())
    }

    fn oldest_over_link(&self) -> Option<String> {
        self.mesh
            .as_ref()?
            .links
            .values()
            .filter(|l| l.state.is_over())
            .min_by_key(|l| l.since)
            .map(|l| l.id.clone())
    }

    /// Links still connecting after [`LINK_CONNECT_MS`] fail; links over for
    /// [`LINK_KEEP_MS`] are forgotten (the edge then closes their connections).
    pub(super) fn expire_links(&mut self, now: u64) {
        let Some(m) = self.mesh.as_ref() else { return };
        let stuck: Vec<String> = m
            .links
            .values()
            .filter(|l| l.state == LinkState::Connecting && l.since + LINK_CONNECT_MS < now)
            .map(|l| l.id.clone())
            .collect();
        let ended: Vec<String> = m
            .links
            .values()
            .filter(|l| l.state.is_over() && l.since + LINK_KEEP_MS < now)
            .map(|l| l.id.clone())
            .collect();
        for id in stuck {
            self.link_update(
                &id,
                LinkState::Failed,
                "no connection after 30 minutes: make a new invitation",
                now,
            );
        }
        for id in ended {
            self.link_forget(&id);
        }
    }

    /// The invited side takes the inviter's network: the same one; or, when this tab has no
    /// chain of its own yet (no block, nothing pooled, no other tab or machine on its network),
    /// it rebuilds on the inviter's genesis; otherwise the two networks conflict and the page
    /// asks which to keep, as between tabs.
    pub fn adopt_invitation(&mut self, inv: &Invitation, now: u64) -> Adoption {
        self.ensure_mesh(now);
        let theirs = inv.genesis.block().hash();
        let ours = self.net.node(0).map(|n| n.chain().network_id());
        if Some(theirs) == ours {
            return Adoption::Same;
        }
        let discovering = self
            .mesh
            .as_ref()
            .is_some_and(|m| m.role == Role::Discovering);
        let pooled = self.net.nodes().iter().any(|n| !n.node.pool().is_empty());
        // Tabs or machines already sharing this tab's network would be left behind.
        let alone = self.mesh.as_ref().is_some_and(|m| m.tabs.is_empty());
        if discovering || (self.best_height() == 0 && !pooled && alone) {
            self.rebuild_on(inv.genesis.clone(), now);
            // A tab without a channel of its own takes the network's name too.
            if let Some(m) = self.mesh.as_mut().filter(|m| m.by_link) {
                m.name = inv.name.clone();
            }
            return Adoption::Joined;
        }
        let Some(m) = self.mesh.as_mut() else {
            return Adoption::Conflict;
        };
        if let Some(c) = m.conflicts.iter_mut().find(|c| c.tab == inv.tab) {
            c.last_seen = now;
        } else if m.conflicts.len() >= MAX_CONFLICTS {
            m.reject(FrameError::TooManyConflicts);
        } else {
            m.conflicts.push(Conflict {
                tab: inv.tab.clone(),
                genesis: inv.genesis.clone(),
                network: theirs,
                height: 0,
                last_seen: now,
            });
            let tab = inv.tab.clone();
            self.log(
                0,
                "reject",
                format!("The invitation from tab {tab} is for another network, and this tab has blocks of its own: choose which one to keep"),
            );
        }
        Adoption::Conflict
    }

    /// The inviter learnt from the answer which tab is at the other end (`None`: the browser
    /// refused that answer, and the invitation waits for another).
    pub fn link_answered(&mut self, id: &str, tab: Option<&str>, now: u64) {
        if let Some(l) = self.mesh.as_mut().and_then(|m| m.links.get_mut(id)) {
            l.remote = tab.map(str::to_string);
            if l.state == LinkState::Connecting {
                l.reason = match tab {
                    Some(_) => "answer pasted: the two machines are looking for a route",
                    None => "waiting for the answer: paste it here once the other machine accepted",
                }
                .into();
                l.since = now;
            }
        }
    }

    /// The link's data channel opened: say hello over it at once.
    pub fn link_opened(&mut self, id: &str, now: u64) {
        let Some(l) = self.mesh.as_mut().and_then(|m| m.links.get_mut(id)) else {
            return;
        };
        if l.state.is_over() {
            return;
        }
        l.state = LinkState::Open;
        l.reason = "data channel open".into();
        l.since = now;
        let remote = l.remote.clone().unwrap_or_default();
        self.log(
            0,
            "info",
            format!("Linked to tab {remote} on another machine (WebRTC)"),
        );
        if let Some(f) = self.presence(false) {
            self.outbox.push(f.to_text());
        }
    }

    /// The browser says where link `id` stands, and why. A link that is over stays over (its
    /// first reason is kept); the nodes reached only through it are forgotten.
    pub fn link_update(&mut self, id: &str, state: LinkState, reason: &str, now: u64) {
        let Some(l) = self.mesh.as_mut().and_then(|m| m.links.get_mut(id)) else {
            return;
        };
        if l.state.is_over()
            || (l.state == state && (l.reason == reason || state == LinkState::Open))
        {
            return;
        }
        if state == LinkState::Open {
            return self.link_opened(id, now);
        }
        l.state = state;
        l.reason = reason.to_string();
        l.since = now;
        if state.is_over() {
            let remote = l.remote.clone();
            let word = state.word();
            self.link_gone(id, remote.as_deref());
            self.log(
                0,
                "reject",
                format!(
                    "The link to tab {} {word}: {reason}. This tab keeps working with the peers it has; a new invitation links it again",
                    remote.as_deref().unwrap_or("?")
                ),
            );
        }
    }

    /// The tab at the other end said goodbye over link `id`.
    pub(super) fn link_said_bye(&mut self, id: &str, now: u64) {
        self.link_update(
            id,
            LinkState::Closed,
            "the other machine's tab closed or reloaded (it said goodbye)",
            now,
        );
    }

    /// Forgets the tab reached over link `id` if it was last heard there.
    fn link_gone(&mut self, id: &str, remote: Option<&str>) {
        let Some(tab) = remote else { return };
        let Some(m) = self.mesh.as_mut() else { return };
        let over_link = m
            .tabs
            .get(tab)
            .is_some_and(|t| t.via == Via::WebRtc(id.to_string()));
        if over_link {
            m.tabs.remove(tab);
            self.forget_tab(tab);
        }
    }

    /// Removes a link from the table (the edge closes its connection).
    pub fn link_forget(&mut self, id: &str) -> bool {
        let Some(l) = self.mesh.as_mut().and_then(|m| m.links.remove(id)) else {
            return false;
        };
        let remote = l.remote.clone();
        self.link_gone(id, remote.as_deref());
        true
    }

    /// Link `id`.
    pub fn link(&self, id: &str) -> Option<&LinkStatus> {
        self.mesh.as_ref()?.links.get(id)
    }

    /// Every link, in order of creation.
    pub fn links(&self) -> Vec<LinkStatus> {
        let mut all: Vec<LinkStatus> = self
            .mesh
            .as_ref()
            .map(|m| m.links.values().cloned().collect())
            .unwrap_or_default();
        pos_core::sorting::sort_by_key(&mut all, |l| {
            l.id.strip_prefix('L')
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        });
        all
    }

    /// Counts a frame the edge dropped before it was whole (a bad piece over a link).
    pub fn refuse_frame(&mut self, e: FrameError) {
        if let Some(m) = self.mesh.as_mut() {
            m.reject(e);
        }
    }

    /// Whether a frame from `tab` may come over link `id`: the link is live and `tab` is the
    /// tab at its other end. A frame naming another tab is counted as `frame:badTab`.
    pub(super) fn link_frame(&mut self, id: &str, tab: &str) -> bool {
        let Some(m) = self.mesh.as_mut() else {
            return false;
        };
        let Some(l) = m.links.get_mut(id) else {
            return false;
        };
        if l.state.is_over() {
            return false;
        }
        match &l.remote {
            Some(r) if r != tab => {
                m.reject(FrameError::BadTab);
                false
            }
            _ => {
                l.remote = Some(tab.to_string());
                l.received += 1;
                true
            }
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
        let via = self
            .mesh
            .as_ref()
            .and_then(|m| Some((m, &m.tabs.get(tab)?.via)));
        match via {
            Some((m, Via::WebRtc(id))) => (
                "webrtc",
                Some(id.clone()),
                Some(m.links.get(id).map_or("closed", |l| l.state.word())),
            ),
            Some((_, Via::Relay(_))) => ("relay", None, None),
            _ => ("channel", None, None),
        }
    }
}
