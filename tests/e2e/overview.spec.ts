import { test, expect } from './host-fixture';

interface Counts {
  newToday: number;
  open: number;
  overdue: number;
  nearDue: number;
  closedToday: number;
}

const KEYS = ['newToday', 'open', 'overdue', 'nearDue', 'closedToday'] as const;
const shotDir = 'test-results/screenshots';

test("the overview shows the demo street's live counts from the database", async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('count-open')).toHaveText(/\d/);
  const info = await serve.call<{
    street: { name: string };
    communities: number;
    grids: number;
    cases: number;
  }>('app.info');
  expect(info.street?.name).toBe('示范街道');
  expect(info.communities).toBe(12);
  expect(info.grids).toBe(154);
  expect(info.cases).toBeGreaterThanOrEqual(2000);
  await expect(page.getByText('示范街道').first()).toBeVisible();

  // The tiles show what the database says (polled: a clock may tick between the reads).
  await expect
    .poll(async () => {
      const expected = await serve.call<Counts>('overview.counts');
      const shown: Record<string, number> = {};
      for (const key of KEYS) {
        const text = await page.getByTestId(`count-${key}`).innerText();
        shown[key] = Number(text.replace(/[^\d]/g, ''));
      }
      return KEYS.every((key) => shown[key] === expected[key])
        ? 'same'
        : JSON.stringify({ shown, expected });
    })
    .toBe('same');
  const counts = await serve.call<Counts>('overview.counts');
  expect(counts.open).toBeGreaterThan(0);
  expect(counts.overdue).toBeGreaterThan(0);
  await page.screenshot({ path: `${shotDir}/overview-zh-1366.png` });
});

test('switching to English translates the frame and the overview, and it is remembered', async ({
  page,
  serve,
}) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('count-open')).toHaveText(/\d/);
  await expect(page.getByRole('link', { name: '工作台' })).toBeVisible();
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('count-open')).toHaveText(/\d/);
  await page.screenshot({ path: `${shotDir}/overview-en-1366.png` });
  await page.reload();
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('link', { name: '工作台' })).toBeVisible();
});

test('no request leaves 127.0.0.1', async ({ page, serve }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(serve.url);
  await expect(page.getByTestId('count-open')).toHaveText(/\d/);
  await page.getByTestId('lang-switch').click();
  await page.getByRole('link', { name: 'Map' }).click();
  await page.waitForLoadState('networkidle');
  expect(requests.length).toBeGreaterThan(2);
  const foreign = requests.filter(
    (url) => !url.startsWith(serve.origin + '/') && !url.startsWith('data:'),
  );
  expect(foreign).toEqual([]);
});

test('the API refuses calls without the per-start token, and bad input gets a sentence', async ({
  serve,
}) => {
  const noToken = await fetch(`${serve.origin}/api/call/app.info`, { method: 'POST', body: '{}' });
  expect(noToken.status).toBe(401);
  const wrongToken = await fetch(`${serve.origin}/api/call/app.info`, {
    method: 'POST',
    headers: { Authorization: 'Bearer nope' },
    body: '{}',
  });
  expect(wrongToken.status).toBe(401);
  const bad = await fetch(`${serve.origin}/api/call/overview.counts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${serve.token}` },
    body: JSON.stringify({ oldestLimit: 'many' }),
  });
  expect(bad.status).toBe(400);
  const body = (await bad.json()) as {
    ok: boolean;
    error: { message: { zh: string; en: string }; where: string };
  };
  expect(body.ok).toBe(false);
  expect(body.error.where).toBe('oldestLimit');
  expect(body.error.message.en).toContain('oldestLimit');
  expect(JSON.stringify(body)).not.toContain('at ');
});
