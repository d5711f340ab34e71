//! `message::decode` on untrusted bytes: never panics; what decodes encodes back to a message
//! that decodes to the same envelope; hashing and signature checks of what it carries hold up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_core::message::{decode, encode, Message, MAX_MESSAGE_BYTES};

fuzz_target!(|data: &[u8]| {
    let Ok(env) = decode(data) else { return };
    let again = encode(&env);
    assert!(again.len() <= MAX_MESSAGE_BYTES || data.len() <= MAX_MESSAGE_BYTES);
    assert_eq!(
        decode(&again).as_ref(),
        Ok(&env),
        "encode then decode is the identity"
    );
    match &env.body {
        Message::Transaction { tx } => {
            let _ = (tx.id(), tx.signature_valid());
        }
        Message::Block { block } => {
            let _ = (block.hash(), block.signature_valid());
        }
        Message::Chain { genesis, blocks } => {
            let _ = genesis.hash();
            // Validation stops at the first bad block; a fuzzer cannot sign, so this is cheap.
            let _ = pos_core::Chain::from_blocks(genesis.clone(), blocks);
        }
        Message::Buy(b) => {
            let _ = b.id(env.network);
        }
        Message::Status { .. } | Message::ChainRequest { .. } => {}
    }
});
