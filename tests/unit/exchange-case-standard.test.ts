/**
 * The 立案条件 of a case row (core/exchange/case-standard.ts, checkCaseRow): the standard row
 * named by its text (full-width and spaces folded) or its number, the minor's only row when
 * none is named, several and none named refused with the sentence, an unknown one refused
 * with the list; a city deadline makes the standard's limit moot; a minor without rows
 * keeps its own clocks; the desk's row is kept when the file does not name one.
 */
import { describe, expect, it } from 'vitest';
import type { CaseKey } from '../../core/exchange/case-columns';
import { checkCaseRow, type CaseCells, type CaseRowLookups } from '../../core/exchange/case-row';
import {
  categoryStandards,
  foldCondition,
  type CategoryStandards,
  type StandardChoice,
} from '../../core/exchange/case-standard';
import { fromWallClock } from '../../core/time';

const NOW = fromWallClock(2026, 11, 21, 14, 0);

function choice(id: number, position: number, text: string): StandardChoice {
  return {
    id,
    position,
    text,
    condition: foldCondition(text),
    limit: { value: 4, unit: 'working_hours' },
  };
}

const STANDARDS = new Map<string, CategoryStandards>([
  [
    'C0118',
    categoryStandards('路灯', [
      choice(13, 3, '灯杆倾斜有倒伏危险'),
      choice(11, 1, '单盏不亮'),
      choice(12, 2, '连续三盏以上不亮'),
    ]),
  ],
  ['C0102', categoryStandards('污水井盖', [choice(21, 1, '发现即立案')])],
  ['E0102', categoryStandards('暴露垃圾', [choice(31, 1, '主次干道暴露垃圾，含绿化带')])],
]);
const OLD_ROWS = new Map([
  [5, { categoryCode: 'C0118', condition: '发现即立案', text: '发现即立案' }],
]);

const lookups: CaseRowLookups = {
  now: NOW,
  // E0505 is in the category table but not in the active standard (an older version's).
  categoryExists: (code) => ['C0118', 'C0102', 'E0102', 'E0505'].includes(code),
  unitCode: () => null,
  placeOfGrid: () => null,
  locate: () => null,
  communityUnitCode: () => null,
  communityCommitteeUnitCode: null,
  standards: (code) => STANDARDS.get(code),
  standardRow: (id) => OLD_ROWS.get(id),
};

const LAMP: CaseCells = {
  case_no: 'C01182026110300001',
  source: '网格员上报',
  kind: '部件',
  major_code: '01',
  minor_code: '18',
  status: '已立案',
  reported_at: '2026-11-03 14:05:00',
  registered_at: '2026-11-03 14:06:00',
};

function check(cells: CaseCells, base: Parameters<typeof checkCaseRow>[2] = null) {
  return checkCaseRow(cells, new Set(Object.keys(cells) as CaseKey[]), base, null, lookups);
}

function standardOf(cells: CaseCells): number | null {
  const result = check(cells);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message.en).join('; '));
  return result.checked.record.standardId;
}

function issuesOf(cells: CaseCells) {
  const result = check(cells);
  return result.ok ? [] : result.issues.map((i) => ({ key: i.key, ...i.message }));
}

describe('立案条件 of a case row', () => {
  it('matches the text after trimming, full-width folding and spaces', () => {
    expect(standardOf({ ...LAMP, standard: '连续三盏以上不亮' })).toBe(12);
    expect(standardOf({ ...LAMP, standard: '  连续三盏 以上不亮\u3000' })).toBe(12);
    expect(standardOf({ ...LAMP, standard: '连续三盏\n以上不亮' })).toBe(12);
    // Full-width punctuation in the file, half-width in the standard, or the other way round.
    expect(
      standardOf({
        ...LAMP,
        kind: '事件',
        minor_code: '02',
        standard: ' 主次干道暴露垃圾,含绿化带 ',
      }),
    ).toBe(31);
  });

  it('matches the number within the minor (1, 2, …; full-width too)', () => {
    expect(standardOf({ ...LAMP, standard: '1' })).toBe(11);
    expect(standardOf({ ...LAMP, standard: '３' })).toBe(13);
    expect(standardOf({ ...LAMP, standard: 2 })).toBe(12);
  });

  it('takes the minor’s only row when none is named', () => {
    expect(standardOf({ ...LAMP, minor_code: '02' })).toBe(21);
    expect(standardOf({ ...LAMP, minor_code: '02', standard: '' })).toBe(21);
  });

  it('refuses a minor with several rows and none named, naming the 立案条件 column', () => {
    const expected = {
      key: 'standard',
      zh: '小类 C0118（路灯） 有 3 条立案条件，请在立案条件中写明一条，或填写处置截止时间。',
      en: 'Minor category C0118 (路灯) has 3 立案条件: name one in 立案条件 or give 处置截止时间.',
    };
    expect(issuesOf(LAMP)).toEqual([expected]);
    expect(issuesOf({ ...LAMP, standard: ' ' })).toEqual([expected]);
  });

  it('refuses a condition the minor does not have, listing its conditions', () => {
    expect(issuesOf({ ...LAMP, standard: '井盖丢失' })).toEqual([
      {
        key: 'standard',
        zh: '立案条件“井盖丢失”不是小类 C0118（路灯） 的立案条件；应为：1 单盏不亮；2 连续三盏以上不亮；3 灯杆倾斜有倒伏危险（写条件原文或其序号）。',
        en: 'The 立案条件 "井盖丢失" is not one of minor category C0118 (路灯)\'s: 1 单盏不亮; 2 连续三盏以上不亮; 3 灯杆倾斜有倒伏危险 (give its text or its number).',
      },
    ]);
    expect(issuesOf({ ...LAMP, standard: '4' })).toHaveLength(1);
  });

  it('with a city deadline: none named is fine, a named row is still recorded, an unknown one only warns', () => {
    expect(standardOf({ ...LAMP, due_at: '2026-11-04 14:06:00' })).toBeNull();
    expect(standardOf({ ...LAMP, deadline_hours: 24 })).toBeNull();
    expect(standardOf({ ...LAMP, deadline_hours: 24, standard: '2' })).toBe(12);
    const result = check({ ...LAMP, deadline_hours: 24, standard: '井盖丢失' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.checked.record.standardId).toBeNull();
      expect(result.warnings.map((w) => w.key)).toEqual(['standard']);
    }
    // An extended deadline is not the base one: the base still comes from the standard.
    expect(issuesOf({ ...LAMP, due_at: '2026-11-09 14:06:00', extension_count: 1 })).toHaveLength(
      1,
    );
  });

  it('a case not yet registered needs no 立案条件; a minor without standard rows keeps its clocks', () => {
    const { registered_at: _registered, ...reported } = LAMP;
    expect(standardOf({ ...reported, status: '待受理' })).toBeNull();
    expect(standardOf({ ...LAMP, kind: '事件', major_code: '05', minor_code: '05' })).toBeNull();
    expect(
      standardOf({ ...LAMP, kind: '事件', major_code: '05', minor_code: '05', standard: '任意' }),
    ).toBeNull();
  });

  it('keeps the desk’s row when the file names none, or names that row (an older version’s)', () => {
    const first = check({ ...LAMP, standard: '3' });
    if (!first.ok) throw new Error('not ok');
    const desk = { ...first.checked.record, standardId: 5 };
    const withoutColumn = check(LAMP, desk);
    expect(withoutColumn.ok && withoutColumn.checked.record.standardId).toBe(5);
    const namedBack = check({ ...LAMP, standard: '发现即立案' }, desk);
    expect(namedBack.ok && namedBack.checked.record.standardId).toBe(5);
    const renamed = check({ ...LAMP, standard: '单盏不亮' }, desk);
    expect(renamed.ok && renamed.checked.record.standardId).toBe(11);
    // Another category: the desk's row does not follow the case there.
    const moved = check({ ...LAMP, minor_code: '02' }, desk);
    expect(moved.ok && moved.checked.record.standardId).toBe(21);
  });
});
