/**
 * An official-looking A4 document (docs/design/UI.md "Print and export look official"): centred title,
 * date and issuing unit, numbered tables that continue across pages with their header
 * repeated, charts in the tier colours, notes, and "第 x 页 共 y 页" on every page.
 */
import PDFDocument, { type PDFParsedFont } from 'pdfkit';
import { findPdfFont, type PdfFont } from './pdf-font';

export const TIER_COLOURS = { blue: '#1f6fd1', yellow: '#e0a400', red: '#d23a3a' } as const;
const TEXT = '#1c222a';
const MUTED = '#5a626e';
const RULE = '#b8bec6';
const HEADER_FILL = '#eef1f4';
const FONT = 'cjk';
/**
 * Numbers, codes and other plain ASCII go in the PDF's built-in Helvetica: no font file to
 * shape them with, which makes a 700-row table several times faster, and digits read the same.
 */
const LATIN = 'Helvetica';
const PLAIN = /^[\x20-\x7E\u2014\u2013]*$/;
/** Where the baseline sits below a line's top, as a share of the font size. */
const BASELINE = 0.86;
const parsedFaces = new WeakMap<PdfFont, PDFParsedFont>();
let helveticaLoads: boolean | null = null;

/**
 * Whether pdfkit's built-in Helvetica loads here. It comes from a file pdfkit requires at
 * run time; inside a bundle that does not carry pdfkit's own package files that require
 * fails, and the documents then set numbers in the CJK font too (slower, same look).
 */
function latinFont(doc: PDFDocument): string {
  if (helveticaLoads === null) {
    try {
      doc.font(LATIN);
      helveticaLoads = true;
    } catch {
      helveticaLoads = false;
    }
    doc.font(FONT);
  }
  return helveticaLoads ? LATIN : FONT;
}

interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableCell {
  text: string;
  /** A tier's colour: shown as a swatch before the word, never colour alone. */
  swatch?: string;
  /** A drawn ▲ or ▼ before the text (a rank change): digits then stay plain ASCII. */
  marker?: 'up' | 'down';
  colour?: string;
}

export class A4Report {
  readonly doc: PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private tableNumber = 0;
  private figureNumber = 0;
  readonly left: number;
  readonly width: number;
  /** Helvetica where pdfkit can load it, else the CJK font for everything. */
  private readonly latin: string;

  constructor(meta: { title: string; subject: string; author: string; createdAt: Date }) {
    const font = findPdfFont();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 50, right: 50 },
      bufferPages: true,
      // No default font: pdfkit's default (Helvetica) is loaded lazily by a require that a
      // bundle (the desktop app's main.cjs) may not resolve; see latinFont().
      font: '',
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: meta.title,
        Subject: meta.subject,
        Author: meta.author,
        Creator: 'GridDesk',
        Producer: 'GridDesk (pdfkit)',
        CreationDate: meta.createdAt,
      },
    });
    this.doc.on('data', (chunk) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.registerFont(FONT, parsedFaces.get(font) ?? font.file, font.face);
    this.doc.font(FONT).fillColor(TEXT);
    // Parsing the CJK font (tens of MB) is most of a small document's time: keep the parsed
    // face for the next one. Each document still embeds its own subset of the glyphs used.
    const parsed = this.doc._font?.font;
    if (parsed && !parsedFaces.has(font)) parsedFaces.set(font, parsed);
    this.latin = latinFont(this.doc);
    this.left = this.doc.page.margins.left;
    this.width = this.doc.page.width - this.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when less than `height` is left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = this.doc.page.margins.top;
    }
  }

  title(text: string): void {
    this.doc.fontSize(17).fillColor(TEXT).lineWidth(0.45).strokeColor(TEXT);
    this.doc.text(text, this.left, this.doc.y, {
      width: this.width,
      align: 'center',
      fill: true,
      stroke: true,
    });
    this.doc.y += 6;
  }

  subline(text: string): void {
    this.doc.fontSize(10).fillColor(MUTED);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'center' });
    this.doc.fillColor(TEXT);
    this.doc.y += 10;
  }

  section(text: string): void {
    this.ensureSpace(40);
    this.doc.y += 6;
    this.doc.fontSize(12).fillColor(TEXT).lineWidth(0.3).strokeColor(TEXT);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, fill: true, stroke: true });
    this.doc.y += 4;
  }

  paragraph(text: string, size = 9.5): void {
    this.doc.fontSize(size).fillColor(TEXT);
    this.ensureSpace(this.doc.heightOfString(text, { width: this.width }) + 4);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: 2 });
    this.doc.y += 4;
  }

  /** A numbered table (表1 …) that continues on the next page with its header repeated. */
  table(caption: string, columns: TableColumn[], rows: TableCell[][], fontSize = 8): void {
    this.tableNumber += 1;
    const rowHeight = fontSize + 8;
    const captionText = `表${this.tableNumber}  ${caption}`;
    const drawCaption = (continued: boolean) => {
      this.doc.fontSize(9.5).fillColor(TEXT);
      this.doc.text(continued ? `${captionText}（续）` : captionText, this.left, this.doc.y, {
        width: this.width,
        align: 'center',
      });
      this.doc.y += 3;
    };
    const drawHeader = () => {
      const y = this.doc.y;
      this.doc.rect(this.left, y, this.width, rowHeight + 2).fill(HEADER_FILL);
      this.drawRow(
        columns,
        columns.map((c) => ({ text: c.header })),
        y,
        rowHeight + 2,
        fontSize,
        MUTED,
      );
      this.rule(y + rowHeight + 2, 0.8);
      this.doc.y = y + rowHeight + 2;
    };
    this.ensureSpace(rowHeight * 4 + 20);
    drawCaption(false);
    drawHeader();
    for (const row of rows) {
      if (this.doc.y + rowHeight > this.bottom) {
        this.doc.addPage();
        this.doc.y = this.doc.page.margins.top;
        drawCaption(true);
        drawHeader();
      }
      const y = this.doc.y;
      this.drawRow(columns, row, y, rowHeight, fontSize, TEXT);
      this.rule(y + rowHeight, 0.3);
      this.doc.y = y + rowHeight;
    }
    this.doc.y += 10;
    this.doc.fillColor(TEXT);
  }

  private drawRow(
    columns: TableColumn[],
    cells: TableCell[],
    y: number,
    height: number,
    fontSize: number,
    colour: string,
  ): void {
    let x = this.left;
    this.doc.fontSize(fontSize);
    columns.forEach((column, i) => {
      const cell = cells[i] ?? { text: '' };
      const pad = 3;
      let textX = x + pad;
      let textWidth = column.width - 2 * pad;
      if (cell.swatch) {
        this.doc.rect(textX, y + (height - 7) / 2, 7, 7).fill(cell.swatch);
        textX += 10;
        textWidth -= 10;
      }
      if (cell.marker) {
        const mid = y + height / 2;
        const [tip, base] = cell.marker === 'up' ? [mid - 3, mid + 2.5] : [mid + 3, mid - 2.5];
        this.doc
          .moveTo(textX, base)
          .lineTo(textX + 6, base)
          .lineTo(textX + 3, tip)
          .fill(cell.colour ?? colour);
        textX += 8;
        textWidth -= 8;
      }
      this.doc.fillColor(cell.colour ?? colour);
      this.placeText(
        cell.text,
        textX,
        y + (height - fontSize) / 2 - 1,
        textWidth,
        column.align ?? 'left',
      );
      x += column.width;
    });
  }

  /**
   * One line of text in a box: aligned by its measured width and cut with an ellipsis when
   * too long. Placed without pdfkit's line wrapper, which is what keeps a 700-row table fast.
   */
  private placeText(
    text: string,
    x: number,
    y: number,
    width: number,
    align: 'left' | 'center' | 'right',
  ): void {
    this.doc.font(PLAIN.test(text) ? this.latin : FONT);
    let shown = text;
    let measured = this.doc.widthOfString(shown);
    if (measured > width) {
      while (shown.length > 1 && this.doc.widthOfString(`${shown}…`) > width)
        shown = shown.slice(0, -1);
      shown = `${shown}…`;
      measured = this.doc.widthOfString(shown);
    }
    const dx =
      align === 'right' ? width - measured : align === 'center' ? (width - measured) / 2 : 0;
    // On the baseline, so Helvetica digits and Chinese text line up along a row.
    this.doc.text(shown, x + dx, y + this.doc._fontSize * BASELINE, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
    this.doc.font(FONT);
  }

  private rule(y: number, width: number): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(width)
      .strokeColor(RULE)
      .stroke();
  }

  /** Reserves a numbered figure (图1 …) of `height` points and hands its box to `draw`. */
  figure(
    caption: string,
    height: number,
    draw: (box: { x: number; y: number; width: number; height: number }) => void,
  ): void {
    this.figureNumber += 1;
    this.ensureSpace(height + 30);
    const box = { x: this.left, y: this.doc.y, width: this.width, height };
    draw(box);
    this.doc.y = box.y + height + 4;
    this.doc.fontSize(9.5).fillColor(TEXT);
    this.doc.text(`图${this.figureNumber}  ${caption}`, this.left, this.doc.y, {
      width: this.width,
      align: 'center',
    });
    this.doc.y += 12;
  }

  /** Small text at a point, for chart labels (never breaks lines or adds pages). */
  label(
    text: string,
    x: number,
    y: number,
    options: {
      size?: number;
      colour?: string;
      width?: number;
      align?: 'left' | 'center' | 'right';
    } = {},
  ): void {
    this.doc.fontSize(options.size ?? 7).fillColor(options.colour ?? MUTED);
    if (options.width !== undefined) {
      this.placeText(text, x, y, options.width, options.align ?? 'left');
      return;
    }
    this.doc.font(PLAIN.test(text) ? this.latin : FONT);
    this.doc.text(text, x, y + this.doc._fontSize * BASELINE, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
    this.doc.font(FONT);
  }

  /** Page numbers on every page, then the bytes. */
  async finish(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      // Writing inside the bottom margin would start a new page: lift the margin meanwhile.
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.fontSize(8.5).fillColor(MUTED);
      this.doc.text(`第 ${i + 1} 页  共 ${range.count} 页`, this.left, this.doc.page.height - 36, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      this.doc.page.margins.bottom = margin;
    }
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}
