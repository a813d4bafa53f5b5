//! An error with every cause under it, as one line — how a failure is
//! logged, once, where it ends (a request's response, a job's retry).
//! Errors keep their causes as `source()` rather than flattening them into
//! their own message, so this is the one place the chain is written out.

use std::error::Error;
use std::fmt;

/// Shows `error: cause: cause of the cause`.
pub struct Chain<'a>(pub &'a (dyn Error + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut cause = self.0.source();
        while let Some(e) = cause {
            write!(f, ": {e}")?;
            cause = e.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("saving the post")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn every_cause_is_written_once_in_order() {
        let e = Outer(std::io::Error::other("disk full"));
        assert_eq!(Chain(&e).to_string(), "saving the post: disk full");
        let alone = std::io::Error::other("alone");
        assert_eq!(Chain(&alone).to_string(), "alone");
    }
}
