//! Data-channel messages into `link::Reassembler` (pieces `#k/n:` of a frame longer than a
//! message may be): never panics; nothing it returns from pieces exceeds `MAX_FRAME_BYTES`;
//! and `split` then `push` gives back any frame, even after garbage.
//!
//! Input: messages separated by newlines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_playground::logic::link::{split, Reassembler};
use pos_playground::logic::wire::MAX_FRAME_BYTES;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut r = Reassembler::default();
    for message in text.split('\n') {
        if let Ok(Some(frame)) = r.push(message) {
            if message.starts_with('#') {
                assert!(
                    frame.len() <= MAX_FRAME_BYTES,
                    "a reassembled frame is too long"
                );
            } else {
                assert_eq!(frame, message, "a whole message passes as it is");
            }
        }
    }
    // Whatever state the garbage left, a split frame comes back whole, once, at its last piece.
    let parts = split(text);
    let n = parts.len();
    for (i, p) in parts.iter().enumerate() {
        let got = r.push(p).expect("a piece of split is well-formed");
        if i + 1 == n {
            assert_eq!(
                got.as_deref(),
                Some(text),
                "split then push gives the frame back"
            );
        } else {
            assert_eq!(got, None);
        }
    }
});
