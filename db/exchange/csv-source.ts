/**
 * CSV and TSV files (docs/design/CITY-EXCHANGE.md "Text and tables"): UTF-8 with or without a BOM, or
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
import { Utf8Scanner, utf8FaultIn, type Utf8Fault } from '../../core/exchange/utf8-scan';
import { refusal, type ExchangeRefusal, type ProbedFile } from './file-probe';
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

function detectEncoding(head: Buffer): TextDecoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return makeDecoding('UTF-8 (BOM)', 'utf-8');
  if (head[0] === 0xff && head[1] === 0xfe) return makeDecoding('UTF-16', 'utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return makeDecoding('UTF-16', 'utf-16be');
  if (utf8Valid(head)) return makeDecoding('UTF-8', 'utf-8');
  return makeDecoding('GB18030', 'gb18030');
}

/** The first place a file is not UTF-8 (read again from the start: only when decoding failed). */
export async function utf8FaultInFile(file: string): Promise<Utf8Fault | null> {
  const scanner = new Utf8Scanner();
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const fault = scanner.push(chunk as Buffer);
    if (fault) return fault;
  }
  return scanner.end();
}

/**
 * A file read as UTF-8 (its BOM says so, or its first megabyte was) that is not UTF-8 at some
 * line: a GBK file behind a UTF-8 BOM (an editor added one), or two files pasted together.
 */
function notUtf8Refusal(name: string, withBom: boolean, fault: Utf8Fault | null): ExchangeRefusal {
  const line = fault ? fault.line.toLocaleString() : null;
  const where = { zh: line ? `第 ${line} 行` : '文件中', en: line ? `at line ${line}` : '' };
  if (withBom)
    return refusal(
      'bad_encoding',
      `${name} 开头的 BOM 标明它是 UTF-8 文本，但${where.zh}不是有效的 UTF-8（可能是 GBK 文本前加了 BOM）：请另存为 UTF-8，或另存为不带 BOM 的 GB18030 后再导入。`,
      `${name} claims to be UTF-8 (it starts with a UTF-8 BOM) but is not valid UTF-8${where.en ? ` ${where.en}` : ''} (GBK text behind a BOM?): save it as UTF-8, or as GB18030 without a BOM, and import again.`,
      name,
    );
  return refusal(
    'bad_encoding',
    `${name} 按 UTF-8 读取，但${where.zh}不是有效的 UTF-8（文件中混有其他编码的文字）：请另存为 UTF-8 或 GB18030 编码后再导入。`,
    `${name} reads as UTF-8 but is not valid UTF-8${where.en ? ` ${where.en}` : ''} (text in another encoding is mixed in): save it as UTF-8 or GB18030 and import again.`,
    name,
  );
}

export function openCsvSource(probed: ProbedFile, signal?: AbortSignal): RowSource {
  const label = detectEncoding(probed.head).label;
  if (label === 'UTF-8 (BOM)') {
    // Checked here, before any row: the delimiter sample below must decode too.
    const fault = utf8FaultIn(probed.head);
    if (fault) throw notUtf8Refusal(probed.name, true, fault);
  }
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
          throw notUtf8Refusal(
            probed.name,
            encoding.label === 'UTF-8 (BOM)',
            await utf8FaultInFile(probed.path),
          );
        }
        const records = tokenizer.push(text);
        if (records.length > 0) yield toRows(records);
      }
      let flushed: string;
      try {
        flushed = encoding.flush();
      } catch {
        // The file ends inside a multi-byte character.
        throw notUtf8Refusal(
          probed.name,
          encoding.label === 'UTF-8 (BOM)',
          await utf8FaultInFile(probed.path),
        );
      }
      const tail = tokenizer.push(flushed);
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
