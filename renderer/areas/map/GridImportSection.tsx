import { useState } from 'react';
import type { GridImportReport } from '../../../api/contract';
import { CRS_LIST, type Crs } from '../../../core/geo/coordinates';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { useApiCall } from '../../ui/useApiCall';
import { Panel } from '../../ui/Panel';
import { FieldRow } from '../../ui/FieldRow';

/** 导入网格: check a GeoJSON file first, then import it; every problem with its codes. */
export function GridImportSection() {
  const { t, format, locale } = useLocale();
  const [path, setPath] = useState('');
  const [crs, setCrs] = useState<Crs>('WGS84');
  const action = useApiCall('map.grids.import');
  const report: GridImportReport | null = action.result;
  const run = (mode: 'check' | 'import') => void action.run({ path: path.trim(), mode, crs });

  return (
    <Panel title={t('mapAdmin.import.title')} className="admin-section">
      <div className="admin-section__body">
        <form
          className="admin-form"
          onSubmit={(event) => {
            event.preventDefault();
            run('check');
          }}
        >
          <FieldRow label={t('mapAdmin.import.path')}>
            <input
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="D:\\交换\\grids.geojson"
              data-testid="import-path"
            />
          </FieldRow>
          <FieldRow label={t('mapAdmin.import.crs')} className="admin-form__narrow">
            <select value={crs} onChange={(e) => setCrs(e.target.value as Crs)}>
              {CRS_LIST.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </FieldRow>
          <button
            type="submit"
            className="button"
            disabled={!path.trim() || action.working}
            data-testid="import-check"
          >
            {t('mapAdmin.import.check')}
          </button>
          <button
            type="button"
            className="button"
            disabled={
              !path.trim() ||
              action.working ||
              !report ||
              report.mode !== 'check' ||
              report.errors > 0
            }
            title={t('mapAdmin.import.importHint')}
            onClick={() => run('import')}
          >
            {t('mapAdmin.import.run')}
          </button>
        </form>
        <p className="muted small">{t('mapAdmin.import.hint')}</p>
        {action.error ? <ErrorState error={action.error} /> : null}
        {report ? (
          <div className="import-report" data-testid="import-report">
            <p role="status">
              {t(
                report.written
                  ? 'mapAdmin.import.written'
                  : report.mode === 'import'
                    ? 'mapAdmin.import.refused'
                    : 'mapAdmin.import.checked',
                {
                  features: format.count(report.counts.features),
                  new: format.count(report.counts.new),
                  updated: format.count(report.counts.updated),
                  unchanged: format.count(report.counts.unchanged),
                  errors: format.count(report.errors),
                  warnings: format.count(report.warnings),
                },
              )}
            </p>
            {report.issues.length > 0 ? (
              <div className="table-scroll">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th>{t('mapAdmin.import.severity')}</th>
                      <th>{t('mapAdmin.import.problem')}</th>
                      <th>{t('mapAdmin.import.codes')}</th>
                      <th>{t('mapAdmin.import.feature')}</th>
                      <th>{t('mapAdmin.import.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.issues.slice(0, 300).map((issue, i) => (
                      <tr
                        key={i}
                        className={issue.severity === 'error' ? 'is-error' : 'is-warning'}
                      >
                        <td>
                          {t(
                            issue.severity === 'error'
                              ? 'mapAdmin.import.error'
                              : 'mapAdmin.import.warning',
                          )}
                        </td>
                        <td>{t(`mapAdmin.issue.${issue.code}`)}</td>
                        <td className="data-table__code">{issue.gridCodes.join(' / ')}</td>
                        <td>{issue.feature || '—'}</td>
                        <td className="import-report__message">
                          {locale === 'zh-CN' ? issue.message.zh : issue.message.en}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
