import { useState, type ReactNode } from 'react';
import type { UnitRef, WeeklyAgenda } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';
import { DrillDownDialog } from '../ranking/DrillDownDialog';
import type { DrillTarget } from '../ranking/figures';
import { AgendaCaseTable } from './AgendaCaseTable';
import { AgendaFigures } from './AgendaFigures';
import { DispatchItemForm } from './DispatchItemForm';
import { DispatchItemsTable } from './DispatchItemsTable';
import { MeetingRecordForm } from './MeetingRecordForm';
import { OverdueByAge } from './OverdueByAge';
import { weekLabel, weekSpan } from './week-words';
import { Panel } from '../../ui/Panel';
import { AgendaWishes } from './AgendaWishes';
import { AgendaParty } from './AgendaParty';

function Section({
  title,
  meta,
  children,
  testId,
}: {
  title: string;
  meta?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Panel title={title} className="wk-section" testId={testId} meta={meta}>
      <div className="wk-section__body">{children}</div>
    </Panel>
  );
}

/** The agenda on the desk's screen: figures, overdue, escalated and supervised, items, the record. */
export function AgendaView({
  agenda,
  units,
  now,
  onChanged,
}: {
  agenda: WeeklyAgenda;
  units: ReadonlyArray<UnitRef & { kind: string }>;
  now: number;
  onChanged(): void;
}) {
  const { t, format } = useLocale();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [linked, setLinked] = useState('');
  const link = (caseNo: string) =>
    setLinked((value) =>
      value.split(/[\s,，、]+/).includes(caseNo) ? value : `${value} ${caseNo}`.trim(),
    );
  return (
    <div className="wk-agenda">
      <Section
        title={t('weekly.section.figures')}
        meta={t('weekly.section.figuresHint', {
          week: weekLabel(t, agenda.figuresWeek.key),
          span: weekSpan(t, format, agenda.figuresWeek),
        })}
        testId="section-figures"
      >
        <AgendaFigures agenda={agenda} onDrill={setDrill} />
      </Section>
      <Section
        title={t('weekly.section.overdue')}
        meta={t('weekly.section.overdueTotal', { count: format.count(agenda.overdue.total) })}
        testId="section-overdue"
      >
        <OverdueByAge agenda={agenda} onLink={link} />
      </Section>
      <Section title={t('weekly.section.flagged')} testId="section-flagged">
        <div className="wk-flagged">
          <div>
            <h3 className="wk-subtitle">
              {t('weekly.escalated')}{' '}
              <span className="muted">{format.count(agenda.escalated.length)}</span>
            </h3>
            {agenda.escalated.length === 0 ? (
              <EmptyState message={t('weekly.flagged.none')} />
            ) : (
              <AgendaCaseTable
                cases={agenda.escalated}
                asOf={agenda.asOf}
                onLink={link}
                testId="escalated-cases"
              />
            )}
          </div>
          <div>
            <h3 className="wk-subtitle">
              {t('weekly.supervised')}{' '}
              <span className="muted">{format.count(agenda.supervised.length)}</span>
            </h3>
            {agenda.supervised.length === 0 ? (
              <EmptyState message={t('weekly.flagged.none')} />
            ) : (
              <AgendaCaseTable
                cases={agenda.supervised}
                asOf={agenda.asOf}
                onLink={link}
                testId="supervised-cases"
              />
            )}
          </div>
        </div>
      </Section>
      <Section title={t('weekly.section.wishes')} testId="section-wishes">
        <AgendaWishes wishes={agenda.wishes} />
      </Section>
      <Section title={t('weekly.section.party')} testId="section-party">
        <AgendaParty party={agenda.party} reviewedWeek={agenda.figuresWeek.key} />
      </Section>
      <Section
        title={t('weekly.section.carried')}
        meta={t('weekly.section.carriedHint')}
        testId="section-carried"
      >
        {agenda.carriedItems.length === 0 ? (
          <EmptyState message={t('weekly.items.none')} />
        ) : (
          <DispatchItemsTable
            items={agenda.carriedItems}
            showWeek
            onChanged={onChanged}
            testId="carried-items"
          />
        )}
      </Section>
      <Section title={t('weekly.section.items')} testId="section-items">
        {agenda.items.length === 0 ? (
          <EmptyState message={t('weekly.items.noneThisWeek')} />
        ) : (
          <DispatchItemsTable
            items={agenda.items}
            showWeek={false}
            onChanged={onChanged}
            testId="meeting-items"
          />
        )}
        <DispatchItemForm
          week={agenda.week.key}
          units={units}
          now={now}
          linked={linked}
          onLinkedChange={setLinked}
          onCreated={onChanged}
        />
      </Section>
      <Section title={t('weekly.section.meeting')} testId="section-meeting">
        <MeetingRecordForm
          key={`${agenda.week.key}:${agenda.meeting?.heldAt ?? ''}`}
          week={agenda.week.key}
          meeting={agenda.meeting}
          now={now}
          onSaved={onChanged}
        />
      </Section>
      {drill ? (
        <DrillDownDialog
          target={drill}
          period={agenda.figuresWeek.key}
          level="community"
          bulletinId={null}
          bulletinVersion={null}
          onClose={() => setDrill(null)}
        />
      ) : null}
    </div>
  );
}
