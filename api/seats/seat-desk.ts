/**
 * The admin's seat settings and wall-display keys (issue 13). Enabling seats in the desktop
 * app starts its HTTPS host at once (the SeatHostControl the app gives the context);
 * under `griddesk serve` the flags decide and the switch only shows what runs.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DisplayKeyCreated, SeatServing, SeatStatus } from '../contract/seats';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import {
  insertDisplayKey,
  listDisplayKeys,
  readDisplayKey,
  revokeDisplayKey,
  type DisplayKeyRow,
} from '../../db/queries/display-keys';
import {
  readSeatSettings,
  saveSeatSettings,
  type SeatSettings,
} from '../../db/queries/seat-settings';
import { recordAudit } from '../../db/queries/users';
import { systemLocationOf } from '../../core/exchange/path-rules';

/** What the desktop app (or `griddesk serve --seats`) tells the API about its seat host. */
export interface SeatHostControl {
  serving(): SeatServing | null;
  /** Why the last start failed (port taken, address not this machine's), if it did. */
  problem(): { zh: string; en: string } | null;
  /** false: flags decide (griddesk serve); the settings only show them. */
  readonly switchable: boolean;
  apply(settings: SeatSettings): Promise<void>;
}

export function seatStatus(context: ApiContext): SeatStatus {
  const control = context.seatHost ?? null;
  return {
    settings: readSeatSettings(context.db),
    serving: control?.serving() ?? null,
    switchable: control?.switchable ?? false,
    problem: control?.problem() ?? null,
    connected: context.seats?.list(context.now()) ?? [],
  };
}

function checkedFolder(folder: string, index: number): string {
  const resolved = path.resolve(folder);
  const where = `exchangeFolders[${index}]: ${folder}`;
  if (systemLocationOf(resolved))
    throw new UserError(
      'seat_folder_system',
      {
        zh: `${resolved} 是系统文件夹，不能作为交换文件夹。`,
        en: `${resolved} is a system folder; it cannot be an exchange folder.`,
      },
      where,
    );
  let stat: fs.Stats | null;
  try {
    stat = fs.statSync(resolved);
  } catch {
    stat = null;
  }
  if (!stat?.isDirectory())
    throw new UserError(
      'seat_folder_missing',
      {
        zh: `交换文件夹 ${resolved} 不存在或不是文件夹。`,
        en: `The exchange folder ${resolved} does not exist or is not a folder.`,
      },
      where,
    );
  return fs.realpathSync(resolved);
}

export async function saveSeatSettingsCall(
  context: ApiContext,
  input: SeatSettings,
): Promise<SeatStatus> {
  const control = context.seatHost ?? null;
  if (input.enabled && !input.address)
    throw new UserError(
      'seat_address_missing',
      {
        zh: '允许其他坐席接入前，请填写本机在局域网中的 IP 地址（例如 192.168.1.20）。',
        en: "Give this machine's LAN address (for example 192.168.1.20) before letting other seats join.",
      },
      'address',
    );
  if (input.enabled && control && !control.switchable)
    throw new UserError('seat_switch_flags', {
      zh: '此工作台由 griddesk serve 提供，是否接入坐席由其命令行参数 --seats 决定。',
      en: 'This desk is served by griddesk serve: its --seats flag decides whether seats may join.',
    });
  const next: SeatSettings = {
    enabled: input.enabled,
    address: input.address,
    port: input.port,
    exchangeFolders: [...new Set(input.exchangeFolders.map(checkedFolder))],
  };
  saveSeatSettings(context.db, next, context.actor.name, context.now());
  if (control?.switchable) await control.apply(next);
  return seatStatus(context);
}

export function displayKeys(context: ApiContext): DisplayKeyRow[] {
  return listDisplayKeys(context.db);
}

/**
 * A new display key: 24 random bytes (base64url), shown once; only its hash is kept. It
 * never starts with '-' or '_', so `griddesk display-link revoke KEY` cannot read it as a
 * flag and a person copying it does not drop a leading dash.
 */
export function newDisplayKey(): string {
  for (;;) {
    const key = randomBytes(24).toString('base64url');
    if (/^[A-Za-z0-9]/.test(key)) return key;
  }
}

export function createDisplayKey(context: ApiContext, name: string): DisplayKeyCreated {
  const key = newDisplayKey();
  const now = context.now();
  const row = context.db.transaction(() => {
    const created = insertDisplayKey(context.db, key, name, context.actor.name, now);
    recordAudit(context.db, now, context.actor.name, 'displayKeys.create', {
      id: created.id,
      name,
      keyPrefix: created.keyPrefix,
    });
    return created;
  })();
  const serving = context.seatHost?.serving() ?? null;
  return { row, key, link: serving ? displayLink(serving.url, key) : null };
}

export function displayLink(hostUrl: string, key: string): string {
  return `${hostUrl.replace(/\/$/, '')}/?display=${encodeURIComponent(key)}#/`;
}

export function revokeDisplayKeyCall(context: ApiContext, id: number): DisplayKeyRow {
  const now = context.now();
  return context.db.transaction(() => {
    const row = readDisplayKey(context.db, id);
    if (!row)
      throw new UserError('display_key_missing', {
        zh: `没有编号为 ${id} 的大屏密钥。`,
        en: `There is no display key ${id}.`,
      });
    if (row.revokedAt === null) {
      revokeDisplayKey(context.db, id, context.actor.name, now);
      recordAudit(context.db, now, context.actor.name, 'displayKeys.revoke', {
        id,
        name: row.name,
      });
    }
    return readDisplayKey(context.db, id)!;
  })();
}
