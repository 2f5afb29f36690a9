/**
 * The canonical texts the tamper-evidence hashes cover (core/integrity/canonical.ts): two
 * different rows never give the same text, and the same row gives the same text whichever
 * way a connection reads its integers.
 */
import { describe, expect, it } from 'vitest';
import { canonicalText, eventChainText } from '../../core/integrity/canonical';

describe('canonical texts', () => {
  it('keeps NULL, the empty text, the text "null" and numbers apart', () => {
    const texts = [[null], [''], ['null'], [0], ['0'], [1], ['1']].map(canonicalText);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('cannot be fooled by moving a separator from one column to the next', () => {
    expect(canonicalText(['a","b', 'c'])).not.toBe(canonicalText(['a', 'b","c']));
    expect(canonicalText(['办结', '张敏'])).not.toBe(canonicalText(['办结张', '敏']));
  });

  it('hashes an integer read as BigInt the same as one read as a number', () => {
    expect(canonicalText([1790000000000n, 42n, null])).toBe(
      canonicalText([1790000000000, 42, null]),
    );
  });

  it("chains after the previous link: the first event of a case starts from ''", () => {
    const values = [1, 7, 'report', null, 'reported', null, '网格员', 0, null, null, null];
    expect(eventChainText('', values)).toBe(canonicalText(values));
    expect(eventChainText('ab'.repeat(32), values)).toBe('ab'.repeat(32) + canonicalText(values));
  });
});
