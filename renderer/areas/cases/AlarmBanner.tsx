import { useT } from '../../i18n/locale-context';
import { SignalIcon } from '../../icons/SignalIcon';
import type { OverdueAlarm } from './useOverdueAlarm';

/** The visible half of the overdue alarm: red, with its word and icon, until acknowledged. */
export function AlarmBanner({ alarm, onOpen }: { alarm: OverdueAlarm; onOpen(id: number): void }) {
  const t = useT();
  if (alarm.cases.length === 0) return null;
  const listed = alarm.cases.slice(0, 3);
  return (
    <div className="alarm-banner" role="alert" data-testid="overdue-alarm">
      <SignalIcon signal="overdue" size={16} />
      <strong>{t('cases.alarm.title')}</strong>
      <span className="alarm-banner__text">
        {t('cases.alarm.body', {
          count: alarm.cases.length,
          cases:
            listed.map((c) => `${c.caseNo} ${c.categoryName}`).join('；') +
            (alarm.cases.length > 3 ? '…' : ''),
        })}
      </span>
      <button type="button" className="button" onClick={() => onOpen(alarm.cases[0]!.id)}>
        {t('cases.alarm.open')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={alarm.dismiss}
        data-testid="overdue-alarm-dismiss"
      >
        {t('cases.alarm.dismiss')}
      </button>
      {alarm.soundBlocked ? (
        <span className="alarm-banner__note">{t('cases.alarm.soundBlocked')}</span>
      ) : null}
    </div>
  );
}
