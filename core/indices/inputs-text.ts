/**
 * The canonical text of a computation's inputs: the weight set and every per-case fact
 * used, one line each in case-id order. A published bulletin keeps the SHA-256 of this
 * text (inputs_sha256), so a later re-computation can tell whether anything beneath the
 * figures changed. Hashing is IO's business (api/); the text is the domain's.
 */
import type { HandlingCase, IntakeCase } from './case-facts';
import type { Period } from './periods';
import type { RankingLevel } from './ranking';
import type { WeightSet } from './weight-set';

const field = (value: number | string | null) => (value === null ? '' : String(value));

export function canonicalInputsText(
  period: Period,
  /** Where measuring stopped: the period's end, or now + 1 ms while it runs. */
  measuredEnd: number,
  level: RankingLevel,
  weightSet: Pick<WeightSet, 'weights' | 'tiers' | 'grades'>,
  handling: readonly HandlingCase[],
  intake: readonly IntakeCase[],
): string {
  const lines = [
    `period|${period.key}|${period.start}|${measuredEnd}|${level}`,
    `weights|${JSON.stringify(weightSet.weights)}|${JSON.stringify(weightSet.tiers)}|${JSON.stringify(weightSet.grades)}`,
  ];
  for (const c of [...handling].sort((a, b) => a.caseId - b.caseId)) {
    lines.push(
      [
        'H',
        c.caseId,
        c.unitCode,
        c.state,
        field(c.registeredAt),
        field(c.closedAt),
        field(c.dueAt),
        c.reworkCount,
        c.extensionCount,
        field(c.satisfaction),
      ].join('|'),
    );
  }
  for (const c of [...intake].sort((a, b) => a.caseId - b.caseId)) {
    lines.push(
      [
        'I',
        c.caseId,
        c.unitCode,
        c.state,
        c.reportedAt,
        field(c.registeredAt),
        field(c.acceptDueAt),
      ].join('|'),
    );
  }
  return lines.join('\n') + '\n';
}
