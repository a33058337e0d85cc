// The issue list's quick filters (issue 19): loaded with the issue pages, not with the first screen (see featureI18n).
import { featureI18n } from '../../../i18n';

const quickKo = {
  quick: {
    label: '빠른 필터',
    myAgency: '우리 기관',
    myAgencyHint: {
      routing: '배정을 기다리는 과제',
      ministry: '우리 부처가 주관하거나 협조하는 과제',
      operator: '우리가 운영하는 클러스터의 과제',
    },
    challengeOpen: '이의신청 기간 중',
    challengeOpenHint: '불수용 답변 후 이의신청 기간이 남은 과제',
    finalAnswerOverdue: '최종 답변 기한 경과',
    finalAnswerOverdueHint: '장기 검토 후 최종 답변 기한을 넘긴 과제',
  },
};

const quickEn: typeof quickKo = {
  quick: {
    label: 'Quick filters',
    myAgency: 'My agency',
    myAgencyHint: {
      routing: 'Issues waiting to be routed',
      ministry: 'Issues my ministry leads or co-handles',
      operator: 'Issues of the clusters we operate',
    },
    challengeOpen: 'Challenge open',
    challengeOpenHint: 'Refused issues still within the challenge period',
    finalAnswerOverdue: 'Final answer overdue',
    finalAnswerOverdueHint: 'Long-term reviews past their final-answer deadline',
  },
};

export const useIssueQuickI18n = featureI18n(quickKo, quickEn);
