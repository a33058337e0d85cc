-- Regulatory issues (규제 개선 과제): the record, its affected clusters and co-ministries, its timeline
-- of workflow moves, and comments. next_due_at is the deadline the issue is waiting on (answer,
-- review or improvement), or 9999-12-31 when none, so "overdue" and "due before" are index range scans.
CREATE TABLE regulatory_issues (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    title_ko               TEXT    NOT NULL,
    title_en               TEXT    NULL,
    problem_ko             TEXT    NOT NULL,
    problem_en             TEXT    NULL,
    proposal_ko            TEXT    NOT NULL,
    proposal_en            TEXT    NULL,
    category               TEXT    NOT NULL,
    law_name               TEXT    NULL,
    law_article            TEXT    NULL,
    raised_by_id           INTEGER NOT NULL REFERENCES agencies (id),
    lead_ministry_id       INTEGER NULL REFERENCES agencies (id),
    official_name          TEXT    NULL,
    official_department    TEXT    NULL,
    official_contact       TEXT    NULL,
    priority               INTEGER NOT NULL,
    source_meeting         TEXT    NULL,
    tags                   TEXT    NOT NULL DEFAULT '[]',
    external_ref           TEXT    NULL,
    status                 TEXT    NOT NULL,
    assigned_at            TEXT    NULL,
    response_due_at        TEXT    NULL,
    answered_at            TEXT    NULL,
    answer                 TEXT    NULL,
    answer_days            REAL    NULL,
    planned_change         TEXT    NULL,
    instrument             TEXT    NULL,
    planned_completion_on  TEXT    NULL,
    review_on              TEXT    NULL,
    justification          TEXT    NULL,
    progress_percent       INTEGER NULL,
    progress_note          TEXT    NULL,
    completed_on           TEXT    NULL,
    evidence               TEXT    NULL,
    withdrawal_reason      TEXT    NULL,
    rereview_used          INTEGER NOT NULL DEFAULT 0,
    next_due_at            TEXT    NOT NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_regulatory_issues_external_ref ON regulatory_issues (external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX ix_ri_status ON regulatory_issues (status, id);
CREATE INDEX ix_ri_lead_status ON regulatory_issues (lead_ministry_id, status, id);
CREATE INDEX ix_ri_raised_by ON regulatory_issues (raised_by_id, id);
CREATE INDEX ix_ri_category ON regulatory_issues (category, id);
CREATE INDEX ix_ri_created ON regulatory_issues (created_at, id);
CREATE INDEX ix_ri_updated ON regulatory_issues (updated_at, id);
CREATE INDEX ix_ri_next_due ON regulatory_issues (next_due_at, id);
CREATE INDEX ix_ri_priority ON regulatory_issues (priority, id);
CREATE INDEX ix_ri_answered ON regulatory_issues (answer_days) WHERE answer_days IS NOT NULL;
-- Filtered lists in the default (newest first) order, and the dashboard's per-ministry counts.
CREATE INDEX ix_ri_lead_created ON regulatory_issues (lead_ministry_id, created_at, id);
CREATE INDEX ix_ri_status_created ON regulatory_issues (status, created_at, id);
CREATE INDEX ix_ri_lead_due ON regulatory_issues (lead_ministry_id, next_due_at);
CREATE INDEX ix_ri_answer ON regulatory_issues (answer) WHERE answer IS NOT NULL;
CREATE INDEX ix_ri_completed ON regulatory_issues (completed_on) WHERE completed_on IS NOT NULL;

CREATE TABLE regulatory_issue_clusters (
    issue_id    INTEGER NOT NULL REFERENCES regulatory_issues (id),
    cluster_id  INTEGER NOT NULL REFERENCES clusters (id),
    PRIMARY KEY (issue_id, cluster_id)
);
CREATE INDEX ix_ric_cluster ON regulatory_issue_clusters (cluster_id, issue_id);

CREATE TABLE regulatory_issue_co_ministries (
    issue_id    INTEGER NOT NULL REFERENCES regulatory_issues (id),
    agency_id   INTEGER NOT NULL REFERENCES agencies (id),
    PRIMARY KEY (issue_id, agency_id)
);

CREATE TABLE regulatory_issue_transitions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    issue_id     INTEGER NOT NULL REFERENCES regulatory_issues (id),
    from_status  TEXT    NULL,
    to_status    TEXT    NOT NULL,
    actor_type   TEXT    NOT NULL,
    actor_name   TEXT    NOT NULL,
    occurred_at  TEXT    NOT NULL,
    comment      TEXT    NULL,
    fields_json  TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_rit_issue ON regulatory_issue_transitions (issue_id, id);

CREATE TABLE regulatory_issue_comments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    issue_id     INTEGER NOT NULL REFERENCES regulatory_issues (id),
    author_type  TEXT    NOT NULL,
    author_name  TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    text         TEXT    NOT NULL
);
CREATE INDEX ix_rico_issue ON regulatory_issue_comments (issue_id, id);
