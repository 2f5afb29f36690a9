import type { RankingRow, WeeklyAgenda } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';
import {
  formatRate,
  formatScore,
  RATE_PARTS,
  type DrillTarget,
  type RateKey,
} from '../ranking/figures';
import { TierChip } from '../ranking/TierChip';
import { signedChange } from './week-words';

const RATES: ReadonlyArray<
  [RateKey, 'weekly.column.onTimeRate' | 'weekly.column.closureRate' | 'weekly.column.reworkRate']
> = [
  ['onTimeRate', 'weekly.column.onTimeRate'],
  ['closureRate', 'weekly.column.closureRate'],
  ['reworkRate', 'weekly.column.reworkRate'],
];

/** Last week's figures per community, with tiers and the change against the week before. */
export function AgendaFigures({
  agenda,
  onDrill,
}: {
  agenda: WeeklyAgenda;
  onDrill(target: DrillTarget): void;
}) {
  const { t, format } = useLocale();
  if (agenda.figures.length === 0) return <EmptyState message={t('ranking.empty')} />;
  const period = agenda.figuresWeek.key;
  const open = (row: RankingRow, target: Omit<DrillTarget, 'unitCode' | 'unitName' | 'period'>) =>
    onDrill({ unitCode: row.unitCode, unitName: row.unitName, period, ...target });
  return (
    <div className="table-scroll">
      <table className="data-table wk-figures" data-testid="agenda-figures">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('weekly.column.rank')}
            </th>
            <th scope="col">{t('weekly.column.community')}</th>
            <th scope="col">{t('weekly.column.tier')}</th>
            <th scope="col" className="num">
              {t('weekly.column.score')}
            </th>
            <th scope="col" className="num">
              {t('weekly.column.change')}
            </th>
            <th scope="col" className="num">
              {t('weekly.column.due')}
            </th>
            {RATES.map(([key, label]) => (
              <th key={key} scope="col" className="num">
                {t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {agenda.figures.map((row) => {
            const change =
              row.score !== null && row.previousScore !== null
                ? row.score - row.previousScore
                : null;
            const tierMoved = row.tier && row.previousTier && row.tier !== row.previousTier;
            return (
              <tr
                key={row.unitCode}
                className={`ranking-row--${row.tier ?? 'none'}`}
                data-testid="agenda-figure-row"
              >
                <td className="num">{row.rank ?? '—'}</td>
                <td>{row.unitName}</td>
                <td>
                  <TierChip tier={row.tier} />
                  {tierMoved ? (
                    <span className="wk-tier-moved">
                      {t('weekly.tierChanged', {
                        from: t(`tier.${row.previousTier!}`),
                        to: t(`tier.${row.tier!}`),
                      })}
                    </span>
                  ) : null}
                </td>
                <td className="num">
                  {row.score === null ? (
                    '—'
                  ) : (
                    <button
                      type="button"
                      className="rk-figure"
                      onClick={() => open(row, { figure: 'due' })}
                    >
                      {formatScore(row.score)}
                    </button>
                  )}
                </td>
                <td className="num" title={change === null ? t('weekly.change.none') : undefined}>
                  {change === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <span className={change < 0 ? 'wk-down' : 'wk-up'}>{signedChange(change)}</span>
                  )}
                </td>
                <td className="num">
                  <button
                    type="button"
                    className="rk-figure"
                    onClick={() => open(row, { figure: 'due' })}
                  >
                    {format.count(row.counts.due)}
                  </button>
                </td>
                {RATES.map(([key]) => (
                  <td key={key} className="num">
                    {row.rates[key] === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <button
                        type="button"
                        className="rk-figure"
                        onClick={() =>
                          open(row, {
                            figure: RATE_PARTS[key].denominator,
                            marked: RATE_PARTS[key].numerator,
                          })
                        }
                      >
                        {formatRate(row.rates[key])}
                      </button>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
