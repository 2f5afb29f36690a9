/**
 * Charts drawn straight into a PDF in the tier colours (docs/design/UI.md: the same three hues in table,
 * map and chart; a tier always has its word too): horizontal score bars, small multiples of
 * each unit's trend, and the tier mix per month when there are too many units to draw.
 */
import type { Tier, TierThresholds } from '../../core/ranking/weight-set';
import { TIER_COLOURS, type A4Report } from './a4-report';

const GRID = '#dde1e6';
const AXIS = '#8a929e';
const LINE = '#4a525e';
const TIER_ZH: Record<Tier, string> = { blue: '蓝', yellow: '黄', red: '红' };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScoreBar {
  label: string;
  score: number;
  tier: Tier;
  /** Rank, printed before the label. */
  rank: number;
}

/** Row height of the score bars: the caller sizes the figure with it. */
export const SCORE_BAR_ROW = 13;

/** One bar per unit, longest first, 0–100, with the tier thresholds dashed across. */
export function drawScoreBars(
  report: A4Report,
  box: Box,
  bars: ReadonlyArray<ScoreBar | null>,
  tiers: TierThresholds,
): void {
  const doc = report.doc;
  const labelWidth = 110;
  const valueWidth = 44;
  const plotX = box.x + labelWidth;
  const plotWidth = box.width - labelWidth - valueWidth;
  const top = box.y + 14;
  const xOf = (score: number) => plotX + (plotWidth * Math.max(0, Math.min(100, score))) / 100;

  for (const tick of [0, 20, 40, 60, 80, 100]) {
    doc
      .moveTo(xOf(tick), top)
      .lineTo(xOf(tick), box.y + box.height)
      .lineWidth(0.3)
      .strokeColor(GRID)
      .stroke();
    report.label(String(tick), xOf(tick) - 8, box.y + 2, { width: 16, align: 'center' });
  }
  bars.forEach((bar, i) => {
    const y = top + i * SCORE_BAR_ROW;
    if (bar === null) {
      report.label('……', box.x, y + 2, { width: labelWidth - 6, align: 'right' });
      return;
    }
    report.label(`${bar.rank}. ${bar.label}`, box.x, y + 2, {
      width: labelWidth - 6,
      align: 'right',
      colour: '#1c222a',
      size: 7.5,
    });
    doc
      .rect(plotX, y + 2, Math.max(0.5, xOf(bar.score) - plotX), SCORE_BAR_ROW - 4)
      .fill(TIER_COLOURS[bar.tier]);
    report.label(`${bar.score.toFixed(2)} ${TIER_ZH[bar.tier]}`, xOf(bar.score) + 3, y + 2, {
      size: 7,
      colour: '#1c222a',
    });
  });
  for (const [tier, threshold] of [
    ['blue', tiers.blue],
    ['yellow', tiers.yellow],
  ] as const) {
    doc.save();
    doc.dash(3, { space: 2 });
    doc
      .moveTo(xOf(threshold), top)
      .lineTo(xOf(threshold), box.y + box.height)
      .lineWidth(0.8)
      .strokeColor(TIER_COLOURS[tier])
      .stroke();
    doc.undash();
    doc.restore();
  }
}

interface TrendUnit {
  label: string;
  scores: ReadonlyArray<number | null>;
  tiers: ReadonlyArray<Tier | null>;
}

/** One small chart per unit (3–4 across): a grey line, each month's point in its tier colour. */
export function drawTrendMultiples(
  report: A4Report,
  box: Box,
  periodLabels: readonly string[],
  units: readonly TrendUnit[],
  tiers: TierThresholds,
): void {
  const doc = report.doc;
  const columns = units.length > 9 ? 4 : 3;
  const rows = Math.ceil(units.length / columns);
  const cellWidth = box.width / columns;
  const cellHeight = box.height / Math.max(1, rows);
  units.forEach((unit, i) => {
    const cx = box.x + (i % columns) * cellWidth;
    const cy = box.y + Math.floor(i / columns) * cellHeight;
    const plot = { x: cx + 18, y: cy + 14, width: cellWidth - 26, height: cellHeight - 30 };
    report.label(unit.label, cx + 4, cy + 1, { size: 8, colour: '#1c222a', width: cellWidth - 8 });
    const yOf = (score: number) =>
      plot.y + plot.height * (1 - Math.max(0, Math.min(100, score)) / 100);
    const xOf = (index: number) =>
      plot.x + (plot.width * index) / Math.max(1, periodLabels.length - 1);
    doc.rect(plot.x, plot.y, plot.width, plot.height).lineWidth(0.3).strokeColor(GRID).stroke();
    for (const [tier, threshold] of [
      ['blue', tiers.blue],
      ['yellow', tiers.yellow],
    ] as const) {
      doc.save();
      doc.dash(2, { space: 2 });
      doc
        .moveTo(plot.x, yOf(threshold))
        .lineTo(plot.x + plot.width, yOf(threshold))
        .lineWidth(0.5)
        .strokeColor(TIER_COLOURS[tier])
        .stroke();
      doc.undash();
      doc.restore();
    }
    report.label('100', cx, plot.y - 3, { size: 6 });
    report.label('0', cx + 8, plot.y + plot.height - 4, { size: 6 });
    let drawing = false;
    unit.scores.forEach((score, p) => {
      if (score === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xOf(p), yOf(score));
      else doc.moveTo(xOf(p), yOf(score));
      drawing = true;
    });
    doc.lineWidth(0.9).strokeColor(LINE).stroke();
    unit.scores.forEach((score, p) => {
      const tier = unit.tiers[p];
      if (score !== null && tier) doc.circle(xOf(p), yOf(score), 1.8).fill(TIER_COLOURS[tier]);
    });
    report.label(periodLabels[0] ?? '', plot.x - 6, plot.y + plot.height + 2, { size: 6 });
    const last = periodLabels[periodLabels.length - 1] ?? '';
    report.label(last, plot.x + plot.width - 24, plot.y + plot.height + 2, {
      size: 6,
      width: 30,
      align: 'right',
    });
  });
}

/** Per month, how many units were blue, yellow and red: stacked bars, each with its count. */
export function drawTierMix(
  report: A4Report,
  box: Box,
  periodLabels: readonly string[],
  units: readonly TrendUnit[],
): void {
  const doc = report.doc;
  const plot = { x: box.x + 30, y: box.y + 8, width: box.width - 40, height: box.height - 26 };
  const totals = periodLabels.map((_, p) => {
    const count = { blue: 0, yellow: 0, red: 0 };
    for (const unit of units) {
      const tier = unit.tiers[p];
      if (tier) count[tier] += 1;
    }
    return count;
  });
  const max = Math.max(1, ...totals.map((t) => t.blue + t.yellow + t.red));
  const slot = plot.width / periodLabels.length;
  doc
    .moveTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height)
    .lineWidth(0.5)
    .strokeColor(AXIS)
    .stroke();
  totals.forEach((count, p) => {
    let y = plot.y + plot.height;
    const x = plot.x + p * slot + slot * 0.2;
    for (const tier of ['blue', 'yellow', 'red'] as const) {
      const h = (plot.height * count[tier]) / max;
      if (h <= 0) continue;
      y -= h;
      doc.rect(x, y, slot * 0.6, h).fill(TIER_COLOURS[tier]);
      if (h >= 9)
        report.label(`${TIER_ZH[tier]}${count[tier]}`, x, y + h / 2 - 3.5, {
          size: 6.5,
          colour: '#ffffff',
          width: slot * 0.6,
          align: 'center',
        });
    }
    report.label(periodLabels[p] ?? '', plot.x + p * slot, plot.y + plot.height + 3, {
      size: 6.5,
      width: slot,
      align: 'center',
    });
  });
  report.label(String(max), box.x, plot.y - 3, { size: 6.5 });
}
