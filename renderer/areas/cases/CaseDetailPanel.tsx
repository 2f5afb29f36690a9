import { getApi } from '../../api/client';
import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail } from '../../../api/contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { canAct, useSession } from '../../session/session-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useCaseMove } from '../../ui/useCaseMove';
import { CaseAttachments } from './CaseAttachments';
import { CaseFields } from './CaseFields';
import { CaseMarks } from './CaseMarks';
import { CaseMoves } from './CaseMoves';
import { CaseTimeline } from './CaseTimeline';
import { ClockBadge } from './ClockBadge';
import { standardLines } from './case-standard';
import { StageStrip } from './StageStrip';
import type { Lookups } from './useCaseLookups';

const REFRESH_ON = ['cases.changed', 'data.changed'] as const;

/**
 * The case (案卷详情): its clock, the moves this user may make (numbered for the keyboard),
 * every field, the history, attachments and related cases. Esc closes. The board mounts it
 * anew for each case and each signed-in user (its key), so nothing of another's view lingers.
 */
export function CaseDetailPanel({
  caseId,
  now,
  lookups,
  onClose,
  onOpenCase,
}: {
  caseId: number;
  now: number;
  lookups: Lookups | null;
  onClose(): void;
  onOpenCase(id: number): void;
}) {
  const locale = useLocale();
  const { t, format } = locale;
  const session = useSession();
  const query = useApiQuery(
    'cases.get',
    { id: caseId },
    { refreshOn: REFRESH_ON, debounceMs: 150 },
  );
  const [fresh, setFresh] = useState<CaseDetail | null>(null);
  const { refresh } = query;
  // The answer of our own move is newer than the query's until the query catches up.
  const detail =
    fresh && (!query.data || fresh.asOf > query.data.asOf) ? fresh : (query.data ?? null);
  const acting = canAct(session.status);
  const moves = useCaseMove(detail, {
    acting,
    onMoved: useCallback((answer: { detail: CaseDetail }) => setFresh(answer.detail), []),
  });
  const { kind: moveKind, cancel, pickByKey } = moves;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        if (moveKind) cancel();
        else onClose();
        return;
      }
      pickByKey(event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [moveKind, cancel, pickByKey, onClose]);

  let body;
  if (!detail) {
    body = query.error ? <ErrorState error={query.error} onRetry={refresh} /> : <LoadingState />;
  } else {
    body = (
      <>
        <div className="detail__clock">
          <ClockBadge row={detail} now={now} withOnsite />
          {detail.dueAt ? (
            <span className="muted">
              {t('cases.detail.dueAt')} {format.tableDateTime(detail.dueAt)}
            </span>
          ) : null}
        </div>
        <StageStrip row={detail} limits={detail.stageLimits} now={now} testId="detail-stages" />
        {detail.standard ? (
          <dl className="fields detail__standard" data-testid="detail-standard">
            {standardLines(detail, locale).map((line) => (
              <div key={line.testId} className="fields__row">
                <dt>{line.label}</dt>
                <dd data-testid={line.testId}>{line.text}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <section className="detail__section" aria-label={t('cases.detail.moves')}>
          {getApi().seat?.display ? (
            <p className="muted" data-testid="detail-display-only">
              {t('cases.detail.displayOnly')}
            </p>
          ) : !acting ? (
            <p className="detail__sign-in">
              {t('cases.detail.signInToAct')}{' '}
              <button type="button" className="button" onClick={session.openSignIn}>
                {t('session.signIn')}
              </button>
            </p>
          ) : moves.allowed.length === 0 ? (
            <p className="muted">{t('cases.detail.noMoves')}</p>
          ) : null}
          {detail.pendingExtension ? (
            <p className="detail__pending">
              {t('cases.detail.pendingExtension', {
                by: detail.pendingExtension.requestedBy,
                time: format.tableDateTime(detail.pendingExtension.newDueAt),
                reason: detail.pendingExtension.reason,
              })}
            </p>
          ) : null}
          <CaseMoves detail={detail} lookups={lookups} moves={moves} />
        </section>
        <CaseFields detail={detail} />
        <section className="detail__section">
          <h3 className="detail__heading">{t('cases.detail.timeline')}</h3>
          <CaseTimeline events={detail.events} />
        </section>
        <section className="detail__section">
          <h3 className="detail__heading">{t('cases.detail.attachments')}</h3>
          <CaseAttachments caseId={detail.id} attachments={detail.attachments} canAdd={acting} />
        </section>
        <section className="detail__section">
          <h3 className="detail__heading">{t('cases.detail.related')}</h3>
          {detail.related.length === 0 ? (
            <p className="muted">{t('cases.detail.noRelated')}</p>
          ) : null}
          <ul className="related">
            {detail.related.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button mono" onClick={() => onOpenCase(r.id)}>
                  {r.caseNo}
                </button>{' '}
                {t(`caseState.${r.state}`)} · {r.categoryName} · {r.address} ·{' '}
                {format.tableDateTime(r.reportedAt)}
                {r.possibleDuplicate ? (
                  <span className="mark mark--urgent">{t('cases.detail.duplicate')}</span>
                ) : null}
                {r.distanceM != null ? (
                  <span className="muted">
                    {' '}
                    · {t('cases.detail.distance', { metres: r.distanceM })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </>
    );
  }

  return (
    <aside
      className="case-detail"
      aria-label={detail?.caseNo ?? t('cases.detail.loading')}
      data-testid="case-detail"
    >
      <header className="case-detail__head">
        <div className="case-detail__title">
          <span className="mono" data-testid="detail-case-no">
            {detail?.caseNo ?? '…'}
          </span>
          {detail ? (
            <span className={`state-chip state-chip--${detail.state}`} data-testid="detail-state">
              {t(`caseState.${detail.state}`)}
            </span>
          ) : null}
          {detail ? <CaseMarks row={detail} /> : null}
        </div>
        <button
          type="button"
          className="button button--quiet"
          onClick={onClose}
          data-testid="detail-close"
        >
          {t('cases.detail.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <div className="case-detail__body">{body}</div>
    </aside>
  );
}
