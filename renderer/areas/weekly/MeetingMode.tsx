import { useEffect, useMemo, useState } from 'react';
import type { WeeklyAgenda } from '../../../api/contract';
import { useAppInfo } from '../../frame/app-info-context';
import { useLocale } from '../../i18n/locale-context';
import { weekLabel, weekSpan } from './week-words';
import { buildSlides, rowsThatFit, type Slide } from './meeting-slides';
import { MeetingSlide } from './MeetingSlide';
import './meeting-mode.css';

const SECTION_TITLES = [
  null,
  'weekly.section.figures',
  'weekly.section.overdue',
  'weekly.section.flagged',
  'weekly.section.carried',
  'weekly.section.items',
] as const;

/**
 * 会议模式: the agenda over the whole window in large type (28 px body, 48 px figures), paged
 * with the keyboard. It also asks for real full screen; where that is refused (a browser
 * policy, or the desktop shell's permission rules) the window-filling layout still works.
 */
export function MeetingMode({ agenda, onClose }: { agenda: WeeklyAgenda; onClose(): void }) {
  const { t, format } = useLocale();
  const street = useAppInfo().data?.street?.name ?? '';
  const [height, setHeight] = useState(() => window.innerHeight);
  const slides = useMemo(() => buildSlides(agenda, rowsThatFit(height)), [agenda, height]);
  const [index, setIndex] = useState(0);
  const current: Slide = slides[Math.min(index, slides.length - 1)]!;

  useEffect(() => {
    document.documentElement.requestFullscreen?.().catch(() => {
      // Refused (no user gesture left, or not allowed): the overlay fills the window anyway.
    });
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, []);

  useEffect(() => {
    const last = slides.length - 1;
    const onKey = (event: KeyboardEvent) => {
      let next: number | null = null;
      if (['ArrowRight', 'PageDown', ' ', 'Enter', 'ArrowDown'].includes(event.key))
        next = Math.min(last, index + 1);
      else if (['ArrowLeft', 'PageUp', 'Backspace', 'ArrowUp'].includes(event.key))
        next = Math.max(0, index - 1);
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = last;
      else if (/^[1-5]$/.test(event.key)) {
        const found = slides.findIndex((s) => s.section === Number(event.key));
        next = found >= 0 ? found : index;
      } else if (event.key === 'Escape') {
        onClose();
      } else if (event.key.toLowerCase() === 'f') {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        else void document.documentElement.requestFullscreen?.().catch(() => {});
      } else return;
      event.preventDefault();
      event.stopPropagation();
      if (next !== null) setIndex(next);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [index, slides, onClose]);

  const titleKey = SECTION_TITLES[current.section];
  const part =
    'parts' in current && current.parts > 1
      ? t('weekly.mode.continued', { n: `${current.part}/${current.parts}` })
      : '';
  return (
    <div
      className="meeting"
      role="dialog"
      aria-modal="true"
      aria-label={t('weekly.meetingMode')}
      data-testid="meeting-mode"
      data-slide={index + 1}
    >
      <header className="meeting__head">
        <h1 className="meeting__title">
          {titleKey
            ? t(titleKey) + part
            : t('weekly.mode.cover', { street, week: weekLabel(t, agenda.week.key) })}
        </h1>
        <span className="meeting__week">
          {weekLabel(t, agenda.week.key)} · {weekSpan(t, format, agenda.week)}
        </span>
      </header>
      <main className="meeting__body">
        <MeetingSlide slide={current} agenda={agenda} />
      </main>
      <footer className="meeting__foot">
        <span className="meeting__keys">{t('weekly.mode.keys')}</span>
        <span className="meeting__page" data-testid="meeting-page">
          {t('weekly.mode.page', { page: index + 1, total: slides.length })}
        </span>
        <button
          type="button"
          className="meeting__button"
          onClick={() => setIndex(Math.max(0, index - 1))}
          aria-label="◀"
        >
          ◀
        </button>
        <button
          type="button"
          className="meeting__button"
          onClick={() => setIndex(Math.min(slides.length - 1, index + 1))}
          aria-label="▶"
        >
          ▶
        </button>
        <button type="button" className="meeting__button" onClick={onClose}>
          {t('weekly.mode.exit')} Esc
        </button>
      </footer>
    </div>
  );
}
