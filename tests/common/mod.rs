//! What the root crate's tests share: fixed founding keys and ids (real pages draw both from
//! the secure random generator).
#![allow(dead_code)]

use pos_core::Wallet;
use pos_playground::logic::input::Input;
use pos_playground::logic::link::{LinkReason, LinkState};
use pos_playground::logic::model::{Founders, Ids, Playground};

/// Fixed founding keys for test `n`.
pub fn founders(n: u8) -> Founders {
    Founders {
        genesis: Wallet::from_seed([100 + n; 32]),
        exchange: Wallet::from_seed([150 + n; 32]),
    }
}

/// Ids with the given tab id and latency seed.
pub fn ids(tab: &str, net_seed: u64) -> Ids {
    Ids {
        tab: tab.into(),
        net_seed,
    }
}

/// The playground of test `n` at `t0`: founded on [`founders`]`(n)` with tab id `t<n>`, and
/// four nodes (the host and three with fixed keys).
pub fn four_nodes(n: u8, t0: u64) -> Playground {
    let others = (2..5u8).map(|i| Wallet::from_seed([i; 32])).collect();
    Playground::new(founders(n), ids(&format!("t{n}"), u64::from(n)), t0, others)
}

/// A view as the console and the HTTP views give it: JSON.
pub fn json(view: impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(view).expect("a view is JSON")
}

/// What the browser says about link `id`: it stands at `state` for `reason`.
pub fn link_input(id: &str, state: LinkState, reason: LinkReason) -> Input {
    Input::Link {
        link: id.into(),
        state,
        reason,
    }
}

/// What the page shows for `say` in English (`www/lang/en/page.ftl`).
pub fn english(say: &pos_playground::logic::i18n::Say) -> String {
    use pos_playground::logic::i18n::{ftl::Resource, Texts};
    thread_local! {
        static EN: Texts = Texts::english(
            Resource::parse(include_str!("../../www/lang/en/page.ftl")).expect("en/page.ftl"),
        );
    }
    EN.with(|t| t.say(say))
}
