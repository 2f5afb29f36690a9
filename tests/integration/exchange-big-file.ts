/**
 * Big case files for the kill test and the benchmark: N valid closed cases on the sample
 * street's grids, in the city's Chinese columns, written as CSV (streamed) or .xlsx (exceljs'
 * streaming writer). Never committed: generated where they are used.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { formatExchangeDateTime } from '../../core/exchange/date-time';

export const BIG_HEADER = [
  '案卷编号',
  '问题来源',
  '问题类型',
  '大类代码',
  '小类代码',
  '问题描述',
  '地址',
  '经度',
  '纬度',
  '坐标系',
  '单元网格编码',
  '紧急程度',
  '当前状态',
  '上报时间',
  '立案时间',
  '派遣时间',
  '处置截止时间',
  '处置时限(小时)',
  '处置部门',
  '反馈时间',
  '结案时间',
  '上报人',
  '联系电话',
  '回访结果',
  '返工次数',
  '延期次数',
  '更新时间',
];

const GRIDS = Array.from({ length: 12 }, (_, c) =>
  Array.from(
    { length: 10 },
    (_, g) => `990101001${String(c + 1).padStart(3, '0')}${String(g + 1).padStart(3, '0')}`,
  ),
).flat();
const CATEGORIES: Array<[string, string, string, string]> = [
  ['事件', '01', '02', '环卫所'],
  ['事件', '05', '05', '城管执法中队'],
  ['部件', '01', '01', '水务所'],
  ['事件', '02', '04', '城管执法中队'],
];

/** Row i, closed in October 2026 (Shanghai), all columns filled as cities do. */
export function bigRow(i: number): (string | number)[] {
  const [kind, major, minor, unit] = CATEGORIES[i % CATEGORIES.length]!;
  const reported = Date.UTC(2026, 9, 1) + (i % 2_500_000) * 1000;
  const t = (minutes: number) => formatExchangeDateTime(reported + minutes * 60_000);
  return [
    `${kind === '部件' ? 'C' : 'E'}${major}${minor}${String(i).padStart(10, '0')}`,
    '网格员上报',
    kind,
    major,
    minor,
    `第${i % 997}号楼附近问题，请尽快处置。`,
    `示范街道第${i % 311}号`,
    118.15 + (i % 100) / 1000,
    39.6 + (i % 50) / 1000,
    'CGCS2000',
    GRIDS[i % GRIDS.length]!,
    '一般',
    '已结案',
    t(0),
    t(3),
    t(20),
    '',
    24,
    unit,
    t(300),
    t(330),
    '赵芳',
    '13438529611',
    i % 3 === 0 ? '满意' : '',
    0,
    0,
    t(330),
  ];
}

function csvLine(cells: (string | number)[]): string {
  return cells
    .map((c) =>
      typeof c === 'string' && /[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : String(c),
    )
    .join(',');
}

/** `rows` rows numbered from `first` (another `first` gives other cases). */
export async function writeBigCsv(file: string, rows: number, first = 0): Promise<void> {
  const out = fs.createWriteStream(file);
  let buffer = `${BIG_HEADER.join(',')}\n`;
  for (let i = first; i < first + rows; i++) {
    buffer += `${csvLine(bigRow(i))}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}

export async function writeBigXlsx(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('案卷');
  sheet.addRow(BIG_HEADER).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(bigRow(i)).commit();
  sheet.commit();
  await workbook.commit();
}
