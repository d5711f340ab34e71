//! Property tests: random valid histories apply; any mutation of a block (a field, a byte, a
//! signature) is rejected and leaves the chain unchanged; random bytes never panic the decoder.
//! Plus the lottery's statistics: wins follow stake.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::Fixture;
use pos_core::lottery::draw;
use pos_core::message::decode;
use pos_core::{Block, Chain, Hash, Transaction, TxKind};
use proptest::prelude::*;

/// A random history: each step is (who, what, amount); invalid steps are skipped so that the
/// history is valid by construction, as a pool would make it.
fn history(f: &Fixture, steps: &[(u8, u8, u64)]) -> Vec<Block> {
    let mut chain = f.chain();
    let users = [&f.alice, &f.bob, &f.genesis_key];
    let mut blocks = Vec::new();
    for chunk in steps.chunks(3) {
        let mut pool = pos_core::Pool::new(&chain, 100);
        for &(who, what, amount) in chunk {
            let user = users[who as usize % 3];
            let nonce_of = |a| pool.pending().next_nonce(a);
            let tx = match what % 3 {
                0 => f.buy(user, amount, nonce_of(&f.exchange.address())),
                1 => Transaction::new_signed(
                    user,
                    TxKind::Stake,
                    user.address(),
                    amount,
                    nonce_of(&user.address()),
                    1,
                ),
                _ => {
                    let to = users[(who as usize + 1) % 3];
                    Transaction::new_signed(
                        user,
                        TxKind::Transfer,
                        to.address(),
                        amount,
                        nonce_of(&user.address()),
                        1,
                    )
                }
            };
            let _ = pool.add(tx, &chain);
        }
        let block = f.forge(&chain, pool.take(100));
        chain
            .apply(block.clone())
            .expect("a block of pool transactions applies");
        blocks.push(block);
    }
    blocks
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_valid_histories_apply(steps in prop::collection::vec((0u8..3, 0u8..3, 1u64..40), 1..24)) {
        let f = Fixture::new(100_000);
        let blocks = history(&f, &steps);
        let mut all = vec![f.genesis.block()];
        all.extend(blocks);
        let chain = Chain::from_blocks(f.genesis.clone(), &all).expect("valid");
        prop_assert_eq!(chain.height() as usize, all.len() - 1);
    }

    #[test]
    fn any_mutation_is_rejected_and_changes_nothing(
        steps in prop::collection::vec((0u8..3, 0u8..3, 1u64..40), 3..12),
        which in 0usize..9,
        byte in 0usize..64,
        bit in 0u8..8,
    ) {
        let f = Fixture::new(100_000);
        let blocks = history(&f, &steps);
        let mut chain = f.chain();
        for b in &blocks[..blocks.len() - 1] {
            chain.apply(b.clone()).expect("valid");
        }
        let mut last = blocks[blocks.len() - 1].clone();
        let flip = 1u8 << bit;
        let has_tx = !last.transactions.is_empty();
        match which {
            0 => last.height ^= 1 << (byte % 64),
            1 => last.prev_hash.0[byte % 32] ^= flip,
            2 => last.forger.0[byte % 32] ^= flip,
            3 => last.timestamp ^= 1 << (byte % 64),
            4 => last.signature.0[byte] ^= flip,
            5 if has_tx => last.transactions[0].amount ^= 1 << (byte % 64),
            6 if has_tx => last.transactions[0].signature.0[byte] ^= flip,
            7 if has_tx => last.transactions[0].receiver.0[byte % 32] ^= flip,
            8 if has_tx => { last.transactions.pop(); }
            _ => last.transactions.push(f.buy(&f.alice, 1, 999)),
        }
        let before = (chain.tip_hash(), chain.accounts().clone(), chain.next_draw());
        prop_assert!(chain.apply(last).is_err());
        prop_assert_eq!(before, (chain.tip_hash(), chain.accounts().clone(), chain.next_draw()));
    }

    #[test]
    fn random_bytes_never_panic_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&bytes);
    }

    #[test]
    fn mangled_json_never_panics_the_decoder(s in r#"\{"v":1,"network":"[0-9a-f]{0,64}","from":".{0,70}","body":\{"(block|transaction|chain|status|buy|chainRequest)":\{.{0,200}\}\}\}"#) {
        let _ = decode(s.as_bytes());
    }
}

#[test]
fn win_shares_follow_stake_over_20000_draws() {
    let stakers = [("a", 1u64), ("b", 2), ("c", 7)];
    let mut wins = [0u64; 3];
    let mut seed = Hash::of(b"statistics");
    let rounds = 20_000u64;
    for _ in 0..rounds {
        let o = draw(&stakers, &seed.to_hex()).expect("stake");
        wins[o.winner.staker] += 1;
        seed = Hash::of(&seed.0);
    }
    for (i, (_, stake)) in stakers.iter().enumerate() {
        // Shares in basis points (1/100 of a percentage point), integers only.
        let share = wins[i] * 10_000 / rounds;
        let expected = stake * 10_000 / 10;
        assert!(
            share.abs_diff(expected) <= 150,
            "staker {i}: {share} bp won, {expected} bp staked"
        );
    }
}
