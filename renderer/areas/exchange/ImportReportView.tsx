import type { ImportJobState, ImportReport } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { ProblemTable } from './ProblemTable';

interface Props {
  report: ImportReport | null;
  state: ImportJobState;
  failure?: { zh: string; en: string; reference?: string } | null;
}

/**
 * What an import did: written or not (and why, in one sentence), the counts, conflicts, a
 * repeat of an earlier file, the error file, the notes, and every problem by row and column.
 */
export function ImportReportView({ report, state, failure }: Props) {
  const { t, format, locale } = useLocale();
  const say = (sentence: { zh: string; en: string }) =>
    locale === 'zh-CN' ? sentence.zh : sentence.en;
  const file = report?.fileName ?? '';
  const headline =
    state === 'done'
      ? t('exchange.result.done', { file })
      : state === 'cancelled'
        ? t('exchange.result.cancelled')
        : state === 'failed'
          ? t('exchange.result.failed')
          : t('exchange.result.refused', { file });
  const counts = report?.counts;
  const conflicts = report ? report.conflicts.fileWon + report.conflicts.deskWon : 0;
  return (
    <div className="exchange__report" data-testid="import-result">
      <div
        className={`exchange__headline exchange__headline--${state}`}
        role="status"
        data-testid="result-headline"
      >
        <span className="exchange__headline-mark" aria-hidden="true">
          {state === 'done' ? '✓' : '!'}
        </span>
        <div>
          <strong>{headline}</strong>
          {report?.refusal ? <p data-testid="result-refusal">{say(report.refusal)}</p> : null}
          {failure ? <p>{say(failure)}</p> : null}
        </div>
      </div>
      {counts ? (
        <dl className="exchange__counts">
          {(['rows', 'new', 'updated', 'unchanged', 'invalid'] as const).map((key) => (
            <div
              key={key}
              className={`exchange__count${key === 'invalid' && counts.invalid > 0 ? ' exchange__count--has-invalid' : ''}`}
              data-testid={`count-${key}`}
            >
              <dt>{t(`exchange.result.${key}`)}</dt>
              <dd>{format.count(counts[key])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {report && conflicts > 0 ? (
        <p className="exchange__note">
          {t('exchange.result.conflicts', {
            count: conflicts,
            file: report.conflicts.fileWon,
            desk: report.conflicts.deskWon,
          })}
        </p>
      ) : null}
      {report?.alreadyImported ? (
        <p className="exchange__note">
          {t('exchange.result.already', { time: format.tableDateTime(report.alreadyImported.at) })}
        </p>
      ) : null}
      {report?.errorFile ? (
        <p className="exchange__note" data-testid="error-file">
          {t('exchange.result.errorFile', { path: report.errorFile })}
        </p>
      ) : null}
      {report?.sha256 ? (
        <p className="exchange__sha muted">{t('exchange.result.sha256', { sha: report.sha256 })}</p>
      ) : null}
      {report && report.parts.length > 0 ? (
        <div className="exchange__parts">
          <h3>{t('exchange.result.parts')}</h3>
          <ul>
            {report.parts.map((part) => (
              <li key={part.fileName}>
                {part.fileName} · {t(`exchange.kind.${part.kind}`)} ·{' '}
                {format.count(part.counts.rows)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report && report.notes.length > 0 ? (
        <div className="exchange__notes">
          <h3>{t('exchange.result.notes')}</h3>
          <ul>
            {report.notes.map((note, i) => (
              <li key={i}>{say(note.message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {report ? (
        <div className="exchange__problem-list">
          <h3>{t('exchange.result.problems', { count: format.count(report.errorCount) })}</h3>
          {report.errors.length === 0 ? (
            <p className="muted">{t('exchange.result.noProblems')}</p>
          ) : (
            <ProblemTable problems={report.errors} />
          )}
          {report.errorCount > report.errors.length ? (
            <p className="muted">
              {t('exchange.result.problemsMore', {
                shown: format.count(report.errors.length),
                count: format.count(report.errorCount),
              })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
