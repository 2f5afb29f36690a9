/**
 * The seat settings (坐席接入, issue 13), one settings key: whether this desk serves the
 * centre's other seats, on which address and port, and the exchange folders a seat on
 * another machine may read from and write into. Saved with an audit line before and after.
 */
import type { Db } from '../open';
import { readSetting, writeSetting } from './admin-settings';
import { recordAudit } from './users';

export const SEAT_SETTING = 'seats.config';
/** The port seats join on unless the admin picks another. */
export const DEFAULT_SEAT_PORT = 8443;

export interface SeatSettings {
  /** 允许本中心其他坐席接入: the desktop app serves seats while it runs. */
  enabled: boolean;
  /** The LAN address to serve on (one of this machine's). */
  address: string;
  port: number;
  /** Folders a remote seat may read from and write into (beside its own uploads). */
  exchangeFolders: string[];
}

export const SEAT_SETTINGS_FALLBACK: SeatSettings = {
  enabled: false,
  address: '',
  port: DEFAULT_SEAT_PORT,
  exchangeFolders: [],
};

export function readSeatSettings(db: Db): SeatSettings {
  const stored = readSetting(db, SEAT_SETTING);
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored))
    return { ...SEAT_SETTINGS_FALLBACK };
  const value = stored as Partial<Record<keyof SeatSettings, unknown>>;
  const port = Number(value.port);
  return {
    enabled: value.enabled === true,
    address: typeof value.address === 'string' ? value.address : '',
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_SEAT_PORT,
    exchangeFolders: Array.isArray(value.exchangeFolders)
      ? value.exchangeFolders.filter((f): f is string => typeof f === 'string')
      : [],
  };
}

export function saveSeatSettings(
  db: Db,
  next: SeatSettings,
  actor: string,
  now: number,
): SeatSettings {
  return db.transaction(() => {
    const before = readSeatSettings(db);
    writeSetting(db, SEAT_SETTING, next, actor, now);
    recordAudit(db, now, actor, 'settings.seats', { before, after: next });
    return readSeatSettings(db);
  })();
}
