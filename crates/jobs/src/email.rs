//! What each email says, in the recipient's language.

use askama::Template;
use lyceum_domain::community::NotificationKind;
use lyceum_domain::i18n::{Arg, Lang, catalogue};
use lyceum_domain::jobs::{Email, EmailMessage};
use lyceum_domain::workshop::News;

/// An email ready to send: subject, plain text and HTML.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The parts every Lyceum email has.
struct Content {
    lang: Lang,
    subject: String,
    greeting: String,
    paragraphs: Vec<String>,
    action: Option<(String, String)>,
    footer: String,
}

#[derive(Template)]
#[template(path = "email.txt")]
struct TextEmail<'a> {
    c: &'a Content,
}

#[derive(Template)]
#[template(path = "email.html")]
struct HtmlEmail<'a> {
    c: &'a Content,
}

impl Content {
    fn lang_code(&self) -> &'static str {
        self.lang.as_str()
    }
}

pub fn render(email: &Email) -> Result<Rendered, askama::Error> {
    let lang = email.lang;
    let c = catalogue();
    let t = |key: &str| c.text(lang, key);
    let t1 =
        |key: &str, name: &str, value: &str| c.text_with(lang, key, &[(name, Arg::Str(value))]);
    let (prefix, name, paragraphs, action) = match &email.message {
        EmailMessage::VerifyEmail { name, link } => (
            "email-verify",
            name.as_str(),
            vec![t("email-verify-body"), t("email-verify-expiry")],
            Some((t("email-verify-action"), link.clone())),
        ),
        EmailMessage::ResetPassword { name, link } => (
            "email-reset",
            name.as_str(),
            vec![
                t("email-reset-body"),
                t("email-reset-expiry"),
                t("email-reset-tokens"),
            ],
            Some((t("email-reset-action"), link.clone())),
        ),
        EmailMessage::AccountExists { name, link } => (
            "email-exists",
            name.as_str(),
            vec![t("email-exists-body"), t("email-exists-not-you")],
            Some((t("email-exists-action"), link.clone())),
        ),
        EmailMessage::ConfirmEmailChange { name, link } => (
            "email-change",
            name.as_str(),
            vec![t("email-change-body"), t("email-change-expiry")],
            Some((t("email-change-action"), link.clone())),
        ),
        EmailMessage::EmailChanged { name, new_email } => (
            "email-changed",
            name.as_str(),
            vec![
                t1("email-changed-body", "email", new_email),
                t("email-changed-not-you"),
            ],
            None,
        ),
        EmailMessage::Invitation {
            org_name,
            inviter,
            role,
            link,
        } => (
            "email-invitation",
            "",
            vec![
                c.text_with(
                    lang,
                    "email-invitation-body",
                    &[
                        ("inviter", Arg::Str(inviter)),
                        ("org", Arg::Str(org_name)),
                        ("role", Arg::Str(&t(&role.label_key()))),
                    ],
                ),
                t("email-invitation-expiry"),
            ],
            Some((t("email-invitation-action"), link.clone())),
        ),
        EmailMessage::Notice {
            name,
            about,
            actor,
            subject,
            link,
            extra_link,
        } => {
            let mut paragraphs = vec![notice(lang, *about, actor, subject)];
            if let Some(l) = extra_link {
                paragraphs.push(t1("email-notice-certificate", "link", l));
            }
            paragraphs.push(t("email-notice-settings"));
            (
                "email-notice",
                name.as_str(),
                paragraphs,
                Some((t("email-notice-action"), link.clone())),
            )
        }
        EmailMessage::Digest {
            name,
            count,
            topics,
            new_topics,
            decisions,
            link,
            unsubscribe,
        } => {
            let mut paragraphs =
                vec![c.text_with(lang, "email-digest-body", &[("count", Arg::Num(*count))])];
            paragraphs.extend(topics.iter().map(|t| format!("• {t}")));
            paragraphs.extend(new_topics.iter().map(|(space, topic)| {
                c.text_with(
                    lang,
                    "email-digest-new-topic",
                    &[("topic", Arg::Str(topic)), ("space", Arg::Str(space))],
                )
            }));
            paragraphs.extend(
                decisions
                    .iter()
                    .map(|(kind, who, about)| format!("• {}", notice(lang, *kind, who, about))),
            );
            paragraphs.push(t1("email-digest-unsubscribe", "link", unsubscribe));
            (
                "email-digest",
                name.as_str(),
                paragraphs,
                Some((t("email-digest-action"), link.clone())),
            )
        }
        EmailMessage::RosterLinked {
            name,
            org_name,
            source,
        } => {
            let about = [("org", Arg::Str(org_name)), ("source", Arg::Str(source))];
            (
                "email-roster-linked",
                name.as_str(),
                vec![
                    c.text_with(lang, "email-roster-linked-body", &about),
                    t("email-roster-linked-yours"),
                    c.text_with(lang, "email-roster-linked-contact", &about),
                ],
                None,
            )
        }
        EmailMessage::CertificateExpiring {
            name,
            course,
            expires_on,
            link,
        } => (
            "email-certificate-expiring",
            name.as_str(),
            vec![
                c.text_with(
                    lang,
                    "email-certificate-expiring-body",
                    &[("course", Arg::Str(course)), ("date", Arg::Str(expires_on))],
                ),
                t("email-certificate-expiring-after"),
            ],
            Some((t("email-certificate-expiring-action"), link.clone())),
        ),
        EmailMessage::Workshop {
            name,
            about,
            offering,
            when,
            link,
            note,
        } => {
            let args = [("offering", Arg::Str(offering)), ("when", Arg::Str(when))];
            let mut paragraphs =
                vec![c.text_with(lang, &format!("email-workshop-{about}-body"), &args)];
            if let Some(note) = note.as_deref().filter(|n| !n.trim().is_empty()) {
                paragraphs.push(match about {
                    // A reminder's note is the session's calendar file.
                    News::Reminder => t1("email-workshop-reminder-calendar", "link", note),
                    _ => t1("email-workshop-note", "note", note),
                });
            }
            (
                match about {
                    News::SeatConfirmed => "email-workshop-seat_confirmed",
                    News::Reminder => "email-workshop-reminder",
                    News::Changed => "email-workshop-changed",
                    News::Cancelled => "email-workshop-cancelled",
                },
                name.as_str(),
                paragraphs,
                Some((t("email-workshop-action"), link.clone())),
            )
        }
    };
    let greeting = if name.is_empty() {
        t("email-greeting-anonymous")
    } else {
        t1("email-greeting", "name", name)
    };
    let subject = match &email.message {
        // Said as the notification says it.
        EmailMessage::Notice {
            about,
            actor,
            subject,
            ..
        } => notice(lang, *about, actor, subject),
        _ => t(&format!("{prefix}-subject")),
    };
    let content = Content {
        lang,
        subject,
        greeting,
        paragraphs,
        action,
        footer: t("email-footer"),
    };
    Ok(Rendered {
        to: email.to.clone(),
        subject: content.subject.clone(),
        text: TextEmail { c: &content }.render()?,
        html: HtmlEmail { c: &content }.render()?,
    })
}

/// A notification as its page says it: who did what about what.
fn notice(lang: Lang, kind: NotificationKind, actor: &str, about: &str) -> String {
    catalogue().text_with(
        lang,
        &kind.label_key(),
        &[("name", Arg::Str(actor)), ("topic", Arg::Str(about))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use lyceum_domain::role::Role;

    #[test]
    fn renders_in_both_languages_with_the_link() {
        for lang in Lang::ALL {
            let email = Email {
                to: "ana@example.org".into(),
                lang: *lang,
                message: EmailMessage::Invitation {
                    org_name: "Lincoln <Elementary>".into(),
                    inviter: "Bo".into(),
                    role: Role::Facilitator,
                    link: "https://lyceum.example/invitations/abc".into(),
                },
            };
            let r = render(&email).unwrap();
            assert!(
                !r.subject.starts_with("email-"),
                "missing subject for {lang}"
            );
            assert!(r.text.contains("https://lyceum.example/invitations/abc"));
            assert!(r.text.contains("Lincoln <Elementary>"));
            // HTML is escaped.
            assert!(
                r.html.contains("Lincoln &#60;Elementary&#62;")
                    || r.html.contains("Lincoln &lt;Elementary&gt;")
            );
            assert!(r.html.contains(&format!("lang=\"{}\"", lang.as_str())));
        }
    }

    #[test]
    fn a_certificate_reminder_names_the_course_and_the_day() {
        let email = |lang| Email {
            to: "ana@example.org".into(),
            lang,
            message: EmailMessage::CertificateExpiring {
                name: "Ana".into(),
                course: "Checking claims".into(),
                expires_on: "2027-01-26".into(),
                link: "https://lyceum.example/certificates/xyz".into(),
            },
        };
        let es = render(&email(Lang::Es)).unwrap();
        assert_eq!(es.subject, "Su certificado de Lyceum vence pronto");
        assert!(
            es.text
                .contains("Su certificado de «Checking claims» vence el 2027-01-26.")
        );
        assert!(es.text.contains("https://lyceum.example/certificates/xyz"));
        let en = render(&email(Lang::En)).unwrap();
        assert!(en.text.contains("Hello Ana,"), "{}", en.text);
    }

    #[test]
    fn a_roster_link_says_who_linked_and_whom_to_ask() {
        for lang in Lang::ALL {
            let r = render(&Email {
                to: "ana@example.org".into(),
                lang: *lang,
                message: EmailMessage::RosterLinked {
                    name: "Ana".into(),
                    org_name: "Columbus City Schools".into(),
                    source: "columbus-sis".into(),
                },
            })
            .unwrap();
            assert!(!r.subject.starts_with("email-"), "{lang}");
            assert_eq!(
                r.text.matches("Columbus City Schools").count(),
                3,
                "{}",
                r.text
            );
            assert!(r.text.contains("columbus-sis"), "{}", r.text);
        }
    }

    #[test]
    fn a_decision_is_said_as_its_notification_in_the_readers_language() {
        let email = |lang| Email {
            to: "ana@example.org".into(),
            lang,
            message: EmailMessage::Notice {
                name: "Ana".into(),
                about: NotificationKind::CourseCompleted,
                actor: "Bo".into(),
                subject: "Checking claims".into(),
                link: "https://lyceum.example/courses/checking-claims".into(),
                extra_link: Some("https://lyceum.example/certificates/K7P2".into()),
            },
        };
        let es = render(&email(Lang::Es)).unwrap();
        assert_eq!(
            es.subject,
            "Completó «Checking claims» cuando Bo aceptó su tarea"
        );
        assert!(
            es.text
                .contains("Su certificado: https://lyceum.example/certificates/K7P2")
        );
        assert!(
            es.text
                .contains("https://lyceum.example/courses/checking-claims")
        );
        let en = render(&email(Lang::En)).unwrap();
        assert_eq!(
            en.subject,
            "You completed “Checking claims” when Bo accepted your task"
        );
    }
}
