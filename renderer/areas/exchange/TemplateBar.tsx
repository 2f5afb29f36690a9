import { useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { useT } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { useApiCall } from '../../ui/useApiCall';
import { FieldRow } from '../../ui/FieldRow';

interface Props {
  kind: 'cases' | 'staff';
  mapping: Record<string, string>;
  onApply(mapping: Record<string, string>): void;
}

/** Column-mapping templates, one per city source: apply one, or save the mapping on screen. */
export function TemplateBar({ kind, mapping, onApply }: Props) {
  const t = useT();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const templates = useApiQuery('exchange.templates', {});
  const save = useApiCall('exchange.templates.save');
  const mine = (templates.data ?? []).filter((tpl) => tpl.kind === kind);
  return (
    <div className="exchange__templates">
      <FieldRow label={t('exchange.template.label')}>
        <select
          defaultValue=""
          onChange={(e) => {
            const chosen = mine.find((tpl) => String(tpl.id) === e.target.value);
            onApply(chosen ? chosen.mapping : {});
          }}
        >
          <option value="">{t('exchange.template.none')}</option>
          {mine.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.sourceName}
            </option>
          ))}
        </select>
      </FieldRow>
      <form
        className="exchange__template-save"
        onSubmit={(event) => {
          event.preventDefault();
          const sourceName = name.trim();
          if (!sourceName) return;
          void save.run({ sourceName, kind, mapping }).then((tpl) => {
            if (!tpl) return;
            setSaved(tpl.sourceName);
            templates.refresh();
          });
        }}
      >
        <input
          className="input"
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('exchange.template.sourceName')}
          aria-label={t('exchange.template.sourceName')}
        />
        <button
          type="submit"
          className="button"
          disabled={save.working || name.trim() === '' || Object.keys(mapping).length === 0}
        >
          {t('exchange.template.save')}
        </button>
        {saved ? (
          <span className="muted">{t('exchange.template.saved', { name: saved })}</span>
        ) : null}
      </form>
      {save.error ? <ErrorState error={save.error} /> : null}
    </div>
  );
}
