//! The model's views as types: what the page's components render and what the console
//! (`window.playground`) serializes, one struct for both, so no component reads JSON back.
//! Fields are in the JSON's key order (alphabetical, as `serde_json`'s maps print), so the
//! console's text is what it was when these views were built with `json!`.

use crate::logic::class::ClassLink;
use crate::logic::link::LinkStatus;
use crate::logic::mesh::Role;
use pos_core::Hash;
use serde::Serialize;
use std::collections::BTreeMap;

/// The console API's `network()` and the network bar: the network's name, this tab's id and
/// role, the other tabs, conflicts waiting for a choice, and frames dropped at the edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkView {
    /// What the tab knows of its class server: absent for a tab alone, `null` for a tab of a
    /// network without a class server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<Option<ClassLink>>,
    /// Other tabs running another network under the same name.
    pub conflicts: Vec<ConflictView>,
    /// The WebRTC links.
    pub links: Vec<LinkStatus>,
    /// The network's name (from `?net=`).
    pub name: String,
    /// Its genesis block's hash, once known.
    pub network: Option<Hash>,
    /// Frames dropped before any node saw them, by reason.
    pub rejected: BTreeMap<String, u64>,
    /// "solo", "discovering", "host" or "member".
    pub role: &'static str,
    /// This tab's id, in a network of tabs.
    pub tab: Option<String>,
    /// The other tabs.
    pub tabs: Vec<TabView>,
}

/// Another tab in [`NetworkView::tabs`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TabView {
    /// Its best height, as it last said.
    pub height: u64,
    /// When it was last heard (ms).
    pub last_seen: u64,
    /// Its network, if it has one.
    pub network: Option<Hash>,
    /// Its role.
    pub role: &'static str,
    /// Its id.
    pub tab: String,
    /// How it was last heard: "channel", "webrtc" or "relay".
    #[serde(rename = "where")]
    pub via: &'static str,
}

/// A conflict in [`NetworkView::conflicts`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictView {
    /// Its height when it said so.
    pub height: u64,
    /// Its network's id.
    pub network: Hash,
    /// The other tab.
    pub tab: String,
}

/// The in-tab network's faults, for the controls and the console's `network(…)` answer: link
/// conditions, partition, crashed nodes and behaviours.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FaultsView {
    /// Each node's behaviour ("honest" or an adversary's name), by index.
    pub behaviours: Vec<&'static str>,
    /// The crashed nodes' indices.
    pub crashed: Vec<usize>,
    /// Share of messages lost, 0 to 1.
    pub drop: f64,
    /// The same, per million (what the controls show).
    #[serde(skip)]
    pub drop_ppm: u32,
    /// Extra delay, uniform in `0..=jitter_ms`.
    pub jitter_ms: u64,
    /// Base one-way delay (ms).
    pub latency_ms: u64,
    /// The groups of a partition (node indices), if split.
    pub partition: Option<Vec<Vec<usize>>>,
}

/// The word a view uses for a role.
pub fn role_word(role: Role) -> &'static str {
    match role {
        Role::Discovering => "discovering",
        Role::Host => "host",
        Role::Member => "member",
    }
}
