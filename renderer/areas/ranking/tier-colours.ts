/** The tier hues of renderer/styles/base.css, for SVG charts (the same three everywhere). */
import type { Tier } from '../../../core/ranking/weight-set';

export const TIER_HEX: Record<Tier, string> = {
  blue: '#1f6fd1',
  yellow: '#e0a400',
  red: '#d23a3a',
};
export const LINE_GREY = '#c3c9d1';
export const ACCENT = '#0d6b77';
export const AXIS_TEXT = '#7a828e';
