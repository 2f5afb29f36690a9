/**
 * Reading each case column of a row on its own: codes, names, dates, numbers, text. The
 * rules across columns (required by state, times in order, the point's grid) are in
 * case-row.ts.
 */
import { parseCrs, type Crs } from '../geo/coordinates';
import {
  CASE_SOURCE_ZH,
  CASE_STATE_ZH,
  type CaseSource,
  type CaseState,
  type CategoryKind,
  type Satisfaction,
  type Urgency,
} from '../glossary';
import { cellText, foldFullWidth, stripFormulaGuard, type CellValue } from './cell-value';
import type { CaseKey } from './case-columns';
import {
  readCaseNumber,
  readCount,
  readDecimal,
  readGridCode,
  readMajorCode,
  readMinorCode,
  type CodeReading,
} from './codes';
import { parseExchangeDateTime } from './date-time';
import { CODE_PROBLEM, sentence, type Sentence } from './issues';
import {
  namesOf,
  readKind,
  readSatisfaction,
  readSource,
  readState,
  readUrgency,
  SATISFACTION_ZH,
} from './vocabulary';

export const MAX_DESCRIPTION_CHARS = 4000;
const MAX_TEXT_CHARS = 1000;

export type FieldReading<T> = { ok: true; value: T } | { ok: false; message: Sentence };

function fail(zh: string, en: string): { ok: false; message: Sentence } {
  return { ok: false, message: sentence(zh, en) };
}

const CODE_NAMES: Partial<Record<CaseKey, { what: Sentence; expected: Sentence }>> = {
  case_no: { what: sentence('案卷编号', 'case number'), expected: sentence('文本', 'text') },
  grid_code: {
    what: sentence('单元网格编码', 'grid code'),
    expected: sentence('15 位或 18 位数字', '15 or 18 digits'),
  },
  major_code: {
    what: sentence('大类代码', 'major category code'),
    expected: sentence('两位数字', 'two digits'),
  },
  minor_code: {
    what: sentence('小类代码', 'minor category code'),
    expected: sentence('两位数字，或大类加小类共四位数字', 'two digits, or four (major + minor)'),
  },
};

function code(key: CaseKey, reading: CodeReading): FieldReading<string> {
  if (reading.ok) return reading;
  const names = CODE_NAMES[key]!;
  return { ok: false, message: CODE_PROBLEM[reading.problem](names.what, names.expected) };
}

export const readCaseNoField = (v: CellValue) => code('case_no', readCaseNumber(v));
export const readGridCodeField = (v: CellValue) => code('grid_code', readGridCode(v));
export const readMajorField = (v: CellValue) => code('major_code', readMajorCode(v));
export const readMinorField = (v: CellValue) => code('minor_code', readMinorCode(v));

export function readSourceField(v: CellValue): FieldReading<CaseSource> {
  const value = readSource(cellText(v));
  if (value) return { ok: true, value };
  return fail(
    `无法识别的问题来源；应为：${namesOf(CASE_SOURCE_ZH)}。`,
    'Unknown source; expected one of the seven sources (e.g. 网格员上报, 12345热线).',
  );
}

export function readStateField(v: CellValue): FieldReading<CaseState> {
  const value = readState(cellText(v));
  if (value) return { ok: true, value };
  return fail(
    `无法识别的状态；应为：${namesOf(CASE_STATE_ZH)}。`,
    'Unknown state; expected a case state in Chinese or English (e.g. 已立案, registered).',
  );
}

export function readKindField(v: CellValue): FieldReading<CategoryKind> {
  const value = readKind(cellText(v));
  if (value) return { ok: true, value };
  return fail('问题类型应为“部件”或“事件”。', 'The kind must be 部件 (component) or 事件 (event).');
}

export function readUrgencyField(v: CellValue): FieldReading<Urgency> {
  const value = readUrgency(cellText(v));
  if (value) return { ok: true, value };
  return fail('紧急程度应为“一般”或“紧急”。', 'Urgency must be 一般 (normal) or 紧急 (urgent).');
}

export function readSatisfactionField(v: CellValue): FieldReading<Satisfaction> {
  const value = readSatisfaction(cellText(v));
  if (value) return { ok: true, value };
  return fail(
    `回访结果应为：${namesOf(SATISFACTION_ZH)}。`,
    'The callback result must be 满意, 基本满意 or 不满意.',
  );
}

export function readCrsField(v: CellValue): FieldReading<Crs> {
  const value = parseCrs(cellText(v));
  if (value) return { ok: true, value };
  return fail(
    '坐标系应为 WGS84、CGCS2000、GCJ02 或 BD09。',
    'The coordinate system must be WGS84, CGCS2000, GCJ02 or BD09.',
  );
}

export function readDateField(v: CellValue): FieldReading<number> {
  const reading = parseExchangeDateTime(v);
  if (reading.ok) return { ok: true, value: reading.at };
  return fail(
    '无法识别的日期时间；可用格式如 2026-11-03 14:05:00、2026/11/3 9:05、2026年11月3日 9时5分、ISO 8601 或 Excel 日期。',
    'Unreadable date-time; use e.g. 2026-11-03 14:05:00, 2026/11/3 9:05, 2026年11月3日 9时5分, ISO 8601 or an Excel date.',
  );
}

export function readCoordinateField(key: 'lng' | 'lat', v: CellValue): FieldReading<number> {
  const value = readDecimal(v);
  const [min, max] = key === 'lng' ? [73, 136] : [3, 54];
  if (value === null) {
    return fail(
      '坐标应为十进制度数（如 118.2075）。',
      'A coordinate must be decimal degrees (e.g. 118.2075).',
    );
  }
  if (value < min || value > max) {
    return fail(
      `${key === 'lng' ? '经度' : '纬度'}超出范围（应在 ${min}–${max} 之间）。`,
      `The ${key === 'lng' ? 'longitude' : 'latitude'} is out of range (${min}–${max}).`,
    );
  }
  return { ok: true, value };
}

export function readHoursField(v: CellValue): FieldReading<number> {
  const value = readDecimal(v);
  if (value !== null && value > 0 && value <= 100_000) return { ok: true, value };
  return fail('处置时限应为大于 0 的小时数。', 'The deadline must be a number of hours above 0.');
}

export function readCountField(v: CellValue): FieldReading<number> {
  const value = readCount(v);
  if (value !== null) return { ok: true, value };
  return fail('次数应为不小于 0 的整数。', 'A count must be a whole number of 0 or more.');
}

/** Free text: full-width kept (it is what people wrote), our formula guard removed. */
export function readTextField(key: CaseKey, v: CellValue): FieldReading<string> {
  const text = stripFormulaGuard(cellText(v));
  const max = key === 'description' ? MAX_DESCRIPTION_CHARS : MAX_TEXT_CHARS;
  if (text.length > max) {
    return fail(
      `内容过长（最多 ${max} 个字符）。`,
      `The text is too long (${max} characters at most).`,
    );
  }
  return { ok: true, value: text };
}

/** Phone numbers keep their digits exactly; full-width digits fold. */
export function readPhoneField(v: CellValue): FieldReading<string> {
  const text = foldFullWidth(stripFormulaGuard(cellText(v)));
  if (text.length > 64) return fail('联系电话过长。', 'The phone number is too long.');
  return { ok: true, value: text };
}
