//! Shared fixtures for the core's integration tests (native and wasm32).
#![allow(dead_code)]

use pos_core::{Block, Chain, Genesis, Transaction, TxKind, Wallet};

/// A small network: genesis key, exchange, and two users, all from fixed seeds.
pub struct Fixture {
    pub genesis_key: Wallet,
    pub exchange: Wallet,
    pub alice: Wallet,
    pub bob: Wallet,
    pub genesis: Genesis,
}

impl Fixture {
    pub fn new(supply: u64) -> Fixture {
        let genesis_key = Wallet::from_seed([1; 32]);
        let exchange = Wallet::from_seed([2; 32]);
        let genesis = Genesis {
            network: "test".into(),
            forger: genesis_key.address(),
            exchange: exchange.address(),
            supply,
            timestamp: 1_000,
        };
        Fixture {
            genesis_key,
            exchange,
            alice: Wallet::from_seed([3; 32]),
            bob: Wallet::from_seed([4; 32]),
            genesis,
        }
    }

    pub fn chain(&self) -> Chain {
        Chain::new(self.genesis.clone())
    }

    /// Every wallet that could be the next forger.
    pub fn wallets(&self) -> [&Wallet; 4] {
        [&self.genesis_key, &self.exchange, &self.alice, &self.bob]
    }

    /// Forges the next block on `chain` with the rightful forger's key.
    pub fn forge(&self, chain: &Chain, txs: Vec<Transaction>) -> Block {
        let winner = chain.next_forger().expect("someone has stake");
        let wallet = self
            .wallets()
            .into_iter()
            .find(|w| w.address() == winner)
            .expect("the winner is one of the fixture's wallets");
        Block::forge(
            wallet,
            chain.height() + 1,
            chain.tip_hash(),
            chain.tip().timestamp + 10,
            txs,
        )
    }

    /// An EXCHANGE of `amount` to `to` with the exchange's nonce `nonce`.
    pub fn buy(&self, to: &Wallet, amount: u64, nonce: u64) -> Transaction {
        Transaction::new_signed(
            &self.exchange,
            TxKind::Exchange,
            to.address(),
            amount,
            nonce,
            5,
        )
    }

    /// A chain where alice bought 100 and staked 40, and bob bought 50.
    pub fn funded_chain(&self) -> Chain {
        let mut chain = self.chain();
        let txs = vec![
            self.buy(&self.alice, 100, 0),
            self.buy(&self.bob, 50, 1),
            Transaction::new_signed(&self.alice, TxKind::Stake, self.alice.address(), 40, 0, 6),
        ];
        let b = self.forge(&chain, txs);
        chain.apply(b).expect("valid block");
        chain
    }
}
