//! The model's side of the class server (`crate::logic::class`): waiting for the server's tab to
//! host, the tabs the server relays, the roster, and transactions posted over HTTP to the
//! server's own tab. Plain Rust; `class_socket.rs` (the page) and `pos-class` (the server)
//! only carry.

use super::Playground;
use crate::logic::class::{ClassConnection, Lead, Member, Order, Path, ToServer};
use crate::logic::i18n::Say;
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
    /// The same, as the page says it.
    #[serde(skip)]
    pub words: Say,
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
    /// "teacher" for the page that leads, "following" or "exploring" for a student's page
    /// that said so, else `None`.
    pub follows: Option<&'static str>,
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

    /// The server took this tab in: a student's page says whether it follows; the
    /// teacher's page claims the lead by saying where it is.
    pub(crate) fn class_welcome(&mut self, class: String, server: String, address: String) {
        if let Some(c) = self.class_mut() {
            c.class = Some(class);
            c.server = Some(server);
            c.address = Some(address);
            c.problem = None;
            let hello = if c.teacher {
                // Where it led before (the server restarted), or Follow me at first.
                let place = c.lead.as_ref().map_or_else(
                    || crate::logic::class::Place {
                        follow: true,
                        ..Default::default()
                    },
                    |l| l.place.clone(),
                );
                ToServer::Teach {
                    token: String::new(),
                    order: Order::Place(place),
                }
            } else {
                ToServer::Status {
                    following: !c.exploring,
                }
            };
            c.outbox.push(hello);
        }
    }

    /// This page was opened from the teacher's address: it leads (the edge keeps the token).
    pub fn set_class_teacher(&mut self, teacher: bool) {
        if let Some(c) = self.class_mut() {
            c.teacher = teacher;
        }
    }

    /// What the model has for the class server (the edge sends it).
    pub fn take_class_outbox(&mut self) -> Vec<ToServer> {
        self.class_mut()
            .map(|c| std::mem::take(&mut c.outbox))
            .unwrap_or_default()
    }

    /// The teacher's page gives an order (a place, the clock, call everyone back). Refused in
    /// words on any other page, and without a class server.
    pub(crate) fn teach(&mut self, order: Order) -> Result<(), Say> {
        let c = self.class_mut().ok_or(Say::new("refusal-no-class"))?;
        if !c.teacher {
            return Err(Say::new("refusal-not-teacher"));
        }
        if !c.connected {
            return Err(Say::new("refusal-class-offline"));
        }
        let lead = c.lead.clone().unwrap_or_default();
        let same = match &order {
            Order::Place(p) => *p == lead.place,
            Order::Pause => lead.paused,
            Order::Resume => !lead.paused,
            Order::Speed(q) => *q == lead.speed,
            Order::Step => {
                if !lead.paused {
                    return Err(Say::new("refusal-class-step"));
                }
                false
            }
            Order::CallBack => false,
        };
        if !same {
            c.outbox.push(ToServer::Teach {
                token: String::new(),
                order,
            });
        }
        Ok(())
    }

    /// A student's page follows the teacher (`true`) or explores on its own.
    pub(crate) fn follow(&mut self, following: bool) -> Result<(), Say> {
        let c = self.class_mut().ok_or(Say::new("refusal-no-class"))?;
        if c.teacher {
            return Err(Say::new("refusal-teacher-leads"));
        }
        if c.exploring == following {
            c.exploring = !following;
            c.outbox.push(ToServer::Status { following });
        }
        Ok(())
    }

    /// The draw for node `i`'s next block from its point of view (`None` before anyone
    /// stakes, or while the draw is being computed).
    pub fn my_draw(&self, i: usize) -> Option<crate::logic::views::MyDrawView> {
        let node = self.node(i)?;
        let height = node.chain().height() + 1;
        let b = self.block_lottery(i, height)?;
        let me = node.address();
        let lots = b
            .stakers
            .iter()
            .find(|(a, _)| *a == me)
            .map_or(0, |(_, s)| *s);
        let total = b.total();
        Some(crate::logic::views::MyDrawView {
            height,
            reference: crate::logic::words::short_hex(&b.outcome.reference.to_hex(), 12),
            winner: self.name_of(&b.forger),
            won: b.forger == me,
            lots,
            total,
            chance: crate::logic::words::percent(lots, total),
        })
    }

    /// A line of the feed about following the teacher (what this page ignored, and why).
    pub fn class_note(&mut self, text: Say) {
        self.note_for(0, "info", text);
    }

    /// The console's `classMode()`.
    pub fn class_mode(&self) -> crate::logic::views::ClassModeView {
        let c = self.class_connection().filter(|c| !c.serving);
        crate::logic::views::ClassModeView {
            role: c.map(|c| if c.teacher { "teacher" } else { "student" }),
            following: self.following_teacher(),
            lead: c
                .and_then(|c| c.lead.as_ref())
                .map(|l| crate::logic::views::LeadView {
                    lesson: l.place.lesson.clone(),
                    step: l.place.step,
                    section: l.place.section.clone(),
                    block: l.place.block,
                    paused: l.paused,
                    speed: f64::from(l.speed) / 4.0,
                    follow: l.place.follow,
                    teacher: l.teacher.is_some(),
                    refused: l.refused,
                }),
        }
    }

    /// The orders the console's `lead({lesson, step, section, block, follow, paused,
    /// speed})` means: any of those fields, the others as the class's lead has them.
    /// Refused in words when a field is out of range.
    pub fn lead_orders(&self, v: &serde_json::Value) -> Result<Vec<Order>, String> {
        use serde_json::Value;
        let obj = v.as_object().ok_or(
            "lead() takes an object: {lesson, step, section, block, follow, paused, speed}",
        )?;
        const KNOWN: [&str; 7] = [
            "lesson", "step", "section", "block", "follow", "paused", "speed",
        ];
        if let Some(k) = obj.keys().find(|k| !KNOWN.contains(&k.as_str())) {
            return Err(format!("lead() knows no field \"{k}\": lesson, step, section, block, follow, paused, speed"));
        }
        let lead = self
            .class_connection()
            .and_then(|c| c.lead.clone())
            .unwrap_or_default();
        let mut place = lead.place.clone();
        let text = |k: &str| -> Result<Option<Option<String>>, String> {
            match obj.get(k) {
                None => Ok(None),
                Some(Value::Null) => Ok(Some(None)),
                Some(Value::String(s)) => Ok(Some(Some(s.clone()))),
                Some(_) => Err(format!("{k} is a string or null")),
            }
        };
        let count = |k: &str| -> Result<Option<Option<u64>>, String> {
            match obj.get(k) {
                None => Ok(None),
                Some(Value::Null) => Ok(Some(None)),
                Some(n) => n
                    .as_u64()
                    .map(|n| Some(Some(n)))
                    .ok_or(format!("{k} is a whole number or null")),
            }
        };
        if let Some(l) = text("lesson")? {
            place.lesson = l;
            if place.lesson.is_none() {
                place.step = 0;
            } else if place.step == 0 {
                place.step = 1;
            }
        }
        if let Some(s) = count("step")? {
            place.step = u32::try_from(s.unwrap_or(0)).map_err(|_| "step is too big")?;
        }
        if let Some(s) = text("section")? {
            place.section = s;
        }
        if let Some(b) = count("block")? {
            place.block = b;
        }
        if let Some(f) = obj.get("follow") {
            place.follow = f
                .as_bool()
                .ok_or("follow is true (Follow me) or false (Free)")?;
        }
        // The same checks as the server's: the place must read back from its own text.
        let check = crate::logic::class::ToServer::Teach {
            token: String::new(),
            order: Order::Place(place.clone()),
        };
        crate::logic::class::ToServer::parse(&check.to_text()).map_err(|e| e.to_string())?;
        let mut orders = Vec::new();
        if place != lead.place {
            orders.push(Order::Place(place));
        }
        if let Some(p) = obj.get("paused") {
            let p = p.as_bool().ok_or("paused is true or false")?;
            orders.push(if p { Order::Pause } else { Order::Resume });
        }
        if let Some(s) = obj.get("speed") {
            let q = s
                .as_f64()
                .map(|x| x * 4.0)
                .filter(|q| q.fract() == 0.0 && (1.0..=16.0).contains(q))
                .ok_or("speed is 0.25 to 4, in quarters (0.25, 0.5, 0.75, 1, 1.25, …)")?;
            orders.push(Order::Speed(q as u8));
        }
        Ok(orders)
    }

    /// Whether this page follows the teacher now: a student's page, not exploring, while
    /// the teacher says Follow me.
    pub fn following_teacher(&self) -> bool {
        self.class_connection().is_some_and(|c| {
            !c.teacher && !c.exploring && c.lead.as_ref().is_some_and(|l| l.place.follow)
        })
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

    /// The class's lead, as the server says it: this tab's nodes forge by the class clock
    /// (paused, one step, its speed) from now on.
    pub(crate) fn class_lead(&mut self, now: u64, lead: Lead) {
        let before = self.class_connection().and_then(|c| c.lead.clone());
        self.set_class_clock(now, lead.forge_up_to, lead.speed, Some(lead.clock));
        if before.as_ref().map(|b| (b.paused, b.speed)) != Some((lead.paused, lead.speed))
            && (lead.paused
                || before
                    .as_ref()
                    .is_some_and(|b| b.paused || b.speed != lead.speed))
        {
            let line = match (lead.paused, lead.forge_up_to) {
                (true, Some(h)) => Say::new("feed-class-paused-at").with_id("height", h),
                (true, None) => Say::new("feed-class-paused"),
                (false, _) => Say::new("feed-class-runs")
                    .with("speed", crate::logic::class::speed_words(lead.speed))
                    .with("slot", crate::logic::clock::slot_words(lead.speed)),
            };
            self.note_for(0, "info", line);
        }
        let called_back = before.as_ref().map_or(0, |b| b.call_back) < lead.call_back;
        let back = called_back && self.class_connection().is_some_and(|c| c.exploring);
        let me = self.tab_id();
        if let Some(c) = self.class_mut() {
            if lead.teacher.as_deref() == Some(me.as_str()) {
                c.not_leading = None;
            }
            c.lead = Some(lead);
            if back {
                c.exploring = false;
                c.outbox.push(ToServer::Status { following: true });
            }
        }
        if back {
            self.note_for(0, "info", Say::new("feed-called-back"));
        }
    }

    /// The server refused this tab's lead message.
    pub(crate) fn class_not_leading(&mut self, reason: String) {
        self.note_for(
            0,
            "refused",
            Say::new("feed-not-leading").with("reason", reason.clone()),
        );
        if let Some(c) = self.class_mut() {
            c.not_leading = Some(reason);
        }
    }

    /// The class clock: no node of this tab forges a block above `forge_up_to` (paused:
    /// the tip's height; one step: one more), and chain time runs at `speed` quarters of the
    /// wall clock's from `now` (wall ms) on: from chain time `at` when the server says where
    /// the class's clock is, else from where this tab's clock is. Slots, the winner's wait
    /// and the in-tab links' latency are counted in chain time, so at ×0.25 a 4-second slot
    /// lasts 16 s and a block crosses a link four times as slowly ([`crate::logic::clock`]).
    pub fn set_class_clock(
        &mut self,
        now: u64,
        forge_up_to: Option<u64>,
        speed: u8,
        at: Option<u64>,
    ) {
        match at {
            Some(chain) => self.clock.set(now, chain, speed),
            None => self.clock.set_speed(now, speed),
        }
        self.net.set_forging(forge_up_to, super::FORGE_DELAY_MS);
    }

    /// Chain time at wall-clock `now` (ms): what the class clock says, or the wall clock.
    pub fn chain_time(&self, now: u64) -> u64 {
        self.clock.peek(now)
    }

    /// The class clock's limit: the highest block this tab's nodes may forge (`None`: no
    /// limit).
    pub fn forge_up_to(&self) -> Option<u64> {
        self.node(0).and_then(|n| n.config().forge_up_to)
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
        for b in chain.blocks().skip(1) {
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
                words: Say::new("roster-own").with("node", Self::node_words(i)),
                tab: Some(tab.clone()),
                addresses: a,
                stake,
                forged: blocks,
                path: "this tab".into(),
                online: true,
                follows: None,
            });
        }
        let mesh = self.mesh.as_ref();
        let members = mesh
            .and_then(|m| m.class())
            .map(|c| c.members.as_slice())
            .unwrap_or_default();
        let teacher = mesh
            .and_then(|m| m.class())
            .and_then(|c| c.lead.as_ref())
            .and_then(|l| l.teacher.clone());
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
                words: if m.server {
                    Say::new("name-class-server")
                } else {
                    Say::new("roster-tab").with("tab", short(&m.tab))
                },
                tab: Some(m.tab.clone()),
                addresses: m.addresses.clone(),
                stake,
                forged: blocks,
                path: path.into(),
                online: m.online,
                follows: if teacher.as_deref() == Some(m.tab.as_str()) {
                    Some("teacher")
                } else {
                    m.following
                        .filter(|_| m.online)
                        .map(|f| if f { "following" } else { "exploring" })
                },
            });
        }
        if members.is_empty() {
            if let Some(m) = mesh {
                for (t, peer) in m.tabs().iter() {
                    rows.push(RosterRow {
                        name: format!("tab {}", short(t)),
                        words: Say::new("roster-tab").with("tab", short(t)),
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
                        follows: None,
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
                words: Say::new("roster-account").with("address", short(&hex)),
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
                follows: None,
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
        self.net.advance_to(self.clock.at(now));
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
