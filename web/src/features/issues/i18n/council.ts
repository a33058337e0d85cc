// The issue page's council strings (its meetings and the decision a move carries out). They load with the issue page,
// not with the first screen (see featureI18n).
import type { DecisionOutcome } from '../../../api/client';
import { featureI18n } from '../../../i18n';
import type { Widen } from '../../../i18n/widen';

export const issueCouncilKo = {
  issueMeetings: {
    title: '협의체 회의',
    intro: '이 과제를 안건으로 다룬 회의와 그 결정입니다.',
    none: '이 과제를 다룬 회의가 없습니다.',
    number: '제{n}차',
    unnumbered: '차수 미정',
    undecided: '결정 전',
    decision: '회의 결정',
    decisionHint: '이 처리가 협의체 결정에 따른 것이면 고릅니다. 과제 이력에 회의가 남습니다.',
    noDecision: '해당 없음',
  },
  decisionOutcomes: {
    approved: '원안 의결',
    approved_with_conditions: '조건부 의결',
    deferred: '보류',
    rejected: '부결',
    noted: '보고 접수',
  } satisfies Record<DecisionOutcome, string>,
};

const issueCouncilEn: Widen<typeof issueCouncilKo> = {
  issueMeetings: {
    title: 'Council meetings',
    intro: 'The meetings that took this issue up on their agenda, and what they decided.',
    none: 'No meeting has taken up this issue.',
    number: 'No. {n}',
    unnumbered: 'Not yet numbered',
    undecided: 'Not yet decided',
    decision: 'Council decision',
    decisionHint: 'Choose it when this move carries out a council decision; the issue’s timeline names the meeting.',
    noDecision: 'None',
  },
  decisionOutcomes: {
    approved: 'Approved',
    approved_with_conditions: 'Approved with conditions',
    deferred: 'Deferred',
    rejected: 'Rejected',
    noted: 'Noted',
  },
};

export const useIssueCouncilI18n = featureI18n(issueCouncilKo, issueCouncilEn);
