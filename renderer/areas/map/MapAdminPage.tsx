import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { GridImportSection } from './GridImportSection';
import { useApiCall } from '../../ui/useApiCall';
import './map-admin.css';
import { PageShell } from '../../ui/PageShell';
import { Panel } from '../../ui/Panel';
import { FieldRow } from '../../ui/FieldRow';

const DATA = ['data.changed'] as const;

/** 网格维护 (admins): the offline basemap, grid import and export, rename, reassign. */
export function MapAdminPage() {
  const { t, format } = useLocale();
  const places = useApiQuery('map.places', {}, { refreshOn: DATA });
  const basemap = useApiQuery('map.basemap', {}, { refreshOn: DATA });
  const [basemapPath, setBasemapPath] = useState('');
  const [exportPath, setExportPath] = useState('');
  const [renameCode, setRenameCode] = useState('');
  const [newName, setNewName] = useState('');
  const [moveCode, setMoveCode] = useState('');
  const [targetCommunity, setTargetCommunity] = useState('');
  const setBasemap = useApiCall('map.basemap.set');
  const exporter = useApiCall('map.grids.export');
  const renamer = useApiCall('map.grids.rename');
  const mover = useApiCall('map.grids.reassign');

  const communities = places.data?.communities ?? [];
  const grids = places.data?.grids ?? [];
  const current = basemap.data?.basemap ?? null;

  return (
    <PageShell
      className="map-admin"
      testId="map-admin"
      title={t('mapAdmin.title')}
      subtitle={t('mapAdmin.subtitle')}
      toolbar={
        <Link to="/map" className="button">
          {t('map.backToMap')}
        </Link>
      }
    >
      <Panel title={t('mapAdmin.basemap.title')} className="admin-section">
        <div className="admin-section__body">
          <p className="admin-section__state" data-testid="basemap-state">
            {current
              ? t('mapAdmin.basemap.current', {
                  name: current.name,
                  format: current.format,
                  minZoom: current.minZoom,
                  maxZoom: current.maxZoom,
                  size: format.count(Math.round(current.sizeBytes / 1024)),
                })
              : t('mapAdmin.basemap.none')}
          </p>
          {current ? <p className="mono small muted">{current.path}</p> : null}
          <form
            className="admin-form"
            onSubmit={(event) => {
              event.preventDefault();
              void setBasemap.run({ path: basemapPath.trim() });
            }}
          >
            <FieldRow label={t('mapAdmin.basemap.path')}>
              <input
                value={basemapPath}
                onChange={(e) => setBasemapPath(e.target.value)}
                placeholder="D:\\底图\\street.mbtiles"
                data-testid="basemap-path"
              />
            </FieldRow>
            <button
              type="submit"
              className="button"
              disabled={!basemapPath.trim() || setBasemap.working}
            >
              {t('mapAdmin.basemap.use')}
            </button>
            {current ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void setBasemap.run({ path: null })}
              >
                {t('mapAdmin.basemap.remove')}
              </button>
            ) : null}
          </form>
          <p className="muted small">{t('mapAdmin.basemap.hint')}</p>
          {setBasemap.error ? <ErrorState error={setBasemap.error} /> : null}
        </div>
      </Panel>

      <GridImportSection />

      <Panel title={t('mapAdmin.export.title')} className="admin-section">
        <div className="admin-section__body">
          <form
            className="admin-form"
            onSubmit={(event) => {
              event.preventDefault();
              void exporter.run({ path: exportPath.trim() });
            }}
          >
            <FieldRow label={t('mapAdmin.export.path')}>
              <input
                value={exportPath}
                onChange={(e) => setExportPath(e.target.value)}
                placeholder="D:\\交换\\grids.geojson"
              />
            </FieldRow>
            <button
              type="submit"
              className="button"
              disabled={!exportPath.trim() || exporter.working}
            >
              {t('mapAdmin.export.run')}
            </button>
          </form>
          {exporter.result ? (
            <p role="status">
              {t('mapAdmin.export.done', {
                features: format.count(exporter.result.features),
                path: exporter.result.path,
              })}
            </p>
          ) : null}
          {exporter.error ? <ErrorState error={exporter.error} /> : null}
        </div>
      </Panel>

      <Panel title={t('mapAdmin.edit.title')} className="admin-section">
        <div className="admin-section__body admin-section__body--split">
          <form
            className="admin-form"
            onSubmit={(event) => {
              event.preventDefault();
              void renamer.run({ code: renameCode, name: newName.trim() });
            }}
          >
            <FieldRow label={t('mapAdmin.edit.place')}>
              <select
                value={renameCode}
                onChange={(e) => setRenameCode(e.target.value)}
                data-testid="rename-place"
              >
                <option value="">{t('mapAdmin.edit.choose')}</option>
                {[...communities, ...grids].map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code} {p.name}
                  </option>
                ))}
              </select>
            </FieldRow>
            <FieldRow label={t('mapAdmin.edit.newName')}>
              <input
                value={newName}
                maxLength={60}
                onChange={(e) => setNewName(e.target.value)}
                data-testid="rename-name"
              />
            </FieldRow>
            <button
              type="submit"
              className="button"
              disabled={!renameCode || !newName.trim() || renamer.working}
            >
              {t('mapAdmin.edit.rename')}
            </button>
            {renamer.result ? (
              <p role="status">
                {t('mapAdmin.edit.renamed', {
                  from: renamer.result.oldName,
                  to: renamer.result.name,
                })}
              </p>
            ) : null}
            {renamer.error ? <ErrorState error={renamer.error} /> : null}
          </form>
          <form
            className="admin-form"
            onSubmit={(event) => {
              event.preventDefault();
              void mover.run({ code: moveCode, communityCode: targetCommunity });
            }}
          >
            <FieldRow label={t('mapAdmin.edit.grid')}>
              <select value={moveCode} onChange={(e) => setMoveCode(e.target.value)}>
                <option value="">{t('mapAdmin.edit.choose')}</option>
                {grids.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.code} {g.name}
                  </option>
                ))}
              </select>
            </FieldRow>
            <FieldRow label={t('mapAdmin.edit.toCommunity')}>
              <select value={targetCommunity} onChange={(e) => setTargetCommunity(e.target.value)}>
                <option value="">{t('mapAdmin.edit.choose')}</option>
                {communities.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} {c.name}
                  </option>
                ))}
              </select>
            </FieldRow>
            <button
              type="submit"
              className="button"
              disabled={!moveCode || !targetCommunity || mover.working}
            >
              {t('mapAdmin.edit.reassign')}
            </button>
            {mover.result ? (
              <p role="status">
                {t('mapAdmin.edit.reassigned', {
                  code: mover.result.code,
                  cases: format.count(mover.result.openCasesMoved),
                })}
              </p>
            ) : null}
            {mover.error ? <ErrorState error={mover.error} /> : null}
          </form>
        </div>
      </Panel>
    </PageShell>
  );
}
