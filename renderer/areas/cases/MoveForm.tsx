import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CaseDetail, MoveRequest } from '../../../api/contract';
import type { MoveKind } from '../../../core/cases/moves';
import { SATISFACTIONS, type Satisfaction } from '../../../core/glossary';
import { formatDateTime, fromWallClock } from '../../../core/time';
import { useT } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { StandardChoice, chosenStandard } from './StandardChoice';
import type { Lookups } from './useCaseLookups';

const REASON_MOVES: ReadonlySet<MoveKind> = new Set([
  'void',
  'return',
  'rework',
  'suspend',
  'decline_extension',
  'supervise',
  'note',
  'request_extension',
  'extend',
]);
const UNIT_MOVES: ReadonlySet<MoveKind> = new Set(['dispatch', 'escalate']);
const DUE_MOVES: ReadonlySet<MoveKind> = new Set(['request_extension', 'extend']);

/** `YYYY-MM-DDTHH:mm` in Shanghai ⇄ epoch ms, whatever zone the browser is in. */
function toInputValue(epochMs: number): string {
  return formatDateTime(epochMs).replace(' ', 'T');
}
function fromInputValue(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  return m ? fromWallClock(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!) : null;
}

/** The form of one move: only what that move asks for; Enter (Ctrl+Enter in a text box) confirms. */
export function MoveForm({
  kind,
  detail,
  lookups,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  kind: MoveKind;
  detail: CaseDetail;
  lookups: Lookups | null;
  busy: boolean;
  error: unknown;
  onSubmit(move: MoveRequest): void;
  onCancel(): void;
}) {
  const t = useT();
  const pending = detail.pendingExtension;
  const [text, setText] = useState(kind === 'extend' && pending ? pending.reason : '');
  const [lead, setLead] = useState(kind === 'dispatch' ? (detail.suggestedLeadUnitCode ?? '') : '');
  const [assists, setAssists] = useState<string[]>([]);
  const [due, setDue] = useState(
    toInputValue(
      kind === 'extend' && pending ? pending.newDueAt : (detail.dueAt ?? detail.asOf) + 86_400_000,
    ),
  );
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied');
  const [duplicateOf, setDuplicateOf] = useState(
    detail.related.find((r) => r.possibleDuplicate)?.caseNo ?? '',
  );
  // Registering: the 立案条件 of the case's category, the shortest limit first.
  const [pickedStandard, setPickedStandard] = useState<number | null>(detail.standardId);
  const standards = kind === 'register' ? (lookups?.standardsFor(detail.categoryCode) ?? []) : [];
  const standard = chosenStandard(standards, pickedStandard);
  const offerStandards = standards.length > 1;
  const needsText = REASON_MOVES.has(kind) || kind === 'handle' || kind === 'escalate';
  const units = (lookups?.raw.units ?? []).filter(
    (u) => u.active && (kind !== 'escalate' || u.kind !== 'street'),
  );
  const leadChoices = kind === 'escalate' ? units.filter((u) => u.kind === 'department') : units;

  function build(): MoveRequest {
    const note = text.trim() || null;
    switch (kind) {
      case 'void':
        return { kind, reason: text, duplicateOfCaseNo: duplicateOf.trim() || null };
      case 'dispatch':
        return { kind, leadUnitCode: lead, assistUnitCodes: assists, note };
      case 'escalate':
        return { kind, leadUnitCode: lead, assistUnitCodes: assists, note: text };
      case 'handle':
        return { kind, result: text };
      case 'return':
      case 'rework':
      case 'suspend':
      case 'decline_extension':
        return { kind, reason: text };
      case 'request_extension':
      case 'extend':
        return { kind, newDueAt: fromInputValue(due) ?? 0, reason: text };
      case 'supervise':
      case 'note':
        return { kind, note: text };
      case 'callback':
        return { kind, satisfaction, note };
      case 'register':
        return { kind, note, standardId: standard?.id ?? null };
      default:
        return { kind, note } as MoveRequest;
    }
  }
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    onSubmit(build());
  };
  const onTextKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form className="move-form form" onSubmit={submit} data-testid={`move-form-${kind}`}>
      {UNIT_MOVES.has(kind) ? (
        <>
          <FieldRow label={t('cases.move.lead')}>
            <select
              value={lead}
              onChange={(e) => setLead(e.target.value)}
              data-testid="move-lead"
              autoFocus
            >
              <option value="" disabled>
                —
              </option>
              {leadChoices.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                  {u.code === detail.suggestedLeadUnitCode
                    ? `（${t('cases.move.suggested')}）`
                    : ''}
                </option>
              ))}
            </select>
          </FieldRow>
          <FieldRow group label={t('cases.move.assists')} className="unit-picks">
            {units
              .filter((u) => u.code !== lead)
              .map((u) => (
                <label key={u.code} className="unit-pick">
                  <input
                    type="checkbox"
                    checked={assists.includes(u.code)}
                    onChange={(e) =>
                      setAssists(
                        e.target.checked
                          ? [...assists, u.code]
                          : assists.filter((c) => c !== u.code),
                      )
                    }
                  />
                  {u.name}
                </label>
              ))}
          </FieldRow>
        </>
      ) : null}
      {DUE_MOVES.has(kind) ? (
        <FieldRow label={t('cases.move.newDueAt')}>
          <input
            type="datetime-local"
            value={due}
            onChange={(e) => setDue(e.target.value)}
            data-testid="move-due"
            autoFocus
          />
        </FieldRow>
      ) : null}
      {kind === 'callback' ? (
        <FieldRow group label={t('cases.move.satisfaction')}>
          <div className="radio-row">
            {SATISFACTIONS.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="satisfaction"
                  checked={satisfaction === s}
                  onChange={() => setSatisfaction(s)}
                />
                {t(`cases.satisfaction.${s}`)}
              </label>
            ))}
          </div>
        </FieldRow>
      ) : null}
      {offerStandards ? (
        <StandardChoice
          options={standards}
          value={standard}
          onChange={setPickedStandard}
          onEnter={submit}
          autoFocus
          testId="move-standard"
        />
      ) : null}
      {kind === 'void' ? (
        <FieldRow label={t('cases.move.duplicateOf')}>
          <input value={duplicateOf} onChange={(e) => setDuplicateOf(e.target.value)} />
        </FieldRow>
      ) : null}
      <FieldRow
        label={
          kind === 'handle'
            ? t('cases.move.result')
            : needsText || DUE_MOVES.has(kind)
              ? t('cases.move.reason')
              : t('cases.move.note')
        }
      >
        {needsText ? (
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onTextKey}
            rows={2}
            data-testid="move-text"
            autoFocus={!UNIT_MOVES.has(kind) && !DUE_MOVES.has(kind)}
          />
        ) : (
          // An optional note: a one-line field, so Enter confirms at once.
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="move-text"
            autoFocus={!UNIT_MOVES.has(kind) && !DUE_MOVES.has(kind) && !offerStandards}
          />
        )}
      </FieldRow>
      <ErrorLine error={error} testId="move-error" />
      <FormActions
        working={busy}
        submitTestId="move-submit"
        submitLabel={
          <>
            {t('cases.move.confirm', { move: t(`move.${kind}`) })}{' '}
            <kbd>{needsText ? 'Ctrl+Enter' : 'Enter'}</kbd>
          </>
        }
        onCancel={onCancel}
        cancelLabel={
          <>
            {t('session.cancel')} <kbd>Esc</kbd>
          </>
        }
      />
    </form>
  );
}
