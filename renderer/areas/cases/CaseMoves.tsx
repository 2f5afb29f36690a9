/**
 * A case's moves as the user sees them, the same on the board's detail panel and on the
 * map's case card: the allowed moves numbered for the keyboard, the refused ones with
 * their reason, what just went through, and the form of the move being made. The state
 * and the call are useCaseMove's (renderer/ui); this is only how they look.
 */
import type { CaseDetail } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import type { useCaseMove } from '../../ui/useCaseMove';
import { MoveForm } from './MoveForm';
import type { Lookups } from './useCaseLookups';
import './case-moves.css';

export function CaseMoves({
  detail,
  lookups,
  moves,
}: {
  detail: CaseDetail;
  lookups: Lookups | null;
  moves: ReturnType<typeof useCaseMove>;
}) {
  const { t, locale } = useLocale();
  return (
    <>
      {moves.done && !moves.kind ? (
        <p className="move-done" role="status" data-testid="move-done">
          {moves.done}
        </p>
      ) : null}
      <div className="move-bar" data-testid="move-bar">
        {moves.allowed.map((option, i) => (
          <button
            key={option.kind}
            type="button"
            className={`button move-button${moves.kind === option.kind ? ' move-button--active' : ''}`}
            onClick={() => moves.choose(option.kind)}
            title={t('cases.move.key', { key: i + 1 })}
            data-testid={`move-${option.kind}`}
          >
            <kbd>{i + 1}</kbd> {t(`move.${option.kind}`)}
          </button>
        ))}
        {moves.refused.map((option) => (
          <span
            key={option.kind}
            className="move-refused"
            data-testid={`move-refused-${option.kind}`}
          >
            {t('cases.move.refusedLine', {
              move: t(`move.${option.kind}`),
              reason: option.reason?.[locale === 'zh-CN' ? 'zh' : 'en'] ?? '',
            })}
          </span>
        ))}
      </div>
      {moves.stale ? (
        <p className="move-stale" role="status" data-testid="move-stale">
          {t('cases.move.stale', { state: t(`caseState.${detail.state}`) })}
        </p>
      ) : null}
      {moves.kind ? (
        <MoveForm
          key={moves.kind}
          kind={moves.kind}
          detail={detail}
          lookups={lookups}
          busy={moves.working}
          error={moves.error}
          onSubmit={(move) => void moves.submit(move)}
          onCancel={moves.cancel}
        />
      ) : null}
    </>
  );
}
