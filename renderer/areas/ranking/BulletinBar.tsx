import type { BulletinSummary, DraftSummary, RankingResult } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';

/**
 * What has been published for this month and level, which version is on screen (live or a
 * frozen one), and whether today's data still matches the newest version. A bulletin whose
 * stored figures no longer match the checksum taken at publish gets a banner above it all.
 */
export function BulletinBar({
  versions,
  drafts,
  shown,
  liveSha,
  bulletinId,
  draftId,
  onShow,
}: {
  versions: readonly BulletinSummary[];
  /** This level's drafts (征求意见稿), newest first. */
  drafts: readonly DraftSummary[];
  shown: RankingResult;
  liveSha: string | null;
  bulletinId: number | null;
  draftId: number | null;
  onShow(which: { bulletin?: number; draft?: number } | null): void;
}) {
  const { t, format } = useLocale();
  const latest = versions[0] ?? null;
  let status: string;
  if (shown.draft) {
    const d = shown.draft;
    status = t('ranking.status.draft', {
      version: d.version,
      time: format.tableDateTime(d.createdAt),
      by: d.createdBy,
      until: format.tableDateTime(d.appealDeadline),
    });
  } else if (shown.bulletin) {
    const b = shown.bulletin;
    status = t('ranking.status.frozen', {
      version: b.version,
      time: format.tableDateTime(b.publishedAt),
      by: b.publishedBy,
    });
    if (liveSha && b.inputsSha256)
      status +=
        ' ' +
        t(
          liveSha === b.inputsSha256
            ? 'ranking.status.frozenCurrent'
            : 'ranking.status.frozenStale',
        );
  } else if (latest) {
    status = t('ranking.status.published', {
      version: latest.version,
      time: format.tableDateTime(latest.publishedAt),
      by: latest.publishedBy,
    });
    // No verdict without today's checksum (it comes with the next refresh).
    if (shown.inputsSha256)
      status +=
        ' ' +
        (latest.inputsSha256 === shown.inputsSha256
          ? t('ranking.status.same', { version: latest.version })
          : t('ranking.status.changed', { version: latest.version, next: latest.version + 1 }));
  } else {
    status = t('ranking.status.unpublished');
  }
  const tampered = shown.bulletin !== null && shown.bulletinIntact === false;
  return (
    <div
      className={`bulletin-bar${shown.bulletin ? ' bulletin-bar--frozen' : ''}${tampered ? ' bulletin-bar--tampered' : ''}`}
      data-testid="bulletin-bar"
    >
      {tampered ? (
        <p className="bulletin-bar__tampered" role="alert" data-testid="bulletin-tampered">
          {t('ranking.tampered', { version: shown.bulletin!.version })}
        </p>
      ) : null}
      <p className="bulletin-bar__status" data-testid="bulletin-status">
        {status}
      </p>
      <div className="rk-switch" role="group" aria-label={t('ranking.sourceLabel')}>
        <button
          type="button"
          className={bulletinId === null && draftId === null ? 'rk-switch__on' : undefined}
          aria-pressed={bulletinId === null && draftId === null}
          onClick={() => onShow(null)}
        >
          {t('ranking.source.live')}
        </button>
        {[...drafts].reverse().map((d) => (
          <button
            key={`draft-${d.id}`}
            type="button"
            className={draftId === d.id ? 'rk-switch__on' : undefined}
            aria-pressed={draftId === d.id}
            onClick={() => onShow({ draft: d.id })}
            data-testid={`draft-version-${d.version}`}
          >
            {t('ranking.source.draft', { version: d.version })}
          </button>
        ))}
        {[...versions].reverse().map((v) => (
          <button
            key={v.id}
            type="button"
            className={bulletinId === v.id ? 'rk-switch__on' : undefined}
            aria-pressed={bulletinId === v.id}
            onClick={() => onShow({ bulletin: v.id })}
            data-testid={`bulletin-version-${v.version}`}
          >
            {t('ranking.source.version', { version: v.version })}
          </button>
        ))}
      </div>
      <span className="bulletin-bar__meta muted">
        {t('ranking.status.weights', { id: shown.weightSet.id })}
        {/* A live month with no version has nothing to compare a checksum with: none is made. */}
        {shown.inputsSha256
          ? ` · ${t('ranking.status.checksum', { sha: shown.inputsSha256.slice(0, 12) })}`
          : null}
      </span>
    </div>
  );
}
