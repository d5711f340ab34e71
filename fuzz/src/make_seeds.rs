//! Writes the seed corpora, fuzz/seeds/<target>/, from the real formats: messages that real
//! nodes broadcast in a `SimNet`, the fixture's blocks and transactions, the lottery vectors,
//! a tab's saved state and chain file from `persist.rs`, frames from `mesh.rs` and an
//! invitation and an answer from `link.rs`.
//!
//! Run from fuzz/: `cargo +nightly run --release --example make_seeds` (deterministic; the
//! output is committed).

use pos_core::message::{encode, Envelope, Message, PROTOCOL_VERSION};
use pos_core::sim::{Scenario, Simulation, SplitMix64};
use pos_core::Wallet;
use pos_fuzz::world;
use pos_playground::logic::link::{self, Answer, Invitation, Signal};
use pos_playground::logic::mesh::{Frame, Role};
use pos_playground::logic::model::{Founders, Ids, Playground, Request, FORGE_DELAY_MS, IN_TAB_LATENCY_MS};
use std::fs;
use std::path::Path;

const SDP_OFFER: &str = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=candidate:1 1 udp 2122260223 192.168.1.20 50000 typ host\r\na=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=fingerprint:sha-256 00:11:22:33\r\na=setup:actpass\r\na=mid:0\r\na=sctp-port:5000\r\n";

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = Path::new("seeds").join(target);
    fs::create_dir_all(&dir).expect("seeds dir");
    fs::write(dir.join(name), bytes).expect("write seed");
}

fn with_flags(base: u8, flags: u8, json: &str) -> Vec<u8> {
    let mut v = vec![base, flags];
    v.extend_from_slice(json.as_bytes());
    v
}

fn main() {
    let w = world();
    let _ = fs::remove_dir_all("seeds");

    // message_decode: what real nodes broadcast in a small simulated network, one of each kind
    // (the smallest), plus the fixture's chain and a purchase request.
    let mut sim = Simulation::new(Scenario::new(3, 4, 11));
    sim.net.open_to_outside();
    sim.run();
    let mut kinds: Vec<(String, Vec<u8>)> = Vec::new();
    for out in sim.net.take_outbound() {
        let Ok(env) = pos_core::message::decode(&out.bytes) else {
            continue;
        };
        let kind = serde_json::to_value(&env.body)
            .expect("json")
            .as_object()
            .and_then(|o| o.keys().next().cloned())
            .unwrap_or_default();
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, b)) if b.len() > out.bytes.len() => *b = out.bytes,
            Some(_) => {}
            None => kinds.push((kind, out.bytes)),
        }
    }
    let env = |body| {
        encode(&Envelope {
            v: PROTOCOL_VERSION,
            network: w.genesis.block().hash(),
            from: w.users[0].address(),
            body,
        })
    };
    kinds.push((
        "chain".into(),
        env(Message::Chain {
            genesis: w.genesis.clone(),
            blocks: w.main[..3].to_vec(),
        }),
    ));
    kinds.push((
        "buy".into(),
        env(Message::Buy(pos_core::message::BuyRequest::new_signed(
            &w.users[1],
            w.genesis.block().hash(),
            25,
            0,
        ))),
    ));
    kinds.push((
        "transaction".into(),
        env(Message::Transaction {
            tx: w.pending[0].clone(),
        }),
    ));
    kinds.push((
        "block".into(),
        env(Message::Block {
            block: w.main[2].clone(),
        }),
    ));
    kinds.push((
        "version2".into(),
        br#"{"v":2,"network":"00","from":"00","body":{}}"#.to_vec(),
    ));
    for (i, (kind, bytes)) in kinds.iter().enumerate() {
        write("message_decode", &format!("{i:02}-{kind}.json"), bytes);
    }

    // chain_apply: each real block after its parent (base = its parent's length), signed or to
    // be re-signed; and whole chains as candidates.
    for (fork, blocks) in [(0u8, &w.main), (0x80, &w.fork)] {
        for i in 1..blocks.len() {
            let json = serde_json::to_string(&blocks[i]).expect("json");
            let flags = if i % 2 == 0 { 1 } else { 4 | (1 << 3) };
            write(
                "chain_apply",
                &format!("block-{fork:02x}-{i}.json"),
                &with_flags(fork | (i as u8 - 1), flags, &json),
            );
        }
        let json = serde_json::to_string(&blocks[..]).expect("json");
        write(
            "chain_apply",
            &format!("candidate-{fork:02x}.json"),
            &with_flags(3, 2, &json),
        );
    }

    // pool_add: the pending transactions on the main chain, and the main chain's own on genesis.
    let pending = serde_json::to_string(&w.pending).expect("json");
    write(
        "pool_add",
        "pending-on-main.json",
        &with_flags(w.main.len() as u8 - 1, 0, &pending),
    );
    write(
        "pool_add",
        "pending-on-main-reorg.json",
        &with_flags(w.main.len() as u8 - 1, 6, &pending),
    );
    for (i, b) in w.main.iter().enumerate().skip(1) {
        let txs = serde_json::to_string(&b.transactions).expect("json");
        write(
            "pool_add",
            &format!("block{i}-on-parent.json"),
            &with_flags(i as u8 - 1, 1, &txs),
        );
    }

    // cli_lottery: the lottery vectors, as `pos lottery` reads them.
    let vectors: serde_json::Value = serde_json::from_str(
        &fs::read_to_string("../core/tests/lottery_vectors.json").expect("vectors"),
    )
    .expect("json");
    for (i, case) in vectors["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .enumerate()
        .take(12)
    {
        let input = serde_json::json!({ "stakers": case["stakers"], "seed": case["seed"] });
        write(
            "cli_lottery",
            &format!("vector-{i:02}.json"),
            input.to_string().as_bytes(),
        );
    }

    // persist_load: a tab's saved state and its chain files, from a playground that forged.
    const T0: u64 = 1_700_000_000_000;
    let settle = 3 * (IN_TAB_LATENCY_MS + 150) + FORGE_DELAY_MS + 500;
    let others = (2..4u8).map(|i| Wallet::from_seed([i; 32])).collect();
    let founders = |a: u8| Founders {
        genesis: Wallet::from_seed([a; 32]),
        exchange: Wallet::from_seed([a + 1; 32]),
    };
    let ids = |tab: &str, net_seed: u64| Ids {
        tab: tab.into(),
        net_seed,
    };
    let mut p = Playground::new(founders(20), ids("t0", 3), T0, others);
    p.submit(1, Request::Exchange(50)).expect("accepted");
    let _ = p.advance(T0 + settle);
    p.submit(1, Request::Stake(10)).expect("accepted");
    let _ = p.advance(T0 + 2 * settle);
    p.submit(1, Request::Stake(5)).expect("pooled");
    write("persist_load", "state.json", p.save_text(T0).as_bytes());
    write(
        "persist_load",
        "chain.json",
        p.export_chain(1, false, T0).expect("chain").as_bytes(),
    );
    write(
        "persist_load",
        "chain-keys.json",
        p.export_chain(0, true, T0).expect("chain").as_bytes(),
    );
    write(
        "persist_load",
        "other-version.json",
        br#"{"format":"pos-playground-state","version":1}"#,
    );

    // mesh_frame: presence frames a real tab sends, a Msg carrying a real message, a Bye.
    let genesis = p.genesis().clone();
    let mut tab = Playground::networked(
        "fuzz",
        founders(30),
        ids("t1", 5),
        T0,
        Wallet::from_seed([6; 32]),
        true,
    );
    let mut frames: Vec<String> = tab.take_outbox();
    let data = String::from_utf8(kinds[0].1.clone()).expect("utf8");
    frames.push(
        Frame::Here {
            tab: "t2".into(),
            role: Role::Host,
            genesis: Some(genesis.clone()),
            height: 2,
        }
        .to_text(),
    );
    frames.push(
        Frame::Hello {
            tab: "t3".into(),
            role: Role::Discovering,
            genesis: None,
            height: 0,
        }
        .to_text(),
    );
    frames.push(
        Frame::Msg {
            tab: "t2".into(),
            node: "n0".into(),
            to: None,
            data: data.clone(),
        }
        .to_text(),
    );
    frames.push(
        Frame::Msg {
            tab: "t2".into(),
            node: "n1".into(),
            to: Some("me/n0".into()),
            data,
        }
        .to_text(),
    );
    frames.push(Frame::Bye { tab: "t2".into() }.to_text());
    for (i, f) in frames.iter().enumerate() {
        write("mesh_frame", &format!("frame-{i:02}.json"), f.as_bytes());
    }
    write(
        "mesh_frame",
        "join-then-talk.txt",
        frames[1..].join("\n").as_bytes(),
    );

    // link_signal: an invitation and an answer as link.rs writes them.
    let invite = link::encode(&Signal::Invite(Invitation {
        link: "l1".into(),
        tab: "t1".into(),
        name: "class".into(),
        genesis,
        sdp: SDP_OFFER.into(),
    }));
    let answer = link::encode(&Signal::Answer(Answer {
        link: "l1".into(),
        to: "t1".into(),
        tab: "t2".into(),
        sdp: SDP_OFFER.replace("actpass", "active"),
    }));
    write("link_signal", "invitation.txt", invite.as_bytes());
    write("link_signal", "answer.txt", answer.as_bytes());
    write(
        "link_signal",
        "pasted.txt",
        format!("  \"{}\"\n", &invite).as_bytes(),
    );
    write(
        "link_signal",
        "stun.txt",
        b"stun:stun.example.org:3478,stuns:[::1]:5349,bad host",
    );
    write("link_signal", "frame.txt", frames[4].as_bytes());

    // link_reassembly: a frame in pieces (small pieces: the reassembler takes any size up to a
    // chunk), garbage between, and a whole frame.
    let f = &frames[3];
    let (a, b) = f.split_at(f.len() / 2);
    write(
        "link_reassembly",
        "two-pieces.txt",
        format!("#0/2:{a}\n#1/2:{b}").as_bytes(),
    );
    write(
        "link_reassembly",
        "garbage-then-pieces.txt",
        format!("#1/2:x\n#0/3:{a}\n#1/3:{b}\n#2/3:").as_bytes(),
    );
    write("link_reassembly", "whole.txt", f.as_bytes());

    // node_stateful: arbitrary bytes (the target reads them with `arbitrary`).
    let mut rng = SplitMix64::new(42);
    for i in 0..12 {
        let len = 64 << (i % 5);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        write("node_stateful", &format!("random-{i:02}.bin"), &bytes);
    }
}
