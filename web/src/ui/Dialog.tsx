import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  /** Called when the dialog closes by Escape or by its own buttons. */
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Escape does nothing: the user must choose a button (e.g. after reading a one-time secret). */
  requireChoice?: boolean;
  tone?: 'danger';
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the rest inert, and returns
 * focus to where it was. The content is not rendered while closed, so nothing lingers in the DOM.
 */
export function Dialog({ open, title, onClose, children, testId, requireChoice, tone }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={tone ? `dialog dialog--${tone}` : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        if (requireChoice) event.preventDefault();
      }}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
