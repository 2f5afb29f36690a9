import type { ImportPreview } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { TemplateBar } from './TemplateBar';
import { Panel } from '../../ui/Panel';
import { FieldRow } from '../../ui/FieldRow';

interface Props {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onMapping(mapping: Record<string, string>): void;
  onSheet(sheet: string): void;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * The first rows of the file under its header, with the field each column goes to: the
 * detected mapping, editable per column (and saved as the source's template).
 */
export function ImportPreviewView({ preview, mapping, onMapping, onSheet }: Props) {
  const { t, format } = useLocale();
  const facts = [
    t('exchange.preview.facts', {
      name: preview.fileName,
      format: preview.format.toUpperCase(),
      size: sizeText(preview.size),
    }),
    preview.encoding ? t('exchange.preview.encoding', { encoding: preview.encoding }) : null,
    preview.headerRow ? t('exchange.preview.headerRow', { row: preview.headerRow }) : null,
    t('exchange.preview.detected', { kind: t(`exchange.kind.${preview.kind}`) }),
  ].filter(Boolean);

  const choose = (header: string, value: string, detected: string | null) => {
    const next = { ...mapping };
    // Choosing what the aliases found anyway needs no mapping entry.
    if (value === '' || value === detected) delete next[header];
    else next[header] = value;
    onMapping(next);
  };

  return (
    <Panel
      title={t('exchange.preview.title')}
      className="exchange__preview"
      testId="import-preview"
    >
      <p className="exchange__facts" data-testid="preview-facts">
        {facts.join(' · ')}
      </p>
      {preview.sheetNames.length > 1 ? (
        <FieldRow label={t('exchange.preview.sheet')} className="exchange__sheet">
          <select value={preview.sheet ?? ''} onChange={(e) => onSheet(e.target.value)}>
            {preview.sheetNames.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </FieldRow>
      ) : null}
      {preview.kind === 'grids' ? (
        <p className="exchange__note">{t('exchange.preview.gridsNote')}</p>
      ) : null}
      {preview.kind === 'package' ? (
        <>
          <p className="exchange__note">{t('exchange.preview.packageNote')}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('exchange.preview.packageFile')}</th>
                <th>{t('exchange.preview.packageKind')}</th>
                <th>{t('exchange.preview.packageRows')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.packageFiles.map((f) => (
                <tr key={f.path}>
                  <td>{f.path}</td>
                  <td>{t(`exchange.kind.${f.kind}`)}</td>
                  <td>{f.rows ? format.count(f.rows) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {preview.kind === 'cases' || preview.kind === 'staff' ? (
        <>
          <TemplateBar kind={preview.kind} mapping={mapping} onApply={onMapping} />
          {!preview.headerRow && preview.columns.length === 0 ? (
            <p className="exchange__note">{t('exchange.preview.noHeader')}</p>
          ) : null}
          <p className="exchange__caption muted">
            {t('exchange.preview.rowsShown', { count: preview.rows.length })}
          </p>
          <div className="table-scroll exchange__sample">
            <table className="data-table">
              <thead>
                <tr>
                  <th className="exchange__rowno">{t('exchange.preview.row')}</th>
                  {preview.columns.map((c) => (
                    <th key={c.index} title={c.header}>
                      {c.header}
                    </th>
                  ))}
                </tr>
                <tr className="exchange__mapping-row">
                  <th />
                  {preview.columns.map((c) => (
                    <th key={c.index}>
                      <select
                        aria-label={t('exchange.preview.fieldFor', { header: c.header })}
                        className={`exchange__map exchange__map--${c.how}`}
                        value={mapping[c.header] ?? (c.how === 'alias' ? (c.key ?? '') : '')}
                        onChange={(e) =>
                          choose(c.header, e.target.value, c.how === 'alias' ? c.key : null)
                        }
                        data-testid={`map-${c.header}`}
                      >
                        {c.how === 'alias' ? null : (
                          <option value="">{t('exchange.preview.unknown')}</option>
                        )}
                        <option value="ignore">{t('exchange.preview.ignore')}</option>
                        {preview.keys.map((k) => (
                          <option key={k.key} value={k.key}>
                            {k.zh}
                          </option>
                        ))}
                      </select>
                      <span className={`exchange__how exchange__how--${c.how}`}>
                        {t(`exchange.preview.how.${c.how}`)}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <td className="exchange__rowno">{r.row}</td>
                    {r.cells.map((cell, i) => (
                      <td key={i} className="data-table__clip" title={cell}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Panel>
  );
}
