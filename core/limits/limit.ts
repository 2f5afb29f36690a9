/**
 * A resolution limit (处置时限) and how cities write one in their category standard
 * (docs/design/DOMAIN.md, "The city's category standard (立结案标准) and limit units").
 */

export type LimitUnit = 'natural_hours' | 'working_hours' | 'working_days' | 'natural_days';

export interface Limit {
  /** Positive; may be fractional (0.5天, 1.5小时). */
  value: number;
  unit: LimitUnit;
}

export interface LimitSentence {
  zh: string;
  en: string;
}

export type ParsedLimit =
  { ok: true; limit: Limit; note: string | null } | { ok: false; message: LimitSentence };

/**
 * The words cities use, longest first: a regex alternation takes the first branch that
 * matches, so 紧急工作时 must come before 工作时 (else "2紧急工作时" could never be read as
 * natural hours) and 紧急工作日 before 工作日.
 */
const UNIT_WORDS: ReadonlyArray<readonly [string, LimitUnit]> = [
  ['紧急工作时', 'natural_hours'],
  ['紧急工作日', 'natural_days'],
  ['自然时', 'natural_hours'],
  ['自然日', 'natural_days'],
  ['工作时', 'working_hours'],
  ['工作日', 'working_days'],
  ['小时', 'working_hours'],
  ['天', 'working_days'],
];
const UNIT_OF = new Map(UNIT_WORDS);
// An optional 个 ("4个小时", "3个工作日") is how people also write it; it changes nothing.
const LIMIT_PATTERN = new RegExp(
  `^(\\d+(?:\\.\\d+)?)\\s*个?\\s*(${UNIT_WORDS.map(([word]) => word).join('|')})(.*)$`,
  's',
);
/** Separators between the unit and its note ("2小时，整改"), which are not part of the note. */
const NOTE_LEAD = /^[\s,，;；:：、]+/;

const EXPECTED_ZH = '应写成 4小时、1天、2紧急工作时 或 1紧急工作日。';
const EXPECTED_EN = 'write it as 4小时, 1天, 2紧急工作时 or 1紧急工作日.';

/**
 * Reads a limit cell. NFKC turns full-width digits and points (４小时, １．５天) into ASCII;
 * line breaks inside a cell are dropped, since a spreadsheet wraps "4\n小时" where it likes.
 */
export function parseLimit(text: string): ParsedLimit {
  const shown = text.replace(/\s+/g, ' ').trim();
  const cell = text
    .normalize('NFKC')
    .replace(/[\r\n]+/g, '')
    .trim();
  if (cell === '') {
    return refuse(`时限为空：${EXPECTED_ZH}`, `The limit is empty: ${EXPECTED_EN}`);
  }
  const match = LIMIT_PATTERN.exec(cell);
  const unit = match ? UNIT_OF.get(match[2] ?? '') : undefined;
  if (!match || !unit) {
    return refuse(
      `时限「${shown}」无法识别：${EXPECTED_ZH}`,
      `The limit "${shown}" cannot be read: ${EXPECTED_EN}`,
    );
  }
  const value = Number(match[1]);
  if (!(value > 0) || !Number.isFinite(value)) {
    return refuse(
      `时限「${shown}」必须大于零：${EXPECTED_ZH}`,
      `The limit "${shown}" must be more than zero: ${EXPECTED_EN}`,
    );
  }
  const note = (match[3] ?? '').replace(NOTE_LEAD, '').trim();
  return { ok: true, limit: { value, unit }, note: note === '' ? null : note };
}

function refuse(zh: string, en: string): ParsedLimit {
  return { ok: false, message: { zh, en } };
}

const UNIT_NAMES: Record<LimitUnit, { zh: string; en: string; enOne: string }> = {
  natural_hours: { zh: '自然时', en: 'natural hours', enOne: 'natural hour' },
  working_hours: { zh: '工作时', en: 'working hours', enOne: 'working hour' },
  working_days: { zh: '工作日', en: 'working days', enOne: 'working day' },
  natural_days: { zh: '自然日', en: 'natural days', enOne: 'natural day' },
};

/** "4 工作时" / "4 working hours": the desk's own words, whichever word the city used. */
export function formatLimit(limit: Limit, lang: 'zh' | 'en'): string {
  const names = UNIT_NAMES[limit.unit];
  if (lang === 'zh') return `${limit.value} ${names.zh}`;
  return `${limit.value} ${limit.value === 1 ? names.enOne : names.en}`;
}
