import { describe, expect, it } from 'vitest';
import type { ImportReportDto } from '../../api/client';
import {
  EMPHASISED_PROBLEMS,
  XLSX_CONTENT_TYPE,
  charsetApplies,
  confirmChoice,
  contentTypeFor,
  formatBytes,
  formatDuration,
  hasRejectedRows,
  importHeaders,
  importPath,
  importTemplateUrl,
  percentOf,
  problemRowNumbers,
  problemRows,
  readImportAnswer,
  rejectedRowsUrl,
} from './imports';

function report(overrides: Partial<ImportReportDto> = {}): ImportReportDto {
  return {
    id: 7,
    entity: 'clusters',
    dryRun: true,
    onError: 'fail',
    outcome: 'validated',
    totals: { rows: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 },
    problems: [{ row: 3, column: 'region', key: 'bad-one', code: 'invalid', message: "Unknown region 'atlantis'." }],
    problemsTruncated: false,
    fileName: 'clusters.csv',
    format: 'csv',
    charset: 'utf-8',
    sha256: 'ab',
    bytes: 120,
    actorName: 'demo-secretariat',
    startedAt: '2026-11-25T01:00:00Z',
    durationMs: 42,
    ...overrides,
  };
}

describe('what an import sends', () => {
  it('picks the content type from the file name, whatever its case', () => {
    expect(contentTypeFor('클러스터.csv')).toBe('text/csv');
    expect(contentTypeFor('EXPORT.CSV')).toBe('text/csv');
    expect(contentTypeFor('records.json')).toBe('application/json');
    expect(contentTypeFor('지표 2026.xlsx')).toBe(XLSX_CONTENT_TYPE);
    expect(contentTypeFor('old.xls')).toBeUndefined();
    expect(contentTypeFor('notes.txt')).toBeUndefined();
    expect(contentTypeFor('csv')).toBeUndefined();
    expect(charsetApplies('a.csv')).toBe(true);
    expect(charsetApplies('a.xlsx')).toBe(false);
  });

  it('builds the dry run address: dryRun, the chosen charset (CSV only) and the file name', () => {
    expect(importPath('clusters', { dryRun: true, charset: 'cp949', fileName: '클러스터 목록.csv' })).toBe(
      '/api/v1/imports/clusters?dryRun=true&charset=cp949&fileName=%ED%81%B4%EB%9F%AC%EC%8A%A4%ED%84%B0+%EB%AA%A9%EB%A1%9D.csv',
    );
    expect(importPath('cluster_indicators', { dryRun: true, charset: 'auto', fileName: 'a.csv' })).toBe(
      '/api/v1/imports/cluster_indicators?dryRun=true&fileName=a.csv',
    );
    // An XLSX file carries its own encoding: no charset even if one was chosen before.
    expect(importPath('agencies', { dryRun: true, charset: 'cp949', fileName: 'a.xlsx' })).toBe('/api/v1/imports/agencies?dryRun=true&fileName=a.xlsx');
  });

  it('builds the real run address: no dryRun, onError=skip only when asked (fail is the default)', () => {
    expect(importPath('clusters', { dryRun: false, onError: 'skip', fileName: 'a.csv' })).toBe('/api/v1/imports/clusters?onError=skip&fileName=a.csv');
    expect(importPath('clusters', { dryRun: false, onError: 'fail', fileName: 'a.csv' })).toBe('/api/v1/imports/clusters?fileName=a.csv');
    // A dry run never says skip: it writes nothing either way.
    expect(importPath('clusters', { dryRun: true, onError: 'skip', fileName: 'a.csv' })).toBe('/api/v1/imports/clusters?dryRun=true&fileName=a.csv');
    // The API keeps at most 260 characters of the name.
    expect(importPath('clusters', { dryRun: true, fileName: `${'x'.repeat(300)}.csv` })).toContain(`fileName=${'x'.repeat(260)}`);
  });

  it('sends the content type, and the Idempotency-Key on real runs', () => {
    expect(importHeaders('text/csv')).toEqual({ 'Content-Type': 'text/csv' });
    expect(importHeaders(XLSX_CONTENT_TYPE, 'k-1')).toEqual({ 'Content-Type': XLSX_CONTENT_TYPE, 'Idempotency-Key': 'k-1' });
  });

  it('links to the templates and to a run’s rejected rows', () => {
    expect(importTemplateUrl('', 'cluster_indicators')).toBe('/api/v1/imports/templates/cluster_indicators.csv');
    expect(importTemplateUrl('', 'council_seats')).toBe('/api/v1/imports/templates/council_seats.csv');
    expect(importPath('council_memberships', { dryRun: false, fileName: '위원.csv' })).toBe('/api/v1/imports/council_memberships?fileName=%EC%9C%84%EC%9B%90.csv');
    expect(rejectedRowsUrl('https://api.example.go.kr', 12)).toBe('https://api.example.go.kr/api/v1/imports/12/rejected-rows.csv');
  });
});

describe('what an import answered', () => {
  it('200: the report', () => {
    const body = report();
    expect(readImportAnswer({ status: 200, text: JSON.stringify(body) })).toEqual({ kind: 'report', report: body });
  });

  it('422 with a report (rows rejected, nothing written): the report and the problem’s sentence', () => {
    const body = report({ dryRun: false, outcome: 'rejected' });
    const answer = readImportAnswer({
      status: 422,
      text: JSON.stringify({
        title: 'Rows rejected; nothing was imported',
        status: 422,
        detail: '1 of 2 rows were rejected, so no row was written.',
        importId: 7,
        report: body,
        traceId: 't-1',
      }),
    });
    expect(answer).toEqual({
      kind: 'report',
      report: body,
      problem: { status: 422, title: 'Rows rejected; nothing was imported', detail: '1 of 2 rows were rejected, so no row was written.', traceId: 't-1' },
    });
  });

  it('422 without a report (an Idempotency-Key reused for another file): a problem only', () => {
    const answer = readImportAnswer({ status: 422, text: JSON.stringify({ title: 'Idempotency-Key reused', status: 422, detail: 'Use a new key.' }) });
    expect(answer).toEqual({ kind: 'problem', problem: { status: 422, title: 'Idempotency-Key reused', detail: 'Use a new key.' } });
  });

  it('400 and 413: the problem with its detail, shown in place', () => {
    const unreadable = readImportAnswer({
      status: 400,
      text: JSON.stringify({ title: 'File not readable', status: 400, detail: "Unknown column '지역명'.", errors: { file: ["Unknown column '지역명'."] } }),
    });
    expect(unreadable).toEqual({
      kind: 'problem',
      problem: { status: 400, title: 'File not readable', detail: "Unknown column '지역명'.", errors: { file: ["Unknown column '지역명'."] } },
    });
    const tooLarge = readImportAnswer({ status: 413, text: JSON.stringify({ title: 'File too large', status: 413, detail: 'Split it.' }) });
    expect(tooLarge).toEqual({ kind: 'problem', problem: { status: 413, title: 'File too large', detail: 'Split it.' } });
    // A proxy's own 413 page: the status, no markup.
    expect(readImportAnswer({ status: 413, text: '<html>Request Entity Too Large</html>' })).toEqual({
      kind: 'problem',
      problem: { status: 413, title: 'HTTP 413' },
    });
  });

  it('a 200 that holds no report is a problem, not a crash', () => {
    expect(readImportAnswer({ status: 200, text: '' }).kind).toBe('problem');
    expect(readImportAnswer({ status: 200, text: '{"ok":true}' }).kind).toBe('problem');
  });
});

describe('how the report is shown', () => {
  it('lists the problems in spreadsheet order and emphasises the first ones', () => {
    const problems = [9, 3, 4, 3, 12, 5, 6, 7].map((row, i) => ({ row, column: i === 0 ? null : 'region', key: null, code: 'c', message: `m${i}` }));
    const rows = problemRows(problems);
    expect(rows.map((r) => r.row)).toEqual([3, 3, 4, 5, 6, 7, 9, 12]);
    // Two problems on one row keep the order the API gave them.
    expect(rows.slice(0, 2).map((r) => r.message)).toEqual(['m1', 'm3']);
    expect(rows.filter((r) => r.emphasised)).toHaveLength(EMPHASISED_PROBLEMS);
    expect(rows.map((r) => r.emphasised)).toEqual([true, true, true, true, true, false, false, false]);
    expect(problemRowNumbers(problems)).toEqual([3, 4, 5, 6, 7, 9, 12]);
  });

  it('offers the import when some row would be written, and skipping when some were rejected', () => {
    expect(confirmChoice(report())).toEqual({ canImport: true, offerSkip: true });
    expect(confirmChoice(report({ totals: { rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 } }))).toEqual({ canImport: true, offerSkip: false });
    expect(confirmChoice(report({ totals: { rows: 2, created: 0, updated: 0, unchanged: 0, rejected: 2 } }))).toEqual({ canImport: false, offerSkip: true });
    expect(confirmChoice(report({ totals: { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 } }))).toEqual({ canImport: false, offerSkip: false });
    expect(hasRejectedRows(report())).toBe(true);
    expect(hasRejectedRows(report({ totals: { rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 } }))).toBe(false);
  });

  it('formats durations, sizes and upload progress', () => {
    // The unit's wording is ICU's; the number and its scale are ours.
    expect(formatDuration('en-GB', 42)).toMatch(/^42\s?ms$/);
    expect(formatDuration('en-GB', 2_440)).toMatch(/^2\.4\s?s/);
    expect(formatDuration('ko-KR', 2_440)).toMatch(/^2\.4\s?초$/);
    expect(formatBytes('ko-KR', 812)).toBe('812 B');
    expect(formatBytes('en-GB', 14_540)).toMatch(/^14\.2\s?kB$/);
    expect(formatBytes('en-GB', 3 * 1024 * 1024 + 100_000)).toMatch(/^3\.1\s?MB$/);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(1999, 2000)).toBe(99);
    expect(percentOf(2000, 2000)).toBe(100);
  });
});
