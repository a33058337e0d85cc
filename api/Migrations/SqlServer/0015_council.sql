-- The council itself: bodies (the council and its working groups), seats apart from their holders, memberships
-- (a person in a seat for a term), meetings with their agenda, attendance and decisions, and follow-up actions.
-- A meeting's number is assigned when it is convened, from its body's counter, and never reused.
CREATE TABLE dbo.council_bodies (
    id                  BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    code                NVARCHAR(40)    NOT NULL UNIQUE,
    parent_id           BIGINT  NULL REFERENCES dbo.council_bodies (id),
    name_ko             NVARCHAR(500)    NOT NULL,
    name_en             NVARCHAR(500)    NULL,
    organising_unit     NVARCHAR(500)    NOT NULL,
    opening_rule        NVARCHAR(40)    NOT NULL DEFAULT 'majority',
    decision_rule       NVARCHAR(40)    NOT NULL DEFAULT 'majority',
    next_meeting_number INT     NOT NULL DEFAULT 1,
    version             BIGINT    NOT NULL DEFAULT 1,
    created_at          DATETIME2(7)    NOT NULL,
    updated_at          DATETIME2(7)    NOT NULL
);

CREATE TABLE dbo.council_seats (
    id          BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    body_id     BIGINT  NOT NULL REFERENCES dbo.council_bodies (id),
    position    NVARCHAR(40)    NOT NULL,
    seat_group  NVARCHAR(40)    NOT NULL,
    sector      NVARCHAR(40)    NULL,
    agency_id   BIGINT  NULL REFERENCES dbo.agencies (id),
    label_ko    NVARCHAR(500)    NOT NULL,
    label_en    NVARCHAR(500)    NULL,
    sort_order  INT     NOT NULL DEFAULT 100,
    active_from DATE       NOT NULL,
    active_to   DATE       NULL,
    voting      BIT     NOT NULL DEFAULT 1,
    version     BIGINT    NOT NULL DEFAULT 1,
    created_at  DATETIME2(7)    NOT NULL,
    updated_at  DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_council_seats_body ON dbo.council_seats (body_id, sort_order, id);

CREATE TABLE dbo.council_memberships (
    id                 BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    seat_id            BIGINT  NOT NULL REFERENCES dbo.council_seats (id),
    person_name        NVARCHAR(500)    NOT NULL,
    title              NVARCHAR(500)    NULL,
    on_behalf_of_id    BIGINT  NULL REFERENCES dbo.agencies (id),
    starts_on          DATE       NOT NULL,
    ends_on            DATE       NULL,
    substitute_allowed BIT     NOT NULL DEFAULT 1,
    voting             BIT     NOT NULL DEFAULT 1,
    created_at         DATETIME2(7)    NOT NULL,
    updated_at         DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_council_memberships_seat ON dbo.council_memberships (seat_id, starts_on);
CREATE INDEX ix_council_memberships_ends ON dbo.council_memberships (ends_on) WHERE ends_on IS NOT NULL;

CREATE TABLE dbo.meetings (
    id            BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    body_id       BIGINT  NOT NULL REFERENCES dbo.council_bodies (id),
    number        INT     NULL,
    title_ko      NVARCHAR(500)    NOT NULL,
    title_en      NVARCHAR(500)    NULL,
    kind          NVARCHAR(40)    NOT NULL,
    state         NVARCHAR(40)    NOT NULL,
    starts_at     DATETIME2(7)    NOT NULL,
    ends_at       DATETIME2(7)    NULL,
    venue         NVARCHAR(500)    NULL,
    online_url    NVARCHAR(500)    NULL,
    cancel_reason NVARCHAR(MAX)    NULL,
    sequence      INT     NOT NULL DEFAULT 0,
    version       BIGINT    NOT NULL DEFAULT 1,
    created_at    DATETIME2(7)    NOT NULL,
    updated_at    DATETIME2(7)    NOT NULL
);
CREATE UNIQUE INDEX ux_meetings_body_number ON dbo.meetings (body_id, number) WHERE number IS NOT NULL;
CREATE INDEX ix_meetings_starts ON dbo.meetings (starts_at, id);

CREATE TABLE dbo.agenda_items (
    id                  BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    meeting_id          BIGINT  NOT NULL REFERENCES dbo.meetings (id),
    parent_id           BIGINT  NULL REFERENCES dbo.agenda_items (id),
    position            INT     NOT NULL,
    kind                NVARCHAR(40)    NOT NULL,
    title_ko            NVARCHAR(500)    NOT NULL,
    title_en            NVARCHAR(500)    NULL,
    presenter_agency_id BIGINT  NULL REFERENCES dbo.agencies (id),
    presenter_name      NVARCHAR(500)    NULL,
    duration_minutes    INT     NULL,
    visibility          NVARCHAR(40)    NOT NULL DEFAULT 'public',
    outcome             NVARCHAR(40)    NULL,
    decision_text       NVARCHAR(MAX)    NULL,
    votes_for           INT     NULL,
    votes_against       INT     NULL,
    votes_abstaining    INT     NULL,
    quorum_met          BIT     NULL,
    decided_at          DATETIME2(7)    NULL,
    created_at          DATETIME2(7)    NOT NULL,
    updated_at          DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_agenda_items_meeting ON dbo.agenda_items (meeting_id, position, id);

CREATE TABLE dbo.agenda_links (
    agenda_item_id BIGINT  NOT NULL REFERENCES dbo.agenda_items (id),
    target_kind    NVARCHAR(40)    NOT NULL,
    target_id      BIGINT  NOT NULL,
    PRIMARY KEY (agenda_item_id, target_kind, target_id)
);
CREATE INDEX ix_agenda_links_target ON dbo.agenda_links (target_kind, target_id);

CREATE TABLE dbo.meeting_attendance (
    id              BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    meeting_id      BIGINT  NOT NULL REFERENCES dbo.meetings (id),
    seat_id         BIGINT  NULL REFERENCES dbo.council_seats (id),
    name            NVARCHAR(500)    NOT NULL,
    status          NVARCHAR(40)    NOT NULL,
    substitute_name NVARCHAR(500)    NULL,
    agency_id       BIGINT  NULL REFERENCES dbo.agencies (id),
    voting          BIT     NOT NULL DEFAULT 0
);
CREATE INDEX ix_meeting_attendance_meeting ON dbo.meeting_attendance (meeting_id, id);

CREATE TABLE dbo.follow_ups (
    id              BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    meeting_id      BIGINT  NOT NULL REFERENCES dbo.meetings (id),
    agenda_item_id  BIGINT  NULL REFERENCES dbo.agenda_items (id),
    title           NVARCHAR(500)    NOT NULL,
    detail          NVARCHAR(MAX)    NULL,
    owner_agency_id BIGINT  NULL REFERENCES dbo.agencies (id),
    owner_person    NVARCHAR(500)    NULL,
    due_on          DATE       NULL,
    state           NVARCHAR(40)    NOT NULL,
    progress_percent INT    NOT NULL DEFAULT 0,
    cancel_reason   NVARCHAR(MAX)    NULL,
    version         BIGINT    NOT NULL DEFAULT 1,
    created_at      DATETIME2(7)    NOT NULL,
    updated_at      DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_follow_ups_meeting ON dbo.follow_ups (meeting_id, id);
CREATE INDEX ix_follow_ups_owner ON dbo.follow_ups (owner_agency_id, state, due_on);
CREATE INDEX ix_follow_ups_state_due ON dbo.follow_ups (state, due_on);

CREATE TABLE dbo.follow_up_notes (
    id           BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    follow_up_id BIGINT  NOT NULL REFERENCES dbo.follow_ups (id),
    progress_percent INT    NOT NULL,
    note         NVARCHAR(MAX)    NOT NULL,
    evidence     NVARCHAR(MAX)    NULL,
    actor_name   NVARCHAR(500)    NOT NULL,
    created_at   DATETIME2(7)    NOT NULL
);
CREATE INDEX ix_follow_up_notes_follow_up ON dbo.follow_up_notes (follow_up_id, id);
