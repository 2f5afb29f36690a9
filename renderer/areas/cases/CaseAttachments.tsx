import { useState, type ChangeEvent } from 'react';
import type { AttachmentView } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useLocale } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';
import { fileAsBase64, photoAsJpegBase64 } from '../../ui/attachment-base64';

/** 附件: the list with origin and size; a photo opens inline (checksum verified); add one. */
export function CaseAttachments({
  caseId,
  attachments,
  canAdd,
}: {
  caseId: number;
  attachments: readonly AttachmentView[];
  canAdd: boolean;
}) {
  const { t, format } = useLocale();
  const [shown, setShown] = useState<{ id: number; url: string; ok: boolean } | null>(null);
  // Opening one and adding one are two actions: a photo opens while another is uploading.
  const opening = useAction();
  const adding = useAction();

  const open = async (attachment: AttachmentView) => {
    adding.reset();
    const read = await opening.run(
      () => getApi().call('cases.attachments.get', { id: attachment.id }),
      'latest',
    );
    if (!read) return;
    setShown({
      id: attachment.id,
      url: `data:${attachment.mimeType};base64,${read.dataBase64}`,
      ok: read.checksumOk,
    });
  };
  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    opening.reset();
    await adding.run(async () => {
      const isPhoto = file.type.startsWith('image/');
      const contentBase64 = isPhoto ? await photoAsJpegBase64(file) : await fileAsBase64(file);
      const fileName = isPhoto ? file.name.replace(/\.[^.]+$/, '') + '.jpg' : file.name;
      return getApi().call('cases.attachments.add', {
        caseId,
        fileName,
        mimeType: isPhoto ? 'image/jpeg' : file.type,
        contentBase64,
      });
    });
  };

  return (
    <div className="attachments" data-testid="case-attachments">
      {attachments.length === 0 ? <p className="muted">{t('cases.detail.noAttachments')}</p> : null}
      <ul className="attachments__list">
        {attachments.map((a) => (
          <li key={a.id}>
            <button type="button" className="link-button" onClick={() => void open(a)}>
              {a.fileName}
            </button>
            <span className="muted">
              {' '}
              {Math.ceil(a.sizeBytes / 1024)} KB ·{' '}
              {a.origin === 'city'
                ? t('cases.detail.attachmentFromCity')
                : t('cases.detail.attachmentLocal')}{' '}
              · {a.addedBy} · {format.tableDateTime(a.addedAt)}
            </span>
            {shown?.id === a.id ? (
              <div className="attachments__view">
                {!shown.ok ? <p className="error-line">{t('cases.detail.attachmentBad')}</p> : null}
                {a.mimeType.startsWith('image/') ? (
                  <img src={shown.url} alt={a.fileName} />
                ) : (
                  <a href={shown.url} download={a.fileName}>
                    {a.fileName}
                  </a>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canAdd ? (
        <label className="button attachments__add" aria-busy={adding.working}>
          {adding.working ? t('session.working') : t('cases.detail.addAttachment')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
            onChange={(e) => void add(e)}
            disabled={adding.working}
            hidden
          />
        </label>
      ) : null}
      <ErrorLine error={adding.error ?? opening.error} />
    </div>
  );
}
