import { useState } from 'react';
import type { FigureCase, FigureCasesResult, RankingLevel } from '../../../api/contract';
import { HANDLING_FLAG, INTAKE_FLAG } from '../../../core/ranking/case-facts';
import { CASE_STATES, type CaseState } from '../../../core/glossary';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import type { MessageKey } from '../../i18n/zh-CN';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { Dialog } from '../../ui/Dialog';
import { periodLabel, type DrillTarget } from './figures';
import { caseLink } from './case-link';

const PAGE = 300;
const LIVE = ['cases.changed', 'data.changed'] as const;

/** Every number opens (docs/design/UI.md): the cases behind one figure, with what each counts towards. */
export function DrillDownDialog({
  target,
  period,
  level,
  bulletinId,
  bulletinVersion,
  draftId = null,
  draftVersion = null,
  onClose,
}: {
  target: DrillTarget;
  period: string;
  level: RankingLevel;
  bulletinId: number | null;
  bulletinVersion: number | null;
  /** A draft's (征求意见稿) frozen list instead. */
  draftId?: number | null;
  draftVersion?: number | null;
  onClose(): void;
}) {
  const { t, format } = useLocale();
  const [shown, setShown] = useState(PAGE);
  const input = {
    period: target.period ?? period,
    level,
    unitCode: target.unitCode,
    figure: target.figure,
    ...(bulletinId !== null ? { bulletinId } : {}),
    ...(draftId !== null ? { draftId } : {}),
  };
  // A frozen list never changes; a live one follows the cases.
  const frozen = bulletinId !== null || draftId !== null;
  const query = useApiQuery('ranking.cases', input, frozen ? {} : { refreshOn: LIVE });
  const figureName = t(`ranking.figure.${target.figure}` as MessageKey);
  const title = t('ranking.drill.title', {
    unit: target.unitName,
    period: periodLabel(t, input.period),
    figure: figureName,
  });

  let body;
  if (query.data) {
    body = (
      <CaseList
        result={query.data}
        marked={target.marked}
        shown={shown}
        onMore={() => setShown((n) => n + PAGE)}
      />
    );
  } else if (query.error) {
    body = <ErrorState error={query.error} onRetry={query.refresh} />;
  } else {
    body = <LoadingState />;
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      size="full"
      testId="drill-dialog"
      actions={
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('ranking.drill.close')} <kbd>Esc</kbd>
        </button>
      }
    >
      <p className="drill__definition">
        {t(`ranking.define.${target.figure}` as MessageKey)}
        {query.data ? (
          <strong className="drill__count" data-testid="drill-count">
            {' '}
            {t('ranking.drill.count', { count: format.count(query.data.total) })}
          </strong>
        ) : null}
      </p>
      {draftVersion !== null ? (
        <p className="drill__frozen">{t('ranking.drill.frozenDraft', { version: draftVersion })}</p>
      ) : null}
      {bulletinVersion !== null ? (
        <p className="drill__frozen">{t('ranking.drill.frozen', { version: bulletinVersion })}</p>
      ) : null}
      {body}
    </Dialog>
  );
}

function CaseList({
  result,
  marked,
  shown,
  onMore,
}: {
  result: FigureCasesResult;
  marked: DrillTarget['marked'];
  shown: number;
  onMore(): void;
}) {
  const { t, format } = useLocale();
  if (result.total === 0)
    return (
      <>
        <p className="state state--empty">{t('ranking.drill.empty')}</p>
        <AppealedCases result={result} />
      </>
    );
  const rows = result.cases.slice(0, shown);
  const intake = result.kind === 'intake';
  return (
    <>
      <AppealedCases result={result} />
      {result.missing > 0 ? (
        <p className="drill__note">{t('ranking.drill.missing', { count: result.missing })}</p>
      ) : null}
      {result.total > result.cases.length ? (
        <p className="drill__note">
          {t('ranking.drill.limited', {
            shown: format.count(result.cases.length),
            total: format.count(result.total),
          })}
        </p>
      ) : null}
      <div className="drill__scroll">
        <table className="data-table drill__table">
          <thead>
            <tr>
              <th scope="col">{t('ranking.drill.column.caseNo')}</th>
              <th scope="col">{t('ranking.drill.column.category')}</th>
              <th scope="col">{t('ranking.drill.column.place')}</th>
              <th scope="col">{t('ranking.drill.column.unit')}</th>
              <th scope="col">{t('ranking.drill.column.state')}</th>
              <th scope="col">
                {intake ? t('ranking.drill.column.reported') : t('ranking.drill.column.due')}
              </th>
              <th scope="col">{t('ranking.drill.column.closed')}</th>
              {marked ? (
                <th scope="col">
                  {t('ranking.drill.numerator', {
                    figure: t(`ranking.figure.${marked}` as MessageKey),
                  })}
                </th>
              ) : null}
              <th scope="col">{t('ranking.drill.column.marks')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr
                key={c.id}
                data-testid="drill-row"
                className={marked && countsAs(marked, c) ? 'drill__row--marked' : undefined}
              >
                <td className="data-table__code">{caseLink(c.id, c.caseNo)}</td>
                <td className="data-table__clip" title={c.categoryName}>
                  {c.categoryName}
                </td>
                <td className="data-table__clip">{placeOf(c)}</td>
                <td className="data-table__clip">{c.leadUnitName ?? '—'}</td>
                <td>{isState(c.state) ? t(`caseState.${c.state}`) : c.state}</td>
                <td className="data-table__time">
                  {intake
                    ? format.tableDateTime(c.reportedAt)
                    : c.dueAt === null
                      ? '—'
                      : format.tableDateTime(c.dueAt)}
                </td>
                <td className="data-table__time">
                  {c.closedAt === null ? '—' : format.tableDateTime(c.closedAt)}
                </td>
                {marked ? (
                  <td>{countsAs(marked, c) ? `✓ ${t('ranking.yes')}` : t('ranking.no')}</td>
                ) : null}
                <td className="drill__marks">
                  {marksOf(c, intake)
                    .map((key) => t(key))
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.cases.length > shown ? (
        <button type="button" className="button drill__more" onClick={onMore}>
          {t('ranking.drill.showMore', { n: Math.min(PAGE, result.cases.length - shown) })}
        </button>
      ) : null}
    </>
  );
}

function isState(state: string): state is CaseState {
  return (CASE_STATES as readonly string[]).includes(state);
}

function placeOf(c: FigureCase): string {
  const grid =
    c.communityName && c.gridName?.startsWith(c.communityName)
      ? c.gridName.slice(c.communityName.length)
      : c.gridName;
  return [c.communityName, grid].filter(Boolean).join(' / ') || '—';
}

const NUMERATOR_FLAG: Partial<Record<NonNullable<DrillTarget['marked']>, number>> = {
  registered: INTAKE_FLAG.registered,
  timelyAccepted: INTAKE_FLAG.timely,
  closed: HANDLING_FLAG.closed,
  onTime: HANDLING_FLAG.onTime,
  rework: HANDLING_FLAG.rework,
  extended: HANDLING_FLAG.extended,
  satisfied: HANDLING_FLAG.satisfied,
};

function countsAs(figure: NonNullable<DrillTarget['marked']>, c: FigureCase): boolean {
  const flag = NUMERATOR_FLAG[figure];
  return flag !== undefined && (c.flags & flag) !== 0;
}

function marksOf(c: FigureCase, intake: boolean): MessageKey[] {
  if (intake) {
    if (!(c.flags & INTAKE_FLAG.registered)) return ['ranking.mark.notRegistered'];
    return [c.flags & INTAKE_FLAG.timely ? 'ranking.mark.timely' : 'ranking.mark.slow'];
  }
  const marks: MessageKey[] = [];
  if (c.flags & HANDLING_FLAG.closed)
    marks.push(c.flags & HANDLING_FLAG.onTime ? 'ranking.mark.onTime' : 'ranking.mark.late');
  else marks.push(c.closedAt !== null ? 'ranking.mark.closedAfter' : 'ranking.mark.open');
  if (c.flags & HANDLING_FLAG.rework) marks.push('ranking.mark.rework');
  if (c.flags & HANDLING_FLAG.extended) marks.push('ranking.mark.extended');
  if (c.flags & HANDLING_FLAG.callback)
    marks.push(
      c.flags & HANDLING_FLAG.satisfied ? 'ranking.mark.satisfied' : 'ranking.mark.unsatisfied',
    );
  return marks;
}

/** The cases approved appeals took out of (or moved in to) this unit's month, and why. */
function AppealedCases({ result }: { result: FigureCasesResult }) {
  const { t } = useLocale();
  if (result.appealed.length === 0) return null;
  return (
    <section className="drill__appealed" data-testid="drill-appealed">
      <h3 className="drill__appealed-title">{t('ranking.drill.appealed')}</h3>
      <ul>
        {result.appealed.map((a) => (
          <li key={a.appealId} data-effect={a.effect}>
            {caseLink(a.caseId, a.caseNo)} ·{' '}
            {t(`ranking.drill.effect.${a.effect}`, { unit: a.otherUnitName ?? a.otherUnit ?? '' })}{' '}
            · {t(`appeals.kind.${a.reasonKind}`)}：{a.reason}
            {a.decisionNote ? <span className="muted">（{a.decisionNote}）</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
