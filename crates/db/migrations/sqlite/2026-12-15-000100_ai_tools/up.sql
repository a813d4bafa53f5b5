-- The AI tool registry (issue 20): tools, educators' reviews on the
-- rubric with their tallies kept as reviews are written, and each
-- organisation's status for a tool (inherited down the tree).

-- A tool: added and edited by programme admins only. No logo, no sponsor,
-- no score: lists sort by name or by review count.
CREATE TABLE ai_tools (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    -- The name's words folded (`registry::Tool::sort_name`): the list's
    -- order by name, the same on both backends; one tool a name.
    sort_name TEXT NOT NULL,
    vendor TEXT NOT NULL,
    url TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Intended ages in years; no upper age: from min_age up.
    min_age INTEGER NOT NULL,
    max_age INTEGER,
    -- `registry::CostModel`, `registry::PrivacyAgreement`.
    cost_model TEXT NOT NULL,
    privacy_agreement TEXT NOT NULL,
    -- Reviews, kept in each new review's transaction.
    review_count BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ai_tools_by_name ON ai_tools (sort_name);
CREATE INDEX ai_tools_by_reviews ON ai_tools (review_count DESC, sort_name, id);

-- One review per person per tool (a second edits the first): every
-- criterion's rating and the comments given, as JSON keyed by criterion
-- code (`registry::review::Review`).
CREATE TABLE ai_tool_reviews (
    id INTEGER PRIMARY KEY,
    tool_id BIGINT NOT NULL REFERENCES ai_tools (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ratings TEXT NOT NULL,
    comments TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (tool_id, user_id)
);
CREATE INDEX ai_tool_reviews_newest ON ai_tool_reviews (tool_id, updated_at, id);
CREATE INDEX ai_tool_reviews_user ON ai_tool_reviews (user_id);

-- Each criterion's spread of ratings, per tool: a row for every criterion
-- and rating, made with the tool, moved in each review's transaction.
CREATE TABLE ai_tool_rating_counts (
    tool_id BIGINT NOT NULL REFERENCES ai_tools (id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    rating TEXT NOT NULL,
    n BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tool_id, criterion, rating)
);

-- An organisation's status for a tool, for its people and those below it
-- unless a lower organisation decides its own. Set by its admins or those
-- above (`policy::Action::DecideToolStatus`); cleared by deleting the row.
CREATE TABLE ai_tool_org_status (
    tool_id BIGINT NOT NULL REFERENCES ai_tools (id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    -- `registry::status::ToolStatus`.
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    -- The calendar date of the decision, `YYYY-MM-DD` (a date, not an
    -- instant: shown as written, in every zone).
    decided_on TEXT NOT NULL,
    privacy_agreement_signed BOOLEAN NOT NULL,
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    decided_at BIGINT NOT NULL,
    PRIMARY KEY (tool_id, org_id)
);
CREATE INDEX ai_tool_org_status_org ON ai_tool_org_status (org_id, tool_id);
