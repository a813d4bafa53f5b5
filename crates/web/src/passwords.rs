//! Password hashing and checking, off the async threads (argon2 is slow by design).

use crate::error::AppError;
use lyceum_domain::password::{hash_password, verify_against_nothing, verify_password};

/// The argon2id PHC string of a new password.
pub async fn hash(password: &str) -> Result<String, AppError> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)
}

/// Does `password` match the stored hash? Without a hash it still spends the
/// time of a check, so the answer's timing does not tell who has an account.
pub async fn matches(password: &str, stored: Option<String>) -> Result<bool, AppError> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || match stored {
        Some(hash) => verify_password(&password, &hash),
        None => {
            verify_against_nothing(&password);
            false
        }
    })
    .await
    .map_err(AppError::internal)
}
