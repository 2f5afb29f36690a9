import type { ReactNode } from 'react';
import type { AgendaCase, WeeklyAgenda } from '../../../api/contract';
import { TIERS } from '../../../core/ranking/weight-set';
import { useLocale } from '../../i18n/locale-context';
import { formatRate, formatScore } from '../ranking/figures';
import { TierChip } from '../ranking/TierChip';
import type { Slide } from './meeting-slides';
import { signedChange, weekLabel } from './week-words';

/** One page of meeting mode. */
export function MeetingSlide({ slide, agenda }: { slide: Slide; agenda: WeeklyAgenda }) {
  const { t, format } = useLocale();
  switch (slide.kind) {
    case 'cover': {
      const tiers = TIERS.map(
        (tier) => [tier, agenda.figures.filter((r) => r.tier === tier).length] as const,
      );
      const open = [...agenda.carriedItems, ...agenda.items].filter((i) => i.status !== 'done');
      return (
        <div className="meeting__cover">
          <p className="meeting__date">{format.headingDate(agenda.asOf)}</p>
          <div className="meeting__figures">
            <Figure label={`${t('weekly.mode.tiers')}（${weekLabel(t, agenda.figuresWeek.key)}）`}>
              {tiers.map(([tier, n]) => (
                <span key={tier} className="meeting__tier">
                  <TierChip tier={tier} large /> <strong>{n}</strong>
                </span>
              ))}
            </Figure>
            <Figure label={t('weekly.mode.overdueCases')} alarming={agenda.overdue.total > 0}>
              <strong>{format.count(agenda.overdue.total)}</strong> {t('weekly.mode.unit')}
            </Figure>
            <Figure label={t('weekly.mode.escalated')}>
              <strong>{format.count(agenda.escalated.length)}</strong> {t('weekly.mode.unit')}
            </Figure>
            <Figure label={t('weekly.mode.supervised')}>
              <strong>{format.count(agenda.supervised.length)}</strong> {t('weekly.mode.unit')}
            </Figure>
            <Figure label={t('weekly.mode.openItems')}>
              <strong>{format.count(open.length)}</strong> {t('weekly.mode.itemsUnit')}
              <span className="meeting__sub">
                {t('weekly.mode.overdueItems')} {open.filter((i) => i.status === 'overdue').length}
              </span>
            </Figure>
          </div>
        </div>
      );
    }
    case 'figures':
      return (
        <table className="meeting__table">
          <thead>
            <tr>
              <th>{t('weekly.column.rank')}</th>
              <th>{t('weekly.column.community')}</th>
              <th>{t('weekly.column.tier')}</th>
              <th className="num">{t('weekly.column.score')}</th>
              <th className="num">{t('weekly.column.change')}</th>
              <th className="num">{t('weekly.column.onTimeRate')}</th>
              <th className="num">{t('weekly.column.due')}</th>
            </tr>
          </thead>
          <tbody>
            {slide.rows.map((row) => {
              const change =
                row.score !== null && row.previousScore !== null
                  ? row.score - row.previousScore
                  : null;
              return (
                <tr key={row.unitCode} className={`ranking-row--${row.tier ?? 'none'}`}>
                  <td>{row.rank ?? '—'}</td>
                  <td>{row.unitName}</td>
                  <td>
                    <TierChip tier={row.tier} />
                  </td>
                  <td className="num meeting__score">{formatScore(row.score)}</td>
                  <td className="num">{change === null ? '—' : signedChange(change)}</td>
                  <td className="num">{formatRate(row.rates.onTimeRate)}</td>
                  <td className="num">{row.counts.due}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      );
    case 'overdue':
      return slide.cases.length === 0 ? (
        <p className="meeting__empty">{t('weekly.overdue.none')}</p>
      ) : (
        <CaseRows cases={slide.cases} asOf={agenda.asOf} />
      );
    case 'flagged':
      return (
        <>
          <h2 className="meeting__subhead">
            {t(slide.flag === 'escalated' ? 'weekly.escalated' : 'weekly.supervised')}
          </h2>
          {slide.cases.length === 0 ? (
            <p className="meeting__empty">{t('weekly.mode.nothing')}</p>
          ) : (
            <CaseRows cases={slide.cases} asOf={agenda.asOf} />
          )}
        </>
      );
    case 'items':
      return slide.items.length === 0 ? (
        <p className="meeting__empty">
          {t(slide.section === 4 ? 'weekly.items.none' : 'weekly.items.noneThisWeek')}
        </p>
      ) : (
        <table className="meeting__table">
          <thead>
            <tr>
              <th>{t('weekly.item.title')}</th>
              <th>{t('weekly.item.lead')}</th>
              <th>{t('weekly.item.owner')}</th>
              <th>{t('weekly.item.due')}</th>
              <th>{t('weekly.item.status')}</th>
            </tr>
          </thead>
          <tbody>
            {slide.items.map((item) => (
              <tr key={item.id}>
                <td className="meeting__clip">{item.title}</td>
                <td className="meeting__clip">{item.leadUnit.name}</td>
                <td>{item.owner}</td>
                <td>{item.dueDay.slice(5)}</td>
                <td>
                  <span className={`wk-status wk-status--${item.status}`}>
                    {t(`weekly.status.${item.status}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

function Figure({
  label,
  children,
  alarming = false,
}: {
  label: string;
  children: ReactNode;
  alarming?: boolean;
}) {
  return (
    <div className={`meeting__figure${alarming ? ' meeting__figure--alarming' : ''}`}>
      <span className="meeting__figure-label">{label}</span>
      <span className="meeting__figure-value">{children}</span>
    </div>
  );
}

function CaseRows({ cases, asOf }: { cases: readonly AgendaCase[]; asOf: number }) {
  const { t, format } = useLocale();
  return (
    <table className="meeting__table">
      <thead>
        <tr>
          <th>{t('weekly.column.category')}</th>
          <th>{t('weekly.column.community')}</th>
          <th>{t('weekly.column.unit')}</th>
          <th>{t('weekly.column.overdue')}</th>
          <th>{t('weekly.column.caseNo')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td className="meeting__clip">{c.categoryName}</td>
            <td className="meeting__clip">{c.communityName ?? '—'}</td>
            <td className="meeting__clip">{c.leadUnitName ?? '—'}</td>
            <td className="meeting__overdue">
              {c.dueAt !== null && c.dueAt < asOf ? format.duration(asOf - c.dueAt) : '—'}
            </td>
            <td className="meeting__case-no">{c.caseNo}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
