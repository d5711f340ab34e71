//! Tabs as nodes without a browser channel: two models pass frames to each other by hand, so
//! discovery, joining, sync, conflicts and refusals are checked natively and in wasm (headless Chromium).

use pos_core::Wallet;
use pos_playground::logic::input::Input;
use pos_playground::logic::mesh::{Role, DISCOVERY_MS};
use pos_playground::logic::model::{Playground, Request};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::{founders, ids};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

fn tab(name: &str, id: &str, seed: u64, now: u64, start_new: bool) -> Playground {
    let wallet = Wallet::from_seed([seed as u8; 32]);
    Playground::networked(
        name,
        founders(seed as u8),
        ids(id, seed),
        now,
        wallet,
        start_new,
    )
}

/// Moves every pending frame between the tabs until they are quiet, advancing time in steps.
fn run(tabs: &mut [&mut Playground], from: u64, to: u64) {
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
            }
        }
        now += 50;
    }
}

#[test]
fn the_first_tab_hosts_and_the_second_joins_and_syncs() {
    let mut host = tab("class", "aaaa", 1, T0, false);
    run(&mut [&mut host], T0, T0 + DISCOVERY_MS + 100);
    assert_eq!(host.mesh().map(|m| m.role()), Some(Role::Host));
    host.submit(0, Request::Exchange(30)).expect("accepted");
    run(&mut [&mut host], T0 + DISCOVERY_MS + 150, T0 + 4_000);
    assert_eq!(host.summary(0).map(|s| s.height), Some(1));

    let mut member = tab("class", "bbbb", 2, T0 + 4_050, false);
    run(&mut [&mut host, &mut member], T0 + 4_050, T0 + 9_000);
    assert_eq!(member.mesh().map(|m| m.role()), Some(Role::Member));
    assert_eq!(member.genesis(), host.genesis());
    let (h, m) = (
        host.summary(0).expect("host"),
        member.summary(0).expect("member"),
    );
    assert_eq!(
        (m.height, &m.tip),
        (h.height, &h.tip),
        "the member took the chain"
    );
    let peers = member.peers_view(0).map(common::json).expect("peers");
    assert_eq!(peers[0]["where"], "channel");
    assert_eq!(peers[0]["peer"], "aaaa/n0");
}

#[test]
fn two_hosts_under_one_name_conflict_until_one_joins_the_other() {
    let mut x = tab("twins", "xxxx", 3, T0, true);
    let mut y = tab("twins", "yyyy", 4, T0, true);
    run(&mut [&mut x, &mut y], T0, T0 + 3_000);
    assert_eq!(x.mesh().map(|m| m.conflicts().len()), Some(1));
    assert_eq!(y.mesh().map(|m| m.conflicts().len()), Some(1));
    y.join_conflict("xxxx", T0 + 3_000)
        .expect("a conflict to resolve");
    assert_eq!(y.mesh().map(|m| m.role()), Some(Role::Member));
    assert_eq!(y.genesis(), x.genesis());
    // x keeps its own network and ignores nobody: y now speaks x's network.
    x.keep_mine("yyyy", T0 + 3_000)
        .expect("a conflict to resolve");
    assert!(x.keep_mine("yyyy", T0 + 3_000).is_err());
}

#[test]
fn frames_that_are_not_frames_are_counted_and_change_nothing() {
    let mut host = tab("class", "aaaa", 5, T0, true);
    let _ = host.advance(T0);
    let before = host.summary(0).expect("host");
    for junk in [
        "nonsense",
        r#"{"msg":{}}"#,
        r#"{"bye":{"tab":"a/b"}}"#,
        r#"{"msg":{"tab":"evil","node":"n0","to":null,"data":"{}"}}"#,
    ] {
        let _ = host.handle(T0 + 10, Input::channel(junk));
    }
    let _ = host.advance(T0 + 20);
    let counts = host.rejected_view(0).map(common::json).expect("counts");
    assert_eq!(counts["frame:malformed"], 2);
    assert_eq!(counts["frame:badTab"], 1);
    assert_eq!(counts["malformed"], 1, "the core refused the empty message");
    assert_eq!(host.summary(0).expect("host"), before);
}

#[test]
fn a_tab_newly_relayed_to_hears_this_tabs_hello_at_once_and_only_once() {
    use pos_playground::logic::mesh::{parse, Frame};
    let mut page = tab("class", "cccc", 3, T0, false);
    page.expect_class_host();
    let open = Input::ClassConnected {
        open: true,
        problem: None,
    };
    let _ = page.handle(T0, open);
    let hellos = |frames: &[String]| {
        frames
            .iter()
            .filter(|f| matches!(parse(f), Ok(Frame::Hello { tab, .. }) if tab == "cccc"))
            .count()
    };
    let first = page
        .handle(T0 + 10, Input::ClassRelay("dddd".into()))
        .frames;
    assert_eq!(hellos(&first), 1, "{first:?}");
    let again = page
        .handle(T0 + 20, Input::ClassRelay("dddd".into()))
        .frames;
    assert_eq!(
        hellos(&again),
        0,
        "a pair relayed already is not greeted twice"
    );
    let relayed = page.class_connection().map(|c| c.relayed.clone());
    assert_eq!(relayed, Some(vec!["dddd".to_string()]));
}

/// The class server's own tab, serving class `name`.
fn server_tab(name: &str, id: &str, seed: u64, now: u64) -> Playground {
    let mut hub = tab(name, id, seed, now, true);
    hub.serve_class("http://10.0.0.5:8080/?net=room");
    hub
}

/// A page of class `name`, welcomed by the server whose tab is `server`.
fn welcome(page: &mut Playground, server: &str, now: u64) {
    for input in [
        Input::ClassConnected {
            open: true,
            problem: None,
        },
        Input::ClassWelcome {
            class: "room".into(),
            server: server.into(),
            address: "http://10.0.0.5:8080/?net=room".into(),
        },
    ] {
        let _ = page.handle(now, input);
    }
}

#[test]
fn a_page_whose_class_server_restarted_with_a_new_chain_joins_it_without_asking() {
    let mut first = server_tab("room", "hub1", 5, T0);
    let mut page = tab("room", "page", 6, T0, false);
    page.expect_class_host();
    welcome(&mut page, "hub1", T0);
    run(&mut [&mut first, &mut page], T0, T0 + 3_000);
    assert_eq!(page.genesis(), first.genesis());
    let me = page.addresses();
    // The server restarts: a new tab, a new genesis under the same class name.
    let mut second = server_tab("room", "hub2", 7, T0 + 4_000);
    assert_ne!(second.genesis(), first.genesis());
    welcome(&mut page, "hub2", T0 + 4_000);
    run(&mut [&mut second, &mut page], T0 + 4_000, T0 + 8_000);
    assert_eq!(
        page.genesis(),
        second.genesis(),
        "the page joined the new chain"
    );
    assert_eq!(page.addresses(), me, "with its own keys");
    assert_eq!(page.mesh().map(|m| m.conflicts().len()), Some(0));
    assert!(page
        .activity()
        .any(|a| common::english(&a.text).contains("class server started a new chain")));
    // A tab that is not the class server still asks before anything changes.
    let mut stranger = tab("room", "zzzz", 8, T0 + 8_000, true);
    run(&mut [&mut stranger, &mut page], T0 + 8_000, T0 + 10_000);
    assert_eq!(page.genesis(), second.genesis());
    assert_eq!(page.mesh().map(|m| m.conflicts().len()), Some(1));
}
