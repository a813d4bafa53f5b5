//! "My learning": one person's courses in progress (with how far they are),
//! the ones completed, their certificates and their hand-ins with their
//! status — read in one trip, shared by the page and the API.

use crate::error::AppError;
use crate::state::AppState;
use lyceum_db::credit::{self, CertificateRow};
use lyceum_db::learning::{self, Progress};
use lyceum_db::practice::{self, MyHandIn};
use lyceum_domain::UserId;

pub struct MyLearning {
    /// Most recently active first.
    pub in_progress: Vec<Progress>,
    pub completed: Vec<Progress>,
    /// Newest first, revoked ones included (marked so).
    pub certificates: Vec<CertificateRow>,
    /// Newest first.
    pub hand_ins: Vec<MyHandIn>,
}

pub async fn of(state: &AppState, user: UserId) -> Result<MyLearning, AppError> {
    let (progress, certificates, hand_ins) = state
        .db
        .read(move |c| {
            Ok((
                learning::progress_of(c, user)?,
                credit::certificates_of(c, user)?,
                practice::hand_ins_of(c, user)?,
            ))
        })
        .await?;
    let (completed, in_progress) = progress.into_iter().partition(|p| p.completed_at.is_some());
    Ok(MyLearning {
        in_progress,
        completed,
        certificates,
        hand_ins,
    })
}
