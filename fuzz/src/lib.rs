//! Fixtures shared by the fuzz targets and by `make_seeds`: a small network whose every key is
//! known (so that a target can sign what the fuzzer made up), two real chains forged on it,
//! and the checks the targets assert.
//!
//! Stakes stay tiny (a supply of 1,000 tokens), so that a lottery costs a few hundred hashes
//! and a fuzzer's iteration stays in the tens of microseconds.

use pos_core::chain::SLOT_MS;
use pos_core::{Accounts, Block, Chain, Genesis, Hash, Transaction, TxKind, Wallet};
use std::sync::OnceLock;

/// The exchange's supply in the fixture's network.
pub const SUPPLY: u64 = 1_000;

/// When the fixture's genesis was made (ms).
pub const GENESIS_TIME: u64 = 1_700_000_000_000;

/// The fixture: every wallet, the genesis, and two chains that share block 1.
pub struct World {
    /// The genesis key (stake 1 at genesis: it forges block 1).
    pub genesis_key: Wallet,
    /// The exchange's key.
    pub exchange: Wallet,
    /// Three users.
    pub users: Vec<Wallet>,
    /// The network.
    pub genesis: Genesis,
    /// Another network (for "wrong network" messages).
    pub other_genesis: Genesis,
    /// The main chain, genesis block first.
    pub main: Vec<Block>,
    /// A fork: the same block 1, then other blocks, longer than `main`.
    pub fork: Vec<Block>,
    /// Signed transactions that apply, in order, on top of `main`'s tip.
    pub pending: Vec<Transaction>,
}

impl World {
    /// Every wallet: genesis key, exchange, users.
    pub fn wallets(&self) -> Vec<&Wallet> {
        let mut w = vec![&self.genesis_key, &self.exchange];
        w.extend(self.users.iter());
        w
    }

    /// The wallet of `address`, when the fixture holds it.
    pub fn wallet_of(&self, address: &pos_core::Address) -> Option<&Wallet> {
        self.wallets().into_iter().find(|w| w.address() == *address)
    }

    /// The wallet at `i` (modulo the number of wallets).
    pub fn wallet(&self, i: u8) -> &Wallet {
        let all = self.wallets();
        all[i as usize % all.len()]
    }
}

/// Forges the next block on `chain` with the key of the staker ranked `rank` in the draw (in
/// its slot), `None` when nobody of that rank exists or its key is not the fixture's.
pub fn forge_next(
    world: &World,
    chain: &Chain,
    rank: u64,
    extra_ms: u64,
    txs: Vec<Transaction>,
) -> Option<Block> {
    let forger = chain.next_forger_at(rank)?;
    let wallet = world.wallet_of(&forger)?;
    Some(Block::forge(
        wallet,
        chain.height() + 1,
        chain.tip_hash(),
        chain.tip().timestamp + rank * SLOT_MS + 10 + extra_ms,
        txs,
    ))
}

fn tx(w: &Wallet, kind: TxKind, to: &Wallet, amount: u64, nonce: u64) -> Transaction {
    let receiver = if kind == TxKind::Stake {
        w.address()
    } else {
        to.address()
    };
    Transaction::new_signed(w, kind, receiver, amount, nonce, GENESIS_TIME + nonce)
}

fn build() -> World {
    let genesis_key = Wallet::from_seed([1; 32]);
    let exchange = Wallet::from_seed([2; 32]);
    let users: Vec<Wallet> = (3..6u8).map(|i| Wallet::from_seed([i; 32])).collect();
    let genesis = Genesis {
        network: "fuzz".into(),
        forger: genesis_key.address(),
        exchange: exchange.address(),
        supply: SUPPLY,
        timestamp: GENESIS_TIME,
    };
    let other_genesis = Genesis {
        network: "elsewhere".into(),
        ..genesis.clone()
    };
    let (e, u) = (&exchange, &users);
    let block1 = vec![
        tx(e, TxKind::Exchange, &u[0], 100, 0),
        tx(e, TxKind::Exchange, &u[1], 80, 1),
        tx(e, TxKind::Exchange, &u[2], 60, 2),
    ];
    let main_rest = vec![
        vec![
            tx(&u[0], TxKind::Stake, &u[0], 10, 0),
            tx(&u[1], TxKind::Stake, &u[1], 5, 0),
        ],
        vec![
            tx(&u[0], TxKind::Transfer, &u[2], 20, 1),
            tx(&u[2], TxKind::Stake, &u[2], 7, 0),
        ],
        vec![
            tx(&u[1], TxKind::Transfer, &u[0], 10, 1),
            tx(e, TxKind::Exchange, &u[0], 30, 3),
        ],
        vec![tx(&u[2], TxKind::Transfer, &u[1], 3, 1)],
        vec![],
    ];
    let fork_rest = vec![
        vec![tx(&u[0], TxKind::Stake, &u[0], 20, 0)],
        vec![tx(&u[1], TxKind::Transfer, &u[2], 15, 0)],
        vec![tx(&u[2], TxKind::Stake, &u[2], 9, 0)],
        vec![],
        vec![tx(&u[0], TxKind::Transfer, &u[1], 4, 1)],
        vec![],
        vec![tx(e, TxKind::Exchange, &u[2], 11, 3)],
    ];
    let world = World {
        genesis_key,
        exchange,
        users,
        genesis,
        other_genesis,
        main: Vec::new(),
        fork: Vec::new(),
        pending: Vec::new(),
    };
    let grow = |rest: Vec<Vec<Transaction>>| {
        let mut chain = Chain::new(world.genesis.clone());
        for txs in std::iter::once(block1.clone()).chain(rest) {
            let b = forge_next(&world, &chain, 0, 0, txs).expect("a fixture key won");
            chain.apply(b).expect("the fixture's blocks are valid");
        }
        chain
    };
    let main = grow(main_rest);
    let fork = grow(fork_rest);
    let pending = vec![
        tx(&world.users[0], TxKind::Transfer, &world.users[1], 5, 2),
        tx(&world.users[1], TxKind::Stake, &world.users[1], 2, 2),
        tx(&world.exchange, TxKind::Exchange, &world.users[1], 9, 4),
        tx(&world.users[0], TxKind::Stake, &world.users[0], 3, 3),
    ];
    World {
        main: main.blocks().cloned().collect(),
        fork: fork.blocks().cloned().collect(),
        pending,
        ..world
    }
}

/// The fixture, built once per process.
pub fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(build)
}

/// The chain `blocks` (genesis first) of the fixture's network, validated.
pub fn chain_of(blocks: &[Block]) -> Chain {
    Chain::from_blocks(world().genesis.clone(), blocks).expect("a fixture chain")
}

/// Re-signs `tx` with its sender's key when the fixture holds it.
pub fn resign_tx(tx: &mut Transaction) {
    if let Some(w) = world().wallet_of(&tx.sender) {
        tx.signature = w.sign(&tx.signing_bytes());
    }
}

/// Re-signs `block` (and its transactions) with the keys the fixture holds, so that fuzzed
/// content gets past the signature checks to the rules behind them.
pub fn resign_block(block: &mut Block) {
    for tx in &mut block.transactions {
        resign_tx(tx);
    }
    if let Some(w) = world().wallet_of(&block.forger) {
        block.signature = w.sign(&block.hash().0);
    }
}

/// What a refused input must leave as it was: the chain (tip, height, state).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainSnapshot {
    /// The tip's hash.
    pub tip: Hash,
    /// The height.
    pub height: u64,
    /// Every block hash.
    pub hashes: Vec<Hash>,
    /// The account state at the tip.
    pub accounts: Accounts,
}

impl ChainSnapshot {
    /// Takes one.
    pub fn of(chain: &Chain) -> ChainSnapshot {
        ChainSnapshot {
            tip: chain.tip_hash(),
            height: chain.height(),
            hashes: chain.hashes().copied().collect(),
            accounts: chain.accounts().clone(),
        }
    }
}

/// Asserts that `chain` is valid from genesis: rebuilt block by block with [`Chain::apply`], it
/// ends at the same tip with the same state.
pub fn assert_valid_from_genesis(chain: &Chain) {
    let blocks: Vec<Block> = chain.blocks().cloned().collect();
    assert_eq!(
        blocks[0],
        chain.genesis().block(),
        "block 0 is the genesis block"
    );
    let mut again = Chain::new(chain.genesis().clone());
    for b in &blocks[1..] {
        if let Err(e) = again.apply(b.clone()) {
            panic!("block {} of the chain does not apply again: {e}", b.height);
        }
    }
    assert_eq!(again.tip_hash(), chain.tip_hash(), "same tip");
    assert_eq!(again.accounts(), chain.accounts(), "same state");
    assert_eq!(again.height() as usize + 1, blocks.len());
}

/// Asserts that `txs`, in order, apply on `chain`'s tip (signatures checked) and give
/// `pending`; that none is on the chain; and that no two share an id.
pub fn assert_pool_valid<'a>(
    chain: &Chain,
    txs: impl Iterator<Item = &'a Transaction>,
    pending: &Accounts,
) {
    let mut state = chain.accounts().clone();
    let mut ids = std::collections::HashSet::new();
    for tx in txs {
        let id = tx.id();
        assert!(ids.insert(id), "a transaction is pooled twice");
        assert!(
            !chain.contains_tx(&id),
            "a pooled transaction is on the chain"
        );
        if let Err(e) = state.apply(tx, true) {
            panic!("a pooled transaction does not apply on the tip: {e}");
        }
    }
    assert_eq!(
        &state, pending,
        "the pool's pending state is its transactions on the tip"
    );
}
