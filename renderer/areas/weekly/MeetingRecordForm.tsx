import { useState, type FormEvent } from 'react';
import type { MeetingRecord } from '../../../api/contract';
import { fromWallClock, toWallClock } from '../../../core/time';
import { useLocale } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';

/** `2026-11-19T10:00` in Shanghai time, for a datetime-local field. */
function toLocalInput(epochMs: number): string {
  const w = toWallClock(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  return m
    ? fromWallClock(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]))
    : null;
}

/** 会议记录: when, who chaired, who came, what was decided; printed at the head of the minutes. */
export function MeetingRecordForm({
  week,
  meeting,
  now,
  onSaved,
}: {
  week: string;
  meeting: MeetingRecord | null;
  now: number;
  onSaved(): void;
}) {
  const { t } = useLocale();
  const [heldAt, setHeldAt] = useState(toLocalInput(meeting?.heldAt ?? now));
  const [chair, setChair] = useState(meeting?.chair ?? '');
  const [attendees, setAttendees] = useState(meeting?.attendees ?? '');
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [saved, setSaved] = useState(false);
  const save = useApiCall('weekly.meeting.save');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const answer = await save.run({
      week,
      heldAt: fromLocalInput(heldAt),
      chair: chair || null,
      attendees: attendees || null,
      notes: notes || null,
    });
    if (answer === null) return;
    setSaved(true);
    onSaved();
  };
  return (
    <form
      className="wk-form wk-form--meeting"
      onSubmit={(e) => void submit(e)}
      data-testid="meeting-form"
    >
      <FieldRow label={t('weekly.meeting.heldAt')}>
        <input type="datetime-local" value={heldAt} onChange={(e) => setHeldAt(e.target.value)} />
      </FieldRow>
      <FieldRow label={t('weekly.meeting.chair')}>
        <input maxLength={50} value={chair} onChange={(e) => setChair(e.target.value)} />
      </FieldRow>
      <FieldRow label={t('weekly.meeting.attendees')} className="wk-form__wide">
        <input maxLength={1000} value={attendees} onChange={(e) => setAttendees(e.target.value)} />
      </FieldRow>
      <FieldRow label={t('weekly.meeting.notes')} className="wk-form__full">
        <textarea
          rows={3}
          maxLength={8000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </FieldRow>
      <FormActions
        working={save.working}
        submitLabel={t('weekly.meeting.save')}
        submitTestId="meeting-save"
        before={
          saved ? (
            <span role="status" className="wk-note">
              {t('weekly.meeting.saved')}
            </span>
          ) : null
        }
      />
      <ErrorLine error={save.error} />
    </form>
  );
}
