/**
 * One form row: its label, the control, and under it a hint (or nothing). Every form of
 * the app (sign-in, quick entry, the moves, publish, weights, backups) builds its rows
 * with it, so a label is always tied to its control and the rows look alike.
 * `group` renders a fieldset with a legend, for a row of radios or checkboxes.
 */
import type { ReactNode } from 'react';
import './ui.css';

export function FieldRow({
  label,
  hint,
  children,
  group = false,
  inline = false,
  className,
}: {
  label: ReactNode;
  /** Under the control: a rule, what was understood, or '' to keep the row's height. */
  hint?: ReactNode;
  children: ReactNode;
  group?: boolean;
  /** The label beside the control rather than above it. */
  inline?: boolean;
  className?: string;
}) {
  const classes = ['field', inline ? 'field--inline' : '', className ?? ''].filter(Boolean);
  const note = hint === undefined ? null : <span className="field__note">{hint}</span>;
  if (group) {
    return (
      <fieldset className={classes.join(' ')}>
        <legend className="field__label">{label}</legend>
        {children}
        {note}
      </fieldset>
    );
  }
  return (
    <label className={classes.join(' ')}>
      <span className="field__label">{label}</span>
      {children}
      {note}
    </label>
  );
}
