import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n';
import { withCurrent, type Choice } from '../features/issues/IssueChoices';

/** The API's usual limit for `q`. */
const MAX_QUERY_LENGTH = 200;

interface FilterBarProps {
  label: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  testId?: string;
  resetLabel: string;
  /** Shows the reset button (when filters are in force). */
  onReset?: () => void;
  children: ReactNode;
}

/** The search form above a list, with a reset button while filters are in force. */
export function FilterBar({ label, onSubmit, testId, resetLabel, onReset, children }: FilterBarProps) {
  return (
    <form className="filters" role="search" onSubmit={onSubmit} aria-label={label} data-testid={testId}>
      {children}
      {onReset && (
        <button type="button" className="button button--link filters__reset" onClick={onReset}>
          {resetLabel}
        </button>
      )}
    </form>
  );
}

/** One labelled filter control. */
export function FilterField({ id, label, className = 'field', children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** The options of a filter select: "all" (no filter) first. */
export function ChoiceOptions({ all, choices }: { all: string; choices: readonly Choice[] }) {
  return (
    <>
      <option value="">{all}</option>
      {choices.map((choice) => (
        <option key={choice.code} value={choice.code}>
          {choice.label}
        </option>
      ))}
    </>
  );
}

interface SelectFilterProps {
  id: string;
  label: string;
  value: string | undefined;
  choices: Choice[];
  /** The empty choice's text; "All" unless told. */
  all?: string;
  onChange: (value: string | undefined) => void;
  testId?: string;
}

/** A select that applies its filter as soon as it changes; a value not among the choices stays shown. */
export function SelectFilter({ id, label, value, choices, all, onChange, testId }: SelectFilterProps) {
  const { t } = useI18n();
  return (
    <FilterField id={id} label={label}>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
        <ChoiceOptions all={all ?? t.common.all} choices={withCurrent(choices, value)} />
      </select>
    </FilterField>
  );
}

interface SearchFieldProps {
  id: string;
  label: string;
  /** The `q` in force; a new one replaces what was typed. */
  value: string | undefined;
  placeholder: string;
  maxLength?: number;
}

/** The free-text `q` box and the form's submit button. */
export function SearchField({ id, label, value, placeholder, maxLength = MAX_QUERY_LENGTH }: SearchFieldProps) {
  const { t } = useI18n();
  return (
    <FilterField id={id} label={label} className="field field--grow">
      <div className="search-box">
        <input
          id={id}
          name="q"
          type="search"
          key={value ?? ''}
          defaultValue={value ?? ''}
          placeholder={placeholder}
          autoComplete="off"
          maxLength={maxLength}
        />
        <button type="submit" className="button button--primary">
          {t.common.search}
        </button>
      </div>
    </FilterField>
  );
}
