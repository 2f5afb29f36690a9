import { caseClock, type ClockColumns, type RunningClock } from '../../../core/cases/case-clock';
import { useLocale } from '../../i18n/locale-context';
import { SignalIcon } from '../../icons/SignalIcon';

type ClockRow = ClockColumns;

/**
 * The countdown a case shows: normal (neutral), near due (amber), overdue (red), paused;
 * always with its words and an icon, never colour alone (docs/design/UI.md).
 */
export function ClockBadge({
  row,
  now,
  withOnsite = false,
}: {
  row: ClockRow;
  now: number;
  withOnsite?: boolean;
}) {
  const { t, format } = useLocale();
  const clock = caseClock(row, now);
  const main = clock.main;
  if (!main) return <span className="clock-badge clock-badge--none">{t('cases.clock.none')}</span>;
  if (!('remainingMs' in main)) {
    const key =
      main.state === 'closed_on_time'
        ? 'cases.clock.closedOnTime'
        : main.state === 'closed_late'
          ? 'cases.clock.closedLate'
          : 'cases.clock.voided';
    return <span className={`clock-badge clock-badge--${main.state}`}>{t(key)}</span>;
  }
  return (
    <>
      <RunningBadge clock={main} t={t} duration={format.duration} />
      {withOnsite && clock.onsite ? (
        <RunningBadge clock={clock.onsite} t={t} duration={format.duration} />
      ) : null}
    </>
  );
}

function RunningBadge({
  clock,
  t,
  duration: formatDuration,
}: {
  clock: RunningClock;
  t: ReturnType<typeof useLocale>['t'];
  duration(ms: number): string;
}) {
  const late = clock.remainingMs < 0;
  const span = Math.abs(clock.remainingMs);
  // Under a minute reads as 0 minutes; say what it is.
  const duration = (ms: number) =>
    span < 60_000 ? t('cases.clock.underMinute') : formatDuration(ms);
  let text: string;
  if (clock.state === 'paused') text = t('cases.clock.paused');
  else if (clock.kind === 'accept')
    text = t(late ? 'cases.clock.acceptOver' : 'cases.clock.acceptLeft', {
      duration: duration(Math.abs(clock.remainingMs)),
    });
  else if (clock.kind === 'onsite')
    text = t(late ? 'cases.clock.onsiteOver' : 'cases.clock.onsiteLeft', {
      duration: duration(Math.abs(clock.remainingMs)),
    });
  else
    text = t(late ? 'cases.clock.over' : 'cases.clock.left', {
      duration: duration(Math.abs(clock.remainingMs)),
    });
  const signal =
    clock.state === 'overdue' ? 'overdue' : clock.state === 'near_due' ? 'nearDue' : null;
  return (
    <span
      className={`clock-badge clock-badge--${clock.state.replace('_', '-')}`}
      data-clock={clock.state}
      title={t(`cases.clockState.${clock.state}`)}
    >
      {signal ? <SignalIcon signal={signal} size={12} /> : null}
      {text}
    </span>
  );
}
