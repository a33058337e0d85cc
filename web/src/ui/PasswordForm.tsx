import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Clients } from '../api/api';
import { refreshAfterWrite, run } from '../lib/apiQuery';
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
  /** The queries a success makes out of date. */
  invalidates?: QueryKey;
  onSaved?: () => void;
  /** Shown after a success, until the next submit; a success also clears the form. */
  savedNotice?: { text: string; testId: string };
  /** The password fields. */
  children: (errors: FieldErrors) => ReactNode;
}

/** A card form that sends passwords: checks, sends, and shows errors in place (the rest below). */
export function PasswordForm(props: PasswordFormProps) {
  const { titleId, title, intro, className, testId, submitLabel, fields, validate, save, invalidates, onSaved, savedNotice, children } = props;
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (data: FormData) => run(save(data)),
    onSuccess: () => {
      if (invalidates) refreshAfterWrite(queryClient, invalidates);
    },
  });
  const problem = mutation.error ?? undefined;
  const pending = mutation.isPending;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const found = validate(data);
    setOwnErrors(found);
    setDone(false);
    if (Object.keys(found).length > 0) {
      mutation.reset();
      return;
    }
    mutation.mutate(data, {
      onSuccess: () => {
        if (savedNotice) {
          element.reset();
          setDone(true);
        }
        onSaved?.();
      },
    });
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
