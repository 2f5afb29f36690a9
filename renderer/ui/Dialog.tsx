/**
 * The one modal dialog of the app (sign-in, lock screen, quick entry, restore, publish,
 * weights, drill-down, the shortcuts sheet). WAI-ARIA's modal pattern: role=dialog,
 * aria-modal, named by its visible title; focus moves in (to a field that asked for it
 * with autoFocus, else the first control), Tab stays inside, Esc closes when the dialog
 * may be closed, and focus goes back where it was. Only the topmost dialog answers keys.
 */
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './ui.css';

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Open dialogs, oldest first: keys and focus belong to the last one. */
const openDialogs: HTMLElement[] = [];

/** Whether a modal is open, so page shortcuts (N, /, V…) keep still under it. */
export function isDialogOpen(): boolean {
  return openDialogs.length > 0;
}

export function Dialog({
  title,
  onClose,
  children,
  testId,
  size = 'normal',
  actions,
}: {
  title: ReactNode;
  /** null: the dialog cannot be dismissed (the lock screen, a restore under way). */
  onClose: (() => void) | null;
  children: ReactNode;
  testId?: string;
  /** wide: forms with two columns; full: tables (drill-down). */
  size?: 'normal' | 'wide' | 'full';
  /** Buttons beside the title (a Close with its key). */
  actions?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // The key listener lives as long as the dialog; it reads the latest onClose from here.
  const closeRef = useRef(onClose);
  useLayoutEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const element = box.current!;
    const before = document.activeElement;
    openDialogs.push(element);
    if (!element.contains(document.activeElement)) {
      (element.querySelector<HTMLElement>(FOCUSABLE) ?? element).focus();
    }
    const onKey = (event: KeyboardEvent) => {
      if (openDialogs[openDialogs.length - 1] !== element) return;
      if (event.key === 'Tab') keepFocusInside(element, event);
      // An open list inside the dialog (a combobox) takes the first Esc.
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key !== 'Escape' || target?.getAttribute('aria-expanded') === 'true') return;
      event.preventDefault();
      event.stopPropagation();
      closeRef.current?.();
    };
    // Capture: the dialog hears Esc before the page under it (the board closes a case on Esc).
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      openDialogs.splice(openDialogs.indexOf(element), 1);
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose?.();
      }}
    >
      <div
        ref={box}
        tabIndex={-1}
        className={size === 'normal' ? 'dialog' : `dialog dialog--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        <div className="dialog__head">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {actions ? <div className="dialog__actions">{actions}</div> : null}
        </div>
        {children}
      </div>
    </div>
  );
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(element: HTMLElement, event: KeyboardEvent) {
  const controls = [...element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (c) => c.offsetParent !== null || c === document.activeElement,
  );
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === element)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !element.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
