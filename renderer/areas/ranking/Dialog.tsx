import { useEffect, useRef, type ReactNode } from 'react';
import './controls.css';

/**
 * A modal dialog: Esc or the backdrop closes it, focus moves in and comes back to where it
 * was. Used for drill-downs, publishing and the weights.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
  testId,
  actions,
}: {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
  actions?: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previouslyFocused = document.activeElement;
    box.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (previouslyFocused instanceof HTMLElement) previouslyFocused.focus();
    };
  }, [onClose]);
  return (
    <div className="sheet-backdrop" onClick={onClose}>
      <div
        ref={box}
        tabIndex={-1}
        className={`sheet rk-dialog${wide ? ' rk-dialog--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        data-testid={testId}
        onClick={(event) => event.stopPropagation()}
      >
        <div className="sheet__head rk-dialog__head">
          <h2>{title}</h2>
          <div className="rk-dialog__actions">{actions}</div>
        </div>
        {children}
      </div>
    </div>
  );
}
