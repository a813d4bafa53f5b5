use lyceum_domain::validation::Invalid;

/// The error underneath an infrastructure failure, kept (not flattened to
/// text) so the one log line for a failed request shows the whole chain.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The caller's input broke a rule; nothing was written.
    #[error("{0}")]
    Invalid(Invalid),
    /// The thing asked for does not exist (or is not visible).
    #[error("not found")]
    NotFound,
    #[error("database configuration: {0}")]
    Config(String),
    #[error("could not connect to the database: {what}")]
    Connect {
        what: String,
        #[source]
        cause: Option<Cause>,
    },
    #[error("no database connection free")]
    Pool(#[source] Cause),
    #[error("database query failed")]
    Query(#[from] diesel::result::Error),
    #[error("migration failed")]
    Migration(#[source] Cause),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    /// Work around the database failed: a thread, a task, a panic, no
    /// random numbers. The error underneath, if any, is kept for the log.
    #[error("database task failed: {what}")]
    Task {
        what: String,
        #[source]
        cause: Option<Cause>,
    },
    /// A roster import found these problems; nothing was written.
    #[error("the roster has {} problems", .0.len())]
    Roster(Vec<lyceum_domain::oneroster::Problem>),
    /// A competency framework could not be saved as it is; nothing was written.
    #[error("the framework has {} problems", .0.len())]
    Framework(Vec<lyceum_domain::competency::Problem>),
    /// A course could not be saved as it is; nothing was written.
    #[error("the course has {} problems", .0.len())]
    Course(Vec<lyceum_domain::json_input::Problem>),
}

impl From<Invalid> for DbError {
    fn from(value: Invalid) -> Self {
        DbError::Invalid(value)
    }
}

impl DbError {
    pub fn invalid(field: &str, code: &'static str) -> Self {
        DbError::Invalid(Invalid::one(field, code))
    }

    /// A task failure with nothing underneath.
    pub fn task(what: impl Into<String>) -> Self {
        DbError::Task {
            what: what.into(),
            cause: None,
        }
    }

    /// A task failure caused by `cause`.
    pub fn task_from(what: impl Into<String>, cause: impl Into<Cause>) -> Self {
        DbError::Task {
            what: what.into(),
            cause: Some(cause.into()),
        }
    }

    /// No connection to `what` (a URL without its password, a path).
    pub fn connect(what: impl Into<String>, cause: impl Into<Cause>) -> Self {
        DbError::Connect {
            what: what.into(),
            cause: Some(cause.into()),
        }
    }

    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    }
}
