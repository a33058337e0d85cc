import type { ActorType } from '../../../api/client';
import type { AuditAction, AuditEntityType } from '../../../api/enums';

/** The audit strings in Korean; en.ts has the same keys. Composed into src/i18n/ko.ts. */
export const auditKo = {
  audit: {
    title: '감사 기록',
    intro: '등록부와 계정의 모든 변경을 누가, 언제, 무엇을 바꾸었는지 기록합니다. 최신 기록이 먼저 나옵니다.',
    caption: '감사 기록 목록',
    empty: '조건에 맞는 기록이 없습니다.',
    filters: {
      legend: '감사 기록 검색',
      entityType: '대상 종류',
      entityId: '대상 번호',
      actorType: '수행자 종류',
      from: '시작일',
      to: '종료일',
      reset: '조건 초기화',
    },
    columns: {
      occurredAt: '일시',
      actor: '수행자',
      action: '작업',
      entity: '대상',
      changes: '변경 내용',
    },
    entity: '{type} #{id}',
    requestId: '요청 ID',
    transition: '처리: {status}',
    clientAddress: '접속 주소',
    export: 'CSV 내보내기',
    exportHint: '지금 조건에 맞는 기록을 오래된 것부터 CSV 파일로 내려받습니다.',
  },
  history: {
    title: '변경 이력',
    empty: '기록된 변경 사항이 없습니다.',
    field: '항목',
    before: '변경 전',
    after: '변경 후',
    noFieldChanges: '바뀐 항목 없음',
  },
  actorTypes: {
    user: '사용자',
    api_key: 'API 키',
    system: '시스템',
  } satisfies Record<ActorType, string>,
  entityTypes: {
    cluster: '클러스터',
    agency: '기관',
    cluster_indicator: '클러스터 연도별 지표',
    user: '사용자',
    api_key: 'API 키',
    regulatory_issue: '규제 개선 과제',
    import: '데이터 가져오기',
    calendar_feed: '캘린더 구독',
  } satisfies Record<AuditEntityType, string>,
  auditActions: {
    create: '등록',
    update: '수정',
    archive: '보관',
    revoke: '폐기',
    set_password: '비밀번호 재설정',
    unlock: '잠금 해제',
    change_password: '비밀번호 변경',
    comment: '의견',
    import: '가져오기',
    import_dry_run: '가져오기 사전 검사',
  } satisfies Record<AuditAction, string>,
};
