/**
 * The pure halves of the text readers' fault finding: where a file stops being UTF-8 (line
 * and byte, however the bytes are chunked), and JSON elements nested past the limit refused
 * by the splitter before anything recursive sees them.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  JsonArraySplitter,
  JsonShapeError,
  MAX_JSON_DEPTH,
} from '../../core/exchange/json-array-splitter';
import { Utf8Scanner, utf8FaultIn } from '../../core/exchange/utf8-scan';

describe('the first byte that is not UTF-8', () => {
  const good = Buffer.from('案卷编号,问题来源\n燃气管道,网格员上报\n😀 ok\n', 'utf8');

  it('finds none in UTF-8 (four-byte characters too), and none for a character cut at the end of a head', () => {
    expect(utf8FaultIn(good)).toBeNull();
    expect(utf8FaultIn(good.subarray(0, good.indexOf(0xe7) + 1))).toBeNull();
  });

  it('names the line and byte of GBK text, however the bytes are chunked', () => {
    const bytes = Buffer.concat([good, iconv.encode('第四行 GBK', 'gbk')]);
    const expected = { line: 4, byte: good.length };
    for (let cut = 0; cut <= bytes.length; cut++) {
      const scanner = new Utf8Scanner();
      const fault = scanner.push(bytes.subarray(0, cut)) ?? scanner.push(bytes.subarray(cut));
      expect(fault, `cut at ${cut}`).toEqual(expected);
    }
  });

  it('refuses overlong forms, surrogates, stray continuation bytes and a sequence open at the end', () => {
    expect(utf8FaultIn(Buffer.from([0x41, 0xc0, 0x80]))).toEqual({ line: 1, byte: 1 });
    expect(utf8FaultIn(Buffer.from([0x0a, 0xed, 0xa0, 0x80]))).toEqual({ line: 2, byte: 1 });
    expect(utf8FaultIn(Buffer.from([0x41, 0x80]))).toEqual({ line: 1, byte: 1 });
    expect(utf8FaultIn(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toEqual({ line: 1, byte: 0 });
    const scanner = new Utf8Scanner();
    expect(scanner.push(Buffer.from([0x41, 0xe7, 0x87]))).toBeNull();
    expect(scanner.end()).toEqual({ line: 1, byte: 1 });
  });
});

describe('JSON nesting', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

  it(`splits elements nested ${MAX_JSON_DEPTH} deep, refuses ${MAX_JSON_DEPTH + 1} naming the element`, () => {
    expect(new JsonArraySplitter().push(`[{"a":1},${nested(MAX_JSON_DEPTH)}]`)).toHaveLength(2);
    let error: unknown;
    try {
      new JsonArraySplitter().push(`[{"a":1},{"b":${nested(MAX_JSON_DEPTH)}}]`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonShapeError);
    expect(error).toMatchObject({ problem: 'too_deep', element: 2 });
  });

  it('counts brackets inside strings as text, not nesting', () => {
    const text = `[{"a":"${'{['.repeat(500)}"}]`;
    expect(new JsonArraySplitter().push(text)).toHaveLength(1);
  });

  it('refuses 8,000 levels without a stack overflow, however the text is chunked', () => {
    const text = `[{"x":${nested(8000)}}]`;
    const splitter = new JsonArraySplitter(1_000_000);
    expect(() => {
      for (let i = 0; i < text.length; i += 100) splitter.push(text.slice(i, i + 100));
    }).toThrow(expect.objectContaining({ problem: 'too_deep', element: 1 }));
  });
});
