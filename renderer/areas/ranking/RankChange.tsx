import { useT } from '../../i18n/locale-context';

/** ▲2 / ▼1 / — / 新, with the words in the tooltip and for screen readers. */
export function RankChange({
  rank,
  previousRank,
  source,
}: {
  rank: number | null;
  previousRank: number | null;
  source: 'bulletin' | 'live';
}) {
  const t = useT();
  const basis = t(
    source === 'bulletin' ? 'ranking.change.sourceBulletin' : 'ranking.change.sourceLive',
  );
  if (rank === null) return <span className="muted">—</span>;
  if (previousRank === null) {
    return (
      <span
        className="rank-change rank-change--new"
        title={`${t('ranking.change.new')} · ${basis}`}
      >
        {t('ranking.change.new')}
      </span>
    );
  }
  const change = previousRank - rank;
  const words =
    change > 0
      ? t('ranking.change.up', { n: change })
      : change < 0
        ? t('ranking.change.down', { n: -change })
        : t('ranking.change.same');
  return (
    <span
      className={`rank-change rank-change--${change > 0 ? 'up' : change < 0 ? 'down' : 'same'}`}
      title={`${words} · ${basis}`}
      aria-label={words}
    >
      {change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '—'}
    </span>
  );
}
