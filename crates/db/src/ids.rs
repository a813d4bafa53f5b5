//! Typed ids (`lyceum_domain::ids`) read from their integer columns as rows
//! are read (`#[diesel(deserialize_as = Id<T>)]`, or `Id<Option<T>>` for a
//! nullable column) and written as their `.0`. The domain's id types know
//! nothing of SQL, so the conversion lives here, beside `Code<T>`.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, Queryable};
use diesel::sql_types::{BigInt, Nullable};
use lyceum_domain::{
    CourseId, HandInId, LibraryFileId, OfferingId, OrgId, PostId, PracticeId, ResourceId,
    SessionId, SpaceId, ToolId, TopicId, TrialReportId, UserId,
};

/// A stored id, read into `T`.
pub struct Id<T>(T);

/// The id types `Id` reads, plain and nullable.
macro_rules! ids {
    ($($t:ident),+ $(,)?) => {$(
        impl<DB> Queryable<BigInt, DB> for Id<$t>
        where
            DB: Backend,
            i64: FromSql<BigInt, DB>,
        {
            type Row = i64;

            fn build(id: i64) -> deserialize::Result<Self> {
                Ok(Id($t(id)))
            }
        }

        impl<DB> Queryable<Nullable<BigInt>, DB> for Id<Option<$t>>
        where
            DB: Backend,
            Option<i64>: FromSql<Nullable<BigInt>, DB>,
        {
            type Row = Option<i64>;

            fn build(id: Option<i64>) -> deserialize::Result<Self> {
                Ok(Id(id.map($t)))
            }
        }

        impl From<Id<$t>> for $t {
            fn from(id: Id<$t>) -> Self {
                id.0
            }
        }

        impl From<Id<Option<$t>>> for Option<$t> {
            fn from(id: Id<Option<$t>>) -> Self {
                id.0
            }
        }
    )+};
}

ids!(
    UserId,
    OrgId,
    SpaceId,
    TopicId,
    PostId,
    CourseId,
    HandInId,
    OfferingId,
    SessionId,
    PracticeId,
    TrialReportId,
    ResourceId,
    LibraryFileId,
    ToolId
);

// The challenge radar.
use lyceum_domain::ChallengeId;
ids!(ChallengeId);
