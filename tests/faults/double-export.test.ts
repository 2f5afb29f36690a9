/**
 * A double-click on Export: two exports of the same updates at the same moment. The city
 * must get each update once: one export writes the file, the other is refused in a
 * sentence (or finds nothing left to send), and no update is marked sent without a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../api/errors';
import { invoke } from '../../api/invoke';
import { demoStore, systemContext, tempDirs } from './store-fixture';

const dir = tempDirs();

describe('a double-click on Export', () => {
  it('sends each update once', async () => {
    const d = dir('double-export');
    const context = systemContext(demoStore(path.join(d, 'street.sqlite')));
    const out = path.join(d, '回传');
    fs.mkdirSync(out);
    const exportOnce = () =>
      invoke(context, 'exchange.export', { kind: 'cases', format: 'csv', out, unmasked: false });
    const outcomes = await Promise.allSettled([exportOnce(), exportOnce()]);
    const written = outcomes.filter((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{
      rows: number;
      file: string;
    }>[];
    const refused = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    for (const r of refused) expect(r.reason).toBeInstanceOf(UserError);
    console.log(
      'double export refused:',
      refused.map((r) => (r.reason as UserError).code),
    );
    const rowsSent = written.reduce((sum, w) => sum + w.value.rows, 0);
    const pending = context.db
      .prepare('SELECT count(*) FROM cases WHERE exchanged_at IS NULL OR exchanged_at < updated_at')
      .pluck()
      .get() as number;
    const files = fs.readdirSync(out).filter((n) => n.endsWith('.csv'));
    // Every update went out exactly once, in one file.
    expect(files).toHaveLength(1);
    expect(written).toHaveLength(1);
    expect(rowsSent).toBeGreaterThan(0);
    expect(pending).toBe(0);
    context.db.close();
  });
});
