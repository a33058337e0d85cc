-- The home (오늘 할 일) over 100,000 issues: a ministry's co-ministry queue starts from the ministry, the
-- secretariat's deadlines per ministry read the ministry beside the due date, and the charts read the last
-- twelve months of moves and answers. Each becomes an index-only range scan.
CREATE INDEX ix_ricm_agency ON regulatory_issue_co_ministries (agency_id, issue_id);
CREATE INDEX ix_ri_due_lead ON regulatory_issues (next_due_at, lead_ministry_id);
CREATE INDEX ix_rit_occurred ON regulatory_issue_transitions (occurred_at, to_status);
CREATE INDEX ix_ri_answered_at ON regulatory_issues (answered_at, answer_days) WHERE answer_days IS NOT NULL;
