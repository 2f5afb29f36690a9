import type { RankingResult, RankingRow } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { formatScore, type DrillTarget } from './figures';
import { RankChange } from './RankChange';
import { TierChip } from './TierChip';
import { Panel } from '../../ui/Panel';

/** How many units the honour and shame boards name. */
const BOARD_SIZE = 3;

/**
 * 红黑榜 and 亮牌: the best and the worst ranked units, and the red and yellow cards the tiers
 * give. The boards' headings stay neutral: red means the red tier everywhere else.
 */
export function HonourBoard({
  ranking,
  onDrill,
}: {
  ranking: RankingResult;
  onDrill(target: DrillTarget): void;
}) {
  const { t } = useLocale();
  const ranked = ranking.rows.filter((r) => r.rank !== null);
  const size = Math.min(BOARD_SIZE, Math.floor(ranked.length / 2));
  const { blue, yellow } = ranking.weightSet.tiers;
  const red = ranked.filter((r) => r.tier === 'red');
  const amber = ranked.filter((r) => r.tier === 'yellow');
  const blueCount = ranked.filter((r) => r.tier === 'blue').length;
  return (
    <div className="honour-board" data-testid="honour-board">
      {size === 0 ? (
        <p className="state state--empty">{t('ranking.board.tooFew')}</p>
      ) : (
        <div className="honour-board__lists">
          <BoardList
            title={t('ranking.board.honour')}
            hint={t('ranking.board.honourHint', { n: size })}
            rows={ranked.slice(0, size)}
            kind="honour"
            ranking={ranking}
            onDrill={onDrill}
          />
          <BoardList
            title={t('ranking.board.shame')}
            hint={t('ranking.board.shameHint', { n: size })}
            rows={ranked.slice(-size).reverse()}
            kind="shame"
            ranking={ranking}
            onDrill={onDrill}
          />
        </div>
      )}
      <Panel
        title={t('ranking.board.cards')}
        className="honour-board__cards"
        meta={t('ranking.board.blueCount', { n: blueCount })}
      >
        <CardRow
          label={t('ranking.board.redCard')}
          hint={t('ranking.board.redCardHint', { yellow })}
          tier="red"
          rows={red}
          ranking={ranking}
          onDrill={onDrill}
        />
        <CardRow
          label={t('ranking.board.yellowCard')}
          hint={t('ranking.board.yellowCardHint', { yellow, blue })}
          tier="yellow"
          rows={amber}
          ranking={ranking}
          onDrill={onDrill}
        />
      </Panel>
    </div>
  );
}

function BoardList({
  title,
  hint,
  rows,
  kind,
  ranking,
  onDrill,
}: {
  title: string;
  hint: string;
  rows: RankingRow[];
  kind: 'honour' | 'shame';
  ranking: RankingResult;
  onDrill(target: DrillTarget): void;
}) {
  return (
    <Panel
      title={title}
      className={`board-list board-list--${kind}`}
      testId={`board-${kind}`}
      meta={hint}
    >
      <ol className="board-list__items">
        {rows.map((row) => (
          <li key={row.unitCode} className="board-list__item">
            <span className="board-list__rank">{row.rank}</span>
            <span className="board-list__name">{row.unitName}</span>
            <TierChip tier={row.tier} />
            <button
              type="button"
              className="rk-figure board-list__score"
              onClick={() =>
                onDrill({ unitCode: row.unitCode, unitName: row.unitName, figure: 'due' })
              }
            >
              {formatScore(row.score)}
            </button>
            <RankChange
              rank={row.rank}
              previousRank={row.previousRank}
              source={ranking.previousSource}
            />
          </li>
        ))}
      </ol>
    </Panel>
  );
}

function CardRow({
  label,
  hint,
  tier,
  rows,
  ranking,
  onDrill,
}: {
  label: string;
  hint: string;
  tier: 'red' | 'yellow';
  rows: RankingRow[];
  ranking: RankingResult;
  onDrill(target: DrillTarget): void;
}) {
  const { t } = useLocale();
  return (
    <div className={`card-row card-row--${tier}`} data-testid={`cards-${tier}`}>
      <div className="card-row__label">
        <span className={`rk-flag rk-flag--${tier}`} aria-hidden="true" />
        <strong>{label}</strong>
        <span className="muted">{hint}</span>
      </div>
      {rows.length === 0 ? (
        <span className="muted card-row__none">{t('ranking.board.none')}</span>
      ) : (
        <ul className="card-row__items">
          {rows.map((row) => (
            <li key={row.unitCode} className={`unit-card unit-card--${tier}`}>
              <span className="unit-card__name">{row.unitName}</span>
              <button
                type="button"
                className="rk-figure unit-card__score"
                onClick={() =>
                  onDrill({ unitCode: row.unitCode, unitName: row.unitName, figure: 'due' })
                }
              >
                {formatScore(row.score)}
              </button>
              <span className="unit-card__rank">
                #{row.rank}{' '}
                <RankChange
                  rank={row.rank}
                  previousRank={row.previousRank}
                  source={ranking.previousSource}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
