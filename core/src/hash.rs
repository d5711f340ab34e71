//! Hashes, hex and the Python design's `H(x)`.
//!
//! The Python original hashes *JSON-encoded strings*: `H(x) = SHA-256(json.dumps(x))`, so the
//! hex string `"ab"` is hashed as the four bytes `"ab"` including the quotes. [`hash_str`]
//! reproduces that bit for bit (including `json.dumps`' default `ensure_ascii` escaping), so the
//! lottery agrees with the Python on every input, not only on hex strings.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest as _, Sha256};
use std::fmt;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A SHA-256 digest. Shown and serialized as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The all-zero hash.
    pub const ZERO: Hash = Hash([0; 32]);

    /// SHA-256 of raw bytes.
    pub fn of(bytes: &[u8]) -> Hash {
        Hash(Sha256::digest(bytes).into())
    }

    /// Lowercase hex, 64 characters.
    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    /// Parses exactly 64 hex digits (either case).
    pub fn from_hex(s: &str) -> Result<Hash, HexError> {
        Ok(Hash(from_hex_array(s)?))
    }

    /// The first `n` hex digits, for compact display.
    pub fn short(&self, n: usize) -> String {
        let mut s = self.to_hex();
        s.truncate(n);
        s
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", self.short(12))
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for Hash {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Hash {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Hash::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

/// A string that is not the hex the field needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HexError {
    /// Wrong number of hex digits.
    Length {
        /// Digits expected.
        expected: usize,
        /// Digits found.
        found: usize,
    },
    /// A character that is not a hex digit.
    NotHex,
}

impl fmt::Display for HexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HexError::Length { expected, found } => {
                write!(f, "expected {expected} hex digits, found {found}")
            }
            HexError::NotHex => f.write_str("not a hex string"),
        }
    }
}

impl std::error::Error for HexError {}

/// Lowercase hex of any bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    // Only ASCII hex digits were pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the 64 hex digits of `digest` into `out` (the hot loop of the lottery).
#[inline]
pub(crate) fn write_hex32(digest: &[u8; 32], out: &mut [u8; 64]) {
    for (i, b) in digest.iter().enumerate() {
        out[2 * i] = HEX[(b >> 4) as usize];
        out[2 * i + 1] = HEX[(b & 15) as usize];
    }
}

fn nibble(c: u8) -> Result<u8, HexError> {
    match c {
        b'0'..=b'9' => Ok(c - b'0'),
        b'a'..=b'f' => Ok(c - b'a' + 10),
        b'A'..=b'F' => Ok(c - b'A' + 10),
        _ => Err(HexError::NotHex),
    }
}

/// Parses exactly `2 * N` hex digits into `N` bytes.
pub fn from_hex_array<const N: usize>(s: &str) -> Result<[u8; N], HexError> {
    let b = s.as_bytes();
    if b.len() != 2 * N {
        return Err(HexError::Length {
            expected: 2 * N,
            found: b.len(),
        });
    }
    let mut out = [0u8; N];
    for (i, o) in out.iter_mut().enumerate() {
        *o = (nibble(b[2 * i])? << 4) | nibble(b[2 * i + 1])?;
    }
    Ok(out)
}

/// `json.dumps(s)` as Python writes it by default (`ensure_ascii=True`): quotes, `\"`, `\\`,
/// the short escapes `\n \r \t \b \f`, and `\uXXXX` (lowercase, UTF-16 surrogate pairs) for
/// every other character outside printable ASCII.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out.push('"');
    out
}

/// The Python design's `H(x)`: SHA-256 over the JSON encoding of the string `x`.
pub fn hash_str(x: &str) -> Hash {
    Hash::of(json_string(x).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_string_matches_python() {
        // Values printed by CPython 3.11 `json.dumps`.
        assert_eq!(json_string("ab"), "\"ab\"");
        assert_eq!(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(json_string("\n\t\u{1}\u{7f}"), "\"\\n\\t\\u0001\\u007f\"");
        assert_eq!(json_string("é😀"), "\"\\u00e9\\ud83d\\ude00\"");
    }

    #[test]
    fn hex_round_trip_and_errors() {
        let h = Hash::of(b"x");
        assert_eq!(Hash::from_hex(&h.to_hex()), Ok(h));
        assert_eq!(
            Hash::from_hex("ab"),
            Err(HexError::Length {
                expected: 64,
                found: 2
            })
        );
        assert_eq!(Hash::from_hex(&"g".repeat(64)), Err(HexError::NotHex));
    }
}
