/**
 * Merged and blank-continued cells. Cities merge 大类/小类 cells down over their several
 * 立案条件 rows; a merged cell's lower cells arrive blank, as does a cell left blank under a
 * filled one, so a blank cell continues the row above: a new 大类 starts where 大类代码 is
 * filled with another code, a new 小类 where 小类代码 is, and a 小类 met again later (same
 * kind, 大类, 小类) gathers its rows. 处置单位 and 主管部门 fill down the same way (one 主管部门
 * is often merged over a whole sheet), and one 小类 has one of each.
 */
import type { CategoryKind } from '../glossary';
import { sentence } from './issues';
import type { RowReader, SheetState, TableState } from './standard-fold-state';
import { renamed, twoValues } from './standard-problems';
import type { StandardMinor } from './standard-table';

/** The row's 大类, started or continued; null when refused (a problem is recorded). */
export function continueMajor(
  table: TableState,
  s: SheetState,
  r: RowReader,
  majorCode: string | null,
  rowKind: CategoryKind,
): { code: string; name: string } | null {
  // A filled code that differs starts one; a filled name must match the current one.
  const majorName = r.text('major_name');
  let major = s.major;
  if (majorCode !== null && (major === null || majorCode !== major.code)) {
    const seen = table.majors.get(`${rowKind}/${majorCode}`);
    const name = majorName || seen?.name || '';
    if (name === '') {
      r.fail(
        'major_name',
        '',
        sentence(
          `大类 ${majorCode} 没有大类名称。`,
          `The major category ${majorCode} has no name (大类名称).`,
        ),
      );
      return null;
    }
    if (seen && name !== seen.name) {
      r.fail('major_name', name, renamed('大类代码', majorCode, seen));
      return null;
    }
    major = { code: majorCode, name };
    s.major = major;
    s.minor = null;
    if (!seen) table.majors.set(`${rowKind}/${majorCode}`, { name, sheet: s.name, row: r.row });
  } else if (major !== null && majorName !== '' && majorName !== major.name) {
    if (majorCode === null)
      r.fail(
        'major_code',
        '',
        sentence(
          `大类名称变为“${majorName}”，但大类代码为空。`,
          `The major name changes to "${majorName}" but the major code (大类代码) is empty.`,
        ),
      );
    else
      r.fail(
        'major_name',
        majorName,
        renamed(
          '大类代码',
          major.code,
          table.majors.get(`${rowKind}/${major.code}`) ?? { ...major, sheet: s.name, row: 0 },
        ),
      );
    return null;
  }
  if (major === null) {
    r.fail(
      'major_code',
      r.text('major_code'),
      sentence(
        '该行上方没有大类（大类代码为空）。',
        'There is no major category (大类代码) above this row.',
      ),
    );
    return null;
  }
  return major;
}

/**
 * The row's 小类, started, met again or continued, and whether this row started it (`fresh`);
 * null when refused. A new 小类 is registered at once, so a later row of it continues it
 * even if this row fails, and its 结案条件 / 处置时限 fill-down starts empty.
 */
export function continueMinor(
  table: TableState,
  s: SheetState,
  r: RowReader,
  major: { code: string; name: string },
  minorCode: string | null,
  rowKind: CategoryKind,
): { minor: StandardMinor; fresh: boolean } | null {
  const majorCode = major.code;
  const minorName = r.text('minor_name');
  let minor = s.minor;
  let fresh = false;
  if (minorCode !== null && (minor === null || minorCode !== minor.minorCode)) {
    const key = `${rowKind}/${majorCode}/${minorCode}`;
    const seen = table.byKey.get(key);
    if (seen) {
      if (minorName !== '' && minorName !== seen.minor.minorName) {
        r.fail(
          'minor_name',
          minorName,
          renamed('小类代码', `${majorCode}${minorCode}`, {
            name: seen.minor.minorName,
            sheet: seen.sheet,
            row: seen.row,
          }),
        );
        return null;
      }
      minor = seen.minor;
    } else {
      if (minorName === '') {
        r.fail(
          'minor_name',
          '',
          sentence(
            `小类 ${majorCode}${minorCode} 没有小类名称。`,
            `The minor category ${majorCode}${minorCode} has no name (小类名称).`,
          ),
        );
        return null;
      }
      minor = {
        kind: rowKind,
        majorCode,
        majorName: major.name,
        minorCode,
        minorName,
        unit: null,
        department: null,
        standards: [],
      };
      fresh = true;
      table.minors.push(minor);
      table.byKey.set(key, { minor, sheet: s.name, row: r.row });
    }
    s.minor = minor;
    s.close = '';
    s.limit = '';
  } else if (minor !== null && minorName !== '' && minorName !== minor.minorName) {
    if (minorCode === null)
      r.fail(
        'minor_code',
        '',
        sentence(
          `小类名称变为“${minorName}”，但小类代码为空。`,
          `The minor name changes to "${minorName}" but the minor code (小类代码) is empty.`,
        ),
      );
    else
      r.fail(
        'minor_name',
        minorName,
        renamed('小类代码', `${majorCode}${minorCode}`, {
          name: minor.minorName,
          sheet: table.byKey.get(minorKey(minor))?.sheet ?? s.name,
          row: table.byKey.get(minorKey(minor))?.row ?? 0,
        }),
      );
    return null;
  }
  if (minor === null) {
    r.fail(
      'minor_code',
      '',
      sentence(
        '该行上方没有小类（小类代码为空）。',
        'There is no minor category (小类代码) above this row.',
      ),
    );
    return null;
  }
  return { minor, fresh };
}

/**
 * The row's 处置单位 and 主管部门: a filled cell carries down the sheet; a fresh 小类 takes
 * what is carried, a continued row only its own cells, which must agree with the 小类's.
 * Null when one disagrees (a problem is recorded). The 小类 is not changed here.
 */
export function continueUnits(
  s: SheetState,
  r: RowReader,
  minor: StandardMinor,
  fresh: boolean,
): { unit: string; department: string } | null {
  const unitCell = r.text('unit');
  const departmentCell = r.text('department');
  if (unitCell !== '') s.unit = unitCell;
  if (departmentCell !== '') s.department = departmentCell;
  const unit = fresh ? s.unit : unitCell;
  const department = fresh ? s.department : departmentCell;
  if (!fresh && unit !== '' && minor.unit !== null && unit !== minor.unit) {
    r.fail('unit', unit, twoValues('处置单位', 'handling unit', minor, minor.unit));
    return null;
  }
  if (!fresh && department !== '' && minor.department !== null && department !== minor.department) {
    r.fail(
      'department',
      department,
      twoValues('主管部门', 'supervising department', minor, minor.department),
    );
    return null;
  }
  return { unit, department };
}

function minorKey(minor: StandardMinor): string {
  return `${minor.kind}/${minor.majorCode}/${minor.minorCode}`;
}
