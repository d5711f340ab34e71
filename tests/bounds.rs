//! Every table another tab can grow has a bound and an expiry: other tabs, conflicts, ignored
//! tabs and links; frame fields that would become peer names have a length and a form. Runs
//! natively (`cargo test`) and in wasm (`wasm-pack test`).

use pos_core::Wallet;
use pos_playground::logic::input::Input;
use pos_playground::logic::link::{
    LinkReason, LinkState, Side, LINK_CONNECT_MS, LINK_KEEP_MS, MAX_LINKS,
};
use pos_playground::logic::mesh::{
    Frame, Role, CONFLICT_TIMEOUT_MS, IGNORED_TIMEOUT_MS, MAX_CONFLICTS, MAX_IGNORED,
    TAB_TIMEOUT_MS,
};
use pos_playground::logic::model::{Ids, Playground};
use pos_playground::logic::wire::MAX_TABS;

mod common;
use common::{founders, link_input};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

/// A tab hosting network "class" from `T0`.
fn host() -> Playground {
    let ids = Ids {
        tab: "aaaa".into(),
        net_seed: 1,
    };
    let mut p = Playground::networked(
        "class",
        founders(1),
        ids,
        T0,
        Wallet::from_seed([1; 32]),
        true,
    );
    let _ = p.advance(T0);
    assert_eq!(p.mesh().map(|m| m.role()), Some(Role::Host));
    p
}

/// A Hello from tab `tab` of another network called "class".
fn rival_hello(tab: &str) -> String {
    let rival = Playground::new(
        founders(2),
        Ids {
            tab: "zzzz".into(),
            net_seed: 2,
        },
        T0,
        Vec::new(),
    );
    let mut genesis = rival.genesis().clone();
    genesis.network = "class".into();
    Frame::Hello {
        tab: tab.into(),
        role: Role::Host,
        genesis: Some(genesis),
        height: 0,
    }
    .to_text()
}

fn rejected(p: &Playground, key: &str) -> u64 {
    common::json(p.network_view())["rejected"][key]
        .as_u64()
        .unwrap_or(0)
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn sixty_thousand_distinct_hellos_stay_within_the_bounds() {
    let mut p = host();
    let template = rival_hello("TAB");
    let mut now = T0;
    let (mut most_tabs, mut most_conflicts) = (0, 0);
    // Answers said since the last step of the network.
    let mut answers = 0;
    for i in 0..60_000u32 {
        // 1,000 a second: under the rate limit, so each one is looked at.
        now += 1;
        let hello = Input::channel(template.replace("TAB", &format!("t{i}")));
        answers += p.handle(now, hello).frames.len();
        if i % 500 == 0 {
            let _ = p.advance(now);
            answers = 0;
        }
        let m = p.mesh().expect("mesh");
        most_tabs = most_tabs.max(m.tabs().len());
        most_conflicts = most_conflicts.max(m.conflicts().len());
    }
    assert_eq!(most_tabs, MAX_TABS);
    assert_eq!(most_conflicts, MAX_CONFLICTS);
    assert!(rejected(&p, "frame:tooManyTabs") > 50_000);
    assert!(rejected(&p, "frame:tooManyConflicts") > 0);
    assert!(answers <= 500, "answers only to tabs it keeps");

    // Silent tabs and conflicts expire.
    let _ = p.advance(now + TAB_TIMEOUT_MS + 1);
    assert_eq!(p.mesh().map(|m| m.tabs().len()), Some(0));
    let _ = p.advance(now + CONFLICT_TIMEOUT_MS + 1);
    assert_eq!(p.mesh().map(|m| m.conflicts().len()), Some(0));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_conflict_heard_again_stays() {
    let mut p = host();
    let hello = rival_hello("bbbb");
    let _ = p.handle(T0 + 10, Input::channel(hello.as_str()));
    let mut now = T0 + 10;
    while now < T0 + 3 * CONFLICT_TIMEOUT_MS {
        now += 2_000;
        let _ = p.handle(now, Input::channel(hello.as_str()));
        let _ = p.advance(now);
    }
    assert_eq!(p.mesh().map(|m| m.conflicts().len()), Some(1));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn ignored_tabs_are_bounded_and_forgotten() {
    let mut p = host();
    let template = rival_hello("TAB");
    let mut now = T0;
    for i in 0..(MAX_IGNORED as u32 + 10) {
        now += 10;
        let tab = format!("k{i}");
        let _ = p.handle(now, Input::channel(template.replace("TAB", &tab)));
        p.keep_mine(&tab, now).expect("a conflict to resolve");
        assert!(p.mesh().is_some_and(|m| m.ignored().len() <= MAX_IGNORED));
    }
    let m = p.mesh().expect("mesh");
    assert_eq!(m.ignored().len(), MAX_IGNORED);
    assert!(!m.ignored().contains_key("k0"), "the oldest made room");
    assert!(m.ignored().contains_key(&format!("k{}", MAX_IGNORED + 9)));
    let _ = p.advance(now + IGNORED_TIMEOUT_MS + 1);
    assert_eq!(p.mesh().map(|m| m.ignored().len()), Some(0));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_frame_with_a_huge_or_odd_node_name_is_refused_and_changes_nothing() {
    let mut p = host();
    let msg = |node: &str, to: Option<&str>| {
        Frame::Msg {
            tab: "bbbb".into(),
            node: node.into(),
            to: to.map(str::to_string),
            data: "{}".into(),
        }
        .to_text()
    };
    let before = (
        p.summaries(),
        p.peers_view(0).map(common::json),
        common::json(p.network_view())["tabs"].clone(),
    );
    let huge = "n".repeat(64 * 1024);
    let long_to = format!("aaaa/{huge}");
    for (i, frame) in [
        msg(&huge, None),
        msg("n16", None),
        msg("n01", None),
        msg("x0", None),
        msg("n", None),
        msg("n0", Some(&long_to)),
        msg("n0", Some("aaaa")),
        msg("n0", Some("a/b/n0")),
    ]
    .iter()
    .enumerate()
    {
        let _ = p.handle(T0 + 10 + i as u64, Input::channel(frame.as_str()));
    }
    let _ = p.advance(T0 + 100);
    assert_eq!(rejected(&p, "frame:badNode"), 8);
    assert_eq!(
        (
            p.summaries(),
            p.peers_view(0).map(common::json),
            common::json(p.network_view())["tabs"].clone()
        ),
        before
    );
    // The names tabs really use pass.
    let _ = p.handle(T0 + 200, Input::channel(msg("n15", Some("aaaa/n0"))));
    assert_eq!(rejected(&p, "frame:badNode"), 8);
    assert_eq!(
        common::json(p.network_view())["tabs"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn links_are_bounded_and_expire() {
    let mut p = host();
    let mut ids = Vec::new();
    for _ in 0..MAX_LINKS {
        ids.push(p.link_new(Side::Inviter, None, None, T0).expect("room"));
    }
    assert!(p.link_new(Side::Inviter, None, None, T0).is_err());
    assert!(p.can_link().is_err());
    // A link that is over makes room, and ids are never reused.
    let _ = p.handle(
        T0 + 1,
        link_input(&ids[3], LinkState::Failed, LinkReason::Failed),
    );
    let next = p.link_new(Side::Inviter, None, None, T0 + 2).expect("room");
    assert!(p.link(&ids[3]).is_none());
    assert!(!ids.contains(&next));
    assert_eq!(p.links().len(), MAX_LINKS);
    // Links nobody answers fail, and links that are over are forgotten.
    let _ = p.handle(
        T0 + 3,
        link_input(&ids[0], LinkState::Open, LinkReason::Open),
    );
    let _ = p.advance(T0 + LINK_CONNECT_MS + 10);
    let states: Vec<LinkState> = p.links().iter().map(|l| l.state).collect();
    assert_eq!(states.iter().filter(|s| **s == LinkState::Open).count(), 1);
    assert!(states
        .iter()
        .all(|s| matches!(s, LinkState::Open | LinkState::Failed)));
    let _ = p.advance(T0 + LINK_CONNECT_MS + LINK_KEEP_MS + 20);
    assert_eq!(p.links().len(), 1, "only the open link stays");
}
