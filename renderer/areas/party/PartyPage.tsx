/**
 * 党建引领 (issue 14): the street's party-building work in tabs: the small wishes (微心愿) on a
 * board like the cases, live, with their clocks and the area's figures; then one screen per
 * register (units, members, service records, the three lists, volunteers, activities). The
 * tab and the open row live in the address (?r=needs&id=12), so a row can be linked to.
 */
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { REGISTERS, type Register } from '../../../core/party/registers';
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
import { RegisterScreen } from './RegisterScreen';
import { registerKey } from './register-messages';
import './party.css';

type Tab = 'wishes' | Register;
const TABS: readonly Tab[] = ['wishes', ...REGISTERS];

export function PartyPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get('r');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'wishes';
  const idParam = Number(params.get('id'));
  const openId = Number.isInteger(idParam) && idParam > 0 ? idParam : null;
  const open = useCallback(
    (next: Tab, id: number | null) => {
      const search = new URLSearchParams();
      if (next !== 'wishes') search.set('r', next);
      if (id !== null) search.set('id', String(id));
      setParams(search, { replace: next === tab });
    },
    [setParams, tab],
  );
  return (
    <PageShell
      title={t('area.party.title')}
      subtitle={t('party.subtitle')}
      className="party"
      testId="area-party"
    >
      <nav className="party__tabs" role="tablist" aria-label={t('party.tabs.label')}>
        {TABS.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={key === tab}
            className={key === tab ? 'party__tab party__tab--active' : 'party__tab'}
            onClick={() => open(key, null)}
            data-testid={`party-tab-${key}`}
          >
            {t(registerKey('party.tab', key))}
          </button>
        ))}
      </nav>
      {tab === 'wishes' ? (
        <WishesTab />
      ) : (
        <RegisterScreen key={tab} register={tab} openId={openId} onOpen={open} />
      )}
    </PageShell>
  );
}

const REFRESH_ON = ['data.changed'] as const;

function WishesTab() {
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
    <>
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
    </>
  );
}
