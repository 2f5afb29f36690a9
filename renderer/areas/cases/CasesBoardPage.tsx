import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { OPEN_STATES as OPEN_BOARD_STATES } from '../../../core/cases/case-states';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { getApi } from '../../api/client';
import { canAct, useSession } from '../../session/session-context';
import { useNow } from '../../time/useNow';
import { isDialogOpen } from '../../ui/Dialog';
import { isTypingInto } from '../../ui/is-typing-into';
import { AlarmBanner } from './AlarmBanner';
import {
  addressForCount,
  readBoardAddress,
  writeBoardAddress,
  type BoardAddress,
} from './board-url';
import { BoardToolbar } from './BoardToolbar';
import { BoardView } from './BoardView';
import { CaseDetailPanel } from './CaseDetailPanel';
import { CaseTable } from './CaseTable';
import { IntakeDialog } from './IntakeDialog';
import { useCaseLookups } from './useCaseLookups';
import { useOverdueAlarm } from './useOverdueAlarm';
import './cases.css';
import './case-detail.css';
import './intake.css';
import { PageShell } from '../../ui/PageShell';
import { useFlash } from '../../ui/useFlash';

const COUNTS_INPUT = { oldestLimit: 0 };
const REFRESH_ON = ['cases.changed', 'data.changed'] as const;

/** 案件: the live board (or table), its filters and search, the case detail and quick entry. */
export default function CasesBoardPage() {
  const { t, format } = useLocale();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const address = useMemo(() => readBoardAddress(params), [params]);
  const { lookups } = useCaseLookups();
  const alarm = useOverdueAlarm();
  const counts = useApiQuery('overview.counts', COUNTS_INPUT, { refreshOn: REFRESH_ON });
  const now = useNow(10_000);
  const searchRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice, noticeWords] = useFlash();
  // 8 s from when the notice is set: a language switch re-says it, it does not restart this.
  useEffect(() => {
    if (!noticeWords) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [noticeWords, setNotice]);

  // The overview's tiles arrive as ?count=…: turn that into the view that shows them.
  const count = params.get('count');
  useEffect(() => {
    if (!count) return;
    const preset = addressForCount(count, Date.now());
    setParams(writeBoardAddress({ ...readBoardAddress(new URLSearchParams()), ...preset }), {
      replace: true,
    });
  }, [count, setParams]);

  const change = useCallback(
    (next: Partial<BoardAddress>) => {
      setParams((current) => writeBoardAddress({ ...readBoardAddress(current), ...next }), {
        replace: !('caseId' in next || 'intake' in next),
      });
    },
    [setParams],
  );
  const openCase = useCallback((id: number) => change({ caseId: id, intake: false }), [change]);
  const closeCase = useCallback(() => change({ caseId: null }), [change]);
  const onWallDisplay = Boolean(getApi().seat?.display);
  const openIntake = useCallback(() => {
    if (!canAct(session.status)) session.openSignIn();
    else change({ intake: true });
  }, [change, session]);

  // Page keys: / search, N new case, V switch view (not while typing or in a dialog).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isTypingInto(event.target)
      )
        return;
      if (isDialogOpen()) return;
      const key = event.key.toLowerCase();
      if (key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (key === 'n' && !onWallDisplay) {
        event.preventDefault();
        openIntake();
      } else if (key === 'v') {
        event.preventDefault();
        change({ view: address.view === 'board' ? 'table' : 'board' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [address.view, change, openIntake, onWallDisplay]);

  const filters = address.filters;
  return (
    <PageShell
      className="cases-page"
      testId="area-cases"
      title={t('cases.title')}
      subtitle={
        counts.data
          ? t('cases.subtitle', {
              open: format.count(counts.data.open),
              overdue: format.count(counts.data.overdue),
            })
          : null
      }
      toolbar={<span className="muted cases-page__keys">{t('cases.keys.hint')}</span>}
    >
      <AlarmBanner alarm={alarm} onOpen={openCase} />
      <BoardToolbar
        address={address}
        lookups={lookups}
        alarm={alarm}
        searchRef={searchRef}
        onChange={change}
        onNew={onWallDisplay ? undefined : openIntake}
      />
      {notice ? (
        <p className="cases-page__notice" role="status" data-testid="cases-notice">
          {notice}
        </p>
      ) : null}
      <div className="cases-page__content">
        {address.view === 'board' ? (
          <BoardView filters={filters} now={now} onOpen={openCase} />
        ) : (
          <CaseTable
            states={address.states ?? [...OPEN_BOARD_STATES]}
            filters={filters}
            sort={address.sort}
            now={now}
            onOpen={openCase}
          />
        )}
        {address.caseId ? (
          <CaseDetailPanel
            key={`${address.caseId}:${session.key}`}
            caseId={address.caseId}
            now={now}
            lookups={lookups}
            onClose={closeCase}
            onOpenCase={openCase}
          />
        ) : null}
      </div>
      {address.intake ? (
        <IntakeDialog
          lookups={lookups}
          onClose={() => change({ intake: false })}
          onCreated={(id, caseNo) => {
            setNotice((t) => t('cases.intake.created', { caseNo }));
            change({ intake: false, caseId: id });
          }}
        />
      ) : null}
    </PageShell>
  );
}
