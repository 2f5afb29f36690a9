import { useState } from 'react';
import type { WeightSet } from '../../../core/ranking/weight-set';
import { WEIGHT_KEYS } from '../../../core/ranking/weight-set';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { useApiCall } from '../../ui/useApiCall';

type Draft = {
  weights: Record<string, string>;
  tiers: Record<string, string>;
  grades: Record<string, string>;
};

function draftOf(set: WeightSet): Draft {
  const text = (record: object) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, String(v)]));
  return { weights: text(set.weights), tiers: text(set.tiers), grades: text(set.grades) };
}

/** 评价权重与分级: edit and save a new version (admins); the versions so far. */
export function WeightsDialog({ onClose }: { onClose(): void }) {
  const { t, format } = useLocale();
  const query = useApiQuery('ranking.weights', {}, { refreshOn: ['data.changed'] });
  const [draft, setDraft] = useState<Draft | null>(null);
  const saving = useApiCall('ranking.weights.save');
  const [saved, setSaved] = useState<number | null>(null);
  const current = query.data?.current;
  const shown = draft ?? (current ? draftOf(current) : null);

  const set = (group: keyof Draft, key: string, value: string) => {
    if (!shown) return;
    setSaved(null);
    setDraft({ ...shown, [group]: { ...shown[group], [key]: value } });
  };
  const save = async () => {
    if (!shown) return;
    const n = (value: string | undefined) => Number(value);
    const w = shown.weights;
    const tiers = shown.tiers;
    const g = shown.grades;
    const result = await saving.run({
      weights: Object.fromEntries(WEIGHT_KEYS.map((key) => [key, n(w[key])])) as Record<
        (typeof WEIGHT_KEYS)[number],
        number
      >,
      tiers: { blue: n(tiers.blue), yellow: n(tiers.yellow) },
      grades: { A: n(g.A), B: n(g.B), C: n(g.C), D: n(g.D) },
    });
    if (!result) return;
    setSaved(result.id);
    setDraft(null);
    query.refresh();
  };
  const sum = shown
    ? WEIGHT_KEYS.reduce((total, key) => total + (Number(shown.weights[key]) || 0), 0)
    : 0;

  return (
    <Dialog title={t('ranking.weightsDialog.title')} onClose={onClose} testId="weights-dialog">
      {!shown || !current ? (
        query.error ? (
          <ErrorState error={query.error} onRetry={query.refresh} />
        ) : (
          <LoadingState />
        )
      ) : (
        <div className="form rk-weights">
          <p className="muted">
            {t('ranking.weightsDialog.current', {
              id: current.id,
              time: format.tableDateTime(current.createdAt),
              by: current.createdBy,
            })}
            {' · '}
            {t('ranking.weightsDialog.adminOnly')}
          </p>
          <fieldset className="rk-weights__group">
            <legend>
              {t('ranking.weightsDialog.weights')}{' '}
              <span className={Math.abs(sum - 1) < 1e-9 ? 'muted' : 'rk-weights__bad'}>
                {t('ranking.weightsDialog.sum', { sum: Number(sum.toFixed(6)) })}
              </span>
            </legend>
            {WEIGHT_KEYS.map((key) => (
              <FieldRow key={key} inline label={<>{t(`ranking.weightsDialog.${key}`)}</>}>
                <input
                  type="number"
                  step="0.05"
                  min="0"
                  max="1"
                  value={shown.weights[key]}
                  onChange={(e) => set('weights', key, e.target.value)}
                />
              </FieldRow>
            ))}
          </fieldset>
          <fieldset className="rk-weights__group">
            <legend>{t('ranking.weightsDialog.tiers')}</legend>
            {(['blue', 'yellow'] as const).map((key) => (
              <FieldRow
                key={key}
                inline
                label={
                  <>
                    <span className={`tier-chip tier-chip--${key}`}>
                      <span className="tier-chip__swatch" aria-hidden="true" />
                      {t(`ranking.weightsDialog.${key}`)}
                    </span>
                  </>
                }
              >
                <input
                  type="number"
                  step="0.5"
                  min="0"
                  max="100"
                  value={shown.tiers[key]}
                  onChange={(e) => set('tiers', key, e.target.value)}
                />
              </FieldRow>
            ))}
          </fieldset>
          <fieldset className="rk-weights__group">
            <legend>{t('ranking.weightsDialog.grades')}</legend>
            {(['A', 'B', 'C', 'D'] as const).map((key) => (
              <FieldRow key={key} inline label={<>{key} ≥</>}>
                <input
                  type="number"
                  step="1"
                  min="0"
                  max="100"
                  value={shown.grades[key]}
                  onChange={(e) => set('grades', key, e.target.value)}
                />
              </FieldRow>
            ))}
          </fieldset>
          <ErrorLine error={saving.error} testId="weights-error" />
          {saved !== null ? (
            <p className="rk-weights__saved" role="status">
              {t('ranking.weightsDialog.saved', { id: saved })}
            </p>
          ) : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void save()}
              disabled={draft === null || saving.working}
            >
              {t('ranking.weightsDialog.save')}
            </button>
          </div>
          <h3 className="rk-weights__history-title">{t('ranking.weightsDialog.history')}</h3>
          <ul className="rk-weights__history">
            {query.data!.history.map((set) => (
              <li key={set.id}>
                <strong>
                  {t('ranking.weightsDialog.versionRow', {
                    id: set.id,
                    time: format.tableDateTime(set.createdAt),
                    by: set.createdBy,
                  })}
                </strong>{' '}
                <span className="muted">
                  {WEIGHT_KEYS.map((k) => set.weights[k]).join(' / ')} · {t('tier.blue')} ≥
                  {set.tiers.blue} · {t('tier.yellow')} ≥{set.tiers.yellow}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
