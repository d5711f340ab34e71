//! Data-channel messages into `link::Reassembler` (pieces `#k/n:` of a frame longer than a
//! message may be): never panics; nothing it returns from pieces exceeds `MAX_FRAME_BYTES`;
//! and `split` then `push` gives back any frame, even after garbage.
//!
//! Input: messages separated by newlines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_playground::logic::link::{split, Reassembler, CHUNK_BYTES, MIN_PIECE_BYTES};
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
    // Whatever state the garbage left, a split frame comes back whole, once, at its last piece,
    // with pieces of any size the link may choose (the input's length picks one).
    let limit = MIN_PIECE_BYTES + text.len() % (CHUNK_BYTES - MIN_PIECE_BYTES + 1);
    let parts = split(text, limit);
    assert!(
        parts.iter().all(|p| p.len() <= limit),
        "a piece over the limit"
    );
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
