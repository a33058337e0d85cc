import { describe, expect, it } from 'vitest';
import { itemsConcerning, meetingValuesOf, titleSaysNumber, updateMeetingRequest, type MeetingValues } from './meetings';

const stored = {
  titleKo: '제2차 바이오 클러스터 협의체',
  titleEn: null,
  kind: 'in_person' as const,
  startsAt: '2026-12-14T05:00:00Z', // 14:00 in Korea
  endsAt: '2026-12-14T15:30:00Z', // 00:30 the next day in Korea
  venue: '정부세종청사',
  onlineUrl: null,
};

describe('editing a meeting’s details: KST in the form, instants in the request', () => {
  it('shows the stored UTC instants as Korean wall-clock time, across midnight too', () => {
    const values = meetingValuesOf(stored);
    expect(values.startsAt).toBe('2026-12-14T14:00');
    expect(values.endsAt).toBe('2026-12-15T00:30');
    expect(values.titleEn).toBe('');
    expect(values.onlineUrl).toBe('');
  });

  it('sends back what was entered as +09:00, the same instants when nothing changed', () => {
    const { body, errors } = updateMeetingRequest(meetingValuesOf(stored));
    expect(errors).toEqual({});
    expect(Date.parse(body!.startsAt)).toBe(Date.parse(stored.startsAt));
    expect(Date.parse(body!.endsAt!)).toBe(Date.parse(stored.endsAt));
    expect(body!.startsAt).toBe('2026-12-14T14:00:00+09:00');
    expect(body).not.toHaveProperty('bodyCode');
    expect(body!.titleEn).toBeNull();
  });

  it('keeps the planning rules: end after start, a link for online or hybrid, a real day', () => {
    const values: MeetingValues = { ...meetingValuesOf(stored), endsAt: '2026-12-14T13:00' };
    expect(updateMeetingRequest(values).errors).toEqual({ endsAt: 'endBeforeStart' });
    expect(updateMeetingRequest({ ...meetingValuesOf(stored), kind: 'hybrid' }).errors).toEqual({ onlineUrl: 'onlineUrl' });
    expect(updateMeetingRequest({ ...meetingValuesOf(stored), kind: 'online', venue: '', onlineUrl: 'https://meet.example.kr/2' }).body?.venue).toBeNull();
    expect(updateMeetingRequest({ ...meetingValuesOf(stored), startsAt: '2026-02-31T10:00' }).errors.startsAt).toBe('date');
  });
});

describe('the header says the number once', () => {
  it('knows when the title already says it', () => {
    expect(titleSaysNumber('제2차 바이오 클러스터 협의체', 2)).toBe(true);
    expect(titleSaysNumber('제 2 차 협의체 회의', 2)).toBe(true);
    expect(titleSaysNumber('제12차 협의체', 2)).toBe(false);
    expect(titleSaysNumber('제2차 협의체', 12)).toBe(false);
    expect(titleSaysNumber('정기회의', 2)).toBe(false);
    expect(titleSaysNumber('제2차 협의체', null)).toBe(false);
  });
});

describe('a cluster’s items on a meeting', () => {
  const link = (kind: 'cluster' | 'regulatory_issue', id: number) => ({ kind, id, label: `${kind}-${id}` });
  const items = [
    { id: 3, parentId: null, position: 2, links: [link('cluster', 7)] },
    { id: 1, parentId: null, position: 1, links: [link('regulatory_issue', 7)] },
    { id: 2, parentId: 1, position: 1, links: [link('cluster', 7), link('cluster', 8)] },
    { id: 4, parentId: null, position: 3, links: [link('cluster', 8)] },
  ];
  it('lists the items that link the cluster, in agenda order, not those that link an issue with the same id', () => {
    expect(itemsConcerning(items, 7).map((i) => i.id)).toEqual([2, 3]);
    expect(itemsConcerning(items, 9)).toEqual([]);
  });
});

describe('the meetings export holds what the page shows', () => {
  it('the calendar’s month as days, or the list’s states', async () => {
    const { meetingExportQuery } = await import('./meetings');
    expect(meetingExportQuery({ view: 'calendar', month: '2026-02', state: [] }).toString()).toBe('from=2026-02-01&to=2026-02-28');
    expect(meetingExportQuery({ view: 'list', month: '2026-02', state: ['held', 'closed'] }).toString()).toBe('state=held&state=closed');
  });
});
