import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { MeDto } from '../../api/client';
import { useI18n } from '../../i18n';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import { session } from './session';
import { ProblemView } from '../../ui/ProblemView';
import './auth.css';

/** Who is signed in, their role and agency, and the way out. A disclosure, not an ARIA menu. */
export function UserMenu({ me }: { me: MeDto }) {
  const { t, name } = useI18n();
  const [open, setOpen] = useState(false);
  const signOut = useMutation({
    mutationFn: async () => {
      const failed = await session.signOut();
      if (failed) throw failed;
    },
  });
  // On success this component is gone (the shell shows the sign-in page).
  const pending = signOut.isPending || signOut.isSuccess;
  const problem = signOut.error ?? undefined;
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const role = t.roles[me.role] ?? me.role;
  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="user-menu"
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {Array.from(me.displayName.trim())[0] ?? '?'}
        </span>
        <span className="user-menu__name">{me.displayName}</span>
        <span className="visually-hidden">
          {' '}
          ({t.userMenu.label}, {role})
        </span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open} data-testid="user-menu-panel">
        <p className="user-menu__who">
          <strong>{me.displayName}</strong>
          <code>{me.name}</code>
        </p>
        <dl className="user-menu__facts">
          <dt>{t.userMenu.role}</dt>
          <dd data-testid="user-role" data-role={me.role}>
            {role}
          </dd>
          <dt>{t.userMenu.agency}</dt>
          <dd data-testid="user-agency">{me.agency ? name(me.agency) : <span className="muted">{t.userMenu.noAgency}</span>}</dd>
        </dl>
        <Link to={paths.account()} className="user-menu__link" onClick={() => setOpen(false)} data-testid="account-link">
          {t.userMenu.account}
        </Link>
        {problem && <ProblemView problem={problem} />}
        <button type="button" className="button button--block" onClick={() => signOut.mutate()} disabled={pending} data-testid="sign-out">
          {pending ? t.userMenu.signingOut : t.userMenu.signOut}
        </button>
      </div>
    </div>
  );
}
