-- Regulatory issues (규제 개선 과제): the record, its affected clusters and co-ministries, its timeline
-- of workflow moves, and comments. next_due_at is the deadline the issue is waiting on (answer,
-- review or improvement), or 9999-12-31 when none, so "overdue" and "due before" are index range scans.
CREATE TABLE dbo.regulatory_issues (
    id                     BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_regulatory_issues PRIMARY KEY,
    title_ko               NVARCHAR(300)  NOT NULL,
    title_en               NVARCHAR(300)  NULL,
    problem_ko             NVARCHAR(MAX)  NOT NULL,
    problem_en             NVARCHAR(MAX)  NULL,
    proposal_ko            NVARCHAR(MAX)  NOT NULL,
    proposal_en            NVARCHAR(MAX)  NULL,
    category               NVARCHAR(40)   NOT NULL,
    law_name               NVARCHAR(300)  NULL,
    law_article            NVARCHAR(100)  NULL,
    raised_by_id           BIGINT         NOT NULL CONSTRAINT fk_ri_raised_by REFERENCES dbo.agencies (id),
    lead_ministry_id       BIGINT         NULL CONSTRAINT fk_ri_lead REFERENCES dbo.agencies (id),
    official_name          NVARCHAR(100)  NULL,
    official_department    NVARCHAR(200)  NULL,
    official_contact       NVARCHAR(200)  NULL,
    priority               INT            NOT NULL,
    source_meeting         NVARCHAR(200)  NULL,
    tags                   NVARCHAR(MAX)  NOT NULL CONSTRAINT df_ri_tags DEFAULT '[]',
    external_ref           NVARCHAR(100)  NULL,
    status                 NVARCHAR(40)   NOT NULL,
    assigned_at            DATETIME2(7)   NULL,
    response_due_at        DATETIME2(7)   NULL,
    answered_at            DATETIME2(7)   NULL,
    answer                 NVARCHAR(40)   NULL,
    answer_days            FLOAT          NULL,
    planned_change         NVARCHAR(MAX)  NULL,
    instrument             NVARCHAR(40)   NULL,
    planned_completion_on  DATE           NULL,
    review_on              DATE           NULL,
    justification          NVARCHAR(MAX)  NULL,
    progress_percent       INT            NULL,
    progress_note          NVARCHAR(MAX)  NULL,
    completed_on           DATE           NULL,
    evidence               NVARCHAR(MAX)  NULL,
    withdrawal_reason      NVARCHAR(MAX)  NULL,
    rereview_used          BIT            NOT NULL CONSTRAINT df_ri_rereview DEFAULT 0,
    next_due_at            DATETIME2(7)   NOT NULL,
    version                BIGINT         NOT NULL CONSTRAINT df_ri_version DEFAULT 1,
    created_at             DATETIME2(7)   NOT NULL,
    updated_at             DATETIME2(7)   NOT NULL
);
CREATE UNIQUE INDEX ux_regulatory_issues_external_ref ON dbo.regulatory_issues (external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX ix_ri_status ON dbo.regulatory_issues (status, id);
CREATE INDEX ix_ri_lead_status ON dbo.regulatory_issues (lead_ministry_id, status, id);
CREATE INDEX ix_ri_raised_by ON dbo.regulatory_issues (raised_by_id, id);
CREATE INDEX ix_ri_category ON dbo.regulatory_issues (category, id);
CREATE INDEX ix_ri_created ON dbo.regulatory_issues (created_at, id);
CREATE INDEX ix_ri_updated ON dbo.regulatory_issues (updated_at, id);
CREATE INDEX ix_ri_next_due ON dbo.regulatory_issues (next_due_at, id);
CREATE INDEX ix_ri_priority ON dbo.regulatory_issues (priority, id);
CREATE INDEX ix_ri_answered ON dbo.regulatory_issues (answer_days) WHERE answer_days IS NOT NULL;
-- Filtered lists in the default (newest first) order, and the dashboard's per-ministry counts.
CREATE INDEX ix_ri_lead_created ON dbo.regulatory_issues (lead_ministry_id, created_at, id);
CREATE INDEX ix_ri_status_created ON dbo.regulatory_issues (status, created_at, id);
CREATE INDEX ix_ri_lead_due ON dbo.regulatory_issues (lead_ministry_id, next_due_at);
CREATE INDEX ix_ri_answer ON dbo.regulatory_issues (answer) WHERE answer IS NOT NULL;
CREATE INDEX ix_ri_completed ON dbo.regulatory_issues (completed_on) WHERE completed_on IS NOT NULL;
GO

CREATE TABLE dbo.regulatory_issue_clusters (
    issue_id    BIGINT NOT NULL CONSTRAINT fk_ric_issue REFERENCES dbo.regulatory_issues (id),
    cluster_id  BIGINT NOT NULL CONSTRAINT fk_ric_cluster REFERENCES dbo.clusters (id),
    CONSTRAINT pk_regulatory_issue_clusters PRIMARY KEY (issue_id, cluster_id)
);
CREATE INDEX ix_ric_cluster ON dbo.regulatory_issue_clusters (cluster_id, issue_id);
GO

CREATE TABLE dbo.regulatory_issue_co_ministries (
    issue_id    BIGINT NOT NULL CONSTRAINT fk_ricm_issue REFERENCES dbo.regulatory_issues (id),
    agency_id   BIGINT NOT NULL CONSTRAINT fk_ricm_agency REFERENCES dbo.agencies (id),
    CONSTRAINT pk_regulatory_issue_co_ministries PRIMARY KEY (issue_id, agency_id)
);
GO

CREATE TABLE dbo.regulatory_issue_transitions (
    id           BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_regulatory_issue_transitions PRIMARY KEY,
    issue_id     BIGINT         NOT NULL CONSTRAINT fk_rit_issue REFERENCES dbo.regulatory_issues (id),
    from_status  NVARCHAR(40)   NULL,
    to_status    NVARCHAR(40)   NOT NULL,
    actor_type   NVARCHAR(20)   NOT NULL,
    actor_name   NVARCHAR(200)  NOT NULL,
    occurred_at  DATETIME2(7)   NOT NULL,
    comment      NVARCHAR(MAX)  NULL,
    fields_json  NVARCHAR(MAX)  NOT NULL CONSTRAINT df_rit_fields DEFAULT '{}'
);
CREATE INDEX ix_rit_issue ON dbo.regulatory_issue_transitions (issue_id, id);
GO

CREATE TABLE dbo.regulatory_issue_comments (
    id           BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT pk_regulatory_issue_comments PRIMARY KEY,
    issue_id     BIGINT         NOT NULL CONSTRAINT fk_rico_issue REFERENCES dbo.regulatory_issues (id),
    author_type  NVARCHAR(20)   NOT NULL,
    author_name  NVARCHAR(200)  NOT NULL,
    created_at   DATETIME2(7)   NOT NULL,
    text         NVARCHAR(MAX)  NOT NULL
);
CREATE INDEX ix_rico_issue ON dbo.regulatory_issue_comments (issue_id, id);
