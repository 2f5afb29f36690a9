/**
 * Every case number of the file being imported, with its row and content fingerprint, in a
 * TEMP table: repeats inside a file are found with bounded memory even over five million
 * rows. The import's own connection holds it, or the reading worker's in-memory database.
 */
import type { Db } from '../open';

export class SeenCaseNumbers {
  private readonly get;
  private readonly put;

  constructor(private readonly db: Db) {
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS exchange_seen (case_no TEXT PRIMARY KEY, row_no INTEGER, hash TEXT) WITHOUT ROWID',
    );
    db.exec('DELETE FROM temp.exchange_seen');
    this.get = db.prepare<[string], { row: number; hash: string }>(
      'SELECT row_no AS row, hash FROM temp.exchange_seen WHERE case_no = ?',
    );
    this.put = db.prepare(
      'INSERT OR IGNORE INTO temp.exchange_seen (case_no, row_no, hash) VALUES (?, ?, ?)',
    );
  }

  /** Where this case number was seen before in the file, or records it now. */
  seen(caseNo: string, rowNo: number, hash: string): { row: number; hash: string } | null {
    // Nearly every number is new: one INSERT, and a look only when it was there already.
    if (this.put.run(caseNo, rowNo, hash).changes > 0) return null;
    return this.get.get(caseNo) ?? null;
  }

  dispose(): void {
    this.db.exec('DROP TABLE IF EXISTS temp.exchange_seen');
  }
}
