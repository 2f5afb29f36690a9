/**
 * Which desk this installation is (issue 13): its own store, or a seat of the centre's
 * host, kept in `desk.json` in the data folder. An installation that already has a
 * database is its own desk without asking (it was one before seats existed); a fresh one
 * asks on its first screen. No Electron here, so the rules are tested under Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const DESK_FILE_NAME = 'desk.json';

const deskFile = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('choose') }),
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('seat'),
    url: z.string().url().startsWith('https://'),
    fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
  }),
]);

export type DeskChoice = z.infer<typeof deskFile>;

/**
 * The saved choice ('choose' after a seat left its host); with none saved, 'local' when a
 * database is there and 'choose' when not, and the same when the file is unreadable (`problem` then says why, for the log: asking again loses nothing, a seat
 * keeps no store).
 */
export function readDeskChoice(
  dataDir: string,
  databaseExists: boolean,
): { choice: DeskChoice; problem: string | null } {
  const file = path.join(dataDir, DESK_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { choice: databaseExists ? { mode: 'local' } : { mode: 'choose' }, problem: null };
  }
  try {
    const parsed = deskFile.safeParse(JSON.parse(text));
    if (parsed.success) return { choice: parsed.data, problem: null };
    return {
      choice: databaseExists ? { mode: 'local' } : { mode: 'choose' },
      problem: `${file}: ${parsed.error.issues[0]?.message ?? 'not a desk choice'}`,
    };
  } catch {
    return {
      choice: databaseExists ? { mode: 'local' } : { mode: 'choose' },
      problem: `${file} is not JSON`,
    };
  }
}

/** Saves the choice whole or not at all (a temp file renamed over the old one). */
export function writeDeskChoice(dataDir: string, choice: DeskChoice): void {
  const file = path.join(dataDir, DESK_FILE_NAME);
  const valid = deskFile.parse(choice);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}
