//! Blocks and chains from peers, as JSON, against a real chain: `Chain::apply` (and
//! `apply_at`) either applies the block, and the result is valid from genesis again, or
//! refuses it and changes nothing; `Chain::validate_candidate` and `Chain::from_blocks` never
//! panic, leave the chain they start from alone, and what they accept is valid from genesis.
//!
//! Input: one byte choosing the base chain (main or fork, and how many of its blocks), one
//! byte of flags, then the JSON of a block (or of a list of blocks). Flag 1 re-signs what the
//! fixture has keys for, so that made-up content gets past the signatures to the rules behind.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_core::{Block, Chain};
use pos_fuzz::{assert_valid_from_genesis, chain_of, resign_block, world, ChainSnapshot};

fuzz_target!(|data: &[u8]| {
    let [base, flags, rest @ ..] = data else {
        return;
    };
    let w = world();
    let source = if base & 0x80 == 0 { &w.main } else { &w.fork };
    let len = 1 + (*base as usize & 0x7f) % source.len();
    let mut chain = chain_of(&source[..len]);
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let before = ChainSnapshot::of(&chain);
    if flags & 2 == 0 {
        let Ok(mut block) = serde_json::from_str::<Block>(text) else {
            return;
        };
        if flags & 1 != 0 {
            resign_block(&mut block);
        }
        let result = if flags & 4 != 0 {
            let now = chain.tip().timestamp + u64::from(flags >> 3) * 500;
            chain.apply_at(block.clone(), now)
        } else {
            chain.apply(block.clone())
        };
        match result {
            Ok(()) => {
                assert_eq!(chain.height(), before.height + 1);
                assert_eq!(chain.tip(), &block);
                assert_valid_from_genesis(&chain);
            }
            Err(_) => assert_eq!(
                ChainSnapshot::of(&chain),
                before,
                "a refused block changed the chain"
            ),
        }
    } else {
        let Ok(mut blocks) = serde_json::from_str::<Vec<Block>>(text) else {
            return;
        };
        if blocks.len() > 64 {
            return;
        }
        if flags & 1 != 0 {
            blocks.iter_mut().for_each(resign_block);
        }
        if let Ok(c) = chain.validate_candidate(&w.genesis, &blocks) {
            // Blocks the chain already holds are kept as it holds them (a block's hash leaves
            // its signature out, so a copy with another signature is the same block): the
            // result is the candidate by hash.
            let hashes: Vec<_> = blocks.iter().map(Block::hash).collect();
            assert!(c.hashes().eq(&hashes), "the candidate is what was given");
            assert_valid_from_genesis(&c);
        }
        assert_eq!(
            ChainSnapshot::of(&chain),
            before,
            "validating a candidate changed the chain"
        );
        if let Ok(c) = Chain::from_blocks(w.genesis.clone(), &blocks) {
            assert_valid_from_genesis(&c);
        }
    }
});
