/**
 * The 立案条件 row's own cells: its condition, its 处置时限 read in DOMAIN.md's limit units
 * (core/limits/limit parseLimit: `4小时`, `1天`, `2紧急工作时`, `1紧急工作日`, with words after
 * the unit kept as a note) and its 结案条件. 处置时限 and 结案条件 fill down only inside one
 * 小类 (a limit merged over a 小类's conditions), never into the next 小类; a condition may
 * appear once per 小类.
 */
import type { Limit } from '../limits/limit';
import { parseLimit } from '../limits/limit';
import { sentence } from './issues';
import type { RowReader, SheetState } from './standard-fold-state';
import type { StandardMinor } from './standard-table';

export interface ConditionCells {
  condition: string;
  closeCondition: string | null;
  limit: Limit;
  note: string | null;
}

/** The row's condition with its limit and 结案条件; null when refused (a problem is recorded). */
export function readConditionCells(
  s: SheetState,
  r: RowReader,
  minor: StandardMinor,
): ConditionCells | null {
  const condition = r.text('condition');
  const limitCell = r.text('limit');
  const closeCell = r.text('close_condition');
  if (condition === '' && limitCell === '' && s.limit === '') {
    r.fail(
      'condition',
      '',
      sentence(
        '该行既没有立案条件也没有处置时限。',
        'The row has neither a 立案条件 nor a 处置时限.',
      ),
    );
    return null;
  }
  const limitText = limitCell || s.limit;
  const parsed = parseLimit(limitText);
  if (!parsed.ok) {
    r.fail('limit', limitText, parsed.message);
    return null;
  }
  if (minor.standards.some((st) => st.condition === condition)) {
    r.fail(
      'condition',
      condition,
      sentence(
        `小类 ${minor.majorCode}${minor.minorCode} 的立案条件“${condition}”重复。`,
        `The 立案条件 "${condition}" repeats within the minor category ${minor.majorCode}${minor.minorCode}.`,
      ),
    );
    return null;
  }
  if (limitCell !== '') s.limit = limitCell;
  if (closeCell !== '') s.close = closeCell;
  const closeCondition = closeCell || s.close;
  return {
    condition,
    closeCondition: closeCondition === '' ? null : closeCondition,
    limit: parsed.limit,
    note: parsed.note,
  };
}
