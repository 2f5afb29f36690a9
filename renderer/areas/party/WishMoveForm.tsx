/** The form of one move on a wish: the claiming member, the fulfilment note, or a reason. */
import { useState, type FormEvent } from 'react';
import type { WishClaimant, WishMoveRequest } from '../../../api/contract';
import type { WishMove } from '../../../core/party/wish-clock';
import { getApi } from '../../api/client';
import { useT } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';

export function WishMoveForm({
  kind,
  working,
  error,
  onSubmit,
  onCancel,
}: {
  kind: WishMove;
  working: boolean;
  error: unknown;
  onSubmit(move: WishMoveRequest): void;
  onCancel(): void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<WishClaimant[] | null>(null);
  const [memberId, setMemberId] = useState<number | null>(null);

  async function search(q: string) {
    setQuery(q);
    setMemberId(null);
    if (!q.trim()) return setFound(null);
    try {
      setFound(await getApi().call('wishes.claimants', { q: q.trim() }));
    } catch {
      setFound([]);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (kind === 'claim') {
      if (memberId) onSubmit({ kind, memberId });
    } else if (kind === 'fulfil') onSubmit({ kind, note: text });
    else if (kind === 'withdraw') onSubmit({ kind, reason: text });
    else onSubmit({ kind, note: text || null });
  }

  return (
    <form className="form wish-move-form" onSubmit={submit} data-testid={`wish-form-${kind}`}>
      {kind === 'claim' ? (
        <FieldRow label={t('party.claim.search')}>
          <input
            className="input"
            autoFocus
            value={query}
            onChange={(e) => void search(e.target.value)}
            data-testid="wish-claimant-search"
          />
          {found && found.length === 0 ? <p className="muted">{t('party.claim.none')}</p> : null}
          {found && found.length > 0 ? (
            <select
              className="input"
              size={Math.min(6, found.length)}
              value={memberId ?? ''}
              onChange={(e) => setMemberId(Number(e.target.value))}
              data-testid="wish-claimant"
            >
              {found.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} · {m.code} · {m.unitName}
                </option>
              ))}
            </select>
          ) : null}
        </FieldRow>
      ) : (
        <FieldRow
          label={t(
            kind === 'fulfil'
              ? 'party.fulfil.note'
              : kind === 'withdraw'
                ? 'party.withdraw.reason'
                : 'party.confirm.note',
          )}
        >
          <textarea
            className="input"
            rows={3}
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
            }}
            data-testid="wish-move-text"
          />
        </FieldRow>
      )}
      <ErrorLine error={error} testId="wish-move-error" />
      <FormActions
        working={working}
        submitLabel={t('party.submit')}
        submitTestId="wish-move-submit"
        onCancel={onCancel}
      />
    </form>
  );
}
