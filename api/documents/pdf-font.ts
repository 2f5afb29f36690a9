/**
 * The Chinese font a PDF is set in. PDF has no CJK font of its own, so one is embedded (only
 * the glyphs used, by pdfkit). Looked for in order: GRIDDESK_PDF_FONT, a font shipped in
 * assets/fonts/, then the system's own (Microsoft YaHei / SimHei on Windows, Noto Sans CJK,
 * Source Han Sans or WenQuanYi on Linux incl. UOS and Kylin, PingFang on macOS).
 * For a collection (.ttc) the Simplified Chinese face is chosen from its name table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { assetsDir } from '../../db/seed/assets-dir';
import { UserError } from '../errors';

const PDF_FONT_ENV = 'GRIDDESK_PDF_FONT';

const SYSTEM_FONTS = [
  'C:\\Windows\\Fonts\\msyh.ttc',
  'C:\\Windows\\Fonts\\simhei.ttf',
  'C:\\Windows\\Fonts\\simsun.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/source-han-sans/SourceHanSansSC-Regular.otf',
  '/usr/share/fonts/adobe-source-han-sans/SourceHanSansSC-Regular.otf',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Light.ttc',
];

export interface PdfFont {
  file: string;
  /** The PostScript name of the face inside a collection; undefined for a single font. */
  face: string | undefined;
}

let cached: PdfFont | null = null;

export function findPdfFont(): PdfFont {
  if (cached && fs.existsSync(cached.file)) return cached;
  for (const file of candidates()) {
    if (!fs.existsSync(file)) continue;
    try {
      cached = {
        file,
        face: file.toLowerCase().endsWith('.ttc') ? simplifiedChineseFace(file) : undefined,
      };
      return cached;
    } catch {
      // Not a font we can read: try the next one.
    }
  }
  throw new UserError('pdf_font_missing', {
    zh: `导出 PDF 需要一个中文字体，但本机没有找到：请把字体文件（如 NotoSansSC-Regular.otf）放到 assets/fonts/，或用环境变量 ${PDF_FONT_ENV} 指向它。`,
    en: `Exporting a PDF needs a Chinese font and none was found: put one (e.g. NotoSansSC-Regular.otf) in assets/fonts/, or point ${PDF_FONT_ENV} at it.`,
  });
}

function candidates(): string[] {
  const list: string[] = [];
  const fromEnv = process.env[PDF_FONT_ENV];
  if (fromEnv) list.push(path.resolve(fromEnv));
  try {
    const dir = path.join(assetsDir(), 'fonts');
    if (fs.existsSync(dir)) {
      for (const name of fs.readdirSync(dir).sort()) {
        if (/\.(otf|ttf|ttc)$/i.test(name)) list.push(path.join(dir, name));
      }
    }
  } catch {
    // No assets folder: the system's fonts may still do.
  }
  return [...list, ...SYSTEM_FONTS];
}

/** Reads a TrueType collection's faces and picks Simplified Chinese (SC/GB), else the first. */
function simplifiedChineseFace(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const read = (offset: number, length: number) => {
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, offset);
      return buffer;
    };
    const header = read(0, 12);
    if (header.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection');
    const count = header.readUInt32BE(8);
    const offsets = read(12, 4 * count);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const name = postScriptName(read, offsets.readUInt32BE(4 * i));
      if (name) names.push(name);
    }
    const preferred =
      names.find((n) => /sc-regular|sc$|gb/i.test(n) && !/bold/i.test(n)) ??
      names.find((n) => /sc|gb/i.test(n)) ??
      names[0];
    if (!preferred) throw new Error('no named face');
    return preferred;
  } finally {
    fs.closeSync(fd);
  }
}

function postScriptName(
  read: (offset: number, length: number) => Buffer,
  fontOffset: number,
): string | null {
  const tableCount = read(fontOffset + 4, 2).readUInt16BE(0);
  const directory = read(fontOffset + 12, 16 * tableCount);
  for (let t = 0; t < tableCount; t++) {
    if (directory.toString('latin1', 16 * t, 16 * t + 4) !== 'name') continue;
    const tableOffset = directory.readUInt32BE(16 * t + 8);
    const head = read(tableOffset, 6);
    const recordCount = head.readUInt16BE(2);
    const stringsAt = tableOffset + head.readUInt16BE(4);
    const records = read(tableOffset + 6, 12 * recordCount);
    for (let r = 0; r < recordCount; r++) {
      const platform = records.readUInt16BE(12 * r);
      const nameId = records.readUInt16BE(12 * r + 6);
      if (nameId !== 6) continue;
      const length = records.readUInt16BE(12 * r + 8);
      const bytes = read(stringsAt + records.readUInt16BE(12 * r + 10), length);
      // Windows names are UTF-16BE; Macintosh ones single-byte.
      return platform === 3 ? bytes.swap16().toString('utf16le') : bytes.toString('latin1');
    }
  }
  return null;
}
