import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { parsePeriodKey, periodContaining, shiftPeriod } from '../../../core/ranking/periods';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { useNow } from '../../time/useNow';
import { isTypingInto } from '../../ui/is-typing-into';
import { AgendaView } from './AgendaView';
import { MeetingMode } from './MeetingMode';
import { MinutesExport } from './MinutesExport';
import { weekLabel, weekSpan } from './week-words';
import '../ranking/controls.css';
import './weekly.css';
import { PageShell } from '../../ui/PageShell';

const LIVE = ['cases.changed', 'data.changed'] as const;

/** 周调度 (lazy route chunk): the agenda for ?week=YYYY-Www (this week by default), meeting mode, minutes. */
export default function WeeklyDispatchPage() {
  const { t, format } = useLocale();
  const [params, setParams] = useSearchParams();
  const now = useNow(30_000);
  const thisWeek = useMemo(() => periodContaining('week', now), [now]);
  const requested = parsePeriodKey(params.get('week') ?? '');
  const week = requested?.kind === 'week' && requested.start <= now ? requested : thisWeek;
  const [meeting, setMeeting] = useState(false);
  const agenda = useApiQuery('weekly.agenda', { week: week.key }, { refreshOn: LIVE });
  const units = useApiQuery('weekly.units', {}, { refreshOn: ['data.changed'] });

  const goWeek = (by: number) => {
    const target = shiftPeriod(week, by);
    if (target.start > now) return;
    const next = new URLSearchParams(params);
    if (target.key === thisWeek.key) next.delete('week');
    else next.set('week', target.key);
    setParams(next, { replace: true });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        meeting ||
        event.defaultPrevented ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isTypingInto(event.target)
      )
        return;
      if (event.key === '[') goWeek(-1);
      else if (event.key === ']') goWeek(1);
      else if (event.key.toLowerCase() === 'm' && agenda.data) setMeeting(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  let body;
  if (agenda.data) {
    body = (
      <AgendaView
        agenda={agenda.data}
        units={units.data ?? []}
        now={now}
        onChanged={agenda.refresh}
      />
    );
  } else if (agenda.error) {
    body = <ErrorState error={agenda.error} onRetry={agenda.refresh} />;
  } else {
    body = <LoadingState />;
  }

  return (
    <PageShell
      className="weekly"
      testId="area-weekly"
      title={t('area.weekly.title')}
      subtitle={
        <>
          {weekLabel(t, week.key)} · {weekSpan(t, format, week)}
          {agenda.data
            ? ` · ${t('weekly.asOf', { time: format.tableDateTime(agenda.data.asOf) })}`
            : ''}
        </>
      }
      toolbar={
        <div className="rk-period-nav" title={t('weekly.weekShortcut')}>
          <button type="button" className="button button--quiet" onClick={() => goWeek(-1)}>
            ◀ {t('weekly.previousWeek')} <kbd>[</kbd>
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => goWeek(1)}
            disabled={week.key === thisWeek.key}
          >
            {t('weekly.nextWeek')} ▶ <kbd>]</kbd>
          </button>
        </div>
      }
    >
      <div className="ranking__toolbar">
        <button
          type="button"
          className="button rk-primary"
          disabled={!agenda.data}
          onClick={() => setMeeting(true)}
          title={t('weekly.meetingModeHint')}
          data-testid="open-meeting"
        >
          {t('weekly.meetingMode')} <kbd>M</kbd>
        </button>
        <span className="ranking__toolbar-spacer" />
        <MinutesExport week={week.key} />
      </div>
      {body}
      {meeting && agenda.data ? (
        <MeetingMode agenda={agenda.data} onClose={() => setMeeting(false)} />
      ) : null}
    </PageShell>
  );
}
