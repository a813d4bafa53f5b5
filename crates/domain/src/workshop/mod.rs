//! Workshops: scheduled, facilitated learning. An offering (a cohort run of
//! a course, or a standalone workshop) is held in sessions; people register
//! for a seat or a place on its waitlist; facilitators mark attendance; the
//! offering's credit rule decides who earns its PD hours.
//!
//! `offering.rs` checks what an admin plans (the offering and its
//! sessions, in local time in a named zone); the rest of the rules sit
//! beside it, one file each.

pub mod attendance;
pub mod ical;
pub mod offering;
pub mod survey;

/// Symbols in a session's check-in code: short enough to read off a
/// screen in the room; guesses are limited per person and network, and a
/// code works only for its session, from 30 minutes before it starts.
pub const CHECKIN_CODE_LEN: usize = 6;

/// A new check-in code, such as `K7PMX3`.
pub fn new_checkin_code() -> Result<String, getrandom::Error> {
    crate::token::legible_symbols(CHECKIN_CODE_LEN)
}

crate::code_enum! {
    /// Where a session is held.
    pub enum Mode: "session-mode" {
        InPerson = "in_person",
        Virtual = "virtual",
        /// In a room, and online for those who join from afar.
        Both = "both",
    }
}

impl Mode {
    /// Whether the session has a room people come to.
    pub fn in_person(self) -> bool {
        matches!(self, Mode::InPerson | Mode::Both)
    }

    /// Whether the session has a meeting link.
    pub fn virtual_(self) -> bool {
        matches!(self, Mode::Virtual | Mode::Both)
    }
}

crate::code_enum! {
    /// Where one person's registration for an offering stands.
    pub enum RegistrationStatus: "registration-status" {
        /// Waiting for an admin of the organising organisation to confirm.
        Pending = "pending",
        /// Holds a seat.
        Confirmed = "confirmed",
        /// Waits for a seat, in arrival order.
        Waitlisted = "waitlisted",
        /// The person (or an admin) cancelled.
        Cancelled = "cancelled",
        /// An admin did not approve.
        Declined = "declined",
    }
}

impl RegistrationStatus {
    /// Still in play: holding, waiting for or asking for a seat.
    pub fn active(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Pending
                | RegistrationStatus::Confirmed
                | RegistrationStatus::Waitlisted
        )
    }
}

crate::code_enum! {
    /// A session's attendance mark for one person.
    pub enum Mark: "attendance-mark" {
        Present = "present",
        Late = "late",
        LeftEarly = "left_early",
        Absent = "absent",
        Excused = "excused",
    }
}

impl Mark {
    /// Whether the mark counts as attending, for the credit rule.
    pub fn attended(self) -> bool {
        matches!(self, Mark::Present | Mark::Late | Mark::LeftEarly)
    }
}

crate::code_enum! {
    /// What an email about a workshop tells.
    pub enum News: "workshop-news" {
        /// A seat is theirs: registered, approved, or promoted from the waitlist.
        SeatConfirmed = "seat_confirmed",
        /// A session starts soon.
        Reminder = "reminder",
        /// A session's time or place changed.
        Changed = "changed",
        /// The offering (or a session) was cancelled.
        Cancelled = "cancelled",
    }
}
