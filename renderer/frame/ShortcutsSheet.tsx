import { useT } from '../i18n/locale-context';
import { Dialog } from '../ui/Dialog';
import { AREAS } from './areas';

/** The case board's keys (renderer/areas/cases): search, new case, view, arrows, moves. */
const CASE_KEYS = [
  [['/'], 'cases.keys.search'],
  [['N'], 'cases.keys.new'],
  [['V'], 'cases.keys.view'],
  [['↑', '↓', '←', '→'], 'cases.keys.arrows'],
  [['Enter'], 'cases.keys.open'],
  [['1', '…', '9'], 'cases.keys.moves'],
  [['1', '…', '9'], 'cases.keys.standard'],
  [['Ctrl', 'Enter'], 'cases.keys.submit'],
] as const;

/** The `?` sheet: only the shortcuts that exist now. */
export function ShortcutsSheet({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <Dialog
      title={t('shortcuts.title')}
      onClose={onClose}
      testId="shortcuts-sheet"
      actions={
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('shortcuts.close')} <kbd>Esc</kbd>
        </button>
      }
    >
      <table className="shortcut-table">
        <tbody>
          {AREAS.map((area) => (
            <tr key={area.key}>
              <td className="shortcut-table__keys">
                <kbd>G</kbd> <span className="shortcut-table__then">{t('shortcuts.then')}</span>{' '}
                <kbd>{area.shortcut.toUpperCase()}</kbd>
              </td>
              <td>{t('shortcuts.goTo', { area: t(`area.${area.key}.title`) })}</td>
            </tr>
          ))}
          <tr>
            <td className="shortcut-table__keys">
              <kbd>?</kbd>
            </td>
            <td>{t('shortcuts.toggleSheet')}</td>
          </tr>
          <tr>
            <td className="shortcut-table__keys">
              <kbd>Esc</kbd>
            </td>
            <td>{t('shortcuts.closeSheet')}</td>
          </tr>
          {CASE_KEYS.map(([keys, what]) => (
            <tr key={what}>
              <td className="shortcut-table__keys">
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </td>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sheet__note">{t('shortcuts.moreLater')}</p>
    </Dialog>
  );
}
