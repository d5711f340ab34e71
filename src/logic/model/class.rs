//! The model's side of the class server (`crate::logic::class`): waiting for the server's tab to
//! host, the tabs the server relays, the roster, and transactions posted over HTTP to the
//! server's own tab. Plain Rust; `class_socket.rs` (the page) and `pos-class` (the server)
//! only carry.

use super::Playground;
use crate::logic::class::{ClassConnection, Member, Path};
use crate::logic::mesh::Via;
use pos_core::message::{encode, Envelope, Message, PROTOCOL_VERSION};
use pos_core::{Address, Hash, PeerId, Transaction};

/// Largest body `POST /transaction` takes (a signed transaction is about 400 bytes).
pub const MAX_POSTED_TX_BYTES: usize = 4096;

/// The peer name a transaction posted over HTTP comes from.
pub const HTTP_PEER: &str = "http";

/// One row of the class roster: a participant (a node of this tab, another tab, another
/// machine, the class server) with its stake and blocks on this tab's chain. The console's
/// `roster()` gives these rows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RosterRow {
    /// Who it is, in words ("Node 1 (this tab)", "tab 3fa1…", "the class server").
    pub name: String,
    /// Its tab id (`None` for an account nobody online claims).
    pub tab: Option<String>,
    /// Its addresses.
    pub addresses: Vec<String>,
    /// Its stake at this tab's tip, over all its addresses.
    pub stake: u64,
    /// Blocks its addresses forged on this tab's chain.
    pub forged: u64,
    /// How it is connected: "this tab", "channel", "webrtc", "relay", "server", "connecting",
    /// "through others", or "offline".
    pub path: String,
    /// Whether it is online.
    pub online: bool,
}

impl Playground {
    /// This tab was opened from a class server: it waits for the server's tab to host.
    pub fn expect_class_host(&mut self) {
        if let Some(m) = self.mesh.as_mut() {
            m.expect_class_host();
        }
    }

    /// This tab is the class server's own: it hosts, and takes frames every page sends
    /// through the server.
    pub fn serve_class(&mut self, address: &str) {
        if let Some(m) = self.mesh.as_mut() {
            m.serve_class(address);
        }
    }

    /// What this tab knows of its class server.
    pub fn class_connection(&self) -> Option<&ClassConnection> {
        self.mesh.as_ref()?.class()
    }

    fn class_mut(&mut self) -> Option<&mut ClassConnection> {
        self.mesh.as_mut()?.class_mut()
    }

    /// The socket opened (`true`: the tab says hello again, now that the socket carries it)
    /// or closed (with why).
    pub(crate) fn class_connected(&mut self, open: bool, problem: Option<String>) {
        if let Some(c) = self.class_mut() {
            c.connected = open;
            if !open {
                c.relayed.clear();
            }
            if problem.is_some() || open {
                c.problem = problem;
            }
        }
        if open {
            if let Some(hello) = self.presence(false) {
                self.outbox.push(hello.to_text());
            }
        }
    }

    /// The server took this tab in.
    pub(crate) fn class_welcome(&mut self, class: String, server: String, address: String) {
        if let Some(c) = self.class_mut() {
            c.class = Some(class);
            c.server = Some(server);
            c.address = Some(address);
            c.problem = None;
        }
    }

    /// Frames between this tab and `tab` go through the server from now on. A tab newly
    /// relayed to hears this tab's `Hello` at once (and answers with its `Here`), so the pair
    /// know each other now rather than at the next round of presence.
    pub(crate) fn class_relay(&mut self, tab: String) {
        let Some(c) = self.class_mut() else {
            return;
        };
        if c.relayed.contains(&tab) || c.relayed.len() >= crate::logic::wire::MAX_TABS {
            return;
        }
        c.relayed.push(tab);
        if let Some(hello) = self.presence(false) {
            self.outbox.push(hello.to_text());
        }
    }

    /// The server's latest roster.
    pub(crate) fn class_roster(&mut self, members: Vec<Member>) {
        if let Some(c) = self.class_mut() {
            c.members = members;
        }
    }

    /// This tab's nodes' addresses (hex).
    pub fn addresses(&self) -> Vec<String> {
        self.net
            .nodes()
            .iter()
            .map(|n| n.node.address().to_hex())
            .collect()
    }

    /// Everyone taking part, with stake and blocks forged on node 0's chain: this tab's
    /// nodes, the class roster's members (with a server) or the tabs heard (without), and
    /// every other staker of the chain, whose owner is not online.
    pub fn roster(&self) -> Vec<RosterRow> {
        let Some(node) = self.node(0) else {
            return Vec::new();
        };
        let chain = node.chain();
        let accounts = chain.accounts();
        let mut forged: pos_core::vec_map::VecMap<Address, u64> = Default::default();
        for b in chain.blocks().iter().skip(1) {
            *forged.get_or_insert_with(b.forger, || 0) += 1;
        }
        let sum = |addresses: &[String]| {
            let mut stake = 0u64;
            let mut blocks = 0u64;
            for a in addresses.iter().filter_map(|a| Address::from_hex(a).ok()) {
                stake = stake.saturating_add(accounts.stake(&a));
                blocks = blocks.saturating_add(forged.get(&a).copied().unwrap_or(0));
            }
            (stake, blocks)
        };
        let mut rows = Vec::new();
        let mut claimed: Vec<String> = Vec::new();
        let tab = self.tab_id();
        for (i, n) in self.net.nodes().iter().enumerate() {
            let a = vec![n.node.address().to_hex()];
            let (stake, blocks) = sum(&a);
            claimed.extend(a.iter().cloned());
            rows.push(RosterRow {
                name: format!("{} (this tab)", Self::name(i)),
                tab: Some(tab.clone()),
                addresses: a,
                stake,
                forged: blocks,
                path: "this tab".into(),
                online: true,
            });
        }
        let mesh = self.mesh.as_ref();
        let members = mesh
            .and_then(|m| m.class())
            .map(|c| c.members.as_slice())
            .unwrap_or_default();
        for m in members.iter().filter(|m| m.tab != tab) {
            let (stake, blocks) = sum(&m.addresses);
            claimed.extend(m.addresses.iter().cloned());
            // A tab of this browser is heard on the channel as well.
            let heard = mesh.and_then(|x| x.tabs().get(&m.tab)).map(|t| &t.via);
            let path = match (m.online, heard) {
                (false, _) => "offline",
                (true, Some(Via::Channel)) => "channel",
                (true, _) => m.path.word(),
            };
            rows.push(RosterRow {
                name: if m.server {
                    "the class server".into()
                } else {
                    format!("tab {}", short(&m.tab))
                },
                tab: Some(m.tab.clone()),
                addresses: m.addresses.clone(),
                stake,
                forged: blocks,
                path: path.into(),
                online: m.online,
            });
        }
        if members.is_empty() {
            if let Some(m) = mesh {
                for (t, peer) in m.tabs().iter() {
                    rows.push(RosterRow {
                        name: format!("tab {}", short(t)),
                        tab: Some(t.clone()),
                        addresses: Vec::new(),
                        stake: 0,
                        forged: 0,
                        path: if m.class().is_some_and(|c| c.server.as_deref() == Some(t)) {
                            Path::Server.word().into()
                        } else {
                            peer.via.word().into()
                        },
                        online: true,
                    });
                }
            }
        }
        for (a, stake) in accounts.stakers() {
            let hex = a.to_hex();
            if claimed.contains(&hex) {
                continue;
            }
            rows.push(RosterRow {
                name: format!("account {}", short(&hex)),
                tab: None,
                addresses: vec![hex],
                stake: *stake,
                forged: forged.get(a).copied().unwrap_or(0),
                path: if members.is_empty() {
                    "another tab or machine".into()
                } else {
                    "offline".into()
                },
                online: false,
            });
        }
        rows
    }

    /// A signed transaction posted to this tab (the class server's `POST /transaction`):
    /// checked against node 0's chain and pool as its pool would, then handed to node 0 as a
    /// peer's message, so it is pooled and passed on like any other. Refused with the reason,
    /// and then nothing changes.
    pub fn submit_signed(&mut self, body: &str, now: u64) -> Result<Hash, String> {
        if body.len() > MAX_POSTED_TX_BYTES {
            return Err(format!(
                "a body of {} bytes is longer than the {MAX_POSTED_TX_BYTES} a transaction needs",
                body.len()
            ));
        }
        let tx = serde_json::from_str::<Posted>(body)
            .map_err(|e| format!("not a signed transaction in JSON: {e}"))?
            .into_tx();
        let node = self.node(0).ok_or("this tab has no node")?;
        let mut pool = node.pool().clone();
        let id = pool
            .add(tx.clone(), node.chain())
            .map_err(|e| format!("the transaction breaks a rule: {e}"))?;
        let env = Envelope {
            v: PROTOCOL_VERSION,
            network: node.chain().network_id(),
            from: tx.sender,
            body: Message::Transaction { tx },
        };
        self.net.advance_to(now);
        self.net
            .deliver_from_outside(&PeerId(HTTP_PEER.into()), Some(0), &encode(&env));
        Ok(id)
    }
}

/// A signed transaction as posted: the core's JSON (`kind`), or a transaction as the
/// `/transactionPool` and `/blockchain` views show it (`type`; its names and id are ignored).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Posted {
    #[serde(alias = "type")]
    kind: pos_core::TxKind,
    sender: Address,
    receiver: Address,
    amount: u64,
    nonce: u64,
    timestamp: u64,
    signature: pos_core::Signature,
}

impl Posted {
    fn into_tx(self) -> Transaction {
        Transaction {
            kind: self.kind,
            sender: self.sender,
            receiver: self.receiver,
            amount: self.amount,
            nonce: self.nonce,
            timestamp: self.timestamp,
            signature: self.signature,
        }
    }
}

fn short(t: &str) -> String {
    t.chars().take(8).collect()
}
