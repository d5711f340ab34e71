//! Rejections are counted by a reason's key (`tx:nonceGap`, …): each key must be the `error`
//! tag of the reason's JSON, which the console and saved counts show.

use pos_core::chain::{BlockError, ChainError};
use pos_core::tx::TxError;
use pos_core::{Hash, Wallet};

fn tag(v: &impl serde::Serialize) -> String {
    let v = serde_json::to_value(v).expect("json");
    v["error"].as_str().expect("an error tag").to_string()
}

#[test]
fn every_reason_key_is_its_json_tag() {
    let a = Wallet::from_seed([1; 32]).address();
    let h = Hash::of(b"x");
    let txs = [
        TxError::ZeroAmount,
        TxError::BadSignature,
        TxError::Duplicate,
        TxError::AlreadyOnChain,
        TxError::NonceGap {
            expected: 1,
            got: 2,
        },
        TxError::InsufficientBalance {
            balance: 1,
            amount: 2,
        },
        TxError::SelfTransfer,
        TxError::StakeForOther,
        TxError::NotExchange,
        TxError::ExchangeOnlySells,
        TxError::Overflow,
        TxError::PoolFull,
        TxError::Conflict { nonce: 1, with: h },
    ];
    for e in &txs {
        assert_eq!(e.key(), tag(e), "{e:?}");
    }
    let blocks = [
        BlockError::WrongHeight {
            expected: 1,
            got: 2,
        },
        BlockError::UnknownParent,
        BlockError::NotTheForger {
            expected: a,
            got: a,
        },
        BlockError::OutOfTurn {
            forger: a,
            rank: 1,
            slot: 0,
        },
        BlockError::BadSignature,
        BlockError::TimestampBeforeParent,
        BlockError::FromTheFuture {
            timestamp: 2,
            now: 1,
        },
        BlockError::TooManyTransactions,
        BlockError::Transaction {
            index: 0,
            reason: TxError::ZeroAmount,
        },
        BlockError::NoStakers,
        BlockError::NotAStaker { forger: a },
        BlockError::BelowHorizon {
            height: 1,
            tip: 300,
        },
        BlockError::DrawPending { seed: h },
    ];
    for e in &blocks {
        assert_eq!(e.key(), tag(e), "{e:?}");
    }
    let chains = [
        ChainError::Empty,
        ChainError::BadGenesis,
        ChainError::OtherNetwork,
        ChainError::Block {
            height: 1,
            reason: BlockError::UnknownParent,
        },
    ];
    for e in &chains {
        assert_eq!(e.key(), tag(e), "{e:?}");
    }
}
