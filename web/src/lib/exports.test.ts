import { describe, expect, it } from 'vitest';
import { agencyExportUrl, auditExportUrl, clusterExportUrl } from './exports';
import { issueExportUrl, readIssueList } from '../features/issues/issues';

describe('export links carry the list’s filters', () => {
  it('clusters: CSV and XLSX with region, operator, status and q', () => {
    const filters = { region: 'chungbuk', operatorCode: 'kbiohealth', status: 'active', q: '오송' };
    expect(clusterExportUrl('', filters, 'csv')).toBe('/api/v1/clusters/export.csv?region=chungbuk&operatorCode=kbiohealth&status=active&q=%EC%98%A4%EC%86%A1');
    expect(clusterExportUrl('https://api.example.go.kr', { region: 'seoul' }, 'xlsx')).toBe('https://api.example.go.kr/api/v1/clusters/export.xlsx?region=seoul');
    expect(clusterExportUrl('', {}, 'csv')).toBe('/api/v1/clusters/export.csv');
  });

  it('agencies: CSV with kind and q', () => {
    expect(agencyExportUrl('', { kind: 'cluster_operator' })).toBe('/api/v1/agencies/export.csv?kind=cluster_operator');
    expect(agencyExportUrl('', {})).toBe('/api/v1/agencies/export.csv');
  });

  it('audit: CSV with the days as their bounds in Korea, like the list', () => {
    expect(auditExportUrl('', { entityType: 'cluster', entityId: '3', from: '2026-11-01', to: '2026-11-30' })).toBe(
      '/api/v1/audit/export.csv?entityType=cluster&entityId=3&from=2026-11-01T00%3A00%3A00%2B09%3A00&to=2026-12-01T00%3A00%3A00%2B09%3A00',
    );
    expect(auditExportUrl('', { actorType: 'api_key' })).toBe('/api/v1/audit/export.csv?actorType=api_key');
  });

  it('regulatory issues: XLSX next to CSV, same filters', () => {
    const { filters } = readIssueList(new URLSearchParams('status=in_progress&overdue=true'));
    expect(issueExportUrl('', filters, 'xlsx')).toBe('/api/v1/regulatory-issues/export.xlsx?status=in_progress&overdue=true');
    expect(issueExportUrl('', filters)).toBe('/api/v1/regulatory-issues/export.csv?status=in_progress&overdue=true');
  });

  it('say the file’s language, which a link cannot send as a header', () => {
    expect(agencyExportUrl('', { kind: 'company' }, 'xlsx', 'en')).toBe('/api/v1/agencies/export.xlsx?kind=company&lang=en');
    expect(auditExportUrl('', {}, 'xlsx', 'ko')).toBe('/api/v1/audit/export.xlsx?lang=ko');
    expect(clusterExportUrl('', {}, 'csv', 'ko')).toBe('/api/v1/clusters/export.csv?lang=ko');
    const { filters } = readIssueList(new URLSearchParams('status=submitted'));
    expect(issueExportUrl('', filters, 'xlsx', 'en')).toBe('/api/v1/regulatory-issues/export.xlsx?status=submitted&lang=en');
  });
});
