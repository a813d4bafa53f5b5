//! Background work, as it is stored in the job queue.
//!
//! The web layer enqueues a [`Job`] in the same transaction as the write that
//! causes it; the worker (crate `lyceum-jobs`) runs it later, with retries.

use crate::community::NotificationKind;
use crate::i18n::Lang;
use crate::role::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Job {
    SendEmail(Email),
    /// Tells the followers of a topic's space that it was started: done by
    /// the worker, a batch at a time, so that a space with thousands of
    /// followers does not slow the request that starts the topic.
    TopicStarted {
        topic: crate::TopicId,
    },
    /// Tells the people who may review a hand-in that it waits for them
    /// (they can be many: done by the worker). `base` is the deployment's
    /// public address, for the emails of those who want them at once.
    HandInWaiting {
        hand_in: crate::HandInId,
        base: String,
    },
    /// Tells the followers of a practice of a new trial report (they can be
    /// thousands: done by the worker, a batch at a time, so filing holds
    /// the write lock for one queued job; its author was told when it was
    /// filed). `base` as for `HandInWaiting`.
    TrialReported {
        report: crate::TrialReportId,
        base: String,
    },
}

impl Job {
    /// The queue's `kind` column: what the job does, for operators and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            Job::SendEmail(_) => "send_email",
            Job::TopicStarted { .. } => "topic_started",
            Job::HandInWaiting { .. } => "hand_in_waiting",
            Job::TrialReported { .. } => "trial_reported",
        }
    }
}

/// An email to one person, in their language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    pub to: String,
    pub lang: Lang,
    pub message: EmailMessage,
}

/// What the email says. Links are absolute and built by the web layer,
/// which knows the public address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EmailMessage {
    VerifyEmail {
        name: String,
        link: String,
    },
    ResetPassword {
        name: String,
        link: String,
    },
    ConfirmEmailChange {
        name: String,
        link: String,
    },
    /// Someone tried to register with the address of an existing account:
    /// its owner hears of it (the page that was filled in says nothing).
    AccountExists {
        name: String,
        link: String,
    },
    EmailChanged {
        name: String,
        new_email: String,
    },
    Invitation {
        org_name: String,
        inviter: String,
        role: Role,
        link: String,
    },
    /// Unread community notifications: how many, the topics they are
    /// about, where to read them and how to stop these emails.
    Digest {
        name: String,
        count: i64,
        topics: Vec<String>,
        /// Topics started in spaces they follow: (space, topic title).
        /// Absent from digests queued before there were any.
        #[serde(default)]
        new_topics: Vec<(String, String)>,
        /// Decisions and work waiting, for those who want them in the
        /// digest: (kind, who, what about).
        #[serde(default)]
        decisions: Vec<(NotificationKind, String, String)>,
        link: String,
        unsubscribe: String,
    },
    /// A roster (the source `source` of the organisation `org_name`) took in
    /// the person's existing account: sent the first time, so nobody is
    /// linked without knowing whom to ask.
    RosterLinked {
        name: String,
        org_name: String,
        source: String,
    },
    /// A decision about their work, or work waiting for them, sent at once
    /// (the person's choice): said as the notification says it.
    Notice {
        name: String,
        /// What happened (`kind` is this enum's tag).
        about: NotificationKind,
        actor: String,
        subject: String,
        link: String,
        /// The certificate a completed course issued.
        #[serde(default)]
        extra_link: Option<String>,
    },
    /// A certificate expires soon (`expires_on` is `YYYY-MM-DD`).
    CertificateExpiring {
        name: String,
        course: String,
        expires_on: String,
        link: String,
    },
    /// News of a workshop one registered for: a seat confirmed (from the
    /// waitlist too), a reminder, a change, a cancellation.
    Workshop {
        name: String,
        about: crate::workshop::News,
        offering: String,
        /// The next session's start, on the reader's calendar with its zone
        /// named (`human_datetime`), written when the email is queued.
        when: String,
        link: String,
        /// The organiser's message (a change or a cancellation); for a
        /// reminder, the address of the session's calendar file.
        #[serde(default)]
        note: Option<String>,
    },
}
