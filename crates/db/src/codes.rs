//! Fixed codes stored as text (a space's visibility, a topic's kind, a
//! notification's kind, a reaction's kind, a digest's frequency, an
//! organisation's kind, a role, the status of a draft, a hand-in or a PD
//! request, a hand-in's kind of artefact, a course's delivery, a PD credit's
//! source), read into
//! their domain enums as rows are read (a column of a struct with
//! `deserialize_as`, or `Code<T>` itself in a loaded tuple):
//! past this boundary nobody compares strings. A code the enum does not
//! know fails the read, as a column of the wrong type would.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, Queryable};
use diesel::sql_types::Text;
use lyceum_domain::community::{
    DecisionEmail, DigestFrequency, FlagCategory, NotificationKind, Reaction, TopicKind, Visibility,
};
use lyceum_domain::course::task::{ArtefactKind, SubmissionStatus};
use lyceum_domain::course::{Delivery, DraftStatus};
use lyceum_domain::i18n::Lang;
use lyceum_domain::library::{
    Design, DraftStatus as PracticeDraftStatus, EffectDirection, Fidelity, Licence, ResourceKind,
};
use lyceum_domain::org::OrgKind;
use lyceum_domain::pd::{RequestStatus, Source};
use lyceum_domain::registry::review::{Criterion, Rating};
use lyceum_domain::registry::status::ToolStatus;
use lyceum_domain::registry::{CostModel, PrivacyAgreement};
use lyceum_domain::role::Role;
use lyceum_domain::workshop::{Mark, Mode, RegistrationStatus};

/// A stored code, read (`#[diesel(deserialize_as = Code<T>)]`) into `T`.
pub struct Code<T>(T);

/// The enums `Code` reads: each with its `parse`.
macro_rules! codes {
    ($($t:ty),+ $(,)?) => {$(
        impl<DB> Queryable<Text, DB> for Code<$t>
        where
            DB: Backend,
            String: FromSql<Text, DB>,
        {
            type Row = String;

            fn build(code: String) -> deserialize::Result<Self> {
                <$t>::parse(&code)
                    .map(Code)
                    .ok_or_else(|| format!("unknown {} code {code:?}", stringify!($t)).into())
            }
        }

        impl From<Code<$t>> for $t {
            fn from(c: Code<$t>) -> Self {
                c.0
            }
        }
    )+};
}

codes!(
    Visibility,
    TopicKind,
    NotificationKind,
    Reaction,
    DigestFrequency,
    DecisionEmail,
    OrgKind,
    Role,
    DraftStatus,
    RequestStatus,
    SubmissionStatus,
    ArtefactKind,
    Delivery,
    Source,
    FlagCategory,
    Lang,
    Mode,
    RegistrationStatus,
    Mark,
    PracticeDraftStatus,
    Licence,
    Fidelity,
    Design,
    EffectDirection,
    ResourceKind,
    CostModel,
    PrivacyAgreement,
    Criterion,
    Rating,
    ToolStatus
);

// The challenge radar.
codes!(
    lyceum_domain::radar::Category,
    lyceum_domain::radar::Severity,
    lyceum_domain::radar::Status
);
