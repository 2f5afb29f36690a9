/**
 * A project's moves in its detail panel (issue 14): a leader's 审批通过, then 开始实施, 完成项目
 * (the day, what was spent, what it achieved), 取消项目 (a reason). Each is sent with the
 * status seen when its form opened, so a project another seat moved is refused with who.
 */
import { useState, type FormEvent } from 'react';
import type { ProjectMoveKind, RegisterItem } from '../../../api/contract';
import type { ProjectStatus } from '../../../core/party/project-state';
import { dayString } from '../../../core/time';
import { useT } from '../../i18n/locale-context';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';

export function ProjectMoves({ item, onMoved }: { item: RegisterItem; onMoved(): void }) {
  const t = useT();
  const move = useApiCall('party.moveProject');
  const [open, setOpen] = useState<{ kind: ProjectMoveKind; seen: ProjectStatus } | null>(null);
  const [on, setOn] = useState(() => dayString(Date.now()));
  const [spent, setSpent] = useState(String(Number(item.row.budgetFen ?? 0) / 100));
  const [note, setNote] = useState('');

  const waiting =
    item.row.status === 'planned' && !item.row.approved ? (
      <p className="muted" data-testid="project-waiting">
        {t('party.project.waiting')}
      </p>
    ) : null;
  if (item.moves.length === 0) return waiting;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!open) return;
    const common = { projectId: item.row.id, expectedStatus: open.seen };
    const answer = await move.run(
      open.kind === 'approve'
        ? { ...common, move: { kind: 'approve', note: note || null } }
        : open.kind === 'start'
          ? { ...common, move: { kind: 'start', on } }
          : open.kind === 'finish'
            ? {
                ...common,
                move: { kind: 'finish', on, spentYuan: Number(spent), resultNote: note },
              }
            : { ...common, move: { kind: 'cancel', reason: note } },
    );
    if (answer) {
      setOpen(null);
      setNote('');
      onMoved();
    }
  }

  return (
    <div className="project-moves" data-testid="project-moves">
      {waiting}
      <div className="project-moves__buttons">
        {item.moves.map((kind) => (
          <button
            key={kind}
            type="button"
            className={kind === 'cancel' ? 'button' : 'button button--primary'}
            aria-pressed={open?.kind === kind}
            onClick={() => {
              move.reset();
              setOpen({ kind, seen: item.row.status as ProjectStatus });
            }}
            data-testid={`project-${kind}`}
          >
            {t(`party.project.${kind}`)}
          </button>
        ))}
      </div>
      {open ? (
        <form className="form" onSubmit={submit} data-testid="project-move-form">
          {open.kind === 'start' || open.kind === 'finish' ? (
            <FieldRow label={t('party.project.on')}>
              <input
                className="input"
                type="date"
                value={on}
                onChange={(e) => setOn(e.target.value)}
                data-testid="project-on"
              />
            </FieldRow>
          ) : null}
          {open.kind === 'finish' ? (
            <FieldRow label={t('party.project.spent')}>
              <input
                className="input"
                type="number"
                min={0}
                step="0.01"
                value={spent}
                onChange={(e) => setSpent(e.target.value)}
                data-testid="project-spent"
              />
            </FieldRow>
          ) : null}
          {open.kind !== 'start' ? (
            <FieldRow
              label={t(
                open.kind === 'finish'
                  ? 'party.project.result'
                  : open.kind === 'cancel'
                    ? 'party.project.reason'
                    : 'party.project.note',
              )}
            >
              <textarea
                className="input"
                rows={2}
                autoFocus
                value={note}
                onChange={(e) => setNote(e.target.value)}
                data-testid="project-note"
              />
            </FieldRow>
          ) : null}
          <ErrorLine error={move.error} testId="project-move-error" />
          <FormActions
            working={move.working}
            submitLabel={t('party.project.confirm')}
            submitTestId="project-move-submit"
            onCancel={() => setOpen(null)}
            cancelLabel={t('party.cancel')}
          />
        </form>
      ) : null}
    </div>
  );
}
