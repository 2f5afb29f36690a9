import type { CaseEventView } from '../../../api/contract';
import { MOVE_KINDS, type MoveKind } from '../../../core/cases/moves';
import { useLocale } from '../../i18n/locale-context';

/** 流转记录: every event, oldest first, with who, when, the state it led to and the note. */
export function CaseTimeline({ events }: { events: readonly CaseEventView[] }) {
  const { t, format } = useLocale();
  const name = (event: CaseEventView): string => {
    const type = event.data?.type;
    if (type === 'extension_request') return t('move.request_extension');
    if (type === 'extension_declined') return t('move.decline_extension');
    if (event.kind === 'report' || event.kind === 'import' || event.kind === 'conflict')
      return t(`cases.eventName.${event.kind}`);
    return (MOVE_KINDS as readonly string[]).includes(event.kind)
      ? t(`move.${event.kind as MoveKind}`)
      : event.kind;
  };
  const detail = (event: CaseEventView): string | null => {
    const data = event.data ?? {};
    if (data.type === 'extension_request' && typeof data.newDueAt === 'number')
      return t('cases.event.extensionRequest', { time: format.tableDateTime(data.newDueAt) });
    if (event.kind === 'extend' && typeof data.effectiveDueAt === 'number')
      return t('cases.event.extended', { time: format.tableDateTime(data.effectiveDueAt) });
    if (event.kind === 'resume' && typeof data.pausedMs === 'number')
      return t('cases.event.paused', { duration: format.duration(data.pausedMs) });
    return null;
  };
  return (
    <ol className="timeline" data-testid="case-timeline">
      {events.map((event) => (
        <li
          key={event.id}
          className={`timeline__event timeline__event--${event.kind}`}
          data-testid="timeline-event"
          data-kind={event.kind}
        >
          <div className="timeline__head">
            <span className="timeline__what">{name(event)}</span>
            {event.toState && event.fromState !== event.toState ? (
              <span className="timeline__state">→ {t(`caseState.${event.toState}`)}</span>
            ) : null}
            <span className="timeline__who">{event.actorName}</span>
            <time className="timeline__when">{format.tableDateTime(event.at)}</time>
          </div>
          {detail(event) ? <div className="timeline__note">{detail(event)}</div> : null}
          {event.note ? <div className="timeline__note">{event.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
