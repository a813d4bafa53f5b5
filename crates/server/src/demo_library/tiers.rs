//! The demo's practice library: tiers. After the demo's trial reports,
//! every published practice's proposal is brought up to date (through
//! `tiers::repropose`, as a filed report does); then a curator — Priya
//! Nair, the programme's author, or Sam Okafor, the programme admin, when
//! Priya wrote the practice — confirms the first practice's proposal with
//! a note, and the second is left waiting in the curators' queue.

use lyceum_db::library::tiers::{self, Decision};
use lyceum_db::{DbConn, DbError, memberships, users};
use lyceum_domain::email::EmailAddress;
use lyceum_domain::policy::Actor;
use lyceum_domain::{PracticeId, Timestamp};

const CURATORS: [&str; 2] = ["author@lyceum.example.org", "admin@lyceum.example.org"];

const CONFIRMATION: &str = "Confirmed after reading the trial reports: the logic model ties the \
     AI step to the outcome measured, and the comparison-group results were reported with \
     their sample and sites.";

pub fn seed(c: &mut DbConn, practices: &[PracticeId], now: Timestamp) -> Result<(), DbError> {
    for id in practices {
        tiers::repropose(c, *id, now)?;
    }
    // The first practice is confirmed; the second (and any after it)
    // waits in the queue.
    let Some(first) = practices.first().copied() else {
        return Ok(());
    };
    let Some((row, owner)) = lyceum_db::library::practice(c, first)? else {
        return Ok(());
    };
    if row.proposed_tier.is_none() {
        return Ok(());
    }
    for email in CURATORS {
        let email = EmailAddress::parse(email).map_err(|e| DbError::invalid("email", e))?;
        let Some(user) = users::by_email(c, &email)? else {
            continue;
        };
        let actor = Actor {
            user_id: user.id(),
            grants: memberships::grants_of(c, user.id())?,
        };
        if !actor.curates_practice(&owner, row.author_id) {
            continue;
        }
        let seen = row.proposed_at.unwrap_or(0);
        tiers::decide(
            c,
            first,
            &actor,
            Decision::Confirm,
            CONFIRMATION,
            seen,
            "http://localhost:8080",
            now,
        )?;
        break;
    }
    Ok(())
}
