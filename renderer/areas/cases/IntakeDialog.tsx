import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RelatedCase } from '../../../api/contract';
import { maskPhone } from '../../../core/cases/personal-data';
import { CASE_SOURCES, type CaseSource } from '../../../core/glossary';
import { getApi } from '../../api/client';
import { useLocale } from '../../i18n/locale-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorLine } from '../../ui/ErrorLine';
import { FieldRow } from '../../ui/FieldRow';
import { FormActions } from '../../ui/FormActions';
import { useApiCall } from '../../ui/useApiCall';
import { ComboBox } from './ComboBox';
import { StandardChoice, chosenStandard } from './StandardChoice';
import type { Lookups } from './useCaseLookups';

const SOURCE_KEY = 'griddesk.intake.source';
const CRS = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'] as const;

function lastSource(): CaseSource {
  try {
    const stored = window.localStorage.getItem(SOURCE_KEY);
    if (stored && (CASE_SOURCES as readonly string[]).includes(stored)) return stored as CaseSource;
  } catch {
    // No storage: the hotline is the usual caller.
  }
  return 'hotline_12345';
}

function parsePoint(text: string): { lng: number; lat: number } | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  return m ? { lng: Number(m[1]), lat: Number(m[2]) } : null;
}

/**
 * 快速登记: a phone call into a case in under a minute, keyboard only. Fields in the order
 * the caller says them; Ctrl+Enter registers; a likely duplicate is shown before that.
 */
export function IntakeDialog({
  lookups,
  onClose,
  onCreated,
}: {
  lookups: Lookups | null;
  onClose(): void;
  onCreated(id: number, caseNo: string): void;
}) {
  const { t, format } = useLocale();
  const [source, setSource] = useState<CaseSource>(lastSource);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  // The 立案条件 picked; another category's pick falls back to that category's first.
  const [pickedStandard, setPickedStandard] = useState<number | null>(null);
  const [placeCode, setPlaceCode] = useState<string | null>(null);
  const [pointText, setPointText] = useState('');
  const [crs, setCrs] = useState<(typeof CRS)[number]>('WGS84');
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [reporter, setReporter] = useState('');
  const [phone, setPhone] = useState('');
  const [registerNow, setRegisterNow] = useState(true);
  const [duplicates, setDuplicates] = useState<{ key: string; rows: RelatedCase[] }>({
    key: '',
    rows: [],
  });
  const [located, setLocated] = useState<{ key: string; name: string | null }>({
    key: '',
    name: null,
  });
  // One case per Ctrl+Enter, however often it is pressed while the first is on its way.
  const create = useApiCall('cases.create');
  const point = parsePoint(pointText);
  const standards = lookups?.standardsFor(categoryCode) ?? [];
  const standard = chosenStandard(standards, pickedStandard);
  const pointInput = point ? { ...point, crs } : null;

  // Where a typed point falls, said at once; answers are kept with the question they answer.
  const locateKey = pointInput ? `${pointInput.lng},${pointInput.lat},${crs}` : '';
  useEffect(() => {
    if (!locateKey) return;
    const [lng, lat] = locateKey.split(',').map(Number);
    const timer = setTimeout(() => {
      getApi()
        .call('cases.locate', { lng: lng!, lat: lat!, crs })
        .then((r) => setLocated({ key: locateKey, name: r.found?.gridName ?? null }))
        .catch(() => setLocated({ key: locateKey, name: null }));
    }, 250);
    return () => clearTimeout(timer);
  }, [locateKey, crs]);
  const locatedName = located.key === locateKey ? located.name : null;

  // The duplicate check: same category, open, within 50 m (or the same grid) and 24 h.
  const duplicateKey =
    categoryCode && (placeCode || pointInput)
      ? JSON.stringify([categoryCode, pointInput ? null : placeCode, pointInput])
      : '';
  useEffect(() => {
    if (!duplicateKey) return;
    const [category, place, point] = JSON.parse(duplicateKey) as [
      string,
      string | null,
      { lng: number; lat: number; crs: (typeof CRS)[number] } | null,
    ];
    const timer = setTimeout(() => {
      getApi()
        .call('cases.duplicates', { categoryCode: category, placeCode: place, point })
        .then((rows) => setDuplicates({ key: duplicateKey, rows }))
        .catch(() => setDuplicates({ key: duplicateKey, rows: [] }));
    }, 250);
    return () => clearTimeout(timer);
  }, [duplicateKey]);
  const duplicateRows = duplicates.key === duplicateKey && duplicateKey ? duplicates.rows : [];

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const created = await create.run({
      source,
      categoryCode: categoryCode ?? '',
      urgency: urgent ? 'urgent' : 'normal',
      description,
      address: address || null,
      placeCode,
      point: pointInput,
      reporter: reporter || null,
      phone: phone || null,
      registerNow,
      standardId: standard?.id ?? null,
    });
    if (!created) return;
    try {
      window.localStorage.setItem(SOURCE_KEY, source);
    } catch {
      // Remembering the source is a convenience only.
    }
    onCreated(created.id, created.caseNo);
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };
  const placeIsGrid = duplicateRows.some((d) => d.distanceM == null);

  return (
    <Dialog title={t('cases.intake.title')} onClose={onClose} testId="intake-dialog" size="wide">
      <form className="form intake" onSubmit={submit} onKeyDown={onKeyDown}>
        <div className="intake__grid">
          {/* The category and, under it, its 立案条件: Tab goes from one to the other. */}
          <div className="intake__category">
            <ComboBox
              label={t('cases.intake.category')}
              hint={t('cases.intake.categoryHint')}
              options={lookups?.categoryOptions ?? []}
              value={categoryCode}
              onChange={setCategoryCode}
              describe={(o) => `${o.majorName} · ${o.code}`}
              testId="intake-category"
              autoFocus
            />
            {standards.length > 1 ? (
              <StandardChoice
                options={standards}
                value={standard}
                onChange={setPickedStandard}
                testId="intake-standard"
              />
            ) : null}
          </div>
          <ComboBox
            label={t('cases.intake.place')}
            hint={t('cases.intake.placeHint')}
            options={lookups?.placeOptions ?? []}
            value={placeCode}
            onChange={setPlaceCode}
            describe={(o) =>
              o.level === 'community'
                ? t('cases.filter.community')
                : (lookups?.placeName(o.communityCode) ?? '')
            }
            testId="intake-place"
          />
          <FieldRow
            label={t('cases.intake.point')}
            hint={
              pointText && !point
                ? t('cases.intake.pointBad')
                : locatedName
                  ? t('cases.intake.located', { place: locatedName })
                  : ''
            }
          >
            <span className="intake__point">
              <input
                value={pointText}
                onChange={(e) => setPointText(e.target.value)}
                placeholder={t('cases.intake.pointHint')}
                data-testid="intake-point"
              />
              <select
                value={crs}
                onChange={(e) => setCrs(e.target.value as (typeof CRS)[number])}
                aria-label={t('cases.intake.crs')}
              >
                {CRS.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </span>
          </FieldRow>
          <FieldRow label={t('cases.intake.source')}>
            <select
              value={source}
              onChange={(e) => setSource(e.target.value as CaseSource)}
              data-testid="intake-source"
            >
              {CASE_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`cases.source.${s}`)}
                </option>
              ))}
            </select>
          </FieldRow>
          <FieldRow label={t('cases.intake.address')} className="intake__wide">
            <input
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              data-testid="intake-address"
            />
          </FieldRow>
          <FieldRow label={t('cases.intake.description')} className="intake__wide">
            <textarea
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              rows={2}
              data-testid="intake-description"
            />
          </FieldRow>
          <FieldRow label={t('cases.intake.reporter')}>
            <input
              value={reporter}
              onChange={(e) => setReporter(e.target.value)}
              data-testid="intake-reporter"
            />
          </FieldRow>
          <FieldRow
            label={t('cases.intake.phone')}
            hint={
              phone.trim()
                ? t('cases.intake.phoneShown', {
                    masked: maskPhone(phone.replace(/\s+/g, '')) ?? '',
                  })
                : ''
            }
          >
            <input
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              inputMode="tel"
              data-testid="intake-phone"
            />
          </FieldRow>
        </div>
        <div className="intake__checks">
          <label>
            <input
              type="checkbox"
              checked={urgent}
              onChange={(e) => setUrgent(e.target.checked)}
              data-testid="intake-urgent"
            />{' '}
            {t('cases.intake.urgent')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={registerNow}
              onChange={(e) => setRegisterNow(e.target.checked)}
              data-testid="intake-register"
            />{' '}
            {t('cases.intake.registerNow')}
          </label>
        </div>
        {duplicateRows.length > 0 ? (
          <div className="intake__duplicates" role="status" data-testid="intake-duplicates">
            <strong>
              {placeIsGrid ? t('cases.intake.duplicatesGrid') : t('cases.intake.duplicatesTitle')}
            </strong>
            <ul>
              {duplicateRows.map((d) => (
                <li key={d.id}>
                  <span className="mono">{d.caseNo}</span> {t(`caseState.${d.state}`)} · {d.address}{' '}
                  · {format.tableDateTime(d.reportedAt)}
                  {d.distanceM != null
                    ? ` · ${t('cases.detail.distance', { metres: d.distanceM })}`
                    : ''}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <ErrorLine error={create.error} testId="intake-error" />
        <FormActions
          working={create.working}
          submitTestId="intake-submit"
          submitLabel={
            <>
              {t('cases.intake.submit')} <kbd>Ctrl+Enter</kbd>
            </>
          }
          onCancel={onClose}
          cancelLabel={
            <>
              {t('session.cancel')} <kbd>Esc</kbd>
            </>
          }
          before={<span className="muted intake__hint">{t('cases.intake.submitHint')}</span>}
        />
      </form>
    </Dialog>
  );
}
