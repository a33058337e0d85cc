// The regulatory issues' server state: query keys, reads and writes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, versioned, type Clients, type UploadProgress, type Versioned } from '../../api/api';
import type {
  CreateRegulatoryIssueRequest,
  IssueStatus,
  IssueTransitionRequest,
  RegulatoryIssueDto,
  RegulatoryIssueSummaryDtoPage,
  UpdateRegulatoryIssueRequest,
} from '../../api/client';
import { refreshAfterWrite, run, usePagedQuery } from '../../lib/apiQuery';
import { issueListArgs, type IssueFilters, type IssueSort } from './issues';
import {
  addRegulatoryIssueComment,
  createRegulatoryIssue,
  listAgendaItemDocuments,
  listFollowUpDocuments,
  listMeetingDocuments,
  listMinutesDocuments,
  listCollaborationProjectDocuments,
  listRegulatoryIssueDocuments,
  listRegulatoryIssues,
} from '../../api/operations';
import { documentForm, documentsKey, documentsPath, readUploadAnswer, type DocumentOwner } from './documents';

const PAGE_SIZE = 50;
/** Cards per board column; the rest are a link to the list of that status. */
export const BOARD_LIMIT = 20;

export const issueKeys = {
  all: ['issues'] as const,
  list: (filters: IssueFilters, sort: IssueSort) => ['issues', 'list', filters, sort] as const,
  board: (filters: IssueFilters, sort: IssueSort, columns: readonly IssueStatus[]) => ['issues', 'board', filters, sort, columns] as const,
  /** How many of a list are overdue (the total of a one-row page). */
  overdueCount: (filters: IssueFilters) => ['issues', 'overdue-count', filters] as const,
  stats: () => ['issues', 'stats'] as const,
  detail: (id: number) => ['issues', 'detail', id] as const,
  forEdit: (id: number) => ['issues', 'edit', id] as const,
  history: (id: number) => ['issues', 'history', id] as const,
  comments: (id: number) => ['issues', 'comments', id] as const,
  documents: (id: number) => ['issues', 'documents', id] as const,
};

export function listIssues(clients: Clients, filters: IssueFilters, sort: IssueSort, limit: number, cursor?: string): Promise<RegulatoryIssueSummaryDtoPage> {
  return listRegulatoryIssues(clients.issues, { ...issueListArgs(filters), sort, limit, cursor });
}

export function useIssueList(filters: IssueFilters, sort: IssueSort) {
  return usePagedQuery(issueKeys.list(filters, sort), (clients, cursor) => listIssues(clients, filters, sort, PAGE_SIZE, cursor));
}

/** One request per column, so each column's count is exact; the board shows once all have answered. */
export function useIssueBoard(filters: IssueFilters, sort: IssueSort, columns: readonly IssueStatus[]) {
  return useQuery({
    queryKey: issueKeys.board(filters, sort, columns),
    queryFn: ({ signal }) =>
      run(
        (clients) =>
          Promise.all(
            columns.map(async (status) => ({ status, page: await listIssues(clients, { ...filters, status: [status] }, sort, BOARD_LIMIT) })),
          ),
        signal,
      ),
  });
}

export function useOverdueCount(filters: IssueFilters) {
  return useQuery({
    queryKey: issueKeys.overdueCount(filters),
    queryFn: ({ signal }) => run((clients) => listIssues(clients, { ...filters, overdue: true }, 'dueAt', 1), signal),
    select: (page) => page.totalCount,
  });
}

export function useIssueStats() {
  return useQuery({
    queryKey: issueKeys.stats(),
    queryFn: ({ signal }) => run((clients) => clients.issues.getRegulatoryIssueStats(), signal),
  });
}

/**
 * The issue with its ETag. The detail page moves it and the edit page changes it, so each opens on a
 * fresh read (nothing is kept once the page is gone): a move or an edit never starts from an old version.
 */
export function useIssue(id: number, purpose: 'detail' | 'edit') {
  return useQuery({
    queryKey: purpose === 'detail' ? issueKeys.detail(id) : issueKeys.forEdit(id),
    queryFn: ({ signal }) => run(async (clients) => versioned(await clients.issues.getRegulatoryIssue(id)), signal),
    gcTime: 0,
  });
}

export function useIssueHistory(id: number) {
  return useQuery({
    queryKey: issueKeys.history(id),
    queryFn: ({ signal }) => run((clients) => clients.issues.getRegulatoryIssueHistory(id), signal),
  });
}

export function useIssueComments(id: number) {
  return useQuery({
    queryKey: issueKeys.comments(id),
    queryFn: ({ signal }) => run((clients) => clients.issues.listRegulatoryIssueComments(id), signal),
  });
}

/** `idempotencyKey`: sent with the create, so a double submit or a resend raises the issue once. */
export function useCreateIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateRegulatoryIssueRequest; idempotencyKey: string }) =>
      run((clients) => createRegulatoryIssue(clients.issues, { body, idempotency_Key: idempotencyKey })),
    onSuccess: () => refreshAfterWrite(queryClient, issueKeys.all),
  });
}

export function useReplaceIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ loaded, body }: { loaded: Versioned<RegulatoryIssueDto>; body: UpdateRegulatoryIssueRequest }) =>
      run((clients) => clients.issues.replaceRegulatoryIssue(loaded.value.id, loaded.etag, body)),
    onSuccess: () => refreshAfterWrite(queryClient, issueKeys.all),
  });
}

/**
 * A workflow move; the API answers with the issue as it now is (and its ETag). The detail page puts
 * that answer in its own query (see IssueDetailPage); everything else about issues is refreshed.
 */
export function useMoveIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ issue, body }: { issue: Versioned<RegulatoryIssueDto>; body: IssueTransitionRequest }) =>
      run(async (clients) => versioned(await clients.issues.moveRegulatoryIssue(issue.value.id, issue.etag, body))),
    onSuccess: (moved) =>
      refreshAfterWrite(
        queryClient,
        ['issues', 'list'],
        ['issues', 'board'],
        ['issues', 'overdue-count'],
        issueKeys.stats(),
        issueKeys.history(moved.value.id),
      ),
  });
}

export function useAddComment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, idempotencyKey }: { text: string; idempotencyKey: string }) =>
      run((clients) => addRegulatoryIssueComment(clients.issues, { id, body: { text }, idempotency_Key: idempotencyKey })),
    onSuccess: () => refreshAfterWrite(queryClient, issueKeys.comments(id)),
  });
}

/** An issue's or a meeting's documents, newest first (a handful: the first 200 are shown), and whether the caller may attach. */
export function useDocuments(owner: DocumentOwner) {
  const { kind, id } = owner;
  return useQuery({
    queryKey: documentsKey(owner),
    queryFn: ({ signal }) =>
      run(
        (clients) =>
          ({
            followUp: listFollowUpDocuments,
            meeting: listMeetingDocuments,
            issue: listRegulatoryIssueDocuments,
            agendaItem: listAgendaItemDocuments,
            minutes: listMinutesDocuments,
            collaborationProject: listCollaborationProjectDocuments,
          })[kind](clients.documents, { id, limit: 200 }),
        signal,
      ),
  });
}

export interface DocumentUpload {
  file: File;
  title: string;
  idempotencyKey: string;
  onProgress: (progress: UploadProgress) => void;
  signal: AbortSignal;
}

/** Sends a file as multipart/form-data (api.upload: XMLHttpRequest, for the progress bar); any refusal is the Problem thrown. */
export function useUploadDocument(owner: DocumentOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, title, idempotencyKey, onProgress, signal }: DocumentUpload) => {
      const result = await api.upload(
        { path: documentsPath(owner), body: documentForm(file, file.name, title), headers: { 'Idempotency-Key': idempotencyKey }, onProgress },
        signal,
      );
      if (result.kind === 'problem') throw result.problem;
      if (result.kind === 'aborted') throw new DOMException('The upload was aborted.', 'AbortError');
      const answer = readUploadAnswer(result.value);
      if (answer.kind === 'problem') throw answer.problem;
      return answer.document;
    },
    onSuccess: () => refreshAfterWrite(queryClient, documentsKey(owner)),
  });
}

/** Deletes a document: reads its ETag first, so the delete names the version it removes. */
export function useDeleteDocument(owner: DocumentOwner) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: number) =>
      run(async (clients) => {
        const current = versioned(await clients.documents.getDocument(documentId));
        await clients.documents.deleteDocument(documentId, current.etag);
      }),
    onSuccess: () => refreshAfterWrite(queryClient, documentsKey(owner)),
  });
}
