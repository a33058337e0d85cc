import { describe, expect, it } from 'vitest';
import {
  agendaItemRequest,
  agendaOrder,
  attendanceRequest,
  decisionRequest,
  dropAgendaItem,
  initialSheet,
  meetingListQuery,
  meetingRequest,
  moveAgendaItem,
  neededFor,
  quorumOf,
  readMeetingList,
  sheetQuorum,
  undecided,
  type AgendaValues,
  type AttendanceSheet,
  type DecisionValues,
} from './meetings';

const NOW = new Date('2026-11-25T03:00:00Z');

describe('the meeting list’s address', () => {
  it('opens on this month’s calendar; the list keeps its states', () => {
    expect(readMeetingList(new URLSearchParams(), NOW)).toEqual({ view: 'calendar', month: '2026-11', state: [] });
    expect(readMeetingList(new URLSearchParams('month=2027-02&state=held&state=bogus'), NOW)).toEqual({ view: 'calendar', month: '2027-02', state: ['held'] });
    expect(readMeetingList(new URLSearchParams('month=2027-13'), NOW).month).toBe('2026-11');
    expect(meetingListQuery({ view: 'calendar', month: '2026-11', state: [] }, NOW).toString()).toBe('');
    expect(meetingListQuery({ view: 'calendar', month: '2027-01', state: ['held'] }, NOW).toString()).toBe('month=2027-01');
    expect(meetingListQuery({ view: 'list', month: '2027-01', state: ['planned', 'convened'] }, NOW).toString()).toBe('view=list&state=planned&state=convened');
  });
});

describe('quorum, as the API counts it', () => {
  it('the API’s example: 20 voting seats need 11 present; a decision then needs a majority of those present', () => {
    expect(quorumOf(20, 11, 'majority', 'majority')).toEqual({ seats: 20, present: 11, needed: 11, met: true, votesToDecide: 6 });
    expect(quorumOf(20, 10, 'majority', 'majority')).toMatchObject({ needed: 11, met: false, votesToDecide: 6 });
    expect(quorumOf(0, 0, 'majority', 'majority')).toEqual({ seats: 0, present: 0, needed: 0, met: false, votesToDecide: 0 });
  });

  it('is the smallest count above the rule (the API test’s property, 1–60 seats)', () => {
    for (let n = 1; n <= 60; n++) {
      const majority = neededFor('majority', n);
      expect(2 * majority > n && 2 * (majority - 1) <= n, `majority of ${n}`).toBe(true);
      const twoThirds = neededFor('two_thirds', n);
      expect(3 * twoThirds >= 2 * n && 3 * (twoThirds - 1) < 2 * n, `two thirds of ${n}`).toBe(true);
    }
    expect(neededFor('two_thirds', 20)).toBe(14);
  });

  it('counts voting seats present in person or by substitute, never observers, a non-voting secretary or a non-voting holder', () => {
    const seats = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: i + 1, voting: true, holder: null })),
      { id: 21, voting: false, holder: null }, // the secretary
      { id: 22, voting: true, holder: { voting: false } }, // a member without a vote
    ];
    const sheet: AttendanceSheet = {
      seats: seats.map((s) => ({ seatId: s.id, status: s.id <= 9 ? 'present' : s.id === 10 ? 'substitute' : s.id >= 21 ? 'present' : 'absent', substituteName: '' })),
      observers: [{ key: 'o1', name: '배석자', agencyCode: '' }],
    };
    expect(sheetQuorum(seats, sheet, 'majority', 'majority')).toMatchObject({ seats: 21, present: 10, needed: 11, met: false });
    sheet.seats[10].status = 'present';
    expect(sheetQuorum(seats, sheet, 'majority', 'majority')).toMatchObject({ present: 11, met: true, votesToDecide: 6 });
  });
});

describe('the attendance sheet', () => {
  const seats = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('starts from what was saved (or everyone absent) and sends every seat plus the observers', () => {
    const saved = [
      { seatId: 2, seatLabel: 'x', name: '김', status: 'substitute' as const, substituteName: '이대리', agency: null, voting: true },
      { seatId: null, seatLabel: null, name: '박배석', status: 'observer' as const, substituteName: null, agency: { id: 1, code: 'khidi', nameKo: 'k', nameEn: null }, voting: false },
    ];
    const sheet = initialSheet(seats, saved);
    expect(sheet.seats.map((s) => s.status)).toEqual(['absent', 'substitute', 'absent']);
    expect(sheet.observers).toEqual([{ key: 'saved-0', name: '박배석', agencyCode: 'khidi' }]);
    expect(attendanceRequest(sheet).body).toEqual({
      lines: [
        { seatId: 1, status: 'absent' },
        { seatId: 2, status: 'substitute', substituteName: '이대리' },
        { seatId: 3, status: 'absent' },
        { status: 'observer', name: '박배석', agencyCode: 'khidi' },
      ],
    });
  });

  it('a substitute and an observer need a name', () => {
    const sheet = initialSheet(seats, []);
    sheet.seats[0] = { seatId: 1, status: 'substitute', substituteName: ' ' };
    sheet.observers.push({ key: 'new-1', name: '', agencyCode: '' });
    expect(attendanceRequest(sheet).errors).toEqual({ 'seat-1': 'substituteName', 'new-1': 'observerName' });
  });
});

describe('the agenda’s order', () => {
  const items = [
    { id: 10, parentId: null, position: 2 },
    { id: 11, parentId: null, position: 1 },
    { id: 12, parentId: 10, position: 2 },
    { id: 13, parentId: 10, position: 1 },
    { id: 14, parentId: null, position: 3 },
  ];

  it('lists top-level items by position, each followed by its sub-items', () => {
    expect(agendaOrder(items).map((i) => i.id)).toEqual([11, 10, 13, 12, 14]);
  });

  it('moves an item among its siblings only; its sub-items go with it', () => {
    expect(moveAgendaItem(items, 10, -1)).toEqual([10, 13, 12, 11, 14]);
    expect(moveAgendaItem(items, 10, 1)).toEqual([11, 14, 10, 13, 12]);
    expect(moveAgendaItem(items, 12, -1)).toEqual([11, 10, 12, 13, 14]);
    expect(moveAgendaItem(items, 11, -1)).toBeUndefined();
    expect(moveAgendaItem(items, 12, 1)).toBeUndefined();
  });

  it('a drop takes the target’s place among the same siblings; never across parents', () => {
    expect(dropAgendaItem(items, 14, 11)).toEqual([14, 11, 10, 13, 12]);
    expect(dropAgendaItem(items, 11, 14)).toEqual([10, 13, 12, 14, 11]);
    expect(dropAgendaItem(items, 13, 11)).toBeUndefined();
    expect(dropAgendaItem(items, 11, 11)).toBeUndefined();
  });

  it('names the items still without an outcome, in agenda order', () => {
    expect(undecided(items.map((i) => ({ ...i, decision: i.id === 13 ? {} : null }))).map((i) => i.id)).toEqual([11, 10, 12, 14]);
  });
});

describe('requests of the forms', () => {
  const meeting = { titleKo: ' 제2차 회의 ', titleEn: '', kind: 'in_person' as const, startsAt: '2026-12-03T14:00', endsAt: '', venue: '세종청사', onlineUrl: '' };

  it('a meeting: its time entered in Korea; venue and link as the kind needs them', () => {
    expect(meetingRequest(meeting, 'council').body).toEqual({
      bodyCode: 'council', titleKo: '제2차 회의', titleEn: null, kind: 'in_person', startsAt: '2026-12-03T14:00:00+09:00', endsAt: null, venue: '세종청사', onlineUrl: null,
    });
    expect(meetingRequest({ ...meeting, kind: 'hybrid', venue: '' }, 'council').errors).toEqual({ venue: 'venue', onlineUrl: 'onlineUrl' });
    expect(meetingRequest({ ...meeting, startsAt: '', titleKo: '' }, 'council').errors).toEqual({ titleKo: 'required', startsAt: 'required' });
    expect(meetingRequest({ ...meeting, endsAt: '2026-12-03T13:00' }, 'council').errors).toEqual({ endsAt: 'endBeforeStart' });
  });

  const agenda: AgendaValues = {
    titleKo: '규제 개선 과제 심의', titleEn: '', kind: 'deliberation', parentId: '', presenterAgencyCode: 'mfds', presenterName: '',
    durationMinutes: '20', visibility: 'public', issueIds: '#12, 15 12', clusterIds: [3, 3],
  };

  it('an agenda item links regulatory issues by id and clusters, each once', () => {
    expect(agendaItemRequest(agenda).body).toEqual({
      titleKo: '규제 개선 과제 심의', titleEn: null, kind: 'deliberation', parentId: null, presenterAgencyCode: 'mfds', presenterName: null,
      durationMinutes: 20, visibility: 'public',
      links: [{ kind: 'regulatory_issue', id: 12 }, { kind: 'regulatory_issue', id: 15 }, { kind: 'cluster', id: 3 }],
    });
    expect(agendaItemRequest({ ...agenda, issueIds: '12, abc', durationMinutes: '0', parentId: '10' }).errors).toEqual({ issueIds: 'ids', durationMinutes: 'range' });
    expect(agendaItemRequest({ ...agenda, parentId: '10', issueIds: '' }).body).toMatchObject({ parentId: 10, links: [{ kind: 'cluster', id: 3 }] });
  });

  const decision: DecisionValues = { outcome: 'approved', text: '원안 의결', votesFor: '9', votesAgainst: '1', votesAbstaining: '', followUps: [] };

  it('a decision: votes cannot exceed those present; follow-ups need a title, an owner and a due date', () => {
    expect(decisionRequest(decision, 11).body).toEqual({ outcome: 'approved', text: '원안 의결', votesFor: 9, votesAgainst: 1, votesAbstaining: null, followUps: null });
    expect(decisionRequest({ ...decision, votesAbstaining: '2' }, 11).errors).toEqual({ votesFor: 'votesOverPresent' });
    expect(decisionRequest({ ...decision, outcome: '', text: '', votesFor: '-1' }, 11).errors).toEqual({ outcome: 'required', text: 'required', votesFor: 'range' });
    const withFollowUp = { ...decision, followUps: [{ key: 'a', title: '고시 개정안 마련', ownerAgencyCode: 'mfds', ownerPerson: '', dueOn: '2027-03-31' }] };
    expect(decisionRequest(withFollowUp, 11).body?.followUps).toEqual([{ title: '고시 개정안 마련', ownerAgencyCode: 'mfds', ownerPerson: null, dueOn: '2027-03-31' }]);
    expect(decisionRequest({ ...decision, followUps: [{ key: 'a', title: 'x', ownerAgencyCode: '', ownerPerson: '', dueOn: '' }] }, 11).errors).toEqual({
      'followUps.a.title': 'tooShort', 'followUps.a.ownerAgencyCode': 'required', 'followUps.a.dueOn': 'required',
    });
  });
});
