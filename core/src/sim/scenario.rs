//! The workload of a headless simulation (the CLI's `pos simulate`). A [`Founding`] makes a
//! network's genesis and its first keys, a [`Scenario`] sets the size, the seed and the link
//! conditions, and a [`Simulation`] runs it on a [`SimNet`]: random purchases, stakes and
//! transfers on random nodes until every node reaches the target height and agrees on the tip.
//! It ends with a [`Summary`]: each staker's share of the stake against its share of the
//! blocks. Also here: [`forge_empty_chain`], the cheap way to a long chain for tests.

use super::{LinkConfig, SimNet, SplitMix64};
use crate::block::Genesis;
use crate::chain::Chain;
use crate::node::{Action, Input, Node, NodeConfig};
use crate::wallet::{Address, Wallet};
use serde::{Deserialize, Serialize};

/// A chain of `blocks` empty blocks on `genesis`, each forged by `founder` (the genesis key,
/// whose stake of 1 makes it the only staker and so every draw's winner) `step_ms` after its
/// parent. Each costs one signature and a one-lot draw: the cheap way to a long chain for sync
/// tests and measurements. `founder` must be `genesis.forger`'s wallet, or the first block is
/// refused and the chain stays at genesis.
pub fn forge_empty_chain(founder: &Wallet, genesis: &Genesis, blocks: u64, step_ms: u64) -> Chain {
    let mut chain = Chain::new(genesis.clone());
    for _ in 0..blocks {
        let tip = chain.tip();
        let block = crate::block::Block::forge(
            founder,
            tip.height + 1,
            chain.tip_hash(),
            tip.timestamp.saturating_add(step_ms),
            Vec::new(),
        );
        if chain.apply(block).is_err() {
            break;
        }
    }
    chain
}

/// A network's founding wallets and its genesis.
///
/// Real networks (the page) build it with [`Founding::from_wallets`] from wallets made by
/// [`Wallet::generate`]; [`Founding::new`] derives both keys from a seed, for the deterministic
/// simulator and tests only.
#[derive(Debug, Clone)]
pub struct Founding {
    /// The genesis key (node 0 holds it).
    pub genesis_wallet: Wallet,
    /// The exchange's key (node 0 holds it).
    pub exchange_wallet: Wallet,
    /// The genesis.
    pub genesis: Genesis,
}

impl Founding {
    /// Writes the genesis of network `network` for the given genesis and exchange wallets.
    pub fn from_wallets(
        genesis_wallet: Wallet,
        exchange_wallet: Wallet,
        network: &str,
        supply: u64,
        timestamp: u64,
    ) -> Founding {
        let genesis = Genesis {
            network: network.to_string(),
            forger: genesis_wallet.address(),
            exchange: exchange_wallet.address(),
            supply,
            timestamp,
        };
        Founding {
            genesis_wallet,
            exchange_wallet,
            genesis,
        }
    }

    /// Derives the founding wallets from `rng` and writes the genesis. Deterministic, for the
    /// simulator (`pos simulate`) and tests: **not for real keys**, since anyone who learns the
    /// seed (or enough of it to search the rest) holds both keys.
    pub fn new(rng: &mut SplitMix64, network: &str, supply: u64, timestamp: u64) -> Founding {
        let genesis_wallet = Wallet::from_seed(rng.bytes32());
        let exchange_wallet = Wallet::from_seed(rng.bytes32());
        Founding::from_wallets(genesis_wallet, exchange_wallet, network, supply, timestamp)
    }
}

/// Parameters of a headless simulation (the CLI's `pos simulate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    /// Number of nodes; node 0 hosts genesis and the exchange.
    pub nodes: usize,
    /// Stop when every node has at least this height.
    pub blocks: u64,
    /// The seed of every random choice.
    pub seed: u64,
    /// Link conditions.
    pub link: LinkConfig,
    /// Give up after this much simulated time (ms).
    pub time_limit_ms: u64,
    /// Simulated ms between two random user actions.
    pub action_every_ms: u64,
}

impl Scenario {
    /// Defaults for `nodes`, `blocks` and `seed`: 50 ms latency, no loss.
    pub fn new(nodes: usize, blocks: u64, seed: u64) -> Scenario {
        Scenario {
            nodes,
            blocks,
            seed,
            link: LinkConfig::default(),
            time_limit_ms: blocks.saturating_mul(5_000).saturating_add(600_000),
            action_every_ms: 200,
        }
    }
}

/// `part / whole` in parts per million, in 128 bits so that no stake overflows it.
fn ppm(part: u64, whole: u64) -> u64 {
    let v = u128::from(part) * 1_000_000 / u128::from(whole.max(1));
    u64::try_from(v).unwrap_or(u64::MAX)
}

/// Most blocks a [`Scenario`] may ask for: the CLI refuses more (the run would take hours and
/// its chains gigabytes).
pub const MAX_SCENARIO_BLOCKS: u64 = 100_000;

/// Most nodes a [`Scenario`] may have: messages grow as nodes² × blocks.
pub const MAX_SCENARIO_NODES: usize = 64;

/// One staker's line in a [`Summary`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StakerSummary {
    /// Its address.
    pub address: Address,
    /// Which node holds the key ("genesis" for the genesis key).
    pub node: String,
    /// Its stake at the tip.
    pub stake: u64,
    /// Stake as a share of all stake, in parts per million.
    pub stake_share_ppm: u64,
    /// Blocks it forged.
    pub blocks_forged: u64,
    /// Forged blocks as a share of all blocks, in parts per million.
    pub forged_share_ppm: u64,
}

/// What a simulation ended with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The lowest height among the nodes.
    pub height: u64,
    /// Whether every node holds the same tip.
    pub converged: bool,
    /// Node 0's tip hash.
    pub tip: String,
    /// Simulated time used (ms).
    pub elapsed_ms: u64,
    /// Messages delivered.
    pub messages_delivered: u64,
    /// Messages lost.
    pub messages_dropped: u64,
    /// Transactions in node 0's chain.
    pub transactions: u64,
    /// Per staker (draw order).
    pub stakers: Vec<StakerSummary>,
}

/// A running [`Scenario`]: the network and a random workload of purchases, stakes and
/// transfers.
#[derive(Debug, Clone)]
pub struct Simulation {
    /// The network.
    pub net: SimNet,
    /// The founding wallets and genesis.
    pub founding: Founding,
    scenario: Scenario,
    rng: SplitMix64,
    next_action: u64,
}

impl Simulation {
    /// Builds the network of `scenario`: genesis and exchange on node 0.
    pub fn new(scenario: Scenario) -> Simulation {
        let mut rng = SplitMix64::new(scenario.seed);
        let founding = Founding::new(&mut rng, "simulation", 1_000_000_000, 0);
        let mut net = SimNet::new(rng.next_u64(), scenario.link, 0);
        for i in 0..scenario.nodes {
            let chain = Chain::new(founding.genesis.clone());
            let node = if i == 0 {
                Node::new(
                    founding.genesis_wallet.clone(),
                    Some(founding.exchange_wallet.clone()),
                    chain,
                    NodeConfig::default(),
                )
            } else {
                Node::new(
                    Wallet::from_seed(rng.bytes32()),
                    None,
                    chain,
                    NodeConfig::default(),
                )
            };
            net.add_node(node);
        }
        Simulation {
            net,
            founding,
            scenario,
            rng,
            next_action: 0,
        }
    }

    /// One random user action on a random node: buy when poor, else stake or transfer.
    fn act(&mut self) {
        let n = self.net.nodes().len();
        if n == 0 {
            return;
        }
        let i = self.rng.below(n as u64) as usize;
        let Some(node) = self.net.node(i) else { return };
        let me = node.address();
        let balance = node.pool().pending().balance(&me);
        let action = if balance < 20 {
            Action::Exchange {
                amount: 20 + self.rng.below(60),
            }
        } else if self.rng.below(3) == 0 {
            Action::Stake {
                amount: 1 + self.rng.below(balance.min(15)),
            }
        } else {
            let j = self.rng.below(n as u64) as usize;
            let to = match self.net.node(j) {
                Some(other) if j != i => other.address(),
                _ => self.founding.genesis.forger,
            };
            Action::Transfer {
                to,
                amount: 1 + self.rng.below(balance.min(10)),
            }
        };
        self.net.input(i, Input::Submit(action));
    }

    /// Runs until every node reaches the target height and agrees on the tip, or the time
    /// limit passes. Actions stop once the target is reached so that the network can settle.
    pub fn run(&mut self) -> Summary {
        let limit = self.scenario.time_limit_ms;
        while self.net.now() < limit {
            let reached = self.net.min_height() >= self.scenario.blocks;
            if reached && self.net.converged() && self.net.in_flight() == 0 {
                break;
            }
            if !reached && self.net.now() >= self.next_action {
                self.act();
                self.next_action = self.net.now() + self.scenario.action_every_ms;
            }
            let step = self.net.now() + 10;
            self.net.advance_to(step);
            self.net.drain_events();
        }
        self.summary()
    }

    /// The state of the network now.
    pub fn summary(&self) -> Summary {
        let chain = match self.net.node(0) {
            Some(n) => n.chain(),
            None => {
                return Summary {
                    height: 0,
                    converged: true,
                    tip: String::new(),
                    elapsed_ms: self.net.now(),
                    messages_delivered: 0,
                    messages_dropped: 0,
                    transactions: 0,
                    stakers: Vec::new(),
                }
            }
        };
        let blocks = chain.height().max(1);
        let total_stake = chain.accounts().total_stake().max(1);
        let name_of = |a: &Address| -> String {
            if *a == self.founding.genesis.forger {
                return "genesis".to_string();
            }
            self.net
                .nodes()
                .iter()
                .position(|n| n.node.address() == *a)
                .map_or_else(|| "?".to_string(), |i| format!("n{i}"))
        };
        let stakers = chain
            .accounts()
            .stakers()
            .iter()
            .map(|(a, stake)| {
                let forged = chain.blocks().skip(1).filter(|b| b.forger == *a).count() as u64;
                StakerSummary {
                    address: *a,
                    node: name_of(a),
                    stake: *stake,
                    stake_share_ppm: ppm(*stake, total_stake),
                    blocks_forged: forged,
                    forged_share_ppm: ppm(forged, blocks),
                }
            })
            .collect();
        let (delivered, dropped) = self.net.traffic();
        Summary {
            height: self.net.min_height(),
            converged: self.net.converged(),
            tip: chain.tip_hash().to_hex(),
            elapsed_ms: self.net.now(),
            messages_delivered: delivered,
            messages_dropped: dropped,
            transactions: chain.blocks().map(|b| b.transactions.len() as u64).sum(),
            stakers,
        }
    }
}
