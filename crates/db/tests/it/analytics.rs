//! The analytics rollups equal a count from scratch, whatever happens in
//! whatever order: people registering, starting and completing courses,
//! earning hours and certificates (and losing one), moving between schools,
//! schools changing their locale, accounts deleted — with recounts taken in
//! batches of any size at any moment in between.

use crate::{T0, org_child, person};
use diesel::prelude::*;
use lyceum_db::analytics::{self, refresh};
use lyceum_db::credit::{self, NewEntry};
use lyceum_db::schema::{certificates, enrolments, memberships, users};
use lyceum_db::{DbConn, courses, orgs};
use lyceum_domain::analytics::{ALL, Dimension, Milestone};
use lyceum_domain::course::package;
use lyceum_domain::org::{OrgInput, OrgKind};
use lyceum_domain::pd::Source;
use lyceum_domain::role::Role;
use lyceum_domain::{CourseId, OrgId, Timestamp, UserId};
use lyceum_testdb::TestDb;
use std::time::Duration;

const DAY: Duration = Duration::from_secs(86_400);

/// A small deterministic generator (xorshift64*), so a failure replays.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

fn course(c: &mut DbConn, slug: &str, owner: OrgId) -> CourseId {
    let doc = serde_json::json!({
        "format": "lyceum-course/1", "slug": slug, "language": "en",
        "title": format!("The {slug} course"), "summary": "Prompts.", "pd_hours": 2,
        "delivery": "self-paced", "subjects": ["math"], "licence": "CC BY 4.0",
        "modules": [{ "title": "One", "lessons": ["one"] }],
        "lessons": { "one": { "title": "One", "markdown": "Read this." } },
    });
    let parsed = package::parse(doc.to_string().as_bytes()).unwrap();
    courses::save(c, &parsed, owner, T0).unwrap().id
}

fn drain(c: &mut DbConn) {
    while refresh::refresh(c, 7).unwrap() > 0 {}
    assert_eq!(analytics::waiting(c).unwrap(), 0);
}

fn assert_rollups_match(c: &mut DbConn, step: &str) {
    let stored = refresh::stored_counts(c).unwrap();
    let scratch = refresh::tally(c).unwrap();
    assert_eq!(stored, scratch, "after {step}");
}

#[test]
fn every_rollup_equals_a_count_from_scratch_after_any_series_of_changes() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let c = &mut c;
    let root = orgs::create_root(c, "Programme", T0).unwrap();
    let state = org_child(c, &root, "state", "Ohio", ("", ""));
    let district = org_child(c, &state, "district", "Columbus", ("", ""));
    let schools = [
        org_child(c, &district, "school", "Lincoln", ("city", "yes")),
        org_child(c, &district, "school", "Valle Verde", ("rural", "no")),
        org_child(c, &district, "school", "Eastmoor", ("", "")),
    ];
    let courses = [
        course(c, "prompts", OrgId(root.id)),
        course(c, "rubrics", OrgId(root.id)),
    ];
    // Programme staff are not counted.
    let admin = person(c, "admin", &root, Role::ProgrammeAdmin).user_id;

    for seed in [7_u64, 1_234_567, 99, 4_242, 31_337] {
        let mut rng = Rng(seed);
        let mut people: Vec<UserId> = users::table
            .filter(users::deleted_at.is_null())
            .filter(users::id.ne(admin.0))
            .select(users::id)
            .load::<i64>(c)
            .unwrap()
            .into_iter()
            .map(UserId)
            .collect();
        let mut now = T0;
        for step in 0..60 {
            now = now.plus(DAY * (1 + rng.below(20) as u32));
            let someone = people.get(rng.below(people.len())).copied();
            let course_id = courses[rng.below(courses.len())];
            let what = rng.below(10);
            match (what, someone) {
                (0, _) | (_, None) => {
                    let name = format!("p{seed}-{step}");
                    let school = &schools[rng.below(schools.len())];
                    let org = if rng.below(5) == 0 { &district } else { school };
                    let who = person(c, &name, org, Role::Educator).user_id;
                    diesel::update(users::table.find(who.0))
                        .set(users::created_at.eq(now.micros()))
                        .execute(c)
                        .unwrap();
                    people.push(who);
                }
                (1, Some(u)) => {
                    let enrolled: i64 = enrolments::table
                        .filter(enrolments::user_id.eq(u.0))
                        .filter(enrolments::course_id.eq(course_id.0))
                        .count()
                        .get_result(c)
                        .unwrap();
                    if enrolled == 0 {
                        diesel::insert_into(enrolments::table)
                            .values((
                                enrolments::user_id.eq(u.0),
                                enrolments::course_id.eq(course_id.0),
                                enrolments::version.eq(1),
                                enrolments::enrolled_at.eq(now.micros()),
                                enrolments::updated_at.eq(now.micros()),
                            ))
                            .execute(c)
                            .unwrap();
                    }
                }
                (2, Some(u)) => {
                    diesel::update(
                        enrolments::table
                            .filter(enrolments::user_id.eq(u.0))
                            .filter(enrolments::course_id.eq(course_id.0))
                            .filter(enrolments::completed_at.is_null()),
                    )
                    .set(enrolments::completed_at.eq(now.micros()))
                    .execute(c)
                    .unwrap();
                }
                (3, Some(u)) => {
                    let source = [Source::Course, Source::Workshop, Source::Outside][rng.below(3)];
                    credit::add_entry(
                        c,
                        u,
                        &NewEntry {
                            source,
                            course: None,
                            offering: None,
                            title: "Hours",
                            quarter_hours: 4 + rng.below(16) as u32,
                            earned_at: now,
                        },
                        now,
                    )
                    .unwrap();
                }
                (4, Some(u)) => {
                    diesel::insert_into(certificates::table)
                        .values((
                            certificates::code.eq(format!("C{seed}-{step}")),
                            certificates::user_id.eq(u.0),
                            certificates::course_version.eq(1),
                            certificates::recipient_name.eq("x"),
                            certificates::course_title.eq("x"),
                            certificates::course_language.eq("en"),
                            certificates::quarter_hours.eq(8),
                            certificates::competencies.eq("[]"),
                            certificates::issuer.eq("Programme"),
                            certificates::issued_at.eq(now.micros()),
                        ))
                        .execute(c)
                        .unwrap();
                }
                (5, Some(u)) => {
                    // Revoking their first certificate, if any.
                    let first: Option<i64> = certificates::table
                        .filter(certificates::user_id.eq(u.0))
                        .filter(certificates::revoked_at.is_null())
                        .select(certificates::id)
                        .first(c)
                        .optional()
                        .unwrap();
                    if let Some(id) = first {
                        diesel::update(certificates::table.find(id))
                            .set(certificates::revoked_at.eq(now.micros()))
                            .execute(c)
                            .unwrap();
                    }
                }
                (6, Some(u)) => {
                    // A move to another school (or to the district itself).
                    diesel::delete(memberships::table.filter(memberships::user_id.eq(u.0)))
                        .execute(c)
                        .unwrap();
                    let to = &schools[rng.below(schools.len())];
                    lyceum_db::memberships::add(c, u, to, Role::Educator, now).unwrap();
                }
                (7, Some(u)) => {
                    diesel::update(users::table.find(u.0))
                        .set(users::years_experience.eq(rng.below(30) as i32))
                        .execute(c)
                        .unwrap();
                }
                (8, _) => {
                    let school = &schools[rng.below(schools.len())];
                    let locale = ["city", "suburb", "town", "rural", ""][rng.below(5)];
                    let draft = OrgInput {
                        name: school.name.clone(),
                        kind: "school".into(),
                        locale: locale.into(),
                        title_i: ["yes", "no", ""][rng.below(3)].into(),
                        ..Default::default()
                    }
                    .validate_update(OrgKind::School)
                    .unwrap();
                    orgs::update(c, OrgId(school.id), &draft, now).unwrap();
                }
                (_, Some(u)) => {
                    lyceum_db::accounts::delete_account(c, u, now).unwrap();
                    people.retain(|p| *p != u);
                }
            }
            // Recounts come when they come: sometimes a few, sometimes none.
            if rng.below(3) == 0 {
                refresh::refresh(c, 1 + rng.below(5) as i64).unwrap();
            }
            if step % 3 == 2 {
                drain(c);
                assert_rollups_match(c, &format!("seed {seed} step {step}"));
            }
        }
        drain(c);
        assert_rollups_match(c, &format!("seed {seed}"));
    }
    // And the counts mean something: the programme's everyone rows hold
    // every counted person, and the staff member is not one of them.
    let counted: i64 = users::table
        .filter(users::deleted_at.is_null())
        .count()
        .get_result(c)
        .unwrap();
    let r = analytics::rollup(c, OrgId(root.id)).unwrap();
    assert_eq!(r.everyone(Milestone::Registered), counted as u64 - 1);
    let by_locale: u64 = r
        .by_value(Dimension::Locale, Milestone::Registered)
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert_eq!(
        by_locale,
        r.to_date(Dimension::All, ALL, Milestone::Registered, None)
    );
}

#[test]
fn a_first_completion_counts_in_its_month_on_the_schools_calendar_and_once() {
    let t = TestDb::new();
    let mut c = t.db.get().unwrap();
    let c = &mut c;
    let root = orgs::create_root(c, "Programme", T0).unwrap();
    let state = org_child(c, &root, "state", "California", ("", ""));
    let zone = lyceum_domain::time::TimeZone::parse("America/Los_Angeles").unwrap();
    diesel::update(lyceum_db::schema::orgs::table.find(state.id))
        .set(lyceum_db::schema::orgs::time_zone.eq(zone.name()))
        .execute(c)
        .unwrap();
    let district = org_child(c, &state, "district", "LAUSD", ("", ""));
    let school = org_child(c, &district, "school", "Hollywood High", ("city", "yes"));
    let ana = person(c, "ana", &school, Role::Educator).user_id;
    let course_id = course(c, "prompts", OrgId(root.id));
    // 8 pm on 30 June in Los Angeles is 1 July in UTC: June counts.
    let june_evening = Timestamp::from_jiff("2027-07-01T03:00:00Z".parse().unwrap());
    diesel::insert_into(enrolments::table)
        .values((
            enrolments::user_id.eq(ana.0),
            enrolments::course_id.eq(course_id.0),
            enrolments::version.eq(1),
            enrolments::enrolled_at.eq(june_evening.micros()),
            enrolments::completed_at.eq(Some(june_evening.micros())),
            enrolments::updated_at.eq(june_evening.micros()),
        ))
        .execute(c)
        .unwrap();
    drain(c);
    let r = analytics::rollup(c, OrgId(district.id)).unwrap();
    assert_eq!(
        r.by_month(Milestone::Completed)
            .into_iter()
            .collect::<Vec<_>>(),
        vec![("2027-06".to_string(), 1)]
    );
    assert_eq!(r.by_school_year(Milestone::Completed).get(&2026), Some(&1));
    assert_eq!(
        r.to_date(Dimension::Locale, "city", Milestone::Completed, None),
        1
    );
    // A second course completed later moves nothing.
    let other = course(c, "rubrics", OrgId(root.id));
    diesel::insert_into(enrolments::table)
        .values((
            enrolments::user_id.eq(ana.0),
            enrolments::course_id.eq(other.0),
            enrolments::version.eq(1),
            enrolments::enrolled_at.eq(june_evening.plus(DAY * 30).micros()),
            enrolments::completed_at.eq(Some(june_evening.plus(DAY * 40).micros())),
            enrolments::updated_at.eq(june_evening.micros()),
        ))
        .execute(c)
        .unwrap();
    drain(c);
    assert_eq!(analytics::rollup(c, OrgId(district.id)).unwrap(), r);
    // The state's rollup holds her; the programme's too.
    for org in [root.id, state.id, school.id] {
        let r = analytics::rollup(c, OrgId(org)).unwrap();
        assert_eq!(r.everyone(Milestone::Completed), 1, "org {org}");
    }
}
