//! Multipart forms as the app's pages send them, built in one place so that
//! tests follow when a form gains or renames a field.

use lyceum_domain::OrgId;
use reqwest::multipart::{Form, Part};

/// The outside PD request form (`/transcript/outside`, and the API's
/// `POST /api/v1/pd-requests`, which reads the same fields). Unless changed:
/// 40 hours finished on 2026-10-02, a link for evidence, no file.
#[derive(Debug, Clone)]
pub struct OutsidePd {
    title: String,
    description: String,
    hours: String,
    completed_on: String,
    evidence_url: String,
    org: OrgId,
    evidence_file: Option<(String, Vec<u8>)>,
}

impl OutsidePd {
    pub fn new(org: OrgId, title: &str) -> OutsidePd {
        OutsidePd {
            title: title.to_string(),
            description: String::new(),
            hours: "40".to_string(),
            completed_on: "2026-10-02".to_string(),
            evidence_url: "https://example.org/proof".to_string(),
            org,
            evidence_file: None,
        }
    }

    #[must_use]
    pub fn description(mut self, description: &str) -> OutsidePd {
        self.description = description.to_string();
        self
    }

    /// As typed, so tests can send "3,5" or "0.3".
    #[must_use]
    pub fn hours(mut self, hours: &str) -> OutsidePd {
        self.hours = hours.to_string();
        self
    }

    #[must_use]
    pub fn completed_on(mut self, date: &str) -> OutsidePd {
        self.completed_on = date.to_string();
        self
    }

    #[must_use]
    pub fn evidence_url(mut self, url: &str) -> OutsidePd {
        self.evidence_url = url.to_string();
        self
    }

    #[must_use]
    pub fn evidence_file(mut self, name: &str, bytes: &[u8]) -> OutsidePd {
        self.evidence_file = Some((name.to_string(), bytes.to_vec()));
        self
    }

    /// The form; with no file, the empty file part a browser sends for an
    /// input left empty.
    pub fn form(self) -> Form {
        let (name, bytes) = self.evidence_file.unwrap_or_default();
        Form::new()
            .text("title", self.title)
            .text("description", self.description)
            .text("hours", self.hours)
            .text("completed_on", self.completed_on)
            .text("evidence_url", self.evidence_url)
            .text("org", self.org.0.to_string())
            .part("evidence_file", Part::bytes(bytes).file_name(name))
    }
}
