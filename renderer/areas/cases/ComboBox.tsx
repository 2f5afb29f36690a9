import { useId, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/locale-context';
import { matchOptions, type Searchable } from './match-options';

/**
 * A text field that finds one option as you type (pinyin initials, name, code): ↑↓ move,
 * Enter or Tab take the highlighted one, Esc closes the list. Built for the phone-call form.
 */
export function ComboBox<T extends Searchable>({
  label,
  hint,
  options,
  value,
  onChange,
  describe,
  testId,
  autoFocus = false,
  onQuery,
}: {
  label: string;
  hint: string;
  options: readonly T[];
  value: string | null;
  onChange(value: string | null): void;
  describe?: (option: T) => string;
  testId: string;
  autoFocus?: boolean;
  /** Told what is typed, for options read from the desk as the user types (a register's units). */
  onQuery?(query: string): void;
}) {
  const t = useT();
  const listId = useId();
  const chosen = options.find((o) => o.value === value) ?? null;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { shown, more } = matchOptions(options, query);

  const pick = (option: T) => {
    onChange(option.value);
    setQuery('');
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((i) =>
        Math.max(0, Math.min(shown.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))),
      );
    } else if ((event.key === 'Enter' || event.key === 'Tab') && open && query && shown[active]) {
      if (event.key === 'Enter') event.preventDefault();
      pick(shown[active]!);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && !query && chosen) {
      onChange(null);
    }
  };

  return (
    <div className="field combo">
      <span className="field__label">{label}</span>
      <input
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={label}
        placeholder={chosen ? '' : hint}
        value={
          open || !chosen ? query : `${chosen.label}${chosen.code ? `（${chosen.code}）` : ''}`
        }
        onChange={(event) => {
          setQuery(event.target.value);
          onQuery?.(event.target.value);
          setActive(0);
          setOpen(true);
          if (chosen) onChange(null);
        }}
        onFocus={() => chosen && setOpen(false)}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onKeyDown={onKeyDown}
        data-testid={testId}
        autoFocus={autoFocus}
      />
      {open && query ? (
        <ul className="combo__list" id={listId} role="listbox" data-testid={`${testId}-list`}>
          {shown.length === 0 ? (
            <li className="combo__empty">{t('cases.intake.noMatch')}</li>
          ) : null}
          {shown.map((option, i) => (
            <li
              key={option.value}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'combo__option combo__option--active' : 'combo__option'}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
            >
              <span>{option.label}</span>
              <span className="muted">{describe ? describe(option) : option.code}</span>
            </li>
          ))}
          {more > 0 ? (
            <li className="combo__empty">{t('cases.combo.more', { count: more })}</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
