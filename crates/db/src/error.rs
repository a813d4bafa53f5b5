use lyceum_domain::validation::Invalid;

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
    #[error("could not connect to the database: {0}")]
    Connect(String),
    #[error("no database connection free: {0}")]
    Pool(String),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("database task failed: {0}")]
    Task(String),
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
