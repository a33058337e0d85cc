-- Deadline management (issue 19): the public-holiday calendar that working-day deadlines are counted with, and the
-- deadline records of an issue: how often its answer deadline was extended, and the one pending request of its lead
-- ministry (relief: "not our remit", with the ministry it proposes; extension: with the date it proposes) until the
-- secretariat grants or refuses it. Overdue, the challenge period and the final-answer deadline stay derived.
--
-- The seed: 2025–2027 from the Korea AeroSpace Administration's published almanac (월력요항; formerly KASI), as packaged
-- by the holidays-kr data set 5.2027.1 (source kasi_calendar); 2028 is not yet published, so it is worked out from the
-- Regulation on Holidays of Public Offices (관공서의 공휴일에 관한 규정) with the lunar dates of the KASI tables (source
-- rules) and must be checked against the almanac when it appears (docs/adr/0019).
CREATE TABLE holidays (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    holiday_on  TEXT    NOT NULL,
    name_ko     TEXT    NOT NULL,
    name_en     TEXT    NULL,
    source      TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NULL
);
CREATE UNIQUE INDEX ux_holidays_on ON holidays (holiday_on);

INSERT INTO holidays (holiday_on, name_ko, name_en, source) VALUES
    ('2025-01-01', '1월 1일', 'New Year''s Day', 'kasi_calendar'),
    ('2025-01-27', '임시공휴일', 'Temporary holiday', 'kasi_calendar'),
    ('2025-01-28', '설날 전날', 'Seollal (eve)', 'kasi_calendar'),
    ('2025-01-29', '설날', 'Seollal (Lunar New Year)', 'kasi_calendar'),
    ('2025-01-30', '설날 다음 날', 'Seollal (day after)', 'kasi_calendar'),
    ('2025-03-01', '3ㆍ1절', 'Independence Movement Day', 'kasi_calendar'),
    ('2025-03-03', '대체공휴일(3ㆍ1절)', 'Substitute holiday', 'kasi_calendar'),
    ('2025-05-05', '어린이날 · 부처님 오신 날', 'Children''s Day · Buddha''s Birthday', 'kasi_calendar'),
    ('2025-05-06', '대체공휴일(부처님 오신 날)', 'Substitute holiday', 'kasi_calendar'),
    ('2025-06-03', '임시공휴일(대통령선거)', 'Presidential election day', 'kasi_calendar'),
    ('2025-06-06', '현충일', 'Memorial Day', 'kasi_calendar'),
    ('2025-08-15', '광복절', 'Liberation Day', 'kasi_calendar'),
    ('2025-10-03', '개천절', 'National Foundation Day', 'kasi_calendar'),
    ('2025-10-05', '추석 전날', 'Chuseok (eve)', 'kasi_calendar'),
    ('2025-10-06', '추석', 'Chuseok', 'kasi_calendar'),
    ('2025-10-07', '추석 다음 날', 'Chuseok (day after)', 'kasi_calendar'),
    ('2025-10-08', '대체공휴일(추석)', 'Substitute holiday', 'kasi_calendar'),
    ('2025-10-09', '한글날', 'Hangeul Day', 'kasi_calendar'),
    ('2025-12-25', '기독탄신일', 'Christmas Day', 'kasi_calendar'),
    ('2026-01-01', '1월 1일', 'New Year''s Day', 'kasi_calendar'),
    ('2026-02-16', '설날 전날', 'Seollal (eve)', 'kasi_calendar'),
    ('2026-02-17', '설날', 'Seollal (Lunar New Year)', 'kasi_calendar'),
    ('2026-02-18', '설날 다음 날', 'Seollal (day after)', 'kasi_calendar'),
    ('2026-03-01', '3ㆍ1절', 'Independence Movement Day', 'kasi_calendar'),
    ('2026-03-02', '대체공휴일(3ㆍ1절)', 'Substitute holiday', 'kasi_calendar'),
    ('2026-05-01', '노동절', 'Labour Day', 'kasi_calendar'),
    ('2026-05-05', '어린이날', 'Children''s Day', 'kasi_calendar'),
    ('2026-05-24', '부처님 오신 날', 'Buddha''s Birthday', 'kasi_calendar'),
    ('2026-05-25', '대체공휴일(부처님 오신 날)', 'Substitute holiday', 'kasi_calendar'),
    ('2026-06-03', '전국동시지방선거', 'Local elections day', 'kasi_calendar'),
    ('2026-06-06', '현충일', 'Memorial Day', 'kasi_calendar'),
    ('2026-07-17', '제헌절', 'Constitution Day', 'kasi_calendar'),
    ('2026-08-15', '광복절', 'Liberation Day', 'kasi_calendar'),
    ('2026-08-17', '대체공휴일(광복절)', 'Substitute holiday', 'kasi_calendar'),
    ('2026-09-24', '추석 전날', 'Chuseok (eve)', 'kasi_calendar'),
    ('2026-09-25', '추석', 'Chuseok', 'kasi_calendar'),
    ('2026-09-26', '추석 다음 날', 'Chuseok (day after)', 'kasi_calendar'),
    ('2026-10-03', '개천절', 'National Foundation Day', 'kasi_calendar'),
    ('2026-10-05', '대체공휴일(개천절)', 'Substitute holiday', 'kasi_calendar'),
    ('2026-10-09', '한글날', 'Hangeul Day', 'kasi_calendar'),
    ('2026-12-25', '기독탄신일', 'Christmas Day', 'kasi_calendar'),
    ('2027-01-01', '1월 1일', 'New Year''s Day', 'kasi_calendar'),
    ('2027-02-06', '설날 전날', 'Seollal (eve)', 'kasi_calendar'),
    ('2027-02-07', '설날', 'Seollal (Lunar New Year)', 'kasi_calendar'),
    ('2027-02-08', '설날 다음 날', 'Seollal (day after)', 'kasi_calendar'),
    ('2027-02-09', '대체공휴일(설날)', 'Substitute holiday', 'kasi_calendar'),
    ('2027-03-01', '3ㆍ1절', 'Independence Movement Day', 'kasi_calendar'),
    ('2027-05-01', '노동절', 'Labour Day', 'kasi_calendar'),
    ('2027-05-03', '대체공휴일(노동절)', 'Substitute holiday', 'kasi_calendar'),
    ('2027-05-05', '어린이날', 'Children''s Day', 'kasi_calendar'),
    ('2027-05-13', '부처님 오신 날', 'Buddha''s Birthday', 'kasi_calendar'),
    ('2027-06-06', '현충일', 'Memorial Day', 'kasi_calendar'),
    ('2027-07-17', '제헌절', 'Constitution Day', 'kasi_calendar'),
    ('2027-07-19', '대체공휴일(제헌절)', 'Substitute holiday', 'kasi_calendar'),
    ('2027-08-15', '광복절', 'Liberation Day', 'kasi_calendar'),
    ('2027-08-16', '대체공휴일(광복절)', 'Substitute holiday', 'kasi_calendar'),
    ('2027-09-14', '추석 전날', 'Chuseok (eve)', 'kasi_calendar'),
    ('2027-09-15', '추석', 'Chuseok', 'kasi_calendar'),
    ('2027-09-16', '추석 다음 날', 'Chuseok (day after)', 'kasi_calendar'),
    ('2027-10-03', '개천절', 'National Foundation Day', 'kasi_calendar'),
    ('2027-10-04', '대체공휴일(개천절)', 'Substitute holiday', 'kasi_calendar'),
    ('2027-10-09', '한글날', 'Hangeul Day', 'kasi_calendar'),
    ('2027-10-11', '대체공휴일(한글날)', 'Substitute holiday', 'kasi_calendar'),
    ('2027-12-25', '기독탄신일', 'Christmas Day', 'kasi_calendar'),
    ('2027-12-27', '대체공휴일(기독탄신일)', 'Substitute holiday', 'kasi_calendar'),
    ('2028-01-01', '1월 1일', 'New Year''s Day', 'rules'),
    ('2028-01-26', '설날 전날', 'Seollal (eve)', 'rules'),
    ('2028-01-27', '설날', 'Seollal (Lunar New Year)', 'rules'),
    ('2028-01-28', '설날 다음 날', 'Seollal (day after)', 'rules'),
    ('2028-03-01', '3ㆍ1절', 'Independence Movement Day', 'rules'),
    ('2028-04-12', '국회의원선거일', 'National Assembly election day', 'rules'),
    ('2028-05-01', '노동절', 'Labour Day', 'rules'),
    ('2028-05-02', '부처님 오신 날', 'Buddha''s Birthday', 'rules'),
    ('2028-05-05', '어린이날', 'Children''s Day', 'rules'),
    ('2028-06-06', '현충일', 'Memorial Day', 'rules'),
    ('2028-07-17', '제헌절', 'Constitution Day', 'rules'),
    ('2028-08-15', '광복절', 'Liberation Day', 'rules'),
    ('2028-10-02', '추석 전날', 'Chuseok (eve)', 'rules'),
    ('2028-10-03', '추석 · 개천절', 'Chuseok · National Foundation Day', 'rules'),
    ('2028-10-04', '추석 다음 날', 'Chuseok (day after)', 'rules'),
    ('2028-10-05', '대체공휴일(추석·개천절)', 'Substitute holiday', 'rules'),
    ('2028-10-09', '한글날', 'Hangeul Day', 'rules'),
    ('2028-12-25', '기독탄신일', 'Christmas Day', 'rules');

ALTER TABLE regulatory_issues ADD COLUMN deadline_extensions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE regulatory_issues ADD COLUMN request_kind TEXT NULL;
ALTER TABLE regulatory_issues ADD COLUMN request_reason TEXT NULL;
ALTER TABLE regulatory_issues ADD COLUMN request_ministry_id INTEGER NULL REFERENCES agencies (id);
ALTER TABLE regulatory_issues ADD COLUMN request_due_on TEXT NULL;
ALTER TABLE regulatory_issues ADD COLUMN requested_at TEXT NULL;
-- The co-ministry queue: a ministry's issues as co-ministry, by issue.
CREATE INDEX ix_rico_agency ON regulatory_issue_co_ministries (agency_id, issue_id);
