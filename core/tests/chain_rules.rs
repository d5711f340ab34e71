//! Every rejection path of the pool and of block and chain validation, table-driven; and after
//! each rejection the state is exactly what it was. Runs natively and in wasm32.

mod common;

use common::Fixture;
use pos_core::chain::MAX_BLOCK_TXS;
use pos_core::{
    Block, BlockError, Chain, ChainError, Pool, Signature, Transaction, TxError, TxKind,
};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn same_state(a: &Chain, b: &Chain) {
    assert_eq!(a.height(), b.height());
    assert_eq!(a.tip_hash(), b.tip_hash());
    assert_eq!(a.accounts(), b.accounts());
    assert_eq!(a.next_draw(), b.next_draw());
}

#[test]
fn pool_rejections() {
    let f = Fixture::new(1_000);
    let chain = f.funded_chain();
    let a = &f.alice;
    let b = &f.bob;
    let tx = |w: &pos_core::Wallet, kind, to: &pos_core::Wallet, amount, nonce| {
        Transaction::new_signed(w, kind, to.address(), amount, nonce, 9)
    };
    let mut tampered = tx(a, TxKind::Transfer, b, 5, 1);
    tampered.amount = 6;
    let on_chain = f.buy(a, 100, 0);
    let cases: Vec<(&str, Transaction, TxError)> = vec![
        (
            "zero amount",
            tx(a, TxKind::Transfer, b, 0, 1),
            TxError::ZeroAmount,
        ),
        ("tampered amount", tampered, TxError::BadSignature),
        ("already on chain", on_chain, TxError::AlreadyOnChain),
        (
            "nonce gap",
            tx(a, TxKind::Transfer, b, 5, 3),
            TxError::NonceGap {
                expected: 1,
                got: 3,
            },
        ),
        (
            "replayed nonce",
            tx(a, TxKind::Transfer, b, 5, 0),
            TxError::NonceGap {
                expected: 1,
                got: 0,
            },
        ),
        (
            "more than the balance",
            tx(a, TxKind::Transfer, b, 61, 1),
            TxError::InsufficientBalance {
                balance: 60,
                amount: 61,
            },
        ),
        (
            "transfer to self",
            tx(a, TxKind::Transfer, a, 5, 1),
            TxError::SelfTransfer,
        ),
        (
            "stake for another",
            tx(a, TxKind::Stake, b, 5, 1),
            TxError::StakeForOther,
        ),
        (
            "exchange from a user",
            tx(a, TxKind::Exchange, b, 5, 1),
            TxError::NotExchange,
        ),
        (
            "exchange transfers",
            tx(&f.exchange, TxKind::Transfer, b, 5, 2),
            TxError::ExchangeOnlySells,
        ),
    ];
    for (name, t, want) in cases {
        let mut pool = Pool::new(&chain, 100);
        assert_eq!(pool.add(t, &chain), Err(want), "{name}");
        assert!(pool.is_empty(), "{name}: pool unchanged");
        assert_eq!(
            pool.pending(),
            chain.accounts(),
            "{name}: pending unchanged"
        );
    }
}

#[test]
fn pool_counts_pooled_nonces_and_spends() {
    let f = Fixture::new(1_000);
    let chain = f.funded_chain();
    let mut pool = Pool::new(&chain, 100);
    let t1 = Transaction::new_signed(&f.alice, TxKind::Transfer, f.bob.address(), 50, 1, 9);
    pool.add(t1.clone(), &chain).expect("valid");
    assert_eq!(pool.add(t1, &chain), Err(TxError::Duplicate));
    let t2 = Transaction::new_signed(&f.alice, TxKind::Transfer, f.bob.address(), 11, 2, 9);
    assert_eq!(
        pool.add(t2, &chain),
        Err(TxError::InsufficientBalance {
            balance: 10,
            amount: 11
        })
    );
    let t3 = Transaction::new_signed(&f.alice, TxKind::Stake, f.alice.address(), 10, 2, 9);
    pool.add(t3, &chain).expect("pooled nonce counted");
    assert_eq!(pool.len(), 2);
}

#[test]
fn pool_full_and_overflow() {
    let f = Fixture::new(u64::MAX);
    let chain = f.chain();
    let mut pool = Pool::new(&chain, 1);
    pool.add(f.buy(&f.genesis_key, u64::MAX, 0), &chain)
        .expect("valid");
    assert_eq!(
        pool.add(f.buy(&f.alice, 1, 1), &chain),
        Err(TxError::PoolFull)
    );
    // The genesis key already has stake 1: staking every token would overflow its stake.
    let mut pool = Pool::new(&chain, 10);
    pool.add(f.buy(&f.genesis_key, u64::MAX, 0), &chain)
        .expect("valid");
    let stake_all = Transaction::new_signed(
        &f.genesis_key,
        TxKind::Stake,
        f.genesis_key.address(),
        u64::MAX,
        0,
        9,
    );
    assert_eq!(pool.add(stake_all, &chain), Err(TxError::Overflow));
}

#[test]
fn pool_revalidates_after_a_block() {
    let f = Fixture::new(1_000);
    let mut chain = f.funded_chain();
    let mut pool = Pool::new(&chain, 100);
    let spend = Transaction::new_signed(&f.alice, TxKind::Transfer, f.bob.address(), 60, 1, 9);
    let other = Transaction::new_signed(&f.bob, TxKind::Stake, f.bob.address(), 50, 0, 9);
    pool.add(spend.clone(), &chain).expect("valid");
    pool.add(other.clone(), &chain).expect("valid");
    // A block includes alice's spend only: it leaves the pool, bob's stake stays.
    let block = f.forge(&chain, vec![spend]);
    chain.apply(block).expect("valid");
    assert!(pool.revalidate(&chain).is_empty());
    assert_eq!(pool.len(), 1);
    assert!(pool.contains(&other.id()));
}

fn block_cases(f: &Fixture, chain: &Chain) -> Vec<(&'static str, Block, BlockError)> {
    let good = f.forge(chain, vec![]);
    let resign = |mut b: Block| {
        let w = f
            .wallets()
            .into_iter()
            .find(|w| w.address() == b.forger)
            .expect("known");
        b.signature = w.sign(&b.hash().0);
        b
    };
    let mut wrong_height = good.clone();
    wrong_height.height += 1;
    let mut wrong_parent = good.clone();
    wrong_parent.prev_hash = pos_core::Hash::of(b"elsewhere");
    let impostor = f
        .wallets()
        .into_iter()
        .find(|w| Some(w.address()) != chain.next_forger())
        .expect("someone else");
    let not_forger = Block::forge(
        impostor,
        good.height,
        good.prev_hash,
        good.timestamp,
        vec![],
    );
    let mut bad_sig = good.clone();
    bad_sig.signature = Signature([7; 64]);
    let mut early = good.clone();
    early.timestamp = chain.tip().timestamp - 1;
    let mut crowded = good.clone();
    crowded.transactions = vec![f.buy(&f.alice, 1, 5); MAX_BLOCK_TXS + 1];
    let overspend = Transaction::new_signed(&f.bob, TxKind::Transfer, f.alice.address(), 51, 0, 9);
    let bad_tx = f.forge(chain, vec![overspend]);
    vec![
        (
            "height skips",
            resign(wrong_height),
            BlockError::WrongHeight {
                expected: good.height,
                got: good.height + 1,
            },
        ),
        (
            "unknown parent",
            resign(wrong_parent),
            BlockError::UnknownParent,
        ),
        (
            "forged by someone else",
            not_forger,
            BlockError::NotTheForger {
                expected: chain.next_forger().expect("winner"),
                got: impostor.address(),
            },
        ),
        ("bad signature", bad_sig, BlockError::BadSignature),
        (
            "before its parent",
            resign(early),
            BlockError::TimestampBeforeParent,
        ),
        (
            "too many transactions",
            resign(crowded),
            BlockError::TooManyTransactions,
        ),
        (
            "a transaction overspends",
            bad_tx,
            BlockError::Transaction {
                index: 0,
                reason: TxError::InsufficientBalance {
                    balance: 50,
                    amount: 51,
                },
            },
        ),
    ]
}

#[test]
fn block_rejections_leave_the_chain_unchanged() {
    let f = Fixture::new(1_000);
    let chain = f.funded_chain();
    for (name, block, want) in block_cases(&f, &chain) {
        let mut c = chain.clone();
        assert_eq!(c.apply(block), Err(want), "{name}");
        same_state(&c, &chain);
    }
    // And the good block applies.
    let mut c = chain.clone();
    c.apply(f.forge(&chain, vec![])).expect("valid");
    assert_eq!(c.height(), chain.height() + 1);
}

#[test]
fn whole_chain_validation() {
    let f = Fixture::new(1_000);
    let chain = f.funded_chain();
    let blocks: Vec<Block> = chain.blocks().cloned().collect();
    let copy = Chain::from_blocks(f.genesis.clone(), &blocks).expect("valid chain");
    same_state(&copy, &chain);
    assert_eq!(
        Chain::from_blocks(f.genesis.clone(), &[]).err(),
        Some(ChainError::Empty)
    );
    let mut other = f.genesis.clone();
    other.supply += 1;
    assert_eq!(
        Chain::from_blocks(other.clone(), &blocks).err(),
        Some(ChainError::BadGenesis)
    );
    assert_eq!(
        chain.validate_candidate(&other, &blocks).err(),
        Some(ChainError::OtherNetwork)
    );
    let mut tampered = blocks.clone();
    tampered[1].transactions[0].amount += 1;
    assert!(matches!(
        Chain::from_blocks(f.genesis.clone(), &tampered),
        Err(ChainError::Block { height: 1, .. })
    ));
}

#[test]
fn genesis_forges_first_and_stake_changes_the_draw() {
    let f = Fixture::new(1_000);
    let chain = f.chain();
    assert_eq!(chain.next_forger(), Some(f.genesis_key.address()));
    let funded = f.funded_chain();
    assert_eq!(funded.accounts().stake(&f.alice.address()), 40);
    assert_eq!(funded.accounts().stakers()[0], (f.genesis_key.address(), 1));
    assert_eq!(funded.accounts().total_stake(), 41);
    let trace = funded.trace_at(2).expect("next draw");
    assert_eq!(Some(trace.outcome), funded.next_draw());
    assert_eq!(trace.stakers[1].lots.len(), 40);
}
