-- Policy recommendations (정책 제언, issue 20): raised by a cluster operator, often at a meeting's agenda item; addressed
-- to a lead ministry (+ others); answered through the same declared workflow as regulatory issues (ADR 0023).
--   policy_recommendations             the record; overdue is derived from response_due_at / review_on / planned_completion_on
--   policy_recommendation_ministries   the other addressed ministries (the lead is on the record)
--   policy_recommendation_clusters     the clusters it concerns (optional)
--   policy_recommendation_transitions  its timeline: every move with who, when, the comment and the fields it set
-- A recommendation turned into a regulatory issue keeps issue_id; the issue keeps source_recommendation_id.
CREATE TABLE policy_recommendations (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    theme_ko               TEXT    NOT NULL,
    theme_en               TEXT    NULL,
    content                TEXT    NOT NULL,
    raised_by_id           INTEGER NOT NULL REFERENCES agencies (id),
    lead_ministry_id       INTEGER NOT NULL REFERENCES agencies (id),
    source_meeting_id      INTEGER NULL REFERENCES meetings (id),
    source_agenda_item_id  INTEGER NULL REFERENCES agenda_items (id),
    state                  TEXT    NOT NULL,
    routed_at              TEXT    NULL,
    response_due_at        TEXT    NULL,
    answered_at            TEXT    NULL,
    answer                 TEXT    NULL,
    accepted_part          TEXT    NULL,
    planned_completion_on  TEXT    NULL,
    review_on              TEXT    NULL,
    justification          TEXT    NULL,
    progress_percent       INTEGER NULL,
    progress_note          TEXT    NULL,
    completed_on           TEXT    NULL,
    evidence               TEXT    NULL,
    withdrawal_reason      TEXT    NULL,
    issue_id               INTEGER NULL REFERENCES regulatory_issues (id),
    version                INTEGER NOT NULL DEFAULT 1,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL
);
CREATE INDEX ix_policy_recommendations_state ON policy_recommendations (state, id);
CREATE INDEX ix_policy_recommendations_meeting ON policy_recommendations (source_meeting_id, state);
CREATE INDEX ix_policy_recommendations_created ON policy_recommendations (created_at, id);

CREATE TABLE policy_recommendation_ministries (
    recommendation_id INTEGER NOT NULL REFERENCES policy_recommendations (id),
    agency_id         INTEGER NOT NULL REFERENCES agencies (id),
    PRIMARY KEY (recommendation_id, agency_id)
);
CREATE INDEX ix_policy_recommendation_ministries_agency ON policy_recommendation_ministries (agency_id);

CREATE TABLE policy_recommendation_clusters (
    recommendation_id INTEGER NOT NULL REFERENCES policy_recommendations (id),
    cluster_id        INTEGER NOT NULL REFERENCES clusters (id),
    PRIMARY KEY (recommendation_id, cluster_id)
);
CREATE INDEX ix_policy_recommendation_clusters_cluster ON policy_recommendation_clusters (cluster_id);

CREATE TABLE policy_recommendation_transitions (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    recommendation_id INTEGER NOT NULL REFERENCES policy_recommendations (id),
    from_state        TEXT    NULL,
    to_state          TEXT    NOT NULL,
    move              TEXT    NULL,
    actor_name        TEXT    NOT NULL,
    occurred_at       TEXT    NOT NULL,
    comment           TEXT    NULL,
    fields_json       TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_policy_recommendation_transitions_rec ON policy_recommendation_transitions (recommendation_id, id);

ALTER TABLE regulatory_issues ADD COLUMN source_recommendation_id INTEGER NULL REFERENCES policy_recommendations (id);
