/**
 * The canonical texts that the tamper-evidence checksums cover (issue 10): one place that
 * says which columns of a case event and of a published bulletin are hashed, in which order
 * and how they are written. The hashing itself (SHA-256) is done in db/, which registers it
 * as SQL functions on every connection; the case history's chain trigger and `griddesk
 * verify` both reach these functions, so the trigger and the check can never disagree.
 *
 * The text is a JSON array of the column values in a fixed order: JSON keeps NULL apart from
 * the empty string and the text 'null', numbers apart from strings, and escapes every
 * separator, so two different rows never give the same text.
 */

export type SqlValue = string | number | bigint | null;

/** The columns of case_events the chain covered when migration 5 made it, in hashing order. */
export const EVENT_CHAIN_COLUMNS_V5 = [
  'id',
  'case_id',
  'kind',
  'from_state',
  'to_state',
  'actor_id',
  'actor_name',
  'at',
  'note',
  'data',
  'batch_id',
] as const;

/**
 * The columns of case_events covered by the chain now: migration 8 added the session (the
 * seat) an event came through. An event without one (every event before migration 8, and
 * imports, the command line, the demo) is hashed without it, so its link stays as it was.
 */
export const EVENT_CHAIN_COLUMNS = [...EVENT_CHAIN_COLUMNS_V5, 'session_id'] as const;

/**
 * The columns of bulletins covered by a bulletin's checksum, in hashing order: its figures and
 * everything printed with them. Not the row id, which a BEFORE INSERT trigger cannot see yet
 * (period, level and version name a bulletin). Changing either list needs a new migration
 * that recomputes the stored hashes.
 */
export const BULLETIN_CHECKSUM_COLUMNS = [
  'period',
  'level',
  'version',
  'title',
  'weight_set_id',
  'inputs_sha256',
  'figures',
  'notes',
  'published_at',
  'published_by',
] as const;

export function canonicalText(values: readonly SqlValue[]): string {
  return JSON.stringify(
    // A connection reading integers as BigInt (safeIntegers) hashes the same text as one
    // reading them as numbers: ids and epoch milliseconds are far below 2^53.
    values.map((value) => (typeof value === 'bigint' ? Number(value) : (value ?? null))),
  );
}

/**
 * What one link of a case's chain hashes: the previous link's hash ('' for a case's first
 * event) followed by the event's canonical text.
 */
export function eventChainText(previousHash: string, values: readonly SqlValue[]): string {
  const withoutSession =
    values.length === EVENT_CHAIN_COLUMNS.length && values[values.length - 1] == null
      ? values.slice(0, -1)
      : values;
  return previousHash + canonicalText(withoutSession);
}
