import { useState } from 'react';
import { useT } from '../../i18n/locale-context';
import { WeightsDialog } from '../ranking/WeightsDialog';
// The dialog's own styles live with the ranking page, which may not have been opened yet.
import '../ranking/ranking.css';

/** 评价权重与分级: the ranking's own dialog, opened from the settings too. */
export function WeightsPanel() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="settings-inline">
      <button
        type="button"
        className="button"
        onClick={() => setOpen(true)}
        data-testid="settings-open-weights"
      >
        {t('settings.weights.open')}
      </button>
      {open ? <WeightsDialog onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
