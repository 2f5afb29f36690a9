import type { CaseDetail } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { placeLabel } from './CaseMarks';

/** 基本信息: what the case is, where, who reported it (masked where the role says so), who has it. */
export function CaseFields({ detail }: { detail: CaseDetail }) {
  const { t, format } = useLocale();
  const time = (ms: number | null) => (ms == null ? '—' : format.tableDateTime(ms));
  const masked = detail.personalDataMasked ? (
    <span className="muted"> {t('cases.detail.masked')}</span>
  ) : null;
  const lead = detail.units.filter((u) => u.role === 'lead');
  const assists = detail.units.filter((u) => u.role === 'assist');
  const rows: Array<[string, React.ReactNode]> = [
    [
      t('cases.detail.category'),
      `${detail.majorName} / ${detail.categoryName}（${detail.categoryCode}）`,
    ],
    [t('cases.detail.source'), t(`cases.source.${detail.source}`)],
    [t('cases.detail.urgency'), t(`cases.urgency.${detail.urgency}`)],
    [
      t('cases.detail.place'),
      placeLabel(detail.communityName, detail.gridName) || t('cases.card.noPlace'),
    ],
    [t('cases.detail.address'), detail.address ?? '—'],
    [
      t('cases.detail.point'),
      detail.lng != null && detail.lat != null
        ? `${detail.lng.toFixed(6)}, ${detail.lat.toFixed(6)}`
        : '—',
    ],
    [t('cases.detail.description'), detail.description ?? '—'],
    [
      t('cases.detail.reporter'),
      <span data-testid="detail-reporter">
        {detail.reporter ?? '—'}
        {detail.reporter ? masked : null}
      </span>,
    ],
    [
      t('cases.detail.phone'),
      <span data-testid="detail-phone">
        {detail.phone ?? '—'}
        {detail.phone ? masked : null}
      </span>,
    ],
    [
      t('cases.detail.units'),
      lead.length + assists.length === 0
        ? t('cases.detail.noUnit')
        : [
            ...lead.map((u) =>
              t('cases.detail.unitLine', { role: t('cases.detail.lead'), names: u.unitName }),
            ),
            ...(assists.length
              ? [
                  t('cases.detail.unitLine', {
                    role: t('cases.detail.assist'),
                    names: assists.map((u) => u.unitName).join('、'),
                  }),
                ]
              : []),
          ].join('；'),
    ],
    [t('cases.detail.reportedAt'), time(detail.reportedAt)],
    [t('cases.detail.registeredAt'), time(detail.registeredAt)],
    [t('cases.detail.dispatchedAt'), time(detail.dispatchedAt)],
    [t('cases.detail.arrivedAt'), time(detail.arrivedAt)],
    [t('cases.detail.handledAt'), time(detail.handledAt)],
    [t('cases.detail.closedAt'), time(detail.closedAt ?? detail.voidedAt)],
  ];
  if (detail.cityDueAt != null) rows.push([t('cases.detail.cityDue'), time(detail.cityDueAt)]);
  if (detail.cityDeadlineHours != null)
    rows.push([
      t('cases.detail.cityDue'),
      t('cases.detail.cityHours', { hours: detail.cityDeadlineHours }),
    ]);
  if (detail.suspendedMs > 0)
    rows.push([
      '',
      t('cases.detail.suspendedFor', { duration: format.duration(detail.suspendedMs) }),
    ]);
  if (detail.reworkCount + detail.extensionCount > 0)
    rows.push([
      '',
      t('cases.detail.counts', { rework: detail.reworkCount, extension: detail.extensionCount }),
    ]);
  if (detail.handlerName) rows.push([t('cases.detail.handler'), detail.handlerName]);
  if (detail.resultNote) rows.push([t('cases.detail.result'), detail.resultNote]);
  if (detail.verifierName) rows.push([t('cases.detail.verifier'), detail.verifierName]);
  if (detail.voidReason) rows.push([t('cases.detail.voidReason'), detail.voidReason]);
  if (detail.satisfaction)
    rows.push([t('cases.detail.satisfaction'), t(`cases.satisfaction.${detail.satisfaction}`)]);
  return (
    <section className="detail__section">
      <h3 className="detail__heading">{t('cases.detail.fields')}</h3>
      <dl className="fields">
        {rows.map(([label, value], i) => (
          <div key={i} className="fields__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
