//! Password rules and argon2id hashing.
//!
//! Hashing is deliberately slow (argon2id, 19 MiB, two passes: the OWASP
//! baseline); callers on async threads must run it with `spawn_blocking`.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use std::sync::LazyLock;

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 200;

/// Passwords long enough to pass the length rule that attackers try first.
const COMMON: &[&str] = &[
    "1234567890",
    "12345678910",
    "123456789a",
    "0987654321",
    "1q2w3e4r5t",
    "abcdefghij",
    "qwertyuiop",
    "asdfghjkl;",
    "password12",
    "password123",
    "password1234",
    "passw0rd123",
    "iloveyou123",
    "qwerty12345",
    "qwerty123456",
    "welcome123",
    "welcome1234",
    "changeme123",
    "letmein123",
    "teacher123",
    "teacher1234",
    "school1234",
    "student123",
    "lyceum1234",
    "contraseña123",
    "contrasena123",
    "princess123",
    "football123",
    "baseball123",
    "superman123",
    "sunshine123",
    "trustno1234",
    "aaaaaaaaaa",
];

/// Checks a new password; returns the error code of the first rule it breaks.
pub fn check_new_password(password: &str, email: &str) -> Result<(), &'static str> {
    let chars = password.chars().count();
    if password.is_empty() {
        return Err("password-missing");
    }
    if chars < MIN_PASSWORD_CHARS {
        return Err("password-too-short");
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err("password-too-long");
    }
    let lower = password.to_lowercase();
    let first = lower.chars().next();
    if COMMON.contains(&lower.as_str()) || lower.chars().all(|c| Some(c) == first) {
        return Err("password-common");
    }
    let local = email.split('@').next().unwrap_or("");
    if (local.len() >= 4 && lower.contains(local)) || lower == email {
        return Err("password-contains-email");
    }
    Ok(())
}

/// Hashes with argon2id and a random salt, as a PHC string.
pub fn hash_password(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// True when `password` matches the stored PHC string.
pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the time of one verification, so that "no such account" takes as
/// long as "wrong password" and does not reveal who has an account.
pub fn verify_against_nothing(password: &str) {
    static DUMMY: LazyLock<String> =
        LazyLock::new(|| hash_password("no account has this password").unwrap_or_default());
    let _ = verify_password(password, &DUMMY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(check_new_password("", "a@b.org"), Err("password-missing"));
        assert_eq!(
            check_new_password("short", "a@b.org"),
            Err("password-too-short")
        );
        assert_eq!(
            check_new_password(&"x".repeat(201), "a@b.org"),
            Err("password-too-long")
        );
        assert_eq!(
            check_new_password("Password123", "a@b.org"),
            Err("password-common")
        );
        assert_eq!(
            check_new_password("zzzzzzzzzzzz", "a@b.org"),
            Err("password-common")
        );
        assert_eq!(
            check_new_password("maria.garcia-2026", "maria.garcia@b.org"),
            Err("password-contains-email")
        );
        assert_eq!(
            check_new_password("correct horse battery", "a@b.org"),
            Ok(())
        );
    }

    #[test]
    fn hashes_verify_and_differ() {
        let a = hash_password("correct horse battery").unwrap();
        let b = hash_password("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "salts must differ");
        assert!(verify_password("correct horse battery", &a));
        assert!(!verify_password("correct horse batterY", &a));
        assert!(!verify_password("anything", "not a hash"));
    }
}
