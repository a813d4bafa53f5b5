//! Trial reports — the form filled from the reporter's profile and
//! school, filing and updating one, the summary and the list, telling the
//! author and followers, the researchers' CSV — shared by
//! `pages/library/trials.rs` and `api/library/trials.rs`.
