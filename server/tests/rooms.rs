//! The class server's rooms as a state machine, driven in simulated time: pages join, are
//! linked, relayed, refused and cut off; the room's own tab hosts and takes posted
//! transactions. No sockets: inputs in, outputs out.

use pos_class::rooms::{
    HubKeys, Input, Output, Rooms, LINKS_PER_PAGE, MAX_LINKS_PER_PAGE, MAX_MEMBERS,
    MAX_MESSAGES_PER_SECOND, RELAY_AFTER_MS,
};
use pos_core::{Transaction, TxKind, Wallet};
use pos_playground::logic::class::{Path, ToPage, ToServer};
use pos_playground::logic::mesh::{Frame, Role};
use pos_playground::logic::model::{Founders, Ids};

const T0: u64 = 1_700_000_000_000;

fn exchange_wallet() -> Wallet {
    Wallet::from_seed([7; 32])
}

/// Keys the test knows, so it can sign as the exchange.
fn known_keys() -> HubKeys {
    let mut n = 0u8;
    Box::new(move || {
        n += 1;
        Some((
            Founders {
                genesis: Wallet::from_seed([n; 32]),
                exchange: exchange_wallet(),
            },
            Ids {
                tab: format!("hub{n}"),
                net_seed: u64::from(n),
            },
        ))
    })
}

/// The rooms and the simulated clock.
struct Class {
    rooms: Rooms,
    now: u64,
    next: u64,
}

/// What one page was sent, parsed.
fn to_page(out: &[Output], conn: u64) -> Vec<ToPage> {
    out.iter()
        .filter_map(|o| match o {
            Output::Send { conn: c, text } if *c == conn => {
                Some(ToPage::parse(text).expect("the server sends its own protocol"))
            }
            _ => None,
        })
        .collect()
}

fn closed(out: &[Output], conn: u64) -> bool {
    out.iter()
        .any(|o| matches!(o, Output::Close { conn: c, .. } if *c == conn))
}

fn refusal(out: &[Output], conn: u64) -> Option<String> {
    to_page(out, conn).into_iter().find_map(|m| match m {
        ToPage::Refused { reason } => Some(reason),
        _ => None,
    })
}

fn addr(n: u8) -> String {
    Wallet::from_seed([100 + n; 32]).address().to_hex()
}

impl Class {
    fn new() -> Class {
        Class {
            rooms: Rooms::new(known_keys(), "http://10.0.0.5:8080/".into()),
            now: T0,
            next: 1,
        }
    }

    fn input(&mut self, i: Input) -> Vec<Output> {
        self.rooms.handle(self.now, i)
    }

    fn say(&mut self, conn: u64, m: &ToServer) -> Vec<Output> {
        self.input(Input::Text {
            conn,
            text: m.to_text(),
        })
    }

    /// Opens a connection to `class` and joins as `tab`; returns the connection and what it
    /// was sent.
    fn join(&mut self, class: &str, tab: &str) -> (u64, Vec<Output>) {
        let conn = self.next;
        self.next += 1;
        let mut out = self.input(Input::Open {
            conn,
            class: class.into(),
        });
        out.extend(self.say(
            conn,
            &ToServer::Join {
                tab: tab.into(),
                addresses: vec![addr(conn as u8)],
            },
        ));
        (conn, out)
    }

    fn later(&mut self, ms: u64) -> Vec<Output> {
        self.now += ms;
        self.input(Input::Tick)
    }
}

#[test]
fn a_joining_page_is_welcomed_and_linked_to_a_few_others_and_the_class_stays_connected() {
    let mut c = Class::new();
    let (first, out) = c.join("room", "p0");
    match &to_page(&out, first)[..] {
        [ToPage::Welcome {
            class,
            server,
            address,
        }] => {
            assert_eq!(class, "room");
            assert_eq!(server, "hub1");
            assert_eq!(address, "http://10.0.0.5:8080/?net=room");
        }
        other => panic!("expected a welcome only, got {other:?}"),
    }
    for n in 1..20 {
        let tab = format!("p{n}");
        let (conn, out) = c.join("room", &tab);
        let links = to_page(&out, conn)
            .into_iter()
            .filter(|m| matches!(m, ToPage::Link { .. }))
            .count();
        // As many as it may have, unless the others are full up.
        assert!(
            (1..=n.min(LINKS_PER_PAGE)).contains(&links),
            "page {n} is asked for {links} links"
        );
        assert!(c.rooms.connected("room"));
    }
    let links = c.rooms.links("room");
    for n in 0..20 {
        let tab = format!("p{n}");
        let degree = links
            .iter()
            .filter(|(a, b, _)| *a == tab || *b == tab)
            .count();
        assert!(degree <= MAX_LINKS_PER_PAGE, "{tab} has {degree} links");
        assert!(degree >= 1, "{tab} has no link");
    }
    // Pages leave; those left with few links are relinked, and the class stays one network.
    for conn in [1, 2, 3, 5, 8, 13] {
        c.input(Input::Closed { conn });
        assert!(c.rooms.connected("room"), "after page {conn} left");
    }
    assert_eq!(c.rooms.members("room").len(), 14);
}

#[test]
fn the_roster_lists_the_server_every_page_and_those_who_left() {
    let mut c = Class::new();
    let (a, _) = c.join("room", "pa");
    let (_b, _) = c.join("room", "pb");
    c.input(Input::Closed { conn: 2 });
    let out = c.later(2_000);
    let roster = to_page(&out, a)
        .into_iter()
        .find_map(|m| match m {
            ToPage::Roster { members } => Some(members),
            _ => None,
        })
        .expect("a roster after the change");
    let server = roster.iter().find(|m| m.server).expect("the server");
    assert_eq!(server.path, Path::Server);
    assert_eq!(server.addresses.len(), 1);
    let me = roster.iter().find(|m| m.tab == "pa").expect("pa");
    assert!(me.online);
    assert_eq!(me.addresses, vec![addr(1)]);
    let gone = roster.iter().find(|m| m.tab == "pb").expect("pb");
    assert!(!gone.online);
}

#[test]
fn a_link_that_fails_or_never_opens_is_relayed_and_frames_then_go_through_the_server() {
    let mut c = Class::new();
    let (a, _) = c.join("room", "pa");
    let (b, _) = c.join("room", "pb");
    let (d, _) = c.join("room", "pd");
    // pb and pa: pb reports the link failed; both are told to relay.
    let out = c.say(
        b,
        &ToServer::Path {
            tab: "pa".into(),
            webrtc: false,
        },
    );
    assert!(to_page(&out, a).contains(&ToPage::Relay { tab: "pb".into() }));
    assert!(to_page(&out, b).contains(&ToPage::Relay { tab: "pa".into() }));
    // pd and pa: it opened.
    c.say(
        d,
        &ToServer::Path {
            tab: "pa".into(),
            webrtc: true,
        },
    );
    // pd and pb never reported: relayed after the wait.
    let out = c.later(RELAY_AFTER_MS + 1);
    assert!(to_page(&out, d).contains(&ToPage::Relay { tab: "pb".into() }));
    let links = c.rooms.links("room");
    assert!(links.contains(&("pa".into(), "pb".into(), "relay")));
    assert!(links.contains(&("pa".into(), "pd".into(), "webrtc")));
    assert!(links.contains(&("pb".into(), "pd".into(), "relay")));

    // A frame of pa reaches pb (relayed) and not pd (linked directly).
    let hello = Frame::Hello {
        tab: "pa".into(),
        role: Role::Member,
        genesis: None,
        height: 0,
    }
    .to_text();
    let out = c.say(
        a,
        &ToServer::Frame {
            to: None,
            text: hello.clone(),
        },
    );
    assert!(to_page(&out, b).contains(&ToPage::Frame {
        from: "pa".into(),
        text: hello.clone()
    }));
    assert!(!to_page(&out, d)
        .iter()
        .any(|m| matches!(m, ToPage::Frame { from, .. } if from == "pa")));
    // The room's tab heard the hello and answered with its presence: to pa alone (a class
    // of 60 saying hello every 2 s would otherwise get 60 answers each time).
    let heard = |conn| {
        to_page(&out, conn).iter().any(
            |m| matches!(m, ToPage::Frame { from, text } if from == "hub1" && text.contains("\"here\"")),
        )
    };
    assert!(heard(a));
    assert!(!heard(b) && !heard(d));
}

#[test]
fn signals_pass_only_between_pages_the_server_linked() {
    let mut c = Class::new();
    let (a, _) = c.join("room", "pa");
    let (b, _) = c.join("room", "pb");
    let text = "pos1:anything".to_string();
    let out = c.say(
        b,
        &ToServer::Signal {
            to: "pa".into(),
            text: text.clone(),
        },
    );
    assert_eq!(
        to_page(&out, a),
        vec![ToPage::Signal {
            from: "pb".into(),
            text
        }]
    );
    let out = c.say(
        b,
        &ToServer::Signal {
            to: "nobody".into(),
            text: "pos1:x".into(),
        },
    );
    assert!(out.is_empty());
}

#[test]
fn bad_pages_are_told_why_and_cut_off_and_the_others_carry_on() {
    // (what the bad page does, what the refusal says)
    type Act = fn(&mut Class, u64) -> Vec<Output>;
    let cases: Vec<(&str, Act, &str)> = vec![
        (
            "talks before joining",
            |c, conn| {
                c.say(
                    conn,
                    &ToServer::Nodes {
                        addresses: Vec::new(),
                    },
                )
            },
            "first message must be a join",
        ),
        (
            "sends junk text",
            |c, conn| {
                c.input(Input::Text {
                    conn,
                    text: "hello teacher".into(),
                })
            },
            "not a message",
        ),
        (
            "sends binary",
            |c, conn| c.input(Input::Junk { conn }),
            "longer than",
        ),
        (
            "takes a tab id in use",
            |c, conn| {
                c.say(
                    conn,
                    &ToServer::Join {
                        tab: "pa".into(),
                        addresses: Vec::new(),
                    },
                )
            },
            "same tab id",
        ),
        (
            "gives a bad tab id",
            |c, conn| {
                c.input(Input::Text {
                    conn,
                    text: "join\t../etc\t".into(),
                })
            },
            "letters and digits",
        ),
    ];
    for (what, act, words) in cases {
        let mut c = Class::new();
        let (a, _) = c.join("room", "pa");
        let conn = 99;
        c.input(Input::Open {
            conn,
            class: "room".into(),
        });
        let out = act(&mut c, conn);
        let reason = refusal(&out, conn).unwrap_or_else(|| panic!("{what}: no refusal"));
        assert!(reason.contains(words), "{what}: {reason}");
        assert!(closed(&out, conn), "{what}: not cut off");
        assert!(!closed(&out, a), "{what}: the good page was cut off");
        assert_eq!(
            c.rooms.members("room"),
            vec![(a, "pa".to_string())],
            "{what}"
        );
    }
}

#[test]
fn a_flooding_page_or_one_speaking_for_another_tab_is_cut_off() {
    let mut c = Class::new();
    let (a, _) = c.join("room", "pa");
    let (b, _) = c.join("room", "pb");
    let mut cut = None;
    for i in 0..(MAX_MESSAGES_PER_SECOND + 5) {
        let out = c.say(
            b,
            &ToServer::Nodes {
                addresses: vec![addr((i % 100) as u8)],
            },
        );
        if closed(&out, b) {
            cut = Some((i, refusal(&out, b)));
            break;
        }
    }
    let (i, reason) = cut.expect("the flood is cut off");
    // The join was its first message of the second.
    assert_eq!(i + 1, MAX_MESSAGES_PER_SECOND);
    assert!(reason.is_some_and(|r| r.contains("messages in one second")));
    assert_eq!(c.rooms.members("room"), vec![(a, "pa".to_string())]);

    let (d, _) = c.join("room", "pd");
    let forged = Frame::Bye { tab: "pa".into() }.to_text();
    let out = c.say(
        d,
        &ToServer::Frame {
            to: None,
            text: forged,
        },
    );
    assert!(refusal(&out, d).is_some_and(|r| r.contains("another tab's name")));
    assert!(closed(&out, d));
    // The room's tab still knows pa: the forged goodbye never reached it.
    assert_eq!(c.rooms.members("room"), vec![(a, "pa".to_string())]);
}

#[test]
fn classes_are_bounded_and_named_by_the_page_rule() {
    let mut c = Class::new();
    let out = c.input(Input::Open {
        conn: 1,
        class: "no spaces!".into(),
    });
    assert!(refusal(&out, 1).is_some_and(|r| r.contains("class name")));
    assert!(closed(&out, 1));
    for n in 0..MAX_MEMBERS {
        let (conn, out) = c.join("full", &format!("p{n}"));
        assert!(!closed(&out, conn));
    }
    let (conn, out) = c.join("full", "late");
    assert!(refusal(&out, conn).is_some_and(|r| r.contains("pages already")));
    assert_eq!(c.rooms.members("full").len(), MAX_MEMBERS);
}

#[test]
fn a_posted_transaction_is_checked_pooled_and_passed_on_and_a_bad_one_changes_nothing() {
    let mut c = Class::new();
    let (a, _) = c.join("room", "pa");
    c.later(100);
    let buyer = Wallet::from_seed([42; 32]).address();
    let good = Transaction::new_signed(&exchange_wallet(), TxKind::Exchange, buyer, 30, 0, c.now);
    let mut tampered = good.clone();
    tampered.amount = 3_000;
    let pool = |c: &Class| {
        c.rooms
            .room("room")
            .and_then(|r| r.hub().pool_view(0))
            .map(|v| serde_json::to_value(v).expect("json"))
            .expect("the hub's pool")
    };
    let before = pool(&c);
    for (body, words) in [
        ("not json".to_string(), "not a signed transaction"),
        (
            r#"{"kind":"TRANSFER"}"#.to_string(),
            "not a signed transaction",
        ),
        (
            serde_json::to_string(&tampered).expect("json"),
            "breaks a rule",
        ),
        ("x".repeat(5000), "longer than"),
    ] {
        let (r, out) = c.rooms.post_transaction("room", &body, c.now);
        let e = r.expect_err("refused");
        assert!(e.contains(words), "{e}");
        assert!(out.is_empty(), "nothing goes out for a refused post");
        assert_eq!(pool(&c), before);
    }
    let (r, _) = c.rooms.post_transaction("nowhere", "{}", c.now);
    assert!(r.is_err_and(|e| e.contains("no class")));

    // As the /transactionPool view shows transactions (type, names, id) it is taken too.
    let view = serde_json::json!({
        "id": good.id(), "type": "EXCHANGE", "sender": good.sender, "senderName": "x",
        "receiver": good.receiver, "receiverName": "y", "amount": good.amount,
        "nonce": good.nonce, "timestamp": good.timestamp, "signature": good.signature,
    });
    let (r, out) = c.rooms.post_transaction("room", &view.to_string(), c.now);
    assert_eq!(r, Ok(good.id().to_hex()));
    let after = pool(&c);
    assert!(after.to_string().contains(&good.id().to_hex()));
    // The room's tab passes it on to the pages at once.
    assert!(to_page(&out, a)
        .iter()
        .any(|m| matches!(m, ToPage::Frame { text, .. } if text.contains("transaction"))));
    // The same again is refused: it is pooled already.
    let (again, _) = c.rooms.post_transaction("room", &view.to_string(), c.now);
    assert!(again.is_err());
}
