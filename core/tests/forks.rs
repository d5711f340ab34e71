//! Slots, fork choice and the block tree, rule by rule: who may forge in which slot (a table),
//! the future-timestamp rule, the fork-choice order, reorgs in both directions with the
//! abandoned transactions returned, equivocation resolved by the tie-break, double spends in
//! the pool, and the tree's memory bound. Runs natively and in wasm32.

mod common;

use common::Fixture;
use pos_core::chain::{slot_of, MAX_FUTURE_MS, SLOT_MS};
use pos_core::tree::{FORK_HORIZON, MAX_SIDE_BLOCKS};
use pos_core::{
    Block, BlockError, BlockTree, Chain, Hash, Inserted, Pool, Transaction, TxError, TxKind,
    Wallet, Weight,
};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// The funded chain plus a block in which bob stakes 30: three stakers (genesis key 1,
/// alice 40, bob 30).
fn three_stakers(f: &Fixture) -> Chain {
    let mut chain = f.funded_chain();
    let stake = Transaction::new_signed(&f.bob, TxKind::Stake, f.bob.address(), 30, 0, 7);
    let block = f.forge(&chain, vec![stake]);
    chain.apply(block).expect("valid");
    assert_eq!(chain.accounts().stakers().len(), 3);
    chain
}

fn wallet_of<'a>(f: &'a Fixture, chain: &Chain, rank: u64) -> &'a Wallet {
    let a = chain.next_forger_at(rank).expect("a staker of that rank");
    f.wallets()
        .into_iter()
        .find(|w| w.address() == a)
        .expect("a fixture wallet")
}

/// A block on `chain`'s tip by `w`, stamped `after` ms after the tip.
fn forge_after(chain: &Chain, w: &Wallet, after: u64, txs: Vec<Transaction>) -> Block {
    Block::forge(
        w,
        chain.height() + 1,
        chain.tip_hash(),
        chain.tip().timestamp + after,
        txs,
    )
}

#[test]
fn slot_s_is_open_to_ranks_up_to_s() {
    let f = Fixture::new(1_000);
    let chain = three_stakers(&f);
    let winner = chain.next_forger().expect("winner");
    for rank in 0..3u64 {
        let w = wallet_of(&f, &chain, rank);
        for slot in 0..4u64 {
            // 7 ms into the slot: the slot is read by integer division.
            let block = forge_after(&chain, w, slot * SLOT_MS + 7, vec![]);
            let want = if rank <= slot {
                Ok(())
            } else if slot == 0 {
                Err(BlockError::NotTheForger {
                    expected: winner,
                    got: w.address(),
                })
            } else {
                Err(BlockError::OutOfTurn {
                    forger: w.address(),
                    rank,
                    slot,
                })
            };
            let mut c = chain.clone();
            assert_eq!(c.apply(block), want, "rank {rank} in slot {slot}");
            if want.is_ok() {
                let h = c.height();
                assert_eq!(c.rank_at(h), Some(rank));
                assert_eq!(c.slot_at(h), Some(slot));
                assert_eq!(c.rank_sum(), chain.rank_sum() + rank);
            } else {
                assert_eq!(c.tip_hash(), chain.tip_hash(), "unchanged");
            }
        }
    }
    // Without stake there is no slot at all.
    let block = forge_after(&chain, &f.exchange, 9 * SLOT_MS, vec![]);
    assert_eq!(
        chain.clone().apply(block),
        Err(BlockError::NotTheForger {
            expected: winner,
            got: f.exchange.address(),
        })
    );
    assert_eq!(slot_of(1_000, 1_000 + SLOT_MS - 1), 0);
    assert_eq!(slot_of(1_000, 1_000 + SLOT_MS), 1);
    let rank1 = wallet_of(&f, &chain, 1).address();
    assert_eq!(chain.next_rank_of(&rank1), Some(1));
    assert_eq!(
        chain.next_slot_time(&rank1),
        Some(chain.tip().timestamp + SLOT_MS)
    );
}

#[test]
fn a_validator_with_a_clock_refuses_blocks_from_the_future() {
    let f = Fixture::new(1_000);
    let chain = f.funded_chain();
    let now = chain.tip().timestamp + 100;
    let ahead = chain.tip().timestamp + 100 + MAX_FUTURE_MS + 1;
    let block = forge_after(
        &chain,
        wallet_of(&f, &chain, 0),
        ahead - chain.tip().timestamp,
        vec![],
    );
    assert_eq!(
        chain.clone().apply_at(block.clone(), now),
        Err(BlockError::FromTheFuture {
            timestamp: ahead,
            now
        })
    );
    // A moment later, or without a clock, it is fine.
    chain
        .clone()
        .apply_at(block.clone(), now + 1)
        .expect("no longer too early");
    chain
        .clone()
        .apply(block)
        .expect("no clock, no future rule");
}

#[test]
fn fork_choice_prefers_longer_then_lower_rank_sum_then_lower_hash() {
    let w = |height, rank_sum, tip: u8| Weight {
        height,
        rank_sum,
        tip: Hash([tip; 32]),
    };
    let better = [
        (
            w(5, 9, 9),
            w(4, 0, 0),
            "longer wins over any rank sum or hash",
        ),
        (w(5, 1, 9), w(5, 2, 0), "then the lower rank sum"),
        (w(5, 1, 1), w(5, 1, 2), "then the lower tip hash"),
    ];
    for (a, b, why) in better {
        assert!(a > b, "{why}");
        assert!(b < a, "{why}");
    }
    assert_eq!(w(5, 1, 1).cmp(&w(5, 1, 1)), std::cmp::Ordering::Equal);
}

#[test]
fn a_better_branch_becomes_canonical_and_the_abandoned_transactions_return() {
    let f = Fixture::new(1_000);
    let base = three_stakers(&f);
    let mut tree = BlockTree::new(base.clone());
    let tx = Transaction::new_signed(&f.alice, TxKind::Transfer, f.bob.address(), 5, 1, 9);
    // The winner is late: the runner-up forges in slot 1, with the transaction.
    let fallback = forge_after(&base, wallet_of(&f, &base, 1), SLOT_MS, vec![tx.clone()]);
    assert_eq!(tree.insert(fallback.clone(), None), Ok(Inserted::Extended));
    // Then the winner's block arrives, on the same parent and also in slot 1: same height,
    // lower rank sum, so it wins.
    let late = forge_after(&base, wallet_of(&f, &base, 0), SLOT_MS + 1, vec![]);
    let Ok(Inserted::Reorg(r)) = tree.insert(late.clone(), None) else {
        panic!("expected a reorg");
    };
    assert_eq!(r.depth(), 1);
    assert_eq!(r.fork_height, base.height());
    assert_eq!(r.abandoned, vec![fallback.clone()]);
    assert_eq!(r.adopted, vec![late.clone()]);
    assert_eq!(tree.chain().tip_hash(), late.hash());
    assert!(tree.contains(&fallback.hash()) && !tree.is_canonical(&fallback.hash()));
    assert!(!tree.chain().contains_tx(&tx.id()));
    // The node puts the abandoned transactions back into its pool.
    let mut pool = Pool::new(tree.chain(), 100);
    assert!(pool
        .restore(r.abandoned[0].transactions.clone(), tree.chain())
        .is_empty());
    assert!(pool.contains(&tx.id()));
    // The fallback's branch grows: longer wins, and the tree switches back.
    let mut side = base.clone();
    side.apply(fallback.clone()).expect("valid");
    let child = f.forge(&side, vec![]);
    let Ok(Inserted::Reorg(back)) = tree.insert(child.clone(), None) else {
        panic!("expected a reorg back");
    };
    assert_eq!(back.abandoned, vec![late.clone()]);
    assert_eq!(back.adopted, vec![fallback.clone(), child.clone()]);
    assert!(tree.chain().contains_tx(&tx.id()));
    assert_eq!(tree.chain().height(), base.height() + 2);
    // The view shows both branches and which is canonical.
    let view = tree.view(3);
    let flags: Vec<(u64, Hash, bool)> = view
        .blocks
        .iter()
        .map(|b| (b.height, b.hash, b.canonical))
        .collect();
    assert!(flags.contains(&(base.height() + 1, late.hash(), false)));
    assert!(flags.contains(&(base.height() + 1, fallback.hash(), true)));
    assert!(flags.contains(&(base.height() + 2, child.hash(), true)));
    let fb = view
        .blocks
        .iter()
        .find(|b| b.hash == fallback.hash())
        .expect("in view");
    assert_eq!((fb.rank, fb.slot), (1, 1));
    // Every canonical block of the tree's chain is valid from genesis.
    let c = tree.chain();
    Chain::from_blocks(
        c.genesis().clone(),
        &c.blocks().cloned().collect::<Vec<_>>(),
    )
    .expect("valid");
}

#[test]
fn equivocation_is_decided_by_the_lowest_hash_whatever_the_order() {
    let f = Fixture::new(1_000);
    let base = three_stakers(&f);
    let w = wallet_of(&f, &base, 0);
    let a = forge_after(&base, w, 10, vec![]);
    let b = forge_after(&base, w, 11, vec![]);
    let low = a.hash().min(b.hash());
    for (first, second) in [(&a, &b), (&b, &a)] {
        let mut tree = BlockTree::new(base.clone());
        tree.insert(first.clone(), None).expect("valid");
        tree.insert(second.clone(), None).expect("valid");
        assert_eq!(tree.chain().tip_hash(), low);
        assert_eq!(tree.twins_of(&first.hash()), vec![second.hash()]);
        assert_eq!(tree.twins_of(&second.hash()), vec![first.hash()]);
        assert_eq!(tree.insert(second.clone(), None), Ok(Inserted::Known));
    }
}

#[test]
fn refused_blocks_leave_the_tree_unchanged() {
    let f = Fixture::new(1_000);
    let base = three_stakers(&f);
    let mut tree = BlockTree::new(base.clone());
    let top = f.forge(&base, vec![]);
    tree.insert(top.clone(), None).expect("valid");
    let mut orphan = forge_after(tree.chain(), wallet_of(&f, &base, 0), 5, vec![]);
    orphan.prev_hash = Hash::of(b"nowhere");
    let overspend = Transaction::new_signed(&f.bob, TxKind::Transfer, f.alice.address(), 21, 1, 9);
    // On the old tip (a side branch) the checks are the same as on the tip.
    let side_bad = forge_after(&base, wallet_of(&f, &base, 0), 9, vec![overspend]);
    let mut forged = forge_after(&base, wallet_of(&f, &base, 1), SLOT_MS, vec![]);
    forged.signature = pos_core::Signature([3; 64]);
    let cases = [
        (orphan, BlockError::UnknownParent),
        (
            side_bad,
            BlockError::Transaction {
                index: 0,
                reason: TxError::InsufficientBalance {
                    balance: 20,
                    amount: 21,
                },
            },
        ),
        (forged, BlockError::BadSignature),
    ];
    for (block, want) in cases {
        assert_eq!(tree.insert(block, None), Err(want.clone()), "{want}");
        assert_eq!(tree.chain().tip_hash(), top.hash());
        assert_eq!(tree.side_len(), 0);
    }
}

#[test]
fn a_candidate_that_forks_is_checked_from_the_fork_point() {
    let f = Fixture::new(1_000);
    let base = three_stakers(&f);
    let mut ours = base.clone();
    ours.apply(f.forge(&base, vec![])).expect("valid");
    let mut theirs = base.clone();
    let fb = forge_after(&base, wallet_of(&f, &base, 1), SLOT_MS, vec![]);
    theirs.apply(fb).expect("valid");
    let next = f.forge(&theirs, vec![]);
    theirs.apply(next).expect("valid");
    let adopted = ours
        .validate_candidate(&f.genesis, &theirs.blocks().cloned().collect::<Vec<_>>())
        .expect("valid fork");
    assert_eq!(adopted.tip_hash(), theirs.tip_hash());
    assert_eq!(adopted.accounts(), theirs.accounts());
    assert!(adopted.weight() > ours.weight());
    let mut tampered = theirs.blocks().cloned().collect::<Vec<_>>();
    let h = tampered.len() - 1;
    tampered[h].timestamp += 1;
    assert!(matches!(
        ours.validate_candidate(&f.genesis, &tampered),
        Err(pos_core::ChainError::Block {
            reason: BlockError::BadSignature,
            ..
        })
    ));
}

#[test]
fn a_second_spend_of_one_nonce_is_a_conflict() {
    let f = Fixture::new(1_000);
    let chain = f.funded_chain();
    let mut pool = Pool::new(&chain, 100);
    let pay =
        |to: &Wallet| Transaction::new_signed(&f.alice, TxKind::Transfer, to.address(), 60, 1, 9);
    let first = pay(&f.bob);
    let second = pay(&f.genesis_key);
    pool.add(first.clone(), &chain).expect("valid");
    assert_eq!(
        pool.add(second.clone(), &chain),
        Err(TxError::Conflict {
            nonce: 1,
            with: first.id()
        })
    );
    // Once a block holds the first, the second put back (after a reorg) is a conflict too.
    let mut after = chain.clone();
    after
        .apply(f.forge(&chain, vec![first.clone()]))
        .expect("valid");
    assert_eq!(after.tx_with_nonce(&f.alice.address(), 1), Some(first.id()));
    let mut pool = Pool::new(&after, 100);
    assert_eq!(
        pool.restore(vec![second.clone()], &after),
        vec![(
            second.id(),
            TxError::Conflict {
                nonce: 1,
                with: first.id()
            }
        )]
    );
    assert!(pool.is_empty());
}

#[test]
fn side_branches_far_below_the_tip_are_forgotten() {
    let f = Fixture::new(1_000);
    let base = three_stakers(&f);
    let mut tree = BlockTree::new(base.clone());
    let side = forge_after(&base, wallet_of(&f, &base, 1), SLOT_MS, vec![]);
    let main = f.forge(&base, vec![]);
    tree.insert(main, None).expect("valid");
    assert_eq!(tree.insert(side.clone(), None), Ok(Inserted::Side));
    for _ in 0..FORK_HORIZON {
        let next = f.forge(tree.chain(), vec![]);
        tree.insert(next, None).expect("valid");
    }
    assert!(!tree.contains(&side.hash()), "beyond the horizon");
    assert_eq!(tree.side_len(), 0);
}

#[test]
fn the_tree_keeps_at_most_max_side_blocks() {
    let f = Fixture::new(1_000);
    let base = three_stakers(&f);
    let mut tree = BlockTree::new(base.clone());
    let w = wallet_of(&f, &base, 0);
    // Many valid twins on one parent (an equivocating winner gone wild): one is canonical.
    for ms in 0..(MAX_SIDE_BLOCKS as u64 + 20) {
        tree.insert(forge_after(&base, w, ms, vec![]), None)
            .expect("valid");
    }
    assert_eq!(tree.side_len(), MAX_SIDE_BLOCKS);
    assert_eq!(tree.chain().height(), base.height() + 1);
}
