/** core/limits/limit: reading a limit the way cities write it, and saying it back. */
import { describe, expect, it } from 'vitest';
import { formatLimit, parseLimit } from '../../core/limits/limit';

describe('parseLimit: the four units as cities write them', () => {
  it.each([
    ['4小时', 4, 'working_hours'],
    ['3工作时', 3, 'working_hours'],
    ['1天', 1, 'working_days'],
    ['15工作日', 15, 'working_days'],
    ['2紧急工作时', 2, 'natural_hours'],
    ['6自然时', 6, 'natural_hours'],
    ['1紧急工作日', 1, 'natural_days'],
    ['2自然日', 2, 'natural_days'],
  ] as const)('%s is %d %s', (text, value, unit) => {
    expect(parseLimit(text)).toEqual({ ok: true, limit: { value, unit }, note: null });
  });

  it('reads 紧急工作时 as natural hours and 紧急工作日 as natural days, not as 工作时/工作日', () => {
    // The unit words overlap: a matcher trying 工作时 first would see 2紧急 and fail.
    expect(parseLimit('2紧急工作时')).toMatchObject({ limit: { unit: 'natural_hours' } });
    expect(parseLimit('1紧急工作日')).toMatchObject({ limit: { unit: 'natural_days' } });
  });

  it('keeps the words after the unit as the note', () => {
    expect(parseLimit('1紧急工作时制止')).toEqual({
      ok: true,
      limit: { value: 1, unit: 'natural_hours' },
      note: '制止',
    });
    expect(parseLimit('2小时，整改到位')).toMatchObject({ note: '整改到位' });
    expect(parseLimit('3天(限期清理)')).toMatchObject({ note: '(限期清理)' });
  });

  it('reads spaces, full-width digits, line breaks, 个 and decimals', () => {
    expect(parseLimit(' 5工作日')).toEqual({
      ok: true,
      limit: { value: 5, unit: 'working_days' },
      note: null,
    });
    expect(parseLimit('4小时  \n')).toMatchObject({ limit: { value: 4, unit: 'working_hours' } });
    expect(parseLimit('４小时')).toMatchObject({ limit: { value: 4, unit: 'working_hours' } });
    expect(parseLimit('１．５天')).toMatchObject({ limit: { value: 1.5, unit: 'working_days' } });
    expect(parseLimit('4\n小时')).toMatchObject({ limit: { value: 4, unit: 'working_hours' } });
    expect(parseLimit('4 小时')).toMatchObject({ limit: { value: 4, unit: 'working_hours' } });
    expect(parseLimit('3个工作日')).toMatchObject({ limit: { value: 3, unit: 'working_days' } });
    expect(parseLimit('0.5天')).toMatchObject({ limit: { value: 0.5, unit: 'working_days' } });
    expect(parseLimit('1.5小时')).toMatchObject({ limit: { value: 1.5, unit: 'working_hours' } });
    expect(parseLimit('1紧急工作时\r\n制止')).toMatchObject({ note: '制止' });
  });

  it('refuses what it cannot read, saying what was expected', () => {
    expect(parseLimit('三天')).toEqual({
      ok: false,
      message: {
        zh: '时限「三天」无法识别：应写成 4小时、1天、2紧急工作时 或 1紧急工作日。',
        en: 'The limit "三天" cannot be read: write it as 4小时, 1天, 2紧急工作时 or 1紧急工作日.',
      },
    });
    for (const text of ['小时', '4', '4周', '-1小时', '.5天', '约4小时'])
      expect(parseLimit(text)).toMatchObject({ ok: false });
  });

  it('refuses an empty cell', () => {
    expect(parseLimit('')).toEqual({
      ok: false,
      message: {
        zh: '时限为空：应写成 4小时、1天、2紧急工作时 或 1紧急工作日。',
        en: 'The limit is empty: write it as 4小时, 1天, 2紧急工作时 or 1紧急工作日.',
      },
    });
    expect(parseLimit(' \n ')).toMatchObject({ ok: false, message: { zh: /时限为空/ } });
  });

  it('refuses a limit that is not positive', () => {
    expect(parseLimit('0小时')).toEqual({
      ok: false,
      message: {
        zh: '时限「0小时」必须大于零：应写成 4小时、1天、2紧急工作时 或 1紧急工作日。',
        en: 'The limit "0小时" must be more than zero: write it as 4小时, 1天, 2紧急工作时 or 1紧急工作日.',
      },
    });
    expect(parseLimit('0.0天')).toMatchObject({ ok: false });
  });
});

describe('formatLimit: the desk says every limit in its own words', () => {
  it('names the unit in Chinese and in English', () => {
    expect(formatLimit({ value: 4, unit: 'working_hours' }, 'zh')).toBe('4 工作时');
    expect(formatLimit({ value: 4, unit: 'working_hours' }, 'en')).toBe('4 working hours');
    expect(formatLimit({ value: 2, unit: 'natural_hours' }, 'zh')).toBe('2 自然时');
    expect(formatLimit({ value: 15, unit: 'working_days' }, 'en')).toBe('15 working days');
    expect(formatLimit({ value: 1, unit: 'natural_days' }, 'zh')).toBe('1 自然日');
    expect(formatLimit({ value: 1, unit: 'natural_days' }, 'en')).toBe('1 natural day');
    expect(formatLimit({ value: 0.5, unit: 'working_days' }, 'en')).toBe('0.5 working days');
  });
});
