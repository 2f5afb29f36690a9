import { useState, type FormEvent } from 'react';
import type { MeetingRecord } from '../../../api/contract';
import { fromWallClock, toWallClock } from '../../../core/time';
import { getApi } from '../../api/client';
import { toApiError, type ApiError } from '../../api/api-error';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';

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
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    getApi()
      .call('weekly.meeting.save', {
        week,
        heldAt: fromLocalInput(heldAt),
        chair: chair || null,
        attendees: attendees || null,
        notes: notes || null,
      })
      .then(
        () => {
          setSaved(true);
          onSaved();
        },
        (reason: unknown) => setError(toApiError(reason)),
      );
  };
  return (
    <form className="wk-form wk-form--meeting" onSubmit={submit} data-testid="meeting-form">
      <label className="rk-field">
        <span className="rk-field__label">{t('weekly.meeting.heldAt')}</span>
        <input
          className="rk-field__input"
          type="datetime-local"
          value={heldAt}
          onChange={(e) => setHeldAt(e.target.value)}
        />
      </label>
      <label className="rk-field">
        <span className="rk-field__label">{t('weekly.meeting.chair')}</span>
        <input
          className="rk-field__input"
          maxLength={50}
          value={chair}
          onChange={(e) => setChair(e.target.value)}
        />
      </label>
      <label className="rk-field wk-form__wide">
        <span className="rk-field__label">{t('weekly.meeting.attendees')}</span>
        <input
          className="rk-field__input"
          maxLength={1000}
          value={attendees}
          onChange={(e) => setAttendees(e.target.value)}
        />
      </label>
      <label className="rk-field wk-form__full">
        <span className="rk-field__label">{t('weekly.meeting.notes')}</span>
        <textarea
          className="rk-field__input"
          rows={3}
          maxLength={8000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      <div className="wk-form__actions">
        <button type="submit" className="button">
          {t('weekly.meeting.save')}
        </button>
        {saved ? (
          <span role="status" className="wk-note">
            {t('weekly.meeting.saved')}
          </span>
        ) : null}
      </div>
      {error ? <ErrorState error={error} /> : null}
    </form>
  );
}
