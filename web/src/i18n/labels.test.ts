/// <reference types="node" />
// The API writes enum values for people (exports, and what imports read back) from its own table,
// api/Infrastructure/Http/labels.json. These are the words the dashboard shows; they must be the same, so a file
// and the screen never name one state two ways. Each labelled enum is listed with the dictionaries that name it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ko } from './ko';
import { en } from './en';
import { meetingsKo } from '../features/meetings/i18n/ko';
import { meetingsEn } from '../features/meetings/i18n/en';
import { followUpsKo } from '../features/follow-ups/i18n/ko';
import { followUpsEn } from '../features/follow-ups/i18n/en';
import { collaborationsKo } from '../features/collaborations/i18n/ko';
import { collaborationsEn } from '../features/collaborations/i18n/en';
import { actorsKo } from '../features/actors/i18n/ko';
import { actorsEn } from '../features/actors/i18n/en';

type Labels = Record<string, Record<string, { ko: string; en: string }>>;

const here = path.dirname(fileURLToPath(import.meta.url));
const api: Labels = JSON.parse(readFileSync(path.resolve(here, '../../../api/Infrastructure/Http/labels.json'), 'utf8'));

const dashboard: Record<string, [Record<string, string>, Record<string, string>]> = {
  Region: [ko.regions, en.regions],
  Sector: [ko.sectors, en.sectors],
  RecordStatus: [ko.recordStatuses, en.recordStatuses],
  AgencyKind: [ko.agencyKinds, en.agencyKinds],
  ClusterStatus: [ko.clusterStatuses, en.clusterStatuses],
  IssueStatus: [ko.issueStatuses, en.issueStatuses],
  IssueCategory: [ko.issueCategories, en.issueCategories],
  IssuePriority: [ko.issuePriorities, en.issuePriorities],
  Instrument: [ko.instruments, en.instruments],
  FollowUpState: [followUpsKo.followUpStates, followUpsEn.followUpStates],
  MeetingState: [meetingsKo.meetingStates, meetingsEn.meetingStates],
  MeetingKind: [meetingsKo.meetingKinds, meetingsEn.meetingKinds],
  AgendaKind: [meetingsKo.agendaKinds, meetingsEn.agendaKinds],
  AgendaVisibility: [meetingsKo.agendaVisibilities, meetingsEn.agendaVisibilities],
  AttendanceStatus: [meetingsKo.attendanceStatuses, meetingsEn.attendanceStatuses],
  DecisionOutcome: [meetingsKo.decisionOutcomes, meetingsEn.decisionOutcomes],
  MinutesState: [meetingsKo.minutesStates, meetingsEn.minutesStates],
  CollaborationState: [collaborationsKo.collaborationStates, collaborationsEn.collaborationStates],
  PartnerRole: [collaborationsKo.partnerRoles, collaborationsEn.partnerRoles],
  SiteProjectState: [actorsKo.siteProjects.states, actorsEn.siteProjects.states],
};

describe('the API’s labels are the dashboard’s words', () => {
  it('labels every enum the dashboard names, and no other', () => {
    expect(Object.keys(api).sort()).toEqual(Object.keys(dashboard).sort());
  });

  it.each(Object.keys(dashboard))('%s: the same values, the same Korean and English', (type) => {
    const [koWords, enWords] = dashboard[type];
    const table = api[type];
    expect(Object.keys(table).sort()).toEqual(Object.keys(koWords).sort());
    for (const [value, label] of Object.entries(table)) {
      expect(label.ko, `${type}.${value} (ko)`).toBe(koWords[value]);
      expect(label.en, `${type}.${value} (en)`).toBe(enWords[value]);
    }
  });
});
