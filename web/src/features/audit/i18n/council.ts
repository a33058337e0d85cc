// The council's states and moves as the audit trail names them (meetings, follow-ups, minutes). They load with the
// audit and history views, not with the first screen (see featureI18n).
import type { CollaborationState, FollowUpState, MeetingKind, MeetingState, MinutesState } from '../../../api/client';
import { featureI18n } from '../../../i18n';
import type { Widen } from '../../../i18n/widen';

export const auditCouncilKo = {
  auditCouncil: {
    meetingStates: { planned: '예정', convened: '소집', held: '개최', closed: '종료', cancelled: '취소' } satisfies Record<MeetingState, string>,
    followUpStates: { open: '미착수', in_progress: '진행 중', done: '완료', cancelled: '취소' } satisfies Record<FollowUpState, string>,
    minutesStates: { draft: '초안', circulated: '회람', approved: '승인', published: '공표' } satisfies Record<MinutesState, string>,
    meetingKinds: { in_person: '대면', online: '온라인', hybrid: '대면·온라인 병행' } satisfies Record<MeetingKind, string>,
    collaborationStates: { planned: '계획', in_progress: '진행 중', completed: '완료', suspended: '중단', cancelled: '취소' } satisfies Record<
      CollaborationState,
      string
    >,
    /** Actions written as "<part>:<what>" by the council's stores. */
    actions: {
      'agenda:add': '안건 추가',
      'agenda:update': '안건 수정',
      'agenda:delete': '안건 삭제',
      'agenda:reorder': '안건 순서 변경',
      'minutes:revise': '회의록 새 판',
    } as Record<string, string>,
    minutesMove: '회의록: {state}',
  },
};

const auditCouncilEn: Widen<typeof auditCouncilKo> = {
  auditCouncil: {
    meetingStates: { planned: 'Planned', convened: 'Convened', held: 'Held', closed: 'Closed', cancelled: 'Cancelled' },
    followUpStates: { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
    minutesStates: { draft: 'Draft', circulated: 'Circulated', approved: 'Approved', published: 'Published' },
    meetingKinds: { in_person: 'In person', online: 'Online', hybrid: 'Hybrid' },
    collaborationStates: { planned: 'Planned', in_progress: 'In progress', completed: 'Completed', suspended: 'Suspended', cancelled: 'Cancelled' },
    actions: {
      'agenda:add': 'Agenda item added',
      'agenda:update': 'Agenda item changed',
      'agenda:delete': 'Agenda item removed',
      'agenda:reorder': 'Agenda reordered',
      'minutes:revise': 'Minutes: new version',
    },
    minutesMove: 'Minutes: {state}',
  },
};

export const useAuditCouncilI18n = featureI18n(auditCouncilKo, auditCouncilEn);
