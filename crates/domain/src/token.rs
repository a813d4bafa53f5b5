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
pub const JOIN_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Characters in a join code: 15 of 31 symbols, over 74 random bits.
const JOIN_CODE_LEN: usize = 15;
/// Typed and shown in groups of this many, for legibility.
const JOIN_GROUP: usize = 5;
/// How many of its last characters name a code in lists. The 2 shown
/// leave 13 unknown (64 bits), above the 60 a code must keep; and only
/// admins who could make such a code themselves see them.
pub const JOIN_HINT_LEN: usize = 2;

/// A join code such as `K7PMX-3QXD9-RTWAB`: read out in a workshop or put
/// on a slide, and too many to guess. Only its [`hash_token`] of the
/// normalised form is stored.
pub fn new_join_code() -> Result<String, getrandom::Error> {
    Ok(grouped(&legible_symbols(JOIN_CODE_LEN)?))
}

/// `len` random symbols of the legible alphabet (no 0/O, 1/I/L), each
/// equally likely: join codes, and the check-in codes shown in a room.
pub fn legible_symbols(len: usize) -> Result<String, getrandom::Error> {
    let mut symbols = String::with_capacity(len);
    while symbols.len() < len {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        // Only bytes below the largest multiple of 31, so that every symbol
        // is equally likely.
        let limit = 256 - 256 % JOIN_ALPHABET.len();
        for b in bytes.iter().map(|b| usize::from(*b)).filter(|b| *b < limit) {
            if symbols.len() < len {
                symbols.push(char::from(JOIN_ALPHABET[b % JOIN_ALPHABET.len()]));
            }
        }
    }
    Ok(symbols)
}

fn grouped(symbols: &str) -> String {
    let mut out = String::with_capacity(symbols.len() + symbols.len() / JOIN_GROUP);
    for (i, c) in symbols.chars().enumerate() {
        if i > 0 && i % JOIN_GROUP == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Normalises a join code as typed: upper case, spaces, dashes and other
/// separators ignored, then grouped as it was shown.
pub fn normalise_join_code(input: &str) -> String {
    let compact: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.len() == JOIN_CODE_LEN {
        grouped(&compact)
    } else {
        compact
    }
}

/// The last characters of a (normalised) join code, which name it in lists.
pub fn join_code_hint(code: &str) -> String {
    let symbols: Vec<char> = code.chars().filter(|c| *c != '-').collect();
    symbols[symbols.len().saturating_sub(JOIN_HINT_LEN)..]
        .iter()
        .collect()
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
        // At least 60 random bits: log2(31) bits per character.
        let symbols = c.chars().filter(|ch| *ch != '-').count();
        assert!(symbols as f64 * 31f64.log2() >= 60.0, "{c}");
        assert!(
            c.chars()
                .all(|ch| ch == '-' || JOIN_ALPHABET.contains(&(ch as u8)))
        );
        assert_eq!(normalise_join_code(&c.to_lowercase().replace('-', " ")), c);
        assert_eq!(normalise_join_code(&c.replace('-', "")), c);
        assert_ne!(new_join_code().unwrap(), c);
        assert_eq!(
            normalise_join_code(" k7pmx 3qxd9\trtwab "),
            "K7PMX-3QXD9-RTWAB"
        );
        assert_eq!(join_code_hint("K7PMX-3QXD9-RTWAB"), "AB");
        // Every symbol comes up: none is left out by the sampling.
        let many: String = (0..200).map(|_| new_join_code().unwrap()).collect();
        assert!(JOIN_ALPHABET.iter().all(|b| many.contains(char::from(*b))));
    }
}
