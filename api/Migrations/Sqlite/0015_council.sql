-- The council itself: bodies (the council and its working groups), seats apart from their holders, memberships
-- (a person in a seat for a term), meetings with their agenda, attendance and decisions, and follow-up actions.
-- A meeting's number is assigned when it is convened, from its body's counter, and never reused.
CREATE TABLE council_bodies (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    code                TEXT    NOT NULL UNIQUE,
    parent_id           INTEGER NULL REFERENCES council_bodies (id),
    name_ko             TEXT    NOT NULL,
    name_en             TEXT    NULL,
    organising_unit     TEXT    NOT NULL,
    opening_rule        TEXT    NOT NULL DEFAULT 'majority',
    decision_rule       TEXT    NOT NULL DEFAULT 'majority',
    next_meeting_number INTEGER NOT NULL DEFAULT 1,
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);

CREATE TABLE council_seats (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id     INTEGER NOT NULL REFERENCES council_bodies (id),
    position    TEXT    NOT NULL,
    seat_group  TEXT    NOT NULL,
    sector      TEXT    NULL,
    agency_id   INTEGER NULL REFERENCES agencies (id),
    label_ko    TEXT    NOT NULL,
    label_en    TEXT    NULL,
    sort_order  INTEGER NOT NULL DEFAULT 100,
    active_from TEXT    NOT NULL,
    active_to   TEXT    NULL,
    voting      INTEGER NOT NULL DEFAULT 1,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX ix_council_seats_body ON council_seats (body_id, sort_order, id);

CREATE TABLE council_memberships (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    seat_id            INTEGER NOT NULL REFERENCES council_seats (id),
    person_name        TEXT    NOT NULL,
    title              TEXT    NULL,
    on_behalf_of_id    INTEGER NULL REFERENCES agencies (id),
    starts_on          TEXT    NOT NULL,
    ends_on            TEXT    NULL,
    substitute_allowed INTEGER NOT NULL DEFAULT 1,
    voting             INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
CREATE INDEX ix_council_memberships_seat ON council_memberships (seat_id, starts_on);
CREATE INDEX ix_council_memberships_ends ON council_memberships (ends_on) WHERE ends_on IS NOT NULL;

CREATE TABLE meetings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id       INTEGER NOT NULL REFERENCES council_bodies (id),
    number        INTEGER NULL,
    title_ko      TEXT    NOT NULL,
    title_en      TEXT    NULL,
    kind          TEXT    NOT NULL,
    state         TEXT    NOT NULL,
    starts_at     TEXT    NOT NULL,
    ends_at       TEXT    NULL,
    venue         TEXT    NULL,
    online_url    TEXT    NULL,
    cancel_reason TEXT    NULL,
    sequence      INTEGER NOT NULL DEFAULT 0,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_meetings_body_number ON meetings (body_id, number) WHERE number IS NOT NULL;
CREATE INDEX ix_meetings_starts ON meetings (starts_at, id);

CREATE TABLE agenda_items (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id          INTEGER NOT NULL REFERENCES meetings (id),
    parent_id           INTEGER NULL REFERENCES agenda_items (id),
    position            INTEGER NOT NULL,
    kind                TEXT    NOT NULL,
    title_ko            TEXT    NOT NULL,
    title_en            TEXT    NULL,
    presenter_agency_id INTEGER NULL REFERENCES agencies (id),
    presenter_name      TEXT    NULL,
    duration_minutes    INTEGER NULL,
    visibility          TEXT    NOT NULL DEFAULT 'public',
    outcome             TEXT    NULL,
    decision_text       TEXT    NULL,
    votes_for           INTEGER NULL,
    votes_against       INTEGER NULL,
    votes_abstaining    INTEGER NULL,
    quorum_met          INTEGER NULL,
    decided_at          TEXT    NULL,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
CREATE INDEX ix_agenda_items_meeting ON agenda_items (meeting_id, position, id);

CREATE TABLE agenda_links (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id),
    target_kind    TEXT    NOT NULL,
    target_id      INTEGER NOT NULL,
    PRIMARY KEY (agenda_item_id, target_kind, target_id)
);
CREATE INDEX ix_agenda_links_target ON agenda_links (target_kind, target_id);

CREATE TABLE meeting_attendance (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id),
    seat_id         INTEGER NULL REFERENCES council_seats (id),
    name            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    substitute_name TEXT    NULL,
    agency_id       INTEGER NULL REFERENCES agencies (id),
    voting          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_meeting_attendance_meeting ON meeting_attendance (meeting_id, id);

CREATE TABLE follow_ups (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id),
    agenda_item_id  INTEGER NULL REFERENCES agenda_items (id),
    title           TEXT    NOT NULL,
    detail          TEXT    NULL,
    owner_agency_id INTEGER NULL REFERENCES agencies (id),
    owner_person    TEXT    NULL,
    due_on          TEXT    NULL,
    state           TEXT    NOT NULL,
    progress_percent INTEGER NOT NULL DEFAULT 0,
    cancel_reason   TEXT    NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX ix_follow_ups_meeting ON follow_ups (meeting_id, id);
CREATE INDEX ix_follow_ups_owner ON follow_ups (owner_agency_id, state, due_on);
CREATE INDEX ix_follow_ups_state_due ON follow_ups (state, due_on);

CREATE TABLE follow_up_notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    follow_up_id INTEGER NOT NULL REFERENCES follow_ups (id),
    progress_percent INTEGER NOT NULL,
    note         TEXT    NOT NULL,
    evidence     TEXT    NULL,
    actor_name   TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX ix_follow_up_notes_follow_up ON follow_up_notes (follow_up_id, id);
