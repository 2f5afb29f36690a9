/** The English dictionary: typed as `Dictionary`, so it has exactly the zh-CN keys. */
import type { Dictionary } from './zh-CN';
import { sessionMessagesEn } from '../session/messages';
import { seatMessagesEn } from '../session/seat-messages';
import { deskMessagesEn } from '../session/desk-messages';
import { partyMessagesEn } from '../areas/party/messages';
import { registerMessagesEn } from '../areas/party/register-messages-en';
import { casesMessagesEn } from '../areas/cases/messages-en';
import { settingsMessagesEn } from '../areas/settings/messages';
import { backupMessagesEn } from '../areas/settings/backup-messages';
import { mapMessagesEn } from '../areas/map/messages';
import { rankingMessagesEn } from '../areas/ranking/messages';
import { weeklyMessagesEn } from '../areas/weekly/messages';
import { exchangeMessagesEn } from '../areas/exchange/messages';
import { moveMessagesEn } from '../ui/move-names';

export const en: Dictionary = {
  'app.name': 'GridDesk',
  'app.fullTitle': 'GridDesk street command desk',
  'app.streetUnset': 'No street set up yet',
  'app.streetLoading': 'Reading the street…',
  'app.streetError': 'Cannot read the street',

  'area.overview.title': 'Overview',
  'area.cases.title': 'Cases',
  'area.map.title': 'Grid map',
  'area.weekly.title': 'Weekly dispatch',
  'area.ranking.title': 'Monthly ranking',
  'area.exchange.title': 'Data exchange',
  'area.settings.title': 'Settings',

  'notBuilt.badge': 'Not built yet',
  'notBuilt.backToOverview': 'Back to the overview',

  'notFound.title': 'No such page',
  'notFound.body': 'The address {path} does not lead to any area.',

  'nav.label': 'Areas',
  'nav.shortcutHint': 'Shortcut {keys}',

  'header.langSwitch': '中文',
  'header.langSwitchLabel': 'Switch to the Chinese interface',
  'header.shortcuts': 'Shortcuts',

  'status.transport.ipc': 'Desktop',
  'status.transport.http': 'Browser mode',
  'status.version': 'Version {version}',
  'status.schema': 'Schema v{schema}',
  'status.shortcutsHint': 'Press ? for shortcuts',
  'status.importRunning':
    'Importing {file} ({rows} rows read): changes cannot be saved until it ends',

  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.close': 'Close',
  'shortcuts.goTo': 'Go to {area}',
  'shortcuts.toggleSheet': 'Open or close this list',
  'shortcuts.closeSheet': 'Close this list',
  'shortcuts.then': 'then',
  'shortcuts.moreLater': 'Other areas’ shortcuts arrive with their features.',

  'state.loading': 'Loading…',
  'state.errorTitle': 'Cannot show this right now',
  'state.errorReference': 'Reference: {reference}',
  'state.errorWhere': 'Where: {where}',
  'state.retry': 'Try again',
  'state.staleWarning': 'The last refresh failed; the figures below are from {time}.',

  'overview.subtitle': '{communities} communities · {grids} grids · {cases} cases in all',
  'overview.updatedAt': 'Updated at {time}',
  'overview.liveHint': 'Refreshes when something changes',
  'overview.count.newToday': 'New today',
  'overview.count.open': 'Open',
  'overview.count.overdue': 'Overdue',
  'overview.count.nearDue': 'Near due',
  'overview.count.closedToday': 'Closed today',
  'overview.countUnit': 'cases',
  'overview.countOpensCases': 'Show these cases',
  'overview.oldestOverdue.title': 'Longest overdue cases',
  'overview.oldestOverdue.empty': 'No case is overdue right now.',
  'overview.oldestOverdue.shown': 'The {shown} oldest of {total} overdue',
  'overview.column.caseNo': 'Case no.',
  'overview.column.category': 'Category',
  'overview.column.place': 'Community / grid',
  'overview.column.unit': 'Lead unit',
  'overview.column.state': 'State',
  'overview.column.overdueBy': 'Overdue by',
  'overview.column.dueAt': 'Due',
  'overview.overdueBy': 'overdue {duration}',
  'overview.noPlace': 'Not located',
  'overview.noUnit': 'Not dispatched',
  'overview.tiers.title': 'Tiers this month',
  'overview.tiers.notBuilt':
    'The blue, yellow and red community tiers arrive with the monthly ranking, which is not built yet; no sample data is shown here.',
  'overview.tiers.legend': 'Tier colours',
  'tier.blue': 'Blue',
  'tier.yellow': 'Yellow',
  'tier.red': 'Red',

  'duration.daysHours': '{d}d {h}h',
  'duration.hoursMinutes': '{h}h {m}m',
  'duration.minutes': '{m} min',

  'caseState.reported': 'Reported',
  'caseState.registered': 'Registered',
  'caseState.dispatched': 'Dispatched',
  'caseState.in_progress': 'In progress',
  'caseState.handled': 'Awaiting check',
  'caseState.closed': 'Closed',
  'caseState.voided': 'Voided',
  'caseState.suspended': 'Suspended',
  ...mapMessagesEn,
  ...rankingMessagesEn,
  ...weeklyMessagesEn,
  ...sessionMessagesEn,
  ...seatMessagesEn,
  ...deskMessagesEn,
  ...partyMessagesEn,
  ...registerMessagesEn,
  ...casesMessagesEn,
  ...moveMessagesEn,
  ...settingsMessagesEn,
  ...backupMessagesEn,
  ...exchangeMessagesEn,
};
