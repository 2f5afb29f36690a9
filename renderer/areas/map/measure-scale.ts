/**
 * How a measure becomes colours and a legend. Counts and rates go into up to four classes
 * at the quartiles of the non-zero values (a street of 154 grids has a long tail: equal
 * steps would paint almost everything the palest class); zero has its own pale grey.
 * Overdue uses the red that means "overdue" everywhere in the app; the other counts use
 * the accent hue; tiers use exactly the three tier hues (docs/design/UI.md).
 */
import type { PlaceMeasures } from '../../../api/contract';

export const MEASURES = ['open', 'overdue', 'per1000', 'tier'] as const;
export type MeasureKey = (typeof MEASURES)[number];

const TIER_FILL = { blue: '#1f6fd1', yellow: '#e0a400', red: '#d23a3a' } as const;
const NO_VALUE_FILL = '#e3e6ea';
const ZERO_FILL = '#f1f3f5';
const ACCENT_RAMP = ['#d4ebee', '#9fd0d6', '#55a7b1', '#146f7b'];
const OVERDUE_RAMP = ['#fbe1e1', '#f3aeae', '#e2696a', '#b82325'];

export type LegendEntry =
  | { kind: 'zero'; colour: string }
  | { kind: 'none'; colour: string }
  | { kind: 'range'; colour: string; from: number; to: number; last: boolean }
  | { kind: 'tier'; colour: string; tier: 'blue' | 'yellow' | 'red' };

export interface MeasureScale {
  measure: MeasureKey;
  fillOf(code: string): string;
  valueOf(code: string): number | null;
  legend: LegendEntry[];
  /** Figures are whole numbers (counts) or one decimal (per 1,000 households). */
  decimals: 0 | 1;
}

function valueOfMeasure(m: PlaceMeasures | undefined, measure: MeasureKey): number | null {
  if (!m) return null;
  if (measure === 'open') return m.open;
  if (measure === 'overdue') return m.overdue;
  if (measure === 'per1000') return m.per1000Households;
  return m.score;
}

/** Upper bounds of up to `classes` classes at the quantiles of the positive values. */
function classBreaks(values: number[], classes: number, decimals: 0 | 1): number[] {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const step = 10 ** decimals;
  const round = (v: number) => Math.ceil(v * step - 1e-9) / step;
  const bounds: number[] = [];
  for (let k = 1; k <= classes; k++) {
    const at =
      positive[Math.min(positive.length - 1, Math.ceil((k / classes) * positive.length) - 1)]!;
    const bound = round(at);
    if (bounds.length === 0 || bound > bounds[bounds.length - 1]!) bounds.push(bound);
  }
  return bounds;
}

export function buildScale(
  measure: MeasureKey,
  measures: Map<string, PlaceMeasures>,
  /** For 'tier': the community each grid is coloured by. */
  communityOf: (code: string) => string | null,
  communityMeasures: Map<string, PlaceMeasures>,
): MeasureScale {
  if (measure === 'tier') {
    const tierOf = (code: string) => communityMeasures.get(communityOf(code) ?? code)?.tier ?? null;
    return {
      measure,
      fillOf: (code) => {
        const tier = tierOf(code);
        return tier ? TIER_FILL[tier] : NO_VALUE_FILL;
      },
      valueOf: (code) => communityMeasures.get(communityOf(code) ?? code)?.score ?? null,
      legend: [
        { kind: 'tier', colour: TIER_FILL.blue, tier: 'blue' },
        { kind: 'tier', colour: TIER_FILL.yellow, tier: 'yellow' },
        { kind: 'tier', colour: TIER_FILL.red, tier: 'red' },
        { kind: 'none', colour: NO_VALUE_FILL },
      ],
      decimals: 1,
    };
  }
  const decimals = measure === 'per1000' ? 1 : 0;
  const ramp = measure === 'overdue' ? OVERDUE_RAMP : ACCENT_RAMP;
  const values = [...measures.values()]
    .map((m) => valueOfMeasure(m, measure))
    .filter((v): v is number => v !== null);
  const bounds = classBreaks(values, ramp.length, decimals);
  // Spread the classes across the ramp, darkest last, whatever their number.
  const colours = bounds.map((_, i) => ramp[ramp.length - bounds.length + i]!);
  const fillOf = (code: string) => {
    const v = valueOfMeasure(measures.get(code), measure);
    if (v === null) return NO_VALUE_FILL;
    if (v <= 0) return ZERO_FILL;
    const i = bounds.findIndex((b) => v <= b);
    return colours[i === -1 ? colours.length - 1 : i]!;
  };
  const legend: LegendEntry[] = [{ kind: 'zero', colour: ZERO_FILL }];
  bounds.forEach((upper, i) => {
    // Whole counts: 1–2, 3–5…; rates: 0–1.2, 1.2–2.5… (each class includes its upper end).
    const from = i === 0 ? (decimals ? 0 : 1) : bounds[i - 1]! + (decimals ? 0 : 1);
    legend.push({
      kind: 'range',
      colour: colours[i]!,
      from,
      to: upper,
      last: i === bounds.length - 1,
    });
  });
  if (values.length < measures.size) legend.push({ kind: 'none', colour: NO_VALUE_FILL });
  return {
    measure,
    fillOf,
    valueOf: (code) => valueOfMeasure(measures.get(code), measure),
    legend,
    decimals,
  };
}
