/**
 * The text of a pdfkit PDF, for tests: each page's content stream inflated, its show-text
 * operators (Tj / TJ) decoded through the font they are set in — an embedded font's
 * ToUnicode CMap (the CJK font; glyph ids in hex), or WinAnsi bytes for the built-in
 * Helvetica. One string per text operator, per page, in drawing order. Good enough for what
 * pdfkit writes; not a general PDF reader.
 */
import zlib from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(bytes: Buffer): Map<number, PdfObject> {
  const text = bytes.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(text))) {
    const bodyStart = m.index + m[0].length;
    const end = text.indexOf('endobj', bodyStart);
    const body = text.slice(bodyStart, end);
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0 && /\/Length\s+\d+/.test(body.slice(0, streamAt))) {
      dict = body.slice(0, streamAt);
      let dataStart = bodyStart + streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart += 1;
      if (text[dataStart] === '\n') dataStart += 1;
      const length = Number(/\/Length\s+(\d+)/.exec(dict)![1]);
      const raw = bytes.subarray(dataStart, dataStart + length);
      stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
    }
    objects.set(Number(m[1]), { dict, stream });
    start.lastIndex = end;
  }
  return objects;
}

/** glyph code (hex, 4 digits) → text, from pdfkit's `<start> <end> [<u> <u> …]` ranges. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
    const first = parseInt(range[1]!, 16);
    [...range[3]!.matchAll(/<([0-9a-f ]*)>/gi)].forEach((entry, i) => {
      const units = entry[1]!.trim().split(/\s+/).filter(Boolean);
      map.set(first + i, String.fromCharCode(...units.map((u) => parseInt(u, 16))));
    });
  }
  return map;
}

type Decoder = (hex: string) => string;

export function pdfPageTexts(bytes: Buffer): string[][] {
  const objects = readObjects(bytes);
  const decoders = new Map<string, Decoder>();
  const latin: Decoder = (hex) =>
    Buffer.from(hex, 'hex').toString('latin1').replace(/\x97/g, '—').replace(/\x96/g, '–');
  // Font resources: pdfkit names them F1, F2 … across the whole document.
  for (const { dict } of objects.values()) {
    for (const ref of dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(ref[2]))?.dict ?? '';
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(font);
      if (toUnicode) {
        const cmap = parseCmap(objects.get(Number(toUnicode[1]))!.stream!.toString('latin1'));
        decoders.set(ref[1]!, (hex) =>
          (hex.match(/.{4}/g) ?? []).map((code) => cmap.get(parseInt(code, 16)) ?? '�').join(''),
        );
      } else decoders.set(ref[1]!, latin);
    }
  }
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  return pages.map((page) => {
    const contents = /\/Contents\s+(\d+) 0 R/.exec(page.dict);
    const stream = contents ? objects.get(Number(contents[1]))!.stream!.toString('latin1') : '';
    const out: string[] = [];
    let decode: Decoder = latin;
    const ops = /\/(F\d+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
    for (const op of stream.matchAll(ops)) {
      if (op[1]) decode = decoders.get(op[1]) ?? latin;
      else if (op[2] !== undefined)
        out.push([...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1]!)).join(''));
      else if (op[3] !== undefined) out.push(decode(op[3]));
    }
    return out;
  });
}

/** All pages' text operators as one string, one operator a line. */
export function pdfText(bytes: Buffer): string {
  return pdfPageTexts(bytes)
    .map((page) => page.join('\n'))
    .join('\n');
}
