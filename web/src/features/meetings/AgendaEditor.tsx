import { IssueDocuments } from '../issues/IssueDocuments';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { Versioned } from '../../api/api';
import type { AgendaItemDto, MeetingDto } from '../../api/client';
import { AGENDA_KINDS, AGENDA_VISIBILITIES, isOneOf } from '../../api/enums';
import { useMeetingsI18n } from './i18n';
import { paths } from '../../lib/paths';
import { Dialog } from '../../ui/Dialog';
import { Field, FormProblem, mergeErrors, Notice, splitErrors, type FieldErrors } from '../../ui/Form';
import { ProblemView } from '../../ui/ProblemView';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { clusterChoicesQuery } from '../clusters/api';
import { useChangeMeeting } from './api';
import { DecisionView } from './DecisionForm';
import { agendaItemRequest, agendaOrder, dropAgendaItem, moveAgendaItem, type AgendaValues } from './meetings';
import './meetings.css';

interface AgendaEditorProps {
  meeting: Versioned<MeetingDto>;
  manages: boolean;
  onReload: () => void;
}

/** The agenda, numbered as the API numbers it ("1", "2.1"); the secretariat adds, edits, deletes and reorders items while the meeting is open. */
export function AgendaEditor({ meeting, manages, onReload }: AgendaEditorProps) {
  const { t, fmt } = useMeetingsI18n();
  const m = meeting.value;
  const open = m.state === 'planned' || m.state === 'convened' || m.state === 'held';
  const editable = manages && open;
  const change = useChangeMeeting(meeting);
  const items = agendaOrder(m.agenda);
  const [editing, setEditing] = useState<AgendaItemDto | 'new'>();
  const [deleting, setDeleting] = useState<AgendaItemDto>();
  const [dragging, setDragging] = useState<number>();
  const [notice, setNotice] = useState<string>();
  const focusAfter = useRef<number>(undefined);
  const list = useRef<HTMLOListElement>(null);

  // After a reorder the moved item keeps the keyboard focus, wherever it now is.
  useEffect(() => {
    if (focusAfter.current == null) return;
    list.current?.querySelector<HTMLElement>(`[data-item-id="${focusAfter.current}"]`)?.focus();
    focusAfter.current = undefined;
  }, [meeting.etag]);

  function reorder(itemIds: number[] | undefined, id: number) {
    if (!itemIds || change.isPending) return;
    focusAfter.current = id;
    change.mutate((clients, etag) => clients.meetings.reorderAgenda(m.id, etag, { itemIds }), { onSuccess: () => setNotice(t.agenda.reordered) });
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, item: AgendaItemDto) {
    if (!editable || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    reorder(moveAgendaItem(m.agenda, item.id, event.key === 'ArrowUp' ? -1 : 1), item.id);
  }

  function onDrop(event: DragEvent<HTMLLIElement>, target: AgendaItemDto) {
    event.preventDefault();
    const id = dragging ?? Number(event.dataTransfer.getData('text/plain'));
    setDragging(undefined);
    if (id && id !== target.id) reorder(dropAgendaItem(m.agenda, id, target.id), id);
  }

  const blocking = change.error && [409, 412].includes(change.error.status);

  return (
    <section className="card" aria-labelledby="agenda-title" data-testid="agenda">
      <div className="card__title meeting-card-head">
        <h2 id="agenda-title">{t.agenda.title}</h2>
        {editable && (
          <button type="button" className="button button--primary button--small" onClick={() => setEditing('new')} data-testid="agenda-add">
            {t.agenda.add}
          </button>
        )}
      </div>
      <div className="card__body">
        {editable && items.length > 1 && <p className="muted agenda__hint">{t.agenda.reorderHint}</p>}
        {notice && !change.error && <Notice testId="agenda-notice">{notice}</Notice>}
        {change.error && (
          <ProblemView problem={change.error} message={blocking ? (change.error.status === 412 ? t.workflow.stale : t.workflow.conflict) : undefined} onRetry={onReload} />
        )}
        {items.length === 0 ? (
          <p className="muted">{t.agenda.empty}</p>
        ) : (
          <ol className="agenda" ref={list} aria-busy={change.isPending}>
            {items.map((item) => {
              const siblings = items.filter((i) => (i.parentId ?? null) === (item.parentId ?? null));
              const index = siblings.findIndex((s) => s.id === item.id);
              return (
                <li
                  key={item.id}
                  className={`agenda__item${item.parentId ? ' agenda__item--child' : ''}${dragging === item.id ? ' agenda__item--dragging' : ''}`}
                  data-testid="agenda-item"
                  data-item-id={item.id}
                  data-numbering={item.numbering}
                  tabIndex={editable ? 0 : undefined}
                  aria-label={editable ? `${item.numbering}. ${item.titleKo}` : undefined}
                  onKeyDown={(e) => onKeyDown(e, item)}
                  draggable={editable}
                  onDragStart={(e) => {
                    e.dataTransfer.setData('text/plain', String(item.id));
                    e.dataTransfer.effectAllowed = 'move';
                    setDragging(item.id);
                  }}
                  onDragEnd={() => setDragging(undefined)}
                  onDragOver={(e) => {
                    if (dragging != null && dragging !== item.id) e.preventDefault();
                  }}
                  onDrop={(e) => onDrop(e, item)}
                >
                  <div className="agenda__row">
                    {editable && (
                      <span className="agenda__handle" aria-hidden="true" title={fmt(t.agenda.dragHandle, { title: item.titleKo })}>
                        ⋮⋮
                      </span>
                    )}
                    <span className="agenda__number">{item.numbering}</span>
                    <div className="agenda__main">
                      <span className="agenda__title">
                        <span className="badge badge--kind">{t.agendaKinds[item.kind]}</span> {item.titleKo}
                        {item.visibility === 'internal' && <span className="badge agenda__internal">{t.agenda.internal}</span>}
                      </span>
                      <AgendaFacts item={item} />
                    </div>
                    {editable && (
                      <div className="agenda__actions">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={fmt(t.agenda.moveUp, { title: item.titleKo })}
                          disabled={index <= 0 || change.isPending}
                          onClick={() => reorder(moveAgendaItem(m.agenda, item.id, -1), item.id)}
                          data-testid="agenda-up"
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={fmt(t.agenda.moveDown, { title: item.titleKo })}
                          disabled={index >= siblings.length - 1 || change.isPending}
                          onClick={() => reorder(moveAgendaItem(m.agenda, item.id, 1), item.id)}
                          data-testid="agenda-down"
                        >
                          ↓
                        </button>
                        <button type="button" className="button button--small" onClick={() => setEditing(item)} data-testid="agenda-edit">
                          {t.agenda.edit}
                        </button>
                        {!item.decision && (
                          <button type="button" className="button button--small button--danger" onClick={() => setDeleting(item)} data-testid="agenda-delete">
                            {t.agenda.delete}
                          </button>
                        )}
                      </div>
                    )}
                  </div>
                  <DecisionView meeting={meeting} item={item} manages={manages} onReload={onReload} />
                  <ItemPapers itemId={item.id} title={item.titleKo} />
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <Dialog open={editing !== undefined} title={editing === 'new' ? t.agenda.formAdd : t.agenda.formEdit} onClose={() => setEditing(undefined)} testId="agenda-dialog">
        {editing !== undefined && (
          <AgendaItemForm meeting={meeting} item={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} />
        )}
      </Dialog>
      <Dialog open={deleting !== undefined} title={t.agenda.delete} onClose={() => setDeleting(undefined)} tone="danger" testId="agenda-delete-dialog">
        {deleting && (
          <div className="dialog__form">
            <p>{fmt(t.agenda.deleteConfirm, { title: deleting.titleKo })}</p>
            <div className="dialog__actions">
              <button
                type="button"
                className="button button--danger"
                data-testid="agenda-delete-confirm"
                onClick={() => {
                  const itemId = deleting.id;
                  setDeleting(undefined);
                  change.mutate((clients, etag) => clients.meetings.deleteAgendaItem(m.id, itemId, etag));
                }}
              >
                {t.agenda.delete}
              </button>
              <button type="button" className="button" onClick={() => setDeleting(undefined)}>
                {t.common.cancel}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </section>
  );
}

function AgendaFacts({ item }: { item: AgendaItemDto }) {
  const { t, fmt, name } = useMeetingsI18n();
  const presenter = [item.presenterAgency ? name(item.presenterAgency) : undefined, item.presenterName].filter(Boolean).join(' · ');
  if (!presenter && !item.durationMinutes && item.links.length === 0) return null;
  return (
    <span className="agenda__facts">
      {presenter && (
        <span>
          {t.agenda.presenter}: {presenter}
        </span>
      )}
      {item.durationMinutes != null && <span>{fmt(t.agenda.minutes, { n: item.durationMinutes })}</span>}
      {item.links.map((l) => (
        <span key={`${l.kind}-${l.id}`} className="tag">
          {l.kind === 'regulatory_issue' ? (
            <Link to={paths.issue(l.id)} title={l.label}>
              {fmt(t.agenda.issueLink, { id: l.id })}
            </Link>
          ) : (
            l.label
          )}
        </span>
      ))}
    </span>
  );
}

const AGENDA_FIELDS = ['titleKo', 'titleEn', 'kind', 'parentId', 'presenterAgencyCode', 'presenterName', 'durationMinutes', 'visibility', 'issueIds', 'clusterIds', 'links'] as const;

function AgendaItemForm({ meeting, item, onDone }: { meeting: Versioned<MeetingDto>; item?: AgendaItemDto; onDone: () => void }) {
  const { t, name, locale } = useMeetingsI18n();
  const m = meeting.value;
  const change = useChangeMeeting(meeting);
  const agencies = useAgencyChoices();
  const clusters = useQuery({
    ...clusterChoicesQuery(),
    select: (page) => page.items.map((c) => ({ id: c.id, label: name(c) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
  });
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(change.error ?? undefined, AGENDA_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace, inPlace.links ? { issueIds: inPlace.links } : {});
  const form = 'agenda-item';
  const parents = agendaOrder(m.agenda).filter((i) => i.parentId == null && i.id !== item?.id);
  const linked = (kind: string) => item?.links.filter((l) => l.kind === kind).map((l) => l.id) ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (f: string) => String(data.get(f) ?? '');
    const kind = text('kind');
    const visibility = text('visibility');
    const values: AgendaValues = {
      titleKo: text('titleKo'),
      titleEn: text('titleEn'),
      kind: isOneOf(AGENDA_KINDS, kind) ? kind : 'report',
      parentId: text('parentId'),
      presenterAgencyCode: text('presenterAgencyCode'),
      presenterName: text('presenterName'),
      durationMinutes: text('durationMinutes'),
      visibility: isOneOf(AGENDA_VISIBILITIES, visibility) ? visibility : 'public',
      issueIds: text('issueIds'),
      clusterIds: data.getAll('clusterIds').map(Number),
    };
    const { body, errors: found } = agendaItemRequest(values);
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, [t.formErrors[code]]])));
    if (!body) return change.reset();
    change.mutate(
      (clients, etag) => (item ? clients.meetings.replaceAgendaItem(m.id, item.id, etag, body) : clients.meetings.addAgendaItem(m.id, etag, body)),
      { onSuccess: onDone },
    );
  }

  const f = t.agenda.fields;
  return (
    <form className="dialog__form" onSubmit={submit} noValidate data-testid="agenda-form" aria-busy={change.isPending}>
      <div className="form__grid">
        <Field form={form} name="titleKo" label={f.titleKo} errors={errors} required wide>
          {(p) => <input {...p} maxLength={300} defaultValue={item?.titleKo} />}
        </Field>
        <Field form={form} name="titleEn" label={f.titleEn} errors={errors} wide>
          {(p) => <input {...p} maxLength={300} lang="en" defaultValue={item?.titleEn ?? ''} />}
        </Field>
        <Field form={form} name="kind" label={f.kind} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue={item?.kind ?? 'report'}>
              {AGENDA_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.agendaKinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="parentId" label={f.parentId} errors={errors}>
          {(p) => (
            <select {...p} defaultValue={item?.parentId != null ? String(item.parentId) : ''}>
              <option value="">{t.agenda.noParent}</option>
              {parents.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.numbering}. {i.titleKo}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="presenterAgencyCode" label={f.presenterAgencyCode} errors={errors}>
          {(p) => (
            <select {...p} defaultValue={item?.presenterAgency?.code ?? ''}>
              <option value="">{t.agenda.noPresenter}</option>
              {(agencies.data ?? []).map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="presenterName" label={f.presenterName} errors={errors}>
          {(p) => <input {...p} maxLength={100} defaultValue={item?.presenterName ?? ''} />}
        </Field>
        <Field form={form} name="durationMinutes" label={f.durationMinutes} errors={errors}>
          {(p) => <input {...p} type="number" min={1} max={600} step={1} inputMode="numeric" defaultValue={item?.durationMinutes ?? ''} />}
        </Field>
        <Field form={form} name="visibility" label={f.visibility} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue={item?.visibility ?? 'public'}>
              {AGENDA_VISIBILITIES.map((v) => (
                <option key={v} value={v}>
                  {t.agendaVisibilities[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="issueIds" label={f.issueIds} errors={errors} hint={t.agenda.issueIdsHint} wide>
          {(p) => <input {...p} inputMode="numeric" autoComplete="off" defaultValue={linked('regulatory_issue').join(', ')} />}
        </Field>
        <fieldset className="form-field form-field--wide checkbox-group">
          <legend>
            {f.clusterIds} <span className="form-field__optional">{t.form.optional}</span>
          </legend>
          <div className="checkbox-row">
            {(clusters.data ?? []).map((c) => (
              <label key={c.id} className="checkbox">
                <input type="checkbox" name="clusterIds" value={c.id} defaultChecked={linked('cluster').includes(c.id)} />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <FormProblem errors={errors} rest={rest} />
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" disabled={change.isPending} data-testid="agenda-save">
          {change.isPending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}

/** An agenda item's own papers, behind a disclosure: the documents section is mounted (and read) only when opened. */
function ItemPapers({ itemId, title }: { itemId: number; title: string }) {
  const { t, fmt } = useMeetingsI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="agenda__papers" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="agenda-item-papers">
      <summary>{t.agenda.papers}</summary>
      {open && (
        <IssueDocuments
          owner={{ kind: 'agendaItem', id: itemId }}
          title={fmt(t.agenda.papersTitle, { title })}
          intro={t.agenda.papersIntro}
          testId="agenda-item-documents"
        />
      )}
    </details>
  );
}
