import { useState } from 'react';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';

/** The files a unit sent with its appeal: each opens inline (photos) or downloads (PDF), checksum checked. */
export function AppealAttachments({ appealId }: { appealId: number }) {
  const { t, format } = useLocale();
  const detail = useApiQuery('appeals.get', { appealId });
  const opening = useAction();
  const [shown, setShown] = useState<{ id: number; url: string; ok: boolean } | null>(null);
  const files = detail.data?.attachments ?? [];
  if (files.length === 0) return null;
  const open = async (id: number, mimeType: string) => {
    const read = await opening.run(() => getApi().call('appeals.attachment', { id }), 'latest');
    if (read)
      setShown({ id, url: `data:${mimeType};base64,${read.dataBase64}`, ok: read.checksumOk });
  };
  return (
    <div className="appeal-files" data-testid="appeal-attachments">
      <ul className="appeal-form__files">
        {files.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => void open(f.id, f.mimeType)}
            >
              {f.fileName}
            </button>{' '}
            <span className="muted">
              {Math.ceil(f.sizeBytes / 1024)} KB · {f.addedBy} · {format.tableDateTime(f.addedAt)}
            </span>
            {shown?.id === f.id ? (
              <div className="appeal-files__view">
                {!shown.ok ? <p className="error-line">{t('cases.detail.attachmentBad')}</p> : null}
                {f.mimeType.startsWith('image/') ? (
                  <img src={shown.url} alt={f.fileName} />
                ) : (
                  <a href={shown.url} download={f.fileName}>
                    {f.fileName}
                  </a>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorLine error={opening.error} />
    </div>
  );
}
