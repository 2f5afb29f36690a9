/**
 * The first look at a file handed to the exchange: does it exist, is it empty or too big,
 * and what is it really (whatever its name says): an .xlsx (a zip), an exchange package
 * (a zip or a folder), JSON, or text. Encrypted workbooks and old .xls files (OLE compound
 * files) and binary files are refused here, with one sentence, before any reader starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Sentence } from '../../core/exchange/issues';

/** docs/design/CITY-EXCHANGE.md "Limits": a file up to 2 GB. */
const MAX_FILE_BYTES = 2 * 1024 ** 3;

/** A file the exchange will not read, and why, in one sentence per language. */
export class ExchangeRefusal extends Error {
  constructor(
    readonly code: string,
    readonly sentence: Sentence,
    readonly where?: string,
  ) {
    super(sentence.en);
    this.name = 'ExchangeRefusal';
  }
}

/** A library's message inside our sentence: one line, short (JSON.parse quotes the bad text). */
export function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function refusal(code: string, zh: string, en: string, where?: string): ExchangeRefusal {
  return new ExchangeRefusal(code, { zh, en }, where);
}

export function refuse(code: string, zh: string, en: string, where?: string): never {
  throw refusal(code, zh, en, where);
}

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'zip' | 'folder';

export interface ProbedFile {
  path: string;
  name: string;
  size: number;
  format: FileFormat;
  /** For text: the first bytes (up to 1 MiB), for encoding and delimiter detection. */
  head: Buffer;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEAD_BYTES = 1024 * 1024;

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return magic.every((byte, i) => buffer[i] === byte);
}

function readHead(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

export function probeFile(file: string): ProbedFile {
  const resolved = path.resolve(file);
  const name = path.basename(resolved);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    refuse('file_not_found', `找不到文件 ${resolved}。`, `There is no file ${resolved}.`, resolved);
  }
  if (stat.isDirectory())
    return { path: resolved, name, size: 0, format: 'folder', head: Buffer.alloc(0) };
  if (!stat.isFile())
    refuse(
      'not_a_file',
      `${resolved} 不是普通文件。`,
      `${resolved} is not a regular file.`,
      resolved,
    );
  if (stat.size === 0)
    refuse(
      'empty_file',
      `文件 ${name} 是空的（0 字节），没有可导入的内容。`,
      `The file ${name} is empty (0 bytes): nothing to import.`,
      name,
    );
  if (stat.size > MAX_FILE_BYTES) {
    refuse(
      'file_too_large',
      `文件 ${name} 有 ${(stat.size / 1024 ** 3).toFixed(1)} GB，超过 2 GB 的上限：请按时间分成几个文件再导入。`,
      `The file ${name} is ${(stat.size / 1024 ** 3).toFixed(1)} GB, over the 2 GB limit: split it by period and import the parts.`,
      name,
    );
  }
  let head: Buffer;
  try {
    head = readHead(resolved, Math.min(stat.size, HEAD_BYTES));
  } catch (error) {
    refuse(
      'file_unreadable',
      `无法读取文件 ${name}（${(error as NodeJS.ErrnoException).code ?? '读取失败'}）。`,
      `Cannot read the file ${name} (${(error as NodeJS.ErrnoException).code ?? 'read error'}).`,
      name,
    );
  }
  const ext = path.extname(name).toLowerCase();
  if (startsWith(head, OLE)) {
    refuse(
      'encrypted_or_xls',
      `${name} 是设有打开密码的 Excel 文件，或旧版 .xls 格式：请在 Excel 中去掉密码并另存为 .xlsx 或 CSV 后再导入。`,
      `${name} is a password-protected Excel file or an old .xls: remove the password in Excel and save it as .xlsx or CSV, then import that.`,
      name,
    );
  }
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
    const format: FileFormat = ext === '.zip' ? 'zip' : 'xlsx';
    return { path: resolved, name, size: stat.size, format, head };
  }
  if (['.xlsx', '.xlsm', '.xltx'].includes(ext)) {
    refuse(
      'not_a_spreadsheet',
      `${name} 不是有效的 .xlsx 文件（可能已损坏、被截断，或只是改了扩展名）。`,
      `${name} is not a valid .xlsx file (damaged, truncated, or just renamed).`,
      name,
    );
  }
  if (ext === '.zip') {
    refuse(
      'not_a_zip',
      `${name} 不是有效的 zip 压缩包（可能已损坏或被截断）。`,
      `${name} is not a valid zip archive (damaged or truncated).`,
      name,
    );
  }
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.subarray(0, 65536).includes(0)) {
    refuse(
      'binary_file',
      `${name} 不是表格或文本文件（含有二进制内容），无法导入。`,
      `${name} is not a table or text file (it holds binary data): it cannot be imported.`,
      name,
    );
  }
  const first = head
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()[0];
  if (first === '[' || first === '{')
    return { path: resolved, name, size: stat.size, format: 'json', head };
  if (ext === '.json' || ext === '.geojson') {
    refuse(
      'not_json',
      `${name} 不是 JSON 文件（应以 [ 或 { 开头）。`,
      `${name} is not JSON (it must start with [ or {).`,
      name,
    );
  }
  return { path: resolved, name, size: stat.size, format: 'csv', head };
}
