/**
 * One panel of a page: a titled section, named by its title for assistive tech, with a
 * note beside the title (what is counted, when) and the panel's own buttons on the right.
 * The area pages (the map's admin sections, the exchange's steps, settings, the ranking's
 * charts, the weekly agenda) build their sections with it, so their heads look alike.
 */
import { useId, type ReactNode } from 'react';

export function Panel({
  title,
  meta,
  actions,
  className,
  testId,
  children,
}: {
  title: ReactNode;
  /** Beside the title, quieter. */
  meta?: ReactNode;
  /** On the right of the head. */
  actions?: ReactNode;
  /** The panel's own class beside `panel`. */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <div className="panel__head">
        <h2 id={titleId} className="panel__title">
          {title}
        </h2>
        {meta ? <span className="panel__meta">{meta}</span> : null}
        {actions}
      </div>
      {children}
    </section>
  );
}
