//! The one schema both backends share. Written by hand to match
//! `migrations/{sqlite,postgres}`; a test checks both databases against it.

diesel::table! {
    orgs (id) {
        id -> BigInt,
        parent_id -> Nullable<BigInt>,
        kind -> Text,
        name -> Text,
        path -> Text,
        locale -> Nullable<Text>,
        title_i -> Nullable<Bool>,
        poverty_band -> Nullable<Text>,
        enrolment -> Nullable<Integer>,
        created_at -> BigInt,
        updated_at -> BigInt,
        time_zone -> Nullable<Text>,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Nullable<Text>,
        email_verified_at -> Nullable<BigInt>,
        password_hash -> Nullable<Text>,
        display_name -> Text,
        preferred_language -> Text,
        years_experience -> Nullable<Integer>,
        school_role -> Nullable<Text>,
        created_at -> BigInt,
        updated_at -> BigInt,
        deleted_at -> Nullable<BigInt>,
        deactivated_at -> Nullable<BigInt>,
        search_text -> Text,
        source_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    welcomes (user_id) {
        user_id -> BigInt,
        created_at -> BigInt,
    }
}

diesel::table! {
    user_subjects (user_id, subject) {
        user_id -> BigInt,
        subject -> Text,
    }
}

diesel::table! {
    user_grade_bands (user_id, grade_band) {
        user_id -> BigInt,
        grade_band -> Text,
    }
}

diesel::table! {
    memberships (id) {
        id -> BigInt,
        user_id -> BigInt,
        org_id -> BigInt,
        role -> Text,
        created_at -> BigInt,
        source_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    roster_sources (id) {
        id -> BigInt,
        org_id -> BigInt,
        name -> Text,
        created_at -> BigInt,
        last_import_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    roster_links (source_id, kind, sourced_id) {
        source_id -> BigInt,
        kind -> Text,
        sourced_id -> Text,
        local_id -> BigInt,
        fingerprint -> BigInt,
    }
}

diesel::table! {
    roster_uploads (id) {
        id -> BigInt,
        token_hash -> Text,
        org_id -> BigInt,
        user_id -> BigInt,
        source -> Text,
        files -> Binary,
        created_at -> BigInt,
        expires_at -> BigInt,
    }
}

diesel::table! {
    roster_import_locks (org_id) {
        org_id -> BigInt,
        holder -> Text,
        expires_at -> BigInt,
    }
}

diesel::table! {
    org_email_domains (id) {
        id -> BigInt,
        domain -> Text,
        org_id -> BigInt,
        created_at -> BigInt,
        token -> Text,
        verified_at -> Nullable<BigInt>,
        verified_how -> Nullable<Text>,
        verified_by -> Nullable<BigInt>,
    }
}

diesel::table! {
    join_codes (id) {
        id -> BigInt,
        org_id -> BigInt,
        code_hash -> Text,
        code_hint -> Text,
        role -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> BigInt,
        expires_at -> BigInt,
        max_uses -> Integer,
        uses -> Integer,
        revoked_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    invitations (id) {
        id -> BigInt,
        org_id -> BigInt,
        email -> Text,
        role -> Text,
        token_hash -> Text,
        invited_by -> Nullable<BigInt>,
        created_at -> BigInt,
        expires_at -> BigInt,
        accepted_at -> Nullable<BigInt>,
        revoked_at -> Nullable<BigInt>,
        resent_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> BigInt,
        created_at -> BigInt,
        last_seen_at -> BigInt,
        expires_at -> BigInt,
    }
}

diesel::table! {
    email_tokens (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        purpose -> Text,
        new_email -> Nullable<Text>,
        created_at -> BigInt,
        expires_at -> BigInt,
        used_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        name -> Text,
        token_hash -> Text,
        created_at -> BigInt,
        last_used_at -> Nullable<BigInt>,
        expires_at -> Nullable<BigInt>,
        revoked_at -> Nullable<BigInt>,
        scopes -> Text,
    }
}

diesel::table! {
    throttle (throttle_key) {
        throttle_key -> Text,
        attempts -> Integer,
        window_start -> BigInt,
        next_at -> BigInt,
    }
}

diesel::table! {
    jobs (id) {
        id -> BigInt,
        kind -> Text,
        payload -> Text,
        run_at -> BigInt,
        attempts -> Integer,
        max_attempts -> Integer,
        locked_until -> Nullable<BigInt>,
        last_error -> Nullable<Text>,
        failed_at -> Nullable<BigInt>,
        created_at -> BigInt,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> BigInt,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        org_id -> Nullable<BigInt>,
        subject_user_id -> Nullable<BigInt>,
        detail -> Text,
    }
}

diesel::table! {
    sso_providers (id) {
        id -> BigInt,
        org_id -> BigInt,
        name -> Text,
        issuer -> Text,
        client_id -> Text,
        client_secret -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    sso_provider_domains (provider_id, domain) {
        provider_id -> BigInt,
        domain -> Text,
    }
}

diesel::table! {
    sso_identities (provider_id, subject) {
        provider_id -> BigInt,
        subject -> Text,
        user_id -> BigInt,
        created_at -> BigInt,
        last_used_at -> BigInt,
    }
}

diesel::table! {
    sso_logins (state_hash) {
        state_hash -> Text,
        provider_id -> BigInt,
        nonce_hash -> Text,
        pkce_verifier -> Text,
        return_to -> Text,
        created_at -> BigInt,
        expires_at -> BigInt,
    }
}

diesel::table! {
    competency_frameworks (id) {
        id -> Text,
        title_en -> Nullable<Text>,
        title_es -> Nullable<Text>,
        publisher -> Text,
        attribution -> Text,
        source -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    competency_levels (framework_id, key) {
        framework_id -> Text,
        key -> Text,
        position -> Integer,
        name_en -> Nullable<Text>,
        name_es -> Nullable<Text>,
        summary_en -> Nullable<Text>,
        summary_es -> Nullable<Text>,
    }
}

diesel::table! {
    competencies (id) {
        id -> Text,
        framework_id -> Text,
        parent_id -> Nullable<Text>,
        kind -> Text,
        code -> Nullable<Text>,
        level_key -> Nullable<Text>,
        position -> Integer,
        name_en -> Nullable<Text>,
        name_es -> Nullable<Text>,
        summary_en -> Nullable<Text>,
        summary_es -> Nullable<Text>,
        retired_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    courses (id) {
        id -> BigInt,
        slug -> Text,
        version -> Integer,
        language -> Text,
        title -> Text,
        summary -> Text,
        pd_quarter_hours -> Integer,
        delivery -> Text,
        licence -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
        search_text -> Text,
        completions -> BigInt,
        certificate_months -> Nullable<Integer>,
        org_id -> BigInt,
    }
}

diesel::table! {
    course_subjects (course_id, subject) {
        course_id -> BigInt,
        subject -> Text,
    }
}

diesel::table! {
    course_grade_bands (course_id, grade_band) {
        course_id -> BigInt,
        grade_band -> Text,
    }
}

diesel::table! {
    course_competencies (course_id, competency_id) {
        course_id -> BigInt,
        competency_id -> Text,
        level_key -> Nullable<Text>,
        position -> Integer,
    }
}

diesel::table! {
    course_prerequisites (course_id, prerequisite_id) {
        course_id -> BigInt,
        prerequisite_id -> BigInt,
        position -> Integer,
    }
}

diesel::table! {
    course_translations (course_id) {
        course_id -> BigInt,
        original_id -> BigInt,
    }
}

diesel::table! {
    course_modules (course_id, version, position) {
        course_id -> BigInt,
        version -> Integer,
        position -> Integer,
        title -> Text,
    }
}

diesel::table! {
    lessons (id) {
        id -> BigInt,
        course_id -> BigInt,
        version -> Integer,
        module_position -> Integer,
        position -> Integer,
        key -> Text,
        title -> Text,
        markdown -> Text,
        activities -> Text,
        quiz -> Nullable<Text>,
        reflection -> Nullable<Text>,
        task -> Nullable<Text>,
    }
}

diesel::table! {
    enrolments (user_id, course_id) {
        user_id -> BigInt,
        course_id -> BigInt,
        version -> Integer,
        enrolled_at -> BigInt,
        completed_at -> Nullable<BigInt>,
        last_lesson_key -> Nullable<Text>,
        updated_at -> BigInt,
    }
}

diesel::table! {
    lesson_progress (user_id, course_id, lesson_key) {
        user_id -> BigInt,
        course_id -> BigInt,
        lesson_key -> Text,
        completed_at -> BigInt,
    }
}

diesel::table! {
    learning_records (id) {
        id -> Text,
        user_id -> BigInt,
        verb -> Text,
        object_id -> Text,
        course_id -> Nullable<BigInt>,
        stored_at -> BigInt,
        statement -> Text,
    }
}

diesel::table! {
    pd_ledger (id) {
        id -> BigInt,
        user_id -> BigInt,
        source -> Text,
        course_id -> Nullable<BigInt>,
        title -> Text,
        quarter_hours -> Integer,
        earned_at -> BigInt,
        school_year -> Integer,
        created_at -> BigInt,
        offering_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    certificates (id) {
        id -> BigInt,
        code -> Text,
        user_id -> BigInt,
        course_id -> Nullable<BigInt>,
        course_version -> Integer,
        recipient_name -> Text,
        course_title -> Text,
        course_language -> Text,
        quarter_hours -> Integer,
        competencies -> Text,
        issuer -> Text,
        issued_at -> BigInt,
        expires_at -> Nullable<BigInt>,
        revoked_at -> Nullable<BigInt>,
        revoked_reason -> Nullable<Text>,
        reminded_at -> Nullable<BigInt>,
        offering_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    pd_requests (id) {
        id -> BigInt,
        user_id -> BigInt,
        org_id -> BigInt,
        title -> Text,
        description -> Nullable<Text>,
        quarter_hours -> Integer,
        completed_at -> BigInt,
        evidence_url -> Nullable<Text>,
        evidence_name -> Nullable<Text>,
        evidence_type -> Nullable<Text>,
        evidence -> Nullable<Binary>,
        status -> Text,
        review_comment -> Nullable<Text>,
        reviewer_id -> Nullable<BigInt>,
        reviewed_at -> Nullable<BigInt>,
        created_at -> BigInt,
    }
}

diesel::table! {
    quiz_attempts (id) {
        id -> BigInt,
        user_id -> BigInt,
        course_id -> BigInt,
        version -> Integer,
        lesson_key -> Text,
        answers -> Text,
        score -> Integer,
        passed -> Bool,
        created_at -> BigInt,
        attempt -> Integer,
        carried_from -> Nullable<BigInt>,
    }
}

diesel::table! {
    offerings (id) {
        id -> BigInt,
        org_id -> BigInt,
        course_id -> Nullable<BigInt>,
        title -> Text,
        description -> Text,
        language -> Text,
        quarter_hours -> Integer,
        audience_org_id -> Nullable<BigInt>,
        capacity -> Integer,
        confirmed -> Integer,
        queued -> Integer,
        needs_approval -> Bool,
        registration_opens_at -> BigInt,
        registration_closes_at -> BigInt,
        credit_min_percent -> Integer,
        credit_needs_course -> Bool,
        remind_first_minutes -> Integer,
        remind_second_minutes -> Integer,
        starts_at -> Nullable<BigInt>,
        ends_at -> Nullable<BigInt>,
        cancelled_at -> Nullable<BigInt>,
        cancel_message -> Nullable<Text>,
        created_by -> Nullable<BigInt>,
        created_at -> BigInt,
        updated_at -> BigInt,
        waitlisted -> Integer,
    }
}

diesel::table! {
    offering_competencies (offering_id, competency_id) {
        offering_id -> BigInt,
        competency_id -> Text,
        position -> Integer,
    }
}

diesel::table! {
    offering_facilitators (offering_id, user_id) {
        offering_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::table! {
    offering_sessions (id) {
        id -> BigInt,
        offering_id -> BigInt,
        uid -> Text,
        sequence -> Integer,
        starts_at -> BigInt,
        ends_at -> BigInt,
        time_zone -> Text,
        mode -> Text,
        venue -> Text,
        address -> Text,
        room -> Text,
        meeting_url -> Text,
        checkin_code -> Text,
        cancelled_at -> Nullable<BigInt>,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    registrations (id) {
        id -> BigInt,
        offering_id -> BigInt,
        user_id -> BigInt,
        status -> Text,
        position -> Integer,
        registered_by -> Nullable<BigInt>,
        decided_by -> Nullable<BigInt>,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    attendance (session_id, user_id) {
        session_id -> BigInt,
        user_id -> BigInt,
        mark -> Text,
        marked_by -> Nullable<BigInt>,
        marked_at -> BigInt,
    }
}

diesel::table! {
    calendar_feeds (user_id) {
        user_id -> BigInt,
        token_hash -> Text,
        created_at -> BigInt,
    }
}

diesel::table! {
    session_reminders (session_id, user_id, which) {
        session_id -> BigInt,
        user_id -> BigInt,
        which -> Integer,
        sent_at -> BigInt,
    }
}

diesel::table! {
    reach_dirty (user_id) {
        user_id -> BigInt,
        marked_at -> BigInt,
    }
}

diesel::table! {
    reach_people (user_id) {
        user_id -> BigInt,
        org_path -> Text,
        locale -> Text,
        title_i -> Text,
        poverty -> Text,
        experience -> Text,
    }
}

diesel::table! {
    reach_milestones (user_id, milestone) {
        user_id -> BigInt,
        milestone -> Text,
        month -> Text,
    }
}

diesel::table! {
    reach_counts (org_id, dimension, value, milestone, month) {
        org_id -> BigInt,
        dimension -> Text,
        value -> Text,
        milestone -> Text,
        month -> Text,
        n -> BigInt,
    }
}

diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(memberships -> orgs (org_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(email_tokens -> users (user_id));
diesel::joinable!(user_subjects -> users (user_id));
diesel::joinable!(user_grade_bands -> users (user_id));
diesel::joinable!(org_email_domains -> orgs (org_id));
diesel::joinable!(join_codes -> orgs (org_id));
diesel::joinable!(invitations -> orgs (org_id));
diesel::joinable!(roster_sources -> orgs (org_id));
diesel::joinable!(roster_links -> roster_sources (source_id));
diesel::joinable!(sso_providers -> orgs (org_id));
diesel::joinable!(sso_provider_domains -> sso_providers (provider_id));
diesel::joinable!(sso_identities -> sso_providers (provider_id));
diesel::joinable!(sso_identities -> users (user_id));
diesel::joinable!(sso_logins -> sso_providers (provider_id));
diesel::joinable!(competency_levels -> competency_frameworks (framework_id));
diesel::joinable!(competencies -> competency_frameworks (framework_id));
diesel::table! {
    reflections (user_id, course_id, lesson_key) {
        user_id -> BigInt,
        course_id -> BigInt,
        lesson_key -> Text,
        body -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    task_submissions (id) {
        id -> BigInt,
        user_id -> BigInt,
        course_id -> BigInt,
        version -> Integer,
        lesson_key -> Text,
        artefact_kind -> Text,
        artefact_text -> Nullable<Text>,
        file_name -> Nullable<Text>,
        file_type -> Nullable<Text>,
        file -> Nullable<Binary>,
        status -> Text,
        criteria_met -> Nullable<Text>,
        review_comment -> Nullable<Text>,
        reviewer_id -> Nullable<BigInt>,
        reviewed_at -> Nullable<BigInt>,
        submitted_at -> BigInt,
    }
}

diesel::table! {
    self_assessments (user_id, aspect_id) {
        user_id -> BigInt,
        framework_id -> Text,
        aspect_id -> Text,
        level_key -> Text,
        updated_at -> BigInt,
    }
}

diesel::table! {
    course_drafts (id) {
        id -> BigInt,
        author_id -> BigInt,
        document -> Text,
        slug -> Nullable<Text>,
        title -> Nullable<Text>,
        status -> Text,
        reviewer_id -> Nullable<BigInt>,
        review_comment -> Nullable<Text>,
        published_version -> Nullable<Integer>,
        created_at -> BigInt,
        updated_at -> BigInt,
        org_id -> BigInt,
        revision -> BigInt,
    }
}

diesel::table! {
    spaces (id) {
        id -> BigInt,
        org_id -> BigInt,
        title -> Text,
        description -> Text,
        visibility -> Text,
        created_by -> BigInt,
        topic_count -> BigInt,
        created_at -> BigInt,
        offering_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    space_follows (user_id, space_id) {
        user_id -> BigInt,
        space_id -> BigInt,
        created_at -> BigInt,
        muted_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    topics (id) {
        id -> BigInt,
        space_id -> BigInt,
        author_id -> BigInt,
        kind -> Text,
        title -> Text,
        reply_count -> BigInt,
        last_post_at -> BigInt,
        locked_at -> Nullable<BigInt>,
        created_at -> BigInt,
        accepted_post_id -> Nullable<BigInt>,
        pinned_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    notifications (id) {
        id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        actor_id -> BigInt,
        topic_id -> Nullable<BigInt>,
        post_id -> Nullable<BigInt>,
        created_at -> BigInt,
        read_at -> Nullable<BigInt>,
        note -> Nullable<Text>,
        subject -> Nullable<Text>,
        link -> Nullable<Text>,
        extra_link -> Nullable<Text>,
        digested -> Bool,
    }
}

diesel::table! {
    posts (id) {
        id -> BigInt,
        topic_id -> BigInt,
        author_id -> BigInt,
        body -> Text,
        created_at -> BigInt,
        edited_at -> Nullable<BigInt>,
        deleted_at -> Nullable<BigInt>,
        hidden_at -> Nullable<BigInt>,
        hidden_reason -> Nullable<Text>,
        search_text -> Text,
        helpful_count -> BigInt,
        thanks_count -> BigInt,
        insightful_count -> BigInt,
        edit_count -> BigInt,
    }
}

diesel::table! {
    flags (id) {
        id -> BigInt,
        post_id -> BigInt,
        reporter_id -> BigInt,
        reason -> Text,
        created_at -> BigInt,
        decision -> Nullable<Text>,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<BigInt>,
        category -> Text,
    }
}

diesel::table! {
    suspensions (id) {
        id -> BigInt,
        user_id -> BigInt,
        org_id -> BigInt,
        until_at -> BigInt,
        reason -> Text,
        suspended_by -> BigInt,
        created_at -> BigInt,
    }
}

diesel::table! {
    post_revisions (id) {
        id -> BigInt,
        post_id -> BigInt,
        body -> Text,
        replaced_at -> BigInt,
        author_id -> BigInt,
    }
}

diesel::table! {
    reactions (post_id, user_id, kind) {
        post_id -> BigInt,
        user_id -> BigInt,
        kind -> Text,
        created_at -> BigInt,
    }
}

diesel::table! {
    digest_settings (user_id) {
        user_id -> BigInt,
        frequency -> Text,
        last_sent_at -> Nullable<BigInt>,
        decisions -> Text,
    }
}

diesel::table! {
    unsubscribe_links (token_hash) {
        token_hash -> Text,
        user_id -> BigInt,
        created_at -> BigInt,
    }
}

diesel::table! {
    topic_tags (topic_id, tag) {
        topic_id -> BigInt,
        tag -> Text,
    }
}

diesel::table! {
    search_words (word) {
        word -> Text,
    }
}

diesel::table! {
    library_version (id) {
        id -> BigInt,
        version -> BigInt,
    }
}

diesel::table! {
    offerings_version (id) {
        id -> BigInt,
        version -> BigInt,
    }
}

diesel::table! {
    library_spaces (org_id) {
        org_id -> BigInt,
        space_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    catalogue_version (id) {
        id -> BigInt,
        version -> BigInt,
    }
}

diesel::joinable!(spaces -> orgs (org_id));
diesel::joinable!(topics -> spaces (space_id));
diesel::joinable!(posts -> topics (topic_id));
diesel::joinable!(notifications -> topics (topic_id));
diesel::joinable!(flags -> posts (post_id));
diesel::joinable!(suspensions -> orgs (org_id));

diesel::joinable!(course_subjects -> courses (course_id));
diesel::joinable!(course_grade_bands -> courses (course_id));
diesel::joinable!(course_competencies -> courses (course_id));
diesel::joinable!(course_competencies -> competencies (competency_id));
diesel::joinable!(course_modules -> courses (course_id));
diesel::joinable!(lessons -> courses (course_id));
diesel::joinable!(enrolments -> courses (course_id));
diesel::joinable!(enrolments -> users (user_id));
diesel::joinable!(lesson_progress -> courses (course_id));
diesel::joinable!(learning_records -> users (user_id));
diesel::joinable!(pd_ledger -> users (user_id));
diesel::joinable!(pd_requests -> orgs (org_id));
diesel::joinable!(certificates -> users (user_id));
diesel::joinable!(certificates -> courses (course_id));
diesel::table! {
    offering_surveys (offering_id) {
        offering_id -> BigInt,
        items -> Text,
        free_text -> Text,
        updated_by -> Nullable<BigInt>,
        updated_at -> BigInt,
    }
}

diesel::table! {
    survey_answers (id) {
        id -> Text,
        session_id -> BigInt,
        rating_1 -> Nullable<Integer>,
        rating_2 -> Nullable<Integer>,
        rating_3 -> Nullable<Integer>,
        rating_4 -> Nullable<Integer>,
        rating_5 -> Nullable<Integer>,
        comment -> Text,
    }
}

diesel::table! {
    survey_answered (session_id, user_id) {
        session_id -> BigInt,
        user_id -> BigInt,
    }
}

diesel::joinable!(survey_answers -> offering_sessions (session_id));
diesel::joinable!(offering_sessions -> offerings (offering_id));
diesel::joinable!(offering_facilitators -> offerings (offering_id));
diesel::joinable!(offering_competencies -> offerings (offering_id));
diesel::joinable!(registrations -> offerings (offering_id));
diesel::joinable!(registrations -> users (user_id));
diesel::joinable!(attendance -> offering_sessions (session_id));
diesel::joinable!(task_submissions -> courses (course_id));

diesel::allow_tables_to_appear_in_same_query!(
    reach_dirty,
    reach_people,
    reach_milestones,
    reach_counts,
    ai_tools,
    programme_settings,
    ai_tool_reviews,
    ai_tool_rating_counts,
    ai_tool_org_status,
    library_version,
    offerings_version,
    library_spaces,
    classroom_practices,
    classroom_practice_drafts,
    classroom_practice_versions,
    classroom_practice_subjects,
    classroom_practice_grade_bands,
    classroom_practice_competencies,
    classroom_practice_follows,
    library_files,
    trial_reports,
    challenge_reports,
    challenge_counts,
    resources,
    resource_subjects,
    resource_grade_bands,
    resource_competencies,
    resource_ratings,
    resource_comments,
    classroom_practice_resources,
    classroom_practice_tools,
    lesson_resources,
    offerings,
    offering_competencies,
    offering_facilitators,
    offering_sessions,
    registrations,
    attendance,
    calendar_feeds,
    session_reminders,
    offering_surveys,
    survey_answers,
    survey_answered,
    welcomes,
    orgs,
    users,
    user_subjects,
    user_grade_bands,
    memberships,
    roster_sources,
    roster_links,
    roster_import_locks,
    roster_uploads,
    org_email_domains,
    join_codes,
    invitations,
    sessions,
    email_tokens,
    api_tokens,
    throttle,
    jobs,
    audit_log,
    sso_providers,
    sso_provider_domains,
    sso_identities,
    sso_logins,
    competency_frameworks,
    competency_levels,
    competencies,
    courses,
    course_subjects,
    course_grade_bands,
    course_competencies,
    course_prerequisites,
    course_translations,
    course_modules,
    lessons,
    enrolments,
    lesson_progress,
    learning_records,
    pd_ledger,
    certificates,
    pd_requests,
    quiz_attempts,
    reflections,
    task_submissions,
    self_assessments,
    course_drafts,
    spaces,
    space_follows,
    topics,
    posts,
    post_revisions,
    notifications,
    flags,
    suspensions,
    reactions,
    digest_settings,
    unsubscribe_links,
    topic_tags,
    search_words,
    catalogue_version,
);

diesel::table! {
    classroom_practices (id) {
        id -> BigInt,
        org_id -> BigInt,
        author_id -> Nullable<BigInt>,
        language -> Text,
        version -> Integer,
        title -> Text,
        summary -> Text,
        goal -> Text,
        steps -> Text,
        tools -> Text,
        minutes -> Integer,
        equity_notes -> Text,
        privacy_notes -> Text,
        logic_model -> Text,
        licence -> Text,
        search_text -> Text,
        trials -> Integer,
        proposed_tier -> Nullable<Integer>,
        proposed_reasons -> Text,
        proposed_at -> Nullable<BigInt>,
        tier -> Nullable<Integer>,
        tier_reason -> Nullable<Text>,
        tier_decided_by -> Nullable<BigInt>,
        tier_decided_at -> Nullable<BigInt>,
        topic_id -> Nullable<BigInt>,
        created_at -> BigInt,
        updated_at -> BigInt,
        published_at -> Nullable<BigInt>,
        trial_states -> Integer,
        trial_rural -> Integer,
        trial_title_i -> Integer,
        trial_use_again -> Integer,
    }
}

diesel::table! {
    classroom_practice_drafts (practice_id) {
        practice_id -> BigInt,
        status -> Text,
        content -> Text,
        revision -> Integer,
        comments -> Nullable<Text>,
        reviewed_by -> Nullable<BigInt>,
        submitted_at -> Nullable<BigInt>,
        updated_at -> BigInt,
    }
}

diesel::table! {
    classroom_practice_versions (practice_id, version) {
        practice_id -> BigInt,
        version -> Integer,
        content -> Text,
        published_by -> Nullable<BigInt>,
        published_at -> BigInt,
        revision -> Integer,
    }
}

diesel::table! {
    classroom_practice_subjects (practice_id, subject) {
        practice_id -> BigInt,
        subject -> Text,
    }
}

diesel::table! {
    classroom_practice_grade_bands (practice_id, grade_band) {
        practice_id -> BigInt,
        grade_band -> Text,
    }
}

diesel::table! {
    classroom_practice_competencies (practice_id, competency_id) {
        practice_id -> BigInt,
        competency_id -> Text,
        position -> Integer,
    }
}

diesel::table! {
    classroom_practice_follows (practice_id, user_id) {
        practice_id -> BigInt,
        user_id -> BigInt,
        created_at -> BigInt,
    }
}

diesel::table! {
    library_files (id) {
        id -> BigInt,
        practice_id -> Nullable<BigInt>,
        uploaded_by -> Nullable<BigInt>,
        name -> Text,
        media_type -> Text,
        size -> BigInt,
        bytes -> Binary,
        created_at -> BigInt,
    }
}

diesel::table! {
    trial_reports (id) {
        id -> BigInt,
        practice_id -> BigInt,
        version -> Integer,
        reporter_id -> Nullable<BigInt>,
        subject -> Text,
        grade_band -> Text,
        school_id -> Nullable<BigInt>,
        state_id -> Nullable<BigInt>,
        locale -> Nullable<Text>,
        title_i -> Nullable<Bool>,
        students -> Integer,
        periods -> Integer,
        fidelity -> Text,
        happened -> Text,
        would_change -> Text,
        use_again -> Bool,
        design -> Text,
        controls_for_selection -> Bool,
        sample_size -> Nullable<Integer>,
        comparison_size -> Nullable<Integer>,
        sites -> Nullable<Integer>,
        measure -> Nullable<Text>,
        effect_direction -> Nullable<Text>,
        effect_size_centi -> Nullable<Integer>,
        significant -> Nullable<Bool>,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    resources (id) {
        id -> BigInt,
        org_id -> BigInt,
        author_id -> Nullable<BigInt>,
        kind -> Text,
        title -> Text,
        description -> Text,
        language -> Text,
        licence -> Text,
        url -> Nullable<Text>,
        file_id -> Nullable<BigInt>,
        featured_at -> Nullable<BigInt>,
        featured_by -> Nullable<BigInt>,
        rating_sum -> BigInt,
        rating_count -> BigInt,
        comment_count -> Integer,
        search_text -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    resource_subjects (resource_id, subject) {
        resource_id -> BigInt,
        subject -> Text,
    }
}

diesel::table! {
    resource_grade_bands (resource_id, grade_band) {
        resource_id -> BigInt,
        grade_band -> Text,
    }
}

diesel::table! {
    resource_competencies (resource_id, competency_id) {
        resource_id -> BigInt,
        competency_id -> Text,
    }
}

diesel::table! {
    resource_ratings (resource_id, user_id) {
        resource_id -> BigInt,
        user_id -> BigInt,
        stars -> Integer,
        updated_at -> BigInt,
    }
}

diesel::table! {
    resource_comments (id) {
        id -> BigInt,
        resource_id -> BigInt,
        author_id -> Nullable<BigInt>,
        body -> Text,
        created_at -> BigInt,
        hidden_at -> Nullable<BigInt>,
    }
}

diesel::table! {
    classroom_practice_resources (practice_id, resource_id) {
        practice_id -> BigInt,
        resource_id -> BigInt,
        position -> Integer,
    }
}

diesel::table! {
    classroom_practice_tools (practice_id, tool_id) {
        practice_id -> BigInt,
        tool_id -> BigInt,
    }
}

diesel::table! {
    lesson_resources (course_id, lesson_key, resource_id) {
        course_id -> BigInt,
        lesson_key -> Text,
        resource_id -> BigInt,
        position -> Integer,
    }
}

diesel::joinable!(classroom_practices -> orgs (org_id));
diesel::joinable!(classroom_practice_drafts -> classroom_practices (practice_id));
diesel::joinable!(classroom_practice_versions -> classroom_practices (practice_id));
diesel::joinable!(classroom_practice_subjects -> classroom_practices (practice_id));
diesel::joinable!(classroom_practice_grade_bands -> classroom_practices (practice_id));
diesel::joinable!(classroom_practice_competencies -> classroom_practices (practice_id));
diesel::joinable!(classroom_practice_follows -> classroom_practices (practice_id));
diesel::joinable!(trial_reports -> classroom_practices (practice_id));
diesel::joinable!(resources -> library_files (file_id));
diesel::joinable!(resource_subjects -> resources (resource_id));
diesel::joinable!(resource_grade_bands -> resources (resource_id));
diesel::joinable!(resource_competencies -> resources (resource_id));
diesel::joinable!(resource_ratings -> resources (resource_id));
diesel::joinable!(resource_comments -> resources (resource_id));
diesel::joinable!(classroom_practice_resources -> classroom_practices (practice_id));
diesel::joinable!(classroom_practice_resources -> resources (resource_id));
diesel::joinable!(lesson_resources -> resources (resource_id));

diesel::table! {
    ai_tools (id) {
        id -> BigInt,
        name -> Text,
        sort_name -> Text,
        vendor -> Text,
        url -> Text,
        description -> Text,
        min_age -> Integer,
        max_age -> Nullable<Integer>,
        cost_model -> Text,
        privacy_agreement -> Text,
        review_count -> BigInt,
        created_by -> Nullable<BigInt>,
        updated_by -> Nullable<BigInt>,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    ai_tool_reviews (id) {
        id -> BigInt,
        tool_id -> BigInt,
        user_id -> BigInt,
        ratings -> Text,
        comments -> Text,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    ai_tool_rating_counts (tool_id, criterion, rating) {
        tool_id -> BigInt,
        criterion -> Text,
        rating -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    ai_tool_org_status (tool_id, org_id) {
        tool_id -> BigInt,
        org_id -> BigInt,
        status -> Text,
        note -> Text,
        decided_on -> Text,
        privacy_agreement_signed -> Bool,
        decided_by -> Nullable<BigInt>,
        decided_at -> BigInt,
    }
}

diesel::joinable!(ai_tool_reviews -> ai_tools (tool_id));
diesel::joinable!(ai_tool_reviews -> users (user_id));
diesel::joinable!(ai_tool_rating_counts -> ai_tools (tool_id));
diesel::joinable!(ai_tool_org_status -> ai_tools (tool_id));
diesel::joinable!(ai_tool_org_status -> orgs (org_id));
diesel::joinable!(classroom_practice_tools -> classroom_practices (practice_id));
diesel::joinable!(classroom_practice_tools -> ai_tools (tool_id));

diesel::table! {
    challenge_reports (id) {
        id -> BigInt,
        reporter_id -> Nullable<BigInt>,
        anonymous -> Bool,
        category -> Text,
        severity -> Text,
        tool_id -> Nullable<BigInt>,
        subject -> Text,
        grade_band -> Text,
        happened -> Text,
        tried -> Text,
        school_id -> Nullable<BigInt>,
        state_id -> Nullable<BigInt>,
        locale -> Nullable<Text>,
        title_i -> Nullable<Bool>,
        org_path -> Text,
        month -> Text,
        status -> Text,
        tags -> Text,
        merged_into -> Nullable<BigInt>,
        answer_kind -> Nullable<Text>,
        answer_id -> Nullable<BigInt>,
        answer_text -> Nullable<Text>,
        triaged_by -> Nullable<BigInt>,
        created_at -> BigInt,
        updated_at -> BigInt,
    }
}

diesel::table! {
    challenge_counts (org_id, dimension, month, value) {
        org_id -> BigInt,
        dimension -> Text,
        month -> Text,
        value -> Text,
        n -> BigInt,
    }
}

diesel::joinable!(challenge_counts -> orgs (org_id));
diesel::joinable!(reach_counts -> orgs (org_id));

diesel::table! {
    programme_settings (key) {
        key -> Text,
        value -> Text,
        updated_at -> BigInt,
        updated_by -> Nullable<BigInt>,
    }
}

/// Every table, for the schema parity test and for tools.
pub const TABLES: &[&str] = &[
    "orgs",
    "users",
    "welcomes",
    "user_subjects",
    "user_grade_bands",
    "memberships",
    "roster_sources",
    "roster_links",
    "roster_import_locks",
    "roster_uploads",
    "org_email_domains",
    "join_codes",
    "invitations",
    "sessions",
    "email_tokens",
    "api_tokens",
    "throttle",
    "jobs",
    "audit_log",
    "sso_providers",
    "sso_provider_domains",
    "sso_identities",
    "sso_logins",
    "competency_frameworks",
    "competency_levels",
    "competencies",
    "courses",
    "course_subjects",
    "course_grade_bands",
    "course_competencies",
    "course_prerequisites",
    "course_translations",
    "course_modules",
    "lessons",
    "enrolments",
    "lesson_progress",
    "learning_records",
    "pd_ledger",
    "certificates",
    "pd_requests",
    "quiz_attempts",
    "reflections",
    "task_submissions",
    "self_assessments",
    "course_drafts",
    "spaces",
    "space_follows",
    "topics",
    "posts",
    "post_revisions",
    "notifications",
    "flags",
    "suspensions",
    "reactions",
    "digest_settings",
    "unsubscribe_links",
    "topic_tags",
    "search_words",
    "catalogue_version",
    "offerings",
    "offering_competencies",
    "offering_facilitators",
    "offering_sessions",
    "registrations",
    "attendance",
    "calendar_feeds",
    "session_reminders",
    "offering_surveys",
    "survey_answers",
    "survey_answered",
    "classroom_practices",
    "classroom_practice_drafts",
    "classroom_practice_versions",
    "classroom_practice_subjects",
    "classroom_practice_grade_bands",
    "classroom_practice_competencies",
    "classroom_practice_follows",
    "library_files",
    "trial_reports",
    "resources",
    "resource_subjects",
    "resource_grade_bands",
    "resource_competencies",
    "resource_ratings",
    "resource_comments",
    "classroom_practice_resources",
    "classroom_practice_tools",
    "lesson_resources",
    "library_version",
    "library_spaces",
    "ai_tools",
    "ai_tool_reviews",
    "ai_tool_rating_counts",
    "ai_tool_org_status",
    "challenge_reports",
    "challenge_counts",
    "programme_settings",
    "offerings_version",
    "reach_dirty",
    "reach_people",
    "reach_milestones",
    "reach_counts",
];
