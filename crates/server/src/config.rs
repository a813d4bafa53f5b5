//! Configuration: defaults, then a TOML file, then `LYCEUM_*` environment
//! variables (`LYCEUM_DATABASE_URL` sets `database.url`), checked once at
//! start-up into [`Settings`] with messages that name the key at fault.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use lyceum_db::{DbTarget, PoolOptions};
use lyceum_jobs::{MailerConfig, WorkerConfig};
use lyceum_web::WebConfig;
use serde::{Deserialize, Serialize};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use lyceum_domain::secrets::Secret;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub server: ServerSection,
    pub database: DatabaseSection,
    pub mail: MailSection,
    pub session: SessionSection,
    pub worker: WorkerSection,
    pub log: LogSection,
    pub secrets: SecretsSection,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSection {
    /// Address and port to listen on.
    pub listen: String,
    /// Where people reach Lyceum (scheme, host, port), if not `http://<listen>`.
    pub public_url: Option<String>,
    /// Proxies whose X-Forwarded-For is believed.
    pub trusted_proxies: Vec<String>,
    pub request_timeout_secs: u64,
    pub auth_attempts_per_minute: u32,
    pub metrics_token: Option<Secret>,
    /// Allow single sign-on providers on this machine's loopback address,
    /// over plain HTTP: for development and tests only. Off, providers must
    /// be `https` on public addresses.
    pub sso_local_providers: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSection {
    /// `sqlite://PATH` or `postgres://USER@HOST/DB`.
    pub url: Secret,
    /// Pool size; 8 on SQLite and 16 on PostgreSQL if unset.
    pub max_connections: Option<u32>,
    /// Apply pending migrations when `serve` starts.
    pub migrate_on_start: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailSection {
    pub from: String,
    /// SMTP server URL; without it, emails are written to `outbox`.
    pub smtp_url: Option<Secret>,
    pub outbox: PathBuf,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SessionSection {
    pub idle_minutes: u64,
    pub absolute_hours: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkerSection {
    /// Run the job worker inside `serve` (turn off when running `lyceum worker` apart).
    pub enabled: bool,
    pub poll_ms: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSection {
    /// `plain` or `json`.
    pub format: String,
    /// A tracing filter, e.g. `info` or `lyceum_web=debug,info`. RUST_LOG wins.
    pub level: String,
}

/// The key that encrypts stored secrets (client secrets of sign-in
/// providers), kept outside the database. One of `key` (base64 of 32
/// random bytes; `LYCEUM_SECRETS_KEY`) or `key_file` (a file holding
/// that). Without either, on SQLite a key file is made beside the database
/// at first start (`secrets.key`, mode 0600); PostgreSQL, shared by
/// several servers, needs one configured. To rotate: make the new key the
/// key, list the old one in `previous_keys` or `previous_key_files`, restart
/// every server, then run `lyceum admin rotate-secrets`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecretsSection {
    pub key: Option<Secret>,
    pub key_file: Option<PathBuf>,
    /// Older keys: still read, never used to encrypt.
    pub previous_keys: Vec<Secret>,
    pub previous_key_files: Vec<PathBuf>,
}

/// The sections of the configuration, as in the TOML file.
const SECTIONS: [&str; 7] = [
    "server", "database", "mail", "session", "worker", "log", "secrets",
];

pub const DEFAULT_DB_URL: &str = "sqlite://./lyceum-data/lyceum.db";

impl Default for ServerSection {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:8080".into(),
            public_url: None,
            trusted_proxies: Vec::new(),
            request_timeout_secs: 30,
            auth_attempts_per_minute: 30,
            metrics_token: None,
            sso_local_providers: false,
        }
    }
}

impl Default for DatabaseSection {
    fn default() -> Self {
        Self {
            url: Secret::new(DEFAULT_DB_URL),
            max_connections: None,
            migrate_on_start: true,
        }
    }
}

impl Default for MailSection {
    fn default() -> Self {
        Self {
            from: "Lyceum <no-reply@localhost>".into(),
            smtp_url: None,
            outbox: PathBuf::from("./lyceum-data/outbox"),
        }
    }
}

impl Default for SessionSection {
    fn default() -> Self {
        Self {
            idle_minutes: 240,
            absolute_hours: 24,
        }
    }
}

impl Default for WorkerSection {
    fn default() -> Self {
        Self {
            enabled: true,
            poll_ms: 2000,
        }
    }
}

impl Default for LogSection {
    fn default() -> Self {
        Self {
            format: "plain".into(),
            level: "info".into(),
        }
    }
}

impl Config {
    /// Defaults, then `file` (which must exist if named), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Config, String> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            if !path.exists() {
                return Err(format!("the config file {} does not exist", path.display()));
            }
            figment = figment.merge(Toml::file(path));
        }
        let env = Env::prefixed("LYCEUM_")
            // Only the sections are configuration; other LYCEUM_* variables
            // (LYCEUM_CONFIG, test settings, scripts' own) are left alone,
            // while a mistyped key inside a section is still an error.
            .filter(|k| {
                let k = k.as_str().to_ascii_lowercase();
                SECTIONS.iter().any(|s| k.starts_with(&format!("{s}_")))
            })
            // LYCEUM_DATABASE_URL → database.url: sections hold no underscore.
            .map(|k| k.as_str().replacen('_', ".", 1).into());
        figment
            .merge(env)
            .extract()
            .map_err(|e| format!("configuration: {e}"))
    }

    /// Checks everything that can be checked before start-up.
    pub fn settings(&self) -> Result<Settings, String> {
        let listen: SocketAddr = self.server.listen.parse().map_err(|_| {
            format!(
                "server.listen {:?} is not an address like 127.0.0.1:8080",
                self.server.listen
            )
        })?;
        if let Some(url) = &self.server.public_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(format!(
                "server.public_url {url:?} must start with http:// or https://"
            ));
        }
        let trusted_proxies = self
            .server
            .trusted_proxies
            .iter()
            .map(|p| {
                p.parse::<IpAddr>()
                    .map_err(|_| format!("server.trusted_proxies: {p:?} is not an IP address"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let target = DbTarget::parse(self.database.url.expose())
            .map_err(|e| format!("database.url: {e}"))?;
        // SQLite work is CPU on this machine: more connections than twice the
        // cores only adds switching. PostgreSQL work waits on the network.
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
        let max_connections = self.database.max_connections.unwrap_or(match target {
            DbTarget::Sqlite(_) => (cores * 2).clamp(4, 16),
            DbTarget::Postgres(_) => 16,
        });
        if max_connections == 0 {
            return Err("database.max_connections must be at least 1".into());
        }
        if !matches!(self.log.format.as_str(), "plain" | "json") {
            return Err(format!(
                "log.format {:?} must be \"plain\" or \"json\"",
                self.log.format
            ));
        }
        if self.session.idle_minutes == 0 || self.session.absolute_hours == 0 {
            return Err(
                "session.idle_minutes and session.absolute_hours must be at least 1".into(),
            );
        }
        if self.session.idle_minutes > self.session.absolute_hours * 60 {
            return Err("session.idle_minutes cannot be longer than session.absolute_hours".into());
        }
        if self.secrets.key.is_some() && self.secrets.key_file.is_some() {
            return Err("secrets.key and secrets.key_file: set one, not both".into());
        }
        if self.server.request_timeout_secs == 0 || self.worker.poll_ms == 0 {
            return Err("server.request_timeout_secs and worker.poll_ms must be at least 1".into());
        }
        let web = WebConfig {
            public_url: self.server.public_url.clone().unwrap_or_default(),
            session_idle: Duration::from_secs(self.session.idle_minutes * 60),
            session_absolute: Duration::from_secs(self.session.absolute_hours * 3600),
            trusted_proxies,
            auth_attempts_per_minute: self.server.auth_attempts_per_minute,
            metrics_token: self.server.metrics_token.clone(),
            request_timeout: Duration::from_secs(self.server.request_timeout_secs),
            sso_local_providers: self.server.sso_local_providers,
            mail_from: self.mail.from.clone(),
            // The secrets key and the DNS resolver are set up by the app.
            ..WebConfig::default()
        };
        Ok(Settings {
            listen,
            database_url: self.database.url.clone(),
            pool: PoolOptions {
                max_connections,
                ..PoolOptions::default()
            },
            migrate_on_start: self.database.migrate_on_start,
            web,
            mail: MailerConfig {
                from: self.mail.from.clone(),
                smtp_url: self.mail.smtp_url.clone(),
                outbox: self.mail.outbox.clone(),
            },
            worker: WorkerConfig {
                poll: Duration::from_millis(self.worker.poll_ms),
                ..WorkerConfig::default()
            },
            run_worker: self.worker.enabled,
            secrets: self.secrets.clone(),
        })
    }
}

/// Checked configuration, in the types each crate wants.
#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    pub database_url: Secret,
    pub pool: PoolOptions,
    pub migrate_on_start: bool,
    /// `public_url` empty means "http://" + the address actually bound.
    pub web: WebConfig,
    pub mail: MailerConfig,
    pub worker: WorkerConfig,
    pub run_worker: bool,
    /// Where the secrets key comes from; read by [`crate::secrets::keyring`].
    pub secrets: SecretsSection,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        let s = Config::default().settings().unwrap();
        assert_eq!(s.listen.port(), 8080);
        assert!((4..=16).contains(&s.pool.max_connections));
    }

    #[test]
    fn errors_name_the_key() {
        let mut c = Config::default();
        c.server.listen = "localhost".into();
        assert!(c.settings().unwrap_err().contains("server.listen"));
        let mut c = Config::default();
        c.database.url = Secret::new("mysql://x");
        assert!(c.settings().unwrap_err().contains("database.url"));
        let mut c = Config::default();
        c.log.format = "xml".into();
        assert!(c.settings().unwrap_err().contains("log.format"));
        let mut c = Config::default();
        c.server.trusted_proxies = vec!["proxy.local".into()];
        assert!(c.settings().unwrap_err().contains("trusted_proxies"));
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment's Jail decides the closure's type
    fn reads_toml_and_environment() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "lyceum.toml",
                "[server]\nlisten = \"0.0.0.0:9000\"\n[database]\nurl = \"sqlite://./x.db\"\n",
            )?;
            jail.set_env("LYCEUM_DATABASE_URL", "postgres://lyceum@db/lyceum");
            jail.set_env("LYCEUM_TEST_POSTGRES_URL", "ignored");
            jail.set_env("LYCEUM_BROWSER_TESTS", "required");
            jail.set_env(
                "LYCEUM_SERVER_TRUSTED_PROXIES",
                "[\"10.0.0.2\", \"10.0.0.3\"]",
            );
            let c = Config::load(Some(Path::new("lyceum.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(c.server.listen, "0.0.0.0:9000");
            assert_eq!(c.database.url.expose(), "postgres://lyceum@db/lyceum");
            assert_eq!(c.server.trusted_proxies, ["10.0.0.2", "10.0.0.3"]);
            jail.create_file("bad.toml", "[server]\nlisen = \"x\"\n")?;
            let err = Config::load(Some(Path::new("bad.toml"))).unwrap_err();
            assert!(err.contains("lisen"), "{err}");
            jail.set_env("LYCEUM_SERVER_LISEN", "x");
            let err = Config::load(None).unwrap_err();
            assert!(
                err.contains("lisen"),
                "a mistyped key in a section is an error: {err}"
            );
            Ok(())
        });
    }

    #[test]
    fn secrets_never_show_in_the_settings_debug_output() {
        let mut c = Config::default();
        c.database.url = Secret::new("postgres://lyceum:db-pass-1@db/lyceum");
        c.mail.smtp_url = Some(Secret::new("smtps://mail:smtp-pass-2@mail.example.org:465"));
        c.server.metrics_token = Some(Secret::new("metrics-token-3"));
        c.secrets.key = Some(Secret::new("key-4"));
        let shown = format!("{c:?} {:?}", c.settings().unwrap());
        for secret in ["db-pass-1", "smtp-pass-2", "metrics-token-3", "key-4"] {
            assert!(!shown.contains(secret), "{secret} shows in {shown}");
        }
    }
}
