/**
 * The desktop app's first screen (issue 13): a new desk on this machine, or a seat of the
 * centre's host: its address, the fingerprint of the certificate it shows (to compare with
 * the host's settings screen), then the join. Nothing of a street is shown here.
 */
import { useState, type FormEvent } from 'react';
import type { DeskChooser, ProbedHost } from '../../api/contract';
import { GateCard } from './GateCard';
import { useT } from '../i18n/locale-context';
import { ErrorLine } from '../ui/ErrorLine';
import { useAction } from '../ui/useApiCall';

export function DeskChoicePage({ chooser }: { chooser: DeskChooser }) {
  const t = useT();
  const [address, setAddress] = useState('');
  const [probed, setProbed] = useState<ProbedHost | null>(null);
  const [same, setSame] = useState(false);
  const [opening, setOpening] = useState(false);
  const local = useAction();
  const probe = useAction();
  const join = useAction();
  // One way at a time: the other waits while one is being made.
  const acting = local.working || join.working;

  async function readFingerprint(event: FormEvent) {
    event.preventDefault();
    setProbed(null);
    setSame(false);
    const host = await probe.run(() => chooser.probe(address));
    if (host) setProbed(host);
  }

  async function joinHost() {
    if (!probed || !same) return;
    const ok = await join.run(async () => {
      await chooser.join(probed);
      return true;
    });
    if (ok) setOpening(true);
  }

  async function createLocal() {
    const ok = await local.run(async () => {
      await chooser.createLocal();
      return true;
    });
    if (ok) setOpening(true);
  }

  return (
    <GateCard
      id="desk-choice-title"
      title={t('desk.title')}
      subtitle={<p className="form__hint">{t('desk.hint')}</p>}
      className="desk-choice"
      testId="desk-choice"
    >
      {opening ? (
        <p role="status" data-testid="desk-opening">
          {t('desk.opening')}
        </p>
      ) : (
        <div className="desk-choice__options">
          <section className="desk-choice__option">
            <h2>{t('desk.localTitle')}</h2>
            <p>{t('desk.localText')}</p>
            <ErrorLine error={local.error} />
            <button
              type="button"
              className="button button--primary"
              disabled={acting}
              onClick={() => void createLocal()}
              data-testid="desk-create-local"
            >
              {t('desk.localButton')}
            </button>
          </section>
          <section className="desk-choice__option">
            <h2>{t('desk.joinTitle')}</h2>
            <p>{t('desk.joinText')}</p>
            <form className="desk-choice__probe" onSubmit={readFingerprint}>
              <label>
                {t('desk.address')}
                <input
                  className="input"
                  value={address}
                  placeholder="192.168.1.20:8443"
                  onChange={(e) => setAddress(e.target.value)}
                  data-testid="desk-address"
                />
              </label>
              <button
                type="submit"
                className="button"
                disabled={probe.working || !address.trim()}
                data-testid="desk-probe"
              >
                {t('desk.probe')}
              </button>
            </form>
            <ErrorLine error={probe.error} testId="desk-probe-error" />
            {probed ? (
              <div className="desk-choice__fingerprint">
                <p className="panel__meta">
                  {t('desk.fingerprint')} · {probed.url}
                </p>
                <code data-testid="desk-fingerprint">{probed.fingerprint}</code>
                <p className="form__hint">{t('desk.compare')}</p>
                <label className="settings-inline__field">
                  <input
                    type="checkbox"
                    checked={same}
                    onChange={(e) => setSame(e.target.checked)}
                    data-testid="desk-same"
                  />
                  {t('desk.same')}
                </label>
                <ErrorLine error={join.error} testId="desk-join-error" />
                <button
                  type="button"
                  className="button button--primary"
                  disabled={!same || acting}
                  onClick={() => void joinHost()}
                  data-testid="desk-join"
                >
                  {t('desk.join')}
                </button>
              </div>
            ) : null}
          </section>
        </div>
      )}
    </GateCard>
  );
}
