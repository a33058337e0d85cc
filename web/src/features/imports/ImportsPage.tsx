// The import page is one screen with one upload's state (file, progress, dry-run report, the real run, history),
// so it stays one component file over 400 lines; its pure rules are in imports.ts with their tests.
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, isAbort, type Problem, type UploadProgress } from '../../api/api';
import type { ImportErrorMode, ImportReportDto, ImportRunDto } from '../../api/client';
import { DataTable } from '../../ui/DataTable';
import { Timestamp } from '../../ui/Details';
import { FilterBar, SelectFilter } from '../../ui/FilterBar';
import { ProblemView } from '../../ui/ProblemView';
import { useI18n } from '../../i18n';
import { formatNumber } from '../../lib/format';
import {
  EMPHASISED_PROBLEMS,
  IMPORT_CHARSETS,
  IMPORT_ENTITIES,
  IMPORT_FILE_ACCEPT,
  charsetApplies,
  confirmChoice,
  contentTypeFor,
  formatBytes,
  formatDuration,
  hasRejectedRows,
  importHeaders,
  importPath,
  importTemplateUrl,
  percentOf,
  problemRowNumbers,
  problemRows,
  rejectedRowsUrl,
  type ImportAnswer,
  type ImportCharset,
  type ImportableEntity,
} from './imports';
import { newIdempotencyKey } from '../../lib/idempotency';
import { isOneOf } from '../../api/enums';
import { toQuery } from '../../lib/query';
import type { PagedList } from '../../lib/apiQuery';
import { paths } from '../../lib/paths';
import { useGo } from '../../lib/navigation';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useImportRuns, useImportUpload } from './api';
import './imports.css';

export function readFilters(search: URLSearchParams): { entity: ImportableEntity | undefined } {
  const entity = search.get('entity');
  return { entity: isOneOf(IMPORT_ENTITIES, entity) ? entity : undefined };
}

export function ImportsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.imports.title);
  const [search] = useSearchParams();
  const filters = readFilters(search);
  const history = useImportRuns(filters.entity);

  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>{t.imports.title}</h1>
        <p className="page__intro">{t.imports.intro}</p>
      </header>
      <ImportForm />
      <ImportHistory filterEntity={filters.entity} list={history} />
    </div>
  );
}

type Sending = { dryRun: boolean; progress?: UploadProgress };

/** Choose, dry-run, confirm. Every answer of the current file is kept until another file is chosen. */
function ImportForm() {
  const { t, fmt, locale } = useI18n();
  const upload = useImportUpload();
  const [entity, setEntity] = useState<ImportableEntity>('clusters');
  const [charset, setCharset] = useState<ImportCharset>('auto');
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [skip, setSkip] = useState(false);
  const [sending, setSending] = useState<Sending>();
  const [checked, setChecked] = useState<ImportAnswer>();
  const [imported, setImported] = useState<ImportAnswer>();
  // One Idempotency-Key per confirmed file and error mode: a double click or a resend after a lost
  // answer replays the first run instead of importing twice; another mode is another request.
  const keys = useRef(new Map<ImportErrorMode, string>());
  const controller = useRef<AbortController | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => () => controller.current?.abort(), []);

  /** Anything chosen anew makes the earlier answers stale. */
  function startOver() {
    controller.current?.abort();
    controller.current = undefined;
    keys.current.clear();
    setSending(undefined);
    setChecked(undefined);
    setImported(undefined);
    setSkip(false);
  }

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    startOver();
    const chosen = event.target.files?.[0];
    setFile(chosen);
    setFileError(chosen && !contentTypeFor(chosen.name) ? t.imports.form.unsupported : undefined);
  }

  async function send(dryRun: boolean) {
    if (!file || sending) return;
    const contentType = contentTypeFor(file.name);
    if (!contentType) {
      setFileError(t.imports.form.unsupported);
      return;
    }
    const onError: ImportErrorMode = skip ? 'skip' : 'fail';
    let idempotencyKey: string | undefined;
    if (!dryRun) {
      idempotencyKey = keys.current.get(onError) ?? newIdempotencyKey();
      keys.current.set(onError, idempotencyKey);
    }
    const current = new AbortController();
    controller.current = current;
    setSending({ dryRun });
    if (dryRun) setChecked(undefined);
    setImported(undefined);
    let answer: ImportAnswer;
    try {
      answer = await upload.mutateAsync({
        entity,
        dryRun,
        request: {
          path: importPath(entity, { dryRun, onError, charset, fileName: file.name }),
          body: file,
          headers: importHeaders(contentType, idempotencyKey),
          onProgress: (progress) => {
            if (!current.signal.aborted) setSending({ dryRun, progress });
          },
        },
        signal: current.signal,
      });
    } catch (failure) {
      if (isAbort(failure) || current.signal.aborted) return;
      answer = { kind: 'problem', problem: failure as Problem };
    }
    if (current.signal.aborted) return;
    controller.current = undefined;
    setSending(undefined);
    if (dryRun) setChecked(answer);
    else setImported(answer);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setFileError(t.imports.form.chooseFile);
      return;
    }
    void send(true);
  }

  function another() {
    startOver();
    setFile(undefined);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  }

  const dryReport = checked?.kind === 'report' ? checked.report : undefined;
  const done = imported?.kind === 'report' && imported.report.outcome === 'imported';
  const choice = dryReport ? confirmChoice(dryReport) : undefined;

  return (
    <section className="card import-card" aria-labelledby="import-form-title">
      <h2 id="import-form-title" className="card__title">
        {t.imports.form.legend}
      </h2>
      <form className="import-form" onSubmit={submit} data-testid="import-form" noValidate>
        <div className="field">
          <label htmlFor="import-entity">{t.imports.form.entity}</label>
          <select
            id="import-entity"
            value={entity}
            onChange={(e) => {
              if (!isOneOf(IMPORT_ENTITIES, e.target.value)) return;
              startOver();
              setEntity(e.target.value);
            }}
            data-testid="import-entity"
          >
            {IMPORT_ENTITIES.map((value) => (
              <option key={value} value={value}>
                {t.importEntities[value]}
              </option>
            ))}
          </select>
          <a href={importTemplateUrl(api.baseUrl, entity)} download className="import-form__template" data-testid="import-template">
            {t.imports.form.template}
          </a>
        </div>
        <div className="field field--grow">
          <label htmlFor="import-file">{t.imports.form.file}</label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept={IMPORT_FILE_ACCEPT}
            onChange={chooseFile}
            aria-describedby="import-file-hint"
            aria-invalid={fileError ? true : undefined}
            data-testid="import-file"
          />
          <p id="import-file-hint" className="form-field__hint">
            {file ? fmt(t.imports.form.chosen, { name: file.name, size: formatBytes(locale, file.size) }) : t.imports.form.fileHint}
          </p>
          {fileError && (
            <p className="form-field__error" role="alert" data-testid="field-error">
              {fileError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="import-charset">{t.imports.form.charset}</label>
          <select
            id="import-charset"
            value={charset}
            disabled={file !== undefined && !charsetApplies(file.name)}
            onChange={(e) => {
              if (!isOneOf(IMPORT_CHARSETS, e.target.value)) return;
              startOver();
              setCharset(e.target.value);
            }}
            data-testid="import-charset"
          >
            {IMPORT_CHARSETS.map((value) => (
              <option key={value} value={value}>
                {t.imports.charsets[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__buttons">
          <button type="submit" className="button button--primary" disabled={sending !== undefined || fileError !== undefined} data-testid="import-check">
            {sending?.dryRun ? t.imports.form.checking : t.imports.form.check}
          </button>
        </div>
      </form>

      {sending && <UploadProgressView sending={sending} onCancel={startOver} />}

      {checked && <AnswerView answer={checked} />}

      {dryReport && choice && !done && (
        <div className="card__body import-confirm" data-testid="import-confirm-step">
          <h3 className="import-section-title">{t.imports.confirm.title}</h3>
          {choice.canImport ? (
            <>
              <p>{fmt(t.imports.confirm.ready, { count: formatNumber(locale, dryReport.totals.rows - dryReport.totals.rejected) })}</p>
              {choice.offerSkip && (
                <>
                  <label className="checkbox">
                    <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} data-testid="import-skip" />
                    <span>{fmt(t.imports.confirm.skip, { count: formatNumber(locale, dryReport.totals.rejected) })}</span>
                  </label>
                  <p className="form-field__hint">{t.imports.confirm.skipHint}</p>
                </>
              )}
              <button
                type="button"
                className="button button--primary"
                onClick={() => void send(false)}
                disabled={sending !== undefined}
                aria-busy={sending !== undefined && !sending.dryRun}
                data-testid="import-confirm"
              >
                {sending && !sending.dryRun ? t.imports.confirm.running : t.imports.confirm.run}
              </button>
            </>
          ) : (
            <p className="form-alert" data-testid="import-nothing">
              {t.imports.confirm.nothing}
            </p>
          )}
        </div>
      )}

      {imported && <AnswerView answer={imported} />}

      {done && (
        <div className="card__body">
          <button type="button" className="button" onClick={another} data-testid="import-again">
            {t.imports.confirm.again}
          </button>
        </div>
      )}
    </section>
  );
}

function UploadProgressView({ sending, onCancel }: { sending: Sending; onCancel: () => void }) {
  const { t, fmt, locale } = useI18n();
  const progress = sending.progress;
  const uploaded = progress !== undefined && progress.loaded >= progress.total;
  return (
    <div className="card__body import-progress" data-testid="import-progress" aria-live="polite">
      <label htmlFor="import-progress-bar" className="field__label">
        {t.imports.progress.label}
      </label>
      <progress id="import-progress-bar" max={progress?.total || 1} value={uploaded ? undefined : (progress?.loaded ?? 0)} />
      <p className="form-field__hint">
        {uploaded
          ? t.imports.progress.processing
          : progress
            ? fmt(t.imports.progress.sent, {
                sent: formatBytes(locale, progress.loaded),
                total: formatBytes(locale, progress.total),
                percent: percentOf(progress.loaded, progress.total),
              })
            : t.common.loading}
      </p>
      <button type="button" className="button button--small" onClick={onCancel}>
        {t.imports.progress.cancel}
      </button>
    </div>
  );
}

/** A report (with the 422's sentence when nothing was written), or the problem in place. */
function AnswerView({ answer }: { answer: ImportAnswer }) {
  if (answer.kind === 'problem') {
    return (
      <div className="card__body" data-testid="import-problem">
        <ProblemView problem={answer.problem} />
      </div>
    );
  }
  return <ReportView report={answer.report} problem={answer.problem} />;
}

function ReportView({ report, problem }: { report: ImportReportDto; problem?: Problem }) {
  const { t, fmt, locale } = useI18n();
  const rows = problemRows(report.problems);
  const rowCount = problemRowNumbers(report.problems).length;
  const totals = report.totals;
  const figures = [
    ['rows', totals.rows],
    ['created', totals.created],
    ['updated', totals.updated],
    ['unchanged', totals.unchanged],
    ['rejected', totals.rejected],
  ] as const;
  const note = report.dryRun ? t.imports.report.dryRunNote : report.outcome === 'rejected' ? t.imports.report.rejectedNote : t.imports.report.importedNote;

  return (
    <div className="card__body import-report" data-testid="import-report" data-dry-run={report.dryRun} data-outcome={report.outcome}>
      <h3 className="import-section-title">{report.dryRun ? t.imports.report.dryRunTitle : t.imports.report.runTitle}</h3>
      <p className={report.outcome === 'rejected' ? 'form-alert' : 'notice'} role={report.outcome === 'rejected' ? 'alert' : 'status'}>
        {note}
        {problem?.detail && <span className="import-report__detail" lang="en">{problem.detail}</span>}
      </p>
      <dl className="stats__figures import-totals" aria-label={t.imports.report.totals}>
        {figures.map(([kind, value]) => (
          <div key={kind} className={kind === 'rejected' && value > 0 ? 'stats__figure stats__figure--late' : 'stats__figure'}>
            <dt>{t.imports.report[kind]}</dt>
            <dd data-testid="import-total" data-kind={kind}>
              {formatNumber(locale, value)}
            </dd>
          </div>
        ))}
      </dl>

      {rows.length === 0 ? (
        <p className="muted">{t.imports.report.noProblems}</p>
      ) : (
        <>
          <h4 className="import-section-title">{t.imports.report.problemsTitle}</h4>
          <p>{fmt(t.imports.report.rowsNamed, { count: formatNumber(locale, rowCount), first: Math.min(EMPHASISED_PROBLEMS, rows.length) })}</p>
          {report.problemsTruncated && (
            <p className="form-alert" data-testid="import-truncated">
              {fmt(t.imports.report.truncated, { shown: formatNumber(locale, rows.length) })}
            </p>
          )}
          <div className="table-wrap">
            <table className="table table--stack import-problems">
              <caption className="visually-hidden">{t.imports.report.problemsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.imports.report.columns.row}</th>
                  <th scope="col">{t.imports.report.columns.column}</th>
                  <th scope="col">{t.imports.report.columns.key}</th>
                  <th scope="col">{t.imports.report.columns.message}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr
                    key={index}
                    className={row.emphasised ? 'import-problems__first' : undefined}
                    data-testid="import-problem-row"
                    data-row={row.row}
                    data-column={row.column ?? ''}
                    data-emphasised={row.emphasised}
                  >
                    <th scope="row" data-label={t.imports.report.columns.row}>
                      {formatNumber(locale, row.row)}
                      {row.emphasised && <span className="visually-hidden"> ({t.imports.report.firstMark})</span>}
                    </th>
                    <td data-label={t.imports.report.columns.column}>
                      {row.column ? (
                        // The column as the steward's file names it (지역 in a Korean file), the field name on hover.
                        <code className="import-column" title={row.column} data-testid="import-problem-column">
                          {row.header ?? row.column}
                        </code>
                      ) : (
                        <span className="muted">{t.imports.report.wholeRow}</span>
                      )}
                    </td>
                    <td data-label={t.imports.report.columns.key}>{row.key ?? <span className="muted">{t.common.none}</span>}</td>
                    <td data-label={t.imports.report.columns.message}>
                      <span lang="en">{row.message}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {totals.rejected > 0 && (
        <p>
          <a href={rejectedRowsUrl(api.baseUrl, report.id)} download data-testid="import-report-rejected-rows">
            {t.imports.report.rejectedRows}
          </a>
        </p>
      )}
    </div>
  );
}

function ImportHistory({ filterEntity, list }: { filterEntity: ImportableEntity | undefined; list: PagedList<ImportRunDto> }) {
  const navigate = useGo();
  const { t, fmt, locale } = useI18n();
  const c = t.imports.history.columns;
  return (
    <section className="import-history" aria-labelledby="import-history-title" data-testid="import-history">
      <h2 id="import-history-title">{t.imports.history.title}</h2>
      <FilterBar
        label={t.imports.history.title}
        onSubmit={(e) => e.preventDefault()}
        resetLabel={t.clusters.filters.reset}
        onReset={filterEntity ? () => navigate(paths.imports(), { keepScroll: true }) : undefined}
      >
        <SelectFilter
          id="import-history-entity"
          label={t.imports.history.entity}
          value={filterEntity}
          choices={IMPORT_ENTITIES.map((entity) => ({ code: entity, label: t.importEntities[entity] }))}
          onChange={(value) => navigate(paths.imports(toQuery({ entity: value })), { keepScroll: true })}
          testId="import-history-entity"
        />
      </FilterBar>
      <DataTable
        list={list}
        name="import-history"
        caption={t.imports.history.caption}
        className="table table--stack"
        columns={[c.startedAt, c.actor, c.entity, c.file, c.mode, c.outcome, c.totals, c.duration]}
        empty={t.imports.history.empty}
        row={(run) => (
          <tr key={run.id} data-testid="import-run-row" data-id={run.id} data-dry-run={run.dryRun} data-outcome={run.outcome}>
            <td>
              <Timestamp iso={run.startedAt} />
            </td>
            <td data-label={c.actor}>{run.actorName}</td>
            <td data-label={c.entity}>{(t.importEntities as Record<string, string>)[run.entity] ?? run.entity}</td>
            <td data-label={c.file}>
              {run.fileName ?? <span className="muted">{t.imports.history.noFileName}</span>}
              <div className="row-sub">
                {run.format.toUpperCase()}
                {run.charset ? ` · ${run.charset}` : ''} · {formatBytes(locale, run.bytes)}
              </div>
            </td>
            <td data-label={c.mode}>
              {run.dryRun ? t.imports.history.dryRun : t.imports.history.real}
              {!run.dryRun && run.onError === 'skip' && <div className="row-sub">{t.imports.history.skip}</div>}
            </td>
            <td data-label={c.outcome}>
              <span className={`badge badge--import-${run.outcome}`}>{t.importOutcomes[run.outcome] ?? run.outcome}</span>
            </td>
            <td data-label={c.totals}>
              {fmt(t.imports.history.totals, {
                rows: formatNumber(locale, run.totals.rows),
                created: formatNumber(locale, run.totals.created),
                updated: formatNumber(locale, run.totals.updated),
                unchanged: formatNumber(locale, run.totals.unchanged),
                rejected: formatNumber(locale, run.totals.rejected),
              })}
              {hasRejectedRows(run) && (
                <div>
                  <a href={rejectedRowsUrl(api.baseUrl, run.id)} download data-testid="import-rejected-rows">
                    {t.imports.history.rejectedRows}
                  </a>
                </div>
              )}
            </td>
            <td data-label={c.duration}>{formatDuration(locale, run.durationMs)}</td>
          </tr>
        )}
      />
    </section>
  );
}
