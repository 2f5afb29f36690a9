/**
 * An area page's frame: the title (with the area's icon where it has one), a subtitle
 * that says what is shown, the page's own controls on the right of the title row, then
 * the body. Every area page (overview, cases, map, weekly, ranking, exchange, settings)
 * and the not-found page start with it, so their heads line up the same.
 */
import type { ReactNode } from 'react';

export function PageShell({
  title,
  subtitle,
  toolbar,
  className,
  headClassName,
  testId,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Beside the title, on the right: period switches, a live time, key hints. */
  toolbar?: ReactNode;
  /** The area's own class beside `page` (its layout). */
  className: string;
  headClassName?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className={`page ${className}`} data-testid={testId}>
      <div className={headClassName ? `page__head ${headClassName}` : 'page__head'}>
        <div className="page__heading">
          <h1 className="page__title">{title}</h1>
          {subtitle ? <span className="page__subtitle">{subtitle}</span> : null}
        </div>
        {toolbar}
      </div>
      {children}
    </section>
  );
}
