import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Field, Notice, mergeErrors, rawOf, splitErrors, textOf, type FieldErrors } from '../../ui/Form';
import { ProblemView } from '../../ui/ProblemView';
import { useI18n } from '../../i18n';
import { session, signInFailure, type SessionState } from './session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import './auth.css';

const FORM = 'sign-in';
const FIELDS = ['username', 'password'] as const;

type Reason = Extract<SessionState, { status: 'signedOut' }>['reason'];

/** Where the App sends anyone without a session; it returns them to where they were going. */
export function SignInPage({ reason }: { reason: Reason }) {
  const { t, fmt } = useI18n();
  useDocumentTitle(t.auth.title);
  const password = useRef<HTMLInputElement>(null);
  const signIn = useMutation({
    mutationFn: async ({ username, secret }: { username: string; secret: string }) => {
      const result = await session.signIn(username, secret);
      if (result.kind === 'problem') throw result.problem;
      return result.kind === 'ok' ? result.value : undefined;
    },
  });
  const problem = signIn.error ?? undefined;
  // On success the shell leaves this page for the one the user was going to: stay busy until then.
  const pending = signIn.isPending || signIn.isSuccess;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = textOf(data, 'username') ?? '';
    const secret = rawOf(data, 'password');
    const missing: FieldErrors = {};
    if (!username) missing.username = [t.form.required];
    if (!secret) missing.password = [t.form.required];
    setOwnErrors(missing);
    if (Object.keys(missing).length > 0) {
      signIn.reset();
      return;
    }
    signIn.mutate(
      { username, secret },
      {
        onError: () => {
          if (password.current) {
            password.current.value = '';
            password.current.focus();
          }
        },
      },
    );
  }

  const known = problem && (problem.status === 401 || problem.status === 429);
  const { inPlace, rest } = splitErrors(known ? undefined : problem, FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);

  return (
    <div className="sign-in">
      <section className="card sign-in__card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title" className="sign-in__title">
          {t.auth.title}
        </h1>
        <p className="sign-in__intro">{t.auth.intro}</p>
        {reason === 'expired' && <Notice testId="session-expired">{t.auth.expired}</Notice>}
        {reason === 'signedOut' && <Notice testId="signed-out">{t.auth.signedOut}</Notice>}

        <form onSubmit={submit} noValidate className="sign-in__form" data-testid="sign-in-form" aria-busy={pending}>
          <Field form={FORM} name="username" label={t.auth.username} errors={errors} required>
            {(p) => (
              <input {...p} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={64} autoFocus />
            )}
          </Field>
          <Field form={FORM} name="password" label={t.auth.password} errors={errors} required>
            {(p) => <input {...p} ref={password} type="password" autoComplete="current-password" maxLength={128} />}
          </Field>

          {problem && known && (
            <p className="form-alert" role="alert" data-testid="sign-in-error" data-status={problem.status}>
              {signInFailure(problem, t, fmt)}
            </p>
          )}
          {rest && <ProblemView problem={rest} />}

          <button type="submit" className="button button--primary button--block" disabled={pending} data-testid="sign-in-submit">
            {pending ? t.auth.submitting : t.auth.submit}
          </button>
        </form>
        <p className="sign-in__help muted">{t.auth.help}</p>
      </section>
    </div>
  );
}
