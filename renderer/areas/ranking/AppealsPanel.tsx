import { useState } from 'react';
import type { AppealView } from '../../../api/contract';
import type { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { useSession } from '../../session/session-context';
import { ErrorState } from '../../states/ErrorState';
import { Panel } from '../../ui/Panel';
import { DecideAppealDialog } from './DecideAppealDialog';
import { FileAppealDialog } from './FileAppealDialog';
import './appeals.css';

/**
 * 申诉 for the month on screen: the appeal window the draft opened, every appeal with its
 * decision, 提出申诉 for a unit's user (or an admin), 批准/驳回 for a leader.
 */
export function AppealsPanel({
  month,
  monthText,
  query,
}: {
  month: string;
  monthText: string;
  /** The page's appeals.list query (its drafts feed the version switch too). */
  query: ReturnType<typeof useApiQuery<'appeals.list'>>;
}) {
  const { t, format } = useLocale();
  const { status } = useSession();
  const role = status?.user && !status.locked ? status.user.role : null;
  const [filing, setFiling] = useState(false);
  const [deciding, setDeciding] = useState<{
    appeal: AppealView;
    decision: 'approved' | 'rejected';
  } | null>(null);
  if (query.error) return <ErrorState error={query.error} onRetry={query.refresh} />;
  const data = query.data;
  if (!data) return null;
  const canFile = (role === 'handler' || role === 'admin') && data.window?.open === true;
  const canDecide = role === 'leader' || role === 'admin';
  const pending = data.appeals.filter((a) => a.status === 'pending').length;
  const windowLine = data.published
    ? t('appeals.window.published')
    : !data.window
      ? t('appeals.window.none')
      : data.window.open
        ? t('appeals.window.open', {
            from: format.tableDateTime(data.window.opensAt),
            to: format.tableDateTime(data.window.closesAt),
          })
        : t('appeals.window.closed', { to: format.tableDateTime(data.window.closesAt) });
  return (
    <Panel
      title={t('appeals.title')}
      className="appeals"
      meta={pending > 0 ? t('appeals.pendingCount', { n: pending }) : undefined}
    >
      <div className="appeals__head">
        <p className="appeals__window" data-testid="appeal-window">
          {windowLine}
          {data.drafts.length > 0 ? (
            <span className="muted">
              {' '}
              {t('appeals.drafts', {
                versions: [...new Map(data.drafts.map((d) => [d.version, d])).values()]
                  .map((d) =>
                    t('appeals.draftVersion', {
                      version: d.version,
                      time: format.tableDateTime(d.createdAt),
                    }),
                  )
                  .join('、'),
              })}
            </span>
          ) : null}
        </p>
        {canFile ? (
          <button
            type="button"
            className="button"
            onClick={() => setFiling(true)}
            data-testid="open-file-appeal"
          >
            {t('appeals.file')}
          </button>
        ) : null}
      </div>
      {data.appeals.length === 0 ? (
        <p className="muted">{t('appeals.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table appeals__table" data-testid="appeals-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('appeals.col.id')}
                </th>
                <th scope="col">{t('appeals.col.case')}</th>
                <th scope="col">{t('appeals.col.unit')}</th>
                <th scope="col">{t('appeals.col.kind')}</th>
                <th scope="col">{t('appeals.col.reason')}</th>
                <th scope="col">{t('appeals.col.target')}</th>
                <th scope="col">{t('appeals.col.status')}</th>
                <th scope="col">{t('appeals.col.note')}</th>
                {canDecide ? <th scope="col">{t('appeals.col.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.appeals.map((a) => (
                <tr key={a.id} data-testid="appeal-row" data-status={a.status} data-case={a.caseNo}>
                  <td className="num">{a.id}</td>
                  <td>{a.caseNo}</td>
                  <td>{a.unitName}</td>
                  <td>{t(`appeals.kind.${a.reasonKind}`)}</td>
                  <td className="appeals__reason">
                    {a.reason}
                    {a.attachments > 0 ? (
                      <span className="muted">
                        {' '}
                        · {t('appeals.attachments', { n: a.attachments })}
                      </span>
                    ) : null}
                  </td>
                  <td>{a.targetUnitName ?? '—'}</td>
                  <td>
                    <span
                      className={`appeals__status appeals__status--${a.status}`}
                      data-testid="appeal-status"
                    >
                      {t(`appeals.status.${a.status}`)}
                    </span>
                  </td>
                  <td>
                    {a.decisionNote ? (
                      <>
                        {a.decisionNote}
                        <span className="muted">
                          {' '}
                          (
                          {t('appeals.decidedBy', {
                            by: a.decidedBy ?? '',
                            time: format.tableDateTime(a.decidedAt ?? 0),
                          })}
                          )
                        </span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  {canDecide ? (
                    <td className="appeals__actions">
                      {a.status === 'pending' && !data.published ? (
                        <>
                          <button
                            type="button"
                            className="button"
                            onClick={() => setDeciding({ appeal: a, decision: 'approved' })}
                            data-testid="appeal-approve"
                          >
                            {t('appeals.approve')}
                          </button>
                          <button
                            type="button"
                            className="button button--quiet"
                            onClick={() => setDeciding({ appeal: a, decision: 'rejected' })}
                            data-testid="appeal-reject"
                          >
                            {t('appeals.reject')}
                          </button>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {filing ? (
        <FileAppealDialog
          month={month}
          monthText={monthText}
          defaultUnit={status?.user?.unitCode ?? null}
          onClose={() => setFiling(false)}
          onFiled={() => {
            setFiling(false);
            query.refresh();
          }}
        />
      ) : null}
      {deciding ? (
        <DecideAppealDialog
          appeal={deciding.appeal}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            query.refresh();
          }}
        />
      ) : null}
    </Panel>
  );
}
