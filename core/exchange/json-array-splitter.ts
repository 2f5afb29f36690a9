/**
 * The elements of a top-level JSON array, from text chunks: `[ {…}, {…} ]` is cut into the
 * text of each element without parsing the whole file, so a 2 GB requests.json is read with
 * bounded memory. Each element's text is then JSON.parse'd by the caller.
 */
export class JsonShapeError extends Error {
  constructor(
    readonly problem: 'not_an_array' | 'element_too_long' | 'truncated' | 'too_deep',
    /** The element (1-based) where it happened. */
    readonly element: number,
  ) {
    super(`${problem} at element ${element}`);
    this.name = 'JsonShapeError';
  }
}

/**
 * How deep one element may nest objects and arrays (the element itself is level 1). A case
 * row is flat, with perhaps an attachment list or a coordinate pair inside: 64 is far past
 * any real file, and far below what would overflow the stack of JSON.parse, JSON.stringify
 * or any recursive walk after them (a few thousand levels).
 */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;

export class JsonArraySplitter {
  /** 'before': before '['; 'between': inside the array between elements; 'after': past ']'. */
  private phase: 'before' | 'between' | 'element' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private current = '';
  private elements = 0;

  constructor(
    private readonly maxElementChars = 1_000_000,
    private readonly maxDepth = MAX_JSON_DEPTH,
  ) {}

  push(text: string): string[] {
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.phase === 'element') {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) this.inString = false;
          continue;
        }
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          this.depth += 1;
          if (this.depth > this.maxDepth) throw new JsonShapeError('too_deep', this.elements + 1);
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (this.depth === 0) {
            // `]` closes the array right after a scalar element: end both.
            out.push(this.finish(text.slice(start, i)));
            this.phase = 'after';
            continue;
          }
          this.depth -= 1;
          if (this.depth === 0) {
            out.push(this.finish(text.slice(start, i + 1)));
            this.phase = 'between';
          }
        } else if (c === COMMA && this.depth === 0) {
          out.push(this.finish(text.slice(start, i)));
          this.phase = 'between';
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
      if (this.phase === 'before') {
        if (c !== OPEN_BRACKET) throw new JsonShapeError('not_an_array', 0);
        this.phase = 'between';
      } else if (this.phase === 'between') {
        if (c === COMMA) continue;
        if (c === CLOSE_BRACKET) {
          this.phase = 'after';
          continue;
        }
        this.phase = 'element';
        this.current = '';
        start = i;
        this.depth = 0;
        if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth = 1;
        else if (c === QUOTE) this.inString = true;
      } else {
        throw new JsonShapeError('not_an_array', this.elements);
      }
    }
    if (this.phase === 'element') {
      this.current += text.slice(start);
      if (this.current.length > this.maxElementChars) {
        throw new JsonShapeError('element_too_long', this.elements + 1);
      }
    }
    return out;
  }

  /** Checks the array was closed. */
  end(): void {
    if (this.phase !== 'after') throw new JsonShapeError('truncated', this.elements + 1);
  }

  private finish(tail: string): string {
    const element = this.current + tail;
    this.current = '';
    this.elements += 1;
    if (element.length > this.maxElementChars) {
      throw new JsonShapeError('element_too_long', this.elements);
    }
    return element.trim();
  }
}
