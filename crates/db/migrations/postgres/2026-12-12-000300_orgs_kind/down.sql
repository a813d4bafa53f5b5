DROP INDEX orgs_kind;
