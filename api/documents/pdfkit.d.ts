/** The part of pdfkit 0.20 (which ships no types) that GridDesk's documents use. */
declare module 'pdfkit' {
  interface PDFMargins {
    top: number;
    bottom: number;
    left: number;
    right: number;
  }

  interface PDFDocumentOptions {
    size?: string | [number, number];
    layout?: 'portrait' | 'landscape';
    margins?: PDFMargins;
    bufferPages?: boolean;
    autoFirstPage?: boolean;
    compress?: boolean;
    lang?: string;
    displayTitle?: boolean;
    /** The font at start (a standard font's name or a path); '' loads none. */
    font?: string;
    info?: {
      Title?: string;
      Author?: string;
      Subject?: string;
      Creator?: string;
      Producer?: string;
      CreationDate?: Date;
    };
  }

  interface PDFTextOptions {
    width?: number;
    height?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    lineBreak?: boolean;
    ellipsis?: boolean | string;
    lineGap?: number;
    characterSpacing?: number;
    fill?: boolean;
    stroke?: boolean;
    /** OpenType features to switch on (true) or off (false). */
    features?: Record<string, boolean>;
    /** Which line of the text `y` gives: its top (default) or its alphabetic baseline. */
    baseline?: 'top' | 'alphabetic' | 'middle' | 'bottom';
  }

  interface PDFPage {
    width: number;
    height: number;
    margins: PDFMargins;
  }

  /** A parsed font (fontkit's), which pdfkit also accepts in place of a file. */
  interface PDFParsedFont {
    layout(text: string): unknown;
  }

  class PDFDocument {
    constructor(options?: PDFDocumentOptions);
    page: PDFPage;
    x: number;
    y: number;
    /** The current font; `font` is the parsed face behind an embedded font. */
    _font: { font?: PDFParsedFont } | null;
    registerFont(name: string, src: string | Buffer | PDFParsedFont, family?: string): this;
    font(name: string, size?: number): this;
    fontSize(size: number): this;
    /** The size set by fontSize() (pdfkit keeps it as _fontSize). */
    _fontSize: number;
    text(text: string, x?: number, y?: number, options?: PDFTextOptions): this;
    widthOfString(text: string, options?: PDFTextOptions): number;
    heightOfString(text: string, options?: PDFTextOptions): number;
    addPage(options?: PDFDocumentOptions): this;
    fillColor(color: string, opacity?: number): this;
    strokeColor(color: string, opacity?: number): this;
    lineWidth(width: number): this;
    rect(x: number, y: number, width: number, height: number): this;
    circle(x: number, y: number, radius: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    fillAndStroke(fill?: string, stroke?: string): this;
    dash(length: number, options?: { space?: number }): this;
    undash(): this;
    save(): this;
    restore(): this;
    bufferedPageRange(): { start: number; count: number };
    switchToPage(index: number): this;
    end(): void;
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export type { PDFParsedFont };
  export default PDFDocument;
}
