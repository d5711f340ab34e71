//! Saved tab state (`Playground::restore`) and chain files (`Playground::import_chain`): never
//! panic; what loads holds a chain valid from genesis; and a tab restored from text saves back
//! to text that restores to the same chain.
//!
//! Input: the text (either kind; both loaders read it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_core::Wallet;
use pos_fuzz::assert_valid_from_genesis;
use pos_playground::logic::model::{Ids, Playground};

fn ids() -> Ids {
    Ids {
        tab: "tab1".into(),
        net_seed: 1,
    }
}

fn check(p: &Playground) {
    for i in 0..p.len() {
        if let Some(n) = p.node(i) {
            assert_valid_from_genesis(n.chain());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = Playground::restore(text, ids(), 5_000) {
        check(&p);
        let saved = p.save_text(6_000);
        let q = Playground::restore(&saved, ids(), 7_000).expect("a saved tab restores");
        check(&q);
        let tips = |p: &Playground| {
            (0..p.len())
                .filter_map(|i| p.node(i))
                .map(|n| n.chain().tip_hash())
                .max()
        };
        assert_eq!(tips(&p), tips(&q), "save then restore keeps the chain");
    }
    if let Ok(p) = Playground::import_chain(text, ids(), 5_000, Wallet::from_seed([7; 32])) {
        check(&p);
        let file = p.export_chain(0, true, 6_000).expect("node 0 exports");
        let q = Playground::import_chain(&file, ids(), 7_000, Wallet::from_seed([8; 32]))
            .expect("an exported chain imports");
        check(&q);
        assert_eq!(
            p.node(0).map(|n| n.chain().tip_hash()),
            q.node(0).map(|n| n.chain().tip_hash())
        );
    }
});
