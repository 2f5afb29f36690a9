/**
 * Every API method that takes a path on this machine checks it here first (issue 10): the
 * path is resolved through its symlinks (realpath), must not lie in a system folder
 * (core/exchange/path-rules), and for reading must be a regular file (or, where packages
 * are allowed, a folder). The real path is handed on, so what was checked is what is
 * opened. Each refusal is one sentence naming the path and the input field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemLocationOf, systemLocationSentence } from '../../core/exchange/path-rules';
import { readSeatSettings } from '../../db/queries/seat-settings';
import { tempRootFor, uploadsFolder } from '../../db/temp-folders';
import type { ApiContext } from '../context';
import { UserError } from '../errors';

function insideAny(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real === root || real.startsWith(root + path.sep));
}

/** The app's own temp folder (uploads live there, even when the database is under /var). */
function ownRoots(context: ApiContext | null): string[] {
  if (!context) return [];
  const root = tempRootFor(context.db.name);
  try {
    return [fs.realpathSync(root)];
  } catch {
    return [root];
  }
}

function realOrSame(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** The exchange folders the admin configured for seats (settings), resolved. */
function exchangeFolders(context: ApiContext): string[] {
  return readSeatSettings(context.db).exchangeFolders.map(realOrSame);
}

/** A seat's own uploads: `uploads/<its key>-<uuid>/…` (api/exchange/exchange-files.ts). */
function isOwnUpload(context: ApiContext, real: string): boolean {
  const key = context.remoteSeat?.uploadsKey;
  if (!key) return false;
  const uploads = realOrSame(uploadsFolder(context.db.name));
  if (!real.startsWith(uploads + path.sep)) return false;
  return real
    .slice(uploads.length + 1)
    .split(path.sep)[0]!
    .startsWith(`${key}-`);
}

/**
 * A seat on another machine (seat mode, issue 13) reads only what it uploaded or what lies
 * in the admin's exchange folders, and writes only into those folders.
 */
function refuseOutsideSeatFolders(
  context: ApiContext,
  input: string,
  real: string,
  use: 'read' | 'write',
  field: string,
): void {
  const folders = exchangeFolders(context);
  if (insideAny(real, folders) || (use === 'read' && isOwnUpload(context, real))) return;
  const list = folders.length > 0 ? folders.join('、') : '（尚未设定）';
  const listEn = folders.length > 0 ? folders.join(', ') : '(none set yet)';
  throw new UserError(
    'seat_path_refused',
    use === 'read'
      ? {
          zh: `其他电脑上的坐席只能读取自己上传的文件，或管理员设定的交换文件夹 ${list} 中的文件：${input} 不在其中。`,
          en: `A seat on another machine may read only files it uploaded, or files in the exchange folders the administrator set, ${listEn}: ${input} is in neither.`,
        }
      : {
          zh: `其他电脑上的坐席只能写入管理员设定的交换文件夹 ${list}：${input} 不在其中。`,
          en: `A seat on another machine may write only into the exchange folders the administrator set, ${listEn}: ${input} is not in one.`,
        },
    `${field}: ${input}`,
  );
}

function refuseSystem(input: string, real: string, use: 'read' | 'write', field: string): void {
  for (const candidate of [path.resolve(input), real]) {
    const system = systemLocationOf(candidate);
    if (system)
      throw new UserError(
        'system_location',
        systemLocationSentence(input, system, use, real === input ? undefined : real),
        `${field}: ${input}`,
      );
  }
}

/**
 * A path to read: its real path, refused when it is missing, not a regular file (a device,
 * a pipe, a socket; a folder unless `folders`), or in a system folder.
 */
export function checkReadPath(
  context: ApiContext | null,
  input: string,
  options: { field: string; folders: boolean },
): string {
  const resolved = path.resolve(input);
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    throw new UserError(
      'file_not_found',
      { zh: `找不到文件 ${resolved}。`, en: `There is no file ${resolved}.` },
      `${options.field}: ${resolved}`,
    );
  }
  if (context?.remoteSeat) refuseOutsideSeatFolders(context, input, real, 'read', options.field);
  if (!insideAny(real, ownRoots(context))) refuseSystem(input, real, 'read', options.field);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(real);
  } catch {
    throw new UserError(
      'file_not_found',
      { zh: `找不到文件 ${resolved}。`, en: `There is no file ${resolved}.` },
      `${options.field}: ${resolved}`,
    );
  }
  if (stat.isFile() || (options.folders && stat.isDirectory())) return real;
  throw new UserError(
    'not_a_file',
    stat.isDirectory()
      ? {
          zh: `${resolved} 是文件夹，这里需要一个文件。`,
          en: `${resolved} is a folder; a file is needed here.`,
        }
      : {
          zh: `${resolved} 不是普通文件（设备、管道或套接字），不能读取。`,
          en: `${resolved} is not a regular file (a device, pipe or socket): it cannot be read.`,
        },
    `${options.field}: ${resolved}`,
  );
}

/**
 * A path to write (a file, or a folder to write into): the path with its deepest existing
 * part resolved through symlinks (the rest is created below it), refused in a system folder,
 * or when what is there is neither a regular file nor a folder.
 */
export function checkWritePath(
  context: ApiContext | null,
  input: string,
  options: { field: string },
): string {
  const resolved = path.resolve(input);
  const rest: string[] = [];
  let existing = resolved;
  let real: string | null = null;
  for (;;) {
    try {
      real = fs.realpathSync(existing);
      break;
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) break;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
  const target = real ? path.join(real, ...rest) : resolved;
  if (context?.remoteSeat) refuseOutsideSeatFolders(context, input, target, 'write', options.field);
  if (!insideAny(target, ownRoots(context))) refuseSystem(input, target, 'write', options.field);
  if (real !== null && rest.length === 0) {
    const stat = fs.statSync(real);
    if (!stat.isFile() && !stat.isDirectory()) {
      throw new UserError(
        'not_a_file',
        {
          zh: `${resolved} 不是普通文件或文件夹（设备、管道或套接字），不能写入。`,
          en: `${resolved} is not a regular file or folder (a device, pipe or socket): it cannot be written.`,
        },
        `${options.field}: ${resolved}`,
      );
    }
  }
  // A trailing separator says "a folder": keep it.
  return /[\\/]$/.test(input) ? `${target}${path.sep}` : target;
}
