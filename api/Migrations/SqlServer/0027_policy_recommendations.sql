-- Policy recommendations (정책 제언, issue 20); see the SQLite copy of this migration for what each table holds (ADR 0023).
CREATE TABLE dbo.policy_recommendations (
    id                     BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_policy_recommendations PRIMARY KEY,
    theme_ko               NVARCHAR(200)  NOT NULL,
    theme_en               NVARCHAR(200)  NULL,
    content                NVARCHAR(MAX)  NOT NULL,
    raised_by_id           BIGINT         NOT NULL CONSTRAINT fk_pr_raised_by REFERENCES dbo.agencies (id),
    lead_ministry_id       BIGINT         NOT NULL CONSTRAINT fk_pr_lead_ministry REFERENCES dbo.agencies (id),
    source_meeting_id      BIGINT         NULL CONSTRAINT fk_pr_meeting REFERENCES dbo.meetings (id),
    source_agenda_item_id  BIGINT         NULL CONSTRAINT fk_pr_agenda_item REFERENCES dbo.agenda_items (id),
    state                  NVARCHAR(30)   NOT NULL,
    routed_at              DATETIME2(7)      NULL,
    response_due_at        DATETIME2(7)      NULL,
    answered_at            DATETIME2(7)      NULL,
    answer                 NVARCHAR(MAX)  NULL,
    accepted_part          NVARCHAR(MAX)  NULL,
    planned_completion_on  DATE           NULL,
    review_on              DATE           NULL,
    justification          NVARCHAR(MAX)  NULL,
    progress_percent       INT            NULL,
    progress_note          NVARCHAR(MAX)  NULL,
    completed_on           DATE           NULL,
    evidence               NVARCHAR(MAX)  NULL,
    withdrawal_reason      NVARCHAR(MAX)  NULL,
    issue_id               BIGINT         NULL CONSTRAINT fk_pr_issue REFERENCES dbo.regulatory_issues (id),
    version                BIGINT         NOT NULL CONSTRAINT df_pr_version DEFAULT 1,
    created_at             DATETIME2(7)      NOT NULL,
    updated_at             DATETIME2(7)      NOT NULL
);
CREATE INDEX ix_policy_recommendations_state ON dbo.policy_recommendations (state, id);
CREATE INDEX ix_policy_recommendations_meeting ON dbo.policy_recommendations (source_meeting_id, state);
CREATE INDEX ix_policy_recommendations_created ON dbo.policy_recommendations (created_at, id);

CREATE TABLE dbo.policy_recommendation_ministries (
    recommendation_id BIGINT NOT NULL CONSTRAINT fk_prm_recommendation REFERENCES dbo.policy_recommendations (id),
    agency_id         BIGINT NOT NULL CONSTRAINT fk_prm_agency REFERENCES dbo.agencies (id),
    CONSTRAINT pk_policy_recommendation_ministries PRIMARY KEY (recommendation_id, agency_id)
);
CREATE INDEX ix_policy_recommendation_ministries_agency ON dbo.policy_recommendation_ministries (agency_id);

CREATE TABLE dbo.policy_recommendation_clusters (
    recommendation_id BIGINT NOT NULL CONSTRAINT fk_prc_recommendation REFERENCES dbo.policy_recommendations (id),
    cluster_id        BIGINT NOT NULL CONSTRAINT fk_prc_cluster REFERENCES dbo.clusters (id),
    CONSTRAINT pk_policy_recommendation_clusters PRIMARY KEY (recommendation_id, cluster_id)
);
CREATE INDEX ix_policy_recommendation_clusters_cluster ON dbo.policy_recommendation_clusters (cluster_id);

CREATE TABLE dbo.policy_recommendation_transitions (
    id                BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_policy_recommendation_transitions PRIMARY KEY,
    recommendation_id BIGINT         NOT NULL CONSTRAINT fk_prt_recommendation REFERENCES dbo.policy_recommendations (id),
    from_state        NVARCHAR(30)   NULL,
    to_state          NVARCHAR(30)   NOT NULL,
    move              NVARCHAR(40)   NULL,
    actor_name        NVARCHAR(200)  NOT NULL,
    occurred_at       DATETIME2(7)      NOT NULL,
    comment           NVARCHAR(4000) NULL,
    fields_json       NVARCHAR(MAX)  NOT NULL CONSTRAINT df_prt_fields DEFAULT N'{}'
);
CREATE INDEX ix_policy_recommendation_transitions_rec ON dbo.policy_recommendation_transitions (recommendation_id, id);

ALTER TABLE dbo.regulatory_issues ADD source_recommendation_id BIGINT NULL CONSTRAINT fk_ri_source_recommendation REFERENCES dbo.policy_recommendations (id);
