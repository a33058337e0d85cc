import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type Clients, type Problem } from '../api/api';
import { useI18n } from '../i18n';
import { Field, FormProblem, Notice, mergeErrors, splitErrors, type FieldErrors } from './Form';

interface PasswordFormProps {
  /** The heading's id. */
  titleId: string;
  title: string;
  intro: string;
  className: string;
  testId: string;
  submitLabel: string;
  /** The API's names of the fields, for its errors in place. */
  fields: readonly string[];
  /** The dashboard's own checks; an empty result sends the form. */
  validate: (data: FormData) => FieldErrors;
  save: (data: FormData) => (clients: Clients) => Promise<unknown>;
  onSaved?: () => void;
  /** Shown after a success, until the next submit; a success also clears the form. */
  savedNotice?: { text: string; testId: string };
  /** The password fields. */
  children: (errors: FieldErrors) => ReactNode;
}

/** A card form that sends passwords: checks, sends, and shows errors in place (the rest below). */
export function PasswordForm(props: PasswordFormProps) {
  const { titleId, title, intro, className, testId, submitLabel, fields, validate, save, onSaved, savedNotice, children } = props;
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const found = validate(data);
    setOwnErrors(found);
    setProblem(undefined);
    setDone(false);
    if (Object.keys(found).length > 0) return;

    setPending(true);
    const result = await api.call(save(data));
    setPending(false);
    if (result.kind === 'ok') {
      if (savedNotice) {
        element.reset();
        setDone(true);
      }
      onSaved?.();
    } else if (result.kind === 'problem') {
      setProblem(result.problem);
    }
  }

  const { inPlace, rest } = splitErrors(problem, fields);
  const errors = mergeErrors(ownErrors, inPlace);

  return (
    <form className={className} onSubmit={submit} noValidate aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="card__title">
        {title}
      </h2>
      <div className="form__grid form__grid--single">
        <p className="form__intro">{intro}</p>
        {children(errors)}
      </div>
      <div className="form__footer">
        {done && savedNotice && <Notice testId={savedNotice.testId}>{savedNotice.text}</Notice>}
        <FormProblem errors={errors} rest={rest} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? t.common.saving : submitLabel}
          </button>
        </div>
      </div>
    </form>
  );
}

interface PasswordFieldProps {
  form: string;
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  autoComplete: 'current-password' | 'new-password';
}

/** A required password input. */
export function PasswordField({ form, name, label, errors, hint, autoComplete }: PasswordFieldProps) {
  return (
    <Field form={form} name={name} label={label} errors={errors} hint={hint} required>
      {(p) => <input {...p} type="password" autoComplete={autoComplete} maxLength={128} />}
    </Field>
  );
}
