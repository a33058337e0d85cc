import { useRef, useState, type FormEvent } from 'react';
import { api, isAbort, type Problem, type UploadProgress } from '../../api/api';
import type { DocumentDto } from '../../api/client';
import { useI18n } from '../../i18n';
import { keyAfterSend, newIdempotencyKey } from '../../lib/idempotency';
import { Timestamp } from '../../ui/Details';
import { Dialog } from '../../ui/Dialog';
import { Field, FormProblem, Notice, splitErrors, type FieldErrors } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { formatBytes, percentOf } from '../imports/imports';
import { useDeleteDocument, useDocuments, useUploadDocument } from './api';
import { ACCEPT, DOCUMENT_MAX_BYTES, checkFile, documentLabel, downloadHref, type DocumentOwner } from './documents';


/**
 * An issue's (or a meeting's) documents: download links for every reader, an upload form and delete buttons for those
 * the API allows. `intro` replaces the issue's line under the title; `title` the section's heading (several sections on one
 * page, e.g. the meeting's papers and its minutes' annexes, each get their own ids from their owner).
 */
export function IssueDocuments({ owner, intro, title, testId = 'documents' }: { owner: DocumentOwner; intro?: string; title?: string; testId?: string }) {
  const { t, fmt, locale } = useI18n();
  const documents = useDocuments(owner);
  const remove = useDeleteDocument(owner);
  const [deleting, setDeleting] = useState<DocumentDto>();
  const [deleted, setDeleted] = useState(false);

  return (
    <section className="card" aria-labelledby={`documents-title-${owner.kind}-${owner.id}`} data-testid={testId}>
      <h2 id={`documents-title-${owner.kind}-${owner.id}`} className="card__title">
        {title ?? t.documents.title}
      </h2>
      <div className="card__body">
        <p className="muted">{intro ?? t.documents.intro}</p>
        {documents.isPending && <Loading />}
        {documents.isError && !documents.data && <ProblemView problem={documents.error} onRetry={() => void documents.refetch()} />}
        {deleted && <Notice testId="document-deleted">{t.documents.deleted}</Notice>}
        {documents.data &&
          (documents.data.items.length === 0 ? (
            <p className="muted" data-testid="documents-empty">
              {t.documents.empty}
            </p>
          ) : (
            <ul className="comments" aria-label={t.documents.caption}>
              {documents.data.items.map((document) => (
                <li key={document.id} className="comment" data-testid="document" data-id={document.id}>
                  <div className="comment__head">
                    <a href={downloadHref(api.baseUrl, document)} download={document.downloadName} data-testid="document-download">
                      {documentLabel(document)}
                    </a>
                    <span className="history__time">
                      {formatBytes(locale, document.size)} · {document.createdByName} · <Timestamp iso={document.createdAt} />
                    </span>
                  </div>
                  {document.title && <p className="muted">{document.fileName}</p>}
                  {document.mayDelete && (
                    <button type="button" className="button button--small" onClick={() => setDeleting(document)} data-testid="document-delete">
                      {t.documents.delete}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          ))}
        {documents.data?.mayAttach && <UploadForm owner={owner} onUploaded={() => setDeleted(false)} />}
      </div>

      <Dialog open={deleting !== undefined} title={t.documents.deleteTitle} onClose={() => setDeleting(undefined)} testId="document-delete-dialog" tone="danger">
        {deleting && (
          <>
            <p>{fmt(t.documents.deleteConfirm, { name: documentLabel(deleting) })}</p>
            {remove.error && <ProblemView problem={remove.error} />}
            <div className="form__actions">
              <button type="button" className="button" onClick={() => setDeleting(undefined)}>
                {t.documents.deleteCancel}
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={remove.isPending}
                data-testid="document-delete-confirm"
                onClick={() =>
                  remove.mutate(deleting.id, {
                    onSuccess: () => {
                      setDeleting(undefined);
                      setDeleted(true);
                    },
                  })
                }
              >
                {remove.isPending ? t.documents.deleting : t.documents.delete}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}

function UploadForm({ owner, onUploaded }: { owner: DocumentOwner; onUploaded: () => void }) {
  // Field ids come from the form's name: one per owner, so two upload forms on one page never share ids.
  const uploadForm = `document-upload-${owner.kind}-${owner.id}`;
  const { t, fmt, locale } = useI18n();
  const upload = useUploadDocument(owner);
  const key = useRef(newIdempotencyKey());
  const controller = useRef<AbortController>(undefined);
  const [progress, setProgress] = useState<UploadProgress>();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const [uploaded, setUploaded] = useState<string>();
  const max = formatBytes(locale, DOCUMENT_MAX_BYTES);
  const failure = upload.error && !isAbort(upload.error) ? (upload.error as Problem) : undefined;
  const { inPlace, rest } = splitErrors(failure, ['file', 'title']);
  const errors = { ...inPlace, ...ownErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get('file');
    setUploaded(undefined);
    if (!(file instanceof File) || file.name === '') {
      setOwnErrors({ file: [t.documents.chooseFile] });
      return;
    }
    const check = checkFile(file);
    if (check !== 'ok') {
      setOwnErrors({ file: [fmt(t.documents.fileErrors[check], { max })] });
      return;
    }
    setOwnErrors({});
    const current = new AbortController();
    controller.current = current;
    setProgress({ loaded: 0, total: file.size });
    upload.mutate(
      { file, title: String(data.get('title') ?? ''), idempotencyKey: key.current, onProgress: setProgress, signal: current.signal },
      {
        onSuccess: (document) => {
          key.current = keyAfterSend(key.current, { kind: 'ok' }, newIdempotencyKey);
          form.reset();
          setUploaded(documentLabel(document));
          onUploaded();
        },
        onError: (problem) => {
          if (!isAbort(problem)) key.current = keyAfterSend(key.current, { kind: 'problem', problem: problem as Problem }, newIdempotencyKey);
        },
        onSettled: () => {
          controller.current = undefined;
          setProgress(undefined);
        },
      },
    );
  }

  const sending = upload.isPending;
  const done = progress !== undefined && progress.total > 0 && progress.loaded >= progress.total;
  return (
    <form className="comment-form" onSubmit={submit} noValidate aria-busy={sending} data-testid="document-upload">
      <h3>{t.documents.uploadLegend}</h3>
      <Field form={uploadForm} name="file" label={t.documents.file} errors={errors} hint={fmt(t.documents.fileHint, { max })} required>
        {(p) => <input {...p} type="file" accept={ACCEPT} disabled={sending} />}
      </Field>
      <Field form={uploadForm} name="title" label={t.documents.titleLabel} errors={errors} hint={t.documents.titleHint}>
        {(p) => <input {...p} type="text" maxLength={200} disabled={sending} />}
      </Field>
      <FormProblem errors={errors} rest={rest} />
      {uploaded && <Notice testId="document-uploaded">{fmt(t.documents.uploaded, { name: uploaded })}</Notice>}
      {sending && progress && (
        <div aria-live="polite" data-testid="document-progress">
          <progress max={progress.total || 1} value={done ? undefined : progress.loaded} />
          <p className="form-field__hint">{done ? t.documents.processing : fmt(t.documents.sending, { percent: percentOf(progress.loaded, progress.total) })}</p>
        </div>
      )}
      <div className="form__actions">
        {sending && (
          <button type="button" className="button" onClick={() => controller.current?.abort()}>
            {t.documents.cancel}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={sending} data-testid="document-submit">
          {t.documents.submit}
        </button>
      </div>
    </form>
  );
}
