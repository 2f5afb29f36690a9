/** The centre's seats (坐席接入) and wall-display keys (大屏密钥), issue 13: the admin's. */
import { z } from 'zod';
import type { DisplayKeyRow } from '../../db/queries/display-keys';
import type { SeatSettings } from '../../db/queries/seat-settings';
import type { SeatClient } from '../../db/queries/users';
import { method } from './define';

/** A seat connected now (api/seats/seat-registry.ts keeps them). */
export interface SeatView {
  sessionId: number;
  userId: number | null;
  name: string;
  role: string;
  address: string | null;
  client: SeatClient | 'display';
  firstSeenAt: number;
  lastSeenAt: number;
  /** Live streams open now (a seat with one open is connected even when idle). */
  liveStreams: number;
}

/** What serves seats now, if anything. */
export interface SeatServing {
  url: string;
  /** SHA-256 of the host's certificate, as seats check it. */
  fingerprint: string;
  since: number;
}

export interface SeatStatus {
  settings: SeatSettings;
  serving: SeatServing | null;
  /**
   * Whether the switch here starts and stops serving: true in the desktop app; false under
   * `griddesk serve`, where its flags decide.
   */
  switchable: boolean;
  /** Why serving failed to start, when it did. */
  problem: { zh: string; en: string } | null;
  connected: SeatView[];
}

export interface DisplayKeyCreated {
  row: DisplayKeyRow;
  /** Shown once: only its hash is kept. */
  key: string;
  /** The page address for the display, when this desk serves seats now. */
  link: string | null;
}

const FOLDER = z.string().trim().min(1).max(4096);

export const seatsContract = {
  'seats.status': method<SeatStatus>()(z.object({}).strict()),
  'seats.settings.save': method<SeatStatus>()(
    z
      .object({
        enabled: z.boolean(),
        address: z.union([z.literal(''), z.ipv4(), z.ipv6()], {
          error: '地址须为本机的 IP 地址，例如 192.168.1.20 (an IP address of this machine)',
        }),
        port: z.number().int().min(1).max(65535),
        exchangeFolders: z.array(FOLDER).max(20),
      })
      .strict(),
  ),
  'displayKeys.list': method<DisplayKeyRow[]>()(z.object({}).strict()),
  'displayKeys.create': method<DisplayKeyCreated>()(
    z.object({ name: z.string().trim().min(1).max(40) }).strict(),
  ),
  'displayKeys.revoke': method<DisplayKeyRow>()(
    z.object({ id: z.number().int().positive() }).strict(),
  ),
};
