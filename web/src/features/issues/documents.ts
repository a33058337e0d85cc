// What the issue's documents section works out without React: which files to offer, how to send one, and how to
// read the API's answer to an upload. The API checks every file by its content; this only spares people a wait.
import { problemOf, type HttpAnswer, type Problem } from '../../api/api';
import type { DocumentDto } from '../../api/client';

/** The extensions the API takes (api/Features/Documents/DocumentContentCheck.cs), for the file picker. */
export const DOCUMENT_EXTENSIONS = [
  'pdf', 'hwp', 'hwpx', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'txt', 'csv',
] as const;

/** The API's default limit (Documents:MaxBytes); a larger configured limit still lets the API decide. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export const ACCEPT = DOCUMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** The lower-case extension of a file name, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

export type FileCheck = 'ok' | 'empty' | 'tooLarge' | 'type';

/** What can be told before sending: an empty file, one over the limit, one of a type the API never takes. */
export function checkFile(file: { name: string; size: number }, maxBytes: number = DOCUMENT_MAX_BYTES): FileCheck {
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'tooLarge';
  return 'ok';
}

/** The multipart form of an upload: the file, and the title when one was given. */
export function documentForm(file: Blob, fileName: string, title: string): FormData {
  const form = new FormData();
  form.append('file', file, fileName);
  const trimmed = title.trim();
  if (trimmed) form.append('title', trimmed);
  return form;
}

/**
 * The record a document belongs to: a regulatory issue, a meeting, a follow-up, an agenda item or a meeting's minutes (`id`
 * is then the meeting's). The API gives them all the same shapes.
 */
export interface DocumentOwner {
  kind: 'issue' | 'meeting' | 'followUp' | 'agendaItem' | 'minutes' | 'collaborationProject';
  id: number;
}

const OWNER_PATHS: Record<DocumentOwner['kind'], (id: number) => string> = {
  issue: (id) => `/api/v1/regulatory-issues/${id}/documents`,
  meeting: (id) => `/api/v1/meetings/${id}/documents`,
  followUp: (id) => `/api/v1/follow-ups/${id}/documents`,
  agendaItem: (id) => `/api/v1/agenda-items/${id}/documents`,
  minutes: (id) => `/api/v1/meetings/${id}/minutes/documents`,
  collaborationProject: (id) => `/api/v1/collaboration-projects/${id}/documents`,
};

/** Where the owner's documents are listed and uploaded. */
export function documentsPath(owner: DocumentOwner): string {
  return OWNER_PATHS[owner.kind](owner.id);
}

/** The query key of the owner's documents. */
export function documentsKey(owner: DocumentOwner): readonly unknown[] {
  switch (owner.kind) {
    case 'followUp':
      return ['follow-ups', 'documents', owner.id];
    case 'meeting':
      return ['meetings', 'documents', owner.id];
    case 'agendaItem':
      return ['meetings', 'documents', 'item', owner.id];
    case 'minutes':
      return ['meetings', 'documents', 'minutes', owner.id];
    default:
      return ['issues', 'documents', owner.id];
  }
}

/** Where the browser downloads a document (the API answers as an attachment under its safe name). */
export function downloadHref(baseUrl: string, document: Pick<DocumentDto, 'contentUrl'>): string {
  return `${baseUrl}${document.contentUrl}`;
}

/** What to show for a document: its title, else its file name. */
export function documentLabel(document: Pick<DocumentDto, 'title' | 'fileName'>): string {
  return document.title?.trim() || document.fileName;
}

export type UploadAnswer = { kind: 'created'; document: DocumentDto } | { kind: 'problem'; problem: Problem };

/** The API's answer to an upload: 201 with the document, or any other status as a Problem. */
export function readUploadAnswer(answer: Pick<HttpAnswer, 'status' | 'text'>): UploadAnswer {
  if (answer.status === 201) {
    try {
      const document = JSON.parse(answer.text) as DocumentDto;
      if (typeof document?.id === 'number') return { kind: 'created', document };
    } catch {
      // an unreadable success is reported as a problem below
    }
    return { kind: 'problem', problem: { status: 201, title: 'Unreadable response' } };
  }
  return { kind: 'problem', problem: problemOf(answer) };
}
