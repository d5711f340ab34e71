//! The model's views as types: what the page's components render and what the console
//! (`window.playground`) serializes, one struct for both, so no component reads JSON back.
//! Fields are in the JSON's key order (alphabetical, as `serde_json`'s maps print), so the
//! console's text is what it was when these views were built with `json!`.

use crate::logic::class::ClassConnection;
use crate::logic::i18n::Say;
use crate::logic::link::LinkStatus;
use crate::logic::mesh::Role;
use pos_core::vec_map::VecMap;
use pos_core::{Address, Hash, Signature, TxKind, U256};
use serde::Serialize;

/// The console API's `network()` and the network bar: the network's name, this tab's id and
/// role, the other tabs, conflicts waiting for a choice, and frames dropped at the edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkView {
    /// What the tab knows of its class server: absent for a tab alone, `null` for a tab of a
    /// network without a class server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<Option<ClassConnection>>,
    /// Other tabs running another network under the same name.
    pub conflicts: Vec<ConflictView>,
    /// The WebRTC links.
    pub links: Vec<LinkStatus>,
    /// The network's name (from `?net=`).
    pub name: String,
    /// Its genesis block's hash, once known.
    pub network: Option<Hash>,
    /// Frames dropped before any node saw them, by reason.
    pub rejected: VecMap<String, u64>,
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

/// A transaction in the `/blockchain` and `/transactionPool` views, with its parties' names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TxView {
    /// Tokens moved.
    pub amount: u64,
    /// Its id (the hash of its signed bytes).
    pub id: Hash,
    /// The sender's transaction number.
    pub nonce: u64,
    /// Who receives.
    pub receiver: Address,
    /// The receiver's name in this tab.
    pub receiver_name: String,
    /// The receiver's name as the page says it.
    #[serde(skip)]
    pub receiver_words: Say,
    /// Who signs and pays.
    pub sender: Address,
    /// The sender's name in this tab.
    pub sender_name: String,
    /// The sender's name as the page says it.
    #[serde(skip)]
    pub sender_words: Say,
    /// The sender's signature.
    pub signature: Signature,
    /// When it was made (ms).
    pub timestamp: u64,
    /// EXCHANGE, TRANSFER or STAKE.
    #[serde(rename = "type")]
    pub kind: TxKind,
}

/// A block in [`ChainView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BlockView {
    /// Who forged it.
    pub forger: Address,
    /// The forger's name ("genesis" for block 0).
    pub forger_name: String,
    /// The forger's name as the page says it.
    #[serde(skip)]
    pub forger_words: Say,
    /// Its hash.
    pub hash: Hash,
    /// Its height (the Python's `count`).
    pub height: u64,
    /// Its parent's hash.
    pub prev_hash: Hash,
    /// The forger's signature.
    pub signature: Signature,
    /// When it was forged (ms).
    pub timestamp: u64,
    /// What it holds.
    pub transactions: Vec<TxView>,
}

/// One node's chain: the Python's `/blockchain`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainView {
    /// Oldest first.
    pub blocks: Vec<BlockView>,
    /// The genesis block's hash.
    pub network: Hash,
}

/// One node's pool: the Python's `/transactionPool`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolView {
    /// In the order the node took them.
    pub transactions: Vec<TxView>,
}

/// An account's balance in [`InfoView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalanceView {
    /// The account.
    pub address: Address,
    /// Its spendable tokens.
    pub balance: u64,
    /// Its name in this tab.
    pub name: String,
    /// Its name as the page says it.
    #[serde(skip)]
    pub words: Say,
}

/// A staker in [`InfoView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StakerView {
    /// The staker.
    pub address: Address,
    /// Its name in this tab.
    pub name: String,
    /// Its name as the page says it.
    #[serde(skip)]
    pub words: Say,
    /// Its share of all stake, e.g. "33.33" (its chance to forge the next block).
    pub share_percent: String,
    /// Its stake, so its number of lots.
    pub stake: u64,
}

/// A peer in [`InfoView`] and in the console's `peers(i)` ([`PeerView`] adds where it lives).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InfoPeerView {
    /// Its node's address.
    pub address: Address,
    /// Its best height, as it last said.
    pub height: u64,
    /// When it was last heard (ms).
    pub last_seen: u64,
    /// Its name in this tab.
    pub name: String,
    /// Its name as the page says it.
    #[serde(skip)]
    pub words: Say,
    /// Its peer id.
    pub peer: String,
}

/// One node's `/info`: address, peers, height, stake and balance tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InfoView {
    /// The node's address.
    pub address: Address,
    /// Every account's balance.
    pub balances: Vec<BalanceView>,
    /// Its chain's height.
    pub height: u64,
    /// Whether it hosts the exchange.
    pub host: bool,
    /// Its name ("Node 1", …).
    pub name: String,
    /// The genesis block's hash.
    pub network: Hash,
    /// Who forges the next block, if anyone has stake.
    pub next_forger: Option<String>,
    /// The same, as the page says it.
    #[serde(skip)]
    pub next_forger_words: Option<Say>,
    /// Its peers.
    pub peers: Vec<InfoPeerView>,
    /// Every staker and its share.
    pub stakers: Vec<StakerView>,
    /// Its tip's hash.
    pub tip: Hash,
}

/// A peer in the console's `peers(i)`: where it lives ("tab", "channel", "webrtc" or
/// "relay"), and for a WebRTC peer its link and the link's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerView {
    /// Its node's address.
    pub address: Address,
    /// Its best height, as it last said.
    pub height: u64,
    /// When it was last heard (ms).
    pub last_seen: u64,
    /// The WebRTC link it is reached over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Its name in this tab ("Node 2", "Node 1 of tab ab12").
    pub name: String,
    /// Its peer id.
    pub peer: String,
    /// The link's state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<&'static str>,
    /// Where it lives.
    #[serde(rename = "where")]
    pub via: &'static str,
}

/// A block in [`TreeView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TreeBlockView {
    /// Whether it is on the chain the node follows.
    pub canonical: bool,
    /// Its forger's colour.
    pub colour: &'static str,
    /// Who forged it.
    pub forger: Address,
    /// The forger's name ("genesis" for block 0).
    pub forger_name: String,
    /// The forger's name as the page says it.
    #[serde(skip)]
    pub forger_words: Say,
    /// Its hash.
    pub hash: Hash,
    /// Its height.
    pub height: u64,
    /// Its parent's hash.
    pub parent: Hash,
    /// Its forger's rank in the draw on its parent (0 = the winner).
    pub rank: u64,
    /// Its slot after its parent.
    pub slot: u64,
    /// When it was forged (ms).
    pub timestamp: u64,
    /// How many transactions it holds.
    pub transactions: usize,
}

/// One node's block tree (its newest part): the canonical chain and the side branches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreeView {
    /// By height, then hash.
    pub blocks: Vec<TreeBlockView>,
    /// The canonical tip's height.
    pub height: u64,
    /// The node's name.
    pub node: String,
    /// The same, as the page says it.
    #[serde(skip)]
    pub node_words: Say,
    /// The canonical tip.
    pub tip: Hash,
}

/// A lot in [`LotteryView`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LotView {
    /// Its value, `H` applied `k` times to `staker + seed`.
    pub hash: Hash,
    /// Which of its staker's lots.
    pub k: u64,
    /// Its staker's name.
    pub name: Option<String>,
    /// Its distance to the reference.
    pub offset: U256,
    /// Its staker.
    pub staker: Option<Address>,
}

/// A staker in [`LotteryView`], with every lot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LotteryStakerView {
    /// Its address, as the draw hashed it.
    pub address: String,
    /// Lot `k` is `lots[k - 1]`.
    pub lots: Vec<Hash>,
    /// Its name in this tab.
    pub name: String,
    /// Its stake, so its number of lots.
    pub stake: u64,
}

/// The console's `lottery(i, height)`: the draw behind one block, every lot included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LotteryView {
    /// Whether the block is forged (false: the draw for the next block).
    pub forged: bool,
    /// Who forged it (or wins the next one).
    pub forger: Address,
    /// The forger's name.
    pub forger_name: String,
    /// The forger's rank in the draw (0 = the winner).
    pub forger_rank: u64,
    /// The block's height.
    pub height: u64,
    /// The node's index.
    pub node: usize,
    /// `H(seed)`.
    pub reference: Hash,
    /// The second-closest lot.
    pub runner_up: Option<LotView>,
    /// The parent block's hash.
    pub seed: Hash,
    /// The block's slot after its parent.
    pub slot: u64,
    /// Every staker in draw order.
    pub stakers: Vec<LotteryStakerView>,
    /// All lots (all stake).
    pub total_lots: u64,
    /// The closest lot.
    pub winner: LotView,
}

/// One of the Python design's three views of a node, as the page's panel shows it (its raw
/// JSON is the view's own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum NodeView {
    /// `/blockchain`
    Chain(ChainView),
    /// `/transactionPool`
    Pool(PoolView),
    /// `/info`
    Info(Box<InfoView>),
}

/// The console's `classMode()`: this page's part in a class with a teacher.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassModeView {
    /// `"teacher"` (opened from the teacher's address), `"student"`, or `None` without a
    /// class server.
    pub role: Option<&'static str>,
    /// Whether this page follows the teacher now (a student's page, not exploring, while the
    /// teacher says Follow me).
    pub following: bool,
    /// The class's lead, once the server told it.
    pub lead: Option<LeadView>,
}

/// The class's lead as the console shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadView {
    /// The teacher's lesson id, if a lesson is open.
    pub lesson: Option<String>,
    /// Its step, from 1 (0 without a lesson).
    pub step: u32,
    /// The section in view.
    pub section: Option<String>,
    /// The block whose lottery is shown.
    pub block: Option<u64>,
    /// Whether the class clock is paused.
    pub paused: bool,
    /// The class clock's speed, 0.25 to 4.
    pub speed: f64,
    /// Follow me (`true`) or Free.
    pub follow: bool,
    /// Whether a teacher's page is connected and leads.
    pub teacher: bool,
    /// Lead messages the server refused in this class.
    pub refused: u64,
}

/// The draw for the next block as one student's node sees it: its lots, the reference, the
/// winner, its chance. The student view's second card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MyDrawView {
    /// The block drawn for (the tip + 1).
    pub height: u64,
    /// `H(seed)`, short.
    pub reference: String,
    /// Who won, by name.
    pub winner: String,
    /// Whether this node won.
    pub won: bool,
    /// This node's lots (its stake).
    pub lots: u64,
    /// Every staker's lots.
    pub total: u64,
    /// This node's chance in words ("25 %").
    pub chance: String,
}
