/**
 * 主办/协办: a case's lead and assisting units after a move that changes them (dispatch,
 * return, escalation: core/cases/workflow.ts CaseUnitsChange). One rule for the desk's moves
 * (db/queries/case-moves.ts writes the difference) and the demo street's histories.
 */
import type { CaseUnitsChange } from './case-snapshot';

export interface CaseUnit {
  unitCode: string;
  role: 'lead' | 'assist';
  /** When the unit joined the case; a unit that changes role keeps it. */
  addedAt: number;
}

export function nextCaseUnits(
  current: readonly CaseUnit[],
  change: CaseUnitsChange,
  at: number,
): CaseUnit[] {
  const units = new Map(current.map((unit) => [unit.unitCode, { ...unit }]));
  const leads = current.filter((u) => u.role === 'lead').map((u) => u.unitCode);
  if (change.clearLead) for (const code of leads) units.delete(code);
  if (change.lead) {
    for (const code of leads) {
      if (code === change.lead || !units.has(code)) continue;
      // On dispatch the old lead simply goes; on 吹哨 it stays on as an assisting unit.
      if (change.demoteOldLead) units.get(code)!.role = 'assist';
      else units.delete(code);
    }
    const lead = units.get(change.lead);
    if (lead) lead.role = 'lead';
    else units.set(change.lead, { unitCode: change.lead, role: 'lead', addedAt: at });
  }
  if (change.replaceAssists) {
    const keep = new Set(change.assists ?? []);
    for (const unit of [...units.values()])
      if (unit.role === 'assist' && !keep.has(unit.unitCode)) units.delete(unit.unitCode);
  }
  for (const code of change.assists ?? []) {
    if (code === change.lead || units.has(code)) continue;
    units.set(code, { unitCode: code, role: 'assist', addedAt: at });
  }
  return [...units.values()];
}
