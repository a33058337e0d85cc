import { describe, expect, it } from 'vitest';
import type { WorkflowMoveDto } from '../api/client';
import { buildSimpleMove, checkMoveField } from './moveForms';

const TODAY = '2026-11-25';

// The shapes the API publishes for a meeting's cancellation and a follow-up's progress report (CouncilWorkflows.cs).
const cancel: WorkflowMoveDto = { to: 'cancelled', kind: 'cancellation', fields: [{ name: 'reason', input: 'long_text', required: true, minLength: 2, maxLength: 1000 }] };
const progress: WorkflowMoveDto = {
  to: 'in_progress',
  kind: 'progress',
  fields: [
    { name: 'percent', input: 'integer', required: true, minimum: 0, maximum: 99 },
    { name: 'note', input: 'long_text', required: true, minLength: 2, maxLength: 2000 },
    { name: 'evidence', input: 'text', required: false, maxLength: 1000 },
  ],
};

describe('moves drawn from their published definitions', () => {
  it('a move without fields is just its target', () => {
    expect(buildSimpleMove({ to: 'convened', kind: 'convene', fields: [] }, {}, TODAY)).toEqual({ body: { to: 'convened' }, errors: {} });
  });

  it('cancelling asks for the reason', () => {
    expect(buildSimpleMove(cancel, { reason: ' ' }, TODAY).errors).toEqual({ reason: { code: 'required' } });
    expect(buildSimpleMove(cancel, { reason: '가' }, TODAY).errors).toEqual({ reason: { code: 'tooShort', min: 2 } });
    expect(buildSimpleMove(cancel, { reason: ' 연기 ', other: 'x' }, TODAY).body).toEqual({ to: 'cancelled', reason: '연기' });
  });

  it('progress: a whole percent within the published range, a note, optional evidence left out when empty', () => {
    expect(buildSimpleMove(progress, { percent: '100', note: '진행' }, TODAY).errors).toEqual({ percent: { code: 'range', min: 0, max: 99 } });
    expect(buildSimpleMove(progress, { percent: '40', note: '초안 작성', evidence: '' }, TODAY).body).toEqual({ to: 'in_progress', percent: 40, note: '초안 작성' });
  });

  it('dates follow the published rule on the Korean calendar', () => {
    const due = { name: 'dueOn', input: 'date' as const, required: true, dates: 'future' as const };
    expect(checkMoveField(due, TODAY, TODAY)).toEqual({ error: { code: 'future' } });
    expect(checkMoveField(due, '2026-11-26', TODAY)).toEqual({ value: '2026-11-26' });
    expect(checkMoveField({ ...due, input: 'instant' }, '2026-11-26', TODAY)).toEqual({ value: '2026-11-26T23:59:59+09:00' });
    expect(checkMoveField({ ...due, dates: 'not_future' }, '2026-11-26', TODAY)).toEqual({ error: { code: 'notFuture' } });
    expect(checkMoveField({ name: 'c', input: 'choice', required: false, choices: ['a'] }, 'b', TODAY)).toEqual({ error: { code: 'required' } });
  });
});
