import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { can } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDay } from '../../lib/format';
import { Field, FormProblem, mergeErrors, splitErrors } from '../../ui/Form';
import { QueryStatus } from '../../ui/QueryStatus';
import { useAddHoliday, useHolidays, useRemoveHoliday } from './api';
import { useHolidaysI18n } from './i18n';

const FIRST_YEAR = 2025;

/** The public-holiday calendar working-day deadlines are counted by: everyone reads it, the secretariat keeps it. */
export function HolidaysPage() {
  const { t, fmt, locale } = useHolidaysI18n();
  useDocumentTitle(t.holidays.title);
  const me = useMe();
  const keeps = can(me, 'holidays:manage');
  const [search, setSearch] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const asked = Number(search.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const years = Array.from(new Set([...Array.from({ length: Math.max(thisYear + 2, 2028) - FIRST_YEAR + 1 }, (_, k) => FIRST_YEAR + k), year])).sort();
  const list = useHolidays(year);
  const remove = useRemoveHoliday();

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t.holidays.title}</h1>
        <p className="page__intro">{t.holidays.intro}</p>
      </header>
      <div className="filters">
        <label className="filter">
          <span className="filter__label">{t.holidays.year}</span>
          <select value={year} onChange={(e) => setSearch(new URLSearchParams({ year: e.target.value }))} data-testid="holiday-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {String(y)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {keeps && <AddHoliday />}
      <section className="card">
        {list.data ? (
          list.data.items.length === 0 ? (
            <p className="card__body muted">{t.holidays.empty}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="holiday-table">
                <thead>
                  <tr>
                    <th scope="col">{t.holidays.columns.on}</th>
                    <th scope="col">{t.holidays.columns.name}</th>
                    <th scope="col">{t.holidays.columns.source}</th>
                    {keeps && <th scope="col">{t.holidays.columns.actions}</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((h) => (
                    <tr key={h.id} data-testid="holiday-row" data-on={h.on}>
                      <td>{formatDay(locale, h.on)}</td>
                      <td lang="ko">{h.nameKo}</td>
                      <td>{t.holidays.sources[h.source]}</td>
                      {keeps && (
                        <td>
                          <button
                            type="button"
                            className="button button--small button--danger"
                            disabled={remove.isPending}
                            onClick={() => {
                              if (window.confirm(fmt(t.holidays.removeConfirm, { date: formatDay(locale, h.on), name: h.nameKo }))) remove.mutate(h.id);
                            }}
                          >
                            {t.holidays.remove}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : (
          <QueryStatus query={list} notFound={t.holidays.empty} />
        )}
        {remove.error && <FormProblem errors={{}} rest={remove.error} />}
      </section>
    </div>
  );
}

function AddHoliday() {
  const { t } = useHolidaysI18n();
  const add = useAddHoliday();
  const [done, setDone] = useState(false);
  const fields = ['on', 'nameKo', 'nameEn'];
  const { inPlace, rest } = splitErrors(add.error ?? undefined, fields);
  const errors = mergeErrors({}, inPlace);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const nameEn = String(data.get('nameEn') ?? '').trim();
    setDone(false);
    add.mutate(
      { on: String(data.get('on') ?? ''), nameKo: String(data.get('nameKo') ?? '').trim(), nameEn: nameEn || undefined },
      {
        onSuccess: () => {
          form.reset();
          setDone(true);
        },
      },
    );
  }

  return (
    <form className="card move-form" onSubmit={submit} noValidate aria-busy={add.isPending} data-testid="holiday-form">
      <h2 className="card__title">{t.holidays.add}</h2>
      <div className="form__grid">
        <Field form="holiday" name="on" label={t.holidays.on} errors={errors} required>
          {(p) => <input {...p} type="date" />}
        </Field>
        <Field form="holiday" name="nameKo" label={t.holidays.nameKo} errors={errors} required>
          {(p) => <input {...p} type="text" maxLength={100} />}
        </Field>
        <Field form="holiday" name="nameEn" label={t.holidays.nameEn} errors={errors}>
          {(p) => <input {...p} type="text" maxLength={100} />}
        </Field>
      </div>
      <div className="form__footer">
        <FormProblem errors={errors} rest={rest} />
        {done && <p role="status">{t.holidays.added}</p>}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {t.holidays.save}
          </button>
        </div>
      </div>
    </form>
  );
}
