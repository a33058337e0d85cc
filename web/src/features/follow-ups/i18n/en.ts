import type { Widen } from '../../../i18n/widen';
import type { followUpsKo } from './ko';

/** The follow-up board's strings in English: the same keys as ko.ts. */
export const followUpsEn: Widen<typeof followUpsKo> = {
  followUps: {
    title: 'Follow-ups',
    intro: 'The follow-up actions of the council’s decisions, by owning agency: who owes what by when. Late ones come first.',
    caption: 'Follow-ups of {owner}',
    empty: 'No follow-ups match.',
    unowned: 'No owner yet',
    ownerCount: '{count}',
    ownerOverdue: '{count} late',
    filters: {
      legend: 'Find follow-ups',
      owner: 'Owner',
      allOwners: 'All agencies',
      state: 'State',
      stateOpen: 'Still owed (open, in progress)',
      stateAny: 'Any state',
      overdueOnly: 'Late only',
      meeting: 'Only meeting #{id}',
      clearMeeting: 'All meetings',
      reset: 'Reset',
    },
    ownDefault: 'Your own agency’s follow-ups are shown first.',
    columns: {
      title: 'Follow-up',
      meeting: 'Meeting',
      dueOn: 'Due',
      state: 'State',
      progress: 'Progress',
      actions: 'Actions',
    },
    meetingNumber: 'No. {n}',
    meetingLink: 'Meeting #{id}',
    daysLate: '{days} days late',
    noDue: 'No due date',
    percent: '{value}%',
    lastNote: 'Latest report',
    act: 'Report',
    close: 'Close',
    moved: 'Done: {move}.',
    fields: {
      percent: 'Progress (%)',
      note: 'What was done',
      evidence: 'Evidence (document number or link)',
      reason: 'Reason for cancelling',
    },
    moveHints: {
      in_progress: 'Report the progress and what was done so far.',
      done: 'Report it done, with the evidence if there is any.',
      cancelled: 'Only the secretariat cancels. Give the reason.',
    },
  },
  followUpMoves: {
    open: 'Back to open',
    in_progress: 'Report progress',
    done: 'Report done',
    cancelled: 'Cancel',
  },
  followUpStates: {
    open: 'Open',
    in_progress: 'In progress',
    done: 'Done',
    cancelled: 'Cancelled',
  },
};
