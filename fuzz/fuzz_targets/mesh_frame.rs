//! Frames from other tabs (`mesh::parse`), then the whole tab receiving them
//! (`Playground::handle` with `Input::Frame`): parsing never panics, a parsed frame prints back to text that
//! parses to the same frame, and a tab fed any sequence of frames keeps going.
//!
//! Input: frames separated by newlines (JSON text has no raw newline in it). The tab is a
//! member of a network of tabs called "fuzz", still discovering: the first frames can make it
//! join a network, later ones carry core messages to its node.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_core::Wallet;
use pos_playground::logic::input::Input;
use pos_playground::logic::mesh::parse;
use pos_playground::logic::wire::MAX_FRAME_BYTES;
use pos_playground::logic::model::{Founders, Ids, Playground};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut tab = Playground::networked(
        "fuzz",
        Founders {
            genesis: Wallet::from_seed([10; 32]),
            exchange: Wallet::from_seed([11; 32]),
        },
        Ids {
            tab: "me".into(),
            net_seed: 7,
        },
        1_000,
        Wallet::from_seed([9; 32]),
        false,
    );
    let mut now = 1_000;
    for line in text.split('\n').take(32) {
        if let Ok(frame) = parse(line) {
            let printed = frame.to_text();
            assert!(printed.len() <= MAX_FRAME_BYTES + 64 || line.len() > MAX_FRAME_BYTES);
            assert_eq!(
                parse(&printed),
                Ok(frame.clone()),
                "to_text then parse is the identity"
            );
        }
        now += 300;
        let _ = tab.handle(now, Input::channel(line));
        let _ = tab.advance(now);
    }
    // Long after: discovery ends, timeouts fire.
    let _ = tab.advance(now + 10_000);
});
