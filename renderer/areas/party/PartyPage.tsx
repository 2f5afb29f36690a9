/**
 * 党建引领 (issue 14): the street's party-building work. First, the small wishes (微心愿) on a
 * board like the cases, live, with their clocks; the registers of units, members and the
 * three lists follow.
 */
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { canAct, useSession } from '../../session/session-context';
import { useT } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { PageShell } from '../../ui/PageShell';
import { Panel } from '../../ui/Panel';
import { PartyFiguresPanel } from './PartyFiguresPanel';
import { PublishWishDialog } from './PublishWishDialog';
import { WishBoard } from './WishBoard';
import { WishDetailPanel } from './WishDetailPanel';
import './party.css';

const REFRESH_ON = ['data.changed'] as const;

export function PartyPage() {
  const t = useT();
  const session = useSession();
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const [publishing, setPublishing] = useState(false);
  const board = useApiQuery('wishes.board', { q: q.trim() || null }, { refreshOn: REFRESH_ON });
  const role = session.status?.user?.role;
  const mayPublish = canAct(session.status) && (role === 'operator' || role === 'admin');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && openId !== null && !publishing) setOpenId(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId, publishing]);

  return (
    <PageShell
      title={t('area.party.title')}
      subtitle={t('party.subtitle')}
      className="party"
      testId="area-party"
    >
      <Panel title={t('party.wishes.title')} className="party__wishes">
        <p className="panel__meta settings__hint">{t('party.wishes.hint')}</p>
        <div className="party__toolbar">
          <input
            className="input"
            type="search"
            placeholder={t('party.wishes.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="wish-search"
          />
          {mayPublish ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setPublishing(true)}
              data-testid="wish-new"
            >
              {t('party.wishes.new')}
            </button>
          ) : null}
        </div>
        <div className="party__board-row">
          {board.data ? (
            <WishBoard board={board.data} selectedId={openId} onOpen={setOpenId} />
          ) : board.error ? (
            <ErrorState error={board.error} onRetry={board.refresh} />
          ) : (
            <LoadingState />
          )}
          {openId !== null ? <WishDetailPanel id={openId} onClose={() => setOpenId(null)} /> : null}
        </div>
      </Panel>
      <PartyFiguresPanel />
      {publishing ? (
        <PublishWishDialog
          onClose={() => setPublishing(false)}
          onDone={(id) => {
            setPublishing(false);
            setOpenId(id);
            board.refresh();
          }}
        />
      ) : null}
    </PageShell>
  );
}
