import { describe, expect, it } from 'vitest';
import {
  buildMinutesRequest,
  decisionsSheetHref,
  isLatest,
  minutesPdfHref,
  minutesShown,
  pickedVersion,
  remarksByAgendaId,
  remarksField,
  withApprovingMeeting,
} from './minutes';
import { meetingsEn } from './i18n/en';
import { meetingsKo } from './i18n/ko';

describe('buildMinutesRequest', () => {
  it('keys remarks by agenda item id as a string and drops blank ones', () => {
    expect(buildMinutesRequest('  요지  ', { 12: ' 발언 ', 13: '   ', 14: '' })).toEqual({ summary: '요지', remarks: { '12': '발언' } });
  });
  it('sends a blank summary as null and an empty remarks object', () => {
    expect(buildMinutesRequest('  ', {})).toEqual({ summary: null, remarks: {} });
  });
});

describe('remarksByAgendaId', () => {
  it('matches the minutes lines to agenda items by numbering', () => {
    const agenda = [
      { id: 7, numbering: '1' },
      { id: 8, numbering: '1-1' },
      { id: 9, numbering: '2' },
    ];
    const items = [
      { numbering: '1', remarks: 'A' },
      { numbering: '1-1', remarks: null },
    ];
    expect(remarksByAgendaId(agenda, items)).toEqual({ 7: 'A', 8: '', 9: '' });
  });
  it('names the form fields by agenda item id', () => {
    expect(remarksField(42)).toBe('remarks-42');
  });
});

describe('minutes addresses and versions', () => {
  it('links the PDF with the picked version and the decisions sheet', () => {
    expect(minutesPdfHref('', 5)).toBe('/api/v1/meetings/5/minutes.pdf');
    expect(minutesPdfHref('https://api.example', 5, 2)).toBe('https://api.example/api/v1/meetings/5/minutes.pdf?version=2');
    expect(decisionsSheetHref('', 5)).toBe('/api/v1/meetings/5/decisions.xlsx');
  });
  it('takes a picked version only when the minutes list it', () => {
    expect(pickedVersion('2', [1, 2])).toBe(2);
    expect(pickedVersion('3', [1, 2])).toBeUndefined();
    expect(pickedVersion('x', [1])).toBeUndefined();
    expect(pickedVersion(null, [1])).toBeUndefined();
  });
  it('tells the latest version', () => {
    expect(isLatest({ versionNo: 2, versions: [1, 2] })).toBe(true);
    expect(isLatest({ versionNo: 1, versions: [1, 2] })).toBe(false);
    expect(isLatest({ versionNo: 1, versions: [] })).toBe(true);
  });
  it('shows minutes for held and closed meetings only', () => {
    expect(minutesShown('held')).toBe(true);
    expect(minutesShown('closed')).toBe(true);
    expect(minutesShown('convened')).toBe(false);
    expect(minutesShown('cancelled')).toBe(false);
  });
});

describe('withApprovingMeeting', () => {
  it('adds the approving meeting to an approval by a meeting', () => {
    expect(withApprovingMeeting({ to: 'approved', approvedBy: 'meeting' }, ' 31 ')).toEqual({ to: 'approved', approvedBy: 'meeting', approvingMeetingId: 31 });
  });
  it('leaves other moves and unreadable ids alone', () => {
    expect(withApprovingMeeting({ to: 'approved', approvedBy: 'chair' }, '31')).toEqual({ to: 'approved', approvedBy: 'chair' });
    expect(withApprovingMeeting({ to: 'approved', approvedBy: 'meeting' }, 'abc')).toEqual({ to: 'approved', approvedBy: 'meeting' });
  });
});

describe('minutes labels', () => {
  it('names every state, move and approval in Korean and English', () => {
    expect(meetingsKo.minutesStates).toEqual({ draft: '초안', circulated: '회람 중', approved: '승인됨', published: '공표됨' });
    for (const key of ['draft', 'circulated', 'approved', 'published'] as const) {
      expect(meetingsEn.minutesStates[key]).toBeTruthy();
      expect(meetingsEn.minutesMoves[key]).toBeTruthy();
    }
    expect(meetingsKo.minutes.version.replace('{n}', '2')).toBe('제2판');
    expect(Object.keys(meetingsEn.minutesApprovals)).toEqual(Object.keys(meetingsKo.minutesApprovals));
  });
});
