import type { AgencyKind } from '../../../api/client';

/** The agencies strings in Korean; en.ts has the same keys. Composed into src/i18n/ko.ts. */
export const agenciesKo = {
  agencies: {
    title: '기관',
    intro: '협의체의 부처, 클러스터 운영기관, 공공기관과 혁신 주체입니다.',
    caption: '기관 목록',
    empty: '조건에 맞는 기관이 없습니다.',
    filters: {
      legend: '기관 검색',
      kind: '기관 유형',
      q: '검색어',
      qPlaceholder: '기관명 또는 코드',
      reset: '조건 초기화',
    },
    export: 'CSV 내보내기',
    exportHint: '지금 조건에 맞는 기관을 CSV 파일로 내려받습니다.',
    exportXlsx: 'Excel 내보내기',
    exportXlsxHint: '지금 조건에 맞는 기관을 보고서 형식의 Excel 파일로 내려받습니다.',
    columns: {
      name: '기관명',
      kind: '기관 유형',
      sector: '혁신 주체 구분',
      operatedClusters: '운영 클러스터',
    },
  },
  agencyDetail: {
    backToList: '기관 목록',
    summary: '기본 정보',
    nameKo: '국문 명칭',
    nameEn: '영문 명칭',
    kind: '기관 유형',
    sector: '혁신 주체 구분',
    parent: '상위 기관',
    operatedClusters: '운영 클러스터',
    noClusters: '운영하는 클러스터가 없습니다.',
    notFound: '요청하신 기관을 찾을 수 없습니다(코드: {code}). 주소가 바뀌었거나 삭제되었을 수 있습니다.',
  },
  agencyKinds: {
    ministry: '정부 부처',
    cluster_operator: '클러스터 운영기관',
    public_institution: '공공기관',
    local_government: '지방자치단체',
    company: '기업',
    university: '대학',
    research_institute: '연구기관',
    hospital: '병원',
    association: '협회·단체',
    other: '기타',
  } satisfies Record<AgencyKind, string>,
};
