import { ExportLinks } from '../../ui/ExportLinks';
import { useState, type FormEvent } from 'react';
import type { MembershipDto, SeatDto } from '../../api/client';
import { useCouncilI18n } from './i18n';
import { formatDay } from '../../lib/format';
import { managesCouncil } from '../../lib/permissions';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ColumnHeads } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { Field, FormProblem, mergeErrors, Notice, splitErrors, type FieldErrors } from '../../ui/Form';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { useMe } from '../auth/session';
import { COUNCIL_BODY, TERMS_ENDING_DAYS, useAddMembership, useCouncilSeats, useCreateSeat, useEndMembership, useTermsEnding } from './api';
import { endTermRequest, EXPERT_SECTORS, groupSeats, membershipRequest, SEAT_POSITIONS, seatLabel, seatRequest, type MembershipValues, type SeatValues } from './council';
import { SEAT_GROUPS, isOneOf } from '../../api/enums';
import type { SeatGroup } from '../../api/client';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import './council.css';

export function CouncilPage() {
  const { t, fmt, lang } = useCouncilI18n();
  useDocumentTitle(t.council.title);
  const me = useMe();
  const seats = useCouncilSeats();
  const [appointing, setAppointing] = useState<SeatDto>();
  const [appointed, setAppointed] = useState<string>();
  const [addingSeat, setAddingSeat] = useState(false);
  const [ending, setEnding] = useState<SeatDto>();
  const [seatAdded, setSeatAdded] = useState<string>();
  const manages = managesCouncil(me);
  const all = seats.data ?? [];

  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>{t.council.title}</h1>
        <p className="page__intro">{t.council.intro}</p>
        <div className="page__actions">
          <ExportLinks path="/api/v1/council/seats/export" hint={t.council.exportSeatsHint} testId="seats-export" />
          <ExportLinks path="/api/v1/council/terms-ending/export" formats={['csv']} hint={t.council.exportTermsHint} testId="terms-export" />
        </div>
        {manages && (
          <button type="button" className="button button--primary" onClick={() => (setAddingSeat(true), setSeatAdded(undefined))} data-testid="seat-add">
            {t.council.seatForm.open}
          </button>
        )}
      </header>
      {seatAdded && <Notice testId="council-notice">{seatAdded}</Notice>}
      {appointed && <Notice testId="appointed-notice">{fmt(t.council.appointed, { name: appointed })}</Notice>}
      <div className="council-layout">
        <section className="card" aria-labelledby="council-seats-caption" data-testid="council-seats">
          {seats.isPending ? (
            <Loading />
          ) : seats.error ? (
            <div className="card__body">
              <ProblemView problem={seats.error} onRetry={() => void seats.refetch()} />
            </div>
          ) : (
            <div className="table-wrap">
              <table className="table council-seats">
                <caption id="council-seats-caption" className="visually-hidden">
                  {t.council.caption}
                </caption>
                <ColumnHeads
                  columns={[t.council.columns.seat, t.council.columns.holder, t.council.columns.term, t.council.columns.voting, manages && t.council.columns.actions]}
                />
                {groupSeats(all).map((group) => (
                  <tbody key={group.section} data-testid="seat-group" data-section={group.section}>
                    <tr className="council-seats__section">
                      <th scope="rowgroup" colSpan={manages ? 5 : 4}>
                        {t.seatSections[group.section]} <span className="muted">({group.seats.length})</span>
                      </th>
                    </tr>
                    {group.seats.map((seat) => (
                      <SeatRow key={seat.id} seat={seat} manages={manages} onAppoint={() => setAppointing(seat)} onEnd={() => setEnding(seat)} />
                    ))}
                  </tbody>
                ))}
              </table>
              <p className="list-footer__count council-seats__count" data-testid="seat-count">
                {fmt(t.council.seatCount, { seats: all.length, voting: all.filter((s) => s.voting).length })}
              </p>
            </div>
          )}
        </section>
        <TermsEnding seats={all} />
      </div>
      <Dialog open={ending !== undefined} title={ending ? fmt(t.council.endTerm.title, { seat: seatLabel(ending, lang) }) : ''} onClose={() => setEnding(undefined)} testId="end-term-dialog">
        {ending?.holder && (
          <EndTermForm
            holder={ending.holder}
            onCancel={() => setEnding(undefined)}
            onDone={(name) => {
              setEnding(undefined);
              setAppointed(undefined);
              setSeatAdded(fmt(t.council.endTerm.ended, { name }));
            }}
          />
        )}
      </Dialog>
      <Dialog open={addingSeat} title={t.council.seatForm.title} onClose={() => setAddingSeat(false)} testId="seat-dialog">
        {addingSeat && (
          <SeatForm
            onCancel={() => setAddingSeat(false)}
            onDone={(label) => {
              setAddingSeat(false);
              setSeatAdded(fmt(t.council.seatForm.added, { seat: label }));
            }}
          />
        )}
      </Dialog>
      <Dialog open={appointing !== undefined} title={appointing ? fmt(t.council.appointTitle, { seat: seatLabel(appointing, lang) }) : ''} onClose={() => setAppointing(undefined)} testId="appoint-dialog">
        {appointing && (
          <AppointForm
            seat={appointing}
            onCancel={() => setAppointing(undefined)}
            onDone={(name) => {
              setAppointing(undefined);
              setAppointed(name);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function Term({ holder }: { holder: MembershipDto }) {
  const { t, fmt, locale } = useCouncilI18n();
  const start = formatDay(locale, holder.startsOn);
  return <>{holder.endsOn ? fmt(t.council.termRange, { start, end: formatDay(locale, holder.endsOn) }) : fmt(t.council.openEnded, { start })}</>;
}

function SeatRow({ seat, manages, onAppoint, onEnd }: { seat: SeatDto; manages: boolean; onAppoint: () => void; onEnd: () => void }) {
  const { t, fmt, lang } = useCouncilI18n();
  const holder = seat.holder;
  const soon = holder?.daysLeftInTerm != null && holder.daysLeftInTerm <= TERMS_ENDING_DAYS;
  return (
    <tr data-testid="seat-row" data-seat={seat.id} data-vacant={holder ? undefined : 'true'}>
      <td>
        <span className="row-title">{seatLabel(seat, lang)}</span>
        {seat.sector && <span className="row-sub">{t.expertSectors[seat.sector]}</span>}
      </td>
      <td>
        {holder ? (
          <>
            <span className="row-title">{holder.personName}</span>
            {holder.title && <span className="row-sub">{holder.title}</span>}
          </>
        ) : (
          <span className="muted">{t.council.vacant}</span>
        )}
      </td>
      <td>
        {holder ? <Term holder={holder} /> : <span className="muted">{t.common.none}</span>}
        {soon && <span className="council-term-soon"> {fmt(t.council.daysLeft, { days: holder.daysLeftInTerm ?? 0 })}</span>}
      </td>
      <td>{seat.voting ? t.council.voting : t.council.nonVoting}</td>
      {manages && (
        <td>
          <button type="button" className="button button--small" onClick={onAppoint} data-testid="appoint">
            {t.council.appoint}
          </button>{' '}
          {holder && (
            <button type="button" className="button button--small" onClick={onEnd} data-testid="end-term">
              {t.council.endTerm.open}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

function TermsEnding({ seats }: { seats: SeatDto[] }) {
  const { t, fmt, lang } = useCouncilI18n();
  const terms = useTermsEnding();
  const seatOf = (id: number) => seats.find((s) => s.id === id);
  return (
    <section className="card" aria-labelledby="terms-ending-title" data-testid="terms-ending">
      <h2 id="terms-ending-title" className="card__title">
        {t.council.termsEnding.title}
      </h2>
      <div className="card__body">
        <p className="muted">{fmt(t.council.termsEnding.intro, { days: TERMS_ENDING_DAYS })}</p>
        {terms.isPending ? (
          <Loading />
        ) : terms.error ? (
          <ProblemView problem={terms.error} onRetry={() => void terms.refetch()} />
        ) : terms.data.length === 0 ? (
          <p data-testid="terms-ending-none">{fmt(t.council.termsEnding.none, { days: TERMS_ENDING_DAYS })}</p>
        ) : (
          <ul className="council-terms">
            {terms.data.map((m) => {
              const seat = seatOf(m.seatId);
              return (
                <li key={m.id} data-testid="term-ending">
                  <span className="row-title">{m.personName}</span>
                  <span className="row-sub">{seat ? seatLabel(seat, lang) : fmt(t.council.termsEnding.seat, { id: m.seatId })}</span>
                  <span className="council-term-soon">
                    <Term holder={m} /> · {fmt(t.council.daysLeft, { days: m.daysLeftInTerm ?? 0 })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}

function AppointForm({ seat, onCancel, onDone }: { seat: SeatDto; onCancel: () => void; onDone: (name: string) => void }) {
  const { t } = useCouncilI18n();
  const add = useAddMembership();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const fields = ['personName', 'title', 'startsOn', 'endsOn', 'substituteAllowed', 'voting'] as const;
  const { inPlace, rest } = splitErrors(add.error ?? undefined, fields);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = 'appoint';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: MembershipValues = {
      personName: String(data.get('personName') ?? ''),
      title: String(data.get('title') ?? ''),
      startsOn: String(data.get('startsOn') ?? ''),
      endsOn: String(data.get('endsOn') ?? ''),
      substituteAllowed: data.get('substituteAllowed') === 'on',
      voting: data.get('voting') === 'on',
    };
    const { body, errors: found } = membershipRequest(values);
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, [t.council.errors[code]]])));
    if (!body) return add.reset();
    add.mutate({ seatId: seat.id, body }, { onSuccess: (m) => onDone(m.personName) });
  }

  return (
    <form className="dialog__form" onSubmit={submit} noValidate data-testid="appoint-form">
      <p className="form__intro">{t.council.appointIntro}</p>
      <div className="form__grid">
        <Field form={form} name="personName" label={t.council.fields.personName} errors={errors} required>
          {(p) => <input {...p} maxLength={100} autoComplete="off" />}
        </Field>
        <Field form={form} name="title" label={t.council.fields.title} errors={errors}>
          {(p) => <input {...p} maxLength={200} />}
        </Field>
        <Field form={form} name="startsOn" label={t.council.fields.startsOn} errors={errors} required>
          {(p) => <input {...p} type="date" />}
        </Field>
        <Field form={form} name="endsOn" label={t.council.fields.endsOn} errors={errors}>
          {(p) => <input {...p} type="date" />}
        </Field>
        <label className="checkbox form-field--wide">
          <input type="checkbox" name="substituteAllowed" defaultChecked />
          {t.council.fields.substituteAllowed}
        </label>
        <label className="checkbox form-field--wide">
          <input type="checkbox" name="voting" defaultChecked={seat.voting} />
          {t.council.fields.voting}
        </label>
      </div>
      <FormProblem errors={errors} rest={rest} />
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending} data-testid="appoint-submit">
          {add.isPending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}

const SEAT_FIELDS = ['position', 'group', 'labelKo', 'labelEn', 'sector', 'agencyCode', 'sortOrder', 'voting'] as const;

/** A new seat on the council: its position, whom it belongs to (an agency, or a sector of private experts), its label. */
function SeatForm({ onCancel, onDone }: { onCancel: () => void; onDone: (label: string) => void }) {
  const { t } = useCouncilI18n();
  const create = useCreateSeat();
  const agencies = useAgencyChoices();
  const [group, setGroup] = useState<SeatGroup>('ministry');
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(create.error ?? undefined, SEAT_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const form = 'seat';
  const agencyKind = group === 'ministry' ? 'ministry' : group === 'cluster_operator' ? 'cluster_operator' : undefined;
  const agencyOptions = (agencies.data ?? []).filter((a) => !agencyKind || a.kind === agencyKind);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    const values: SeatValues = {
      position: SEAT_POSITIONS.find((p) => p === text('position')) ?? 'member',
      group,
      labelKo: text('labelKo'),
      labelEn: text('labelEn'),
      sector: EXPERT_SECTORS.find((s) => s === text('sector')) ?? '',
      agencyCode: text('agencyCode'),
      sortOrder: text('sortOrder'),
      voting: data.get('voting') === 'on',
    };
    const { body, errors: found } = seatRequest(values, COUNCIL_BODY);
    setOwnErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, [t.council.seatForm.errors[code]]])));
    if (!body) return create.reset();
    create.mutate(body, { onSuccess: (seat) => onDone(seat.labelKo) });
  }

  return (
    <form className="dialog__form" onSubmit={submit} noValidate data-testid="seat-form">
      <p className="form__intro">{t.council.seatForm.intro}</p>
      <div className="form__grid">
        <Field form={form} name="position" label={t.council.seatForm.fields.position} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue="member">
              {SEAT_POSITIONS.map((position) => (
                <option key={position} value={position}>
                  {t.seatPositions[position]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="group" label={t.council.seatForm.fields.group} errors={errors} required>
          {(p) => (
            <select {...p} value={group} onChange={(e) => isOneOf(SEAT_GROUPS, e.target.value) && setGroup(e.target.value)}>
              {SEAT_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t.seatSections[g]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="labelKo" label={t.council.seatForm.fields.labelKo} errors={errors} required wide>
          {(p) => <input {...p} maxLength={200} />}
        </Field>
        <Field form={form} name="labelEn" label={t.council.seatForm.fields.labelEn} errors={errors} wide>
          {(p) => <input {...p} maxLength={200} lang="en" />}
        </Field>
        {group === 'private_expert' ? (
          <Field form={form} name="sector" label={t.council.seatForm.fields.sector} errors={errors} required>
            {(p) => (
              <select {...p} defaultValue="">
                <option value="">{t.council.seatForm.choose}</option>
                {EXPERT_SECTORS.map((sector) => (
                  <option key={sector} value={sector}>
                    {t.expertSectors[sector]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <Field form={form} name="agencyCode" label={t.council.seatForm.fields.agencyCode} errors={errors} required>
            {(p) => (
              <select {...p} defaultValue="">
                <option value="">{t.council.seatForm.choose}</option>
                {agencyOptions.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field form={form} name="sortOrder" label={t.council.seatForm.fields.sortOrder} errors={errors} hint={t.council.seatForm.sortHint}>
          {(p) => <input {...p} inputMode="numeric" placeholder="100" />}
        </Field>
        <label className="checkbox form-field--wide">
          <input type="checkbox" name="voting" defaultChecked />
          {t.council.fields.voting}
        </label>
      </div>
      <FormProblem errors={errors} rest={rest} />
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending} data-testid="seat-submit">
          {create.isPending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}

/** The secretariat ends the holder's term on a day (a resignation, a reshuffle), leaving the seat to be filled later. */
function EndTermForm({ holder, onCancel, onDone }: { holder: MembershipDto; onCancel: () => void; onDone: (name: string) => void }) {
  const { t, fmt, locale } = useCouncilI18n();
  const end = useEndMembership();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { inPlace, rest } = splitErrors(end.error ?? undefined, ['endsOn']);
  const errors = mergeErrors(ownErrors, inPlace);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { body, error } = endTermRequest(String(new FormData(event.currentTarget).get('endsOn') ?? ''), holder);
    setOwnErrors(error ? { endsOn: [t.council.endTerm.errors[error]] } : {});
    if (!body) return end.reset();
    end.mutate({ membershipId: holder.id, body }, { onSuccess: (m) => onDone(m.personName) });
  }

  return (
    <form className="dialog__form" onSubmit={submit} noValidate data-testid="end-term-form">
      <p className="form__intro">{fmt(t.council.endTerm.intro, { name: holder.personName, start: formatDay(locale, holder.startsOn) })}</p>
      <div className="form__grid">
        <Field form="end-term" name="endsOn" label={t.council.fields.endsOn} errors={errors} required>
          {(p) => <input {...p} type="date" />}
        </Field>
      </div>
      <FormProblem errors={errors} rest={rest} />
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" disabled={end.isPending} data-testid="end-term-submit">
          {end.isPending ? t.common.saving : t.council.endTerm.submit}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
