//! Transactions from peers, as JSON, into a `Pool` on a real chain: an accepted transaction
//! leaves a pool whose transactions all apply, in order, on the tip; a refused one leaves the
//! pool as it was; the pool never holds more than its capacity; after a block or a reorg
//! (`revalidate`, `restore`) the same holds.
//!
//! Input: one byte choosing the chain, one byte of flags (bit 0: re-sign with the fixture's
//! keys), then a JSON list of transactions.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_core::{Hash, Pool, Transaction};
use pos_fuzz::{assert_pool_valid, chain_of, resign_tx, world};

const CAPACITY: usize = 8;

fn ids(pool: &Pool) -> Vec<Hash> {
    pool.transactions().map(Transaction::id).collect()
}

fuzz_target!(|data: &[u8]| {
    let [base, flags, rest @ ..] = data else {
        return;
    };
    let w = world();
    let source = if base & 0x80 == 0 { &w.main } else { &w.fork };
    let len = 1 + (*base as usize & 0x7f) % source.len();
    let chain = chain_of(&source[..len]);
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let Ok(mut txs) = serde_json::from_str::<Vec<Transaction>>(text) else {
        return;
    };
    if txs.len() > 64 {
        return;
    }
    if flags & 1 != 0 {
        txs.iter_mut().for_each(resign_tx);
    }
    let mut pool = Pool::new(&chain, CAPACITY);
    for tx in &txs {
        let before = (ids(&pool), pool.pending().clone());
        match pool.add(tx.clone(), &chain) {
            Ok(id) => {
                assert_eq!(id, tx.id());
                assert!(pool.contains(&id));
            }
            Err(_) => assert_eq!(
                (ids(&pool), pool.pending().clone()),
                before,
                "a refused transaction changed the pool"
            ),
        }
        assert!(pool.len() <= CAPACITY);
        assert_pool_valid(&chain, pool.transactions(), pool.pending());
    }
    // The chain moves: onto the whole main chain, or onto the fork (a reorg returning what the
    // first chain's blocks held).
    let next = chain_of(if flags & 2 == 0 { &w.main } else { &w.fork });
    if flags & 4 == 0 {
        pool.revalidate(&next);
    } else {
        let returned = chain
            .blocks()
            .skip(1)
            .flat_map(|b| b.transactions.clone())
            .collect();
        pool.restore(returned, &next);
    }
    assert!(pool.len() <= CAPACITY);
    assert_pool_valid(&next, pool.transactions(), pool.pending());
});
