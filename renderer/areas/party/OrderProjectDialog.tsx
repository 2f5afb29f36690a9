/**
 * 双向点单 (issue 14): from a need, the community picks resources (by kind, its own first)
 * and makes the project; from a resource, a unit picks the need it claims. Title, owner
 * unit, budget and dates are filled in from what was picked and can be changed; Ctrl+Enter
 * makes the project, which then opens.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RegisterItem, RegisterRow } from '../../../api/contract';
import {
  RESOURCE_KINDS,
  RESOURCE_KINDS_FOR_NEED,
  type NEED_CATEGORIES,
} from '../../../core/party/registers';
import { formatYuan } from '../../../core/party/project-state';
import { DAY_MS, dayString } from '../../../core/time';
import { clientError } from '../../api/api-error';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';
import { LookupField } from './LookupField';
import { registerKey } from './register-messages';

type Category = (typeof NEED_CATEGORIES)[number];

export function OrderProjectDialog({
  from,
  onClose,
  onDone,
}: {
  /** The need (community orders) or the resource (a unit claims) the order starts from. */
  from: RegisterItem;
  onClose(): void;
  onDone(project: RegisterItem): void;
}) {
  const t = useT();
  const fromNeed = from.register === 'needs';
  const source = from.row;
  const community = (source.communityCode as string | null) ?? null;
  const suggested = fromNeed ? RESOURCE_KINDS_FOR_NEED[source.category as Category] : [];
  const [kind, setKind] = useState<string>(suggested[0] ?? '');
  const [sameCommunity, setSameCommunity] = useState(community !== null);
  const [picked, setPicked] = useState<RegisterRow[]>(fromNeed ? [] : [source]);
  const [need, setNeed] = useState<RegisterRow | null>(fromNeed ? source : null);
  const [form, setForm] = useState(() => ({
    title: fromNeed ? `${String(source.title)}项目` : '',
    budget: '',
    plannedStart: dayString(Date.now()),
    plannedEnd: dayString(Date.now() + 30 * DAY_MS),
  }));
  const [ownerId, setOwnerId] = useState<number | null>(
    fromNeed ? null : ((source.unitId as number | null) ?? null),
  );
  const order = useApiCall('party.orderProject');

  const candidates = useApiQuery(
    'party.registerPage',
    fromNeed
      ? {
          register: 'resources',
          filters: { status: kind || null, communityCode: sameCommunity ? community : null },
          offset: 0,
          limit: 200,
        }
      : {
          register: 'needs',
          filters: { status: 'open', communityCode: sameCommunity ? community : null },
          offset: 0,
          limit: 200,
        },
  );
  const rows = candidates.data?.rows ?? [];
  const funds = picked.reduce((sum, r) => sum + Number(r.amountFen ?? 0), 0);

  const toggle = (row: RegisterRow) => {
    if (!fromNeed) {
      setNeed(row);
      if (!form.title) setForm((f) => ({ ...f, title: `${String(row.title)}项目` }));
      return;
    }
    setPicked((list) => {
      const next = list.some((r) => r.id === row.id)
        ? list.filter((r) => r.id !== row.id)
        : [...list, row];
      if (ownerId === null) {
        const unit = next.find((r) => r.unitId != null);
        if (unit) setOwnerId(unit.unitId as number);
      }
      return next;
    });
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!need)
      return order.fail(
        clientError('order_need', '请先选择要认领的需求。', 'Choose the need to claim first.'),
      );
    if (ownerId === null)
      return order.fail(
        clientError(
          'order_owner',
          '请选择项目的责任单位。',
          'Choose the unit that owns the project.',
        ),
      );
    const answer = await order.run({
      orderedBy: fromNeed ? 'community' : 'unit',
      needIds: need ? [need.id] : [],
      resourceIds: picked.map((r) => r.id),
      title: form.title,
      ownerUnitId: ownerId,
      budgetYuan: form.budget === '' ? funds / 100 : Number(form.budget),
      plannedStart: form.plannedStart,
      plannedEnd: form.plannedEnd,
    });
    if (answer) onDone(answer);
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };
  const ownerInitial =
    !fromNeed && source.unitId != null
      ? { id: source.unitId as number, code: '', label: String(source.offeredBy), detail: null }
      : null;

  return (
    <Dialog title={t('party.order.title')} onClose={onClose} size="wide" testId="order-project">
      <form className="form order-project" onSubmit={submit} onKeyDown={onKeyDown}>
        <p className="order-project__from">
          <strong>{fromNeed ? t('party.order.needs') : t('party.tab.resources')}：</strong>
          {String(source.code)} {String(source.title)}
        </p>
        <div className="order-project__filters">
          {fromNeed ? (
            <label className="field field--inline">
              {t('party.order.kindFilter')}
              <select
                className="input"
                value={kind}
                onChange={(e) => setKind(e.target.value)}
                data-testid="order-kind"
              >
                <option value="">{t('party.order.allKinds')}</option>
                {[...suggested, ...RESOURCE_KINDS.filter((k) => !suggested.includes(k))].map(
                  (k) => (
                    <option key={k} value={k}>
                      {t(registerKey('party.value', k))}
                    </option>
                  ),
                )}
              </select>
            </label>
          ) : (
            <strong>{t('party.order.pickNeed')}</strong>
          )}
          {community ? (
            <label className="party-check">
              <input
                type="checkbox"
                checked={sameCommunity}
                onChange={(e) => setSameCommunity(e.target.checked)}
                data-testid="order-same-community"
              />
              {t('party.order.sameCommunity')}
            </label>
          ) : null}
          {fromNeed ? (
            <span className="muted" data-testid="order-chosen">
              {t('party.order.chosen', { count: picked.length })}
            </span>
          ) : null}
        </div>
        <ul className="order-project__list" data-testid="order-candidates">
          {rows.length === 0 && candidates.data ? (
            <li className="muted">
              {fromNeed ? t('party.order.noResources') : t('party.order.noNeeds')}
            </li>
          ) : null}
          {rows.map((row) => {
            const checked = fromNeed ? picked.some((r) => r.id === row.id) : need?.id === row.id;
            return (
              <li key={row.id}>
                <label>
                  <input
                    type={fromNeed ? 'checkbox' : 'radio'}
                    name="order-pick"
                    checked={checked}
                    onChange={() => toggle(row)}
                    data-testid="order-candidate"
                  />
                  <code>{String(row.code)}</code> {String(row.title)}
                  <span className="muted">
                    {' · '}
                    {fromNeed
                      ? [
                          t(registerKey('party.value', String(row.kind))),
                          row.offeredBy,
                          row.capacity,
                          row.amountFen != null ? `${formatYuan(Number(row.amountFen))} 元` : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : [row.place, t(registerKey('party.value', String(row.category)))].join(
                          ' · ',
                        )}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
        <div className="register-entry__grid">
          <FieldRow label={`${t('party.order.projectTitle')} *`}>
            <input
              className="input"
              value={form.title}
              onChange={(e) => setForm((f) => ({ ...f, title: e.target.value }))}
              data-testid="order-title"
            />
          </FieldRow>
          <LookupField
            what="units"
            label={`${t('party.order.owner')} *`}
            hint={t('party.entry.lookup')}
            value={ownerId}
            onChange={(id) => setOwnerId(id)}
            initial={ownerInitial}
            testId="order-owner"
          />
          <FieldRow label={t('party.order.budget')}>
            <input
              className="input"
              type="number"
              min={0}
              step="0.01"
              placeholder={formatYuan(funds)}
              value={form.budget}
              onChange={(e) => setForm((f) => ({ ...f, budget: e.target.value }))}
              data-testid="order-budget"
            />
          </FieldRow>
          <FieldRow label={t('party.order.plannedStart')}>
            <input
              className="input"
              type="date"
              value={form.plannedStart}
              onChange={(e) => setForm((f) => ({ ...f, plannedStart: e.target.value }))}
              data-testid="order-start"
            />
          </FieldRow>
          <FieldRow label={t('party.order.plannedEnd')}>
            <input
              className="input"
              type="date"
              value={form.plannedEnd}
              onChange={(e) => setForm((f) => ({ ...f, plannedEnd: e.target.value }))}
              data-testid="order-end"
            />
          </FieldRow>
        </div>
        <ErrorLine error={order.error} testId="order-error" />
        <FormActions
          working={order.working}
          submitLabel={t('party.order.submit')}
          submitTestId="order-submit"
          onCancel={onClose}
          cancelLabel={t('party.cancel')}
        />
      </form>
    </Dialog>
  );
}
