//! Proving an email domain is an organisation's own, before it counts
//! (for registration by email domain, and for its sign-in providers).
//!
//! Two ways: the organisation publishes a TXT record that Lyceum looks up,
//! `lyceum-domain-verification=<token>` at `_lyceum.<domain>` (beside the
//! domain, not at it, so the domain's own TXT records — SPF and the like —
//! stay as they are, and only whoever runs the domain's DNS can add it);
//! or a programme admin approves the claim. Until then a claim counts for
//! nothing, and blocks no one: the first organisation to prove a domain
//! holds it, and the others' claims on it are withdrawn.

/// The kind of DNS record.
pub const RECORD_TYPE: &str = "TXT";
/// The label under the domain where the TXT record goes.
pub const RECORD_LABEL: &str = "_lyceum";
/// What the TXT record's text starts with.
pub const RECORD_PREFIX: &str = "lyceum-domain-verification=";

crate::code_enum! {
    /// How a domain was proven.
    pub enum DomainProof: "domain-proof" {
        /// The TXT record was found by Lyceum.
        Dns = "dns",
        /// A programme admin approved it.
        Approval = "approval",
        /// Listed before proof was required, and kept: those domains were
        /// accepted under the old rules (requiring proof of them at once
        /// would lock whole districts out of registration and sign-in).
        Migration = "migration",
    }
}

/// Where the TXT record goes: `_lyceum.district.k12.oh.us`.
pub fn record_name(domain: &str) -> String {
    format!("{RECORD_LABEL}.{domain}")
}

/// The TXT record's text for a claim's token.
pub fn record_text(token: &str) -> String {
    format!("{RECORD_PREFIX}{token}")
}

/// Whether the TXT records found prove the claim with `token`: one of them
/// is exactly its text (spaces around it aside; DNS hosts sometimes add
/// quotes, which are not part of it).
pub fn txt_proves(records: &[String], token: &str) -> bool {
    let wanted = record_text(token);
    !token.is_empty()
        && records
            .iter()
            .any(|r| r.trim().trim_matches('"').trim() == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_and_what_proves_it() {
        assert_eq!(
            record_name("district.k12.oh.us"),
            "_lyceum.district.k12.oh.us"
        );
        let found = |texts: &[&str]| texts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        assert!(txt_proves(
            &found(&["v=spf1 -all", "lyceum-domain-verification=abc"]),
            "abc"
        ));
        assert!(txt_proves(
            &found(&[" \"lyceum-domain-verification=abc\" "]),
            "abc"
        ));
        for wrong in [
            vec![],
            vec!["lyceum-domain-verification=abcd"],
            vec!["lyceum-domain-verification=ab"],
            vec!["lyceum-domain-verification=ABC"],
            vec!["abc"],
            vec!["x lyceum-domain-verification=abc"],
        ] {
            assert!(!txt_proves(&found(&wrong), "abc"), "{wrong:?}");
        }
        assert!(!txt_proves(&found(&["lyceum-domain-verification="]), ""));
    }
}
