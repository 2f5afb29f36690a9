/**
 * The card a window shows before anything of a street: a seat's sign-in page and the
 * desktop app's first screen. The logo, a title, a line under it, the language switch.
 */
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../frame/LanguageSwitch';

export function GateCard({
  id,
  title,
  subtitle,
  className,
  testId,
  children,
}: {
  id: string;
  title: string;
  subtitle: ReactNode;
  className?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="seat-gate" data-testid={testId}>
      <section className={`seat-gate__card ${className ?? ''}`} aria-labelledby={id}>
        <header className="seat-gate__header">
          <span className="nav-rail__logo" aria-hidden="true">
            G
          </span>
          <div>
            <h1 id={id} className="seat-gate__title">
              {title}
            </h1>
            {subtitle}
          </div>
          <LanguageSwitch />
        </header>
        {children}
      </section>
    </div>
  );
}
