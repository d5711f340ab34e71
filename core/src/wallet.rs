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
    pub fn verify(&self, message: &[u8], signature: &Signature) -> bool {
        match VerifyingKey::from_bytes(&self.0) {
            Ok(key) => key
                .verify_strict(message, &ed25519_dalek::Signature::from_bytes(&signature.0))
                .is_ok(),
            Err(_) => false,
        }
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
}
