//! The key that encrypts stored secrets, from the configuration (`[secrets]`)
//! — never from the database, so a copy of the database reveals no secret.

use crate::config::{SecretsSection, Settings};
use anyhow::Context;
use lyceum_db::{Db, DbTarget};
use lyceum_domain::secrets::{Keyring, SecretKey};
use std::path::{Path, PathBuf};

/// The file made beside a SQLite database when no key is configured.
pub const KEY_FILE_NAME: &str = "secrets.key";

/// The keys the configuration names. With none configured: on SQLite, the
/// key file beside the database, made (mode 0600) if it is not there yet;
/// on PostgreSQL, an error — servers sharing one database must share one
/// key, so it has to be given to each of them.
pub fn keyring(settings: &Settings) -> anyhow::Result<Keyring> {
    let s = &settings.secrets;
    let current = match (&s.key, &s.key_file) {
        (Some(key), _) => SecretKey::from_base64(key.expose())
            .map_err(|e| anyhow::anyhow!("secrets.key (LYCEUM_SECRETS_KEY): {e}"))?,
        (None, Some(file)) => read_key_file(file, "secrets.key_file")?,
        (None, None) => match DbTarget::parse(settings.database_url.expose())? {
            DbTarget::Sqlite(db) => beside_database(&db)?,
            DbTarget::Postgres(_) => anyhow::bail!(
                "secrets.key_file or LYCEUM_SECRETS_KEY must be set on PostgreSQL: it encrypts \
                 sign-in providers' client secrets, and every server needs the same one \
                 (make one with `openssl rand -base64 32`)"
            ),
        },
    };
    Ok(Keyring::new(current, previous(s)?))
}

fn previous(s: &SecretsSection) -> anyhow::Result<Vec<SecretKey>> {
    let mut keys = Vec::new();
    for (i, key) in s.previous_keys.iter().enumerate() {
        keys.push(
            SecretKey::from_base64(key.expose())
                .map_err(|e| anyhow::anyhow!("secrets.previous_keys[{i}]: {e}"))?,
        );
    }
    for file in &s.previous_key_files {
        keys.push(read_key_file(file, "secrets.previous_key_files")?);
    }
    Ok(keys)
}

fn read_key_file(path: &Path, key: &str) -> anyhow::Result<SecretKey> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{key}: cannot read {}", path.display()))?;
    SecretKey::from_base64(&text).map_err(|e| anyhow::anyhow!("{key} {}: {e}", path.display()))
}

/// The key file beside a SQLite database: read, or made on first start.
fn beside_database(db: &Path) -> anyhow::Result<SecretKey> {
    let dir = db
        .parent()
        .map(Path::to_path_buf)
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."));
    let path = dir.join(KEY_FILE_NAME);
    if path.exists() {
        return read_key_file(&path, "the secrets key file");
    }
    let (key, text) =
        SecretKey::generate().map_err(|e| anyhow::anyhow!("no random numbers: {e}"))?;
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    write_private(&path, &text)?;
    tracing::warn!(
        file = %path.display(),
        key = key.id(),
        "no secrets key was configured: made one beside the database. Keep it apart from \
         database backups, and back it up: without it, stored client secrets cannot be read"
    );
    Ok(key)
}

/// Writes a new file only its owner can read. Fails if it exists: two
/// servers starting at once keep the first one's key.
fn write_private(path: &Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(format!("{text}\n").as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Encrypts secrets left in plain text by older versions (every start) and,
/// with `rotate`, re-encrypts those sealed with an older key.
pub async fn seal_stored(
    db: &Db,
    keys: &Keyring,
    rotate: bool,
) -> anyhow::Result<lyceum_db::sso::Resealed> {
    let keys = keys.clone();
    let done = db
        .write(move |c| lyceum_db::sso::seal_stored(c, &keys, rotate))
        .await?;
    if done.sealed > 0 {
        tracing::info!(
            count = done.sealed,
            "client secrets stored in plain text were encrypted"
        );
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Secret};

    fn settings_for(dir: &Path) -> Settings {
        let mut c = Config::default();
        c.database.url = Secret::new(format!("sqlite://{}", dir.join("lyceum.db").display()));
        c.settings().unwrap()
    }

    #[test]
    fn sqlite_without_a_key_makes_one_beside_the_database_once() {
        let dir = tempfile::tempdir().unwrap();
        let settings = settings_for(dir.path());
        let first = keyring(&settings).unwrap();
        let file = dir.path().join(KEY_FILE_NAME);
        assert!(file.exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Found again at the next start: the same key.
        let again = keyring(&settings).unwrap();
        assert_eq!(first.current_id(), again.current_id());
    }

    #[test]
    fn configured_keys_and_their_mistakes() {
        let dir = tempfile::tempdir().unwrap();
        let (old, old_text) = SecretKey::generate().unwrap();
        let (new, new_text) = SecretKey::generate().unwrap();
        let mut settings = settings_for(dir.path());
        settings.secrets.key = Some(Secret::new(new_text.clone()));
        let old_file = dir.path().join("old.key");
        std::fs::write(&old_file, &old_text).unwrap();
        settings.secrets.previous_key_files = vec![old_file];
        let ring = keyring(&settings).unwrap();
        assert_eq!(ring.current_id(), new.id());
        let sealed_before = Keyring::new(old, vec![]).seal("x", "c").unwrap();
        assert_eq!(ring.open(&sealed_before, "c").unwrap(), "x");
        assert!(!dir.path().join(KEY_FILE_NAME).exists(), "a key was given");

        settings.secrets.key = Some(Secret::new("c2hvcnQ="));
        let err = keyring(&settings).unwrap_err().to_string();
        assert!(
            err.contains("secrets.key") && err.contains("32 bytes"),
            "{err}"
        );
        settings.secrets.key = None;
        settings.secrets.key_file = Some(dir.path().join("missing.key"));
        let err = keyring(&settings).unwrap_err().to_string();
        assert!(err.contains("secrets.key_file"), "{err}");

        let mut pg = settings_for(dir.path());
        pg.database_url = Secret::new("postgres://lyceum@db/lyceum");
        let err = keyring(&pg).unwrap_err().to_string();
        assert!(err.contains("LYCEUM_SECRETS_KEY"), "{err}");
    }
}
