//! Nothing lost: the tab's state as text for the browser's storage, and a node's chain as a file
//! to export and import. Plain Rust: what is stored is validated on the way back exactly like a
//! chain from a peer, so corrupt or tampered text is refused with its reason, never trusted.

use crate::logic::i18n::Say;
use crate::logic::model::{Ids, Playground, RandomnessError};
use pos_core::hash::{from_hex_array, to_hex};
use pos_core::{Block, Chain, ChainError, Genesis, Transaction, Wallet};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` of saved tab state.
pub const STATE_FORMAT: &str = "pos-playground-state";
/// The version of saved tab state this build writes and reads. Version 1 saves are refused
/// ("another version"): the page that wrote them derived the host's genesis and exchange keys
/// from a seed whose top half it published as its tab id, so those keys may be known to others.
/// Version 2 is the same shape, written by pages whose keys come straight from the browser's
/// secure random generator.
pub const STATE_VERSION: u32 = 2;
/// The `format` of an exported chain file.
pub const CHAIN_FORMAT: &str = "pos-playground-chain";
/// The version of chain files this build writes and reads.
pub const CHAIN_VERSION: u32 = 1;

/// A tab's state as stored: the genesis, the best chain of its nodes, their pooled
/// transactions, every node's key (and the exchange's on the host), and the network of tabs it
/// belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedState {
    /// [`STATE_FORMAT`].
    pub format: String,
    /// [`STATE_VERSION`].
    pub version: u32,
    /// When it was saved (ms).
    pub saved_at: u64,
    /// The network of tabs (`?net=`), if any.
    pub network: Option<String>,
    /// Every block from genesis, as the most advanced node holds them.
    pub blocks: Vec<Block>,
    /// The genesis.
    pub genesis: Genesis,
    /// Pooled transactions of all nodes.
    pub pool: Vec<Transaction>,
    /// Each node's secret key in hex, in node order.
    pub keys: Vec<String>,
    /// The exchange's secret key in hex, on the host.
    pub exchange_key: Option<String>,
}

/// An exported chain file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChainFile {
    /// [`CHAIN_FORMAT`].
    pub format: String,
    /// [`CHAIN_VERSION`].
    pub version: u32,
    /// Which node it was exported from ("Node 2").
    pub node: String,
    /// When (ms).
    pub exported_at: u64,
    /// The genesis.
    pub genesis: Genesis,
    /// Every block from genesis.
    pub blocks: Vec<Block>,
    /// Secret keys, only when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys: Option<ExportedKeys>,
}

/// Keys in a chain file (only on request).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedKeys {
    /// A warning for whoever opens the file.
    pub warning: String,
    /// The node's secret key in hex.
    pub node: String,
    /// The exchange's secret key in hex, when the node hosts it.
    pub exchange: Option<String>,
}

/// Why stored state or a chain file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not the expected shape.
    Unreadable(String),
    /// JSON of something else.
    NotOurs,
    /// Written by another version of the playground.
    Version {
        /// The version found.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// A key that is not 64 hex digits.
    BadKey,
    /// The chain fails validation.
    Chain(ChainError),
    /// No secure randomness for the new tab's key and ids.
    NoRandomness(RandomnessError),
}

impl LoadError {
    /// The height of the first failing block (0 when the failure is not a block's).
    pub fn height(&self) -> u64 {
        match self {
            LoadError::Chain(ChainError::Block { height, .. }) => *height,
            _ => 0,
        }
    }
}

impl LoadError {
    /// Why, in words (`refusal-load`; a block's or chain's refusal in theirs).
    pub fn say(&self) -> Say {
        let s = Say::new("refusal-load");
        match self {
            LoadError::Unreadable(detail) => s
                .with("reason", "unreadable")
                .with("detail", detail.as_str()),
            LoadError::NotOurs => s.with("reason", "notOurs"),
            LoadError::Version { found, expected } => s
                .with("reason", "version")
                .with_id("found", u64::from(*found))
                .with_id("expected", u64::from(*expected)),
            LoadError::BadKey => s.with("reason", "badKey"),
            LoadError::Chain(ChainError::Block { height, reason }) => {
                s.with("reason", "block").with_id("height", *height).with(
                    "why",
                    Say::refusal("refusal-block", reason, Some("refusal-tx")),
                )
            }
            LoadError::Chain(e) => s.with("reason", "chain").with(
                "why",
                Say::refusal("refusal-chain", e, Some("refusal-block")),
            ),
            LoadError::NoRandomness(_) => Say::new("no-randomness"),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable(detail) => write!(f, "the text cannot be read: {detail}"),
            LoadError::NotOurs => f.write_str("this is not a pos-playground file"),
            LoadError::Version { found, expected } => write!(
                f,
                "it was written by another version of the playground (format {found}; this one reads {expected})"
            ),
            LoadError::BadKey => f.write_str("a saved key is damaged"),
            LoadError::Chain(ChainError::Block { height, reason }) => {
                write!(f, "block {height} is invalid: {reason}")
            }
            LoadError::Chain(e) => e.fmt(f),
            LoadError::NoRandomness(e) => e.fmt(f),
        }
    }
}

fn wallet(hex: &str) -> Result<Wallet, LoadError> {
    from_hex_array::<32>(hex)
        .map(Wallet::from_seed)
        .map_err(|_| LoadError::BadKey)
}

/// Reads `format` and `version` first, so that another version's file says so instead of
/// failing on a field it does not have.
pub(crate) fn check_header(text: &str, format: &str, version: u32) -> Result<(), LoadError> {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let h: Header = serde_json::from_str(text).map_err(|e| LoadError::Unreadable(e.to_string()))?;
    if h.format.as_deref() != Some(format) {
        return Err(LoadError::NotOurs);
    }
    match h.version {
        Some(v) if v == version => Ok(()),
        found => Err(LoadError::Version {
            found: found.unwrap_or(0),
            expected: version,
        }),
    }
}

impl Playground {
    /// This tab's state as text for storage.
    pub fn save_text(&self, now: u64) -> String {
        let best = (0..self.len())
            .filter_map(|i| self.node(i))
            .max_by_key(|n| n.chain().height());
        let blocks = best
            .map(|n| n.chain().blocks().cloned().collect())
            .unwrap_or_default();
        let exchange_key = (0..self.len())
            .filter_map(|i| self.node(i))
            .find_map(|n| n.exchange_wallet().map(|w| to_hex(&w.secret())));
        let state = SavedState {
            format: STATE_FORMAT.into(),
            version: STATE_VERSION,
            saved_at: now,
            network: self.mesh().map(|m| m.name().to_string()),
            blocks,
            genesis: self.genesis().clone(),
            pool: self.pooled(),
            keys: (0..self.len())
                .filter_map(|i| self.node(i))
                .map(|n| to_hex(&n.wallet().secret()))
                .collect(),
            exchange_key,
        };
        serde_json::to_string(&state).unwrap_or_default()
    }

    /// Rebuilds a tab from stored text: every block is validated from genesis again. The tab
    /// takes the new `ids` (a save holds no ids, only keys).
    pub fn restore(text: &str, ids: Ids, now: u64) -> Result<Playground, LoadError> {
        let mut p = Playground::restore_state(text, ids, now)?;
        let height = p.summary(0).map_or(0, |s| s.height);
        p.note(Say::new("feed-restored").with_id("height", height));
        Ok(p)
    }

    /// [`Playground::restore`] without a line in the feed: the first state of a history, which
    /// a recording rebuilds the same way (`logic/history.rs`).
    pub fn restore_state(text: &str, ids: Ids, now: u64) -> Result<Playground, LoadError> {
        check_header(text, STATE_FORMAT, STATE_VERSION)?;
        let state: SavedState =
            serde_json::from_str(text).map_err(|e| LoadError::Unreadable(e.to_string()))?;
        let chain = Chain::from_blocks(state.genesis, &state.blocks).map_err(LoadError::Chain)?;
        let wallets = state
            .keys
            .iter()
            .map(|k| wallet(k))
            .collect::<Result<Vec<_>, _>>()?;
        if wallets.is_empty() {
            return Err(LoadError::BadKey);
        }
        let exchange = state.exchange_key.as_deref().map(wallet).transpose()?;
        let mut p = Playground::from_chain(ids, now, chain, wallets, exchange, state.network);
        p.repool(&state.pool);
        Ok(p)
    }

    /// Node `i`'s chain as a file; with `with_keys` the node's key (and the exchange's, on the
    /// host) go in too.
    pub fn export_chain(&self, i: usize, with_keys: bool, now: u64) -> Option<String> {
        let node = self.node(i)?;
        let chain = node.chain();
        let file = ChainFile {
            format: CHAIN_FORMAT.into(),
            version: CHAIN_VERSION,
            node: Playground::name(i),
            exported_at: now,
            genesis: chain.genesis().clone(),
            blocks: chain.blocks().cloned().collect(),
            keys: with_keys.then(|| ExportedKeys {
                warning:
                    "These are secret keys: whoever has this file can spend this node's tokens."
                        .into(),
                node: to_hex(&node.wallet().secret()),
                exchange: node.exchange_wallet().map(|w| to_hex(&w.secret())),
            }),
        };
        serde_json::to_string(&file)
            .ok()
            .map(|compact| indent(&compact))
    }

    /// Validates a chain file block by block from genesis and, if it holds, starts a new
    /// network from it in this tab with `ids`: the file's key (or `fresh`) becomes this tab's
    /// node.
    pub fn import_chain(
        text: &str,
        ids: Ids,
        now: u64,
        fresh: Wallet,
    ) -> Result<Playground, LoadError> {
        check_header(text, CHAIN_FORMAT, CHAIN_VERSION)?;
        let file: ChainFile =
            serde_json::from_str(text).map_err(|e| LoadError::Unreadable(e.to_string()))?;
        let chain = Chain::from_blocks(file.genesis, &file.blocks).map_err(LoadError::Chain)?;
        let (node, exchange) = match &file.keys {
            Some(k) => (
                wallet(&k.node)?,
                k.exchange.as_deref().map(wallet).transpose()?,
            ),
            None => (fresh, None),
        };
        let height = chain.height();
        let mut p = Playground::from_chain(ids, now, chain, vec![node], exchange, None);
        p.note(Say::new("feed-imported").with("count", height));
        Ok(p)
    }
}

/// Compact JSON text laid out as `serde_json`'s pretty printer does (two spaces, `"key": value`,
/// `[]` and `{}` when empty). One small function instead of a second serializer for every type
/// of a chain file in the page.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.extend(chars.next());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod indent_tests {
    use super::indent;
    use serde_json::json;

    #[test]
    fn lays_out_json_as_serde_json_does() {
        let values = [
            json!({}),
            json!([]),
            json!({"a": [], "b": {}, "c": [1, 2, [3, {"d": null}]], "e": true}),
            json!({"text": "braces {[,:]} \"quoted\" back\\slash\\", "n": -1.5e-7, "u": "é ✓"}),
            json!([{"blocks": [{"height": 0, "transactions": []}], "keys": null}]),
        ];
        for v in values {
            let compact = serde_json::to_string(&v).expect("json");
            let pretty = serde_json::to_string_pretty(&v).expect("json");
            assert_eq!(indent(&compact), pretty);
        }
    }
}
