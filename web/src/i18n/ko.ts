import type { RecordStatus, Region, Sector } from '../api/client';
import { authKo } from '../features/auth/i18n/ko';
import { accountKo } from '../features/account/i18n/ko';
import { clustersKo } from '../features/clusters/i18n/ko';
import { agenciesKo } from '../features/agencies/i18n/ko';
import { issuesKo } from '../features/issues/i18n/ko';
import { usersKo } from '../features/users/i18n/ko';
import { apiKeysKo } from '../features/api-keys/i18n/ko';
import { auditKo } from '../features/audit/i18n/ko';
import { importsKo } from '../features/imports/i18n/ko';
import type { Widen } from './widen';

/**
 * Korean, the working language and the default. The strings shared by every screen are here; each
 * feature's own are in features/<feature>/i18n/ko.ts. en.ts must have exactly the same keys.
 */
export const ko = {
  app: {
    name: '바이오 클러스터 협의체',
    brand: 'BioCluster',
    skipToContent: '본문 바로가기',
    footer: '바이오 클러스터 협의체 업무 시스템',
  },
  nav: {
    label: '주 메뉴',
    clusters: '클러스터',
    agencies: '기관',
    issues: '규제 개선 과제',
    users: '사용자',
    apiKeys: 'API 키',
    audit: '감사 기록',
    imports: '데이터 가져오기',
  },
  lang: {
    switchTo: 'English',
    switchToLabel: 'View in English',
  },
  common: {
    loading: '불러오는 중입니다…',
    loadMore: '더 보기',
    loadingMore: '더 불러오는 중…',
    totalOnly: '전체 {total}건',
    totalCount: '전체 {total}건 중 {shown}건',
    search: '검색',
    all: '전체',
    none: '—',
    code: '코드',
    status: '상태',
    website: '웹사이트',
    updatedAt: '최종 수정',
    createdAt: '등록',
    timeZone: '한국 표준시',
    timeZoneShort: 'KST',
    opensInNewWindow: '(새 창)',
    breadcrumb: '현재 위치',
    save: '저장',
    saving: '저장 중…',
    cancel: '취소',
    close: '닫기',
    edit: '수정',
    actions: '작업',
    apply: '조회',
  },
  form: {
    optional: '(선택)',
    required: '필수 입력 항목입니다.',
    number: '숫자로 입력해 주세요.',
    integer: '정수로 입력해 주세요.',
    checkFields: '입력한 내용을 확인해 주세요. 항목별 안내를 표시했습니다.',
    passwordPolicy:
      '12자 이상으로 영문 소문자·대문자·숫자·기호 중 세 가지 이상을 섞거나, 16자 이상으로 정해 주세요. 아이디는 넣을 수 없습니다.',
  },
  forbidden: {
    title: '권한이 없습니다',
    body: '이 화면을 볼 권한이 없습니다. 필요하면 협의체 관리자에게 요청해 주세요.',
  },
  fields: {
    code: '코드',
    nameKo: '국문 명칭',
    nameEn: '영문 명칭',
    region: '지역',
    operator: '운영기관',
    operatorCode: '운영기관',
    designation: '지정 유형',
    specializations: '특화 분야',
    establishedYear: '조성 연도',
    areaKm2: '면적(㎢)',
    latitude: '위도',
    longitude: '경도',
    website: '웹사이트',
    status: '상태',
    kind: '기관 유형',
    sector: '혁신 주체 구분',
    parent: '상위 기관',
    operatedClusters: '운영 클러스터',
    username: '아이디',
    displayName: '이름',
    role: '역할',
    agency: '소속 기관',
    agencyCode: '소속 기관',
    lockedUntil: '잠금 해제 시각',
    lastLoginAt: '마지막 로그인',
    name: '이름',
    prefix: '키 앞자리',
    scopes: '권한 범위',
    expiresAt: '만료',
    revokedAt: '폐기',
    lastUsedAt: '마지막 사용',
    password: '비밀번호',
  },
  notFound: {
    title: '페이지를 찾을 수 없습니다',
    body: '주소를 다시 확인해 주세요.',
    home: '클러스터 목록으로 가기',
  },
  problem: {
    network: '서버와 통신하지 못했습니다.',
    networkHint: '네트워크 연결과 API 주소(config.js) 설정을 확인한 뒤 다시 시도해 주세요.',
    badRequest: '요청 내용을 확인해 주세요.',
    unauthorized: '로그인이 필요합니다.',
    forbidden: '이 작업을 할 권한이 없습니다.',
    notFound: '찾을 수 없습니다.',
    conflict: '다른 변경 사항과 충돌했습니다.',
    precondition: '그사이 다른 사람이 수정했습니다. 새로 불러온 뒤 다시 시도해 주세요.',
    tooMany: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    server: '서버에서 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
    other: '요청을 처리하지 못했습니다.',
    serverSays: '서버 응답',
    fieldErrors: '항목별 오류',
    traceId: '추적 ID',
    retry: '다시 시도',
  },
  regions: {
    seoul: '서울특별시',
    busan: '부산광역시',
    daegu: '대구광역시',
    incheon: '인천광역시',
    gwangju: '광주광역시',
    daejeon: '대전광역시',
    ulsan: '울산광역시',
    sejong: '세종특별자치시',
    gyeonggi: '경기도',
    gangwon: '강원특별자치도',
    chungbuk: '충청북도',
    chungnam: '충청남도',
    jeonbuk: '전북특별자치도',
    jeonnam: '전라남도',
    gyeongbuk: '경상북도',
    gyeongnam: '경상남도',
    jeju: '제주특별자치도',
  } satisfies Record<Region, string>,
  sectors: {
    industry: '산업',
    academia: '학계',
    research: '연구',
    hospital: '병원',
  } satisfies Record<Sector, string>,
  recordStatuses: {
    active: '사용 중',
    archived: '보관됨',
  } satisfies Record<RecordStatus, string>,
  ...authKo,
  ...accountKo,
  ...clustersKo,
  ...agenciesKo,
  ...issuesKo,
  ...usersKo,
  ...apiKeysKo,
  ...auditKo,
  ...importsKo,
};

/** The shape every language must fill: the same keys as Korean, any text. */
export type Dictionary = Widen<typeof ko>;
