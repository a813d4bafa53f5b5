//! The home page: what Lyceum is, or (signed in) what to do next — the
//! course to continue, one's work waiting on someone, the queues one works
//! (within one's scope, counted as /review and the admin's PD requests count
//! them), recent certificates and the latest unread notifications.

use crate::context::Ctx;
use crate::error::AppError;
use crate::learning_actions::{course_path, lesson_path};
use crate::page::{Page, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lyceum_db::learning::{self, Progress};
use lyceum_db::memberships::Membership;
use lyceum_db::{credit, orgs, pd_requests, practice};
use lyceum_domain::i18n::{Arg, catalogue};
use lyceum_domain::role::Role;
use lyceum_domain::{OrgId, paths};

/// Most unread notifications and certificates the home shows.
const LATEST: usize = 3;

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    page: Page,
    memberships: Vec<Membership>,
    /// Organisations this person administers, for quick links.
    administered: Vec<Membership>,
    /// The course in progress they touched last.
    current: Option<Continue>,
    /// Courses this person follows, most recently active first.
    courses: Vec<MyCourse>,
    /// Their work waiting on someone: (text, link).
    waiting: Vec<(String, String)>,
    /// The queues they work, with counts: (text, link).
    queues: Vec<(String, String)>,
    certificates: Vec<Certificate>,
    /// The latest unread notifications: (text, link).
    notifications: Vec<(String, String)>,
    /// Facilitates or administers somewhere: links to the review queue.
    reviews: bool,
    /// Writes courses: links to authoring.
    authors: bool,
    /// Unread notifications.
    unread: i64,
    /// Moderates somewhere: links to the moderation queue.
    moderates: bool,
    /// Not signed in, and the programme publishes its radar: linked.
    public_radar: bool,
}

impl HomePage {
    fn notifications_label(&self) -> String {
        if self.unread > 0 {
            self.page.tn("home-notifications-unread", self.unread)
        } else {
            self.page.t("home-notifications-link")
        }
    }
}

pub struct MyCourse {
    pub href: String,
    pub title: String,
    /// The course's language, when it is not the page's.
    pub lang: Option<&'static str>,
    pub completed: bool,
}

/// Where to continue: the course, its next lesson, how far they are.
pub struct Continue {
    pub course_id: i64,
    pub title: String,
    pub lang: Option<&'static str>,
    pub href: String,
    /// "Lesson 2 of 4: …"
    pub lesson: String,
    pub done: i64,
    pub lessons: i64,
    /// "1 of 4 lessons finished", the progress bar's text.
    pub progress: String,
}

pub struct Certificate {
    pub title: String,
    pub lang: Option<&'static str>,
    pub href: String,
    pub issued: String,
}

/// A message with named values, numbers and words alike.
pub(crate) fn text(page: &Page, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    catalogue().text_with(page.lang, key, args)
}

/// Where `p` continues, in `page`'s words.
pub(crate) fn continue_at(page: &Page, p: &Progress) -> Continue {
    let lang = (p.lang() != page.lang).then(|| p.lang().as_str());
    Continue {
        course_id: p.course_id,
        title: p.title.clone(),
        lang,
        href: match &p.next_key {
            Some(key) => lesson_path(&p.slug, key),
            None => course_path(&p.slug),
        },
        lesson: text(
            page,
            "home-lesson-of",
            &[
                ("n", Arg::Num(p.on_lesson())),
                ("total", Arg::Num(p.lessons)),
                ("title", Arg::Str(p.next_title.as_deref().unwrap_or(""))),
            ],
        ),
        done: p.done,
        lessons: p.lessons,
        progress: text(
            page,
            "home-progress",
            &[("done", Arg::Num(p.done)), ("total", Arg::Num(p.lessons))],
        ),
    }
}

/// What the signed-in home reads besides the session.
#[derive(Default)]
struct Read {
    progress: Vec<Progress>,
    notifications: Vec<lyceum_db::notices::Line>,
    certificates: Vec<credit::CertificateRow>,
    to_review: Option<usize>,
    /// (organisation administered, PD requests waiting for this person there).
    to_decide: Vec<(Membership, usize)>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let page = Page::new(
        &ctx,
        if ctx.user.is_some() {
            "home-title-signed-in"
        } else {
            "home-title"
        },
    );
    let memberships_list = ctx
        .user
        .as_ref()
        .map(|u| u.memberships.clone())
        .unwrap_or_default();
    let administered: Vec<Membership> = memberships_list
        .iter()
        .filter(|m| matches!(m.role, Role::OrgAdmin | Role::ProgrammeAdmin))
        .cloned()
        .collect();
    let public_radar = match ctx.user {
        Some(_) => false,
        None => {
            state
                .db
                .read(lyceum_db::programme_settings::public_radar)
                .await?
        }
    };
    let mut read = Read::default();
    if let Some(user) = &ctx.user {
        let (id, actor, admin) = (user.user.id(), user.actor.clone(), administered.clone());
        let unread = user.unread;
        // Educators pay one statement besides the session, which brought
        // the unread count (their courses with progress and hand-ins); the
        // rest is read only when there is something to show.
        read = state
            .db
            .read(move |c| {
                let mut r = Read {
                    progress: learning::progress_of(c, id)?,
                    ..Read::default()
                };
                if unread > 0 {
                    r.notifications = lyceum_db::notices::of(c, id, LATEST as i64)?
                        .into_iter()
                        .filter(|n| !n.read)
                        .collect();
                }
                if r.progress.iter().any(|p| p.completed_at.is_some()) {
                    r.certificates = credit::certificates_of(c, id)?
                        .into_iter()
                        .filter(|c| c.revoked_at.is_none())
                        .take(LATEST)
                        .collect();
                }
                if !actor.review_scopes().is_empty() {
                    r.to_review = Some(practice::waiting_for(c, &actor)?.len());
                }
                for m in admin {
                    let path = orgs::get(c, OrgId(m.org_id))?.org_path()?;
                    let n = pd_requests::pending_in(c, &actor, &path)?.len();
                    r.to_decide.push((m, n));
                }
                Ok(r)
            })
            .await?;
    }
    let current = read
        .progress
        .iter()
        .find(|p| p.completed_at.is_none() && p.lessons > 0)
        .map(|p| continue_at(&page, p));
    let (waiting, returned) = read
        .progress
        .iter()
        .fold((0, 0), |(w, r), p| (w + p.waiting, r + p.returned));
    let mut waiting_lines = Vec::new();
    if waiting > 0 {
        waiting_lines.push((
            page.tn("home-waiting-review", waiting),
            "/learning#hand-ins".into(),
        ));
    }
    if returned > 0 {
        waiting_lines.push((
            page.tn("home-sent-back", returned),
            "/learning#hand-ins".into(),
        ));
    }
    let mut queues = Vec::new();
    if let Some(n) = read.to_review {
        queues.push((
            page.tn("home-queue-hand-ins", i64::try_from(n).unwrap_or(i64::MAX)),
            "/review".to_string(),
        ));
    }
    for (m, n) in &read.to_decide {
        queues.push((
            text(
                &page,
                "home-queue-pd",
                &[
                    ("name", Arg::Str(&m.org_name)),
                    ("count", Arg::Num(i64::try_from(*n).unwrap_or(i64::MAX))),
                ],
            ),
            format!("/orgs/{}/admin/pd-requests", m.org_id),
        ));
    }
    let certificates = read
        .certificates
        .iter()
        .map(|c| Certificate {
            title: c.course_title.clone(),
            lang: (c.course_language != page.lang.as_str()).then(|| {
                lyceum_domain::i18n::Lang::parse(&c.course_language)
                    .unwrap_or(page.lang)
                    .as_str()
            }),
            href: paths::certificate(&c.code),
            issued: page.date(&c.issued_at),
        })
        .collect();
    let notifications = read
        .notifications
        .iter()
        .map(|n| crate::notices::said(ctx.lang, n))
        .collect();
    let courses = read
        .progress
        .iter()
        .map(|p| MyCourse {
            href: course_path(&p.slug),
            lang: (p.lang() != ctx.lang).then(|| p.lang().as_str()),
            title: p.title.clone(),
            completed: p.completed_at.is_some(),
        })
        .collect();
    Ok(render(&HomePage {
        memberships: memberships_list,
        administered,
        current,
        courses,
        waiting: waiting_lines,
        queues,
        certificates,
        notifications,
        reviews: ctx
            .user
            .as_ref()
            .is_some_and(|u| !u.actor.review_scopes().is_empty()),
        authors: ctx.user.as_ref().is_some_and(|u| u.actor.authors()),
        unread: ctx.user.as_ref().map_or(0, |u| u.unread),
        moderates: ctx
            .user
            .as_ref()
            .is_some_and(|u| !u.actor.moderation_scopes().is_empty()),
        public_radar,
        page,
    }))
}
