//! Machines as nodes without a browser connection: three models pass frames only over the
//! "links" the test wires between them (A–B and B–C), so joining by invitation, relay through
//! the middle, link states, and the rules for frames over a link are checked natively and in wasm.

use pos_core::Wallet;
use pos_playground::logic::input::Input;
use pos_playground::logic::link::{Invitation, LinkReason, LinkState, Side};
use pos_playground::logic::mesh::Adoption;
use pos_playground::logic::mesh::{Role, Via, DISCOVERY_MS};
use pos_playground::logic::model::{Playground, Request};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::{founders, ids, link_input};

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
    run_after(tabs, wires, Vec::new(), from, to);
}

/// [`run`], with `first`: frames the tabs said before (tab, frame).
fn run_after(
    tabs: &mut [&mut Playground],
    wires: &[Wire],
    first: Vec<(usize, String)>,
    from: u64,
    to: u64,
) {
    let mut now = from;
    let mut first = Some(first);
    while now <= to {
        let mut stepped = first.take().unwrap_or_default();
        for (i, t) in tabs.iter_mut().enumerate() {
            stepped.extend(t.advance(now).frames.into_iter().map(|f| (i, f)));
        }
        for _ in 0..4 {
            let frames = std::mem::take(&mut stepped);
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
                    let input = Input::Frame {
                        text: f.clone(),
                        via: Via::WebRtc(id.clone()),
                    };
                    let said = tabs[j].handle(now, input).frames;
                    stepped.extend(said.into_iter().map(|x| (j, x)));
                }
            }
        }
        now += 50;
    }
}

/// The copy/paste flow between `inviter` and `acceptor`, without the browser's connection.
/// Besides the two ids and the adoption, the hellos each side says as its link opens.
fn link(
    inviter: &mut Playground,
    acceptor: &mut Playground,
    now: u64,
) -> (String, String, Adoption, [Vec<String>; 2]) {
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
    let answered = Input::LinkAnswered {
        link: at_inviter.clone(),
        tab: Some(acceptor.tab_id()),
    };
    let _ = inviter.handle(now, answered);
    let open = |id: &str| link_input(id, LinkState::Open, LinkReason::Open);
    let hellos = [
        inviter.handle(now, open(&at_inviter)).frames,
        acceptor.handle(now, open(&at_acceptor)).frames,
    ];
    for said in &hellos {
        assert!(
            said.last().is_some_and(|f| f.starts_with(r#"{"hello":"#)),
            "an open link says hello at once: {said:?}"
        );
    }
    (at_inviter, at_acceptor, adoption, hellos)
}

/// Frame `text` over link `id`.
fn over(text: &str, id: &str) -> Input {
    Input::Frame {
        text: text.into(),
        via: Via::WebRtc(id.into()),
    }
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
    let (ab, ba, adoption, [from_a, from_b]) = link(&mut a, &mut b, now);
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
    let (bc, cb, adoption, [from_b2, from_c]) = link(&mut b, &mut c, now);
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
    let said: Vec<(usize, String)> = [(0, from_a), (1, from_b), (1, from_b2), (2, from_c)]
        .into_iter()
        .flat_map(|(i, frames)| frames.into_iter().map(move |f| (i, f)))
        .collect();
    run_after(
        &mut [&mut a, &mut b, &mut c],
        &wires,
        said,
        now,
        now + 6_000,
    );
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
    let closed = link_input(&bc, LinkState::Closed, LinkReason::ChannelClosed);
    let _ = b.handle(now + 14_000, closed);
    assert_eq!(b.link(&bc).map(|l| l.state), Some(LinkState::Closed));
    let c_tab = c.tab_id();
    let still = b.peers_view(0).map(common::json).expect("peers");
    assert!(still
        .as_array()
        .expect("a list")
        .iter()
        .all(|p| !p["peer"].as_str().unwrap_or("").starts_with(&c_tab)));
    // A closed link stays closed, with its first reason.
    let _ = b.handle(
        now + 14_100,
        link_input(&bc, LinkState::Open, LinkReason::Open),
    );
    assert_eq!(
        b.link(&bc).map(|l| l.reason),
        Some(LinkReason::ChannelClosed)
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
    let (ab, ba, adoption, _) = link(&mut a, &mut b, T0 + 4_000);
    assert_eq!(adoption, Adoption::Conflict);
    assert_eq!(b.mesh().map(|m| m.conflicts().len()), Some(1));
    assert_ne!(b.genesis(), a.genesis());

    // A frame in another tab's name over the A–B link is refused; one from B is taken.
    let forged = r#"{"hello":{"tab":"zzzz","role":"host","genesis":null,"height":0}}"#;
    let _ = a.handle(T0 + 4_100, over(forged, &ab));
    let counts = a.rejected_view(0).map(common::json).expect("counts");
    assert_eq!(counts["frame:badTab"], 1);
    let honest = r#"{"hello":{"tab":"bbbb","role":"host","genesis":null,"height":1}}"#;
    let _ = a.handle(T0 + 4_100, over(honest, &ab));
    assert_eq!(common::json(a.network_view())["tabs"][0]["where"], "webrtc");
    // Frames over an unknown link are dropped.
    let _ = a.handle(T0 + 4_200, over(honest, "L99"));
    assert_eq!(a.link(&ab).map(|l| l.received), Some(1));

    // The user joins A's network: B rebuilds on it.
    b.join_conflict("aaaa", T0 + 4_300).expect("a conflict");
    assert_eq!(b.genesis(), a.genesis());
    let _ = ba;
}
