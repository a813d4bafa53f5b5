//! The outline page: the course's details, its modules and lessons moved
//! by buttons, added and removed.

use super::*;

pub struct LessonLine {
    pub key: String,
    pub href: String,
    pub title: String,
    pub parts: String,
}

pub struct ModuleLine {
    pub title: String,
    pub lessons: Vec<LessonLine>,
    /// The names its forms' errors are given on.
    pub lesson_field: String,
    pub title_field: String,
}

#[derive(Template)]
#[template(path = "course_editor.html")]
pub struct OutlinePage {
    page: Page,
    errors: FormErrors,
    id: i64,
    revision: i64,
    /// Why the document cannot be edited on pages, when it cannot.
    unreadable: Option<String>,
    title: String,
    slug: String,
    summary: String,
    pd_hours: String,
    licence: String,
    languages: Vec<Choice>,
    deliveries: Vec<Choice>,
    modules: Vec<ModuleLine>,
}

/// Typed values of the details form, shown again when refused.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct EditForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    revision: i64,
    #[serde(default)]
    module: Option<usize>,
    #[serde(default)]
    lesson: String,
    #[serde(default)]
    title: String,
    #[serde(default, rename = "course-title")]
    course_title: String,
    #[serde(default, rename = "course-slug")]
    slug: String,
    #[serde(default, rename = "course-language")]
    language: String,
    #[serde(default, rename = "course-summary")]
    summary: String,
    #[serde(default, rename = "course-hours")]
    hours: String,
    #[serde(default, rename = "course-delivery")]
    delivery: String,
    #[serde(default, rename = "course-licence")]
    licence: String,
}

fn outline_page(
    ctx: &Ctx,
    d: &DraftRow,
    errors: FormErrors,
    typed: Option<&EditForm>,
) -> OutlinePage {
    let read = Outline::read(&d.document);
    let o = read.clone().unwrap_or_default();
    let mut page = Page::new(ctx, "editor-title").with_errors(&errors);
    if !o.title.is_empty() {
        let heading = format!("{}: {}", page.t("editor-title"), o.title);
        page = page.with_title(&heading);
    }
    let details = typed.filter(|f| f.op == "details");
    let pick = |typed: Option<&String>, stored: &str| -> String {
        typed.cloned().unwrap_or_else(|| stored.to_string())
    };
    let hours = o.pd_hours.map(|h| h.to_string()).unwrap_or_default();
    let language = pick(details.map(|f| &f.language), &o.language);
    let delivery = pick(details.map(|f| &f.delivery), &o.delivery);
    let languages = Choice::list(&page, "lang", ["en", "es"], &[language.as_str()]);
    let deliveries = Choice::list(
        &page,
        "delivery",
        ["self-paced", "cohort", "in-person", "virtual"],
        &[delivery.as_str()],
    );
    let modules = o
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| ModuleLine {
            lesson_field: format!("lesson-title-{i}"),
            title_field: format!("module-title-{i}"),
            title: m.title.clone(),
            lessons: m
                .lessons
                .iter()
                .map(|key| {
                    let l = o.lesson(key).unwrap_or_default();
                    let mut parts = Vec::new();
                    if l.quiz.is_some() {
                        parts.push(page.t("activity-quiz"));
                    }
                    if l.reflection.is_some() {
                        parts.push(page.t("activity-reflection"));
                    }
                    if l.task.is_some() {
                        parts.push(page.t("activity-task"));
                    }
                    LessonLine {
                        key: key.clone(),
                        href: lesson_path(d.id, key),
                        title: if l.title.is_empty() {
                            key.clone()
                        } else {
                            l.title
                        },
                        parts: parts.join(", "),
                    }
                })
                .collect(),
        })
        .collect::<Vec<_>>();
    OutlinePage {
        id: d.id,
        revision: d.revision,
        unreadable: read.err(),
        title: pick(details.map(|f| &f.course_title), &o.title),
        slug: pick(details.map(|f| &f.slug), &o.slug),
        summary: pick(details.map(|f| &f.summary), &o.summary),
        pd_hours: pick(details.map(|f| &f.hours), &hours),
        licence: pick(details.map(|f| &f.licence), &o.licence),
        languages,
        deliveries,
        modules,
        errors,
        page,
    }
}

/// `GET /authoring/{draft_id}/edit`
pub async fn outline(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let d = own_draft(&state, &ctx, id).await?;
    if !d.status.editable() {
        return Ok(crate::flash::redirect(&draft_path(id)));
    }
    Ok(render(&outline_page(&ctx, &d, FormErrors::none(), None)))
}

/// Reads the details form into the outline's details, or its errors.
fn details(form: &EditForm, invalid: &mut Invalid) -> Details {
    let title = text("course-title", &form.course_title, MAX_TITLE, invalid);
    let slug = form.slug.trim().to_string();
    if !is_slug(&slug) {
        invalid
            .0
            .push(FieldError::new("course-slug", "course-slug"));
    }
    let summary = text("course-summary", &form.summary, MAX_SUMMARY, invalid);
    let hours = form.hours.trim().replace(',', ".");
    let pd_hours = match hours.parse::<f64>() {
        Ok(h) if h > 0.0 && h <= 200.0 && (h * 4.0).fract() == 0.0 => h,
        _ => {
            invalid
                .0
                .push(FieldError::new("course-hours", "course-hours"));
            0.0
        }
    };
    let language = form.language.clone();
    if !["en", "es"].contains(&language.as_str()) {
        invalid
            .0
            .push(FieldError::new("course-language", "choose-one"));
    }
    let delivery = form.delivery.clone();
    if !["self-paced", "cohort", "in-person", "virtual"].contains(&delivery.as_str()) {
        invalid
            .0
            .push(FieldError::new("course-delivery", "choose-one"));
    }
    let licence = text("course-licence", &form.licence, MAX_TITLE, invalid);
    Details {
        slug,
        language,
        title,
        summary,
        pd_hours,
        delivery,
        licence,
    }
}

/// `POST /authoring/{draft_id}/edit`: one edit of the course's details,
/// modules or lessons (`op`), made on the page's `revision`.
pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    HtmlForm(form): HtmlForm<EditForm>,
) -> Result<Response, AppError> {
    let d = own_draft(&state, &ctx, id).await?;
    let refuse = |d: &DraftRow, invalid: Invalid| {
        let errors = FormErrors::from_invalid(&invalid, ctx.lang);
        Ok(render_invalid(&outline_page(&ctx, d, errors, Some(&form))))
    };
    if !d.status.editable() {
        return Ok(crate::flash::redirect(&draft_path(id)));
    }
    if form.revision != d.revision {
        return refuse(&d, stale());
    }
    let Ok(mut o) = Outline::read(&d.document) else {
        return Err(AppError::NotFound);
    };
    let module = form.module.unwrap_or(usize::MAX);
    let gone = |_: Missing| AppError::NotFound;
    let mut invalid = Invalid::new();
    let mut to = edit_path(id);
    match form.op.as_str() {
        "details" => {
            let details = details(&form, &mut invalid);
            if invalid.0.is_empty() {
                o.set_details(details);
                to.push_str("#details");
            }
        }
        "add-module" => {
            let title = text("module-title", &form.title, MAX_TITLE, &mut invalid);
            if invalid.0.is_empty() {
                match o.add_module(&title) {
                    Ok(i) => to.push_str(&format!("#module-{i}")),
                    Err(_) => invalid
                        .0
                        .push(FieldError::new("module-title", "editor-full")),
                }
            }
        }
        "rename-module" => {
            let field = format!("module-title-{module}");
            let title = text(&field, &form.title, MAX_TITLE, &mut invalid);
            if invalid.0.is_empty() {
                o.rename_module(module, &title).map_err(gone)?;
                to.push_str(&format!("#module-{module}"));
            }
        }
        "module-up" | "module-down" => {
            let w = way(&form.op);
            o.move_module(module, w);
            let now = match w {
                Move::Up => module.saturating_sub(1),
                Move::Down => (module + 1).min(o.modules.len().saturating_sub(1)),
            };
            to.push_str(&format!("#module-{now}"));
        }
        "remove-module" => o.remove_module(module).map_err(gone)?,
        "add-lesson" => {
            let field = format!("lesson-title-{module}");
            let title = text(&field, &form.title, MAX_TITLE, &mut invalid);
            if invalid.0.is_empty() {
                match o.add_lesson(module, &title) {
                    Ok(key) => to = lesson_path(id, &key),
                    Err(Ok(m)) => return Err(gone(m)),
                    Err(Err(_)) => invalid.0.push(FieldError::new(&field, "editor-full")),
                }
            }
        }
        "lesson-up" | "lesson-down" => {
            o.move_lesson(&form.lesson, way(&form.op)).map_err(gone)?;
            to.push_str(&format!("#lesson-{}", form.lesson));
        }
        "remove-lesson" => {
            let (m, _) = o.place_of(&form.lesson).ok_or(AppError::NotFound)?;
            o.remove_lesson(&form.lesson).map_err(gone)?;
            to.push_str(&format!("#module-{m}"));
        }
        _ => return Err(AppError::BadRequest("op: an edit of the outline".into())),
    }
    if !invalid.0.is_empty() {
        return refuse(&d, invalid);
    }
    match store(&state, &ctx, id, form.revision, &o).await? {
        Ok(_) => Ok(redirect_with(
            &to,
            Flash::DraftSaved,
            state.config.secure_cookies(),
        )),
        Err(invalid) => {
            let d = own_draft(&state, &ctx, id).await?;
            refuse(&d, invalid)
        }
    }
}
