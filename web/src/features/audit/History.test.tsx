// The history as a person reads it, rendered to HTML (no DOM here): who by name and agency, an import as one line,
// field labels in the reader's language, and the date on one line in KST.
import { vi, describe, expect, it, beforeEach } from 'vitest';

vi.hoisted(() => {
  // i18n reads the page's language from the document when it loads; this test renders on the server side.
  (globalThis as { document?: unknown }).document = { documentElement: { lang: 'ko', setAttribute: () => undefined } };
});

import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import type { ReactNode } from 'react';
import type { AuditEntryDto } from '../../api/client';
import { language, loadLanguage } from '../../i18n';
import { ActorName, ChangeList, ImportLine } from './History';
import { Timestamp } from '../../ui/Details';
import fields from './i18n/fields.json';

const html = (node: ReactNode) => renderToStaticMarkup(<MemoryRouter>{node}</MemoryRouter>);
const text = (node: ReactNode) => html(node).replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

const entry = (over: Partial<AuditEntryDto>): AuditEntryDto => ({
  id: 1,
  occurredAt: '2026-12-05T06:30:00Z',
  actorType: 'user',
  actorId: 7,
  actorName: 'minji',
  action: 'update',
  entityType: 'agency',
  entityId: 3,
  before: null,
  after: null,
  requestId: null,
  clientAddress: null,
  ...over,
});

const mfds = { id: 2, code: 'mfds', nameKo: '식품의약품안전처', nameEn: 'Ministry of Food and Drug Safety' };

describe('History', () => {
  beforeEach(() => language.set('ko'));

  it('names a person by name and the agency they were with', () => {
    expect(text(<ActorName entry={entry({ actorDisplayName: '김민지', actorAgency: mfds })} />)).toBe('김민지 (식품의약품안전처)');
  });

  it('names an API key by its name and agency, marked as a key', () => {
    expect(text(<ActorName entry={entry({ actorType: 'api_key', actorName: 'api-key:bc_ab12', actorDisplayName: '연계 키', actorAgency: mfds })} />)).toBe(
      '연계 키 (식품의약품안전처) · API 키',
    );
  });

  it('shows the recorded name alone for an entry without a name or agency (older entries)', () => {
    expect(text(<ActorName entry={entry({ actorDisplayName: null, actorAgency: null })} />)).toBe('minji');
  });

  it('reads an import run as one line with its totals, file and who ran it, linked to the runs', () => {
    const line = html(
      <ImportLine
        entry={entry({ import: { runId: 9, entity: 'agencies', fileName: '기관.csv', rows: 1290, created: 1234, updated: 56, actorName: 'minji' } })}
      />,
    );
    expect(line.replace(/<[^>]+>/g, '')).toBe('가져오기: 기관 1,234건 생성, 56건 변경 (기관.csv, minji)');
    expect(line).toContain('href="/imports?entity=agencies"');
  });

  it('labels every changed field in Korean, or in English when the reader reads English', async () => {
    const change = entry({ before: { nameKo: '가', votesFor: 1, plannedCompletionOn: null }, after: { nameKo: '나', votesFor: 2, plannedCompletionOn: '2027-01-01' } });
    const ko = text(<ChangeList entry={change} />);
    expect(ko).toContain('국문 명칭');
    expect(ko).toContain('찬성');
    expect(ko).toContain('완료 예정일');
    await loadLanguage('en');
    language.set('en');
    const en = text(<ChangeList entry={change} />);
    expect(en).toContain('Korean name');
    expect(en).toContain('Planned completion');
  });

  it('reads the own entry of an import run in words: what, how it ended, its totals', () => {
    const run = text(
      <ChangeList
        entry={entry({
          entityType: 'import',
          action: 'import',
          after: { entity: 'agencies', outcome: 'imported', onError: 'skip', totals: { rows: 1290, created: 1234, updated: 56, unchanged: 0, rejected: 0 } },
        })}
      />,
    );
    expect(run).toContain('가져온 대상기관');
    expect(run).toContain('결과가져옴');
    expect(run).toContain('오류 행만 건너뜀');
    expect(run).toContain('1,290행: 생성 1,234, 변경 56, 그대로 0, 거부 0');
  });

  it('has a Korean and an English label for every field in the table', () => {
    for (const [field, pair] of Object.entries(fields as Record<string, string[]>)) {
      expect(pair, field).toHaveLength(2);
      expect(pair[0], field).not.toBe('');
      expect(pair[1], field).not.toBe('');
    }
  });

  it('writes the date and time on one line, in Korean time', () => {
    const time = text(<Timestamp iso="2026-12-05T15:30:00Z" />);
    expect(time).not.toMatch(/\n/);
    expect(time).toContain('2026');
    expect(time).toMatch(/KST$/);
    expect(time).toContain('12. 6.'); // 15:30 UTC is the next morning in Korea
  });
});
