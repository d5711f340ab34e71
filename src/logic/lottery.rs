//! The lottery as the page shows it: which block's draw ([`BlockSelection`]), the draw behind
//! a block as a node's chain records it ([`BlockLottery`], read by `impl Playground`), the
//! stakers' names and the forger history ([`ForgerHistory`]), offsets in words, the Python
//! snippet that recomputes the winner by hand ([`python_snippet`]) and the console's
//! `lottery(i, height)`. The maths stays in `pos_core::lottery`; the digest and its geometry
//! are in [`digest`]. Plain Rust, no UI, so the tests check it directly.

pub mod digest;

use crate::logic::i18n::{Arg, Say};
use crate::logic::lottery::digest::{bit_len, shr_u64};
use crate::logic::model::Playground;
use crate::logic::views::{LotView, LotteryStakerView, LotteryView};
use pos_core::lottery::{Lot, Outcome, U256};
use pos_core::{Address, Hash};

/// Which block's lottery is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BlockSelection {
    /// The newest block, following new blocks as they come (the default).
    #[default]
    Newest,
    /// The draw for the next block (tip + 1), following the tip.
    Next,
    /// A fixed height: the reader stepped back.
    At(u64),
}

impl BlockSelection {
    /// The height shown on a chain whose tip is at `tip`: from 1 to `tip + 1` (before any
    /// block, the newest is the draw for block 1).
    pub fn height(self, tip: u64) -> u64 {
        match self {
            BlockSelection::Newest => tip.max(1),
            BlockSelection::Next => tip + 1,
            BlockSelection::At(h) => h.clamp(1, tip + 1),
        }
    }

    /// The selection for height `h` (clamped): the tip follows new blocks, tip + 1 follows
    /// the next draw, anything lower stays put.
    pub fn at(h: u64, tip: u64) -> BlockSelection {
        let h = h.clamp(1, tip + 1);
        if h == tip + 1 {
            BlockSelection::Next
        } else if h == tip {
            BlockSelection::Newest
        } else {
            BlockSelection::At(h)
        }
    }

    /// `delta` blocks further (negative: back).
    pub fn step(self, delta: i64, tip: u64) -> BlockSelection {
        let h = self.height(tip).saturating_add_signed(delta);
        BlockSelection::at(h, tip)
    }
}

/// An offset as a share of the whole 2^256 range, in words: `"0.0031 % of the range (1 part
/// in 32,150)"`. Integer arithmetic on the top 64 bits.
pub fn offset_share(offset: U256) -> Say {
    let high = offset.high_u64();
    if high == 0 {
        return Say::new("lottery-offset-tiny");
    }
    // Percent times 10^9.
    let scaled = (high as u128 * 100 * 1_000_000_000) >> 64;
    let int = scaled / 1_000_000_000;
    let frac = format!("{:09}", scaled % 1_000_000_000);
    // Keep three significant digits after the leading zeros.
    let lead = frac.chars().take_while(|c| *c == '0').count();
    let keep = if int > 0 { 2 } else { (lead + 3).min(9) };
    let pct = format!("{int}.{}", &frac[..keep]);
    let one_in = ((1u128 << 64) / high as u128).min(u64::MAX as u128) as u64;
    if one_in < 2 {
        return Say::new("lottery-offset-share").with("percent", Arg::Decimal(pct));
    }
    Say::new("lottery-offset-share-parts")
        .with("percent", Arg::Decimal(pct))
        .with("parts", one_in)
}

/// How many times the runner-up's offset is the winner's, to one decimal ("3.2"), from the
/// top 64 significant bits of both (integer arithmetic).
pub fn offset_ratio(winner: U256, runner_up: U256) -> Arg {
    let shift = bit_len(runner_up).saturating_sub(64);
    let (w, r) = (shr_u64(winner, shift), shr_u64(runner_up, shift));
    if w == 0 {
        return Say::new("lottery-ratio-huge").into();
    }
    let tenths = (r as u128 * 10) / w as u128;
    Arg::Decimal(format!("{}.{}", tenths / 10, tenths % 10))
}

/// The draw behind one block, as one node's chain records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockLottery {
    /// The block's height.
    pub height: u64,
    /// Whether the block exists yet (`false` for the draw of the next block, tip + 1).
    pub forged: bool,
    /// The seed: the parent block's hash.
    pub seed: Hash,
    /// The core's outcome: reference, winner, runner-up.
    pub outcome: Outcome,
    /// The staker table the draw used, in draw order.
    pub stakers: Vec<(Address, u64)>,
    /// Who forged the block (for the next block: who won the draw).
    pub forger: Address,
    /// The forger's rank in the draw: 0 for the winner. With slots a staker of rank `r` may
    /// forge from slot `r` on, so a silent winner lets the next-ranked staker forge.
    pub rank: u64,
    /// The block's slot (`(timestamp - parent timestamp) / SLOT_MS`; 0 for the next block).
    pub slot: u64,
}

impl BlockLottery {
    /// The stakers as the lottery names them: `(address hex, stake)`.
    pub fn named_stakers(&self) -> Vec<(String, u64)> {
        self.stakers.iter().map(|(a, s)| (a.to_hex(), *s)).collect()
    }

    /// Total number of lots.
    pub fn total(&self) -> u64 {
        self.outcome.total_lots
    }

    /// The address that owns `lot`.
    pub fn owner(&self, lot: &Lot) -> Option<Address> {
        self.stakers.get(lot.staker).map(|(a, _)| *a)
    }

    /// The forger's index in the staker list.
    pub fn forger_index(&self) -> Option<usize> {
        self.stakers.iter().position(|(a, _)| *a == self.forger)
    }

    /// Whether the draw's winner forged (rank 0), rather than a staker ranked after it.
    pub fn winner_forged(&self) -> bool {
        self.owner(&self.outcome.winner) == Some(self.forger)
    }
}

/// A staker as the view names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StakerLabel {
    /// Address, hex.
    pub address: String,
    /// "Node 2", "Exchange" or a short hex, in the console's words.
    pub name: String,
    /// The same name as the page says it.
    pub who: Say,
    /// Its colour ([`Playground::colour_of`]).
    pub colour: String,
    /// A short tag drawn on marks: the node's number.
    pub tag: String,
}

/// Who forged each block and how each staker's share of forged blocks compares with its share
/// of stake, block by block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForgerHistory {
    /// For block `i + 1`: the index in [`ForgerHistory::series`] of its forger.
    pub forgers: Vec<usize>,
    /// One per address that ever staked or forged, in the order first seen.
    pub series: Vec<ShareSeries>,
}

/// One staker's line in the forger history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareSeries {
    /// The staker.
    pub address: Address,
    /// Its name in the console's words.
    pub name: String,
    /// Its name as the page says it.
    pub who: Say,
    /// Its tag on the marks ([`Playground::tag_of`]).
    pub tag: String,
    /// Its colour.
    pub colour: String,
    /// Blocks it forged.
    pub forged: u64,
    /// After block `i + 1`: its share of blocks 1..=i+1, in basis points (1/100 %).
    pub forged_bp: Vec<u32>,
    /// At block `i + 1`'s draw: its share of all stake, in basis points.
    pub stake_bp: Vec<u32>,
}

fn bp(part: u64, whole: u64) -> u32 {
    (part as u128 * 10_000)
        .checked_div(whole as u128)
        .unwrap_or(0) as u32
}

fn lot_view(p: &Playground, b: &BlockLottery, lot: &Lot) -> LotView {
    let owner = b.owner(lot);
    LotView {
        hash: lot.hash,
        k: lot.k,
        name: owner.map(|a| p.name_of(&a)),
        offset: lot.offset,
        staker: owner,
    }
}

impl Playground {
    /// Names, colours and tags of a draw's stakers, in draw order.
    pub fn staker_labels(&self, stakers: &[(Address, u64)]) -> Vec<StakerLabel> {
        stakers
            .iter()
            .map(|(a, _)| {
                let name = self.name_of(a);
                StakerLabel {
                    address: a.to_hex(),
                    tag: self.tag_of(a),
                    who: self.who(a),
                    name,
                    colour: self.colour_of(a).to_string(),
                }
            })
            .collect()
    }

    /// The heights whose draw node `node` can show: 1 to its tip + 1 (the next block's draw).
    pub fn lottery_heights(&self, node: usize) -> Option<(u64, u64)> {
        let tip = self.node(node)?.chain().height();
        Some((1, tip + 1))
    }

    /// The draw behind block `height` on node `node`'s chain; `height` may be the tip + 1 (the
    /// draw for the next block).
    pub fn block_lottery(&self, node: usize, height: u64) -> Option<BlockLottery> {
        let chain = self.node(node)?.chain();
        let seed = chain.hash_at(height.checked_sub(1)?)?;
        let stakers = chain.stakers_for(height)?.to_vec();
        let (forged, outcome) = if height <= chain.height() {
            (true, chain.draw_at(height)?)
        } else {
            (false, chain.next_draw()?)
        };
        let (forger, rank, slot) = if forged {
            (
                chain.block_at(height)?.forger,
                chain.rank_at(height).unwrap_or(0),
                chain.slot_at(height).unwrap_or(0),
            )
        } else {
            (stakers.get(outcome.winner.staker)?.0, 0, 0)
        };
        Some(BlockLottery {
            height,
            forged,
            seed,
            outcome,
            stakers,
            forger,
            rank,
            slot,
        })
    }

    /// The console API's `lottery(i, height)`: node `i`'s draw for the block at `height` (its
    /// newest block when `None`), every lot included. O(total stake) hashes.
    pub fn lottery_view(&self, node: usize, height: Option<u64>) -> Option<LotteryView> {
        let chain = self.node(node)?.chain();
        let height = height.unwrap_or(chain.height().max(1));
        let b = self.block_lottery(node, height)?;
        let trace = chain.trace_at(height)?;
        let o = &b.outcome;
        Some(LotteryView {
            forged: b.forged,
            forger: b.forger,
            forger_name: self.name_of(&b.forger),
            forger_rank: b.rank,
            height,
            node,
            reference: o.reference,
            runner_up: o.runner_up.map(|l| lot_view(self, &b, &l)),
            seed: b.seed,
            slot: b.slot,
            stakers: trace
                .stakers
                .iter()
                .zip(&b.stakers)
                .map(|(s, (a, _))| LotteryStakerView {
                    address: s.address.clone(),
                    lots: s.lots.clone(),
                    name: self.name_of(a),
                    stake: s.stake,
                })
                .collect(),
            total_lots: o.total_lots,
            winner: lot_view(self, &b, &o.winner),
        })
    }

    /// Who forged each block of node `node`'s chain, and each staker's share of forged blocks
    /// against its share of stake.
    pub fn forger_history(&self, node: usize) -> Option<ForgerHistory> {
        let chain = self.node(node)?.chain();
        let tip = chain.height();
        let mut series: Vec<ShareSeries> = Vec::new();
        let mut forgers = Vec::with_capacity(tip as usize);
        let index_of = |series: &mut Vec<ShareSeries>, a: &Address| -> usize {
            if let Some(i) = series.iter().position(|s| s.address == *a) {
                return i;
            }
            series.push(ShareSeries {
                address: *a,
                name: self.name_of(a),
                who: self.who(a),
                tag: self.tag_of(a),
                colour: self.colour_of(a).to_string(),
                forged: 0,
                forged_bp: Vec::new(),
                stake_bp: Vec::new(),
            });
            series.len() - 1
        };
        for h in 1..=tip {
            let stakers = chain.stakers_for(h).unwrap_or(&[]);
            for (a, _) in stakers {
                index_of(&mut series, a);
            }
            let Some(block) = chain.block_at(h) else {
                break;
            };
            let f = index_of(&mut series, &block.forger);
            forgers.push(f);
            series[f].forged += 1;
            let total: u64 = stakers.iter().map(|(_, s)| *s).sum();
            for s in series.iter_mut() {
                let stake = stakers
                    .iter()
                    .find(|(a, _)| *a == s.address)
                    .map_or(0, |(_, v)| *v);
                // Series seen late start with zeros, so every series is aligned with the blocks.
                s.forged_bp.resize(forgers.len() - 1, 0);
                s.stake_bp.resize(forgers.len() - 1, 0);
                s.forged_bp.push(bp(s.forged, h));
                s.stake_bp.push(bp(stake, total));
            }
        }
        Some(ForgerHistory { forgers, series })
    }
}

/// What the Python snippet needs to know about a draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetInput {
    /// The block's height.
    pub height: u64,
    /// The seed (parent hash, hex).
    pub seed: String,
    /// `(address, stake, name)` in draw order.
    pub stakers: Vec<(String, u64, String)>,
    /// Index of the winner's staker.
    pub winner_staker: usize,
    /// The winning lot's `k`.
    pub winner_k: u64,
    /// When a staker ranked after the winner forged the block (slots): its index and rank.
    pub fallback: Option<(usize, u64)>,
}

/// A Python 3 program (hashlib and json only) that recomputes the reference and the winning
/// lot by hand, then checks every lot, printing lines the page shows word for word:
/// `reference: …`, `winning lot: …`, `closest lot: <name> k = <k> <hash>`, `offset: …` (64 hex
/// digits), `runner-up: …` and `forger: <name> <address>`; when a staker ranked after the
/// winner forged (slots), also `rank of forger: <r>` from every staker's closest lot. Its
/// comments are prose for the class, in the page's language: `say` writes each (`python-…`
/// keys of page.ftl); the code and what it prints stay Python's and the page's labels.
pub fn python_snippet(s: &SnippetInput, say: &dyn Fn(Say) -> String) -> String {
    let q = |x: &str| serde_json::to_string(x).unwrap_or_else(|_| "\"\"".into());
    let (waddr, _, wname) = s.stakers.get(s.winner_staker).cloned().unwrap_or_default();
    let total: u64 = s.stakers.iter().map(|(_, st, _)| *st).sum();
    let mut out = String::new();
    out.push_str(&format!(
        "# {}\n",
        say(Say::new("python-head").with_id("height", s.height))
    ));
    out.push_str(&format!(
        "import hashlib\nimport json\n\n\ndef H(x):\n    \
         \"\"\"{}\"\"\"\n    \
         return hashlib.sha256(json.dumps(x).encode()).hexdigest()\n\n\n",
        say(Say::new("python-hash"))
    ));
    out.push_str(&format!(
        "seed = {}  # {}\n",
        q(&s.seed),
        say(Say::new("python-seed").with_id("height", s.height.saturating_sub(1)))
    ));
    out.push_str(&format!(
        "stakers = [  # {}\n",
        say(Say::new("python-stakers"))
    ));
    for (a, st, name) in &s.stakers {
        out.push_str(&format!("    ({}, {st}),  # {name}\n", q(a)));
    }
    out.push_str("]\nnames = {\n");
    for (a, _, name) in &s.stakers {
        out.push_str(&format!("    {}: {},\n", q(a), q(name)));
    }
    out.push_str("}\n\nreference = H(seed)\nprint(\"reference:\", reference)\n\n");
    out.push_str(&format!(
        "# {}\n\
         lot = {a} + seed\nfor _ in range({k}):\n    lot = H(lot)\nprint(\"winning lot:\", lot)\n\n",
        say(Say::new("python-by-hand")
            .with("name", wname.clone())
            .with_id("k", s.winner_k)),
        k = s.winner_k,
        a = q(&waddr),
    ));
    out.push_str(&format!(
        "# {}\n# {}\n",
        say(Say::new("python-every-lot").with("count", total)),
        say(Say::new("python-tie"))
    ));
    out.push_str(&format!(
        "target = int(reference, 16)\n\
         best = []  # {}\n\
         best_of = {{}}  # {}\n",
        say(Say::new("python-best")),
        say(Say::new("python-best-of"))
    ));
    out.push_str(
        "for address, stake in stakers:\n    \
             value = address + seed\n    \
             for k in range(1, stake + 1):\n        \
                 value = H(value)\n        \
                 offset = abs(int(value, 16) - target)\n        \
                 best_of[address] = min(offset, best_of.get(address, offset))\n        \
                 if len(best) < 2 or offset < best[-1][0]:\n            \
                     best = sorted(best + [(offset, address, k, value)], key=lambda b: b[0])[:2]\n\n\
         offset, address, k, value = best[0]\n\
         print(\"closest lot:\", names[address], \"k =\", k, value)\n\
         print(\"offset:\", format(offset, \"064x\"))\n\
         if len(best) > 1:\n    \
             print(\"runner-up:\", names[best[1][1]], \"k =\", best[1][2], best[1][3])\n",
    );
    match s
        .fallback
        .and_then(|(i, r)| s.stakers.get(i).map(|st| (st, r)))
    {
        None => out.push_str("print(\"forger:\", names[address], address)\n"),
        Some(((faddr, _, fname), rank)) => out.push_str(&format!(
            "\n# {}\n# {}\n\
             ranking = sorted(best_of, key=lambda a: best_of[a])\n\
             forger = {a}  # {fname}\n\
             print(\"rank of forger:\", ranking.index(forger))  # {}\n\
             print(\"forger:\", names[forger], forger)\n",
            say(Say::new("python-fallback").with("name", wname.clone())),
            say(Say::new("python-ranked")),
            say(Say::new("python-rank").with_id("rank", rank)),
            a = q(faddr),
        )),
    }
    out
}
