/**
 * The offline basemap the map draws under the grids (setting 'map.basemap'): the MBTiles
 * file's path and what was read from it when the admin added it. None by default: the
 * grid polygons over a clean background are the base.
 */
import type { BasemapInfo } from '../mbtiles';
import type { Db } from '../open';

const BASEMAP_SETTING = 'map.basemap';

export function readBasemapSetting(db: Db): BasemapInfo | null {
  const value = db
    .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get(BASEMAP_SETTING);
  if (!value) return null;
  const parsed = JSON.parse(value) as BasemapInfo | null;
  return parsed && typeof parsed.path === 'string' ? parsed : null;
}

export function writeBasemapSetting(
  db: Db,
  info: BasemapInfo | null,
  actor: string,
  now: number,
): void {
  db.transaction(() => {
    if (info) {
      db.prepare(
        `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      ).run(BASEMAP_SETTING, JSON.stringify(info), now, actor);
    } else {
      db.prepare('DELETE FROM settings WHERE key = ?').run(BASEMAP_SETTING);
    }
    db.prepare('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(
      now,
      actor,
      info ? 'map.basemap.set' : 'map.basemap.clear',
      JSON.stringify(info ? { path: info.path, name: info.name } : {}),
    );
  })();
}
