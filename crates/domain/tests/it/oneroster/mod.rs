//! OneRoster reading: golden files under `tests/oneroster/<case>/` and
//! generated packages.

mod corpus;
mod generated;
mod golden;

use lyceum_domain::oneroster::{OrgRecord, Package, Problem, RoleRecord, UserRecord};
use std::collections::BTreeMap;
use std::fmt::Write;

/// A package from `(name, contents)` pairs.
pub fn package(files: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
        .collect()
}

/// One line per problem, `file:line:column(number):code args`, then its
/// English message, indented.
pub fn render_problems(problems: &[Problem]) -> String {
    let mut out = String::from("problems\n");
    for p in problems {
        let column = match (&p.column, p.column_number) {
            (Some(name), Some(n)) => format!("{name}({n})"),
            (Some(name), None) => name.clone(),
            _ => "-".to_owned(),
        };
        let _ = write!(out, "{}:{}:{}:{}", p.file, p.line, column, p.code);
        for (k, v) in &p.args {
            let _ = write!(out, " {k}={v:?}");
        }
        let _ = writeln!(out, "\n    {p}");
    }
    out
}

pub fn render_package(p: &Package) -> String {
    let mode = |m: Option<lyceum_domain::oneroster::Mode>| m.map_or("absent", |m| m.as_str());
    let mut out = String::from("ok\n");
    let _ = writeln!(out, "version {}", p.version.as_str());
    let _ = writeln!(
        out,
        "modes orgs={} users={} roles={} (roles from {:?})",
        mode(p.modes.orgs),
        mode(p.modes.users),
        mode(p.modes.roles),
        p.roles_source
    );
    let _ = writeln!(out, "ignored files: {}", p.ignored_files.join(", "));
    let _ = writeln!(
        out,
        "ignored users {}, ignored roles {}, folded departments {}",
        p.ignored_users, p.ignored_roles, p.folded_departments
    );
    for n in &p.notices {
        let _ = write!(out, "notice {}:{}:{}", n.file, n.line, n.code);
        for (k, v) in &n.args {
            let _ = write!(out, " {k}={v:?}");
        }
        let _ = writeln!(out, "\n    {n}");
    }
    for o in &p.orgs {
        let _ = writeln!(out, "{}", render_org(o));
    }
    for u in &p.users {
        let _ = writeln!(out, "{}", render_user(u));
    }
    for r in &p.roles {
        let _ = writeln!(out, "{}", render_role(r));
    }
    out
}

fn opt<T: std::fmt::Debug>(v: &Option<T>) -> String {
    v.as_ref()
        .map_or("-".to_owned(), |v| format!("{v:?}").replace("\"", "'"))
}

fn lifecycle(
    status: Option<lyceum_domain::oneroster::Status>,
    date: Option<lyceum_domain::Timestamp>,
) -> String {
    format!(
        "{} {}",
        status.map_or("-", |s| s.as_str()),
        date.map_or("-".to_owned(), |d| format!("{}us", d.micros()))
    )
}

fn render_org(o: &OrgRecord) -> String {
    format!(
        "org {} {:?} {} {} {:?} id={} parent={}",
        o.line,
        o.sourced_id,
        lifecycle(o.status, o.date_last_modified),
        o.kind,
        o.name,
        opt(&o.identifier),
        opt(&o.parent_sourced_id),
    )
}

fn render_user(u: &UserRecord) -> String {
    format!(
        "user {} {:?} {} enabled={} username={:?} given={:?} family={:?} middle={} \
         preferred={}/{} id={} email={} grades={:?} primary_org={}",
        u.line,
        u.sourced_id,
        lifecycle(u.status, u.date_last_modified),
        u.enabled,
        u.username,
        u.given_name,
        u.family_name,
        opt(&u.middle_name),
        opt(&u.preferred_given_name),
        opt(&u.preferred_family_name),
        opt(&u.identifier),
        u.email.as_ref().map_or("-", |e| e.as_str()),
        u.grades,
        opt(&u.primary_org_sourced_id),
    )
}

fn render_role(r: &RoleRecord) -> String {
    format!(
        "role {} {:?} {} user={:?} {} {} org={:?} dates={}..{}",
        r.line,
        r.sourced_id,
        lifecycle(r.status, r.date_last_modified),
        r.user_sourced_id,
        r.role,
        r.role_type,
        r.org_sourced_id,
        opt(&r.begin_date.map(|d| d.to_string())),
        opt(&r.end_date.map(|d| d.to_string())),
    )
}
