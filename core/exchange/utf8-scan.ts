/**
 * Where a text file stops being UTF-8: a strict UTF-8 check (the WHATWG decoder's rules:
 * no overlong forms, no surrogates, nothing past U+10FFFF) fed byte chunks, that says the
 * line (1-based, as an editor numbers it) and byte offset of the first invalid sequence. The
 * readers decode with TextDecoder, which only says "invalid"; this runs when it does, so the
 * sentence can name the line.
 */
export interface Utf8Fault {
  /** Line (1-based) holding the first byte that is not UTF-8. */
  line: number;
  /** Byte offset (0-based, from the file's start) of the sequence that is not UTF-8. */
  byte: number;
}

export class Utf8Scanner {
  private line = 1;
  private offset = 0;
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceStart = 0;
  private sequenceLine = 1;

  /** The first fault in these bytes (given in file order), or null. */
  push(bytes: Uint8Array): Utf8Fault | null {
    for (let i = 0; i < bytes.length; i++, this.offset++) {
      const b = bytes[i]!;
      if (this.need > 0) {
        if (b < this.lower || b > this.upper)
          return { line: this.sequenceLine, byte: this.sequenceStart };
        this.lower = 0x80;
        this.upper = 0xbf;
        this.need -= 1;
        continue;
      }
      if (b === 0x0a) this.line += 1;
      if (b < 0x80) continue;
      this.sequenceStart = this.offset;
      this.sequenceLine = this.line;
      if (b >= 0xc2 && b <= 0xdf) this.need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        this.need = 2;
        if (b === 0xe0) this.lower = 0xa0;
        if (b === 0xed) this.upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        this.need = 3;
        if (b === 0xf0) this.lower = 0x90;
        if (b === 0xf4) this.upper = 0x8f;
      } else return { line: this.line, byte: this.offset };
    }
    return null;
  }

  /** At the end of the file: a sequence left open is a fault too. */
  end(): Utf8Fault | null {
    return this.need > 0 ? { line: this.sequenceLine, byte: this.sequenceStart } : null;
  }
}

/** The first fault in a whole buffer (a file's head), or null; an unfinished last sequence is not one. */
export function utf8FaultIn(bytes: Uint8Array): Utf8Fault | null {
  return new Utf8Scanner().push(bytes);
}
