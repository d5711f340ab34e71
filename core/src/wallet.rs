//! Wallets: ed25519 key pairs. An address is the public key in lowercase hex.

use crate::hash::{from_hex_array, to_hex, HexError};
use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An account's address: its ed25519 public key (shown as 64 hex digits).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Address(pub [u8; 32]);

impl Address {
    /// 64 lowercase hex digits.
    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    /// Parses 64 hex digits.
    pub fn from_hex(s: &str) -> Result<Address, HexError> {
        Ok(Address(from_hex_array(s)?))
    }

    /// The first 8 hex digits, for labels.
    pub fn short(&self) -> String {
        let mut s = self.to_hex();
        s.truncate(8);
        s
    }

    /// Checks `signature` over `message` with `verify_strict` (rejects malleable and small-order
    /// encodings). An address that is not a valid curve point never verifies.
    ///
    /// A signature found valid is remembered on this thread ([`verified`]): the nodes of one
    /// process (a page's in-tab nodes, a simulation, a replay of the history) check each
    /// block and transaction once, not once per node and per replay.
    pub fn verify(&self, message: &[u8], signature: &Signature) -> bool {
        let key = verified::key(self, message, signature);
        if verified::recall(&key) {
            return true;
        }
        let valid = match VerifyingKey::from_bytes(&self.0) {
            Ok(key) => key
                .verify_strict(message, &ed25519_dalek::Signature::from_bytes(&signature.0))
                .is_ok(),
            Err(_) => false,
        };
        if valid {
            verified::remember(key);
        }
        valid
    }
}

/// The signatures this thread found valid, so that a check is done once per process.
///
/// Whether a signature is valid is a pure function of the key, the message and the
/// signature, so remembering the valid ones changes no result, only its time: a verdict is
/// recalled only for exactly the same three (by their SHA-256, which a forger would have to
/// collide), and an invalid one is never remembered, so it is checked, and refused, every
/// time. Two generations of at most [`verified::GENERATION`] each keep the memory bounded
/// (about 1.7 MB at most: 51 bytes a verdict): when the young one is full it becomes the old
/// one and the old one is forgotten; one recalled from the old generation moves back to the
/// young.
pub mod verified {
    use super::{Address, Signature};
    use sha2::{Digest as _, Sha256};
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    /// Most verdicts in one generation.
    pub const GENERATION: usize = 16_384;

    /// What a verdict is remembered by: SHA-256 over the key, the signature and the message
    /// (the first two have fixed lengths, so the three are read back unambiguously).
    pub(super) type Key = [u8; 32];

    #[derive(Default)]
    struct Memo {
        young: BTreeSet<Key>,
        old: BTreeSet<Key>,
    }

    thread_local! {
        static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
    }

    pub(super) fn key(address: &Address, message: &[u8], signature: &Signature) -> Key {
        let mut h = Sha256::new();
        h.update(address.0);
        h.update(signature.0);
        h.update(message);
        h.finalize().into()
    }

    pub(super) fn recall(key: &Key) -> bool {
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if m.young.contains(key) {
                return true;
            }
            if m.old.remove(key) {
                m.insert(*key);
                return true;
            }
            false
        })
    }

    pub(super) fn remember(key: Key) {
        MEMO.with(|m| m.borrow_mut().insert(key));
    }

    impl Memo {
        fn insert(&mut self, key: Key) {
            if self.young.len() >= GENERATION {
                self.old = std::mem::take(&mut self.young);
            }
            self.young.insert(key);
        }
    }

    /// How many valid signatures this thread remembers (for benchmarks and tests).
    pub fn remembered() -> usize {
        MEMO.with(|m| {
            let m = m.borrow();
            m.young.len() + m.old.len()
        })
    }

    /// Forgets them all (for benchmarks that time the checks themselves).
    pub fn forget() {
        MEMO.with(|m| *m.borrow_mut() = Memo::default());
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Address({})", self.short())
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for Address {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Address {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Address::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

/// An ed25519 signature (shown as 128 hex digits).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Signature(pub [u8; 64]);

impl Default for Signature {
    fn default() -> Self {
        Signature([0; 64])
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature({}…)", &to_hex(&self.0[..6]))
    }
}

impl Serialize for Signature {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_hex(&self.0))
    }
}

impl<'de> Deserialize<'de> for Signature {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(Signature(
            from_hex_array(&s).map_err(serde::de::Error::custom)?,
        ))
    }
}

/// A key pair. The secret never leaves this struct except through [`Wallet::secret`].
#[derive(Clone)]
pub struct Wallet {
    key: SigningKey,
}

impl Wallet {
    /// A wallet from a 32-byte secret seed (deterministic: tests, the CLI, the simulator).
    pub fn from_seed(seed: [u8; 32]) -> Wallet {
        Wallet {
            key: SigningKey::from_bytes(&seed),
        }
    }

    /// A fresh wallet from the operating system's (or browser's) randomness. Only the edges call
    /// this; the node state machine takes wallets as arguments.
    pub fn generate() -> Result<Wallet, getrandom::Error> {
        let mut seed = [0u8; 32];
        getrandom::getrandom(&mut seed)?;
        Ok(Wallet::from_seed(seed))
    }

    /// The 32-byte secret seed (for export; handle with care).
    pub fn secret(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// This wallet's address.
    pub fn address(&self) -> Address {
        Address(self.key.verifying_key().to_bytes())
    }

    /// Signs `message`.
    pub fn sign(&self, message: &[u8]) -> Signature {
        Signature(self.key.sign(message).to_bytes())
    }
}

impl fmt::Debug for Wallet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Wallet({})", self.address().short())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_and_verify() {
        let w = Wallet::from_seed([7; 32]);
        let sig = w.sign(b"hello");
        assert!(w.address().verify(b"hello", &sig));
        assert!(!w.address().verify(b"hellO", &sig));
        assert!(!Address([0xff; 32]).verify(b"hello", &sig));
    }

    #[test]
    fn a_valid_signature_is_remembered_and_nothing_else_passes_for_it() {
        verified::forget();
        let w = Wallet::from_seed([8; 32]);
        let other = Wallet::from_seed([9; 32]);
        let sig = w.sign(b"pay 5");
        assert!(w.address().verify(b"pay 5", &sig));
        assert_eq!(verified::remembered(), 1);
        // Recalled: still valid, nothing more remembered.
        assert!(w.address().verify(b"pay 5", &sig));
        assert_eq!(verified::remembered(), 1);
        // The same signature over another message, or under another key, or altered: refused,
        // every time, and never remembered.
        for _ in 0..2 {
            assert!(!w.address().verify(b"pay 6", &sig));
            assert!(!other.address().verify(b"pay 5", &sig));
            let mut bent = sig;
            bent.0[63] ^= 1;
            assert!(!w.address().verify(b"pay 5", &bent));
        }
        assert_eq!(verified::remembered(), 1);
    }

    #[test]
    fn the_memo_of_valid_signatures_stays_bounded() {
        verified::forget();
        let w = Wallet::from_seed([10; 32]);
        let first = w.sign(b"0");
        assert!(w.address().verify(b"0", &first));
        // Two generations' worth: the oldest are forgotten (and checked again when asked).
        for i in 1..=(2 * verified::GENERATION) {
            let m = i.to_string();
            let k = verified::key(&w.address(), m.as_bytes(), &first);
            verified::remember(k);
        }
        assert!(verified::remembered() <= 2 * verified::GENERATION);
        assert!(
            w.address().verify(b"0", &first),
            "checked again, still valid"
        );
        assert!(!w.address().verify(b"1", &first));
    }
}
