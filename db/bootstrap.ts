/**
 * A database ready for use: opened and migrated, and when it is new, filled with the
 * reference data (categories, units, calendar, clocks, weights); the demo street only
 * when asked (the app's first start, `griddesk demo`).
 */
import { openDatabase, type OpenOptions, type OpenResult } from './open';
import { seedDemoStreet, type DemoProgress } from './seed/demo';
import { seedReferenceData } from './seed/reference';

interface BootstrapOptions extends OpenOptions {
  /** Add the demo street 示范街道 when the database is new. */
  demoWhenNew: boolean;
  /** Seed for the demo generator; defaults to one derived from the day. */
  demoSeed?: number;
  onProgress?: DemoProgress;
}

export interface BootstrapResult extends OpenResult {
  seeded: 'none' | 'reference' | 'demo';
}

export function openOrCreateDatabase(file: string, options: BootstrapOptions): BootstrapResult {
  const opened = openDatabase(file, options);
  if (!opened.created) return { ...opened, seeded: 'none' };
  try {
    seedReferenceData(opened.db, options.now);
    if (!options.demoWhenNew) return { ...opened, seeded: 'reference' };
    seedDemoStreet(opened.db, {
      now: options.now,
      ...(options.demoSeed != null ? { seed: options.demoSeed } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { ...opened, seeded: 'demo' };
  } catch (error) {
    opened.db.close();
    throw error;
  }
}
