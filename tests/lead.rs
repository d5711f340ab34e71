//! The page's side of a class with a teacher, natively and in wasm: the lead the server
//! sends puts this tab's nodes on the class clock, only the teacher's page gives orders,
//! a student's page follows or explores and comes back when called, and the console's
//! `lead({...})` is read with plain-word refusals.

use pos_playground::logic::class::{Lead, Order, Place, ToServer};
use pos_playground::logic::command::Command;
use pos_playground::logic::input::Input;
use pos_playground::logic::model::Playground;
use serde_json::json;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test as test, wasm_bindgen_test_configure};

mod common;
use common::{founders, ids};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

const T0: u64 = 1_700_000_000_000;

/// A page of class "room", connected and welcomed; `teacher`: opened from the teacher's
/// address.
fn page(teacher: bool) -> Playground {
    let wallet = pos_core::Wallet::from_seed([9; 32]);
    let mut p = Playground::networked("room", founders(9), ids("page9", 9), T0, wallet, true);
    p.expect_class_host();
    p.set_class_teacher(teacher);
    let _ = p.handle(
        T0,
        Input::ClassConnected {
            open: true,
            problem: None,
        },
    );
    let _ = p.handle(
        T0,
        Input::ClassWelcome {
            class: "room".into(),
            server: "hub".into(),
            address: "http://10.0.0.5:8080/?net=room".into(),
        },
    );
    p
}

fn lead(paused: bool, up_to: Option<u64>, speed: u8) -> Lead {
    Lead {
        place: Place {
            follow: true,
            lesson: Some("lots".into()),
            step: 3,
            ..Place::default()
        },
        paused,
        forge_up_to: up_to,
        speed,
        teacher: Some("teach1".into()),
        ..Lead::default()
    }
}

#[test]
fn the_lead_puts_this_tabs_nodes_on_the_class_clock() {
    let mut p = page(false);
    // A student's page says it follows once welcomed.
    assert_eq!(
        p.take_class_outbox(),
        vec![ToServer::Status { following: true }]
    );
    let _ = p.handle(T0 + 1, Input::ClassLead(lead(true, Some(0), 4)));
    assert_eq!(p.forge_up_to(), Some(0));
    let refused = p.apply(Command::Forge(0), T0 + 2).expect_err("paused");
    assert!(
        common::english(&refused.say()).contains("class clock is paused"),
        "{refused:?}"
    );
    assert!(p
        .activity()
        .any(|a| common::english(&a.text).contains("class clock is paused")));
    // Resumed, at ×0.25 from the class's chain time: no limit, and chain time (slots, the
    // winner's wait, the in-tab links' latency) runs at a quarter of the wall clock's pace.
    let latency = p.net().link().latency_ms;
    let slow = Lead {
        clock: T0 + 3,
        ..lead(false, None, 1)
    };
    let _ = p.handle(T0 + 3, Input::ClassLead(slow));
    assert_eq!(p.forge_up_to(), None);
    assert_eq!(
        p.chain_time(T0 + 3 + 16_000),
        T0 + 3 + 4_000,
        "a slot lasts 16 s"
    );
    assert_eq!(p.net().link().latency_ms, latency, "counted in chain time");
    let _ = p.advance(T0 + 3 + 16_000);
    assert_eq!(p.net().now(), T0 + 3 + 4_000);
    assert!(p
        .activity()
        .any(|a| common::english(&a.text).contains("runs at ×0.25: a slot lasts 16 s")));
    // Back to ×1 from where the class's clock is.
    let normal = Lead {
        clock: T0 + 3 + 4_000,
        ..lead(false, None, 4)
    };
    let _ = p.handle(T0 + 3 + 16_000, Input::ClassLead(normal));
    assert_eq!(p.chain_time(T0 + 3 + 17_000), T0 + 3 + 5_000);
    let mode = serde_json::to_value(p.class_mode()).expect("json");
    assert_eq!(mode["role"], "student");
    assert_eq!(mode["following"], true);
    assert_eq!(mode["lead"]["lesson"], "lots");
    assert_eq!(mode["lead"]["step"], 3);
    assert_eq!(mode["lead"]["speed"], 1.0);
}

#[test]
fn only_the_teachers_page_gives_orders_and_a_student_explores_and_is_called_back() {
    let mut s = page(false);
    let _ = s.take_class_outbox();
    let _ = s.handle(T0, Input::ClassLead(lead(false, None, 4)));
    for order in [
        Order::Pause,
        Order::Resume,
        Order::CallBack,
        Order::Speed(8),
    ] {
        let e = s.apply(Command::Teach(order), T0).expect_err("a student");
        assert!(
            common::english(&e.say()).contains("only the teacher's page leads"),
            "{e:?}"
        );
    }
    assert!(
        s.take_class_outbox().is_empty(),
        "nothing went to the server"
    );
    s.apply(Command::Follow(false), T0).expect("explore");
    assert!(!s.following_teacher());
    assert_eq!(
        s.take_class_outbox(),
        vec![ToServer::Status { following: false }]
    );
    // The teacher calls everyone back: the page follows again and says so.
    let mut back = lead(false, None, 4);
    back.call_back = 1;
    let _ = s.handle(T0 + 5, Input::ClassLead(back));
    assert!(s.following_teacher());
    assert_eq!(
        s.take_class_outbox(),
        vec![ToServer::Status { following: true }]
    );
    assert!(s
        .activity()
        .any(|a| common::english(&a.text).contains("called everyone back")));

    let mut t = page(true);
    // The teacher's page claims the lead once welcomed: Follow me, where it is.
    assert!(matches!(
        &t.take_class_outbox()[..],
        [ToServer::Teach { order: Order::Place(p), .. }] if p.follow
    ));
    let _ = t.handle(T0, Input::ClassLead(lead(false, None, 4)));
    let e = t
        .apply(Command::Teach(Order::Step), T0)
        .expect_err("running");
    assert!(common::english(&e.say()).contains("while the class clock is paused"));
    t.apply(Command::Teach(Order::Pause), T0)
        .expect("the teacher pauses");
    // Already running: resuming sends nothing.
    t.apply(Command::Teach(Order::Resume), T0)
        .expect("nothing to do");
    assert_eq!(
        t.take_class_outbox(),
        vec![ToServer::Teach {
            token: String::new(),
            order: Order::Pause
        }]
    );
    let e = t.apply(Command::Follow(true), T0).expect_err("the teacher");
    assert!(common::english(&e.say()).contains("does not follow"));
    assert_eq!(
        serde_json::to_value(t.class_mode()).expect("json")["role"],
        "teacher"
    );
}

#[test]
fn the_consoles_lead_sets_any_field_and_refuses_what_is_out_of_range_in_words() {
    let mut t = page(true);
    let _ = t.handle(T0, Input::ClassLead(lead(false, None, 4)));
    let orders = t
        .lead_orders(&json!({"lesson": "lots", "step": 4, "section": "fairness", "block": 2, "paused": true, "speed": 0.5}))
        .expect("good fields");
    assert_eq!(
        orders,
        vec![
            Order::Place(Place {
                follow: true,
                lesson: Some("lots".into()),
                step: 4,
                section: Some("fairness".into()),
                block: Some(2),
            }),
            Order::Pause,
            Order::Speed(2),
        ]
    );
    assert!(t.lead_orders(&json!({"step": 3})).expect("same").is_empty());
    for (bad, words) in [
        (json!({"speed": 5}), "0.25 to 4"),
        (json!({"speed": 0.3}), "0.25 to 4"),
        (json!({"section": "kitchen"}), "a section is"),
        (json!({"lesson": "../etc"}), "lesson id"),
        (json!({"block": -1}), "whole number"),
        (json!({"colour": "red"}), "no field \"colour\""),
        (json!(3), "takes an object"),
    ] {
        let e = t.lead_orders(&bad).expect_err("refused");
        assert!(e.contains(words), "{bad}: {e}");
    }
}
