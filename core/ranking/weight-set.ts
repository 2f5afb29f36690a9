/**
 * The composite score's weights, the tier thresholds and the grade thresholds (评价权重与
 * 分级), editable by an admin and versioned: a bulletin names the version it used.
 */

/** Weights of the four handling indices in 综合指标值 (docs/design/DOMAIN.md's defaults: 0.4/0.3/0.2/0.1). */
export interface IndexWeights {
  /** 按期结案率. */
  onTimeRate: number;
  /** 结案率. */
  closureRate: number;
  /** 1 − 返工率. */
  reworkFree: number;
  /** 满意率. */
  satisfactionRate: number;
  /**
   * The per-stage on-time rates (core/cases/stage-clocks.ts): 0 by default, so they are
   * shown beside the score but do not enter it unless an admin weights them.
   */
  timelyAcceptRate: number;
  dispatchOnTimeRate: number;
  onsiteOnTimeRate: number;
  handleOnTimeRate: number;
  verifyOnTimeRate: number;
}

/** 蓝 ≥ blue, 黄 ≥ yellow, 红 below. */
export interface TierThresholds {
  blue: number;
  yellow: number;
}

/** A ≥ A, B ≥ B, C ≥ C, D ≥ D, E below. */
export interface GradeThresholds {
  A: number;
  B: number;
  C: number;
  D: number;
}

export interface WeightSet {
  /** The version (index_weight_sets.id). */
  id: number;
  weights: IndexWeights;
  tiers: TierThresholds;
  grades: GradeThresholds;
  createdAt: number;
  createdBy: string;
}

export const WEIGHT_KEYS = [
  'onTimeRate',
  'closureRate',
  'reworkFree',
  'satisfactionRate',
  'timelyAcceptRate',
  'dispatchOnTimeRate',
  'onsiteOnTimeRate',
  'handleOnTimeRate',
  'verifyOnTimeRate',
] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
/** The stage weights, 0 unless an admin sets them. */
export const STAGE_WEIGHT_KEYS = [
  'timelyAcceptRate',
  'dispatchOnTimeRate',
  'onsiteOnTimeRate',
  'handleOnTimeRate',
  'verifyOnTimeRate',
] as const satisfies readonly WeightKey[];

export const TIERS = ['blue', 'yellow', 'red'] as const;
export type Tier = (typeof TIERS)[number];
export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

export const DEFAULT_WEIGHTS: IndexWeights = {
  onTimeRate: 0.4,
  closureRate: 0.3,
  reworkFree: 0.2,
  satisfactionRate: 0.1,
  timelyAcceptRate: 0,
  dispatchOnTimeRate: 0,
  onsiteOnTimeRate: 0,
  handleOnTimeRate: 0,
  verifyOnTimeRate: 0,
};
export const DEFAULT_TIERS: TierThresholds = { blue: 90, yellow: 75 };
export const DEFAULT_GRADES: GradeThresholds = { A: 90, B: 75, C: 60, D: 40 };

/** Weights are kept to 6 decimals and thresholds to 2, so exact arithmetic can use integers. */
export const WEIGHT_SCALE = 1_000_000;

interface WeightSetProblem {
  field: string;
  zh: string;
  en: string;
}

/** What is wrong with an edited weight set, in words an admin can act on; empty when fine. */
export function weightSetProblems(
  weights: IndexWeights,
  tiers: TierThresholds,
  grades: GradeThresholds,
): WeightSetProblem[] {
  const problems: WeightSetProblem[] = [];
  for (const key of WEIGHT_KEYS) {
    const w = weights[key];
    if (!Number.isFinite(w) || w < 0 || w > 1) {
      problems.push({
        field: `weights.${key}`,
        zh: '每项权重须在 0 到 1 之间',
        en: 'each weight must be between 0 and 1',
      });
    } else if (Math.abs(w * WEIGHT_SCALE - Math.round(w * WEIGHT_SCALE)) > 1e-6) {
      problems.push({
        field: `weights.${key}`,
        zh: '权重最多保留 6 位小数',
        en: 'weights take at most 6 decimals',
      });
    }
  }
  const sum = WEIGHT_KEYS.reduce(
    (total, key) => total + Math.round(weights[key] * WEIGHT_SCALE),
    0,
  );
  if (problems.length === 0 && sum !== WEIGHT_SCALE) {
    problems.push({
      field: 'weights',
      zh: `各项权重之和须为 1（现为 ${sum / WEIGHT_SCALE}）`,
      en: `the weights must add up to 1 (they add up to ${sum / WEIGHT_SCALE})`,
    });
  }
  const thresholds: Array<[string, number]> = [
    ['tiers.blue', tiers.blue],
    ['tiers.yellow', tiers.yellow],
    ['grades.A', grades.A],
    ['grades.B', grades.B],
    ['grades.C', grades.C],
    ['grades.D', grades.D],
  ];
  for (const [field, value] of thresholds) {
    if (
      !Number.isFinite(value) ||
      value < 0 ||
      value > 100 ||
      Math.round(value * 100) !== value * 100
    ) {
      problems.push({
        field,
        zh: '分数线须在 0 到 100 之间，最多两位小数',
        en: 'a threshold must be between 0 and 100, with at most two decimals',
      });
    }
  }
  if (!(tiers.blue > tiers.yellow)) {
    problems.push({
      field: 'tiers.blue',
      zh: '蓝色分数线须高于黄色分数线',
      en: 'the blue threshold must be above the yellow one',
    });
  }
  if (!(grades.A > grades.B && grades.B > grades.C && grades.C > grades.D)) {
    problems.push({
      field: 'grades',
      zh: '等级分数线须 A > B > C > D',
      en: 'grade thresholds must fall from A to D',
    });
  }
  return problems;
}

/** Whether any stage rate enters the score: when none does, a score needs no stage counts. */
export function weighsStages(weights: IndexWeights): boolean {
  return STAGE_WEIGHT_KEYS.some((key) => weights[key] > 0);
}
