//! The class server's rooms as a state machine, driven in simulated time: pages join, are
//! linked, relayed, refused and cut off; the room's own tab hosts and takes posted
//! transactions. No sockets: inputs in, outputs out.

use pos_class::rooms::{
    HubKeys, Input, Output, Rooms, LINKS_PER_PAGE, MAX_LEADS_PER_SECOND, MAX_LEAD_REFUSALS,
    MAX_LINKS_PER_PAGE, MAX_MEMBERS, MAX_MESSAGES_PER_SECOND, PAUSE_HOLD_MS, RELAY_AFTER_MS,
};
use pos_core::{Transaction, TxKind, Wallet};
use pos_playground::logic::class::{Lead, Order, Path, Place, ToPage, ToServer};
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
        }, ToPage::Lead(lead)] => {
            // The class clock is the wall clock until the teacher changes its speed.
            assert_eq!(
                *lead,
                Lead {
                    clock: T0,
                    ..Lead::default()
                }
            );
            assert_eq!(class, "room");
            assert_eq!(server, "hub1");
            assert_eq!(address, "http://10.0.0.5:8080/?net=room");
        }
        other => panic!("expected a welcome and the lead only, got {other:?}"),
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

// The teacher leads: lead messages, the class clock, refusals.

const TOKEN: &str = "00112233445566778899aabbccddeeff";

fn leads(out: &[Output], conn: u64) -> Vec<Lead> {
    to_page(out, conn)
        .into_iter()
        .filter_map(|m| match m {
            ToPage::Lead(l) => Some(l),
            _ => None,
        })
        .collect()
}

fn not_leading(out: &[Output], conn: u64) -> Option<String> {
    to_page(out, conn).into_iter().find_map(|m| match m {
        ToPage::NotLeading { reason } => Some(reason),
        _ => None,
    })
}

fn teach(token: &str, order: Order) -> ToServer {
    ToServer::Teach {
        token: token.into(),
        order,
    }
}

fn lots_step_3() -> Place {
    Place {
        follow: true,
        lesson: Some("lots".into()),
        step: 3,
        section: Some("lottery".into()),
        block: Some(2),
    }
}

impl Class {
    fn with_teacher() -> Class {
        let mut c = Class::new();
        c.rooms.set_teacher_token(TOKEN);
        c
    }

    fn lead(&self) -> Lead {
        self.rooms.room("room").expect("the room").lead().clone()
    }

    fn height(&self) -> u64 {
        let hub = self.rooms.room("room").expect("the room").hub();
        hub.summary(0).expect("the hub's node").height
    }

    fn pooled(&self) -> usize {
        let hub = self.rooms.room("room").expect("the room").hub();
        hub.summary(0).expect("the hub's node").pool
    }

    /// The exchange sells 5 tokens (its `nonce`th sale), posted to the room's tab.
    fn buy(&mut self, nonce: u64) {
        let buyer = Wallet::from_seed([42; 32]).address();
        let tx = Transaction::new_signed(
            &exchange_wallet(),
            TxKind::Exchange,
            buyer,
            5,
            nonce,
            self.now,
        );
        let body = serde_json::to_string(&tx).expect("json");
        let (r, _) = self.rooms.post_transaction("room", &body, self.now);
        r.expect("a good sale is taken");
    }

    /// Ticks every 100 ms for `ms`; everything sent meanwhile.
    fn run(&mut self, ms: u64) -> Vec<Output> {
        let mut out = Vec::new();
        for _ in 0..ms / 100 {
            out.extend(self.later(100));
        }
        out
    }
}

#[test]
fn the_teachers_page_leads_and_every_page_new_or_back_gets_the_lead_at_once() {
    let mut c = Class::with_teacher();
    let (t, _) = c.join("room", "teach");
    let (s1, out) = c.join("room", "s1");
    // A page gets the lead right after its welcome.
    assert_eq!(
        leads(&out, s1),
        vec![Lead {
            clock: c.now,
            ..Lead::default()
        }]
    );
    let (s2, _) = c.join("room", "s2");
    let out = c.say(t, &teach(TOKEN, Order::Place(lots_step_3())));
    for conn in [t, s1, s2] {
        let got = leads(&out, conn);
        assert_eq!(got.len(), 1, "page {conn}");
        assert_eq!(got[0].place, lots_step_3());
        assert_eq!(got[0].teacher.as_deref(), Some("teach"));
    }
    // The same place again changes nothing and sends nothing.
    let out = c.say(t, &teach(TOKEN, Order::Place(lots_step_3())));
    assert!(leads(&out, s1).is_empty());
    // A page that reconnects (or joins late) follows the present at once.
    c.input(Input::Closed { conn: s2 });
    let (back, out) = c.join("room", "s2");
    assert_eq!(leads(&out, back)[0].place, lots_step_3());
    // Followers say whether they follow; the roster tells the teacher.
    c.say(s1, &ToServer::Status { following: false });
    c.say(back, &ToServer::Status { following: true });
    let out = c.later(2_000);
    let roster = to_page(&out, t)
        .into_iter()
        .find_map(|m| match m {
            ToPage::Roster { members } => Some(members),
            _ => None,
        })
        .expect("a roster");
    let following = |tab: &str| {
        roster
            .iter()
            .find(|m| m.tab == tab)
            .and_then(|m| m.following)
    };
    assert_eq!(following("s1"), Some(false));
    assert_eq!(following("s2"), Some(true));
    assert_eq!(following("teach"), None);
    // Call everyone back: Follow me, and a new call-back count the explorers follow.
    let out = c.say(t, &teach(TOKEN, Order::CallBack));
    let l = &leads(&out, s1)[0];
    assert!(l.place.follow);
    assert_eq!(l.call_back, 1);
}

#[test]
fn lead_messages_without_the_token_are_refused_counted_change_nothing_and_cut_off_at_last() {
    let mut c = Class::with_teacher();
    let (t, _) = c.join("room", "teach");
    c.say(t, &teach(TOKEN, Order::Place(lots_step_3())));
    let lead = c.lead();
    // (what the page sends, what the refusal says)
    let cases: [(ToServer, &str); 5] = [
        (teach("", Order::Pause), "only the teacher's page leads"),
        (
            teach("guess", Order::Pause),
            "not this server's teacher token",
        ),
        (
            teach("00112233445566778899aabbccddeefe", Order::Resume),
            "not this server's teacher token",
        ),
        (
            teach(&TOKEN[..31], Order::Place(Place::default())),
            "not this server's teacher token",
        ),
        // A second teacher tab: the first, still open, keeps the lead.
        (teach(TOKEN, Order::Speed(16)), "tab teach leads"),
    ];
    let (s, _) = c.join("room", "s1");
    let mut refused = 0;
    for (i, (m, words)) in cases.iter().enumerate() {
        let out = c.say(s, m);
        refused += 1;
        let reason = not_leading(&out, s).unwrap_or_else(|| panic!("case {i}: not refused"));
        assert!(reason.contains(words), "case {i}: {reason}");
        assert!(leads(&out, s).is_empty(), "case {i}: a lead went out");
        // The teacher sees the count.
        assert_eq!(leads(&out, t)[0].refused, refused, "case {i}");
        let now = c.lead();
        assert_eq!(
            (now.place, now.paused, now.speed),
            (lead.place.clone(), lead.paused, lead.speed)
        );
        if i + 1 == MAX_LEAD_REFUSALS as usize {
            assert!(
                closed(&out, s),
                "cut off after {MAX_LEAD_REFUSALS} refusals"
            );
            assert!(refusal(&out, s).is_some_and(|r| r.contains("lead messages refused")));
        } else {
            assert!(!closed(&out, s), "case {i}: cut off too early");
        }
    }
    assert_eq!(c.rooms.members("room").len(), 1);
    // Once the first teacher tab closes, the second one may lead.
    c.input(Input::Closed { conn: t });
    let (t2, _) = c.join("room", "teach2");
    let out = c.say(t2, &teach(TOKEN, Order::Speed(2)));
    assert!(not_leading(&out, t2).is_none());
    assert_eq!(c.lead().speed, 2);
    assert_eq!(c.lead().teacher.as_deref(), Some("teach2"));
    // A server started without a teacher's address takes no lead at all.
    let mut plain = Class::new();
    let (p, _) = plain.join("room", "p");
    let out = plain.say(p, &teach(TOKEN, Order::Pause));
    assert!(not_leading(&out, p).is_some_and(|r| r.contains("no teacher's address")));
}

#[test]
fn the_speed_slows_the_class_clock_on_the_server_and_every_page_counts_on_from_it() {
    let mut c = Class::with_teacher();
    let (t, _) = c.join("room", "teach");
    let (s, _) = c.join("room", "s1");
    c.run(2_000);
    let start = c.now;
    // ×0.25: the server's own tab runs on a clock four times as slow, from where it was.
    let out = c.say(t, &teach(TOKEN, Order::Speed(1)));
    let l = &leads(&out, s)[0];
    assert_eq!((l.speed, l.clock), (1, start));
    c.run(16_000);
    let hub = c.rooms.room("room").expect("room").hub();
    assert_eq!(hub.chain_time(c.now), start + 4_000, "one slot in 16 s");
    // A page that joins later hears where the class clock is, not the wall clock.
    let (late, out) = c.join("room", "late");
    let l = &leads(&out, late)[0];
    assert_eq!((l.speed, l.clock), (1, start + 4_000));
    // ×4 from there: no jump.
    let out = c.say(t, &teach(TOKEN, Order::Speed(16)));
    assert_eq!(leads(&out, s)[0].clock, start + 4_000);
    c.run(1_000);
    let hub = c.rooms.room("room").expect("room").hub();
    assert_eq!(hub.chain_time(c.now), start + 8_000);
}

#[test]
fn the_token_is_never_sent_to_any_page() {
    let mut c = Class::with_teacher();
    let (t, mut all) = c.join("room", "teach");
    let (s, out) = c.join("room", "s1");
    all.extend(out);
    all.extend(c.say(t, &teach(TOKEN, Order::Place(lots_step_3()))));
    all.extend(c.say(t, &teach(TOKEN, Order::Pause)));
    all.extend(c.say(s, &teach("nope", Order::Resume)));
    all.extend(c.say(t, &teach(TOKEN, Order::Step)));
    all.extend(c.run(3_000));
    for o in &all {
        let text = match o {
            Output::Send { text, .. } => text,
            Output::Close { reason, .. } => reason,
        };
        assert!(!text.contains(TOKEN), "the token went out: {text}");
    }
    assert!(c
        .rooms
        .teacher_address("room", TOKEN)
        .ends_with("?net=room&teacher=00112233445566778899aabbccddeeff"));
}

#[test]
fn lead_messages_are_rate_limited_like_the_others() {
    let mut c = Class::with_teacher();
    let (t, _) = c.join("room", "teach");
    let mut cut = None;
    for i in 0..MAX_LEADS_PER_SECOND + 5 {
        let place = Place {
            block: Some(u64::from(i)),
            ..Place::default()
        };
        let out = c.say(t, &teach(TOKEN, Order::Place(place)));
        if closed(&out, t) {
            cut = Some((i, refusal(&out, t)));
            break;
        }
    }
    let (i, reason) = cut.expect("the lead flood is cut off");
    assert_eq!(i, MAX_LEADS_PER_SECOND);
    assert!(reason.is_some_and(|r| r.contains("lead messages in one second")));
}

#[test]
fn the_class_clock_pauses_every_forger_steps_exactly_one_block_and_resumes() {
    let mut c = Class::with_teacher();
    let (t, _) = c.join("room", "teach");
    let (s, _) = c.join("room", "s1");
    c.run(500);
    // Running: a sale is forged into a block.
    c.buy(0);
    c.run(3_000);
    assert_eq!(c.height(), 1, "the room's tab forges while the clock runs");
    // Paused: sales still pool, nobody forges, however long.
    let out = c.say(t, &teach(TOKEN, Order::Pause));
    let l = &leads(&out, s)[0];
    assert!(l.paused);
    assert_eq!(l.forge_up_to, Some(1));
    c.buy(1);
    c.run(15_000);
    assert_eq!(c.height(), 1, "nothing forged while paused");
    assert_eq!(c.pooled(), 1, "the sale waits in the pool");
    // Step: exactly one block, then paused again.
    let out = c.say(t, &teach(TOKEN, Order::Step));
    assert_eq!(leads(&out, s)[0].forge_up_to, Some(2));
    c.run(3_000);
    assert_eq!(c.height(), 2, "one step, one block");
    c.buy(2);
    c.run(15_000);
    assert_eq!(c.height(), 2, "still paused after the step");
    assert_eq!(c.pooled(), 1);
    // Resume: blocks again.
    let out = c.say(t, &teach(TOKEN, Order::Resume));
    assert!(!leads(&out, s)[0].paused);
    c.run(3_000);
    assert_eq!(c.height(), 3);
    // A step while running is refused in words (not counted against the teacher).
    let out = c.say(t, &teach(TOKEN, Order::Step));
    assert!(not_leading(&out, t).is_some_and(|r| r.contains("while the class clock is paused")));
    assert_eq!(c.lead().refused, 0);
    // Speed: ×0.25 makes the winner wait four times as long (4.8 s instead of 1.2 s).
    c.say(t, &teach(TOKEN, Order::Speed(1)));
    c.buy(3);
    c.run(3_000);
    assert_eq!(c.height(), 3, "at ×0.25 the winner still waits");
    c.run(3_000);
    assert_eq!(c.height(), 4);
}

#[test]
fn a_pause_held_by_a_teacher_who_left_ends_after_the_bound_unless_it_comes_back() {
    let mut c = Class::with_teacher();
    let (t, _) = c.join("room", "teach");
    let (s, _) = c.join("room", "s1");
    c.say(t, &teach(TOKEN, Order::Pause));
    // The teacher reloads: back within the bound, the pause holds.
    let out = c.input(Input::Closed { conn: t });
    assert_eq!(leads(&out, s)[0].teacher, None);
    assert!(leads(&out, s)[0].paused);
    c.run(PAUSE_HOLD_MS - 10_000);
    let (t, _) = c.join("room", "teach");
    c.say(t, &teach(TOKEN, Order::Place(Place::default())));
    c.run(PAUSE_HOLD_MS);
    assert!(c.lead().paused, "the teacher came back: still paused");
    // The teacher leaves for good: after the bound the class runs again.
    c.input(Input::Closed { conn: t });
    let out = c.run(PAUSE_HOLD_MS - 1_000);
    assert!(leads(&out, s).is_empty());
    assert!(c.lead().paused);
    let out = c.run(2_000);
    let l = &leads(&out, s)[0];
    assert!(!l.paused);
    assert_eq!(l.forge_up_to, None);
}
