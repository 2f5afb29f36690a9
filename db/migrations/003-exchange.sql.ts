/**
 * Migration 3: what the city exchange needs beyond the domain schema (docs/design/CITY-EXCHANGE.md).
 * - cases.exchange_hash: the fingerprint of the file row last read for the case. The same
 *   row read again changes nothing (idempotent re-import) and raises no conflict.
 * - cases.exchanged_at: the case's updated_at right after it was last imported or exported.
 *   When updated_at has moved since, the desk changed the case after the last exchange, and a
 *   file that changed it too is a conflict (the newer updated_at wins, the loser is kept as a
 *   'conflict' event in the history).
 * - exchange_batches_kind: "since the last export" and the import history, without a scan.
 */
export const sql = /* sql */ `
ALTER TABLE cases ADD COLUMN exchange_hash TEXT;
ALTER TABLE cases ADD COLUMN exchanged_at INTEGER;
CREATE INDEX exchange_batches_kind ON exchange_batches(direction, kind, status, started_at);
`;
