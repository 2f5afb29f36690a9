/** File names the exchange writes: a Shanghai timestamp keeps each run's files apart. */
import { SHANGHAI_OFFSET_MS } from '../../core/time';

/** 20261121-1405 (Shanghai). */
export function compactStamp(epochMs: number): string {
  const iso = new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 16).replace(':', '')}`;
}

/** 20261121-140501 (Shanghai, to the second): export names. */
export function secondStamp(epochMs: number): string {
  const iso = new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/**
 * `stem + ext`, or `stem-2 + ext`, `stem-3 + ext`… : the first name `taken` says is free, so
 * two exports in the same second never share a file.
 */
export function uniqueName(stem: string, ext: string, taken: (name: string) => boolean): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${ext}`;
    if (!taken(name)) return name;
  }
}
