// What the minutes section works out without React: the draft's request body, which agenda item a line of the
// minutes is, and the addresses of the PDF and the decisions sheet.
import type { AgendaItemDto, MinutesDto, MinutesItemDto, MinutesMoveRequest, MinutesRequest, MinutesState } from '../../api/client';

/** The minutes' states in the order they pass. */
export const MINUTES_STATES: readonly MinutesState[] = ['draft', 'circulated', 'approved', 'published'];

/** The name of a remarks field in the draft form. */
export function remarksField(agendaItemId: number): string {
  return `remarks-${agendaItemId}`;
}

/**
 * The draft's body: the summary (null when blank) and the remarks keyed by agenda item id as a string, leaving out
 * blank ones (the API replaces the whole set, so a remark cleared here is cleared there).
 */
export function buildMinutesRequest(summary: string, remarks: Readonly<Record<number, string>>): MinutesRequest {
  const kept: Record<string, string> = {};
  for (const [id, text] of Object.entries(remarks)) {
    const trimmed = text.trim();
    if (trimmed) kept[String(id)] = trimmed;
  }
  const s = summary.trim();
  return { summary: s ? s : null, remarks: kept };
}

/** The remarks the form starts with: each agenda item's line of the minutes, matched by its numbering. */
export function remarksByAgendaId(agenda: readonly Pick<AgendaItemDto, 'id' | 'numbering'>[], items: readonly Pick<MinutesItemDto, 'numbering' | 'remarks'>[]): Record<number, string> {
  const byNumbering = new Map(items.map((i) => [i.numbering, i.remarks ?? '']));
  return Object.fromEntries(agenda.map((a) => [a.id, byNumbering.get(a.numbering) ?? '']));
}

/** Minutes may be written once the meeting was held. */
export function minutesShown(meetingState: string): boolean {
  return meetingState === 'held' || meetingState === 'closed';
}

function withVersion(path: string, version: number | undefined): string {
  return version === undefined ? path : `${path}?version=${version}`;
}

/** The minutes as a PDF; a picked version adds `?version=N`. */
export function minutesPdfHref(baseUrl: string, meetingId: number, version?: number): string {
  return withVersion(`${baseUrl}/api/v1/meetings/${meetingId}/minutes.pdf`, version);
}

/** The meeting's decisions and follow-ups as a sheet. */
export function decisionsSheetHref(baseUrl: string, meetingId: number): string {
  return `${baseUrl}/api/v1/meetings/${meetingId}/decisions.xlsx`;
}

/** A version number from `?minutesVersion=`, only when the minutes list it. */
export function pickedVersion(raw: string | null | undefined, versions: readonly number[]): number | undefined {
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return versions.includes(n) ? n : undefined;
}

/** Whether the shown version is the latest (only the latest can be changed). */
export function isLatest(minutes: Pick<MinutesDto, 'versionNo' | 'versions'>): boolean {
  return minutes.versions.length === 0 || minutes.versionNo >= Math.max(...minutes.versions);
}

/** An approval by a meeting names that meeting; other moves go as the form built them. */
export function withApprovingMeeting(body: MinutesMoveRequest, approvingMeetingId: string): MinutesMoveRequest {
  if (body.approvedBy !== 'meeting') return body;
  const id = approvingMeetingId.trim();
  return /^\d+$/.test(id) ? { ...body, approvingMeetingId: Number(id) } : body;
}
