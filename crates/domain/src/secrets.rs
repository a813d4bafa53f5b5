//! Secrets Lyceum must be able to read back (a sign-in provider's client
//! secret is sent to the provider), so they cannot be hashed: they are
//! encrypted with a key kept outside the database (a key file or an
//! environment variable; see the server's `[secrets]` configuration), so a
//! copy of the database reveals none of them.
//!
//! XChaCha20-Poly1305 with a random 192-bit nonce per secret. What a secret
//! is for goes in as associated data: a client secret is bound to its
//! provider's issuer, so a secret moved to another row, or left behind when
//! the issuer changed, does not decrypt and is never sent anywhere.
//!
//! Stored form: `v1:<key id>:<nonce>:<ciphertext>` (base64url). The key id
//! names which key sealed it, so keys can be rotated: the configuration
//! keeps older keys for reading while `lyceum admin rotate-secrets`
//! re-encrypts everything with the current one.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A secret held in memory: a database URL with its password, the SMTP URL,
/// the metrics token, a provider's client secret. `{:?}` shows
/// [`REDACTED`], so no log line or error message built from a value that
/// holds one can reveal it; the code that uses it asks for it by name with
/// [`Secret::expose`]. It has no `Display` for the same reason.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

/// What `{:?}` shows instead of a secret.
pub const REDACTED: &str = "[redacted]";

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for the one place that sends or uses it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(REDACTED)
    }
}

/// Bytes in a key.
pub const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
const VERSION: &str = "v1";

/// What a secret written before secrets were encrypted starts with (a
/// migration marked them); such a secret is sealed at start-up.
pub const PLAIN_PREFIX: &str = "plain:";

/// One key. Its id is derived from it, so no one has to name keys.
#[derive(Clone)]
pub struct SecretKey {
    id: String,
    bytes: [u8; KEY_LEN],
}

// By hand: a key never reaches a log.
impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretKey({})", self.id)
    }
}

impl SecretKey {
    fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        let digest = Sha256::digest([b"lyceum secrets key id\n".as_slice(), &bytes].concat());
        let id = digest[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        SecretKey { id, bytes }
    }

    /// A key written as base64 (standard or URL-safe, padding optional) of
    /// exactly 32 bytes.
    pub fn from_base64(text: &str) -> Result<Self, &'static str> {
        let t = text.trim().trim_end_matches('=');
        let bytes = URL_SAFE_NO_PAD
            .decode(t)
            .or_else(|_| STANDARD.decode(format!("{t}{}", "=".repeat((4 - t.len() % 4) % 4))))
            .map_err(|_| "not base64")?;
        let bytes: [u8; KEY_LEN] = bytes
            .try_into()
            .map_err(|_| "not 32 bytes (make one with `openssl rand -base64 32`)")?;
        Ok(Self::from_bytes(bytes))
    }

    /// A new random key and its base64 form, to write to a key file.
    pub fn generate() -> Result<(Self, String), getrandom::Error> {
        let mut bytes = [0u8; KEY_LEN];
        getrandom::fill(&mut bytes)?;
        Ok((Self::from_bytes(bytes), STANDARD.encode(bytes)))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(Key::from_slice(&self.bytes))
    }
}

/// Why a secret could not be sealed or opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("not an encrypted secret")]
    Format,
    #[error("sealed with key {0}, which is not configured")]
    UnknownKey(String),
    #[error("does not decrypt: changed, moved, or sealed for something else")]
    Tampered,
    #[error("no random numbers: {0}")]
    Random(String),
}

/// The current key, which seals, and older ones, which still open.
#[derive(Clone, Debug)]
pub struct Keyring {
    current: SecretKey,
    previous: Vec<SecretKey>,
}

impl Keyring {
    pub fn new(current: SecretKey, previous: Vec<SecretKey>) -> Self {
        Keyring { current, previous }
    }

    pub fn current_id(&self) -> &str {
        self.current.id()
    }

    /// Encrypts `plaintext` for `context` (what it is for) with the current key.
    pub fn seal(&self, plaintext: &str, context: &str) -> Result<String, SealError> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|e| SealError::Random(e.to_string()))?;
        let sealed = self
            .current
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| SealError::Tampered)?;
        Ok(format!(
            "{VERSION}:{}:{}:{}",
            self.current.id,
            URL_SAFE_NO_PAD.encode(nonce),
            URL_SAFE_NO_PAD.encode(sealed)
        ))
    }

    /// Decrypts what [`Keyring::seal`] made for the same `context`.
    pub fn open(&self, stored: &str, context: &str) -> Result<String, SealError> {
        let (key_id, nonce, sealed) = parts(stored)?;
        let key = std::iter::once(&self.current)
            .chain(&self.previous)
            .find(|k| k.id == key_id)
            .ok_or_else(|| SealError::UnknownKey(key_id.to_string()))?;
        let plain = key
            .cipher()
            .decrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: &sealed,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| SealError::Tampered)?;
        String::from_utf8(plain).map_err(|_| SealError::Tampered)
    }

    /// Whether `stored` was sealed with the current key (else it wants
    /// re-encrypting, or sealing if it is still plain).
    pub fn is_current(&self, stored: &str) -> bool {
        parts(stored).is_ok_and(|(id, _, _)| id == self.current.id)
    }
}

fn parts(stored: &str) -> Result<(&str, Vec<u8>, Vec<u8>), SealError> {
    let mut it = stored.splitn(4, ':');
    let (Some(VERSION), Some(id), Some(nonce), Some(sealed)) =
        (it.next(), it.next(), it.next(), it.next())
    else {
        return Err(SealError::Format);
    };
    let nonce = URL_SAFE_NO_PAD
        .decode(nonce)
        .ok()
        .filter(|n| n.len() == NONCE_LEN)
        .ok_or(SealError::Format)?;
    let sealed = URL_SAFE_NO_PAD
        .decode(sealed)
        .map_err(|_| SealError::Format)?;
    Ok((id, nonce, sealed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SecretKey {
        SecretKey::generate().unwrap().0
    }

    #[test]
    fn a_secret_never_shows_in_debug_output() {
        #[derive(Debug)]
        #[allow(dead_code)] // read only by `{:?}`
        struct Settings {
            url: Secret,
            token: Option<Secret>,
        }
        let s = Settings {
            url: Secret::new("postgres://lyceum:hunter2@db/lyceum"),
            token: Some(Secret::new("s3cret-token")),
        };
        let shown = format!("{s:?} {s:#?}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("s3cret"),
            "{shown}"
        );
        assert!(shown.contains(REDACTED));
        assert_eq!(s.url.expose(), "postgres://lyceum:hunter2@db/lyceum");
        // Read from configuration and written back as the plain value.
        let read: Secret = serde_json::from_str("\"abc\"").unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), "\"abc\"");
    }

    #[test]
    fn seals_opens_and_refuses_what_is_not_its_own() {
        let ring = Keyring::new(key(), vec![]);
        let sealed = ring.seal("s3cret: with spaces", "issuer A").unwrap();
        assert!(sealed.starts_with(&format!("v1:{}:", ring.current_id())));
        assert!(!sealed.contains("s3cret"));
        assert_eq!(
            ring.open(&sealed, "issuer A").unwrap(),
            "s3cret: with spaces"
        );
        // Random nonces: the same secret never looks the same twice.
        assert_ne!(
            sealed,
            ring.seal("s3cret: with spaces", "issuer A").unwrap()
        );
        // Another context (another issuer), another key, a changed byte.
        assert_eq!(ring.open(&sealed, "issuer B"), Err(SealError::Tampered));
        let other = Keyring::new(key(), vec![]);
        assert!(matches!(
            other.open(&sealed, "issuer A"),
            Err(SealError::UnknownKey(_))
        ));
        let mut flipped = sealed.clone().into_bytes();
        let last = flipped.len() - 2;
        flipped[last] = if flipped[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            ring.open(&String::from_utf8(flipped).unwrap(), "issuer A"),
            Err(SealError::Tampered)
        );
        for bad in ["", "plain:x", "v1:abc", "v2:a:b:c", "v1:a:!!:c"] {
            assert_eq!(ring.open(bad, "issuer A"), Err(SealError::Format), "{bad}");
        }
    }

    #[test]
    fn keys_rotate() {
        let (old, new) = (key(), key());
        let before = Keyring::new(old.clone(), vec![]);
        let sealed = before.seal("x", "c").unwrap();
        let after = Keyring::new(new, vec![old]);
        assert!(before.is_current(&sealed) && !after.is_current(&sealed));
        assert_eq!(after.open(&sealed, "c").unwrap(), "x");
        let resealed = after.seal(&after.open(&sealed, "c").unwrap(), "c").unwrap();
        assert!(after.is_current(&resealed));
        assert!(!after.is_current("plain:x"));
    }

    #[test]
    fn keys_are_read_from_base64_of_32_bytes() {
        let (k, text) = SecretKey::generate().unwrap();
        assert_eq!(SecretKey::from_base64(&text).unwrap().id(), k.id());
        assert_eq!(
            SecretKey::from_base64(&format!(" {text}\n")).unwrap().id(),
            k.id()
        );
        let url_safe = text.replace('+', "-").replace('/', "_");
        assert_eq!(SecretKey::from_base64(&url_safe).unwrap().id(), k.id());
        assert!(SecretKey::from_base64("c2hvcnQ=").is_err());
        assert!(SecretKey::from_base64("not base64 at all!").is_err());
        assert_eq!(format!("{k:?}"), format!("SecretKey({})", k.id()));
        assert!(!format!("{k:?}").contains(&text));
    }
}
