import { describe, expect, it } from 'vitest';
import type { RegulatoryIssueSummaryDto } from '../../api/client';
import { ko } from '../../i18n/ko';
import { en } from '../../i18n/en';
import {
  DEFAULT_ISSUE_SORT,
  byStatus,
  deadlineKindOf,
  deadlineLabel,
  deadlineOf,
  hasIssueFilters,
  issueExportUrl,
  issueFilterQuery,
  issueListArgs,
  issueListQuery,
  readIssueList,
  EMPTY_ISSUE_FILTERS,
  isMyAgency,
  myAgencyFilters,
} from './issues';

const q = (text: string) => new URLSearchParams(text);

describe('issue list filters ↔ address', () => {
  it('reads every filter, the sort and the view', () => {
    const state = readIssueList(
      q('status=under_review&status=submitted&category=clinical_trials&priority=urgent&clusterCode=osong&raisedByCode=kbiohealth&leadMinistryCode=mfds&overdue=true&q=%20임상%20&sort=dueAt&view=board'),
    );
    expect(state).toEqual({
      filters: {
        // workflow order, whatever order the address had
        status: ['submitted', 'under_review'],
        category: 'clinical_trials',
        priority: 'urgent',
        clusterCode: 'osong',
        raisedByCode: 'kbiohealth',
        leadMinistryCode: 'mfds',
        overdue: true,
        challengeOpen: false,
        finalAnswerOverdue: false,
        q: '임상',
      },
      sort: 'dueAt',
      view: 'board',
    });
  });

  it('drops what the API would refuse, so an old bookmark still opens', () => {
    const state = readIssueList(q('status=nonsense&status=completed&category=x&priority=&clusterCode=%3Cscript%3E&overdue=yes&sort=title&view=cards'));
    expect(state.filters).toEqual({ status: ['completed'], overdue: false, challengeOpen: false, finalAnswerOverdue: false });
    expect(state.sort).toBe(DEFAULT_ISSUE_SORT);
    expect(state.view).toBe('table');
    expect(readIssueList(q(`q=${'가'.repeat(300)}`)).filters.q).toHaveLength(200);
  });

  it('round-trips: address → state → address, defaults left out', () => {
    for (const text of ['', 'status=submitted&status=accepted&overdue=true', 'category=workforce&q=abc&sort=priority&view=board', 'leadMinistryCode=mfds']) {
      expect(issueListQuery(readIssueList(q(text))).toString()).toBe(q(text).toString());
    }
    expect(issueListQuery(readIssueList(q('sort=-createdAt&view=table'))).toString()).toBe('');
  });

  it('gives the API its filters (no sort, no view) for the list and the CSV export alike', () => {
    const { filters } = readIssueList(q('status=in_progress&overdue=true&q=a b&sort=dueAt&view=board'));
    expect(issueFilterQuery(filters).toString()).toBe('status=in_progress&overdue=true&q=a+b');
    expect(issueExportUrl('', filters)).toBe('/api/v1/regulatory-issues/export.csv?status=in_progress&overdue=true&q=a+b');
    expect(issueExportUrl('https://api.example.go.kr', readIssueList(q('')).filters)).toBe('https://api.example.go.kr/api/v1/regulatory-issues/export.csv');
    expect(hasIssueFilters(filters)).toBe(true);
    expect(hasIssueFilters(readIssueList(q('sort=dueAt')).filters)).toBe(false);
  });

  it('lines the filters up with the generated client’s parameters', () => {
    const args = issueListArgs(readIssueList(q('status=accepted&category=other&priority=low&clusterCode=osong&overdue=true&q=x')).filters);
    expect(args).toEqual({
      status: ['accepted'], category: ['other'], priority: ['low'], clusterCode: 'osong', raisedByCode: undefined,
      leadMinistryCode: undefined, overdue: true, q: 'x',
    });
    expect(Object.values(issueListArgs(readIssueList(q('')).filters)).every((a) => a === undefined)).toBe(true);
  });
});

function issue(overrides: Partial<RegulatoryIssueSummaryDto>): RegulatoryIssueSummaryDto {
  return {
    id: 1, titleKo: '과제', titleEn: null, category: 'other', raisedBy: { id: 9, code: 'kbiohealth', nameKo: '오송', nameEn: null },
    clusters: [], leadMinistry: null, priority: 'normal', status: 'submitted', responseDueAt: null, plannedCompletionOn: null,
    reviewOn: null, progressPercent: null, overdue: false, overdueKind: null, daysRemaining: null, daysLate: null,
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...overrides,
  };
}

describe('deadline state and labels', () => {
  it('knows which deadline each status runs against', () => {
    expect(deadlineKindOf('under_review')).toBe('answer');
    expect(deadlineKindOf('long_term_review')).toBe('review');
    for (const s of ['accepted', 'partially_accepted', 'in_progress'] as const) expect(deadlineKindOf(s)).toBe('improvement');
    for (const s of ['submitted', 'not_accepted', 'completed', 'withdrawn'] as const) expect(deadlineKindOf(s)).toBeUndefined();
  });

  it('"D-3" while the answer is due, amber within three days', () => {
    const state = deadlineOf(issue({ status: 'under_review', daysRemaining: 3, responseDueAt: '2026-12-09T02:17:19Z' }))!;
    expect(state).toEqual({ tone: 'soon', kind: 'answer', days: 3, due: '2026-12-09T02:17:19Z' });
    expect(deadlineLabel(state, ko.deadline)).toBe('D-3');
    expect(deadlineOf(issue({ status: 'under_review', daysRemaining: 14 }))!.tone).toBe('open');
  });

  it('"D-Day" on the day itself', () => {
    expect(deadlineLabel(deadlineOf(issue({ status: 'in_progress', daysRemaining: 0, plannedCompletionOn: '2027-03-31' }))!, ko.deadline)).toBe('D-Day');
  });

  it('"3일 지연" / "3d late" once overdue, with the kind the API names', () => {
    const state = deadlineOf(issue({ status: 'accepted', overdue: true, overdueKind: 'improvement', daysLate: 3, plannedCompletionOn: '2026-11-01' }))!;
    expect(state).toEqual({ tone: 'late', kind: 'improvement', days: 3, due: '2026-11-01' });
    expect(deadlineLabel(state, ko.deadline)).toBe('3일 지연');
    expect(deadlineLabel(state, en.deadline)).toBe('3d late');
  });

  it('no deadline before routing, after an answer without a date, or once closed', () => {
    expect(deadlineOf(issue({ status: 'submitted' }))).toBeUndefined();
    expect(deadlineOf(issue({ status: 'completed', daysRemaining: null }))).toBeUndefined();
    expect(deadlineOf(issue({ status: 'not_accepted' }))).toBeUndefined();
  });
});

describe('board columns', () => {
  it('groups by status in workflow order, every column present', () => {
    const columns = byStatus([issue({ id: 1, status: 'completed' }), issue({ id: 2, status: 'submitted' }), issue({ id: 3, status: 'completed' })]);
    expect([...columns.keys()][0]).toBe('submitted');
    expect(columns.size).toBe(9);
    expect(columns.get('completed')!.map((i) => i.id)).toEqual([1, 3]);
    expect(columns.get('withdrawn')).toEqual([]);
  });
});

describe('deadline filters and "my agency" (issue 19)', () => {
  it('reads and writes challengeOpen, finalAnswerOverdue, operatorCode and ministryCode', () => {
    const state = readIssueList(q('challengeOpen=true&finalAnswerOverdue=true&operatorCode=kbiohealth&ministryCode=mfds'));
    expect(state.filters).toMatchObject({ challengeOpen: true, finalAnswerOverdue: true, operatorCode: 'kbiohealth', ministryCode: 'mfds' });
    expect(issueFilterQuery(state.filters).toString()).toBe('ministryCode=mfds&operatorCode=kbiohealth&challengeOpen=true&finalAnswerOverdue=true');
    expect(issueListArgs(state.filters)).toMatchObject({ challengeOpen: true, finalAnswerOverdue: true, operatorCode: 'kbiohealth', ministryCode: 'mfds' });
    expect(hasIssueFilters(readIssueList(q('challengeOpen=false')).filters)).toBe(false);
    expect(readIssueList(q('operatorCode=%3Cscript%3E')).filters.operatorCode).toBeUndefined();
  });

  const person = (permissions: string[], agency: string | null) => ({ permissions, agency: agency ? { code: agency } : null });

  it('is the routing queue for the secretariat, the ministry\'s queue for a reviewer, the operated clusters for an operator', () => {
    const secretariat = ['registry:write', 'issues:move', 'issues:raise', 'cluster:edit-own'];
    expect(myAgencyFilters(person(secretariat, 'mohw'))).toEqual({ status: ['submitted'] });
    expect(myAgencyFilters(person(['issues:move', 'issues:read'], 'mfds'))).toEqual({ ministryCode: 'mfds' });
    expect(myAgencyFilters(person(['issues:move', 'issues:raise', 'cluster:edit-own'], 'kbiohealth'))).toEqual({ operatorCode: 'kbiohealth' });
  });

  it('is not offered without an agency', () => {
    expect(myAgencyFilters(person(['registry:write', 'issues:move'], null))).toBeUndefined();
    expect(myAgencyFilters(person(['issues:read'], 'khidi'))).toBeUndefined();
    expect(myAgencyFilters(undefined)).toBeUndefined();
  });

  it('shows pressed only for exactly its filters', () => {
    const mine = { ministryCode: 'mfds' };
    expect(isMyAgency({ ...EMPTY_ISSUE_FILTERS, ministryCode: 'mfds' }, mine)).toBe(true);
    expect(isMyAgency({ ...EMPTY_ISSUE_FILTERS, ministryCode: 'mfds', overdue: true }, mine)).toBe(false);
    expect(isMyAgency(EMPTY_ISSUE_FILTERS, mine)).toBe(false);
  });
});
