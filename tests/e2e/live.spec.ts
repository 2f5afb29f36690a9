import Database from 'better-sqlite3';
import { test, expect } from './host-fixture';

function readCount(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

test('a case written by another process shows up live in every open tab', async ({
  context,
  serve,
}) => {
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto(serve.url);
    await expect(page.getByTestId('count-newToday')).toHaveText(/\d/);
  }
  const before = readCount(await first.getByTestId('count-newToday').innerText());

  // Another process (the CLI importing, say) writes to the same database file.
  const db = new Database(serve.dbFile);
  const category = db
    .prepare('SELECT code FROM categories ORDER BY code LIMIT 1')
    .pluck()
    .get() as string;
  const now = Date.now();
  db.prepare(
    `INSERT INTO cases (case_no, source, category_code, state, reported_at, created_at, updated_at, description)
     VALUES (?, 'hotline_12345', ?, 'reported', ?, ?, ?, 'e2e live update probe')`,
  ).run(`E2E${now}`, category, now, now, now);
  db.close();

  for (const page of [first, second]) {
    await expect
      .poll(async () => readCount(await page.getByTestId('count-newToday').innerText()), {
        timeout: 10_000,
      })
      .toBe(before + 1);
  }
});
