/**
 * The 立案条件 of a minor as a choice, the same in quick entry and the register move: one
 * radio per row of the city's standard, the shortest limit first (as cases.lookups orders
 * them), "condition — 4 工作时" each, and number keys 1…9 pick one while the focus is in
 * the list. Under it, the 结案条件 the verifier will check the chosen one against.
 */
import { useId, type KeyboardEvent } from 'react';
import type { CaseLookups } from '../../../api/contract';
import { formatLimit } from '../../../core/limits/limit';
import { useLocale } from '../../i18n/locale-context';
import { FieldRow } from '../../ui/FieldRow';
import './standard-choice.css';

/** One 立案条件 as cases.lookups offers it. */
export type StandardOption = CaseLookups['standards'][number];

/** The row a form sends: the one picked if it is still on offer, else the first (shortest). */
export function chosenStandard(
  options: readonly StandardOption[],
  pickedId: number | null,
): StandardOption | null {
  return options.find((o) => o.id === pickedId) ?? options[0] ?? null;
}

export function StandardChoice({
  options,
  value,
  onChange,
  onEnter,
  autoFocus = false,
  className,
  testId = 'standard-choice',
}: {
  options: readonly StandardOption[];
  /** The chosen row (chosenStandard). */
  value: StandardOption | null;
  onChange(id: number): void;
  /** Enter on a radio: the register move confirms with it, as from its note. */
  onEnter?(): void;
  autoFocus?: boolean;
  className?: string;
  testId?: string;
}) {
  const { t, locale } = useLocale();
  const name = useId();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter' && onEnter) {
      event.preventDefault();
      onEnter();
      return;
    }
    const n = Number(event.key);
    if (!/^[1-9]$/.test(event.key) || n > options.length) return;
    event.preventDefault();
    event.stopPropagation();
    const picked = options[n - 1]!;
    onChange(picked.id);
    event.currentTarget.querySelector<HTMLInputElement>(`input[value="${picked.id}"]`)?.focus();
  };
  const close = value?.closeCondition;
  return (
    <FieldRow
      group
      label={t('cases.standard.label')}
      hint={
        value ? (
          <span data-testid={`${testId}-close`}>
            {close ? t('cases.standard.close', { text: close }) : t('cases.standard.noClose')}
          </span>
        ) : (
          ''
        )
      }
      className={['standard-choice', className ?? ''].filter(Boolean).join(' ')}
    >
      <div
        className="standard-choice__list"
        role="radiogroup"
        onKeyDown={onKeyDown}
        title={t('cases.standard.keys', { count: options.length })}
        data-testid={testId}
      >
        {options.map((option, i) => (
          <label key={option.id} className="standard-choice__option">
            <input
              type="radio"
              name={name}
              value={option.id}
              checked={value?.id === option.id}
              onChange={() => onChange(option.id)}
              autoFocus={autoFocus && value?.id === option.id}
              data-testid={`${testId}-${i + 1}`}
            />
            <kbd>{i + 1}</kbd>
            <span className="standard-choice__condition">{option.condition}</span>
            <span className="standard-choice__limit">— {formatLimit(option.limit, lang)}</span>
          </label>
        ))}
      </div>
    </FieldRow>
  );
}
