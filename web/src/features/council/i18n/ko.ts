import type { ExpertSector, SeatPosition } from '../../../api/client';
import type { SeatSection } from '../council';

/** The council page's strings in Korean; en.ts has the same keys. Composed into src/i18n/ko.ts. */
export const councilKo = {
  council: {
    title: '협의체 구성',
    intro: '바이오 클러스터 협의체의 좌석과 현재 위원, 임기입니다. 좌석은 사람과 따로 관리하며, 위원이 바뀌어도 좌석은 그대로입니다.',
    caption: '협의체 좌석과 현재 위원',
    seatCount: '좌석 {seats}석 (의결권 {voting}석)',
    columns: {
      seat: '좌석',
      holder: '현재 위원',
      term: '임기',
      voting: '의결권',
      actions: '작업',
    },
    vacant: '공석',
    voting: '있음',
    nonVoting: '없음',
    openEnded: '{start} ~',
    termRange: '{start} ~ {end}',
    daysLeft: '{days}일 남음',
    appoint: '위원 위촉',
    appointTitle: '{seat} 위원 위촉',
    appointIntro: '이 좌석에 새 임기를 기록합니다. 종료일 없이 재임 중인 위원이 있으면 새 임기 시작 전날로 임기가 끝납니다.',
    appointed: '{name} 위원의 임기를 기록했습니다.',
    fields: {
      personName: '성명',
      title: '직위',
      startsOn: '임기 시작일',
      endsOn: '임기 종료일',
      substituteAllowed: '대리 출석 허용',
    },
    errors: {
      required: '필수 입력 항목입니다.',
      date: '날짜를 YYYY-MM-DD 형식으로 적어 주세요.',
      endBeforeStart: '임기 종료일은 시작일보다 앞설 수 없습니다.',
    },
    termsEnding: {
      title: '임기 만료 예정',
      intro: '앞으로 {days}일 안에 임기가 끝나는 위원입니다.',
      none: '{days}일 안에 임기가 끝나는 위원이 없습니다.',
      seat: '좌석 #{id}',
    },
  },
  seatSections: {
    chair: '위원장',
    ministry: '부처',
    cluster_operator: '운영기관',
    public_agency: '공공기관',
    private_expert: '민간위원',
    secretary: '간사',
  } satisfies Record<SeatSection, string>,
  seatPositions: {
    chair: '위원장',
    vice_chair: '부위원장',
    member: '위원',
    secretary: '간사',
  } satisfies Record<SeatPosition, string>,
  expertSectors: {
    industry: '산업계',
    academia: '학계',
    research: '연구계',
    hospital: '병원',
  } satisfies Record<ExpertSector, string>,
};
