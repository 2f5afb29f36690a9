/**
 * One register's screen (issue 14): search (/), community and status filters, the
 * virtualised table, the row's detail beside it (Esc closes), keyboard entry (N) and
 * 双向点单 from a need or a resource. Who may enter is the API's to decide; the screen only
 * hides buttons a viewer could not use.
 */
import { useEffect, useRef, useState } from 'react';
import type { RegisterItem } from '../../../api/contract';
import { REGISTER_STATUS_VALUES, type Register } from '../../../core/party/registers';
import { canAct, useSession } from '../../session/session-context';
import { useT } from '../../i18n/locale-context';
import { isDialogOpen } from '../../ui/Dialog';
import { isTypingInto } from '../../ui/is-typing-into';
import { useCaseLookups } from '../cases/useCaseLookups';
import { OrderProjectDialog } from './OrderProjectDialog';
import { RegisterDetailPanel } from './RegisterDetailPanel';
import { RegisterEntryDialog } from './RegisterEntryDialog';
import { RegisterTable } from './RegisterTable';
import { RegisterFiles } from './RegisterFiles';
import type { EntryRegister } from './register-fields';
import { registerKey } from './register-messages';
import { useRegisterRows } from './useRegisterRows';

const ENTERABLE: ReadonlySet<Register> = new Set([
  'units',
  'members',
  'records',
  'needs',
  'resources',
  'volunteers',
  'activities',
]);

export function RegisterScreen({
  register,
  openId,
  onOpen,
}: {
  register: Register;
  openId: number | null;
  onOpen(register: Register, id: number | null): void;
}) {
  const t = useT();
  const session = useSession();
  const { lookups } = useCaseLookups();
  const [q, setQ] = useState('');
  const [communityCode, setCommunity] = useState('');
  const [status, setStatus] = useState('');
  const [entering, setEntering] = useState(false);
  const [ordering, setOrdering] = useState<RegisterItem | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const role = session.status?.user?.role;
  const mayEnter = canAct(session.status) && role !== 'leader' && role !== undefined;
  const list = useRegisterRows(register, {
    q: q.trim() || null,
    communityCode: communityCode || null,
    status: status || null,
  });
  const statuses = REGISTER_STATUS_VALUES[register] ?? [];
  const communities = (lookups?.placeOptions ?? []).filter((p) => p.level === 'community');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isDialogOpen()) return;
      if (event.key === 'Escape' && openId !== null) {
        onOpen(register, null);
        return;
      }
      if (isTypingInto(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
      } else if (event.key.toLowerCase() === 'n' && mayEnter && ENTERABLE.has(register)) {
        event.preventDefault();
        setEntering(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayEnter, onOpen, openId, register]);

  return (
    <div className="register-screen" data-testid={`register-${register}`}>
      <div className="party__toolbar">
        <input
          ref={search}
          className="input"
          type="search"
          placeholder={t('party.reg.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="register-search"
        />
        <select
          className="input"
          value={communityCode}
          onChange={(e) => setCommunity(e.target.value)}
          aria-label={t('party.col.community')}
          data-testid="register-community"
        >
          <option value="">{t('party.reg.allCommunities')}</option>
          {communities.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {statuses.length ? (
          <select
            className="input"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            aria-label={t('party.col.status')}
            data-testid="register-status-filter"
          >
            <option value="">{t('party.reg.allStatuses')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(registerKey('party.value', s))}
              </option>
            ))}
          </select>
        ) : null}
        <RegisterFiles register={register} mayImport={role === 'admin'} />
        {mayEnter && ENTERABLE.has(register) ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEntering(true)}
            data-testid="register-new"
          >
            {t('party.reg.new')}
          </button>
        ) : null}
      </div>
      <div className="party__board-row">
        <RegisterTable
          register={register}
          list={list}
          selectedId={openId}
          onOpen={(id) => onOpen(register, id)}
        />
        {openId !== null ? (
          <RegisterDetailPanel
            register={register}
            id={openId}
            mayOrder={mayEnter}
            onClose={() => onOpen(register, null)}
            onOpenRow={onOpen}
            onOrder={setOrdering}
          />
        ) : null}
      </div>
      {entering && ENTERABLE.has(register) ? (
        <RegisterEntryDialog
          register={register as EntryRegister}
          onClose={() => setEntering(false)}
          onDone={(item) => {
            setEntering(false);
            onOpen(register, item.row.id);
          }}
        />
      ) : null}
      {ordering ? (
        <OrderProjectDialog
          from={ordering}
          onClose={() => setOrdering(null)}
          onDone={(project) => {
            setOrdering(null);
            onOpen('projects', project.row.id);
          }}
        />
      ) : null}
    </div>
  );
}
