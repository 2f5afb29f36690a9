/**
 * The chain covers the seat an event came through (migration 8's session_id), and an event
 * without one hashes exactly as before, so no link made before migration 8 changes.
 */
import { describe, expect, it } from 'vitest';
import { canonicalText, EVENT_CHAIN_COLUMNS, eventChainText } from '../../core/integrity/canonical';

const before = [
  7,
  3,
  'dispatch',
  'registered',
  'dispatched',
  2,
  '王芳',
  1_790_000_000_000,
  null,
  null,
  null,
];

describe('the chain link of an event with its seat', () => {
  it('hashes an event without a session as migration 5 did', () => {
    expect(EVENT_CHAIN_COLUMNS.at(-1)).toBe('session_id');
    expect(eventChainText('abc', [...before, null])).toBe('abc' + canonicalText(before));
  });

  it('covers the session when there is one: another session is another link', () => {
    const a = eventChainText('abc', [...before, 11]);
    const b = eventChainText('abc', [...before, 12]);
    expect(a).not.toBe(b);
    expect(a).not.toBe(eventChainText('abc', [...before, null]));
  });
});
