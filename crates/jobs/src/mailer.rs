//! Sending email: SMTP when configured, otherwise `.eml` files in an outbox
//! folder (a laptop install, the demo, and tests read them there).

use crate::email::Rendered;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};
use lyceum_domain::error_chain::Chain;
use lyceum_domain::secrets::Secret;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct MailerConfig {
    /// The From address, e.g. `Lyceum <no-reply@lyceum.example.org>`.
    pub from: String,
    /// `smtp://host:25`, `smtps://user:pass@host:465` or
    /// `smtp://user:pass@host:587?tls=required`; None writes to `outbox`.
    pub smtp_url: Option<Secret>,
    pub outbox: PathBuf,
}

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(AsyncFileTransport<Tokio1Executor>),
}

pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl Mailer {
    pub fn new(config: &MailerConfig) -> Result<Mailer, String> {
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|e| format!("mail.from {:?} is not an address: {e}", config.from))?;
        let transport = match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|e| format!("mail.smtp_url is not usable: {e}"))?
                    .build(),
            ),
            None => {
                std::fs::create_dir_all(&config.outbox).map_err(|e| {
                    format!(
                        "cannot create the outbox folder {}: {e}",
                        config.outbox.display()
                    )
                })?;
                Transport::Outbox(AsyncFileTransport::new(&config.outbox))
            }
        };
        Ok(Mailer { from, transport })
    }

    pub fn describe(&self) -> &'static str {
        match self.transport {
            Transport::Smtp(_) => "SMTP",
            Transport::Outbox(_) => "outbox folder",
        }
    }

    pub async fn send(&self, email: &Rendered) -> Result<(), String> {
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|e| format!("recipient {:?}: {e}", email.to))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&email.subject)
            .multipart(MultiPart::alternative_plain_html(
                email.text.clone(),
                email.html.clone(),
            ))
            .map_err(|e| e.to_string())?;
        match &self.transport {
            Transport::Smtp(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| Chain(&e).to_string()),
            Transport::Outbox(t) => t
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| Chain(&e).to_string()),
        }
    }
}
