import { describe, expect, it } from 'vitest';
import { ISSUE_STATUSES } from '../../api/enums';
import type { WorkflowMoveDto } from '../../api/client';
import { apiToday, buildMove, endOfKstDayInstant, moveErrorField, moveFields, moveKind } from './issueMoves';
// What the API publishes as each move's form (a .NET contract test keeps this file equal to the API's definitions).
import published from './issueMoveForms.json';

const FORMS = published as unknown as Record<string, WorkflowMoveDto>;

const TODAY = '2026-11-25';

describe('move names', () => {
  it('names the same target by what it means from where the issue is', () => {
    expect(moveKind('submitted', 'under_review')).toBe('assign');
    expect(moveKind('not_accepted', 'under_review')).toBe('rereview');
    expect(moveKind('accepted', 'in_progress')).toBe('start');
    expect(moveKind('in_progress', 'in_progress')).toBe('progress');
    expect(moveKind('under_review', 'accepted')).toBe('accept');
    expect(moveKind('long_term_review', 'partially_accepted')).toBe('partiallyAccept');
    expect(moveKind('under_review', 'long_term_review')).toBe('longTermReview');
    expect(moveKind('under_review', 'not_accepted')).toBe('refuse');
    expect(moveKind('in_progress', 'completed')).toBe('complete');
    expect(moveKind('submitted', 'withdrawn')).toBe('withdraw');
  });

  it('no two targets share a field (the API refuses another move’s fields)', () => {
    const groups = [['under_review'], ['accepted', 'partially_accepted'], ['long_term_review'], ['not_accepted'], ['in_progress'], ['completed'], ['withdrawn']] as const;
    const seen = new Map<string, string>();
    for (const group of groups) {
      for (const field of moveFields(FORMS[group[0]])) {
        expect(seen.has(field), field).toBe(false);
        seen.set(field, group[0]);
      }
      for (const other of group) expect(moveFields(FORMS[other])).toEqual(moveFields(FORMS[group[0]]));
    }
    expect(moveFields(FORMS.submitted)).toEqual([]);
    expect(ISSUE_STATUSES.length).toBe(9);
  });
});

describe('building a move', () => {
  it('assignment: the lead ministry is required; the rest optional; the due day ends in Korea', () => {
    expect(buildMove(FORMS.under_review, { text: {} }, TODAY).errors).toEqual({ leadMinistryCode: { code: 'required' } });
    const { body, errors } = buildMove(FORMS.under_review,
      {
        text: { leadMinistryCode: 'mfds', responseDueAt: '2026-12-01', officialName: ' 김담당 ', officialDepartment: '의약품정책과', officialContact: '' },
        coMinistryCodes: ['msit', 'mfds', ''],
        comment: ' 식약처 배정 ',
      },
      TODAY,
    );
    expect(errors).toEqual({});
    expect(body).toEqual({
      to: 'under_review',
      comment: '식약처 배정',
      leadMinistryCode: 'mfds',
      coMinistryCodes: ['msit'], // the lead is not also a co-ministry
      responseDueAt: '2026-12-01T23:59:59+09:00',
      official: { name: '김담당', department: '의약품정책과', contact: null },
    });
  });

  it('assignment: no due date → left to the API (14 days); a due date today or before is refused', () => {
    expect(buildMove(FORMS.under_review, { text: { leadMinistryCode: 'mfds' } }, TODAY).body).toEqual({ to: 'under_review', leadMinistryCode: 'mfds' });
    expect(buildMove(FORMS.under_review, { text: { leadMinistryCode: 'mfds', responseDueAt: TODAY } }, TODAY).errors).toEqual({ responseDueAt: { code: 'future' } });
    expect(buildMove(FORMS.under_review, { text: { leadMinistryCode: 'mfds', officialContact: '044-000' } }, TODAY).errors).toEqual({ officialName: { code: 'officialName' } });
  });

  it('answer: what changes (10+ characters), the instrument and a future date', () => {
    expect(buildMove(FORMS.accepted, { text: { plannedChange: '짧음', plannedCompletionOn: TODAY } }, TODAY).errors).toEqual({
      plannedChange: { code: 'tooShort', min: 10 },
      instrument: { code: 'required' },
      plannedCompletionOn: { code: 'future' },
    });
    const { body } = buildMove(FORMS.partially_accepted,
      { text: { plannedChange: '임상시험 승인 기간 단축 고시 개정', instrument: 'notice', plannedCompletionOn: '2027-03-31' } },
      TODAY,
    );
    expect(body).toEqual({ to: 'partially_accepted', plannedChange: '임상시험 승인 기간 단축 고시 개정', instrument: 'notice', plannedCompletionOn: '2027-03-31' });
    expect(buildMove(FORMS.accepted, { text: { plannedChange: '0123456789', instrument: 'decree', plannedCompletionOn: '2027-13-45' } }, TODAY).errors).toEqual({
      instrument: { code: 'required' },
      plannedCompletionOn: { code: 'date' },
    });
  });

  it('refusal needs a justification of at least 50 characters', () => {
    expect(buildMove(FORMS.not_accepted, { text: { justification: '가'.repeat(49) } }, TODAY).errors).toEqual({ justification: { code: 'tooShort', min: 50 } });
    expect(buildMove(FORMS.not_accepted, { text: { justification: '가'.repeat(50) } }, TODAY).body).toEqual({ to: 'not_accepted', justification: '가'.repeat(50) });
  });

  it('long-term review needs a future review date', () => {
    expect(buildMove(FORMS.long_term_review, { text: {} }, TODAY).errors).toEqual({ reviewOn: { code: 'required' } });
    expect(buildMove(FORMS.long_term_review, { text: { reviewOn: '2027-06-30' } }, TODAY).body).toEqual({ to: 'long_term_review', reviewOn: '2027-06-30' });
  });

  it('progress: a whole percentage 0–100 and a note', () => {
    for (const bad of ['101', '-1', '12.5', 'abc']) {
      expect(buildMove(FORMS.in_progress, { text: { progressPercent: bad, progressNote: '진행' } }, TODAY).errors).toEqual({ progressPercent: { code: 'percent' } });
    }
    expect(buildMove(FORMS.in_progress, { text: { progressPercent: '0', progressNote: '착수' } }, TODAY).body).toEqual({ to: 'in_progress', progressPercent: 0, progressNote: '착수' });
    expect(buildMove(FORMS.in_progress, { text: { progressPercent: '' } }, TODAY).errors).toEqual({ progressPercent: { code: 'required' }, progressNote: { code: 'required' } });
  });

  it('completion: a date not after today, and the evidence', () => {
    expect(buildMove(FORMS.completed, { text: { completedOn: '2026-11-26', evidence: '고시 개정' } }, TODAY).errors).toEqual({ completedOn: { code: 'notFuture' } });
    expect(buildMove(FORMS.completed, { text: { completedOn: TODAY, evidence: '식약처 고시 제2026-1호' } }, TODAY).body).toEqual({
      to: 'completed',
      completedOn: TODAY,
      evidence: '식약처 고시 제2026-1호',
    });
  });

  it('withdrawal needs a reason; only the move’s own fields are sent', () => {
    expect(buildMove(FORMS.withdrawn, { text: { reason: '해소' } }, TODAY).errors).toEqual({ reason: { code: 'tooShort', min: 5 } });
    const { body } = buildMove(FORMS.withdrawn, { text: { reason: '다른 경로로 해결됨', plannedChange: 'ignored' } as never }, TODAY);
    expect(body).toEqual({ to: 'withdrawn', reason: '다른 경로로 해결됨' });
  });
});

describe('dates and error keys', () => {
  it('"today" is the day in Korea, as the API counts it', () => {
    expect(apiToday(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26'); // 01:30 on the 26th in Seoul
    expect(apiToday(new Date('2026-11-25T14:59:00Z'))).toBe('2026-11-25'); // 23:59 on the 25th in Seoul
    expect(endOfKstDayInstant('2026-12-01')).toBe('2026-12-01T23:59:59+09:00');
  });

  it('puts the API’s error keys at their controls', () => {
    expect(moveErrorField('official.name')).toBe('officialName');
    expect(moveErrorField('Official.Contact')).toBe('officialContact');
    expect(moveErrorField('coMinistryCodes[2]')).toBe('coMinistryCodes');
    expect(moveErrorField('plannedCompletionOn')).toBe('plannedCompletionOn');
    expect(moveErrorField('comment')).toBe('comment');
    expect(moveErrorField('somethingElse')).toBeUndefined();
  });
});
