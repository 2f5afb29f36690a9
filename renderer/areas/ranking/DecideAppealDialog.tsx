import { useState, type FormEvent } from 'react';
import type { AppealView } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';
import { AppealAttachments } from './AppealAttachments';

/** 批准 / 驳回 one appeal: what it asks, what the decision will do to the figures, the note. */
export function DecideAppealDialog({
  appeal,
  decision,
  onClose,
  onDecided,
}: {
  appeal: AppealView;
  decision: 'approved' | 'rejected';
  onClose(): void;
  onDecided(): void;
}) {
  const { t } = useLocale();
  const [note, setNote] = useState('');
  const deciding = useApiCall('appeals.decide');
  const word = t(decision === 'approved' ? 'appeals.approve' : 'appeals.reject');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const decided = await deciding.run({ appealId: appeal.id, decision, note });
    if (decided) onDecided();
  };
  return (
    <Dialog
      title={t('appeals.decideDialog.title', { decision: word, id: appeal.id })}
      onClose={onClose}
      testId="decide-appeal-dialog"
    >
      <form className="form appeal-form" onSubmit={submit}>
        <p>
          {t('appeals.decideDialog.summary', {
            unit: appeal.unitName,
            caseNo: appeal.caseNo,
            kind: t(`appeals.kind.${appeal.reasonKind}`),
            reason: appeal.reason,
          })}
        </p>
        <AppealAttachments appealId={appeal.id} />
        <p className="muted" data-testid="decide-effect">
          {decision === 'approved'
            ? t('appeals.decideDialog.effectApprove', {
                unit: appeal.unitName,
                target: appeal.targetUnitName
                  ? t('appeals.decideDialog.effectTarget', { target: appeal.targetUnitName })
                  : '',
              })
            : t('appeals.decideDialog.effectReject')}{' '}
          {t('appeals.decideDialog.final')}
        </p>
        <FieldRow label={t('appeals.decideDialog.note')}>
          <textarea
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            autoFocus
            data-testid="decide-note"
          />
        </FieldRow>
        <ErrorLine error={deciding.error} testId="decide-error" />
        <FormActions
          working={deciding.working}
          submitLabel={word}
          submitTestId="decide-confirm"
          onCancel={onClose}
          cancelLabel={t('appeals.decideDialog.cancel')}
        />
      </form>
    </Dialog>
  );
}
