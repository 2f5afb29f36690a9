/**
 * JSON case files: an array of objects (Chinese or English keys), or Open311 GeoReport v2
 * `requests.json`. Streamed element by element (core/exchange/json-array-splitter), so a
 * big file never sits in memory whole. JSON is UTF-8 (RFC 8259); a BOM is tolerated.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { MAX_RECORD_CHARS } from '../../core/exchange/csv-tokenizer';
import {
  JsonArraySplitter,
  JsonShapeError,
  MAX_JSON_DEPTH,
} from '../../core/exchange/json-array-splitter';
import { utf8FaultInFile } from './csv-source';
import { oneLine, refusal, refuse, type ProbedFile } from './file-probe';
import type { RowSource, SourceRow } from './row-source';

export function openJsonSource(probed: ProbedFile, signal?: AbortSignal): RowSource {
  let bytesRead = 0;
  let digest: string | null = null;
  let stream: fs.ReadStream | null = null;

  // Each call reads the file afresh (kind detection reads the first rows, then the import runs).
  async function* batches(): AsyncGenerator<SourceRow[]> {
    const hash = createHash('sha256');
    bytesRead = 0;
    digest = null;
    const splitter = new JsonArraySplitter(MAX_RECORD_CHARS);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let element = 0;
    stream = fs.createReadStream(probed.path, { highWaterMark: 1024 * 1024 });
    try {
      for await (const chunk of stream) {
        if (signal?.aborted) throw signal.reason;
        const buffer = chunk as Buffer;
        bytesRead += buffer.length;
        hash.update(buffer);
        let texts: string[];
        try {
          texts = splitter.push(decoder.decode(buffer, { stream: true }));
        } catch (error) {
          if (error instanceof JsonShapeError) throw shapeRefusal(probed.name, error);
          const fault = await utf8FaultInFile(probed.path);
          const line = fault ? fault.line.toLocaleString() : null;
          refuse(
            'bad_encoding',
            `${probed.name} ${line ? `第 ${line} 行` : ''}不是有效的 UTF-8 文本（JSON 文件须为 UTF-8 编码）：请另存为 UTF-8 后再导入。`,
            `${probed.name} is not valid UTF-8${line ? ` at line ${line}` : ''} (JSON files must be UTF-8): save it as UTF-8 and import again.`,
            probed.name,
          );
        }
        if (texts.length > 0) yield texts.map((text) => toRow(probed.name, text, ++element));
      }
      try {
        splitter.end();
      } catch (error) {
        if (error instanceof JsonShapeError) throw shapeRefusal(probed.name, error);
        throw error;
      }
      digest = hash.digest('hex');
    } finally {
      stream.destroy();
    }
  }

  return {
    format: 'json',
    encoding: 'UTF-8',
    sheet: null,
    sheetNames: [],
    bytesTotal: probed.size,
    bytesRead: () => bytesRead,
    batches,
    sha256: () => digest,
    close: () => stream?.destroy(),
  };
}

/** An element that is not an object becomes a row with no members: the import reports it. */
function toRow(name: string, text: string, element: number): SourceRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refusal(
      'bad_json',
      `${name} 的第 ${element} 个对象不是有效的 JSON（${oneLine((error as Error).message)}），文件可能已损坏。`,
      `Object ${element} of ${name} is not valid JSON (${oneLine((error as Error).message)}): the file may be damaged.`,
      name,
    );
  }
  const object =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  return { row: element, object };
}

function shapeRefusal(name: string, error: JsonShapeError) {
  if (error.problem === 'not_an_array') {
    return refusal(
      'json_not_array',
      `${name} 不是对象数组（应为 [ {…}, {…} ] 或 Open311 的 requests.json）。`,
      `${name} is not an array of objects ([ {…}, {…} ] or an Open311 requests.json).`,
      name,
    );
  }
  if (error.problem === 'too_deep') {
    return refusal(
      'json_too_deep',
      `${name} 的第 ${error.element} 个对象（第 ${error.element} 行）嵌套超过 ${MAX_JSON_DEPTH} 层：案卷记录不会这样嵌套，文件已损坏或不是案卷文件，整个文件未导入。`,
      `Object ${error.element} (row ${error.element}) of ${name} is nested more than ${MAX_JSON_DEPTH} levels deep: no case record nests like that, so the file is damaged or not a case file; nothing was imported.`,
      name,
    );
  }
  if (error.problem === 'element_too_long') {
    return refusal(
      'row_too_long',
      `${name} 的第 ${error.element} 个对象超过 ${MAX_RECORD_CHARS.toLocaleString()} 个字符：文件已损坏或不是案卷文件。`,
      `Object ${error.element} of ${name} is over ${MAX_RECORD_CHARS.toLocaleString()} characters: the file is damaged or not a case file.`,
      name,
    );
  }
  return refusal(
    'json_truncated',
    `${name} 在第 ${error.element} 个对象处意外结束：文件不完整（可能复制时被截断）。`,
    `${name} ends unexpectedly at object ${error.element}: the file is incomplete (truncated while copying?).`,
    name,
  );
}
