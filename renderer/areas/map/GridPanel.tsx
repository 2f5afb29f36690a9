import type { PartyOrgNode, PlaceMeasures } from '../../../api/contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { usePeriodLabel } from './MapToolbar';

interface GridPanelProps {
  code: string;
  period: string;
  now: number;
  onClose(): void;
  onZoom(code: string): void;
  onOpenCase(id: number): void;
}

const REFRESH_ON = ['cases.changed', 'data.changed'] as const;

/** 网格详情: who is responsible, the party chain, open cases, this period's figures. */
export function GridPanel(props: GridPanelProps) {
  const { t, format } = useLocale();
  const periodLabel = usePeriodLabel();
  const query = useApiQuery(
    'map.grid',
    { code: props.code, period: props.period },
    { refreshOn: REFRESH_ON },
  );
  const data = query.data;
  if (!data) {
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
  const buildingLeaders = data.people.filter((p) => p.role === 'building_leader');
  const core = data.people.filter(
    (p) => p.role !== 'building_leader' && p.role !== 'party_household',
  );
  return (
    <section
      className="map-panel__body"
      data-testid="grid-panel"
      aria-labelledby="grid-panel-title"
    >
      <header className="map-panel__head">
        <div>
          <div className="map-panel__kicker">
            {t(`map.level.${data.level}`)}
            {data.gridType ? ` · ${t(`map.gridType.${data.gridType}`)}` : ''}
          </div>
          <h2 id="grid-panel-title" className="map-panel__title">
            {data.name}
          </h2>
        </div>
        <div className="map-panel__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => props.onZoom(data.code)}
          >
            {t('map.panel.zoomTo')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-label={t('map.panel.close')}
            title={t('map.panel.close')}
            onClick={props.onClose}
          >
            ✕
          </button>
        </div>
      </header>
      <dl className="facts">
        <dt>{t('map.grid.code')}</dt>
        <dd className="mono" data-testid="grid-code">
          {data.code}
        </dd>
        {data.community && data.level !== 'community' ? (
          <>
            <dt>{t('map.grid.community')}</dt>
            <dd>{data.community.name}</dd>
          </>
        ) : null}
        <dt>{t('map.grid.households')}</dt>
        <dd>{data.households === null ? '—' : format.count(data.households)}</dd>
        <dt>{t('map.grid.population')}</dt>
        <dd>{data.population === null ? '—' : format.count(data.population)}</dd>
        {data.subgridCount > 0 ? (
          <>
            <dt>{t('map.grid.subgrids')}</dt>
            <dd>{format.count(data.subgridCount)}</dd>
          </>
        ) : null}
      </dl>

      {data.indices ? (
        <IndexFigures
          m={data.indices}
          title={t('map.grid.indices', { period: periodLabel(data.period, props.now) })}
        />
      ) : null}

      {data.level !== 'community' ? (
        <>
          <h3 className="map-panel__section">
            {t('map.grid.people')}
            <span className="map-panel__note">{t('map.grid.phoneMasked')}</span>
          </h3>
          {core.length === 0 && buildingLeaders.length === 0 ? (
            <p className="muted">{t('map.grid.noPeople')}</p>
          ) : (
            <table className="people-table">
              <tbody>
                {core.map((p, i) => (
                  <tr key={i}>
                    <th scope="row">{t(`map.role.${p.role}`)}</th>
                    <td>
                      {p.name}
                      {p.partyMember ? (
                        <span className="party-mark" title={t('map.grid.partyMember')}>
                          党
                        </span>
                      ) : null}
                    </td>
                    <td className="mono">{p.phone ?? '—'}</td>
                  </tr>
                ))}
                {buildingLeaders.length > 0 ? (
                  <tr>
                    <th scope="row">{t('map.role.building_leader')}</th>
                    <td colSpan={2} className="people-table__list">
                      {t('map.grid.buildingLeaders', { count: buildingLeaders.length })}：
                      {buildingLeaders
                        .map((p) => `${p.name}${p.building ? `（${p.building}）` : ''}`)
                        .join('、')}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          )}
        </>
      ) : null}

      <h3 className="map-panel__section">{t('map.grid.partyChain')}</h3>
      {data.partyChain ? (
        <PartyChain node={data.partyChain} />
      ) : (
        <p className="muted">{t('map.grid.noParty')}</p>
      )}

      <h3 className="map-panel__section">
        {t('map.grid.openCases')}
        <span className="map-panel__count">{format.count(data.openCaseCount)}</span>
      </h3>
      {data.openCases.length === 0 ? (
        <p className="muted">{t('map.grid.noOpenCases')}</p>
      ) : (
        <ul className="open-cases">
          {data.openCases.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="open-cases__row"
                onClick={() => props.onOpenCase(c.id)}
              >
                <span className="mono">{c.caseNo}</span>
                <span className="open-cases__category">{c.categoryName}</span>
                <span className="open-cases__state">{t(`caseState.${c.state}`)}</span>
                <span className="open-cases__due">
                  {c.dueAt
                    ? t('map.dueAt', { time: format.tableDateTime(c.dueAt) })
                    : t('map.noDue')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {data.openCaseCount > data.openCases.length ? (
        <p className="muted small">
          {t('map.grid.moreCases', { count: data.openCaseCount - data.openCases.length })}
        </p>
      ) : null}
    </section>
  );
}

function IndexFigures({ m, title }: { m: PlaceMeasures; title: string }) {
  const { t, format } = useLocale();
  const rate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
  const cells: Array<[string, string]> = [
    [t('map.index.open'), format.count(m.open)],
    [t('map.index.overdue'), format.count(m.overdue)],
    [t('map.index.reported'), format.count(m.reported)],
    [t('map.index.per1000'), m.per1000Households === null ? '—' : m.per1000Households.toFixed(1)],
    [t('map.index.due'), format.count(m.due)],
    [t('map.index.closureRate'), rate(m.closureRate)],
    [t('map.index.onTimeRate'), rate(m.onTimeRate)],
    [t('map.index.reworkRate'), rate(m.reworkRate)],
    [t('map.index.satisfactionRate'), rate(m.satisfactionRate)],
  ];
  return (
    <>
      <h3 className="map-panel__section">{title}</h3>
      <div className="index-score" data-testid="grid-score">
        {m.score === null ? (
          <span className="muted">{t('map.index.unranked')}</span>
        ) : (
          <>
            <span className="index-score__label">{t('map.index.score')}</span>
            <span className="index-score__value">{m.score.toFixed(2)}</span>
            {m.tier ? (
              <span className={`tier-chip tier-chip--${m.tier}`}>
                <span className="tier-chip__swatch" aria-hidden="true" />
                {t(`tier.${m.tier}`)}
              </span>
            ) : null}
          </>
        )}
      </div>
      <dl className="index-grid">
        {cells.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('map.index.source')}</p>
    </>
  );
}

function PartyChain({ node }: { node: PartyOrgNode }) {
  const { t } = useLocale();
  return (
    <ul className="party-chain">
      <li>
        <span className="party-chain__name">{node.name}</span>
        {node.secretary ? (
          <span className="party-chain__meta">
            {t('map.grid.secretary', { name: node.secretary })}
          </span>
        ) : null}
        {node.partyHouseholds.length > 0 ? (
          <div className="party-chain__households">
            {t('map.grid.partyHouseholds', { names: node.partyHouseholds.join('、') })}
          </div>
        ) : null}
        {node.children.length > 0
          ? node.children.map((child) => <PartyChain key={child.code} node={child} />)
          : null}
      </li>
    </ul>
  );
}
