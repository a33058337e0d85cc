import { useState } from 'react';
import type { Problem } from '../../api/api';
import { Dialog } from '../../ui/Dialog';
import { ProblemView } from '../../ui/ProblemView';
import { useRegistryI18n } from './i18n';
import { isStale } from './agencyForm';
import { StaleNotice } from './StaleNotice';
import './registry.css';

interface ArchiveControlProps {
  archived: boolean;
  /** "agency" or "cluster": the dialog's words and the test ids. */
  kind: 'agency' | 'cluster';
  pending: boolean;
  problem: Problem | null | undefined;
  /** Archive (true) or unarchive (false) the version the page shows; `done` closes the dialog. */
  act: (archive: boolean, done: () => void) => void;
  onReload: () => void;
}

/**
 * Archive (after a confirmation that says what archiving means) or unarchive a registry record. A 412 (someone changed
 * the record since the page loaded it) offers the latest version instead of an error.
 */
export function ArchiveControl({ archived, kind, pending, problem, act, onReload }: ArchiveControlProps) {
  const { t } = useRegistryI18n();
  const [confirming, setConfirming] = useState(false);
  const stale = isStale(problem);
  const trouble = problem && (stale ? <StaleNotice onReload={onReload} /> : <ProblemView problem={problem} />);

  if (archived)
    return (
      <>
        <button type="button" className="button" disabled={pending} onClick={() => act(false, () => undefined)} data-testid={`${kind}-unarchive`}>
          {pending ? t.registry.archiving : t.registry.unarchive}
        </button>
        {trouble}
      </>
    );
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)} data-testid={`${kind}-archive`}>
        {t.registry.archive}
      </button>
      <Dialog
        open={confirming}
        title={kind === 'agency' ? t.registry.archiveAgencyTitle : t.registry.archiveClusterTitle}
        onClose={() => setConfirming(false)}
        testId={`${kind}-archive-dialog`}
        tone="danger"
      >
        <p>{kind === 'agency' ? t.registry.archiveAgencyBody : t.registry.archiveClusterBody}</p>
        {trouble}
        <div className="form__actions">
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t.common.cancel}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={pending}
            data-testid={`${kind}-archive-confirm`}
            onClick={() => act(true, () => setConfirming(false))}
          >
            {pending ? t.registry.archiving : t.registry.archive}
          </button>
        </div>
      </Dialog>
    </>
  );
}
