import { useRef, useState, type FormEvent } from 'react';
import type { Problem } from '../api/api';
import { Field, Notice, mergeErrors, rawOf, splitErrors, textOf, type FieldErrors } from '../components/Form';
import { ProblemView } from '../components/ProblemView';
import { useI18n } from '../i18n';
import { session, signInFailure, type SessionState } from '../lib/session';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const FORM = 'sign-in';
const FIELDS = ['username', 'password'] as const;

type Reason = Extract<SessionState, { status: 'signedOut' }>['reason'];

/** Where the App sends anyone without a session; it returns them to where they were going. */
export function SignInPage({ reason }: { reason: Reason }) {
  const { t, fmt } = useI18n();
  useDocumentTitle(t.auth.title);
  const password = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = textOf(data, 'username') ?? '';
    const secret = rawOf(data, 'password');
    const missing: FieldErrors = {};
    if (!username) missing.username = [t.form.required];
    if (!secret) missing.password = [t.form.required];
    setOwnErrors(missing);
    setProblem(undefined);
    if (Object.keys(missing).length > 0) return;

    setPending(true);
    const result = await session.signIn(username, secret);
    if (result.kind === 'problem') {
      setPending(false);
      setProblem(result.problem);
      if (password.current) {
        password.current.value = '';
        password.current.focus();
      }
    }
    // On success the App leaves this page for the one the user was going to.
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
