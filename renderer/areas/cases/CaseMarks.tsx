import type { CaseCard } from '../../../api/contract';
import { useT } from '../../i18n/locale-context';

/** 紧急, 吹 (escalated), 督 (supervised), 返N (reworked): each a word, with its meaning on hover. */
export function CaseMarks({
  row,
}: {
  row: Pick<CaseCard, 'urgency' | 'escalated' | 'supervised' | 'reworkCount'>;
}) {
  const t = useT();
  return (
    <span className="case-marks">
      {row.urgency === 'urgent' ? (
        <span className="mark mark--urgent" title={t('cases.urgency.urgent')}>
          {t('cases.urgency.urgent')}
        </span>
      ) : null}
      {row.escalated ? (
        <span
          className="mark mark--escalated"
          title={t('cases.card.escalatedTitle')}
          data-testid="mark-escalated"
        >
          {t('cases.card.escalated')}
        </span>
      ) : null}
      {row.supervised ? (
        <span
          className="mark mark--supervised"
          title={t('cases.card.supervisedTitle')}
          data-testid="mark-supervised"
        >
          {t('cases.card.supervised')}
        </span>
      ) : null}
      {row.reworkCount > 0 ? (
        <span className="mark" title={t('cases.card.reworkTitle', { count: row.reworkCount })}>
          {t('cases.card.rework', { count: row.reworkCount })}
        </span>
      ) : null}
    </span>
  );
}

/** 龙泉社区 / 第3网格: the grid's name repeats its community's, so the repeat is dropped. */
export function placeLabel(communityName: string | null, gridName: string | null): string {
  const shortGrid =
    communityName && gridName?.startsWith(communityName)
      ? gridName.slice(communityName.length)
      : gridName;
  return [communityName, shortGrid].filter((name): name is string => Boolean(name)).join(' / ');
}
