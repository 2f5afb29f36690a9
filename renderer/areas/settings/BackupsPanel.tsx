/**
 * 设置 → 备份: where backups go and how many are kept, a backup now (with its progress),
 * the list of checked backups with verify and restore. A restore asks first, says what it
 * will replace, and backs the current store up before it starts.
 */
import { useState, type FormEvent } from 'react';
import type { BackupView, RotationView } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { useStoreStatus } from '../../frame/useStoreStatus';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useAction } from '../../ui/useApiCall';
import { useFlash, type FlashWords } from '../../ui/useFlash';

const ROTATION_KEYS = ['daily', 'weekly', 'monthly', 'eventDays'] as const;

export function BackupsPanel() {
  const { t, format } = useLocale();
  const listing = useApiQuery('backup.list', {}, { refreshOn: ['store.changed'] });
  const status = useStoreStatus();
  // What the admin is editing; until the first keystroke, the saved settings.
  const [draft, setDraft] = useState<{ folder: string; rotation: RotationView } | null>(null);
  const [note, setNote] = useFlash();
  // One action at a time (save, back up, verify, restore): a second press is ignored.
  const action = useAction();
  const busy = action.working;
  const error = action.error;
  const [restoring, setRestoring] = useState<BackupView | null>(null);
  // A checked backup's case count (its words are said at render, in the current language).
  const [verified, setVerified] = useState<Record<string, number>>({});

  const saved = listing.data
    ? { folder: listing.data.folder, rotation: listing.data.rotation }
    : null;
  const shown = draft ?? saved;
  const edit = (change: Partial<{ folder: string; rotation: RotationView }>) =>
    shown && setDraft({ ...shown, ...change });

  const run = async (step: () => Promise<FlashWords | null>) => {
    setNote(null);
    const done = await action.run(async () => ({ note: await step() }));
    if (!done) return;
    setNote(done.note);
    listing.refresh();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!shown) return;
    void run(async () => {
      await getApi().call('backup.settings.save', shown);
      setDraft(null);
      return (t) => t('backup.saved');
    });
  };

  const verifiedNote = (path: string) => {
    const cases = verified[path];
    return cases === undefined ? null : (
      <span className="muted">{t('backup.verified', { cases: format.count(cases) })}</span>
    );
  };

  const running = status?.running;
  const percent =
    running && running.totalPages > 0
      ? Math.floor((running.copiedPages / running.totalPages) * 100)
      : 0;

  return (
    <div className="settings-backups" data-testid="settings-backups">
      <form className="settings-backups__form" onSubmit={save}>
        <FieldRow label={t('backup.folder')} className="settings-backups__folder">
          <input
            className="input"
            value={shown?.folder ?? ''}
            onChange={(e) => edit({ folder: e.target.value })}
            data-testid="backup-folder"
            spellCheck={false}
          />
        </FieldRow>
        <fieldset className="settings-backups__rotation">
          <legend>{t('backup.rotation')}</legend>
          {ROTATION_KEYS.map((key) => (
            <label key={key}>
              <input
                className="input input--number"
                type="number"
                min={0}
                value={shown?.rotation[key] ?? ''}
                onChange={(e) =>
                  shown && edit({ rotation: { ...shown.rotation, [key]: Number(e.target.value) } })
                }
                data-testid={`backup-rotation-${key}`}
              />
              <span>{t(`backup.rotation.${key}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="settings-inline">
          <button type="submit" className="button" disabled={busy}>
            {t('backup.save')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || running != null}
            data-testid="backup-create"
            onClick={() =>
              void run(async () => {
                const made = await getApi().call('backup.create', {});
                return (t) => t('backup.created', { path: made.path });
              })
            }
          >
            {busy && !restoring ? t('backup.creating') : t('backup.createNow')}
          </button>
          {running ? (
            <span className="settings-backups__progress" role="status">
              <progress max={100} value={percent} />
              {t('backup.progress', { action: t(`backup.action.${running.action}`), percent })}
            </span>
          ) : null}
        </div>
      </form>
      {note ? (
        <p className="settings-backups__note" role="status" data-testid="backup-note">
          {note}
        </p>
      ) : null}
      <ErrorLine error={error ?? listing.error} testId="backup-error" />
      {listing.data && listing.data.backups.length === 0 ? (
        <p className="muted">{t('backup.empty')}</p>
      ) : null}
      <table className="data-table settings-backups__table">
        <thead>
          <tr>
            <th>{t('backup.col.time')}</th>
            <th>{t('backup.col.reason')}</th>
            <th className="data-table__number">{t('backup.col.cases')}</th>
            <th className="data-table__number">{t('backup.col.size')}</th>
            <th>{t('backup.col.path')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(listing.data?.backups ?? []).map((b) => (
            <tr key={b.path} data-testid="backup-row">
              <td className="data-table__code">{format.tableDateTime(b.createdAt)}</td>
              <td>{t(`backup.reason.${b.reason}`)}</td>
              <td className="data-table__number">
                {b.cases == null ? '—' : format.count(b.cases)}
              </td>
              <td className="data-table__number">{(b.bytes / 1048576).toFixed(1)} MB</td>
              <td className="settings-backups__path" title={b.path}>
                {b.path.split(/[\\/]/).pop()}
              </td>
              <td className="settings-backups__actions">
                {verifiedNote(b.path)}
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      const result = await getApi().call('backup.verify', { path: b.path });
                      setVerified((v) => ({ ...v, [b.path]: result.cases ?? 0 }));
                      return null;
                    })
                  }
                >
                  {t('backup.verify')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  data-testid="backup-restore"
                  onClick={() => setRestoring(b)}
                >
                  {t('backup.restore')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {restoring ? (
        <Dialog
          title={t('backup.restoreTitle')}
          onClose={busy ? null : () => setRestoring(null)}
          testId="backup-restore-dialog"
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const chosen = restoring;
              void run(async () => {
                const result = await getApi().call('backup.restore', {
                  path: chosen.path,
                  confirm: true,
                });
                setRestoring(null);
                return (t) =>
                  t('backup.restored', {
                    path: result.restored,
                    before: result.before ?? '—',
                  });
              });
            }}
          >
            <p>
              {t('backup.restoreBody', {
                time: format.tableDateTime(restoring.createdAt),
                cases: format.count(restoring.cases ?? 0),
              })}
            </p>
            <ErrorLine error={error} testId="backup-restore-error" />
            <FormActions
              onCancel={() => setRestoring(null)}
              submitLabel={t('backup.restoreConfirm')}
              submitTestId="backup-restore-confirm"
              working={busy}
            />
          </form>
        </Dialog>
      ) : null}
    </div>
  );
}
