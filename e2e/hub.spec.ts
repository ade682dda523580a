import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test as base } from './fixtures';
import { startProcess, type HostProcess } from './host-process';
import { setupSupervisor } from './staff-session';

/**
 * Issue 11, the hall hub: the queue lives on a hub (`--mode hub`, HTTPS with a self-signed
 * certificate the station pins), sync on a separate central (`--mode central`). With central
 * stopped and the hub up, the guide issues, the counter calls, re-calls, transfers and
 * finishes, and the display board follows.
 */

const ROOT = resolve(import.meta.dirname, '..');
const HOST_URL = /web host: (http:\/\/127\.0\.0\.1:\d+)\//;

interface Hall {
  hubUrl: string;
  hubFingerprint: string;
  centralUrl: string;
  stopCentral(): Promise<void>;
}

const test = base.extend<{ hall: Hall }>({
  // Playwright reads a fixture's dependencies from this pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  hall: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-e2e-hub-'));
    // The hall's certificate, made as a hall's IT staff would (scripts/make-hub-cert.sh).
    const hubFingerprint = execFileSync(
      'sh',
      [join(ROOT, 'scripts/make-hub-cert.sh'), join(dir, 'tls'), '127.0.0.1'],
      { encoding: 'utf8' },
    ).trim();
    const processes: HostProcess[] = [];
    try {
      const hub = await startProcess(
        'central/main.ts',
        // Demo trust (development secret, no admin token needed), no stage advancing.
        [
          '--mode',
          'hub',
          '--port',
          '0',
          '--db',
          join(dir, 'hub.db'),
          '--demo',
          '--demo-interval',
          '0',
        ].concat(['--tls-cert', join(dir, 'tls/hub.crt'), '--tls-key', join(dir, 'tls/hub.key')]),
        /hub listening on (https:\/\/127\.0\.0\.1:\d+)/,
      );
      processes.push(hub);
      let central: HostProcess | undefined = await startProcess(
        'central/main.ts',
        [
          '--mode',
          'central',
          '--port',
          '0',
          '--db',
          join(dir, 'central.db'),
          '--demo',
          '--demo-interval',
          '0',
        ],
        /central listening on (http:\/\/127\.0\.0\.1:\d+)/,
      );
      processes.push(central);
      await use({
        hubUrl: hub.url,
        hubFingerprint,
        centralUrl: central.url,
        stopCentral: async () => {
          await central?.stop();
          central = undefined;
        },
      });
    } finally {
      for (const p of processes) await p.stop();
    }
  },
  // The station: queue to the hub (pinned), sync to central.
  host: async ({ hall }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-e2e-hub-station-'));
    const dbFile = join(dir, 'hall.db');
    const proc = await startProcess(
      'electron/webhost/main.ts',
      ['--port', '0', '--db', dbFile, '--station', 'C01'],
      HOST_URL,
      {
        CENTRAL_URL: hall.centralUrl,
        HUB_URL: hall.hubUrl,
        HUB_FINGERPRINT: hall.hubFingerprint,
        HALL_SYNC_FAST: '1',
        // The demo hub and central accept the development secret: no enrolment codes here.
        HALL_DEMO: '1',
      },
    );
    try {
      const session = await setupSupervisor(proc.url);
      await use({
        url: proc.url,
        dbFile,
        session,
        restart: () => Promise.reject(new Error('not used here')),
      });
    } finally {
      await proc.stop();
    }
  },
});

test('central stopped, hub up: issue, call, recall, transfer, finish and the display board all work', async ({
  page,
  context,
  hall,
}) => {
  test.setTimeout(180_000); // three processes started with tsx on a busy machine
  await hall.stopCentral();
  await expect(fetch(`${hall.centralUrl}/healthz`)).rejects.toThrow();
  let calls = 0;

  const display = await context.newPage();
  await display.goto('/#/display');
  await expect(display.getByTestId('display-none')).toBeVisible();
  const board = display.getByTestId('display-latest-number');

  // ---- guide desk: a ticket from the hub's numbering, not an offline one
  await page.goto('/#/guide');
  await page.getByTestId('guide-need-other').click();
  await page.getByTestId('guide-issue').click();
  await expect(page.getByTestId('guide-ticket-number')).toHaveText(/^C\d{3}$/);
  const first = (await page.getByTestId('guide-ticket-number').textContent()) ?? '';
  await expect(page.getByTestId('guide-ticket-offline')).toHaveCount(0);
  // A second customer, for a new connection (as a kiosk or the guide would issue it).
  const second = await page.request.post('/api/queue.issue', {
    data: { serviceCode: 'NEW', priority: 'normal' },
  });
  expect(second.ok()).toBe(true);
  const secondNumber = ((await second.json()) as { value: { number: string } }).value.number;
  expect(secondNumber).toBe('A001');

  // ---- counter: call, the board shows it; re-call
  await page.getByTestId('nav-queue').click();
  await page.getByTestId('counter-call-next').click();
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(first);
  await expect(board).toHaveText(first, { timeout: 8000 });
  calls++;
  await page.getByTestId('counter-recall').click();
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(first);
  await expect(page.getByTestId('counter-error')).toHaveCount(0);
  calls++;

  // ---- transfer to new connections: same number, keeps its place ahead of A001
  await page.getByTestId('counter-transfer-to').click();
  await page.getByRole('option', { name: /^A ·/ }).click();
  await page.getByTestId('counter-transfer').click();
  await expect(page.getByTestId('counter-no-ticket')).toBeVisible();
  await page.getByTestId('counter-call-next').click();
  await expect(page.getByTestId('counter-ticket-number')).toHaveText(first);
  calls++;

  // ---- serve and finish
  await page.getByTestId('counter-serve').click();
  await expect(page.getByTestId('counter-ticket-state')).toHaveText('办理中');
  await page.getByTestId('counter-finish').click();
  await page.getByTestId('counter-finish-confirm').click();
  await expect(page.getByTestId('counter-finished')).toContainText(first);

  // ---- the next customer; the board moves on
  await page.getByTestId('counter-call-next').click();
  await expect(page.getByTestId('counter-ticket-number')).toHaveText('A001');
  await expect(board).toHaveText('A001', { timeout: 8000 });
  calls++;
  await expect(display.getByTestId('display-offline')).toHaveCount(0);
  await expect(page.getByTestId('queue-offline')).toHaveCount(0);

  console.log(`queue_without_central calls=${calls} ok`);
});
