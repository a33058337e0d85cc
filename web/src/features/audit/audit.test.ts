import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../api/enums';
import { actionLabel, changedFields, endOfKstDay, startOfKstDay, statesOf, type AuditLabels } from './audit';

const before = {
  id: 3,
  code: 'osong',
  nameKo: '오송첨단의료복합단지',
  operator: { id: 9, code: 'kbiohealth' },
  specializations: ['바이오신약'],
  website: null,
  updatedAt: '2026-11-25T01:00:00Z',
};

describe('which fields a change touched', () => {
  it('lists changed fields only, before and after, without bookkeeping', () => {
    const after = { ...before, website: 'https://example.org', specializations: ['바이오신약', '의료기기'], updatedAt: '2026-11-25T02:00:00Z' };
    expect(changedFields(before, after)).toEqual([
      { field: 'specializations', before: ['바이오신약'], after: ['바이오신약', '의료기기'] },
      { field: 'website', before: null, after: 'https://example.org' },
    ]);
  });

  it('compares linked records by value', () => {
    expect(changedFields(before, { ...before, operator: { id: 9, code: 'kbiohealth' } })).toEqual([]);
    expect(changedFields(before, { ...before, operator: { id: 2, code: 'ifez' } }).map((c) => c.field)).toEqual(['operator']);
  });

  it('a creation lists what the record started with; a missing side is empty', () => {
    expect(changedFields(null, { id: 1, username: 'kim', agency: null }).map((c) => c.field)).toEqual(['username']);
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields('junk', [1, 2])).toEqual([]);
  });
});

describe('date filters are calendar days in Korea', () => {
  it('from the start of a day to the start of the next', () => {
    expect(startOfKstDay('2026-11-25')).toBe('2026-11-25T00:00:00+09:00');
    expect(endOfKstDay('2026-11-25')).toBe('2026-11-26T00:00:00+09:00');
    expect(endOfKstDay('2026-12-31')).toBe('2027-01-01T00:00:00+09:00');
    expect(startOfKstDay('25/11/2026')).toBeUndefined();
    expect(endOfKstDay('2026-13-01')).toBeUndefined();
  });
});

describe('the audit labels know what the API records', () => {
  // The API's own sources are the list: every entity type a feature declares and every action it writes by name.
  const sources = (() => {
    const root = fileURLToPath(new URL('../../../../api/Features', import.meta.url));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.cs')) files.push(readFileSync(join(dir, entry.name), 'utf8'));
      }
    };
    walk(root);
    return files.join('\n');
  })();

  it('has a label for every entity type', () => {
    const declared = [...sources.matchAll(/const string EntityType = "([a-z_]+)"/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(5);
    for (const type of declared) expect(AUDIT_ENTITY_TYPES as readonly string[]).toContain(type);
  });

  it('has a label for every action written by name', () => {
    // The first quoted action of each WriteAsync call, and both arms of a conditional one (dry run ? … : …).
    const written = new Set([...sources.matchAll(/WriteAsync\([^;]*?"([a-z_]+)"\s*[,:]/g)].map((m) => m[1]));
    for (const arms of sources.matchAll(/WriteAsync\([^;]*?\? "([a-z_]+)" : "([a-z_]+)"/g)) written.add(arms[1]).add(arms[2]);
    expect(written.size).toBeGreaterThan(4);
    for (const action of written) expect(AUDIT_ACTIONS as readonly string[]).toContain(action);
  });
});

describe('council actions and states in the audit views', () => {
  const labels: AuditLabels = {
    transition: '처리: {status}',
    actions: { create: '등록', 'agenda:add': '안건 추가' },
    issueStatuses: { under_review: '검토 중' },
    meetingStates: { convened: '소집', held: '개최' },
    followUpStates: { done: '완료' },
    minutesStates: { published: '공표', draft: '초안' },
    minutesMove: '회의록: {state}',
  };

  it('names a transition by the state of its own kind of record', () => {
    expect(actionLabel(labels, 'meeting', 'transition:convened')).toBe('처리: 소집');
    expect(actionLabel(labels, 'follow_up', 'transition:done')).toBe('처리: 완료');
    expect(actionLabel(labels, 'regulatory_issue', 'transition:under_review')).toBe('처리: 검토 중');
    expect(actionLabel(labels, 'meeting_minutes', 'minutes:published')).toBe('회의록: 공표');
  });

  it('names the other actions by their label, and leaves an unknown one as it is', () => {
    expect(actionLabel(labels, 'meeting', 'agenda:add')).toBe('안건 추가');
    expect(actionLabel(labels, 'meeting', 'create')).toBe('등록');
    expect(actionLabel(labels, 'meeting', 'transition:nowhere')).toBe('처리: nowhere');
    expect(actionLabel(labels, 'meeting', 'something_new')).toBe('something_new');
  });

  it('reads a record’s state field with its own states', () => {
    expect(statesOf(labels, 'meeting')?.held).toBe('개최');
    expect(statesOf(labels, 'meeting_minutes')?.draft).toBe('초안');
    expect(statesOf(labels, 'cluster')).toBeUndefined();
  });
});
