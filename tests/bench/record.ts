/** Where benchmarks keep their figures: one JSON file, a key per figure, newest run wins. */
import fs from 'node:fs';
import path from 'node:path';

const file = path.resolve(import.meta.dirname, '../../.bench/results.json');

export function record(name: string, figures: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const all = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  all[name] = { ...figures, measuredAt: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(all, null, 2));
  console.log(JSON.stringify({ [name]: figures }, null, 2));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
