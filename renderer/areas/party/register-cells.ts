/** How a register's cell reads: yuan from fen, yes/no flags, stored values in words. */
import type { RegisterCell } from '../../../api/contract';
import type { RegisterColumn } from '../../../core/party/registers';
import { formatYuan } from '../../../core/party/project-state';
import type { Formatters } from '../../i18n/formatting';
import { registerKey, type RegisterMessageKey } from './register-messages';

export function cellText(
  column: RegisterColumn,
  value: RegisterCell | undefined,
  t: (key: RegisterMessageKey) => string,
  format: Formatters,
): string {
  if (value == null || value === '') return column.kind === 'flag' ? t('party.reg.no') : '—';
  switch (column.kind) {
    case 'fen':
      return formatYuan(Number(value));
    case 'flag':
      return Number(value) ? t('party.reg.yes') : t('party.reg.no');
    case 'count':
      return format.count(Number(value));
    case 'hours':
      return String(Math.round(Number(value) * 10) / 10);
    case 'enum':
      return t(registerKey('party.value', String(value)));
    default:
      return String(value);
  }
}
