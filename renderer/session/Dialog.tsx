import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog: focus goes to its first field, Esc closes (when it may be closed), and
 * focus returns where it was. Used by sign-in, setup, the lock screen and the case forms.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
  wide = false,
}: {
  title: string;
  onClose: (() => void) | null;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    // A field that asked for focus (autoFocus) keeps it; otherwise the first field gets it.
    if (!box.current?.contains(document.activeElement)) {
      box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    }
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  useEffect(() => {
    if (!onClose) return;
    const onKey = (event: KeyboardEvent) => {
      // An open list inside the dialog (a combobox) takes the first Esc.
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === 'Escape' && target?.getAttribute('aria-expanded') !== 'true') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={onClose ?? undefined}>
      <div
        ref={box}
        className={wide ? 'dialog dialog--wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onMouseDown={(event) => event.stopPropagation()}
      >
        <h2 className="dialog__title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
