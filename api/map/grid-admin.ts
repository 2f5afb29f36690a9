/**
 * The admin's side of the map (网格维护, 底图): files on this machine in and out, with one
 * sentence for every refusal, and the role check. Called by api/handlers/map.ts.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inspectMbtiles } from '../../db/mbtiles';
import { writeBasemapSetting } from '../../db/queries/basemap-setting';
import { renamePlace, reassignGrid, type GridEditRefusal } from '../../db/queries/grid-edit';
import { exportGridsGeoJson } from '../../db/queries/grid-geojson';
import { importGridsGeoJson, sha256Hex } from '../../db/queries/grid-import';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { diskFullRefusal, isDiskFullError } from '../../db/temp-folders';
import { checkReadPath, checkWritePath } from '../exchange/path-rules';
import type { Crs } from '../../core/geo/coordinates';

/** A grid file larger than this is not a street's or a district's grids. */
const MAX_GRID_FILE_BYTES = 512 * 1024 * 1024;

function requireAdmin(context: ApiContext, what: { zh: string; en: string }): void {
  const role = context.actor.role;
  if (role === 'admin' || role === 'system') return;
  throw new UserError('forbidden_role', {
    zh: `只有管理员可以${what.zh}；当前用户（${context.actor.name}）不是管理员。`,
    en: `Only an administrator can ${what.en}; ${context.actor.name} is not one.`,
  });
}

function changed(context: ApiContext): void {
  context.live.publish({ type: 'data.changed', at: context.now() });
}

export function setBasemap(context: ApiContext, file: string | null) {
  requireAdmin(context, { zh: '设置底图', en: 'set the basemap' });
  if (file === null) {
    writeBasemapSetting(context.db, null, context.actor.name, context.now());
    changed(context);
    return { basemap: null };
  }
  const inspected = inspectMbtiles(checkReadPath(context, file, { field: 'path', folders: false }));
  if ('refused' in inspected) {
    throw new UserError(inspected.refused, inspected.sentence, file);
  }
  writeBasemapSetting(context.db, inspected, context.actor.name, context.now());
  changed(context);
  return { basemap: inspected };
}

function readGridFile(file: string): { json: unknown; sha256: string } {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > MAX_GRID_FILE_BYTES) {
      throw new UserError(
        'grid_file_too_large',
        {
          zh: `网格文件 ${file} 超过 512 MB，不像是网格边界文件。`,
          en: `The grid file ${file} is over 512 MB; that is not a grids file.`,
        },
        file,
      );
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      'grid_file_missing',
      {
        zh: `找不到网格文件 ${file}。`,
        en: `The grid file ${file} does not exist or cannot be read.`,
      },
      file,
    );
  }
  // A BOM is common in files saved by Windows tools; JSON.parse refuses it.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return { json: JSON.parse(text), sha256: sha256Hex(bytes) };
  } catch (error) {
    throw new UserError(
      'grid_file_not_json',
      {
        zh: `网格文件 ${file} 不是有效的 GeoJSON（JSON 格式错误：${(error as Error).message}）。`,
        en: `The grid file ${file} is not valid GeoJSON (JSON error: ${(error as Error).message}).`,
      },
      file,
    );
  }
}

export function importGrids(context: ApiContext, file: string, mode: 'check' | 'import', crs: Crs) {
  requireAdmin(context, { zh: '导入网格', en: 'import grids' });
  const resolved = checkReadPath(context, file, { field: 'path', folders: false });
  const { json, sha256 } = readGridFile(resolved);
  const report = importGridsGeoJson(context.db, json, {
    mode,
    crs,
    now: context.now(),
    actor: context.actor.name,
    fileName: path.basename(resolved),
    sha256,
  });
  if (report.written) changed(context);
  return report;
}

export function exportGrids(context: ApiContext, file: string) {
  requireAdmin(context, { zh: '导出网格', en: 'export grids' });
  const resolved = checkWritePath(context, file, { field: 'path' });
  const collection = exportGridsGeoJson(context.db);
  const text = JSON.stringify(collection);
  // Written whole under a temporary name, flushed, then put in place: never half a file.
  const temp = path.join(
    path.dirname(resolved),
    `.${path.basename(resolved)}.${randomBytes(4).toString('hex')}.part`,
  );
  try {
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    fs.writeFileSync(temp, text, 'utf8');
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, resolved);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if (isDiskFullError(error)) {
      const full = diskFullRefusal(path.dirname(resolved));
      throw new UserError(full.code, full.sentence, file);
    }
    throw new UserError(
      'grid_export_unwritable',
      {
        zh: `无法写入 ${resolved}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。`,
        en: `Cannot write ${resolved}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
      },
      file,
    );
  }
  return { path: resolved, features: collection.features.length, bytes: Buffer.byteLength(text) };
}

function refuseEdit(refusal: GridEditRefusal): never {
  const { code } = refusal;
  const sentences: Record<GridEditRefusal['refused'], { zh: string; en: string }> = {
    no_such_place: {
      zh: `没有编码为 ${code} 的地点。`,
      en: `There is no place with code ${code}.`,
    },
    not_a_grid: {
      zh: `${code} 不是网格，只有网格可以调整所属社区。`,
      en: `${code} is not a grid; only grids move between communities.`,
    },
    not_a_community: { zh: `${code} 不是社区。`, en: `${code} is not a community.` },
    same_community: {
      zh: `网格 ${code} 已经属于该社区。`,
      en: `Grid ${code} already belongs to that community.`,
    },
  };
  throw new UserError(`grid_${refusal.refused}`, sentences[refusal.refused], code);
}

export function renameGrid(context: ApiContext, code: string, name: string) {
  requireAdmin(context, { zh: '修改网格名称', en: 'rename places' });
  const result = renamePlace(context.db, code, name, context.actor.name, context.now());
  if ('refused' in result) refuseEdit(result);
  changed(context);
  return result;
}

export function moveGrid(context: ApiContext, code: string, communityCode: string) {
  requireAdmin(context, { zh: '调整网格所属社区', en: 'move a grid to another community' });
  const result = reassignGrid(context.db, code, communityCode, context.actor.name, context.now());
  if ('refused' in result) refuseEdit(result);
  changed(context);
  return result;
}
