//! One `Node`, several peers, any sequence of inputs: raw bytes, well-formed messages built
//! from the fixture's real signed transactions and blocks (some with fuzzed fields, some signed
//! anew with fuzzed content, some forged on the node's own tip), time passing, local actions,
//! "forge now", lost links, adversary behaviours and deferred draws. After every step:
//!
//! - the node's chain is valid from genesis (rebuilt with `Chain::apply`, same tip and state);
//! - its pool applies, in order, on the tip, and gives the pool's pending state;
//! - its collections stay within their documented bounds (`MAX_HELD_BLOCKS`, `MAX_EVIDENCE`,
//!   `MAX_REQUESTED_DRAWS`, `MAX_SIDE_BLOCKS`, the pool's capacity, one peer per link used);
//! - an input the node refused changed nothing it shows: bytes that are not a message of this
//!   network leave tip, height, pool, tree and peers alone (and make it send nothing); a
//!   refused transaction, block or chain leaves tip, height, pool and tree alone.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use pos_core::chain::{compute_draw, SLOT_MS};
use pos_core::message::{encode, BuyRequest, Envelope, Message, PROTOCOL_VERSION};
use pos_core::node::{MessageError, MAX_EVIDENCE, MAX_HELD_BLOCKS, MAX_REQUESTED_DRAWS};
use pos_core::tree::MAX_SIDE_BLOCKS;
use pos_core::{
    Action, Behaviour, Block, Chain, ChainError, Event, Hash, Input, Node, NodeConfig, Output,
    PeerId, Transaction, TxKind,
};
use pos_fuzz::{assert_pool_valid, assert_valid_from_genesis, resign_block, world, GENESIS_TIME};

const PEERS: u8 = 4;
const POOL_CAPACITY: usize = 16;

#[derive(Debug, Arbitrary)]
enum TxEdit {
    None,
    Amount(u64),
    Nonce(u64),
    Kind(u8),
    FlipSignature(u8),
    Receiver(u8),
}

#[derive(Debug, Arbitrary)]
enum BlockEdit {
    None,
    Height(i8),
    Timestamp(i32),
    Forger(u8),
    PrevHash(u8),
    DropTx(u8),
    DuplicateTx(u8),
    FlipSignature(u8),
    Tx(u8, TxEdit),
}

#[derive(Debug, Arbitrary)]
enum Envelope_ {
    Right,
    OtherNetwork,
    Version(u16),
    From(u8),
}

#[derive(Debug, Arbitrary)]
enum Body {
    /// Bytes as they are, not even an envelope.
    Raw(Vec<u8>),
    /// A status with a height and a tip from the fixture's chains (or made up).
    Status { height: u64, tip: u8 },
    /// One of the fixture's transactions (in its chains or pending), edited.
    Tx { index: u8, edit: TxEdit },
    /// A transaction with fuzzed fields, signed by the fixture's key of its sender.
    SignedTx {
        sender: u8,
        kind: u8,
        receiver: u8,
        amount: u16,
        nonce: u8,
        timestamp: u32,
    },
    /// A block of the fixture's chains, edited (`resign`: signed again by its forger's key).
    Block {
        fork: bool,
        index: u8,
        edit: BlockEdit,
        resign: bool,
    },
    /// A block forged on the node's own tip by the staker of `rank`, with its pool's first
    /// transactions, in the slot of its rank or `late_ms` later.
    OnTip {
        rank: u8,
        late_ms: u16,
        txs: u8,
        edit: BlockEdit,
        resign: bool,
    },
    /// A chain request; its locator is one block of the fixture's chains (picked by `height`,
    /// so that the inputs found before locators existed still decode the same) and genesis.
    ChainRequest { height: u64 },
    /// A fixture chain's first `len` blocks, one of them edited.
    Chain {
        fork: bool,
        len: u8,
        at: u8,
        edit: BlockEdit,
        resign: bool,
    },
    /// The node's own chain and a block forged on it (a peer one block ahead).
    Ahead { rank: u8 },
    /// A purchase request, signed by its buyer or by someone else.
    Buy {
        buyer: u8,
        signer: u8,
        amount: u64,
        request: u64,
    },
}

#[derive(Debug, Arbitrary)]
enum Op {
    Deliver {
        peer: u8,
        envelope: Envelope_,
        body: Body,
    },
    Tick {
        ms: u16,
    },
    Submit {
        kind: u8,
        to: u8,
        amount: u16,
    },
    ForgeNow,
    Disconnected {
        peer: u8,
    },
    SetBehaviour(u8),
    /// Answer the node's `n`-th outstanding draw request (correctly: the driver is trusted).
    AnswerDraw {
        n: u8,
    },
}

#[derive(Debug, Arbitrary)]
struct Script {
    host: bool,
    defer: bool,
    ops: Vec<Op>,
}

fn all_txs() -> Vec<Transaction> {
    let w = world();
    let mut t: Vec<Transaction> = w
        .main
        .iter()
        .chain(&w.fork)
        .flat_map(|b| b.transactions.clone())
        .collect();
    t.extend(w.pending.iter().cloned());
    t
}

fn kind(k: u8) -> TxKind {
    [TxKind::Exchange, TxKind::Transfer, TxKind::Stake][k as usize % 3]
}

fn edit_tx(tx: &mut Transaction, edit: &TxEdit) {
    match edit {
        TxEdit::None => {}
        TxEdit::Amount(a) => tx.amount = *a,
        TxEdit::Nonce(n) => tx.nonce = *n,
        TxEdit::Kind(k) => tx.kind = kind(*k),
        TxEdit::FlipSignature(i) => tx.signature.0[*i as usize % 64] ^= 1,
        TxEdit::Receiver(r) => tx.receiver = world().wallet(*r).address(),
    }
}

fn edit_block(b: &mut Block, edit: &BlockEdit) {
    match edit {
        BlockEdit::None => {}
        BlockEdit::Height(d) => b.height = b.height.wrapping_add_signed(i64::from(*d)),
        BlockEdit::Timestamp(d) => b.timestamp = b.timestamp.wrapping_add_signed(i64::from(*d)),
        BlockEdit::Forger(f) => b.forger = world().wallet(*f).address(),
        BlockEdit::PrevHash(i) => b.prev_hash.0[*i as usize % 32] ^= 1,
        BlockEdit::DropTx(i) if !b.transactions.is_empty() => {
            let i = *i as usize % b.transactions.len();
            b.transactions.remove(i);
        }
        BlockEdit::DuplicateTx(i) if !b.transactions.is_empty() => {
            let t = b.transactions[*i as usize % b.transactions.len()].clone();
            b.transactions.push(t);
        }
        BlockEdit::FlipSignature(i) => b.signature.0[*i as usize % 64] ^= 1,
        BlockEdit::Tx(i, e) if !b.transactions.is_empty() => {
            let n = b.transactions.len();
            edit_tx(&mut b.transactions[*i as usize % n], e);
        }
        _ => {}
    }
}

fn finish(mut b: Block, edit: &BlockEdit, resign: bool) -> Block {
    edit_block(&mut b, edit);
    if resign {
        resign_block(&mut b);
    }
    b
}

fn on_tip(node: &Node, rank: u8, late_ms: u16, txs: u8) -> Option<Block> {
    let chain = node.chain();
    let txs = node.pool().take(txs as usize % 4);
    pos_fuzz::forge_next(world(), chain, u64::from(rank % 3), u64::from(late_ms), txs)
}

fn body(node: &Node, b: &Body) -> Result<Message, Vec<u8>> {
    let w = world();
    let pick = |fork: bool| if fork { &w.fork } else { &w.main };
    Ok(match b {
        Body::Raw(bytes) => return Err(bytes.clone()),
        Body::Status { height, tip } => {
            let tips: Vec<Hash> = w.main.iter().chain(&w.fork).map(Block::hash).collect();
            let tip = tips.get(*tip as usize).copied().unwrap_or(Hash([*tip; 32]));
            Message::Status {
                height: *height,
                tip,
            }
        }
        Body::Tx { index, edit } => {
            let txs = all_txs();
            let mut tx = txs[*index as usize % txs.len()].clone();
            edit_tx(&mut tx, edit);
            Message::Transaction { tx }
        }
        Body::SignedTx {
            sender,
            kind: k,
            receiver,
            amount,
            nonce,
            timestamp,
        } => {
            let s = w.wallet(*sender);
            let receiver = if kind(*k) == TxKind::Stake {
                s.address()
            } else {
                w.wallet(*receiver).address()
            };
            let tx = Transaction::new_signed(
                s,
                kind(*k),
                receiver,
                u64::from(*amount),
                u64::from(*nonce),
                GENESIS_TIME + u64::from(*timestamp),
            );
            Message::Transaction { tx }
        }
        Body::Block {
            fork,
            index,
            edit,
            resign,
        } => {
            let blocks = pick(*fork);
            let block = blocks[*index as usize % blocks.len()].clone();
            Message::Block {
                block: finish(block, edit, *resign),
            }
        }
        Body::OnTip {
            rank,
            late_ms,
            txs,
            edit,
            resign,
        } => {
            let Some(block) = on_tip(node, *rank, *late_ms, *txs) else {
                return Err(b"{}".to_vec());
            };
            Message::Block {
                block: finish(block, edit, *resign),
            }
        }
        Body::ChainRequest { height } => {
            let known: Vec<&Block> = w.main.iter().chain(&w.fork).collect();
            let at = known[(*height % known.len() as u64) as usize];
            Message::ChainRequest {
                height: *height,
                locator: vec![at.hash(), w.main[0].hash()],
            }
        }
        Body::Chain {
            fork,
            len,
            at,
            edit,
            resign,
        } => {
            let source = pick(*fork);
            let mut blocks = source[..1 + *len as usize % source.len()].to_vec();
            let i = *at as usize % blocks.len();
            blocks[i] = finish(blocks[i].clone(), edit, *resign);
            Message::Chain {
                genesis: w.genesis.clone(),
                blocks,
            }
        }
        Body::Ahead { rank } => {
            let mut blocks: Vec<Block> = node.chain().blocks().cloned().collect();
            if let Some(b) = on_tip(node, *rank, 0, 0) {
                blocks.push(b);
            }
            Message::Chain {
                genesis: w.genesis.clone(),
                blocks,
            }
        }
        Body::Buy {
            buyer,
            signer,
            amount,
            request,
        } => {
            let mut r = BuyRequest::new_signed(
                w.wallet(*buyer),
                w.genesis.block().hash(),
                *amount,
                *request,
            );
            if signer != buyer {
                r.signature = w
                    .wallet(*signer)
                    .sign(&r.signing_bytes(w.genesis.block().hash()));
            }
            Message::Buy(r)
        }
    })
}

fn bytes(node: &Node, envelope: &Envelope_, b: &Body) -> Vec<u8> {
    let w = world();
    let body = match body(node, b) {
        Ok(m) => m,
        Err(raw) => return raw,
    };
    let mut env = Envelope {
        v: PROTOCOL_VERSION,
        network: node.chain().network_id(),
        from: w.users[0].address(),
        body,
    };
    match envelope {
        Envelope_::Right => {}
        Envelope_::OtherNetwork => env.network = w.other_genesis.block().hash(),
        Envelope_::Version(v) => env.v = *v,
        Envelope_::From(f) => env.from = w.wallet(*f).address(),
    }
    encode(&env)
}

/// What a refused input must not change.
#[derive(Debug, PartialEq, Eq)]
struct Seen {
    tip: Hash,
    height: u64,
    pool: Vec<Hash>,
    side: usize,
    peers: Vec<(PeerId, pos_core::Address, u64, u64)>,
}

fn seen(node: &Node) -> Seen {
    Seen {
        tip: node.chain().tip_hash(),
        height: node.chain().height(),
        pool: node.pool().transactions().map(Transaction::id).collect(),
        side: node.tree().side_len(),
        peers: node
            .peers()
            .iter()
            .map(|(p, i)| (p.clone(), i.address, i.height, i.last_seen))
            .collect(),
    }
}

fn check(node: &Node, last_valid: &mut Hash) {
    let chain = node.chain();
    // The chain is immutable behind its tip hash: validate it again whenever the tip moved.
    if chain.tip_hash() != *last_valid {
        assert_valid_from_genesis(chain);
        *last_valid = chain.tip_hash();
    }
    assert_pool_valid(chain, node.pool().transactions(), node.pool().pending());
    assert!(node.pool().len() <= POOL_CAPACITY, "pool over capacity");
    assert!(
        node.held_blocks() <= MAX_HELD_BLOCKS,
        "held blocks over bound"
    );
    assert!(node.evidence().len() <= MAX_EVIDENCE, "evidence over bound");
    assert!(
        node.requested_draws().count() <= MAX_REQUESTED_DRAWS,
        "draw requests over bound"
    );
    assert!(
        node.tree().side_len() <= MAX_SIDE_BLOCKS,
        "side blocks over bound"
    );
    assert!(
        node.peers().len() <= PEERS as usize,
        "a peer the node never heard from"
    );
    assert!(node.tree().is_canonical(&chain.tip_hash()));
}

fn events(out: &[Output]) -> impl Iterator<Item = &Event> {
    out.iter().filter_map(|o| match o {
        Output::Event(e) => Some(e),
        _ => None,
    })
}

fuzz_target!(|script: Script| {
    let w = world();
    if std::env::var_os("POS_FUZZ_TRACE").is_some() {
        eprintln!("{script:#?}");
    }
    let (wallet, exchange) = if script.host {
        (w.genesis_key.clone(), Some(w.exchange.clone()))
    } else {
        (w.users[0].clone(), None)
    };
    let config = NodeConfig {
        forge_delay_ms: 0,
        pool_capacity: POOL_CAPACITY,
        max_buy: 50,
        // Every draw left to the driver (this target), or none.
        defer_draws_from: script.defer.then_some(1),
        ..NodeConfig::default()
    };
    let mut node = Node::new(wallet, exchange, Chain::new(w.genesis.clone()), config);
    let mut now = GENESIS_TIME + 100;
    let mut last_valid = Hash([0; 32]);
    check(&node, &mut last_valid);
    for op in script.ops.iter().take(48) {
        let before = seen(&node);
        let out = match op {
            Op::Deliver {
                peer,
                envelope,
                body,
            } => {
                let from = PeerId(format!("p{}", peer % PEERS));
                let bytes = bytes(&node, envelope, body);
                node.handle(now, Input::Receive { from, bytes })
            }
            Op::Tick { ms } => {
                now += u64::from(*ms) % (3 * SLOT_MS);
                node.handle(now, Input::Tick)
            }
            Op::Submit {
                kind: k,
                to,
                amount,
            } => {
                let amount = u64::from(*amount % 200);
                let action = match k % 3 {
                    0 => Action::Exchange { amount },
                    1 => Action::Transfer {
                        to: w.wallet(*to).address(),
                        amount,
                    },
                    _ => Action::Stake { amount },
                };
                node.handle(now, Input::Submit(action))
            }
            Op::ForgeNow => node.handle(now, Input::ForgeNow),
            Op::Disconnected { peer } => {
                let peer = PeerId(format!("p{}", peer % PEERS));
                node.handle(now, Input::Disconnected { peer })
            }
            Op::SetBehaviour(b) => {
                let b = Behaviour::ALL[*b as usize % Behaviour::ALL.len()];
                node.handle(now, Input::SetBehaviour(b))
            }
            Op::AnswerDraw { n } => {
                let asked: Vec<_> = node.requested_draws().cloned().collect();
                if asked.is_empty() {
                    continue;
                }
                let d = asked[*n as usize % asked.len()].clone();
                let ranking = compute_draw(&d.stakers, &d.seed);
                node.handle(
                    now,
                    Input::DrawDone {
                        seed: d.seed,
                        stakers: d.stakers,
                        ranking,
                    },
                )
            }
        };
        if std::env::var_os("POS_FUZZ_TRACE").is_some() {
            eprintln!("{op:?} ->");
            for o in &out {
                match o {
                    Output::Broadcast(b) | Output::Send { bytes: b, .. } => {
                        eprintln!("  send {}", String::from_utf8_lossy(&b[..b.len().min(300)]))
                    }
                    o => eprintln!("  {o:?}"),
                }
            }
            eprintln!(
                "  height {} pool {}",
                node.chain().height(),
                node.pool().len()
            );
        }
        assert!(
            matches!(out.last(), Some(Output::WakeAt(_))),
            "handle ends with WakeAt"
        );
        let changed = events(&out).any(|e| {
            !matches!(
                e,
                Event::MessageRejected { .. }
                    | Event::TxRejected { .. }
                    | Event::BlockRejected { .. }
                    | Event::ChainRejected { .. }
                    | Event::PeerSeen { .. }
            )
        });
        // Not a message of this network: refused before the node looks at the sender.
        let refused_bytes = events(&out).any(|e| {
            matches!(
                e,
                Event::MessageRejected {
                    reason: MessageError::Decode { .. } | MessageError::OtherNetwork,
                    ..
                }
            )
        });
        let refused = events(&out).any(|e| {
            matches!(
                e,
                Event::TxRejected { .. }
                    | Event::BlockRejected { .. }
                    | Event::ChainRejected { .. }
            )
        });
        if refused_bytes && !changed {
            assert_eq!(seen(&node), before, "refused bytes changed the node");
            assert!(
                out.iter().all(|o| matches!(
                    o,
                    Output::Event(_) | Output::WakeAt(_) | Output::Draw { .. }
                )),
                "refused bytes made the node send something: {:?}",
                out.iter()
                    .map(|o| match o {
                        Output::Broadcast(b) | Output::Send { bytes: b, .. } =>
                            String::from_utf8_lossy(b).into_owned(),
                        o => format!("{o:?}"),
                    })
                    .collect::<Vec<_>>()
            );
        }
        // A chain page refused at one block keeps the valid blocks before it: on the
        // canonical chain that is reported (ChainReplaced, so `changed`), on a side branch it
        // is not (a fork's blocks go through the tree like any other and a worse chain is
        // kept as a branch), so the side count may grow then.
        let partial_page = events(&out).any(|e| {
            matches!(
                e,
                Event::ChainRejected {
                    reason: ChainError::Block { .. },
                    ..
                }
            )
        });
        if refused && !changed {
            let after = seen(&node);
            assert_eq!(
                (after.tip, after.height, &after.pool),
                (before.tip, before.height, &before.pool),
                "a refused transaction, block or chain changed the node"
            );
            if partial_page {
                assert!(
                    after.side >= before.side,
                    "a refused page removed side blocks"
                );
            } else {
                assert_eq!(after.side, before.side, "a refused input changed the tree");
            }
        }
        check(&node, &mut last_valid);
    }
});
