import { useEffect, useMemo, useRef, useState } from 'react';
import type { MoveRequest } from '../../../api/contract';
import { caseClock } from '../../../core/cases/case-clock';
import { MOVE_EN, MOVE_ZH, type MoveKind } from '../../../core/cases/moves';
import { CASE_SOURCE_ZH } from '../../../core/glossary';
import { toApiError, type ApiError } from '../../api/api-error';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
// One move form for the whole app: the case board's.
import { MoveForm } from '../cases/MoveForm';
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
  const { t, format, locale } = useLocale();
  const query = useApiQuery('cases.get', { id }, { refreshOn: REFRESH_ON });
  const { lookups } = useCaseLookups();
  const [moving, setMoving] = useState<MoveKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const card = useRef<HTMLElement>(null);
  const detail = query.data;

  // The parent keys this card by case id, so another case starts with a clean form.
  const allowed = useMemo(() => detail?.moves.filter((m) => m.allowed) ?? [], [detail]);
  const refused = detail?.moves.filter((m) => !m.allowed) ?? [];
  const moveName = (kind: MoveKind) => (locale === 'zh-CN' ? MOVE_ZH[kind] : MOVE_EN[kind]);

  // Number keys pick a move while the card has focus (UI.md: moves on number keys).
  useEffect(() => {
    const element = card.current;
    if (!element) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement).closest('input, textarea, select') || moving) return;
      const n = Number(event.key);
      if (Number.isInteger(n) && n >= 1 && n <= allowed.length) {
        event.preventDefault();
        setMoving(allowed[n - 1]!.kind);
      }
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [allowed, moving]);

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

  const submit = async (move: MoveRequest) => {
    setBusy(true);
    setFailure(null);
    try {
      await getApi().call('cases.move', { caseId: detail.id, expectedState: detail.state, move });
      setDone(t('map.case.moved', { move: moveName(move.kind) }));
      setMoving(null);
      query.refresh();
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

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
        {detail.dueAt ? (
          <>
            <dt>{t('map.case.dueAt')}</dt>
            <dd>{format.tableDateTime(detail.dueAt)}</dd>
          </>
        ) : null}
        <dt>{t('map.case.leadUnit')}</dt>
        <dd>{detail.leadUnitName ?? '—'}</dd>
      </dl>

      <h3 className="map-panel__section">{t('map.case.moves')}</h3>
      {done ? (
        <p className="move-done" role="status" data-testid="move-done">
          {done}
        </p>
      ) : null}
      {allowed.length === 0 ? <p className="muted">{t('map.case.noMoves')}</p> : null}
      <div className="move-buttons">
        {allowed.map((m, i) => (
          <button
            key={m.kind}
            type="button"
            className={`button${moving === m.kind ? ' is-active' : ''}`}
            data-testid={`move-${m.kind}`}
            onClick={() => setMoving(m.kind)}
          >
            <kbd aria-hidden="true">{i + 1}</kbd>
            {moveName(m.kind)}
          </button>
        ))}
      </div>
      {refused.length > 0 ? (
        <ul className="move-refused">
          {refused.map((m) => (
            <li key={m.kind}>
              {moveName(m.kind)}：{m.reason ? (locale === 'zh-CN' ? m.reason.zh : m.reason.en) : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {moving ? (
        <MoveForm
          key={moving}
          kind={moving}
          detail={detail}
          lookups={lookups}
          busy={busy}
          error={failure}
          onSubmit={(move) => void submit(move)}
          onCancel={() => setMoving(null)}
        />
      ) : null}
    </section>
  );
}
