/** File names the exchange writes: a Shanghai timestamp keeps each run's files apart. */
import { SHANGHAI_OFFSET_MS } from '../../core/time';

/** 20261121-1405 (Shanghai). */
export function compactStamp(epochMs: number): string {
  const iso = new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 16).replace(':', '')}`;
}
