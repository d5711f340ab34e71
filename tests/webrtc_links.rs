//! Machines as nodes without a browser connection: three models pass frames only over the
//! "links" the test wires between them (A–B and B–C), so joining by invitation, relay through
//! the middle, link states, and the rules for frames over a link are checked natively and in wasm.

use pos_core::Wallet;
use pos_playground::logic::link::{Invitation, LinkState, Side};
use pos_playground::logic::mesh::Adoption;
use pos_playground::logic::mesh::{Role, Via, DISCOVERY_MS};
use pos_playground::logic::model::{Playground, Request};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::{founders, ids};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

const SDP: &str = "v=0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";

/// A link between tabs `a` and `b`, known as `at_a` in `a` and `at_b` in `b`.
struct Wire {
    a: usize,
    b: usize,
    at_a: String,
    at_b: String,
}

/// Moves frames only along the wires, advancing time in steps of 50 ms.
fn run(tabs: &mut [&mut Playground], wires: &[Wire], from: u64, to: u64) {
    let mut now = from;
    while now <= to {
        let mut stepped = Vec::new();
        for (i, t) in tabs.iter_mut().enumerate() {
            stepped.extend(t.advance(now).frames.into_iter().map(|f| (i, f)));
        }
        for _ in 0..4 {
            let mut frames = std::mem::take(&mut stepped);
            for (i, t) in tabs.iter_mut().enumerate() {
                frames.extend(t.take_outbox().into_iter().map(|f| (i, f)));
            }
            if frames.is_empty() {
                break;
            }
            for (i, f) in frames {
                for w in wires {
                    let (j, id) = if w.a == i {
                        (w.b, &w.at_b)
                    } else if w.b == i {
                        (w.a, &w.at_a)
                    } else {
                        continue;
                    };
                    tabs[j].receive_frame_via(&f, now, Via::WebRtc(id.clone()));
                }
            }
        }
        now += 50;
    }
}

/// The copy/paste flow between `inviter` and `acceptor`, without the browser's connection.
fn link(
    inviter: &mut Playground,
    acceptor: &mut Playground,
    now: u64,
) -> (String, String, Adoption) {
    inviter.ready_to_invite(now).expect("ready");
    let at_inviter = inviter
        .link_new(Side::Inviter, None, None, now)
        .expect("room for a link");
    let inv = Invitation {
        link: at_inviter.clone(),
        tab: inviter.tab_id(),
        name: inviter.network_name(),
        genesis: inviter.genesis().clone(),
        sdp: SDP.into(),
    };
    let adoption = acceptor.adopt_invitation(&inv, now);
    let at_acceptor = acceptor
        .link_new(Side::Acceptor, Some(at_inviter.clone()), Some(inv.tab), now)
        .expect("room for a link");
    inviter.link_answered(&at_inviter, Some(&acceptor.tab_id()), now);
    inviter.link_opened(&at_inviter, now);
    acceptor.link_opened(&at_acceptor, now);
    (at_inviter, at_acceptor, adoption)
}

fn wallet(i: u8) -> Wallet {
    Wallet::from_seed([i; 32])
}

#[test]
fn a_chain_of_links_relays_blocks_purchases_and_payments_end_to_end() {
    let mut a = Playground::networked("room", founders(1), ids("aaaa", 1), T0, wallet(1), false);
    let mut b = Playground::new(founders(2), ids("bbbb", 2), T0, vec![wallet(2), wallet(3)]);
    let mut c = Playground::networked("room", founders(3), ids("cccc", 3), T0, wallet(4), false);
    run(
        &mut [&mut a, &mut b, &mut c],
        &[],
        T0,
        T0 + DISCOVERY_MS + 100,
    );
    assert_eq!(a.mesh().map(|m| m.role()), Some(Role::Host));
    assert!(b.mesh().is_none(), "a single playground until it links");

    let now = T0 + 1_000;
    let (ab, ba, adoption) = link(&mut a, &mut b, now);
    assert_eq!(adoption, Adoption::Joined);
    assert_eq!(b.genesis(), a.genesis());
    assert_eq!(
        b.mesh().map(|m| (m.role(), m.name())),
        Some((Role::Member, "room"))
    );
    assert_eq!(
        b.len(),
        2,
        "the single playground's host node is dropped, the others kept"
    );
    let (bc, cb, adoption) = link(&mut b, &mut c, now);
    assert_eq!(adoption, Adoption::Joined);
    let wires = [
        Wire {
            a: 0,
            b: 1,
            at_a: ab.clone(),
            at_b: ba.clone(),
        },
        Wire {
            a: 1,
            b: 2,
            at_a: bc.clone(),
            at_b: cb.clone(),
        },
    ];

    a.submit(0, Request::Exchange(50)).expect("the host buys");
    run(&mut [&mut a, &mut b, &mut c], &wires, now, now + 6_000);
    let tips: Vec<_> = [&a, &b, &c]
        .iter()
        .map(|t| t.summary(0).expect("node").tip)
        .collect();
    assert!(tips.iter().all(|t| *t == tips[0]), "one chain: {tips:?}");
    assert_eq!(c.summary(0).map(|s| s.height), Some(1));

    // C buys: only A holds the exchange, and the request reaches it through B.
    c.submit(0, Request::Exchange(7)).expect("asked");
    run(
        &mut [&mut a, &mut b, &mut c],
        &wires,
        now + 6_050,
        now + 14_000,
    );
    assert_eq!(c.summary(0).map(|s| s.balance), Some(7));
    assert_eq!(a.summary(0).map(|s| s.tip), c.summary(0).map(|s| s.tip));

    // C's peers are B's nodes only, reached over the link, which is open.
    let peers = c.peers_view(0).map(common::json).expect("peers");
    let peers = peers.as_array().expect("a list");
    assert!(!peers.is_empty());
    for p in peers {
        assert_eq!(p["where"], "webrtc", "{p}");
        assert_eq!(p["state"], "open");
        assert_eq!(p["link"], cb.as_str());
        assert!(p["peer"]
            .as_str()
            .is_some_and(|s| s.starts_with(&b.tab_id())));
    }
    let net = common::json(b.network_view());
    assert_eq!(net["links"].as_array().map(Vec::len), Some(2));

    // The B–C link closes: B forgets C's node, says why, and keeps working with A.
    b.link_update(
        &bc,
        LinkState::Closed,
        "the data channel closed",
        now + 14_000,
    );
    assert_eq!(b.link(&bc).map(|l| l.state), Some(LinkState::Closed));
    let c_tab = c.tab_id();
    let still = b.peers_view(0).map(common::json).expect("peers");
    assert!(still
        .as_array()
        .expect("a list")
        .iter()
        .all(|p| !p["peer"].as_str().unwrap_or("").starts_with(&c_tab)));
    // A closed link stays closed, with its first reason.
    b.link_update(&bc, LinkState::Open, "data channel open", now + 14_100);
    assert_eq!(
        b.link(&bc).map(|l| l.reason.as_str()),
        Some("the data channel closed")
    );
    let wires = [Wire {
        a: 0,
        b: 1,
        at_a: ab,
        at_b: ba,
    }];
    a.submit(0, Request::Exchange(5)).expect("the host buys");
    run(
        &mut [&mut a, &mut b, &mut c],
        &wires,
        now + 14_100,
        now + 20_000,
    );
    assert_eq!(b.summary(0).map(|s| s.tip), a.summary(0).map(|s| s.tip));
    assert_ne!(c.summary(0).map(|s| s.tip), a.summary(0).map(|s| s.tip));
}

#[test]
fn frames_over_a_link_must_come_from_its_tab_and_a_busy_acceptor_sees_a_conflict() {
    let mut a = Playground::networked("room", founders(5), ids("aaaa", 5), T0, wallet(5), true);
    let mut b = Playground::networked("room", founders(6), ids("bbbb", 6), T0, wallet(6), true);
    run(&mut [&mut a, &mut b], &[], T0, T0 + 200);
    // B has blocks of its own: accepting A's invitation does not throw them away.
    b.submit(0, Request::Exchange(9)).expect("b buys");
    run(&mut [&mut b], &[], T0 + 250, T0 + 4_000);
    assert_eq!(b.summary(0).map(|s| s.height), Some(1));
    let (ab, ba, adoption) = link(&mut a, &mut b, T0 + 4_000);
    assert_eq!(adoption, Adoption::Conflict);
    assert_eq!(b.mesh().map(|m| m.conflicts().len()), Some(1));
    assert_ne!(b.genesis(), a.genesis());

    // A frame in another tab's name over the A–B link is refused; one from B is taken.
    let forged = r#"{"hello":{"tab":"zzzz","role":"host","genesis":null,"height":0}}"#;
    a.receive_frame_via(forged, T0 + 4_100, Via::WebRtc(ab.clone()));
    let counts = a.rejected_view(0).map(common::json).expect("counts");
    assert_eq!(counts["frame:badTab"], 1);
    let honest = r#"{"hello":{"tab":"bbbb","role":"host","genesis":null,"height":1}}"#;
    a.receive_frame_via(honest, T0 + 4_100, Via::WebRtc(ab.clone()));
    assert_eq!(common::json(a.network_view())["tabs"][0]["where"], "webrtc");
    // Frames over an unknown link are dropped.
    a.receive_frame_via(honest, T0 + 4_200, Via::WebRtc("L99".into()));
    assert_eq!(a.link(&ab).map(|l| l.received), Some(1));

    // The user joins A's network: B rebuilds on it.
    b.join_conflict("aaaa", T0 + 4_300).expect("a conflict");
    assert_eq!(b.genesis(), a.genesis());
    let _ = ba;
}
