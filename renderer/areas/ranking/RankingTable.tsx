import type { RankingResult, RankingRow } from '../../../api/contract';
import type { CountFigure } from '../../../core/ranking/unit-counts';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/zh-CN';
import { EmptyState } from '../../states/EmptyState';
import { formatRate, formatScore, RATE_PARTS, type DrillTarget, type RateKey } from './figures';
import { RankChange } from './RankChange';
import { TierChip } from './TierChip';

const COUNT_COLUMNS: ReadonlyArray<[CountFigure, MessageKey]> = [
  ['due', 'ranking.column.due'],
  ['closed', 'ranking.column.closed'],
  ['onTime', 'ranking.column.onTime'],
];
const HANDLING_RATES: ReadonlyArray<[RateKey, MessageKey]> = [
  ['closureRate', 'ranking.column.closureRate'],
  ['onTimeRate', 'ranking.column.onTimeRate'],
  ['reworkRate', 'ranking.column.reworkRate'],
  ['extensionRate', 'ranking.column.extensionRate'],
  ['satisfactionRate', 'ranking.column.satisfactionRate'],
];
const INTAKE_COLUMNS: ReadonlyArray<[CountFigure, MessageKey]> = [
  ['reported', 'ranking.column.reported'],
  ['registered', 'ranking.column.registered'],
];
const INTAKE_RATES: ReadonlyArray<[RateKey, MessageKey]> = [
  ['registrationRate', 'ranking.column.registrationRate'],
  ['timelyAcceptRate', 'ranking.column.timelyAcceptRate'],
];
/** The per-stage on-time rates (accept is the intake group's 及时受理率): not in the score unless weighted. */
const STAGE_RATES: ReadonlyArray<[RateKey, MessageKey]> = [
  ['dispatchOnTimeRate', 'ranking.column.dispatchOnTimeRate'],
  ['onsiteOnTimeRate', 'ranking.column.onsiteOnTimeRate'],
  ['handleOnTimeRate', 'ranking.column.handleOnTimeRate'],
  ['verifyOnTimeRate', 'ranking.column.verifyOnTimeRate'],
];

/**
 * The ranking table: rank, change, unit, tier (colour and word), grade, score, then every
 * count and rate. Every number is a button that opens the cases behind it; the unit's name
 * highlights its line in the trend.
 */
export function RankingTable({
  ranking,
  selected,
  onSelect,
  onDrill,
}: {
  ranking: RankingResult;
  selected: string | null;
  onSelect(unitCode: string): void;
  onDrill(target: DrillTarget): void;
}) {
  const { t, format } = useLocale();
  if (ranking.rows.length === 0) return <EmptyState message={t('ranking.empty')} />;

  const count = (row: RankingRow, figure: CountFigure) => (
    <td className="num">
      <button
        type="button"
        className="rk-figure"
        title={t('ranking.figureOpens')}
        data-testid={`figure-${figure}`}
        onClick={() => onDrill({ unitCode: row.unitCode, unitName: row.unitName, figure })}
      >
        {format.count(row.counts[figure])}
      </button>
    </td>
  );
  const rate = (row: RankingRow, key: RateKey) => {
    const parts = RATE_PARTS[key];
    const value = row.rates[key];
    return (
      <td className="num">
        {value === null ? (
          <span className="muted">—</span>
        ) : (
          <button
            type="button"
            className="rk-figure"
            data-testid={`rate-${key}`}
            title={t('ranking.rateOf', {
              rate: formatRate(value),
              numerator: format.count(row.counts[parts.numerator]),
              denominator: format.count(row.counts[parts.denominator]),
            })}
            onClick={() =>
              onDrill({
                unitCode: row.unitCode,
                unitName: row.unitName,
                figure: parts.denominator,
                marked: parts.numerator,
              })
            }
          >
            {formatRate(value)}
          </button>
        )}
      </td>
    );
  };

  return (
    <div className="table-scroll ranking-table__scroll">
      <table className="data-table ranking-table" data-testid="ranking-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('ranking.column.rank')}
            </th>
            <th scope="col">{t('ranking.column.change')}</th>
            <th scope="col">{t('ranking.column.unit')}</th>
            <th scope="col">{t('ranking.column.tier')}</th>
            <th scope="col">{t('ranking.column.grade')}</th>
            <th scope="col" className="num">
              {t('ranking.column.score')}
            </th>
            {COUNT_COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" className="num">
                {t(label)}
              </th>
            ))}
            {HANDLING_RATES.map(([key, label]) => (
              <th key={key} scope="col" className="num">
                {t(label)}
              </th>
            ))}
            {INTAKE_COLUMNS.map(([key, label]) => (
              <th key={key} scope="col" className="num ranking-table__intake">
                {t(label)}
              </th>
            ))}
            {INTAKE_RATES.map(([key, label]) => (
              <th key={key} scope="col" className="num">
                {t(label)}
              </th>
            ))}
            {STAGE_RATES.map(([key, label], i) => (
              <th
                key={key}
                scope="col"
                className={`num${i === 0 ? ' ranking-table__stages' : ''}`}
                title={t('ranking.stageHint')}
              >
                {t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranking.rows.map((row) => (
            <tr
              key={row.unitCode}
              data-testid="ranking-row"
              data-unit={row.unitCode}
              className={`ranking-row--${row.tier ?? 'none'}${selected === row.unitCode ? ' ranking-row--selected' : ''}`}
            >
              <td className="num ranking-table__rank">
                {row.rank ?? (
                  <span className="muted" title={t('ranking.unrankedHint')}>
                    —
                  </span>
                )}
              </td>
              <td>
                <RankChange
                  rank={row.rank}
                  previousRank={row.previousRank}
                  source={ranking.previousSource}
                />
              </td>
              <td className="ranking-table__unit">
                <button
                  type="button"
                  className="rk-unit"
                  onClick={() => onSelect(row.unitCode)}
                  title={t('ranking.selectRow', { unit: row.unitName })}
                >
                  {row.unitName}
                </button>
              </td>
              <td>
                <TierChip tier={row.tier} />
              </td>
              <td className="ranking-table__grade">{row.grade ?? '—'}</td>
              <td className="num ranking-table__score">
                {row.score === null ? (
                  <span className="muted">—</span>
                ) : (
                  <button
                    type="button"
                    className="rk-figure"
                    data-testid="figure-score"
                    title={t('ranking.figureOpens')}
                    onClick={() =>
                      onDrill({ unitCode: row.unitCode, unitName: row.unitName, figure: 'due' })
                    }
                  >
                    {formatScore(row.score)}
                  </button>
                )}
              </td>
              {COUNT_COLUMNS.map(([key]) => count(row, key))}
              {HANDLING_RATES.map(([key]) => rate(row, key))}
              {INTAKE_COLUMNS.map(([key]) => count(row, key))}
              {INTAKE_RATES.map(([key]) => rate(row, key))}
              {STAGE_RATES.map(([key]) => rate(row, key))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
