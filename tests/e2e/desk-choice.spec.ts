/**
 * The desktop app's first screen (issue 13). Electron's binary cannot be downloaded on these
 * machines (TOOLCHAIN.md), so the page runs in Chromium with the preload's DeskChooser
 * replaced by a stand-in that answers as main does (electron/desk-channel.ts, whose
 * pieces are tested under Node in tests/integration/seat-client.test.ts); the fingerprint it
 * shows is a real seat host's, as `griddesk serve --seats` printed it.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './host-fixture';
import { startSeatHostProcess, stopProcess } from '../seat-host-process';

const shotDir = 'test-results/screenshots';

/** Stands in for the preload's window.griddeskDesk; records what the page asked of main. */
async function installChooser(page: Page, host: { url: string; fingerprint: string }) {
  await page.addInitScript((probed) => {
    const calls: unknown[] = [];
    (window as unknown as { deskCalls: unknown[] }).deskCalls = calls;
    const failure = (code: string, zh: string, en: string) =>
      new Error(JSON.stringify({ code, message: { zh, en } }));
    (window as unknown as { griddeskDesk: unknown }).griddeskDesk = {
      state: { mode: 'choose' },
      async probe(address: string) {
        calls.push(['probe', address]);
        if (!probed.url.includes(address.trim()))
          throw failure(
            'host_unreachable',
            `连接不上中心主机 ${address}（ECONNREFUSED）：请确认主机已开启坐席接入、网络畅通；填写的内容仍保留，稍后重试。`,
            `The centre host ${address} cannot be reached (ECONNREFUSED).`,
          );
        return probed;
      },
      async join(host: unknown) {
        calls.push(['join', host]);
      },
      async createLocal() {
        calls.push(['createLocal']);
      },
      async leave() {
        calls.push(['leave']);
      },
    };
  }, host);
}

test('the first screen: a desk here, or join the centre host after comparing its fingerprint', async ({
  page,
  serve,
}) => {
  const host = await startSeatHostProcess({ dbFile: serve.dbFile });
  try {
    await installChooser(page, { url: host.url, fingerprint: host.fingerprint });
    await page.goto(serve.url);
    const choice = page.getByTestId('desk-choice');
    await expect(choice).toBeVisible();
    await expect(choice).toContainText('在本机新建工作台');
    await expect(choice).toContainText('接入中心工作台');
    // Nothing of a street on this screen.
    await expect(page.getByRole('link', { name: '案件', exact: true })).toHaveCount(0);
    await page.screenshot({ path: `${shotDir}/desk-choice-zh.png` });

    // A host that does not answer: a sentence, and the address stays as typed.
    await page.getByTestId('desk-address').fill('192.168.1.99:8443');
    await page.getByTestId('desk-probe').click();
    await expect(page.getByTestId('desk-probe-error')).toContainText('连接不上中心主机');
    await expect(page.getByTestId('desk-address')).toHaveValue('192.168.1.99:8443');

    const address = new URL(host.url).host;
    await page.getByTestId('desk-address').fill(address);
    await page.getByTestId('desk-probe').click();
    await expect(page.getByTestId('desk-fingerprint')).toHaveText(host.fingerprint);
    // Joining waits for the operator to say the fingerprints are the same.
    await expect(page.getByTestId('desk-join')).toBeDisabled();
    await page.getByTestId('desk-same').check();
    await page.screenshot({ path: `${shotDir}/desk-choice-fingerprint-zh.png` });
    await page.getByTestId('desk-join').click();
    await expect(page.getByTestId('desk-opening')).toBeVisible();
    const calls = await page.evaluate(
      () => (window as unknown as { deskCalls: unknown[] }).deskCalls,
    );
    expect(calls.at(-1)).toEqual(['join', { url: host.url, fingerprint: host.fingerprint }]);
  } finally {
    await stopProcess(host.child);
  }
});
