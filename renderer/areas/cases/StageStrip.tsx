import {
  stageClocks,
  type StageClock,
  type StageColumns,
  type StageLimits,
} from '../../../core/cases/stage-clocks';
import { useLocale } from '../../i18n/locale-context';
import './stage-strip.css';

const MARK: Record<StageClock['state'], string> = {
  on_time: '✓',
  late: '✗',
  overdue: '!',
  paused: '‖',
  running: '…',
  not_reached: '·',
};

/**
 * The per-stage clocks (受理 · 派遣 · 到场 · 处置 · 核查) beside the done-clock: each stage
 * with a mark and a word (never colour alone), its deadline and end in the tooltip.
 */
export function StageStrip({
  row,
  limits,
  now,
  testId = 'stage-strip',
}: {
  row: StageColumns;
  limits: StageLimits;
  now: number;
  testId?: string;
}) {
  const { t, format } = useLocale();
  const clocks = stageClocks(row, limits, now);
  return (
    <ol className="stage-strip" data-testid={testId} aria-label={t('cases.stage.title')}>
      {clocks.map((clock) => {
        const title = [
          clock.dueAt !== null
            ? t('cases.stage.dueAt', { time: format.tableDateTime(clock.dueAt) })
            : t('cases.stage.noDue'),
          clock.endedAt !== null
            ? t('cases.stage.endedAt', { time: format.tableDateTime(clock.endedAt) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <li
            key={clock.stage}
            className={`stage-strip__stage stage-strip__stage--${clock.state}`}
            data-stage={clock.stage}
            data-state={clock.state}
            title={title}
          >
            <span aria-hidden="true">{MARK[clock.state]}</span> {t(`cases.stage.${clock.stage}`)}
            <span className="stage-strip__word">{t(`cases.stageState.${clock.state}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
