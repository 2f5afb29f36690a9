/**
 * The note an import leaves beside the database while it runs, `<db>.importing.json`
 * {pid, file, fileName, startedAt}: another program (the app, while `griddesk import` runs)
 * can then say which file holds the write lock when it refuses a save. Removed at the end;
 * a note whose process is gone (killed, crashed) is ignored and replaced.
 */
import fs from 'node:fs';
import path from 'node:path';

interface ImportMarker {
  pid: number;
  /** Who is importing: `griddesk import` ('cli') or an import started in the app ('app'). */
  by: 'cli' | 'app';
  file: string;
  fileName: string;
  startedAt: number;
}

export function importMarkerPath(dbFile: string): string {
  return `${path.resolve(dbFile)}.importing.json`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}

function readMarkerFile(markerFile: string): ImportMarker | null {
  try {
    const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Partial<ImportMarker>;
    if (typeof marker.pid !== 'number' || typeof marker.file !== 'string') return null;
    return {
      pid: marker.pid,
      by: marker.by === 'app' ? 'app' : 'cli',
      file: marker.file,
      fileName: marker.fileName ?? path.basename(marker.file),
      startedAt: Number(marker.startedAt ?? 0),
    };
  } catch {
    return null;
  }
}

/** The import under way in a living process, if its note is there. */
export function readImportMarker(dbFile: string): ImportMarker | null {
  if (!dbFile || dbFile === ':memory:') return null;
  const marker = readMarkerFile(importMarkerPath(dbFile));
  return marker && alive(marker.pid) ? marker : null;
}

/**
 * Leaves the note for an import of `file` by this process; returns what removes it. When a
 * living process's note is there already, it is left alone (that import holds the lock, and
 * this one will be refused by it) and nothing is removed at the end.
 */
export function writeImportMarker(
  dbFile: string,
  file: string,
  now: number,
  by: ImportMarker['by'],
): () => void {
  if (!dbFile || dbFile === ':memory:') return () => {};
  const markerFile = importMarkerPath(dbFile);
  const marker: ImportMarker = {
    pid: process.pid,
    by,
    file: path.resolve(file),
    fileName: path.basename(file),
    startedAt: now,
  };
  const text = JSON.stringify(marker);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(markerFile, text, { flag: 'wx' });
      return () => removeOwnMarker(markerFile, marker);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') return () => {};
      const other = readMarkerFile(markerFile);
      if (other && alive(other.pid) && other.pid !== process.pid) return () => {};
      fs.rmSync(markerFile, { force: true });
    }
  }
  return () => {};
}

function removeOwnMarker(markerFile: string, marker: ImportMarker): void {
  const current = readMarkerFile(markerFile);
  if (current && current.pid === marker.pid && current.startedAt === marker.startedAt)
    fs.rmSync(markerFile, { force: true });
}
