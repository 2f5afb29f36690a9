/**
 * The one API contract: every method by name, intersected from the feature contracts.
 * Import types from here in the renderer; the schemas validate at every transport's edge.
 */
import type { z } from 'zod';
import { appContract } from './app';
import { overviewContract } from './overview';
import { rankingContract } from './ranking';
import { weeklyContract } from './weekly';
import { authContract } from './auth';
import { caseDeskContract } from './case-desk';
import { calendarContract } from './calendar';
import { mapContract } from './map';
import { exchangeContract } from './exchange';
import { backupContract } from './backup';
import { appealsContract } from './appeals';
import { settingsContract } from './settings';
import { seatsContract } from './seats';
import { partyFiguresContract, wishesContract } from './wishes';
import { partyRegistersContract } from './party-registers';

export const contract = {
  ...exchangeContract,
  ...appContract,
  ...overviewContract,
  ...rankingContract,
  ...weeklyContract,
  ...authContract,
  ...caseDeskContract,
  ...calendarContract,
  ...mapContract,
  ...backupContract,
  ...appealsContract,
  ...settingsContract,
  ...seatsContract,
  ...wishesContract,
  ...partyFiguresContract,
  ...partyRegistersContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ApiInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ApiParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type ApiResult<M extends MethodName> = NonNullable<Contract[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** A change another window (or another process) made: screens refresh what they show. */
export type LiveEvent =
  | { type: 'cases.changed'; caseIds: number[] | null; at: number }
  | { type: 'data.changed'; at: number }
  /** The store's health or backups changed (a check ended, a backup or restore ran). */
  | { type: 'store.changed'; at: number };

/** A failure the transport carries back: a sentence in both UI languages, never a stack. */
export interface ApiErrorPayload {
  code: string;
  message: { zh: string; en: string };
  /** Where the problem is (field path, file/row/column), when there is a place. */
  where?: string;
  /** A reference into the log, for errors that are the program's fault. */
  reference?: string;
}

/** What the renderer calls: `window.griddesk` in Electron, an HTTP client in the browser. */
export interface GriddeskApi {
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  subscribe(listener: (event: LiveEvent) => void): () => void;
  readonly transport: 'ipc' | 'http';
  /**
   * Set when this window works on the centre's host from another seat (issue 13): the
   * host's address, and whether it is a read-only wall display. Null on the desk itself.
   */
  readonly seat?: { host: string; display: boolean } | null;
  /**
   * A desktop seat joined to the host: whether the host is reachable now (its calls or
   * live stream failing, and working again), for the banner that says figures are not live.
   */
  onConnection?(listener: (reachable: boolean) => void): () => void;
  /**
   * A browser seat of the centre's host: sends a file as it is (streamed, up to 4 GB) and
   * answers the host's path for it, for exchange.preview and the imports. Absent elsewhere:
   * the desk's own windows name files by their path.
   */
  uploadFile?(
    file: File,
    onProgress: (sent: number, total: number) => void,
  ): Promise<{ path: string; bytes: number }>;
}

export * from './app';
export * from './overview';
export * from './ranking';
export * from './weekly';
export * from './auth';
export * from './case-desk';
export * from './calendar';
export * from './map';
export * from './exchange';
export * from './backup';
export * from './settings';
export * from './appeals';
export * from './seats';
export * from './desk';
export * from './wishes';
export * from './party-registers';
