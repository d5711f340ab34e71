//! Recordings (`History::open`, issue 29): never panic on any text; what opens holds chains
//! valid from genesis, and saves back to a recording that opens to the same tips.
//!
//! Input: the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_fuzz::assert_valid_from_genesis;
use pos_playground::logic::history::History;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((history, live)) = History::open(text) else {
        return;
    };
    for i in 0..live.len() {
        if let Some(n) = live.node(i) {
            assert_valid_from_genesis(n.chain());
        }
    }
    let again = history.recording().expect("an opened recording saves");
    let (_, same) = History::open(&again).expect("a saved recording opens");
    let tips = |p: &pos_playground::logic::model::Playground| {
        (0..p.len())
            .filter_map(|i| p.node(i).map(|n| n.chain().tip_hash()))
            .collect::<Vec<_>>()
    };
    assert_eq!(tips(&live), tips(&same));
});
