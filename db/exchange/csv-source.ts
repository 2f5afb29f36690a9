/**
 * CSV and TSV files (CITY-EXCHANGE.md "Text and tables"): UTF-8 with or without a BOM, or
 * GB18030/GBK as Excel on Chinese Windows writes it. The encoding is detected, never asked:
 * strict UTF-8 first over the first megabyte, GB18030 when that fails (UTF-16 with a BOM,
 * which Excel's "Unicode text" writes, is read too). Read as a stream with the file's
 * SHA-256 computed on the way.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import {
  CsvFormatError,
  CsvTokenizer,
  detectDelimiter,
  MAX_RECORD_CHARS,
} from '../../core/exchange/csv-tokenizer';
import { refusal, refuse, type ExchangeRefusal, type ProbedFile } from './file-probe';
import type { RowSource, SourceRow } from './row-source';

interface TextDecoding {
  label: string;
  decode(chunk: Buffer): string;
  flush(): string;
}

function utf8Valid(sample: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function makeDecoding(
  label: string,
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be',
): TextDecoding {
  // Strict UTF-8 all the way: a file that turns out not to be UTF-8 later is refused, not garbled.
  let decoder: TextDecoder | null;
  try {
    decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  } catch {
    decoder = null;
  }
  if (decoder) {
    const d = decoder;
    return { label, decode: (chunk) => d.decode(chunk, { stream: true }), flush: () => d.decode() };
  }
  // A Node built without full ICU has no GB18030 TextDecoder: iconv-lite has.
  const stream = iconv.getDecoder(encoding);
  return { label, decode: (chunk) => stream.write(chunk), flush: () => stream.end() ?? '' };
}

export function detectEncoding(head: Buffer): TextDecoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return makeDecoding('UTF-8 (BOM)', 'utf-8');
  if (head[0] === 0xff && head[1] === 0xfe) return makeDecoding('UTF-16', 'utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return makeDecoding('UTF-16', 'utf-16be');
  if (utf8Valid(head)) return makeDecoding('UTF-8', 'utf-8');
  return makeDecoding('GB18030', 'gb18030');
}

export function openCsvSource(probed: ProbedFile, signal?: AbortSignal): RowSource {
  const label = detectEncoding(probed.head).label;
  const sampleText = detectEncoding(probed.head).decode(probed.head.subarray(0, 65536));
  const delimiter =
    path.extname(probed.name).toLowerCase() === '.tsv' ? '\t' : detectDelimiter(sampleText);
  let bytesRead = 0;
  let digest: string | null = null;
  let stream: fs.ReadStream | null = null;

  // Each call reads the file afresh (kind detection reads the first rows, then the import runs).
  async function* batches(): AsyncGenerator<SourceRow[]> {
    const hash = createHash('sha256');
    const encoding = detectEncoding(probed.head);
    bytesRead = 0;
    digest = null;
    const tokenizer = new CsvTokenizer(delimiter, MAX_RECORD_CHARS);
    let row = 0;
    const toRows = (records: string[][]) => records.map((cells) => ({ row: ++row, cells }));
    stream = fs.createReadStream(probed.path, { highWaterMark: 1024 * 1024 });
    try {
      for await (const chunk of stream) {
        if (signal?.aborted) throw signal.reason;
        const buffer = chunk as Buffer;
        bytesRead += buffer.length;
        hash.update(buffer);
        let text: string;
        try {
          text = encoding.decode(buffer);
        } catch {
          refuse(
            'bad_encoding',
            `${probed.name} 在第 ${bytesRead.toLocaleString()} 字节附近不是有效的 UTF-8 文本：请另存为 UTF-8 或 GB18030 编码后再导入。`,
            `${probed.name} is not valid UTF-8 near byte ${bytesRead.toLocaleString()}: save it as UTF-8 or GB18030 and import again.`,
            probed.name,
          );
        }
        const records = tokenizer.push(text);
        if (records.length > 0) yield toRows(records);
      }
      const tail = tokenizer.push(encoding.flush());
      const last = tokenizer.end();
      if (tail.length + last.length > 0) yield toRows([...tail, ...last]);
      digest = hash.digest('hex');
    } catch (error) {
      if (error instanceof CsvFormatError) throw csvRefusal(probed.name, error);
      throw error;
    } finally {
      stream.destroy();
    }
  }

  return {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding: label,
    sheet: null,
    sheetNames: [],
    bytesTotal: probed.size,
    bytesRead: () => bytesRead,
    batches,
    sha256: () => digest,
    close: () => stream?.destroy(),
  };
}

function csvRefusal(name: string, error: CsvFormatError): ExchangeRefusal {
  const row = error.record.toLocaleString();
  if (error.problem === 'unclosed_quote') {
    return refusal(
      'unclosed_quote',
      `${name} 第 ${row} 行的引号没有闭合，文件可能被截断或已损坏。`,
      `In ${name}, the quote opened on row ${row} is never closed: the file is truncated or damaged.`,
      name,
    );
  }
  if (error.problem === 'too_many_fields') {
    return refusal(
      'too_many_fields',
      `${name} 第 ${row} 行的列数超过 16,384：这不是案卷表格。`,
      `Row ${row} of ${name} has over 16,384 columns: this is not a case table.`,
      name,
    );
  }
  return refusal(
    'row_too_long',
    `${name} 第 ${row} 行超过 ${MAX_RECORD_CHARS.toLocaleString()} 个字符：文件可能已损坏（例如引号没有闭合），或不是案卷表格。`,
    `Row ${row} of ${name} is over ${MAX_RECORD_CHARS.toLocaleString()} characters: the file is damaged (an unclosed quote, say) or not a case table.`,
    name,
  );
}
