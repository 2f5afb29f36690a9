/**
 * Zip files from outside (an .xlsx is one; so is an exchange package) checked before any
 * reader trusts them: the central directory must be there (a truncated copy has none), no
 * entry may be encrypted or point outside the chosen folder (`../`, absolute paths), and no
 * entry may inflate past its declared size or a sane ratio (a zip bomb). The check inflates
 * every entry once, counting bytes, so even a zip that lies in its headers is caught.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, Writable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { isSafeRelativePath } from '../../core/exchange/manifest';
import { checkFreeSpace, diskFullRefusal, isDiskFullError } from '../temp-folders';
import { ExchangeRefusal, oneLine, refusal } from './file-probe';

const ZIP_LIMITS = {
  maxEntries: 10_000,
  /** An xlsx sheet of a 2 GB workbook inflates to tens of gigabytes at most. */
  maxTotalBytes: 40 * 1024 ** 3,
  /** XML compresses 10–30×; 200× and more only happens on purpose. */
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 * 1024,
};

interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
  isDirectory: boolean;
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}

/** Any failure reading a zip (bad deflate data, CRC, sizes) as one sentence naming the file. */
export function zipRefusal(name: string, error: unknown, entryName?: string): ExchangeRefusal {
  if (error instanceof ExchangeRefusal) return error;
  const message = oneLine((error as Error).message ?? String(error));
  if (/relative path|absolute path|invalid characters/.test(message)) {
    return refusal(
      'zip_path_outside',
      `${name} 中有指向所选文件夹之外的路径（${message.split(': ').pop()}），已拒绝，未写入任何内容。`,
      `${name} holds a path outside the chosen folder (${message.split(': ').pop()}): refused, nothing written.`,
      name,
    );
  }
  if (/too few bytes|not enough bytes/.test(message)) return truncatedRefusal(name, entryName);
  if (/too many bytes|exceeds/.test(message)) return bombRefusal(name);
  return refusal(
    'zip_unreadable',
    `${name} 不是完整的 zip/xlsx 文件（可能已损坏或被截断）：${message}。`,
    `${name} is not a complete zip/xlsx file (damaged or truncated): ${message}.`,
    name,
  );
}

/** An entry that ends before its header says (a copy cut short on a USB stick). */
function truncatedRefusal(name: string, entry?: string): ExchangeRefusal {
  const what = entry ? `${name} 中的 ${entry}` : name;
  const whatEn = entry ? `${entry} in ${name}` : name;
  return refusal(
    'zip_truncated',
    `${what} 比文件头写明的大小短：文件不完整（例如从 U 盘复制时被截断），已拒绝，未写入任何内容。`,
    `${whatEn} is shorter than its header says: the file is incomplete (cut short when copied off a USB stick?); refused, nothing written.`,
    name,
  );
}

function bombRefusal(name: string): ExchangeRefusal {
  return refusal(
    'zip_bomb',
    `${name} 解压后的大小异常（压缩比过高或超过上限），疑似“压缩炸弹”，已拒绝。`,
    `${name} would inflate to an abnormal size (compression ratio or total over the limit), like a zip bomb: refused.`,
    name,
  );
}

/** Walks every entry; with `extractTo`, writes the entries `wanted` says yes to under it. */
async function walk(
  file: string,
  options: {
    inflate: boolean;
    extractTo?: string;
    wanted?: (name: string) => boolean;
    /** Small entries to keep in memory (workbook.xml), by name. */
    capture?: Map<string, Buffer>;
    signal?: AbortSignal;
    /** The most all extracted entries together may inflate to, counted as they inflate. */
    maxExtractedBytes?: number;
  },
): Promise<ZipEntryInfo[]> {
  const name = path.basename(file);
  let extractedBytes = 0;
  let zip: ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    throw zipRefusal(name, error);
  }
  const entries: ZipEntryInfo[] = [];
  let declaredTotal = 0;
  let current: string | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        current = entry.fileName;
        void (async () => {
          if (options.signal?.aborted) throw options.signal.reason;
          const isDirectory = entry.fileName.endsWith('/');
          if (!isSafeRelativePath(entry.fileName))
            throw zipRefusal(name, new Error(`invalid relative path: ${entry.fileName}`));
          if (entry.isEncrypted()) {
            throw refusal(
              'zip_encrypted',
              `${name} 中的 ${entry.fileName} 已加密（设有密码），无法读取。`,
              `${entry.fileName} in ${name} is encrypted (password-protected): it cannot be read.`,
              name,
            );
          }
          declaredTotal += entry.uncompressedSize;
          const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
          if (
            entries.length >= ZIP_LIMITS.maxEntries ||
            declaredTotal > ZIP_LIMITS.maxTotalBytes ||
            (entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio)
          ) {
            throw bombRefusal(name);
          }
          entries.push({
            name: entry.fileName,
            size: entry.uncompressedSize,
            compressedSize: entry.compressedSize,
            isDirectory,
          });
          const extract =
            options.extractTo && !isDirectory && (options.wanted?.(entry.fileName) ?? true);
          if ((options.inflate || extract) && !isDirectory) {
            const stream = await openEntry(zip, entry);
            let seen = 0;
            const counter = new Transform({
              transform(chunk: Buffer, _encoding, done) {
                seen += chunk.length;
                if (extract) extractedBytes += chunk.length;
                if (
                  seen > entry.uncompressedSize ||
                  (extract &&
                    options.maxExtractedBytes !== undefined &&
                    extractedBytes > options.maxExtractedBytes)
                )
                  done(bombRefusal(name));
                else done(null, chunk);
              },
              flush(done) {
                // Ends before its declared size: cut short, whatever the CRC says.
                done(seen < entry.uncompressedSize ? truncatedRefusal(name, entry.fileName) : null);
              },
            });
            const captured =
              options.capture?.has(entry.fileName) && entry.uncompressedSize < 16 * 1024 * 1024;
            if (captured) {
              const chunks: Buffer[] = [];
              await pipeline(
                stream,
                counter,
                new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) }),
              );
              options.capture!.set(entry.fileName, Buffer.concat(chunks));
            } else if (extract) {
              const target = path.join(options.extractTo!, ...entry.fileName.split('/'));
              fs.mkdirSync(path.dirname(target), { recursive: true });
              await pipeline(stream, counter, fs.createWriteStream(target));
            } else {
              await pipeline(stream, counter, new Writable({ write: (_c, _e, done) => done() }));
            }
          }
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof ExchangeRefusal || options.signal?.aborted) throw error;
    // A full disk is the disk's fault, not the file's.
    if (options.extractTo && isDiskFullError(error)) throw diskFullRefusal(options.extractTo);
    throw zipRefusal(name, error, current);
  } finally {
    zip.close();
  }
  return entries;
}

/** Lists the entries without inflating them (cheap; for telling a package from a workbook). */
export function listZip(file: string): Promise<ZipEntryInfo[]> {
  return walk(file, { inflate: false });
}

interface ExtractLimits {
  /** The most the extracted entries may inflate to, together (declared and counted). */
  maxTotalBytes: number;
}

/**
 * Extracts the entries `wanted` says yes to into `dir`, with the same checks. With limits:
 * before anything is written, the wanted entries' declared sizes must fit under the cap and
 * in the free space of `dir`'s disk (else "the disk is full", naming it); while inflating,
 * the bytes actually written are counted against the cap too, so a lying header gets no
 * further than the cap.
 */
export async function extractZip(
  file: string,
  dir: string,
  wanted: (name: string) => boolean,
  signal?: AbortSignal,
  limits?: ExtractLimits,
): Promise<ZipEntryInfo[]> {
  if (limits) {
    const declared = (await listZip(file))
      .filter((e) => !e.isDirectory && wanted(e.name))
      .reduce((sum, e) => sum + e.size, 0);
    if (declared > limits.maxTotalBytes) throw bombRefusal(path.basename(file));
    // A margin for the folder entries and the file system's own blocks.
    checkFreeSpace(dir, declared + 1024 * 1024);
  }
  return walk(file, {
    inflate: true,
    extractTo: dir,
    wanted,
    ...(signal ? { signal } : {}),
    ...(limits ? { maxExtractedBytes: limits.maxTotalBytes } : {}),
  });
}

export interface CheckedZip {
  entries: Map<string, Entry>;
  /** The entry's bytes as they inflate; yauzl stops an entry that inflates past its declared size. */
  open(entry: Entry): Promise<NodeJS.ReadableStream>;
  close(): void;
}

/**
 * Opens a zip for reading entries on demand, after checking its central directory (no
 * encryption, no outside paths, declared sizes and ratios within limits).
 */
export async function openCheckedZip(file: string): Promise<CheckedZip> {
  const name = path.basename(file);
  let zip: ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    throw zipRefusal(name, error);
  }
  const entries = new Map<string, Entry>();
  let declaredTotal = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        try {
          if (!isSafeRelativePath(entry.fileName))
            throw zipRefusal(name, new Error(`invalid relative path: ${entry.fileName}`));
          if (entry.isEncrypted()) {
            throw refusal(
              'zip_encrypted',
              `${name} 中的 ${entry.fileName} 已加密（设有密码），无法读取。`,
              `${entry.fileName} in ${name} is encrypted (password-protected): it cannot be read.`,
              name,
            );
          }
          declaredTotal += entry.uncompressedSize;
          const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
          if (
            entries.size >= ZIP_LIMITS.maxEntries ||
            declaredTotal > ZIP_LIMITS.maxTotalBytes ||
            (entry.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.maxRatio)
          ) {
            throw bombRefusal(name);
          }
          entries.set(entry.fileName, entry);
          zip.readEntry();
        } catch (error) {
          reject(error);
        }
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    if (error instanceof ExchangeRefusal) throw error;
    throw zipRefusal(name, error);
  }
  return {
    entries,
    open: async (entry) => {
      try {
        return await openEntry(zip, entry);
      } catch (error) {
        throw zipRefusal(name, error);
      }
    },
    close: () => zip.close(),
  };
}

/** A small entry (workbook.xml, its relationships) as text; null when absent. */
export async function readEntryText(
  zip: CheckedZip,
  entryName: string,
  maxBytes = 16 * 1024 * 1024,
): Promise<string | null> {
  const entry = zip.entries.get(entryName);
  if (!entry) return null;
  if (entry.uncompressedSize > maxBytes) throw bombRefusal(entryName);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await zip.open(entry)) chunks.push(chunk as Buffer);
  } catch (error) {
    throw zipRefusal(entryName, error);
  }
  return Buffer.concat(chunks).toString('utf8');
}
