//! Faults, forks and attacks for the in-tab nodes: link conditions, partitions, crashes,
//! adversaries, and each node's block tree as JSON. The machinery is the core's (`SimNet`,
//! `Behaviour`, `BlockTree`); this only names things for the page and the console.

use crate::logic::i18n::Say;
use crate::logic::model::Playground;
use crate::logic::views::{FaultsView, TreeBlockView, TreeView};
use pos_core::node::Behaviour;
use pos_core::sim::LinkConfig;

/// Most latency (and jitter) the controls accept, in ms.
pub const MAX_LATENCY_MS: u64 = 10_000;

/// A percentage as typed ("12", "12.5", " .25 ") as a share (0.125), with up to four decimals;
/// `None` for anything else. Integer arithmetic: `str::parse::<f64>` would bring core's float
/// parser into the page's wasm, whose table alone is 10 KB that hardly compress.
pub fn share_of_percent(text: &str) -> Option<f64> {
    let text = text.trim();
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || frac.len() > 4 || !digits(int) || !digits(frac) {
        return None;
    }
    let int: u64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    // "5" is 5000 ten-thousandths of a percent, "25" is 2500.
    let frac: u64 = format!("{frac:0<4}").parse().ok()?;
    let ppm = int.checked_mul(10_000)?.checked_add(frac)?;
    Some(ppm as f64 / 1_000_000.0)
}

/// A share in millionths as the percentage to type: 125,000 is "12.5", 0 is "0".
pub fn percent_text(ppm: u64) -> String {
    let text = format!("{}.{:04}", ppm / 10_000, ppm % 10_000);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// "there is no node `i`" (an index, as the console gives it).
fn no_node(i: usize) -> Say {
    Say::new("refusal-no-node").with("index", i)
}

impl Playground {
    /// Sets latency, jitter (ms) and the drop rate (0 to 1, at most 0.9) of the in-tab links.
    pub fn set_conditions(
        &mut self,
        latency_ms: u64,
        jitter_ms: u64,
        drop: f64,
    ) -> Result<(), Say> {
        if latency_ms > MAX_LATENCY_MS || jitter_ms > MAX_LATENCY_MS {
            return Err(Say::new("refusal-latency").with("most", MAX_LATENCY_MS));
        }
        if !(0.0..=0.9).contains(&drop) {
            return Err(Say::new("refusal-drop"));
        }
        // A UI value, turned into the integer the seeded network uses.
        let drop_ppm = (drop * 1_000_000.0).round() as u32;
        self.net_mut().set_link(LinkConfig {
            latency_ms,
            jitter_ms,
            drop_ppm,
        });
        self.note_for(
            0,
            "info",
            Say::new("feed-links-now")
                .with("latency", latency_ms)
                .with("jitter", jitter_ms)
                .with("lost", u64::from(drop_ppm / 10_000)),
        );
        Ok(())
    }

    /// Splits the in-tab nodes into groups (node indices); a node in no group is cut off.
    pub fn partition(&mut self, groups: Vec<Vec<usize>>) -> Result<(), Say> {
        let n = self.len();
        if let Some(bad) = groups.iter().flatten().find(|i| **i >= n) {
            return Err(no_node(*bad));
        }
        if groups.iter().all(Vec::is_empty) {
            return Err(Say::new("refusal-no-group"));
        }
        // Node numbers, as the page writes them: "1, 2 | 3, 4".
        let text = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|i| (i + 1).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>()
            .join(" | ");
        self.net_mut().set_partition(groups);
        self.note_for(0, "reorg", Say::new("feed-split").with("groups", text));
        Ok(())
    }

    /// Ends any partition.
    pub fn heal(&mut self) {
        if self.net().partition().is_some() {
            self.net_mut().heal();
            self.note_for(0, "reorg", Say::new("feed-healed"));
        }
    }

    /// Crashes node `i` (it neither hears nor speaks until restarted).
    pub fn crash(&mut self, i: usize) -> Result<(), Say> {
        if i >= self.len() {
            return Err(no_node(i));
        }
        if !self.net_mut().crash(i) {
            return Err(Say::new("refusal-already-down").with("node", Playground::node_words(i)));
        }
        self.note_for(
            i,
            "reject",
            Say::new("feed-crashed").with("node", Playground::node_words(i)),
        );
        Ok(())
    }

    /// Restarts crashed node `i` with the state it had; it catches up from its peers.
    pub fn restart(&mut self, i: usize) -> Result<(), Say> {
        if i >= self.len() {
            return Err(no_node(i));
        }
        if !self.net_mut().restart(i) {
            return Err(Say::new("refusal-running").with("node", Playground::node_words(i)));
        }
        self.note_for(
            i,
            "info",
            Say::new("feed-restarted").with("node", Playground::node_words(i)),
        );
        Ok(())
    }

    /// Switches node `i` to a behaviour by name (`honest`, `forgeOutOfTurn`, `doubleSpend`,
    /// `forgedSignature`, `equivocate`, `tamperedChain`).
    pub fn adversary(&mut self, i: usize, name: &str) -> Result<Behaviour, Say> {
        if i >= self.len() {
            return Err(no_node(i));
        }
        let b: Behaviour = name.parse().map_err(|_| {
            let names: Vec<&str> = Behaviour::ALL.iter().map(|b| b.name()).collect();
            Say::new("refusal-behaviour")
                .with("name", name)
                .with("names", names.join(", "))
        })?;
        self.net_mut().set_behaviour(i, b);
        self.note_for(
            i,
            if b == Behaviour::Honest {
                "info"
            } else {
                "reject"
            },
            Say::new("feed-behaviour-now")
                .with("node", Playground::node_words(i))
                .with("behaviour", b.name()),
        );
        Ok(b)
    }

    /// Link conditions, partition, crashed nodes and behaviours, for the controls.
    pub fn faults_view(&self) -> FaultsView {
        let link = self.net().link();
        FaultsView {
            behaviours: (0..self.len())
                .filter_map(|i| self.node(i).map(|n| n.behaviour().name()))
                .collect(),
            crashed: (0..self.len())
                .filter(|i| self.net().is_crashed(*i))
                .collect(),
            drop: f64::from(link.drop_ppm) / 1_000_000.0,
            drop_ppm: link.drop_ppm,
            jitter_ms: link.jitter_ms,
            latency_ms: link.latency_ms,
            partition: self.net().partition().map(<[Vec<usize>]>::to_vec),
        }
    }

    /// Node `i`'s block tree (newest part): every block with its parent, forger (name and
    /// colour), slot, rank and whether it is canonical.
    pub fn tree_view(&self, i: usize) -> Option<TreeView> {
        let view = self.node(i)?.tree_view();
        let blocks = view
            .blocks
            .iter()
            .map(|b| TreeBlockView {
                canonical: b.canonical,
                colour: self.colour_of(&b.forger),
                forger: b.forger,
                forger_name: self.forger_name(b.height, &b.forger),
                forger_words: self.forger_words(b.height, &b.forger),
                hash: b.hash,
                height: b.height,
                parent: b.parent,
                rank: b.rank,
                slot: b.slot,
                timestamp: b.timestamp,
                transactions: b.transactions,
            })
            .collect();
        Some(TreeView {
            blocks,
            height: view.height,
            node: Playground::name(i),
            node_words: Playground::node_words(i),
            tip: view.tip,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{percent_text, share_of_percent};

    #[test]
    fn percentages_as_typed() {
        assert_eq!(share_of_percent("12"), Some(0.12));
        assert_eq!(share_of_percent(" 12.5 "), Some(0.125));
        assert_eq!(share_of_percent(".25"), Some(0.0025));
        assert_eq!(share_of_percent("0"), Some(0.0));
        assert_eq!(share_of_percent("90."), Some(0.9));
        for (ppm, text) in [
            (125_000, "12.5"),
            (0, "0"),
            (900_000, "90"),
            (2_500, "0.25"),
        ] {
            assert_eq!(percent_text(ppm), text);
            assert_eq!(share_of_percent(text), Some(ppm as f64 / 1e6));
        }
        for bad in [
            "",
            ".",
            "-1",
            "1e3",
            "12.34567",
            "1.2.3",
            "x",
            "99999999999999999999",
        ] {
            assert_eq!(share_of_percent(bad), None, "{bad:?}");
        }
    }
}
