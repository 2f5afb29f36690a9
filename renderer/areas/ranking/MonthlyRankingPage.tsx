import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DraftSummary, RankingLevel, RankingResult } from '../../../api/contract';
import {
  parsePeriodKey,
  periodContaining,
  periodsEndingWith,
  shiftPeriod,
} from '../../../core/ranking/periods';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useNow } from '../../time/useNow';
import { isTypingInto } from '../../ui/is-typing-into';
import { BulletinBar } from './BulletinBar';
import { ExportButtons } from './ExportButtons';
import { periodLabel } from './figures';
import { PublishDialog } from './PublishDialog';
import { RankingBody } from './RankingBody';
import { WeightsDialog } from './WeightsDialog';
import './controls.css';
import './ranking.css';
import { PageShell } from '../../ui/PageShell';
import { ErrorLine } from '../../ui/ErrorLine';
import { useApiCall } from '../../ui/useApiCall';
import { useFlash } from '../../ui/useFlash';
import { AppealsPanel } from './AppealsPanel';

const LEVELS: readonly RankingLevel[] = ['community', 'grid', 'unit'];
const LIVE = ['cases.changed', 'data.changed'] as const;
const DATA = ['data.changed'] as const;

/** 月度排名 (lazy route chunk): ?month=YYYY-MM&level=…&view=table|board&bulletin=<id>. */
export default function MonthlyRankingPage() {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const now = useNow(60_000);
  const current = periodContaining('month', now);
  const requested = parsePeriodKey(params.get('month') ?? '');
  const month =
    requested?.kind === 'month' && requested.start <= now
      ? requested.key
      : shiftPeriod(current, -1).key;
  const level = (LEVELS as readonly string[]).includes(params.get('level') ?? '')
    ? (params.get('level') as RankingLevel)
    : 'community';
  const view = params.get('view') === 'board' ? 'board' : 'table';
  const bulletinId = Number(params.get('bulletin')) > 0 ? Number(params.get('bulletin')) : null;
  const draftId =
    bulletinId === null && Number(params.get('draft')) > 0 ? Number(params.get('draft')) : null;
  const [dialog, setDialog] = useState<'publish' | 'weights' | null>(null);
  const [notice, setNotice] = useFlash();

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const months = periodsEndingWith(current, 24).reverse();
  const monthIndex = months.findIndex((m) => m.key === month);
  const goMonth = (by: number) => {
    const target = months[monthIndex - by];
    if (target) update({ month: target.key, bulletin: null });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isTypingInto(event.target) ||
        dialog
      )
        return;
      if (event.key === '[') goMonth(-1);
      else if (event.key === ']') goMonth(1);
      else if (event.key.toLowerCase() === 'v') update({ view: view === 'table' ? 'board' : null });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const live = useApiQuery('ranking.compute', { period: month, level }, { refreshOn: LIVE });
  const trend = useApiQuery(
    'ranking.trend',
    { period: month, level, count: 12 },
    { refreshOn: LIVE },
  );
  const versions = useApiQuery('bulletin.list', { period: month, level }, { refreshOn: DATA });
  const appeals = useApiQuery('appeals.list', { period: month }, { refreshOn: DATA });
  const drafts = (appeals.data?.drafts ?? []).filter((d) => d.level === level);
  const show = (which: { bulletin?: number; draft?: number } | null) =>
    update({
      bulletin: which?.bulletin ? String(which.bulletin) : null,
      draft: which?.draft ? String(which.draft) : null,
    });
  const monthText = periodLabel(t, month);
  const monthOver = parsePeriodKey(month)!.end <= now;
  const latest = versions.data?.[0] ?? null;
  const ranked = live.data?.rows.filter((r) => r.rank !== null).length ?? 0;
  // 出征求意见稿: freezes every level as a draft and opens the appeal window.
  const drafting = useApiCall('bulletin.draft');
  const makeDraft = async () => {
    const made = await drafting.run({ period: month });
    const first = made?.find((d) => d.level === level) ?? made?.[0];
    if (first) appeals.refresh();
    if (first)
      setNotice((t, format) =>
        t('ranking.draftDone', {
          version: first.version,
          time: format.tableDateTime(first.appealDeadline),
        }),
      );
  };

  let body;
  if (bulletinId !== null || draftId !== null) {
    body = (
      <FrozenRanking
        bulletinId={bulletinId}
        draftId={draftId}
        month={month}
        level={level}
        view={view}
        liveSha={live.data?.inputsSha256 ?? null}
        versions={versions.data ?? []}
        drafts={drafts}
        onShow={show}
      />
    );
  } else if (live.data) {
    body = (
      <>
        <BulletinBar
          versions={versions.data ?? []}
          drafts={drafts}
          shown={live.data}
          liveSha={live.data.inputsSha256}
          bulletinId={null}
          draftId={null}
          onShow={show}
        />
        <RankingBody ranking={live.data} trend={null} trendQuery={trend} view={view} />
      </>
    );
  } else if (live.error) {
    body = <ErrorState error={live.error} onRetry={live.refresh} />;
  } else {
    body = <LoadingState />;
  }

  return (
    <PageShell
      className="ranking"
      testId="area-ranking"
      title={t('area.ranking.title')}
      subtitle={t('ranking.subtitle', {
        period: monthText,
        level: t(`ranking.level.${level}`),
        ranked,
      })}
      toolbar={
        <div className="rk-period-nav" title={t('ranking.periodShortcut')}>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => goMonth(-1)}
            disabled={monthIndex >= months.length - 1}
          >
            ◀ {t('ranking.previousMonth')} <kbd>[</kbd>
          </button>
          <select
            className="rk-period-nav__select"
            aria-label={t('ranking.monthPicker')}
            value={month}
            onChange={(e) => update({ month: e.target.value, bulletin: null })}
            data-testid="month-select"
          >
            {months.map((m) => (
              <option key={m.key} value={m.key}>
                {m.key === current.key
                  ? t('ranking.monthRunning', { label: periodLabel(t, m.key) })
                  : periodLabel(t, m.key)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => goMonth(1)}
            disabled={monthIndex <= 0}
          >
            {t('ranking.nextMonth')} ▶ <kbd>]</kbd>
          </button>
        </div>
      }
    >
      <div className="ranking__toolbar">
        <div className="rk-switch" role="group" aria-label={t('ranking.levelLabel')}>
          {LEVELS.map((l) => (
            <button
              key={l}
              type="button"
              className={l === level ? 'rk-switch__on' : undefined}
              aria-pressed={l === level}
              onClick={() => update({ level: l === 'community' ? null : l, bulletin: null })}
              title={l === 'unit' ? t('ranking.levelHint.unit') : undefined}
            >
              {t(`ranking.level.${l}`)}
            </button>
          ))}
        </div>
        <div className="rk-switch" role="group" title={t('ranking.viewShortcut')}>
          {(['table', 'board'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={v === view ? 'rk-switch__on' : undefined}
              aria-pressed={v === view}
              onClick={() => update({ view: v === 'table' ? null : v })}
              data-testid={`view-${v}`}
            >
              {t(`ranking.view.${v}`)}
            </button>
          ))}
        </div>
        <span className="ranking__toolbar-spacer" />
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setDialog('weights')}
          data-testid="open-weights"
        >
          {t('ranking.weights')}
        </button>
        <ExportButtons period={month} level={level} bulletinId={bulletinId} draftId={draftId} />
        <button
          type="button"
          className="button"
          disabled={!monthOver || !live.data || latest !== null || drafting.working}
          title={
            monthOver ? t('ranking.draftHint') : t('ranking.publishNotOver', { period: monthText })
          }
          onClick={() => void makeDraft()}
          data-testid="make-draft"
        >
          {t('ranking.draft')}
        </button>
        <button
          type="button"
          className="button rk-primary"
          disabled={!monthOver || !live.data}
          title={monthOver ? undefined : t('ranking.publishNotOver', { period: monthText })}
          onClick={() => setDialog('publish')}
          data-testid="open-publish"
        >
          {t('ranking.publish')}
        </button>
      </div>
      {notice ? (
        <p className="ranking__notice" role="status" data-testid="ranking-notice">
          {notice}
        </p>
      ) : null}
      <ErrorLine error={drafting.error} testId="draft-error" />
      {body}
      <AppealsPanel month={month} monthText={monthText} query={appeals} />
      {dialog === 'publish' && live.data ? (
        <PublishDialog
          period={month}
          periodText={monthText}
          level={level}
          nextVersion={(latest?.version ?? 0) + 1}
          inputsSha256={live.data.inputsSha256}
          appealWindowUntil={appeals.data?.window?.open ? appeals.data.window.closesAt : null}
          onClose={() => setDialog(null)}
          onPublished={(bulletin) => {
            setDialog(null);
            setNotice((t) => t('ranking.publishDialog.done', { version: bulletin.version }));
            versions.refresh();
            show({ bulletin: bulletin.id });
          }}
        />
      ) : null}
      {dialog === 'weights' ? <WeightsDialog onClose={() => setDialog(null)} /> : null}
    </PageShell>
  );
}

function FrozenRanking(props: {
  bulletinId: number | null;
  draftId: number | null;
  month: string;
  level: RankingLevel;
  view: 'table' | 'board';
  liveSha: string | null;
  versions: NonNullable<ReturnType<typeof useApiQuery<'bulletin.list'>>['data']>;
  drafts: readonly DraftSummary[];
  onShow(which: { bulletin?: number; draft?: number } | null): void;
}) {
  const frozen = useApiQuery('ranking.compute', {
    period: props.month,
    level: props.level,
    ...(props.bulletinId !== null ? { bulletinId: props.bulletinId } : {}),
    ...(props.draftId !== null ? { draftId: props.draftId } : {}),
  });
  if (frozen.error) return <ErrorState error={frozen.error} onRetry={frozen.refresh} />;
  if (!frozen.data) return <LoadingState />;
  const ranking: RankingResult = frozen.data;
  return (
    <>
      <BulletinBar
        versions={props.versions}
        drafts={props.drafts}
        shown={ranking}
        liveSha={props.liveSha}
        bulletinId={props.bulletinId}
        draftId={props.draftId}
        onShow={props.onShow}
      />
      <RankingBody ranking={ranking} trend={ranking.trend} trendQuery={null} view={props.view} />
    </>
  );
}
