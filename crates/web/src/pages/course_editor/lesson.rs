//! A lesson's page: its Markdown with a preview, reflection, quiz and
//! practice task with rubric, each button one edit.

use super::*;

pub struct OptionForm {
    pub text: String,
    pub correct: bool,
    pub feedback: String,
}

pub struct QuestionForm {
    pub prompt: String,
    pub multiple: bool,
    pub options: Vec<OptionForm>,
}

pub struct CriterionForm {
    pub text: String,
}

#[derive(Template)]
#[template(path = "lesson_editor.html")]
pub struct LessonPage {
    page: Page,
    errors: FormErrors,
    id: i64,
    key: String,
    revision: i64,
    course_title: String,
    lesson_title: String,
    markdown: String,
    /// The text rendered (by `markdown::to_html`), when asked for.
    preview: Option<String>,
    reflection: String,
    has_quiz: bool,
    pass_mark: String,
    max_attempts: String,
    questions: Vec<QuestionForm>,
    has_task: bool,
    instructions: String,
    artefacts: Vec<Choice>,
    criteria: Vec<CriterionForm>,
}

/// A lesson as its form shows it: numbers as typed.
struct Typed {
    lesson: LessonOutline,
    pass_mark: String,
    max_attempts: String,
}

impl Typed {
    fn of(lesson: LessonOutline) -> Typed {
        Typed {
            pass_mark: lesson
                .quiz
                .as_ref()
                .map(|q| q.pass_mark.to_string())
                .unwrap_or_default(),
            max_attempts: lesson
                .quiz
                .as_ref()
                .and_then(|q| q.max_attempts)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            lesson,
        }
    }
}

fn lesson_page(
    ctx: &Ctx,
    d: &DraftRow,
    course_title: &str,
    key: &str,
    t: Typed,
    preview: Option<String>,
    errors: FormErrors,
) -> LessonPage {
    let l = t.lesson;
    let mut page = Page::new(ctx, "editor-lesson-title").with_errors(&errors);
    if !l.title.is_empty() {
        let heading = format!("{}: {}", page.t("editor-lesson-title"), l.title);
        page = page.with_title(&heading);
    }
    let chosen: Vec<&str> = l
        .task
        .as_ref()
        .map(|t| t.artefacts.iter().map(|a| a.as_str()).collect())
        .unwrap_or_default();
    let artefacts = Choice::list(&page, "artefact", ["text", "link", "file"], &chosen);
    LessonPage {
        id: d.id,
        key: key.to_string(),
        revision: d.revision,
        course_title: course_title.to_string(),
        lesson_title: l.title.clone(),
        markdown: l.markdown.clone(),
        preview,
        reflection: l
            .reflection
            .as_ref()
            .map(|r| r.prompt.clone())
            .unwrap_or_default(),
        has_quiz: l.quiz.is_some(),
        pass_mark: t.pass_mark,
        max_attempts: t.max_attempts,
        questions: l
            .quiz
            .as_ref()
            .map(|q| {
                q.questions
                    .iter()
                    .map(|q| QuestionForm {
                        prompt: q.prompt.clone(),
                        multiple: q.kind == Kind::Multiple,
                        options: q
                            .options
                            .iter()
                            .map(|o| OptionForm {
                                text: o.text.clone(),
                                correct: o.correct,
                                feedback: o.feedback.clone().unwrap_or_default(),
                            })
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        has_task: l.task.is_some(),
        instructions: l
            .task
            .as_ref()
            .map(|t| t.instructions.clone())
            .unwrap_or_default(),
        artefacts,
        criteria: l
            .task
            .as_ref()
            .map(|t| {
                t.rubric
                    .iter()
                    .map(|c| CriterionForm {
                        text: c.text.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        errors,
        page,
    }
}

/// `GET /authoring/{draft_id}/lessons/{lesson_key}`
pub async fn lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, key)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let d = own_draft(&state, &ctx, id).await?;
    if !d.status.editable() {
        return Ok(crate::flash::redirect(&draft_path(id)));
    }
    let o = Outline::read(&d.document).map_err(|_| AppError::NotFound)?;
    let l = o.lesson(&key).map_err(|_| AppError::NotFound)?;
    Ok(render(&lesson_page(
        &ctx,
        &d,
        &o.title,
        &key,
        Typed::of(l),
        None,
        FormErrors::none(),
    )))
}

/// The lesson form's fields, by name (checkboxes may repeat).
struct Fields(HashMap<String, Vec<String>>);

impl Fields {
    fn of(pairs: Vec<(String, String)>) -> Fields {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            map.entry(k).or_default().push(v);
        }
        Fields(map)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(|v| v.first()).map(String::as_str)
    }

    fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or("").to_string()
    }

    fn all(&self, name: &str) -> &[String] {
        self.0.get(name).map_or(&[], Vec::as_slice)
    }
}

/// Puts what was typed into the stored lesson (by place: the revision
/// check makes places the page's), and says what is wrong with it; with
/// `complete`, also what is missing. Numbers come back as typed.
fn apply_typed(lesson: &mut LessonOutline, f: &Fields, complete: bool) -> (Typed, Invalid) {
    let mut invalid = Invalid::new();
    lesson.title = text(
        "lesson-title",
        &f.text("lesson-title"),
        MAX_TITLE,
        &mut invalid,
    );
    lesson.markdown = f.text("markdown");
    if complete && lesson.markdown.trim().is_empty() {
        invalid.0.push(FieldError::new("markdown", "required"));
    }
    too_long("markdown", &lesson.markdown, MAX_MARKDOWN, &mut invalid);
    let prompt = f.text("reflection").trim().to_string();
    too_long("reflection", &prompt, MAX_PROMPT, &mut invalid);
    lesson.reflection = (!prompt.is_empty()).then_some(Reflection { prompt });
    let pass_mark = f.text("pass-mark");
    let max_attempts = f.text("max-attempts");
    if let Some(quiz) = lesson.quiz.as_mut() {
        match pass_mark.trim().parse::<u32>() {
            Ok(n) if (1..=100).contains(&n) => quiz.pass_mark = n,
            _ => invalid.0.push(
                FieldError::new("pass-mark", "number-range")
                    .with_arg("min", 1)
                    .with_arg("max", 100),
            ),
        }
        match max_attempts.trim() {
            "" => quiz.max_attempts = None,
            typed => match typed.parse::<u32>() {
                Ok(n) if (1..=MAX_ATTEMPTS).contains(&n) => quiz.max_attempts = Some(n),
                _ => invalid.0.push(
                    FieldError::new("max-attempts", "number-range")
                        .with_arg("min", 1)
                        .with_arg("max", MAX_ATTEMPTS),
                ),
            },
        }
        for (i, q) in quiz.questions.iter_mut().enumerate() {
            let n = i + 1;
            q.prompt = f.text(&format!("q{i}-prompt")).trim().to_string();
            if complete && q.prompt.is_empty() {
                invalid.0.push(
                    FieldError::new(format!("q{i}-prompt"), "question-prompt").with_arg("n", n),
                );
            }
            too_long(&format!("q{i}-prompt"), &q.prompt, MAX_PROMPT, &mut invalid);
            q.kind = if f.get(&format!("q{i}-kind")) == Some("multiple") {
                Kind::Multiple
            } else {
                Kind::Single
            };
            for (j, o) in q.options.iter_mut().enumerate() {
                o.text = f.text(&format!("q{i}-o{j}-text")).trim().to_string();
                if complete && o.text.is_empty() {
                    invalid.0.push(
                        FieldError::new(format!("q{i}-o{j}-text"), "option-text")
                            .with_arg("n", n)
                            .with_arg("option", j + 1),
                    );
                }
                too_long(&format!("q{i}-o{j}-text"), &o.text, MAX_TITLE, &mut invalid);
                o.correct = f.get(&format!("q{i}-o{j}-correct")).is_some();
                let feedback = f.text(&format!("q{i}-o{j}-feedback")).trim().to_string();
                too_long(
                    &format!("q{i}-o{j}-feedback"),
                    &feedback,
                    MAX_PROMPT,
                    &mut invalid,
                );
                o.feedback = (!feedback.is_empty()).then_some(feedback);
            }
            let right = q.options.iter().filter(|o| o.correct).count();
            let wrong = match q.kind {
                Kind::Single => right != 1,
                Kind::Multiple => right == 0,
            };
            if complete && wrong {
                let code = match q.kind {
                    Kind::Single => "question-one-right",
                    Kind::Multiple => "question-some-right",
                };
                invalid
                    .0
                    .push(FieldError::new(format!("q{i}-kind"), code).with_arg("n", n));
            }
        }
    }
    if let Some(task) = lesson.task.as_mut() {
        task.instructions = f.text("task-instructions").trim().to_string();
        if complete && task.instructions.is_empty() {
            invalid
                .0
                .push(FieldError::new("task-instructions", "required"));
        }
        too_long(
            "task-instructions",
            &task.instructions,
            MAX_INSTRUCTIONS,
            &mut invalid,
        );
        task.artefacts = f
            .all("task-artefacts")
            .iter()
            .filter_map(|a| ArtefactKind::parse(a))
            .collect();
        if complete && task.artefacts.is_empty() {
            invalid
                .0
                .push(FieldError::new("task-artefacts", "choose-one"));
        }
        for (i, c) in task.rubric.iter_mut().enumerate() {
            c.text = f.text(&format!("c{i}-text")).trim().to_string();
            if complete && c.text.is_empty() {
                invalid.0.push(
                    FieldError::new(format!("c{i}-text"), "criterion-text").with_arg("n", i + 1),
                );
            }
            too_long(&format!("c{i}-text"), &c.text, MAX_TITLE, &mut invalid);
        }
        if complete && task.rubric.is_empty() {
            invalid
                .0
                .push(FieldError::new("add-criterion", "rubric-empty"));
        }
    }
    (
        Typed {
            lesson: lesson.clone(),
            pass_mark,
            max_attempts,
        },
        invalid,
    )
}

/// Indexes in an op such as `move-option-up:2:1`.
fn indexes(op: &str) -> (&str, Vec<usize>) {
    let mut parts = op.split(':');
    let name = parts.next().unwrap_or("");
    (name, parts.filter_map(|p| p.parse().ok()).collect())
}

/// `POST /authoring/{draft_id}/lessons/{lesson_key}`: the whole lesson form
/// with one `op`: `save`, `preview` (renders the text, saves nothing), or
/// a change to its quiz or task (saved, and back to the form's place).
pub async fn edit_lesson(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, key)): Path<(i64, String)>,
    HtmlForm(pairs): HtmlForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let f = Fields::of(pairs);
    let d = own_draft(&state, &ctx, id).await?;
    if !d.status.editable() {
        return Ok(crate::flash::redirect(&draft_path(id)));
    }
    let mut o = Outline::read(&d.document).map_err(|_| AppError::NotFound)?;
    let mut lesson = o.lesson(&key).map_err(|_| AppError::NotFound)?;
    let op = f.text("op");
    let (name, at) = indexes(&op);
    let revision: i64 = f.get("revision").and_then(|r| r.parse().ok()).unwrap_or(0);
    let complete = name == "save";
    let (typed, mut invalid) = apply_typed(&mut lesson, &f, complete);
    let course_title = o.title.clone();
    let show = |d: &DraftRow, typed: Typed, preview: Option<String>, invalid: &Invalid| {
        lesson_page(
            &ctx,
            d,
            &course_title,
            &key,
            typed,
            preview,
            FormErrors::from_invalid(invalid, ctx.lang),
        )
    };
    if revision != d.revision {
        // Shown again as typed, on the newer revision: nothing is lost,
        // and saving again is the author's informed choice.
        return Ok(render_invalid(&show(&d, typed, None, &stale())));
    }
    if name == "preview" {
        let html = markdown::to_html(&lesson.markdown);
        let page = show(&d, typed, Some(html), &invalid);
        return Ok(if invalid.0.is_empty() {
            render(&page)
        } else {
            render_invalid(&page)
        });
    }
    if !invalid.0.is_empty() {
        return Ok(render_invalid(&show(&d, typed, None, &invalid)));
    }
    let i = at.first().copied().unwrap_or(usize::MAX);
    let j = at.get(1).copied().unwrap_or(usize::MAX);
    let gone = |_: Missing| AppError::NotFound;
    let mut anchor = String::new();
    match name {
        "save" => {}
        "add-question" => match lesson.add_question() {
            Ok(q) => anchor = format!("question-{q}"),
            Err(_) => invalid
                .0
                .push(FieldError::new("add-question", "editor-full")),
        },
        "remove-question" => {
            lesson.remove_question(i).map_err(gone)?;
            anchor = "quiz".into();
        }
        "move-question-up" | "move-question-down" => {
            let w = way(name);
            lesson.move_question(i, w);
            let now = if w == Move::Up {
                i.saturating_sub(1)
            } else {
                i + 1
            };
            let last = lesson
                .quiz
                .as_ref()
                .map_or(0, |q| q.questions.len().saturating_sub(1));
            anchor = format!("question-{}", now.min(last));
        }
        "add-option" => match lesson.add_option(i) {
            Ok(_) => anchor = format!("question-{i}"),
            Err(Ok(m)) => return Err(gone(m)),
            Err(Err(_)) => invalid
                .0
                .push(FieldError::new(format!("q{i}-kind"), "editor-full")),
        },
        "remove-option" => {
            lesson.remove_option(i, j).map_err(gone)?;
            anchor = format!("question-{i}");
        }
        "move-option-up" | "move-option-down" => {
            lesson.move_option(i, j, way(name));
            anchor = format!("question-{i}");
        }
        "add-task" => {
            lesson.task_mut();
            anchor = "task".into();
        }
        "remove-task" => {
            lesson.task = None;
            anchor = "task".into();
        }
        "add-criterion" => match lesson.add_criterion() {
            Ok(_) => anchor = "rubric".into(),
            Err(_) => invalid
                .0
                .push(FieldError::new("add-criterion", "editor-full")),
        },
        "remove-criterion" => {
            lesson.remove_criterion(i).map_err(gone)?;
            anchor = "rubric".into();
        }
        "move-criterion-up" | "move-criterion-down" => {
            lesson.move_criterion(i, way(name));
            anchor = "rubric".into();
        }
        _ => return Err(AppError::BadRequest("op: an edit of the lesson".into())),
    }
    if !invalid.0.is_empty() {
        return Ok(render_invalid(&show(&d, Typed::of(lesson), None, &invalid)));
    }
    o.put_lesson(&key, &lesson);
    match store(&state, &ctx, id, revision, &o).await? {
        Ok(_) => {
            let to = if complete {
                format!("{}#lesson-{key}", edit_path(id))
            } else {
                format!("{}#{anchor}", lesson_path(id, &key))
            };
            Ok(redirect_with(
                &to,
                if complete {
                    Flash::LessonSaved
                } else {
                    Flash::DraftSaved
                },
                state.config.secure_cookies(),
            ))
        }
        Err(invalid) => {
            let d = own_draft(&state, &ctx, id).await?;
            Ok(render_invalid(&show(&d, Typed::of(lesson), None, &invalid)))
        }
    }
}
