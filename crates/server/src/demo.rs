//! `lyceum demo`: a small programme to try Lyceum with, on a local SQLite file.
//! Made once, then reused; nothing here runs unless asked for.

use lyceum_db::join_codes::{self, NewJoinCode};
use lyceum_db::users::{self, NewUser};
use lyceum_db::{Db, DbConn, DbError, domains, memberships, orgs, pd_requests};
use lyceum_domain::community::DecisionEmail;
use lyceum_domain::domain_proof::DomainProof;
use lyceum_domain::email::EmailAddress;
use lyceum_domain::i18n::Lang;
use lyceum_domain::org::{OrgInput, OrgKind};
use lyceum_domain::password::hash_password;
use lyceum_domain::pd::{OutsideDraft, RequestStatus};
use lyceum_domain::policy::Actor;
use lyceum_domain::policy::{JOIN_CODE_DEFAULT_DAYS, JOIN_CODE_DEFAULT_USES};
use lyceum_domain::role::Role;
use lyceum_domain::time::TimeZone;
use lyceum_domain::{Clock, Timestamp, UserId};
use std::time::Duration;

/// The one password of every demo account (printed when the demo starts).
pub const DEMO_PASSWORD: &str = "lyceum-demo-2026";

/// Who can sign in, for the start-up message.
#[derive(Debug, Clone)]
pub struct DemoInfo {
    pub accounts: Vec<(Role, String)>,
    pub join_code: String,
    pub created: bool,
}

/// A demo person by email (`None` when the demo does not have them).
pub(crate) fn person(c: &mut DbConn, email: &str) -> Result<Option<UserId>, DbError> {
    let Ok(e) = EmailAddress::parse(email) else {
        return Ok(None);
    };
    Ok(users::by_email(c, &e)?.map(|u| u.id()))
}

/// A demo person with their roles, as the app would act for them.
pub(crate) fn actor(c: &mut DbConn, user: UserId) -> Result<Actor, DbError> {
    Ok(Actor {
        user_id: user,
        grants: memberships::grants_of(c, user)?,
    })
}

/// (role, email, name, organisation name)
const PEOPLE: &[(Role, &str, &str, &str)] = &[
    (
        Role::Educator,
        "educator@columbus.example.org",
        "Ana Rivera",
        "Lincoln Elementary",
    ),
    (
        Role::Facilitator,
        "facilitator@columbus.example.org",
        "Marcus Lee",
        "Columbus City Schools",
    ),
    (
        Role::Author,
        "author@lyceum.example.org",
        "Priya Nair",
        "Lyceum Demo Programme",
    ),
    (
        Role::Moderator,
        "moderator@atf.example.org",
        "Dolores Chávez",
        "Albuquerque Teachers Federation",
    ),
    (
        Role::OrgAdmin,
        "orgadmin@columbus.example.org",
        "Grace Kim",
        "Columbus City Schools",
    ),
    (
        Role::ProgrammeAdmin,
        "admin@lyceum.example.org",
        "Sam Okafor",
        "Lyceum Demo Programme",
    ),
    (
        Role::Researcher,
        "researcher@lyceum.example.org",
        "Jordan Ellis",
        "Lyceum Demo Programme",
    ),
];

fn child(
    c: &mut DbConn,
    parent: &orgs::OrgRow,
    input: OrgInput,
    now: Timestamp,
) -> Result<orgs::OrgRow, DbError> {
    let draft = input.validate_child_of(parent.kind)?;
    orgs::create_child(c, parent, &draft, now)
}

fn school(name: &str, locale: &str, title_i: &str, poverty: &str, enrolment: &str) -> OrgInput {
    OrgInput {
        name: name.into(),
        kind: OrgKind::School.as_str().into(),
        locale: locale.into(),
        title_i: title_i.into(),
        poverty_band: poverty.into(),
        enrolment: enrolment.into(),
        time_zone: String::new(),
    }
}

fn named(name: &str, kind: OrgKind) -> OrgInput {
    OrgInput {
        name: name.into(),
        kind: kind.as_str().into(),
        ..Default::default()
    }
}

/// The demo's courses, written for Lyceum (course files, `lyceum-course/1`),
/// each Spanish one the translation of the English before it (so saved
/// after it), with the organisation that offers each: `None` for the programme's,
/// which everyone sees; Columbus's own is there for Columbus's people
/// (Ana Rivera at Lincoln Elementary, its facilitator and admin, its
/// author), not for New Mexico's nor for visitors.
const COURSES: &[(&str, &str, Option<&str>)] = &[
    (
        "what-is-generative-ai.en.json",
        include_str!("../demo/courses/what-is-generative-ai.en.json"),
        None,
    ),
    (
        "que-es-la-ia-generativa.es.json",
        include_str!("../demo/courses/que-es-la-ia-generativa.es.json"),
        None,
    ),
    (
        "protecting-student-privacy.en.json",
        include_str!("../demo/courses/protecting-student-privacy.en.json"),
        None,
    ),
    (
        "proteger-la-privacidad-del-alumnado.es.json",
        include_str!("../demo/courses/proteger-la-privacidad-del-alumnado.es.json"),
        None,
    ),
    (
        "designing-an-ai-aware-assignment.en.json",
        include_str!("../demo/courses/designing-an-ai-aware-assignment.en.json"),
        None,
    ),
    (
        "disenar-una-tarea-consciente-de-la-ia.es.json",
        include_str!("../demo/courses/disenar-una-tarea-consciente-de-la-ia.es.json"),
        None,
    ),
    (
        "ai-with-young-children.en.json",
        include_str!("../demo/courses/ai-with-young-children.en.json"),
        None,
    ),
    (
        "la-ia-con-ninos-pequenos.es.json",
        include_str!("../demo/courses/la-ia-con-ninos-pequenos.es.json"),
        None,
    ),
    (
        "ai-in-the-science-classroom.en.json",
        include_str!("../demo/courses/ai-in-the-science-classroom.en.json"),
        None,
    ),
    (
        "la-ia-en-la-clase-de-ciencias.es.json",
        include_str!("../demo/courses/la-ia-en-la-clase-de-ciencias.es.json"),
        None,
    ),
    (
        "ai-for-every-learner.en.json",
        include_str!("../demo/courses/ai-for-every-learner.en.json"),
        None,
    ),
    (
        "la-ia-para-todo-el-alumnado.es.json",
        include_str!("../demo/courses/la-ia-para-todo-el-alumnado.es.json"),
        None,
    ),
    (
        "columbus-ai-in-our-classrooms.en.json",
        include_str!("../demo/courses/columbus-ai-in-our-classrooms.en.json"),
        Some("Columbus City Schools"),
    ),
];

/// Saves the demo courses, each as its organisation's (again: an unchanged
/// file changes nothing).
async fn courses(db: &Db, clock: &Clock) -> anyhow::Result<()> {
    let mut all = Vec::with_capacity(COURSES.len());
    for (name, json, offered_by) in COURSES {
        let course =
            lyceum_domain::course::package::parse(json.as_bytes()).map_err(|problems| {
                anyhow::anyhow!(
                    "demo course {name}: {}",
                    problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            })?;
        all.push((course, *offered_by));
    }
    let now = clock.now();
    db.write(move |c| {
        for (course, offered_by) in &all {
            let wanted = match offered_by {
                Some(name) => Some(
                    orgs::find(c, name)?
                        .into_iter()
                        .next()
                        .ok_or(DbError::NotFound)?
                        .id(),
                ),
                None => None,
            };
            let owner = lyceum_db::courses::import_owner(c, &course.slug, wanted)?;
            lyceum_db::courses::save(c, course, owner, now)?;
        }
        Ok(())
    })
    .await?;
    Ok(())
}

/// The demo's community: an open space for everyone (with a first topic),
/// one in Spanish, and a members-only space for Columbus.
fn spaces(
    c: &mut DbConn,
    root: &orgs::OrgRow,
    columbus: &orgs::OrgRow,
    admin: lyceum_domain::UserId,
    now: Timestamp,
) -> Result<(), DbError> {
    use lyceum_db::community::{create_space, create_topic};
    use lyceum_domain::community::{SpaceDraft, TopicDraft, TopicKind, Visibility};
    let space = |title: &str, description: &str, visibility| SpaceDraft {
        title: title.into(),
        description: description.into(),
        visibility,
    };
    let facilitator = users::by_email(
        c,
        &EmailAddress::parse("facilitator@columbus.example.org")
            .map_err(|code| DbError::invalid("email", code))?,
    )?
    .ok_or(DbError::NotFound)?
    .id();
    let everyone = create_space(
        c,
        root.id(),
        &space(
            "AI in the classroom",
            "What works, what does not, and what to watch for — for every subject and grade band.",
            Visibility::Open,
        ),
        admin,
        now,
    )?;
    create_topic(
        c,
        everyone,
        admin,
        &TopicDraft {
            title: "Welcome: what is one thing AI changed in your classroom this year?".into(),
            kind: TopicKind::Discussion,
            // A mention, as the forms write one: Marcus is told, and his
            // name links to his posts.
            body: format!(
                "Say hello, name your subject and grade band, and share **one** change — good or bad. \
                 Questions about the courses? Ask {}.",
                lyceum_domain::mentions::person(facilitator.0, "Marcus Lee")
            ),
            tags: Vec::new(),
        },
        now,
    )?;
    create_space(
        c,
        root.id(),
        &space(
            "La IA en el aula",
            "Para conversar en español sobre lo que funciona con la IA en clase.",
            Visibility::Open,
        ),
        admin,
        now,
    )?;
    create_space(
        c,
        columbus.id(),
        &space(
            "Columbus science teachers",
            "Labs, assessment and AI, for science teachers in Columbus City Schools.",
            Visibility::Members,
        ),
        admin,
        now,
    )?;
    Ok(())
}

/// The demo author writes the programme's courses and, as an author there
/// too, Columbus's own: the new-draft form offers the choice.
const MORE_ROLES: &[(Role, &str, &str)] = &[(
    Role::Author,
    "author@lyceum.example.org",
    "Columbus City Schools",
)];

/// The organisation whose join code the demo prints.
const JOIN_ORG: &str = "Albuquerque Teachers Federation";

/// A fresh join code for [`JOIN_ORG`] (only a code's hash is kept, so the
/// one printed last time cannot be shown again); those the demo made
/// before are revoked.
fn fresh_join_code(c: &mut DbConn, now: Timestamp) -> Result<String, DbError> {
    let org = orgs::find(c, JOIN_ORG)?
        .into_iter()
        .next()
        .ok_or(DbError::NotFound)?;
    let admin = users::by_email(
        c,
        &EmailAddress::parse("admin@lyceum.example.org")
            .map_err(|code| DbError::invalid("email", code))?,
    )?
    .ok_or(DbError::NotFound)?
    .id();
    for old in join_codes::of_org(c, org.id())? {
        if old.code.created_by == Some(admin.0) {
            join_codes::revoke(c, org.id(), old.code.id, now)?;
        }
    }
    let (_, code) = join_codes::create(
        c,
        org.id(),
        &NewJoinCode {
            role: Role::Educator,
            expires_at: now.plus(Duration::from_secs(
                u64::from(JOIN_CODE_DEFAULT_DAYS) * 86_400,
            )),
            max_uses: i32::try_from(JOIN_CODE_DEFAULT_USES).unwrap_or(i32::MAX),
        },
        admin,
        now,
    )?;
    Ok(code)
}

/// Ana Rivera's learning, made as the pages make it (enrolling, finishing
/// lessons, passing a quiz), so her home and My learning are not empty:
/// one course in progress (2 of its 5 lessons) and Columbus's own course
/// completed, with its certificate.
async fn learning(db: &Db, clock: &Clock) -> anyhow::Result<()> {
    use lyceum_web::learning_actions::{self as act, Attempted};
    let state = lyceum_web::state::AppState::new(
        db.clone(),
        lyceum_web::state::WebConfig::default(),
        clock.clone(),
        Default::default(),
    );
    let fail = |e: lyceum_web::error::AppError| anyhow::anyhow!("demo learning: {e}");
    let ana = db
        .read(|c| {
            let email = EmailAddress::parse("educator@columbus.example.org")
                .map_err(|code| DbError::invalid("email", code))?;
            let id = users::by_email(c, &email)?.ok_or(DbError::NotFound)?.id();
            Ok(lyceum_domain::policy::Actor {
                user_id: id,
                grants: memberships::grants_of(c, id)?,
            })
        })
        .await?;
    let privacy = "protecting-student-privacy";
    act::enrol(&state, &ana, privacy.into())
        .await
        .map_err(fail)?;
    for key in ["what-counts-as-student-data", "what-happens-to-a-prompt"] {
        let f = act::followed_by(&state, &ana, privacy.into())
            .await
            .map_err(fail)?;
        act::finish(&state, &ana, &f, key).await.map_err(fail)?;
    }
    let columbus = "columbus-ai-in-our-classrooms";
    act::enrol(&state, &ana, columbus.into())
        .await
        .map_err(fail)?;
    let f = act::followed_by(&state, &ana, columbus.into())
        .await
        .map_err(fail)?;
    act::finish(&state, &ana, &f, "approved-tools")
        .await
        .map_err(fail)?;
    let f = act::followed_by(&state, &ana, columbus.into())
        .await
        .map_err(fail)?;
    let quiz = f
        .lesson("telling-families")
        .map_err(fail)?
        .quiz
        .clone()
        .ok_or_else(|| anyhow::anyhow!("demo learning: telling-families has no quiz"))?;
    // The right answers, as she picks them.
    let answers: act::Answers = quiz
        .questions
        .iter()
        .map(|q| {
            let right = q.options.iter().filter(|o| o.correct);
            (q.key.clone(), right.map(|o| o.key.clone()).collect())
        })
        .collect();
    match act::attempt(&state, &ana, &f, "telling-families", &answers)
        .await
        .map_err(fail)?
    {
        Attempted::Graded(g, Some(done)) if g.passed && done.course => Ok(()),
        _ => Err(anyhow::anyhow!(
            "demo learning: the Columbus course was not completed"
        )),
    }
}

/// Creates the demo programme if the database has none; returns the sign-ins.
/// Decisions to be told of, made as the pages make them: Dolores Chávez
/// asks her federation for outside PD hours twice; as it has no admin of
/// its own, Sam Okafor (the programme's) is told of both and approves the
/// first, which tells Dolores. Both have these in their digests, so the
/// demo sends no email as it starts.
fn decisions(
    c: &mut DbConn,
    root: &orgs::OrgRow,
    atf: &orgs::OrgRow,
    now: Timestamp,
) -> Result<(), DbError> {
    let person = |c: &mut DbConn, email: &str| -> Result<lyceum_domain::UserId, DbError> {
        let email = EmailAddress::parse(email).map_err(|code| DbError::invalid("email", code))?;
        Ok(users::by_email(c, &email)?.ok_or(DbError::NotFound)?.id())
    };
    let dolores = person(c, "moderator@atf.example.org")?;
    let sam = person(c, "admin@lyceum.example.org")?;
    for who in [dolores, sam] {
        lyceum_db::digests::set_decisions(c, who, DecisionEmail::Digest)?;
    }
    let asked = |title: &str, quarter_hours| OutsideDraft {
        title: title.into(),
        description: None,
        quarter_hours,
        completed_on: now.date_in(&TimeZone::programme()),
        evidence_url: Some("https://atf.example.org/pd".into()),
        evidence: None,
        org: atf.id(),
    };
    // No email goes at once (their choice), so no public address is needed.
    let first = pd_requests::submit(
        c,
        dolores,
        &asked("Union workshop: AI and workload", 6),
        "",
        now,
    )?;
    pd_requests::submit(c, dolores, &asked("State AI summit", 14), "", now)?;
    let admin = lyceum_domain::policy::Actor {
        user_id: sam,
        grants: memberships::grants_of(c, sam)?,
    };
    pd_requests::decide(
        c,
        &root.org_path()?,
        first,
        RequestStatus::Approved,
        None,
        &admin,
        "",
        now,
    )?;
    Ok(())
}

/// An invitation Columbus's admin sent yesterday and nobody has answered:
/// on the admin's overview, and one they may send again.
fn invitation(c: &mut DbConn, columbus: &orgs::OrgRow, now: Timestamp) -> Result<(), DbError> {
    let grace = EmailAddress::parse("orgadmin@columbus.example.org")
        .map_err(|code| DbError::invalid("email", code))?;
    let grace = users::by_email(c, &grace)?.ok_or(DbError::NotFound)?.id();
    let email = EmailAddress::parse("jamie.ortiz@columbus.example.org")
        .map_err(|code| DbError::invalid("email", code))?;
    let (_, token_hash) =
        lyceum_domain::token::new_token().map_err(|e| DbError::task_from("demo", e))?;
    let sent = now.minus(std::time::Duration::from_secs(24 * 3600));
    lyceum_db::invitations::create(
        c,
        &lyceum_db::invitations::NewInvitation {
            org: columbus.id(),
            email: &email,
            role: Role::Educator,
            token_hash: &token_hash,
            invited_by: grace,
            expires_at: sent.plus(std::time::Duration::from_secs(14 * 24 * 3600)),
        },
        sent,
    )?;
    Ok(())
}

pub async fn seed(db: &Db, clock: &Clock) -> anyhow::Result<DemoInfo> {
    let accounts: Vec<(Role, String)> = PEOPLE
        .iter()
        .map(|(r, e, _, _)| (*r, e.to_string()))
        .collect();
    if db.read(orgs::root).await?.is_some() {
        courses(db, clock).await?;
        let now = clock.now();
        let join_code = db.write(move |c| fresh_join_code(c, now)).await?;
        return Ok(DemoInfo {
            accounts,
            join_code,
            created: false,
        });
    }
    let hash = tokio::task::spawn_blocking(|| hash_password(DEMO_PASSWORD))
        .await?
        .map_err(anyhow::Error::msg)?;
    let now = clock.now();
    let join_code = db
        .write(move |c| {
            let root = orgs::create_root(c, "Lyceum Demo Programme", now)?;
            let ohio = child(c, &root, named("Ohio", OrgKind::State), now)?;
            let new_mexico = child(c, &root, named("New Mexico", OrgKind::State), now)?;
            let columbus = child(
                c,
                &ohio,
                named("Columbus City Schools", OrgKind::District),
                now,
            )?;
            let atf = child(
                c,
                &new_mexico,
                named("Albuquerque Teachers Federation", OrgKind::Local),
                now,
            )?;
            let lincoln = child(
                c,
                &columbus,
                school("Lincoln Elementary", "city", "yes", "high", "412"),
                now,
            )?;
            child(
                c,
                &columbus,
                school("Eastmoor Academy", "city", "yes", "mid-high", "786"),
                now,
            )?;
            child(
                c,
                &atf,
                school(
                    "Valle Verde Middle School",
                    "rural",
                    "yes",
                    "mid-high",
                    "305",
                ),
                now,
            )?;
            let by_name = |name: &str| -> Option<orgs::OrgRow> {
                [&root, &columbus, &atf, &lincoln]
                    .into_iter()
                    .find(|o| o.name == name)
                    .cloned()
            };
            for (role, email, name, org_name) in PEOPLE {
                let email =
                    EmailAddress::parse(email).map_err(|code| DbError::invalid("email", code))?;
                let user = users::insert(
                    c,
                    &NewUser {
                        email: &email,
                        display_name: name,
                        password_hash: Some(&hash),
                        lang: Lang::En,
                        verified: true,
                    },
                    now,
                )?;
                let org = by_name(org_name).ok_or(DbError::NotFound)?;
                memberships::add(c, user, &org, *role, now)?;
            }
            for (role, email, org_name) in MORE_ROLES {
                let email =
                    EmailAddress::parse(email).map_err(|code| DbError::invalid("email", code))?;
                let user = users::by_email(c, &email)?.ok_or(DbError::NotFound)?;
                let org = by_name(org_name).ok_or(DbError::NotFound)?;
                memberships::add(c, user.id(), &org, *role, now)?;
            }
            let admin = users::by_email(
                c,
                &EmailAddress::parse("admin@lyceum.example.org")
                    .map_err(|code| DbError::invalid("email", code))?,
            )?
            .ok_or(DbError::NotFound)?
            .id();
            // Columbus's domain, approved by the programme team (people at
            // columbus.example.org register by it); the federation's still
            // waiting for proof, in the programme admin's queue.
            domains::add_proven(
                c,
                columbus.id(),
                "columbus.example.org",
                DomainProof::Approval,
                Some(admin),
                now,
            )?;
            let token = lyceum_domain::token::new_token()
                .map_err(|e| DbError::task_from("demo", e))?
                .0;
            domains::claim(c, atf.id(), "atf.example.org", &token, now)?;
            let code = fresh_join_code(c, now)?;
            spaces(c, &root, &columbus, admin, now)?;
            decisions(c, &root, &atf, now)?;
            invitation(c, &columbus, now)?;
            Ok(code)
        })
        .await?;
    // After the organisations, so that each course has its owner.
    courses(db, clock).await?;
    learning(db, clock).await?;
    // After the courses: a cohort runs one of them.
    let now = clock.now();
    db.write(move |c| crate::demo_workshops::seed(c, now))
        .await?;
    let library = db.write(move |c| crate::demo_library::seed(c, now)).await?;
    // After the library: reports and tools name its practices and resources.
    let tools = db
        .write(move |c| crate::demo_registry::seed(c, now))
        .await?;
    db.write(move |c| crate::demo_radar::seed(c, &tools, &library, now))
        .await?;
    // The dashboards at once, rather than at the worker's first recount.
    lyceum_db::analytics::drain(db).await?;
    Ok(DemoInfo {
        accounts,
        join_code,
        created: true,
    })
}
