//! Paths of the pages that links lead to from outside a page — emails the
//! worker builds in its hourly sweep — named once here for the web crate's
//! routes and the `jobs` crate's links alike, so neither can drift from the
//! other. (Links in emails a request causes are built by the web layer and
//! carried in the job.)

/// A certificate's public page: the route, and the link to one.
pub const CERTIFICATE: &str = "/certificates/{code}";

pub fn certificate(code: &str) -> String {
    CERTIFICATE.replace("{code}", code)
}

/// A certificate as a PDF.
pub const CERTIFICATE_PDF: &str = "/certificates/{code}/pdf";

pub fn certificate_pdf(code: &str) -> String {
    CERTIFICATE_PDF.replace("{code}", code)
}

/// A person's notifications and their digest settings.
pub const NOTIFICATIONS: &str = "/notifications";

/// The one click in a digest that stops digests.
pub const DIGEST_UNSUBSCRIBE: &str = "/digest/unsubscribe";

pub fn digest_unsubscribe(token: &str) -> String {
    format!("{DIGEST_UNSUBSCRIBE}?token={token}")
}

/// Where notifications of decisions lead (stored with each, so a link
/// keeps working as the person's later pages change).
pub fn course(slug: &str) -> String {
    format!("/courses/{slug}")
}

pub fn lesson(slug: &str, key: &str) -> String {
    format!("/courses/{slug}/lessons/{key}")
}

/// The facilitators' queue.
pub const REVIEW: &str = "/review";

/// An offering's page (a workshop or a cohort).
pub fn offering(id: crate::OfferingId) -> String {
    format!("/offerings/{id}")
}

/// Every session of an offering as one iCalendar file.
pub fn offering_calendar(id: crate::OfferingId) -> String {
    format!("/offerings/{id}/calendar.ics")
}

/// One session as an iCalendar file.
pub fn session_calendar(offering: crate::OfferingId, session: crate::SessionId) -> String {
    format!("/offerings/{offering}/sessions/{session}/calendar.ics")
}

/// One's calendar feed address and its reset.
pub const CALENDAR: &str = "/calendar";

/// A calendar feed at its secret address.
pub fn calendar_feed(token: &str) -> String {
    format!("/calendar/{token}.ics")
}

/// One hand-in in the queue.
pub fn hand_in(id: crate::HandInId) -> String {
    format!("{REVIEW}#hand-in-{id}")
}

/// One's transcript, with one's outside PD requests.
pub const TRANSCRIPT: &str = "/transcript";

/// An organisation's admins' queue of outside PD requests.
pub fn pd_requests_of(org: crate::OrgId) -> String {
    format!("/orgs/{org}/admin/pd-requests")
}

/// An organisation's roster import.
pub fn roster_import(org: crate::OrgId) -> String {
    format!("/orgs/{org}/admin/import")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_fill_in_their_routes() {
        assert_eq!(certificate("K7P2"), "/certificates/K7P2");
        assert_eq!(digest_unsubscribe("t0k"), "/digest/unsubscribe?token=t0k");
    }
}
