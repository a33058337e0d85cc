// What makes the trail readable, loaded with the audit and history views (not with the first screen, see featureI18n):
// the label of every field a record's history can show (fields.json, checked by the API's AuditLabelCoverageTests),
// and how an import run reads as one line.
import type { ImportEntity, ImportErrorMode, ImportOutcome } from '../../../api/client';
import { featureI18n } from '../../../i18n';
import type { Widen } from '../../../i18n/widen';
import fields from './fields.json';

const pairs: Record<string, string[]> = fields;
const pick = (i: 0 | 1) => Object.fromEntries(Object.entries(pairs).map(([field, pair]) => [field, pair[i] ?? field])) as Record<string, string>;

export const auditReadableKo = {
  auditReadable: {
    fields: pick(0),
    /** "가져오기: 기관 1,234건 생성, 56건 변경" */
    importLine: '가져오기: {entity} {created}건 생성, {updated}건 변경',
    importBy: '({file}, {actor})',
    noFile: '파일명 없음',
    importRows: '이 가져오기로 바뀐 기록 보기',
    hideRows: '접기',
    importRuns: '가져오기 기록',
    entities: {
      agencies: '기관',
      clusters: '클러스터',
      cluster_indicators: '클러스터 연도별 지표',
      regulatory_issues: '규제 개선 과제',
      council_seats: '협의체 좌석',
      council_memberships: '협의체 위원 임기',
      actors: '혁신 주체',
      site_projects: '현장 사업',
      collaboration_projects: '협력 사업',
      policy_recommendations: '정책 제언',
    } satisfies Record<ImportEntity, string>,
    outcomes: { validated: '검사만 함', imported: '가져옴', rejected: '거부됨' } satisfies Record<ImportOutcome, string>,
    onError: { fail: '오류가 있으면 모두 취소', skip: '오류 행만 건너뜀' } satisfies Record<ImportErrorMode, string>,
    totals: '{rows}행: 생성 {created}, 변경 {updated}, 그대로 {unchanged}, 거부 {rejected}',
  },
};

const auditReadableEn: Widen<typeof auditReadableKo> = {
  auditReadable: {
    fields: pick(1),
    importLine: 'Import: {entity}, {created} created, {updated} changed',
    importBy: '({file}, {actor})',
    noFile: 'no file name',
    importRows: 'Show the records this import changed',
    hideRows: 'Hide',
    importRuns: 'Import runs',
    entities: {
      agencies: 'Agencies',
      clusters: 'Clusters',
      cluster_indicators: 'Cluster indicators',
      regulatory_issues: 'Regulatory issues',
      council_seats: 'Council seats',
      council_memberships: 'Council memberships',
      actors: 'Innovation actors',
      site_projects: 'Site projects',
      collaboration_projects: 'Collaboration projects',
      policy_recommendations: 'Policy recommendations',
    },
    outcomes: { validated: 'Checked only', imported: 'Imported', rejected: 'Rejected' },
    onError: { fail: 'Cancel all on an error', skip: 'Skip the rows in error' },
    totals: '{rows} rows: {created} created, {updated} changed, {unchanged} unchanged, {rejected} rejected',
  },
};

export const useAuditReadableI18n = featureI18n(auditReadableKo, auditReadableEn);
