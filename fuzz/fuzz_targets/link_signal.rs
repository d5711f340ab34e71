//! Pasted invitations and answers (`link::decode`, `decode_invitation`, `decode_answer`) and the
//! base64url beneath them: never panic; what decodes encodes back to text that decodes to the
//! same signal; base64url decoding and encoding are inverse. Also the other readers of pasted
//! or received text in `link`: `stun_urls`, `addressed_tab`, `qr_path`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pos_playground::logic::link::{
    addressed_tab, base64url, decode, decode_answer, decode_invitation, encode, from_base64url,
    qr_path, stun_urls, Signal,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(signal) = decode(text) {
        let again = encode(&signal);
        assert_eq!(
            decode(&again).as_ref(),
            Ok(&signal),
            "encode then decode is the identity"
        );
        match &signal {
            Signal::Invite(i) => assert_eq!(decode_invitation(text).as_ref(), Ok(i)),
            Signal::Answer(a) => assert_eq!(decode_answer(text).as_ref(), Ok(a)),
        }
    } else {
        assert!(decode_invitation(text).is_err() && decode_answer(text).is_err());
    }
    if let Some(bytes) = from_base64url(text) {
        assert_eq!(
            from_base64url(&base64url(&bytes)),
            Some(bytes),
            "base64url round trip"
        );
    }
    let urls = stun_urls(text);
    assert!(urls.len() <= 4);
    if let Some(tab) = addressed_tab(text) {
        assert!(text.contains(tab));
    }
    if text.len() <= 200 {
        let _ = qr_path(text);
    }
});
