use super::*;

fn fields(r: Result<impl std::fmt::Debug, Invalid>) -> Vec<(String, &'static str)> {
    match r {
        Ok(v) => panic!("accepted: {v:?}"),
        Err(inv) => inv.0.into_iter().map(|e| (e.field, e.code)).collect(),
    }
}

fn input() -> ReportInput {
    ReportInput {
        category: "academic-integrity".into(),
        severity: "harms-learning".into(),
        tool: String::new(),
        subject: "math".into(),
        grade_band: "6-8".into(),
        happened: "Half the class handed in the same chatbot essay.".into(),
        tried: "  A talk about sources. ".into(),
        anonymous: None,
    }
}

#[test]
fn a_report_is_checked_into_its_parts() {
    let r = input().validate().unwrap();
    assert_eq!(r.category, Category::AcademicIntegrity);
    assert_eq!(r.severity, Severity::HarmsLearning);
    assert_eq!(r.subject, Subject::Math);
    assert_eq!(r.grade_band, GradeBand::G6to8);
    assert_eq!(r.tool, None);
    assert_eq!(r.tried, "A talk about sources.");
    assert!(!r.anonymous);
    let r = ReportInput {
        tool: " 12 ".into(),
        anonymous: Some("on".into()),
        ..input()
    }
    .validate()
    .unwrap();
    assert_eq!(r.tool, Some(ToolId(12)));
    assert!(r.anonymous);
}

#[test]
fn a_report_with_no_category_is_refused_on_its_field() {
    let r = ReportInput {
        category: " ".into(),
        ..input()
    };
    assert_eq!(
        fields(r.validate()),
        vec![("category".into(), "choose-one")]
    );
    let r = ReportInput {
        category: "cheating".into(),
        ..input()
    };
    assert_eq!(
        fields(r.validate()),
        vec![("category".into(), "unknown-choice")]
    );
}

#[test]
fn every_problem_of_a_report_is_named_at_once() {
    let r = ReportInput::default();
    assert_eq!(
        fields(r.validate()),
        vec![
            ("category".into(), "choose-one"),
            ("severity".into(), "choose-one"),
            ("subject".into(), "choose-one"),
            ("grade_band".into(), "choose-one"),
            ("happened".into(), "required"),
        ]
    );
    let r = ReportInput {
        tool: "a tool".into(),
        happened: "x".repeat(MAX_TEXT + 1),
        tried: "bell\u{7}".into(),
        ..input()
    };
    assert_eq!(
        fields(r.validate()),
        vec![
            ("tool".into(), "unknown-choice"),
            ("happened".into(), "too-long"),
            ("tried".into(), "control-characters"),
        ]
    );
    // The limit itself is allowed.
    let r = ReportInput {
        happened: "é".repeat(MAX_TEXT),
        ..input()
    };
    assert!(r.validate().is_ok());
}

#[test]
fn tags_are_few_short_words_kept_once() {
    assert_eq!(
        parse_tags(" Essays ,essays,  take-home   tests ,,").unwrap(),
        vec!["essays".to_string(), "take-home tests".to_string()]
    );
    assert_eq!(parse_tags("").unwrap(), Vec::<String>::new());
    assert_eq!(parse_tags("a,b,c,d,e").unwrap().len(), MAX_TAGS);
    let e = parse_tags("a,b,c,d,e,f").unwrap_err();
    assert_eq!((e.field.as_str(), e.code), ("tags", "too-many-tags"));
    assert!(parse_tags(&"x".repeat(MAX_TAG)).is_ok());
    let e = parse_tags(&"x".repeat(MAX_TAG + 1)).unwrap_err();
    assert_eq!((e.field.as_str(), e.code), ("tags", "tag-too-long"));
    let e = parse_tags("a\u{1b}b").unwrap_err();
    assert_eq!(e.code, "control-characters");
}

#[test]
fn status_moves_forward_and_may_be_reopened() {
    use Status::*;
    let allowed = [
        (New, Triaged),
        (New, Declined),
        (Triaged, Addressed),
        (Triaged, Declined),
        (Addressed, Triaged),
        (Declined, Triaged),
    ];
    for from in Status::ALL {
        for to in Status::ALL {
            let expected = from == to || allowed.contains(&(*from, *to));
            assert_eq!(from.may_become(*to), expected, "{from} → {to}");
        }
    }
    // Never addressed unseen, never new again.
    assert!(!New.may_become(Addressed));
    assert!(!Triaged.may_become(New));
    assert!(!Addressed.may_become(Declined));
    assert!(Addressed.is_closed() && Declined.is_closed() && !Triaged.is_closed());
}

#[test]
fn triage_names_what_answered_it() {
    let t = TriageInput {
        status: "addressed".into(),
        tags: "essays".into(),
        answer: "resource".into(),
        answer_id: "7".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    assert_eq!(t.status, Status::Addressed);
    assert_eq!(t.tags, vec!["essays".to_string()]);
    assert_eq!(t.answer, Some(Answer::Resource(ResourceId(7))));

    let t = TriageInput {
        status: "addressed".into(),
        answer: "lesson".into(),
        answer_id: "3".into(),
        lesson: " citing-ai ".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let a = t.answer.unwrap();
    assert_eq!(
        a,
        Answer::Lesson {
            course: CourseId(3),
            lesson: "citing-ai".into()
        }
    );
    let (kind, id, text) = a.parts();
    assert_eq!(
        Answer::from_parts(kind, id, text.map(str::to_string)),
        Some(a.clone())
    );

    let t = TriageInput {
        status: "addressed".into(),
        answer: "guidance".into(),
        guidance: "Ask for drafts in class.".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    assert_eq!(
        t.answer,
        Some(Answer::Guidance("Ask for drafts in class.".into()))
    );
    // Triaged without an answer is fine.
    assert!(
        TriageInput {
            status: "triaged".into(),
            ..Default::default()
        }
        .validate()
        .is_ok()
    );
}

#[test]
fn bad_triage_is_refused_by_field() {
    assert_eq!(
        fields(
            TriageInput {
                status: "addressed".into(),
                ..Default::default()
            }
            .validate()
        ),
        vec![("answer".into(), "answer-required")]
    );
    assert_eq!(
        fields(
            TriageInput {
                status: "done".into(),
                tags: "a,b,c,d,e,f".into(),
                answer: "course".into(),
                ..Default::default()
            }
            .validate()
        ),
        vec![
            ("status".into(), "unknown-choice"),
            ("tags".into(), "too-many-tags"),
            ("answer_id".into(), "required"),
        ]
    );
    assert_eq!(
        fields(
            TriageInput {
                status: "addressed".into(),
                answer: "guidance".into(),
                ..Default::default()
            }
            .validate()
        ),
        vec![("guidance".into(), "required")]
    );
    assert_eq!(
        fields(
            TriageInput {
                status: "triaged".into(),
                answer: "lesson".into(),
                answer_id: "-4".into(),
                ..Default::default()
            }
            .validate()
        ),
        vec![
            ("answer_id".into(), "unknown-choice"),
            ("lesson".into(), "required"),
        ]
    );
}

#[test]
fn a_month_is_its_year_and_month() {
    let d = Date::parse("2026-03-09").unwrap();
    assert_eq!(month_of(d), "2026-03");
}
