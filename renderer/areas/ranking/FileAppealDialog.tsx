import { useState, type ChangeEvent, type FormEvent } from 'react';
import { APPEAL_REASON_KINDS, type AppealReasonKind } from '../../../core/ranking/appeals';
import { getApi } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { fileAsBase64, photoAsJpegBase64 } from '../../ui/attachment-base64';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useAction } from '../../ui/useApiCall';

/** Base64 of about 700 KB: the API's limit per attachment. */
const MAX_BASE64 = 960_000;

interface Chosen {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** 提出申诉: the case, the unit, the reason (and the responsible unit for 非本单位职责), attachments. */
export function FileAppealDialog({
  month,
  monthText,
  defaultUnit,
  onClose,
  onFiled,
}: {
  month: string;
  monthText: string;
  defaultUnit: string | null;
  onClose(): void;
  onFiled(): void;
}) {
  const { t } = useLocale();
  const lookups = useApiQuery('cases.lookups', {});
  const units = (lookups.data?.units ?? []).filter(
    (u) => u.active && (u.kind === 'community' || u.kind === 'department'),
  );
  const [caseNo, setCaseNo] = useState('');
  const [unitCode, setUnitCode] = useState(defaultUnit ?? '');
  const [kind, setKind] = useState<AppealReasonKind>('not_responsible');
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const [files, setFiles] = useState<Chosen[]>([]);
  const filing = useAction();
  const reading = useAction();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const list = [...(event.target.files ?? [])].slice(0, 5);
    event.target.value = '';
    await reading.run(async () => {
      const chosen: Chosen[] = [];
      let total = 0;
      for (const file of list) {
        const photo = file.type.startsWith('image/');
        const contentBase64 = photo ? await photoAsJpegBase64(file) : await fileAsBase64(file);
        total += contentBase64.length;
        if (total > MAX_BASE64)
          throw new Error(t('appeals.fileDialog.tooLarge', { name: file.name }));
        chosen.push({
          fileName: file.name,
          mimeType: photo ? 'image/jpeg' : file.type || 'application/pdf',
          contentBase64,
        });
      }
      setFiles(chosen);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const filed = await filing.run(() =>
      getApi().call('appeals.file', {
        period: month,
        caseNo: caseNo.trim(),
        unitCode,
        reasonKind: kind,
        reason,
        ...(kind === 'not_responsible' && target ? { targetUnitCode: target } : {}),
        attachments: files,
      }),
    );
    if (filed) onFiled();
  };

  return (
    <Dialog
      title={t('appeals.fileDialog.title', { period: monthText })}
      onClose={onClose}
      testId="file-appeal-dialog"
    >
      <form className="form appeal-form" onSubmit={submit}>
        <FieldRow label={t('appeals.fileDialog.caseNo')}>
          <input
            value={caseNo}
            onChange={(e) => setCaseNo(e.target.value)}
            maxLength={40}
            autoFocus
            data-testid="appeal-case-no"
          />
        </FieldRow>
        <FieldRow label={t('appeals.fileDialog.unit')}>
          <select
            value={unitCode}
            onChange={(e) => setUnitCode(e.target.value)}
            data-testid="appeal-unit"
          >
            <option value="">—</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </FieldRow>
        <FieldRow label={t('appeals.fileDialog.kind')}>
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as AppealReasonKind)}
            data-testid="appeal-kind"
          >
            {APPEAL_REASON_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`appeals.kind.${k}`)}
              </option>
            ))}
          </select>
        </FieldRow>
        {kind === 'not_responsible' ? (
          <FieldRow label={t('appeals.fileDialog.target')}>
            <select
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              data-testid="appeal-target"
            >
              <option value="">—</option>
              {units
                .filter((u) => u.code !== unitCode)
                .map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
            </select>
          </FieldRow>
        ) : null}
        <FieldRow label={t('appeals.fileDialog.reason')}>
          <textarea
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="appeal-reason"
          />
        </FieldRow>
        <FieldRow label={t('appeals.fileDialog.attachments')}>
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
            onChange={choose}
            data-testid="appeal-files"
          />
        </FieldRow>
        {files.length > 0 ? (
          <ul className="appeal-form__files">
            {files.map((f) => (
              <li key={f.fileName}>{f.fileName}</li>
            ))}
          </ul>
        ) : null}
        <ErrorLine error={reading.error ?? filing.error} testId="appeal-error" />
        <FormActions
          working={filing.working || reading.working}
          submitLabel={t('appeals.fileDialog.submit')}
          submitTestId="appeal-submit"
          onCancel={onClose}
          cancelLabel={t('appeals.fileDialog.cancel')}
        />
      </form>
    </Dialog>
  );
}
