// The strings of the deadline moves (issue 19), loaded with the issue pages rather than the first screen (see
// featureI18n): they extend the issue dictionaries' moves, hints and fields, so the views look them up as the others.
import { featureI18n } from '../../../i18n';
import type { MoveKind } from '../issueMoves';
import { issuesEn } from './en';
import { issuesKo } from './ko';

const deadlinesKo = {
  moves: {
    ...issuesKo.moves,
    reroute: '주관 부처 재지정',
    extend: '기한 연장',
    askRelief: '이관 요청',
    askExtension: '기한 연장 요청',
    grantRequest: '요청 승인',
    refuseRequest: '요청 거절',
  } satisfies Record<MoveKind, string>,
  moveHints: {
    ...issuesKo.moveHints,
    reroute: '과제를 다른 주관 부처로 옮깁니다. 사유를 적고, 새 답변 기한을 비워 두면 배정할 때처럼 정해집니다.',
    extend: '주관 부처의 답변 기한을 늦춥니다. 새 기한은 지금 기한보다 뒤여야 하며, 연장 횟수가 기록됩니다.',
    askRelief: '소관이 아닌 과제를 다른 부처로 넘겨 달라고 사무국에 요청합니다. 소관 부처를 제안하세요.',
    askExtension: '답변 기한을 늦춰 달라고 사무국에 요청합니다. 희망하는 기한을 적으세요.',
    grantRequest: '부처의 요청을 받아들입니다. 이관은 제안한 부처로 재지정하고, 연장은 제안한 날짜로 기한을 늦춥니다.',
    refuseRequest: '부처의 요청을 거절합니다. 사유를 적습니다. 주관 부처와 기한은 그대로입니다.',
  } satisfies Record<MoveKind, string>,
  issueFields: {
    ...issuesKo.issueFields,
    proposedMinistryCode: '제안하는 소관 부처',
    proposedDueOn: '희망 기한',
    moveReason: '사유',
    deadlineExtensions: '기한 연장',
    pendingRequest: '처리 대기 중인 요청',
    challengeDueOn: '이의 제기 기한',
    finalAnswerDueOn: '최종 답변 기한',
    ministryRole: '역할',
  },
  deadlines: {
    extensions: '{count}회 연장',
    reliefRequest: '이관 요청: {ministry}',
    extensionRequest: '기한 연장 요청: {date}까지',
    challengeOpen: '{date}까지 이의 제기 가능',
    challengeClosed: '이의 제기 기한({date})이 지났습니다',
    finalAnswerDue: '{date}까지 최종 답변',
    finalAnswerLate: '최종 답변 기한({date}) 초과',
  },
  ministryRoles: {
    lead: '주관',
    co_ministry: '협조',
    all: '주관·협조 모두',
  },
};

const deadlinesEn: typeof deadlinesKo = {
  moves: {
    ...issuesEn.moves,
    reroute: 'Re-route',
    extend: 'Extend deadline',
    askRelief: 'Ask to be relieved',
    askExtension: 'Ask for an extension',
    grantRequest: 'Grant request',
    refuseRequest: 'Refuse request',
  },
  moveHints: {
    ...issuesEn.moveHints,
    reroute: 'Hand the issue to another lead ministry. Give the reason; leave the new deadline empty to set it as on assignment.',
    extend: 'Give the lead ministry more time. The new deadline must be later than the current one; extensions are counted.',
    askRelief: 'Ask the secretariat to hand this issue to another ministry: it is not your remit. Propose the ministry that owns the rule.',
    askExtension: 'Ask the secretariat for more time. Propose a date.',
    grantRequest: "Grant the ministry's request: a relief re-routes the issue to the proposed ministry, an extension moves the deadline to the proposed date.",
    refuseRequest: "Refuse the ministry's request, saying why. The lead ministry and the deadline stay as they are.",
  },
  issueFields: {
    ...issuesEn.issueFields,
    proposedMinistryCode: 'Proposed ministry',
    proposedDueOn: 'Proposed date',
    moveReason: 'Reason',
    deadlineExtensions: 'Extensions',
    pendingRequest: 'Request waiting',
    challengeDueOn: 'Challenge until',
    finalAnswerDueOn: 'Final answer due',
    ministryRole: 'Role',
  },
  deadlines: {
    extensions: 'Extended {count} time(s)',
    reliefRequest: 'Asks to be relieved: {ministry}',
    extensionRequest: 'Asks for an extension to {date}',
    challengeOpen: 'May be challenged until {date}',
    challengeClosed: 'The challenge period ended {date}',
    finalAnswerDue: 'Final answer due {date}',
    finalAnswerLate: 'Final answer overdue since {date}',
  },
  ministryRoles: {
    lead: 'Lead',
    co_ministry: 'Co-ministry',
    all: 'Lead and co-ministry',
  },
};

export const useIssueDeadlinesI18n = featureI18n(deadlinesKo, deadlinesEn);
