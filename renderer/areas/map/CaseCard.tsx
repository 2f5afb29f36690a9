import { Fragment, useEffect, useRef } from 'react';
import { caseClock } from '../../../core/cases/case-clock';
import { CASE_SOURCE_ZH } from '../../../core/glossary';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useCaseMove } from '../../ui/useCaseMove';
// One look for a case's moves in the whole app: the case board's.
import { CaseMoves } from '../cases/CaseMoves';
import { standardLines } from '../cases/case-standard';
import { StageStrip } from '../cases/StageStrip';
import { useCaseLookups } from '../cases/useCaseLookups';

interface CaseCardProps {
  id: number;
  now: number;
  onClose(): void;
  onOpenGrid(code: string): void;
}

const REFRESH_ON = ['cases.changed', 'data.changed'] as const;

/**
 * The case card on the map: what the case is, its clock, and the moves this user may make
 * now (cases.get lists them; cases.move makes them), numbered for the keyboard.
 */
export function CaseCard({ id, now, onClose, onOpenGrid }: CaseCardProps) {
  const localeContext = useLocale();
  const { t, format, locale } = localeContext;
  const query = useApiQuery('cases.get', { id }, { refreshOn: REFRESH_ON });
  const { lookups } = useCaseLookups();
  const card = useRef<HTMLElement>(null);
  const detail = query.data ?? null;
  // The parent keys this card by case id, so another case starts with a clean form.
  const moves = useCaseMove(detail, { onMoved: query.refresh });
  const { pickByKey } = moves;

  // Number keys pick a move while the card has focus (docs/design/UI.md: moves on number keys).
  useEffect(() => {
    const element = card.current;
    if (!element) return;
    element.addEventListener('keydown', pickByKey);
    return () => element.removeEventListener('keydown', pickByKey);
  }, [pickByKey, detail]);

  if (!detail) {
    return (
      <section className="map-panel__body">
        {query.error ? (
          <ErrorState error={query.error} onRetry={query.refresh} />
        ) : (
          <LoadingState />
        )}
      </section>
    );
  }

  const clock = caseClock(detail, now).main;
  const running = clock && 'remainingMs' in clock ? clock : null;
  const clockWord = running ? t(`map.clock.${running.state}`) : null;
  return (
    <section
      className="map-panel__body"
      data-testid="case-card"
      tabIndex={-1}
      ref={card}
      aria-labelledby="case-card-title"
    >
      <header className="map-panel__head">
        <div>
          <div className="map-panel__kicker">
            {t(
              detail.categoryKind === 'component'
                ? 'map.case.kind.component'
                : 'map.case.kind.event',
            )}{' '}
            · {detail.majorName}
          </div>
          <h2 id="case-card-title" className="map-panel__title">
            {detail.categoryName}
          </h2>
          <div className="mono small">{detail.caseNo}</div>
        </div>
        <button
          type="button"
          className="button button--quiet"
          aria-label={t('map.panel.close')}
          title={t('map.panel.close')}
          onClick={onClose}
        >
          ✕
        </button>
      </header>
      <div className="case-card__status">
        <span className="state-chip" data-testid="case-state">
          {t(`caseState.${detail.state}`)}
        </span>
        {running ? (
          <span
            className={`clock-badge clock-badge--${running.state === 'near_due' ? 'near-due' : running.state}`}
          >
            {clockWord} ·{' '}
            {running.remainingMs >= 0
              ? t('map.case.left', { span: format.duration(running.remainingMs) })
              : t('map.case.past', { span: format.duration(-running.remainingMs) })}
          </span>
        ) : null}
        {detail.urgency === 'urgent' ? (
          <span className="badge badge--urgent">{t('map.case.urgent')}</span>
        ) : null}
        {detail.supervised ? (
          <span className="badge badge--muted">{t('map.case.supervised')}</span>
        ) : null}
      </div>
      <StageStrip row={detail} limits={detail.stageLimits} now={now} testId="card-stages" />
      {detail.description ? <p className="case-card__text">{detail.description}</p> : null}
      <dl className="facts">
        <dt>{t('map.case.address')}</dt>
        <dd>{detail.address ?? '—'}</dd>
        <dt>{t('map.case.place')}</dt>
        <dd>
          {detail.gridCode ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onOpenGrid(detail.gridCode!)}
            >
              {detail.communityName} · {detail.gridName}
            </button>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('map.case.source')}</dt>
        <dd>
          {locale === 'zh-CN' ? CASE_SOURCE_ZH[detail.source] : detail.source.replace(/_/g, ' ')}
        </dd>
        <dt>{t('map.case.reportedAt')}</dt>
        <dd>{format.tableDateTime(detail.reportedAt)}</dd>
        {detail.standard ? (
          // The 立案条件, its 结案条件 and the limit with its deadline.
          standardLines(detail, localeContext).map((line) => (
            <Fragment key={line.testId}>
              <dt>{line.label}</dt>
              <dd data-testid={`card-${line.testId.replace('detail-', '')}`}>{line.text}</dd>
            </Fragment>
          ))
        ) : detail.dueAt ? (
          <>
            <dt>{t('map.case.dueAt')}</dt>
            <dd>{format.tableDateTime(detail.dueAt)}</dd>
          </>
        ) : null}
        <dt>{t('map.case.leadUnit')}</dt>
        <dd>{detail.leadUnitName ?? '—'}</dd>
      </dl>

      <h3 className="map-panel__section">{t('map.case.moves')}</h3>
      {moves.allowed.length === 0 ? <p className="muted">{t('map.case.noMoves')}</p> : null}
      <CaseMoves detail={detail} lookups={lookups} moves={moves} />
    </section>
  );
}
