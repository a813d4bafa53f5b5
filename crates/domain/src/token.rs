//! Secrets handed to people (session ids, email links, API tokens, join codes).
//!
//! Only a SHA-256 of a secret token is stored, so a copy of the database does
//! not let anyone sign in or use a link.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// 256 random bits, URL-safe. Returns `(token, sha256-hex of token)`.
pub fn new_token() -> Result<(String, String), getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_token(&token);
    Ok((token, hash))
}

/// 128 random bits, URL-safe: an id that may be shown to anyone (a
/// certificate's verification address) but cannot be guessed or counted.
pub fn new_public_id() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The form in which a token is stored and looked up.
pub fn hash_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Letters and digits that cannot be mistaken for one another when read
/// aloud or copied from a slide (no 0/O, 1/I/L).
const JOIN_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A join code such as `K7PM-3QXD`: short enough to read out in a workshop.
pub fn new_join_code() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes)?;
    let mut code = String::with_capacity(9);
    for (i, b) in bytes.iter().enumerate() {
        if i == 4 {
            code.push('-');
        }
        code.push(char::from(
            JOIN_ALPHABET[usize::from(*b) % JOIN_ALPHABET.len()],
        ));
    }
    Ok(code)
}

/// Normalises a join code as typed: upper case, spaces and dashes ignored.
pub fn normalise_join_code(input: &str) -> String {
    let compact: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.len() == 8 {
        format!("{}-{}", &compact[..4], &compact[4..])
    } else {
        compact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, ha) = new_token().unwrap();
        let (b, _) = new_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(ha, hash_token(&a));
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn join_codes() {
        let c = new_join_code().unwrap();
        assert_eq!(c.len(), 9);
        assert_eq!(normalise_join_code(&c.to_lowercase().replace('-', " ")), c);
        assert_eq!(normalise_join_code(" k7pm3qxd "), "K7PM-3QXD");
    }
}
