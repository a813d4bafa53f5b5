//! The main IANA time zone of each US state and territory: the zone most of
//! its people live in, which a new state organisation gets by default. Its
//! districts and schools inherit it; those on the other side of a zone line
//! (the Florida panhandle, west Texas) set their own.

/// (postal code, name, main zone).
const STATES: &[(&str, &str, &str)] = &[
    ("AL", "Alabama", "America/Chicago"),
    ("AK", "Alaska", "America/Anchorage"),
    ("AZ", "Arizona", "America/Phoenix"),
    ("AR", "Arkansas", "America/Chicago"),
    ("CA", "California", "America/Los_Angeles"),
    ("CO", "Colorado", "America/Denver"),
    ("CT", "Connecticut", "America/New_York"),
    ("DE", "Delaware", "America/New_York"),
    ("DC", "District of Columbia", "America/New_York"),
    ("FL", "Florida", "America/New_York"),
    ("GA", "Georgia", "America/New_York"),
    ("HI", "Hawaii", "Pacific/Honolulu"),
    ("ID", "Idaho", "America/Boise"),
    ("IL", "Illinois", "America/Chicago"),
    ("IN", "Indiana", "America/Indiana/Indianapolis"),
    ("IA", "Iowa", "America/Chicago"),
    ("KS", "Kansas", "America/Chicago"),
    ("KY", "Kentucky", "America/New_York"),
    ("LA", "Louisiana", "America/Chicago"),
    ("ME", "Maine", "America/New_York"),
    ("MD", "Maryland", "America/New_York"),
    ("MA", "Massachusetts", "America/New_York"),
    ("MI", "Michigan", "America/Detroit"),
    ("MN", "Minnesota", "America/Chicago"),
    ("MS", "Mississippi", "America/Chicago"),
    ("MO", "Missouri", "America/Chicago"),
    ("MT", "Montana", "America/Denver"),
    ("NE", "Nebraska", "America/Chicago"),
    ("NV", "Nevada", "America/Los_Angeles"),
    ("NH", "New Hampshire", "America/New_York"),
    ("NJ", "New Jersey", "America/New_York"),
    ("NM", "New Mexico", "America/Denver"),
    ("NY", "New York", "America/New_York"),
    ("NC", "North Carolina", "America/New_York"),
    ("ND", "North Dakota", "America/Chicago"),
    ("OH", "Ohio", "America/New_York"),
    ("OK", "Oklahoma", "America/Chicago"),
    ("OR", "Oregon", "America/Los_Angeles"),
    ("PA", "Pennsylvania", "America/New_York"),
    ("RI", "Rhode Island", "America/New_York"),
    ("SC", "South Carolina", "America/New_York"),
    ("SD", "South Dakota", "America/Chicago"),
    ("TN", "Tennessee", "America/Chicago"),
    ("TX", "Texas", "America/Chicago"),
    ("UT", "Utah", "America/Denver"),
    ("VT", "Vermont", "America/New_York"),
    ("VA", "Virginia", "America/New_York"),
    ("WA", "Washington", "America/Los_Angeles"),
    ("WV", "West Virginia", "America/New_York"),
    ("WI", "Wisconsin", "America/Chicago"),
    ("WY", "Wyoming", "America/Denver"),
    ("PR", "Puerto Rico", "America/Puerto_Rico"),
    ("GU", "Guam", "Pacific/Guam"),
    ("VI", "U.S. Virgin Islands", "America/St_Thomas"),
    ("AS", "American Samoa", "Pacific/Pago_Pago"),
    ("MP", "Northern Mariana Islands", "Pacific/Saipan"),
];

/// The main zone of the state or territory with this postal code (`CA`) or
/// name (`California`), either case.
pub fn main_zone(code_or_name: &str) -> Option<crate::time::TimeZone> {
    let k = code_or_name.trim();
    STATES
        .iter()
        .find(|(code, name, _)| code.eq_ignore_ascii_case(k) || name.eq_ignore_ascii_case(k))
        .and_then(|(_, _, zone)| crate::time::TimeZone::parse(zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_has_a_known_zone() {
        for (code, name, zone) in STATES {
            assert_eq!(
                main_zone(code).map(|z| z.name().to_string()).as_deref(),
                Some(*zone)
            );
            assert_eq!(
                main_zone(name).map(|z| z.name().to_string()).as_deref(),
                Some(*zone)
            );
        }
        assert_eq!(main_zone("ca").unwrap().name(), "America/Los_Angeles");
        assert_eq!(main_zone("Hawaii").unwrap().name(), "Pacific/Honolulu");
        assert_eq!(main_zone("PR").unwrap().name(), "America/Puerto_Rico");
        assert_eq!(main_zone("AZ").unwrap().name(), "America/Phoenix");
        assert_eq!(main_zone("Atlantis"), None);
    }
}
