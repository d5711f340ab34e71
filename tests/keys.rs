//! Where the keys come from: every secret key of a tab comes straight from the secure random
//! generator, and nothing the tab publishes (its tab id, its Hello/Here/Bye/Msg frames, its
//! invitations, its chain files without keys, its feed and console views) carries any piece of
//! them. Tabs are built the ways the page builds them: fresh alone, fresh in a network of tabs
//! (host and member), imported through the page's one import function, and restored from a
//! save. Runs natively (`cargo test`) and in wasm (`wasm-pack test`).

use pos_core::hash::to_hex;
use pos_core::Wallet;
use pos_playground::logic::command::{Applied, Command};
use pos_playground::logic::input::Input;
use pos_playground::logic::link::{self, Invitation, Signal};
use pos_playground::logic::mesh::DISCOVERY_MS;
use pos_playground::logic::model::{Founders, Ids, Playground, Request};
use std::collections::HashSet;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

/// Everything a tab's nodes may sign with, now.
fn secrets(p: &Playground, into: &mut Vec<[u8; 32]>) {
    for i in 0..p.len() {
        if let Some(n) = p.node(i) {
            into.push(n.wallet().secret());
            if let Some(x) = n.exchange_wallet() {
                into.push(x.secret());
            }
        }
    }
}

/// A view's JSON text, as the console and the HTTP views give it.
fn text(view: &impl serde::Serialize) -> String {
    serde_json::to_string(view).expect("a view is JSON")
}

/// Everything a tab shows or sends that is not its saved state or a file with keys.
fn published(p: &mut Playground, now: u64, out: &mut Vec<String>) {
    out.push(p.tab_id());
    out.extend(p.advance(now).frames);
    out.push(text(&p.network_view()));
    out.push(text(&p.summaries()));
    for i in 0..p.len() {
        out.extend(p.chain_view(i).map(|v| text(&v)));
        out.extend(p.pool_view(i).map(|v| text(&v)));
        out.extend(p.info_view(i).map(|v| text(&v)));
        out.extend(p.peers_view(i).map(|v| text(&v)));
        out.extend(p.tree_view(i).map(|v| text(&v)));
        out.extend(p.lottery_view(i, None).map(|v| text(&v)));
        out.extend(p.export_chain(i, false, now));
    }
    out.extend(p.activity().map(|a| format!("{:?}", a.text)));
    out.extend(p.goodbye());
}

/// An invitation of `p`, as the page writes it (with a stand-in offer), and its answer's
/// fields, decoded too so that nothing hides in base64.
fn invitation(p: &mut Playground, now: u64, out: &mut Vec<String>) {
    p.ready_to_invite(now).expect("ready to invite");
    let id = p
        .link_new(link::Side::Inviter, None, None, now)
        .expect("room for a link");
    let inv = Invitation {
        link: id.clone(),
        tab: p.tab_id(),
        name: p.network_name(),
        genesis: p.genesis().clone(),
        sdp: "v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n".into(),
    };
    let text = link::encode(&Signal::Invite(inv));
    let decoded = link::decode_invitation(&text).expect("our own invitation");
    out.push(text);
    out.push(serde_json::to_string(&Signal::Invite(decoded)).expect("json"));
    let opened = Input::Link {
        link: id,
        state: link::LinkState::Open,
        reason: link::LinkReason::Open,
    };
    out.extend(p.handle(now, opened).frames);
}

/// Moves frames between tabs as the BroadcastChannel would, keeping a copy of each.
fn run(tabs: &mut [&mut Playground], from: u64, to: u64, seen: &mut Vec<String>) {
    let mut now = from;
    while now <= to {
        let mut stepped = Vec::new();
        for (i, t) in tabs.iter_mut().enumerate() {
            stepped.extend(t.advance(now).frames.into_iter().map(|f| (i, f)));
        }
        for _ in 0..4 {
            let frames = std::mem::take(&mut stepped);
            if frames.is_empty() {
                break;
            }
            for (i, f) in frames {
                for (j, t) in tabs.iter_mut().enumerate() {
                    if i != j {
                        let said = t.handle(now, Input::channel(f.as_str())).frames;
                        stepped.extend(said.into_iter().map(|x| (j, x)));
                    }
                }
                seen.push(f);
            }
        }
        now += 50;
    }
}

/// Replaces every run of 64 or more hex digits (addresses, hashes, signatures: values the
/// core checks, and made from keys by design) with `#`.
fn mask_long_hex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 64 {
            out.push('#');
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_hexdigit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Every window of `len` bytes of `secret`, in both byte orders (a `u64` printed with `{:x}`
/// shows its little-endian bytes backwards).
fn windows(secret: &[u8; 32], len: usize) -> Vec<Vec<u8>> {
    let mut all = Vec::new();
    for w in secret.windows(len) {
        all.push(w.to_vec());
        all.push(w.iter().rev().copied().collect());
    }
    all
}

/// The first `len`-byte window of a secret that appears in `corpus`, as hex (either case) or,
/// when `raw_if` picks it, as bytes.
fn leak(
    secrets: &[[u8; 32]],
    corpus: &str,
    len: usize,
    raw_if: impl Fn(&[u8]) -> bool,
) -> Option<String> {
    let lower = corpus.to_ascii_lowercase();
    let grams: HashSet<&[u8]> = corpus.as_bytes().windows(len).collect();
    for (k, s) in secrets.iter().enumerate() {
        for w in windows(s, len) {
            let hex = to_hex(&w);
            if lower.contains(&hex) {
                return Some(format!(
                    "{len} bytes of secret key {k} appear as hex ({hex})"
                ));
            }
            if raw_if(&w) && grams.contains(w.as_slice()) {
                return Some(format!("{len} bytes of secret key {k} appear as raw bytes"));
            }
        }
    }
    None
}

/// Key material in anything published: any 8-byte window of a key anywhere (a chance match
/// is about 2^-64 per place), or any 4-byte window outside the 64+-digit hex values
/// (addresses, hashes, signatures), where a chance match of 4 bytes would be likely. Raw
/// 4-byte windows count when they hold a byte that none of our text can (control bytes and
/// bytes from 0x7f).
fn published_leak(secrets: &[[u8; 32]], published: &[String]) -> Option<String> {
    let corpus = published.join("\n");
    leak(secrets, &corpus, 8, |_| true).or_else(|| {
        leak(secrets, &mask_long_hex(&corpus), 4, |w| {
            w.iter().any(|b| !(0x20..0x7f).contains(b))
        })
    })
}

fn settle(p: &mut Playground, from: u64, out: &mut Vec<String>) -> u64 {
    let mut now = from;
    for _ in 0..12 {
        now += 500;
        out.extend(p.advance(now).frames);
    }
    now
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn nothing_a_tab_publishes_holds_any_part_of_its_keys() {
    let mut keys = Vec::new();
    let mut out = Vec::new();

    // A fresh tab alone, with blocks, an invitation and chain files.
    let mut solo = Playground::fresh(None, false, T0).expect("randomness");
    secrets(&solo, &mut keys);
    solo.submit(1, Request::Exchange(40)).expect("accepted");
    let now = settle(&mut solo, T0, &mut out);
    solo.submit(1, Request::Stake(10)).expect("accepted");
    let now = settle(&mut solo, now, &mut out);
    assert!(solo.summary(0).is_some_and(|s| s.height >= 2), "blocks");
    invitation(&mut solo, now, &mut out);
    let now = settle(&mut solo, now, &mut out);
    published(&mut solo, now, &mut out);

    // Two fresh tabs of one network: the host, and a member that drops its founding keys.
    let mut host = Playground::fresh(Some("class"), false, T0).expect("randomness");
    let mut member = Playground::fresh(Some("class"), false, T0 + 2_000).expect("randomness");
    secrets(&host, &mut keys);
    secrets(&member, &mut keys);
    run(&mut [&mut host], T0, T0 + DISCOVERY_MS + 100, &mut out);
    host.submit(0, Request::Exchange(30)).expect("accepted");
    run(
        &mut [&mut host, &mut member],
        T0 + DISCOVERY_MS + 150,
        T0 + 8_000,
        &mut out,
    );
    member.submit(0, Request::Exchange(20)).expect("accepted");
    run(
        &mut [&mut host, &mut member],
        T0 + 8_050,
        T0 + 12_000,
        &mut out,
    );
    assert_eq!(member.genesis(), host.genesis(), "the member joined");
    assert!(
        out.iter().any(|f| f.starts_with("{\"msg\"")),
        "core messages crossed"
    );
    assert!(out.iter().any(|f| f.starts_with("{\"here\"")), "answers");
    let now = T0 + 12_000;
    invitation(&mut host, now, &mut out);
    published(&mut host, now, &mut out);
    published(&mut member, now, &mut out);

    // Imported through the page's one import command (the button and `importChain`).
    let file = solo.export_chain(1, false, now).expect("node 2");
    let mut imported = Playground::fresh(None, false, now).expect("randomness");
    let import = Command::import(file).expect("randomness");
    assert!(matches!(
        imported.apply(import, now),
        Ok(Applied::Imported(_))
    ));
    secrets(&imported, &mut keys);
    invitation(&mut imported, now, &mut out);
    let now = settle(&mut imported, now, &mut out);
    published(&mut imported, now, &mut out);

    // Restored from a save (which holds keys, and is not published): new ids.
    let save = host.save_text(now);
    let mut restored =
        Playground::restore(&save, Ids::generate().expect("randomness"), now).expect("valid");
    assert_ne!(
        restored.tab_id(),
        host.tab_id(),
        "a restored tab has a new id"
    );
    secrets(&restored, &mut keys);
    let now = settle(&mut restored, now, &mut out);
    published(&mut restored, now, &mut out);

    assert!(keys.len() >= 10, "{} keys", keys.len());
    let distinct: HashSet<[u8; 32]> = keys.iter().copied().collect();
    // The host's keys come back in the restored tab; all others are new.
    assert!(distinct.len() >= keys.len() - 2, "keys repeat");
    assert_eq!(published_leak(&keys, &out), None);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn tabs_made_the_same_way_differ_and_ids_are_no_function_of_keys() {
    let a = Playground::fresh(None, false, T0).expect("randomness");
    let b = Playground::fresh(None, false, T0).expect("randomness");
    let (mut ka, mut kb) = (Vec::new(), Vec::new());
    secrets(&a, &mut ka);
    secrets(&b, &mut kb);
    assert!(
        ka.iter().all(|k| !kb.contains(k)),
        "two fresh tabs share a key"
    );
    assert_ne!(a.tab_id(), b.tab_id());
    assert_ne!(a.genesis(), b.genesis());
    for t in [a.tab_id(), b.tab_id()] {
        assert!(
            t.len() == 16 && t.bytes().all(|c| c.is_ascii_hexdigit()),
            "tab id {t}"
        );
    }
    let x = Playground::fresh(Some("room"), false, T0).expect("randomness");
    let y = Playground::fresh(Some("room"), false, T0).expect("randomness");
    assert_ne!(x.tab_id(), y.tab_id());
    assert_ne!(x.genesis(), y.genesis());

    // The same keys with new ids: new tab ids. New keys with the same ids: the same tab id.
    let keys = || Founders {
        genesis: Wallet::from_seed([7; 32]),
        exchange: Wallet::from_seed([8; 32]),
    };
    let same_keys = [
        Playground::new(keys(), Ids::generate().expect("randomness"), T0, Vec::new()),
        Playground::new(keys(), Ids::generate().expect("randomness"), T0, Vec::new()),
    ];
    assert_eq!(same_keys[0].genesis(), same_keys[1].genesis());
    assert_ne!(same_keys[0].tab_id(), same_keys[1].tab_id());
    let ids = Ids::generate().expect("randomness");
    let same_ids = [
        Playground::new(
            Founders::generate().expect("randomness"),
            ids.clone(),
            T0,
            Vec::new(),
        ),
        Playground::new(
            Founders::generate().expect("randomness"),
            ids.clone(),
            T0,
            Vec::new(),
        ),
    ];
    assert_ne!(same_ids[0].genesis(), same_ids[1].genesis());
    assert_eq!(same_ids[0].tab_id(), ids.tab);
    assert_eq!(same_ids[1].tab_id(), ids.tab);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_check_would_catch_the_old_leaks() {
    // The console's old import took the tab's seed from the key's first 8 bytes and published
    // `seed >> 32` as the tab id; a key's bytes in hex anywhere are caught too.
    let key = [
        0x5a, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
    ];
    let seed = u64::from_le_bytes([
        key[0], key[1], key[2], key[3], key[4], key[5], key[6], key[7],
    ]);
    let old_tab = format!("{:08x}", seed >> 32);
    let caught = |text: String| published_leak(&[key], &[text]).is_some();
    assert!(caught(format!("{{\"hello\":{{\"tab\":\"{old_tab}\"}}}}")));
    assert!(caught(format!("x{}y", to_hex(&key[10..18]))));
    assert!(caught(format!(
        "{{\"sig\":\"{}\"}}",
        to_hex(&key).repeat(2)
    )));
    assert!(!caught("{\"hello\":{\"tab\":\"0123456789abcdef\"}}".into()));
}
