/**
 * Damaging a database file the way a failing disk or a cut-off copy does, for the fault
 * tests: bytes changed inside one b-tree page of a closed store (its WAL checkpointed away
 * first, so the damage is in the main file and nothing replays over it).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

function checkpointAndClose(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function rightmostLeaf(buf: Buffer, pageSize: number, root: number): number {
  let page = root;
  for (;;) {
    const at = (page - 1) * pageSize + (page === 1 ? 100 : 0);
    const type = buf[at];
    // 0x02 interior index page, 0x05 interior table page: the right-most child is at +8.
    if (type !== 0x02 && type !== 0x05) return page;
    page = buf.readUInt32BE(at + 8);
  }
}

function rootPage(file: string, name: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const root = db
      .prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?')
      .pluck()
      .get(name) as number | undefined;
    if (!root) throw new Error(`no b-tree named ${name} in ${file}`);
    return root;
  } finally {
    db.close();
  }
}

/**
 * A page of the table itself made unreadable (its page header overwritten): quick_check
 * finds it, and reading the rows on it fails.
 */
export function damageTablePage(file: string, table = 'cases'): number {
  checkpointAndClose(file);
  const root = rootPage(file, table);
  const buf = fs.readFileSync(file);
  const pageSize = buf.readUInt16BE(16) || 65536;
  const leaf = rightmostLeaf(buf, pageSize, root);
  const at = (leaf - 1) * pageSize;
  buf.fill(0xa5, at, at + 12);
  fs.writeFileSync(file, buf);
  return leaf;
}

/**
 * One key inside an index page changed so the index disagrees with its table, while every
 * page stays well formed: quick_check passes, only integrity_check finds it (the daily
 * backup's check).
 */
export function damageIndexKey(file: string, index: string): number {
  checkpointAndClose(file);
  const root = rootPage(file, index);
  const buf = fs.readFileSync(file);
  const pageSize = buf.readUInt16BE(16) || 65536;
  const leaf = rightmostLeaf(buf, pageSize, root);
  const start = (leaf - 1) * pageSize;
  const page = buf.subarray(start, start + pageSize);
  // The last byte of the cell content area that is an ASCII digit or letter: a key's text.
  for (let i = pageSize - 1; i > 100; i--) {
    const c = page[i]!;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
      page[i] = c === 0x30 ? 0x31 : c - 1;
      fs.writeFileSync(file, buf);
      return leaf;
    }
  }
  throw new Error(`no text key found on page ${leaf} of ${index}`);
}
