import { createHash } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../electron/main/services/db';
import { cipherOf } from '../electron/main/services/crypto';
import { sealFields } from '../electron/main/services/applications/sealing';
import { OUTBOX_PAYLOAD_CONTEXT } from '../electron/main/services/sync/outbox-store';
import type { ApplicationDetail, ApplicationInput } from '../shared/api/schemas';
import { canonicalJson } from '../shared/sync/canonical-json';
import { test, expect } from './fixtures';
import {
  VALID,
  choose,
  fillAddress,
  fillNumber,
  fillText,
  setPaper,
  submitAndOpenReceipt,
} from './workbench';

// A web host whose CENTRAL_URL points at a port where nothing listens yet; the central system
// starts when a test says so (fixtures.ts). HALL_SYNC_FAST keeps the engine's waits short.
test.use({ withCentral: true });

const indicator = (page: Page) => page.getByTestId('sync-indicator');

/** The application id from the receipt's address (#/applications/<id>/receipt). */
const idFromUrl = (page: Page): string => {
  const match = /#\/applications\/([0-9a-f-]{36})/.exec(page.url());
  if (!match?.[1]) throw new Error(`no application id in ${page.url()}`);
  return match[1];
};

test('submitted while the central system is down: pending, then drained, numbered and staged', async ({
  page,
  central,
}) => {
  await page.goto('/');
  // The link is down from the start, and the header says so plainly.
  await expect(indicator(page)).toHaveAttribute('data-link', 'offline');
  await expect(page.getByTestId('sync-indicator-link')).toHaveText('中心系统连接中断');

  await page.getByTestId('type-card-NEW_LV_RES').click();
  await fillText(page, 'applicantName', '林小梅');
  await fillText(page, 'idNumber', VALID.idNumber);
  await fillText(page, 'mobile', VALID.mobile);
  await fillAddress(page, 'address');
  await fillNumber(page, 'requestedKva', 8);
  await choose(page, 'phases', '1');
  // 本人办理 is preselected: the clerk does not have to touch the agent select.
  await expect(page.getByTestId('field-agent')).toContainText('本人办理');
  await setPaper(page, 'ID_CARD', 'received');
  const appNo = await submitAndOpenReceipt(page);
  const id = idFromUrl(page);

  // Two operations wait (the application's and its customer record's), shown as what they are
  // about: one application and one customer record, never "2" that reads as two applications.
  const pending = page.getByTestId('sync-indicator-pending');
  await expect(pending).toHaveText('待同步 申请 1 · 客户资料 1');
  await expect(pending).toHaveAttribute('data-count', '2');
  await expect(pending).toHaveAttribute('title', /共 2 项同步操作/);
  await page.getByTestId('nav-sync').click();
  await expect(page.getByTestId('sync-waiting')).toHaveText('待同步 申请 1 · 客户资料 1');
  await expect(page.getByTestId('sync-count-created')).toHaveText('2');
  await expect(page.getByTestId('sync-count-pending')).toHaveText('2');
  await expect(page.getByTestId('sync-count-acknowledged')).toHaveText('0');
  await expect(page.getByTestId('sync-link')).toHaveText('中心系统连接中断');
  await expect(page.getByTestId('sync-last-error')).not.toBeEmpty();

  await central.start();
  // Backoff is capped at 2 s in fast mode; the poll every 3 s shows the drain.
  await expect(page.getByTestId('sync-count-acknowledged')).toHaveText('2', { timeout: 20_000 });
  await expect(page.getByTestId('sync-count-pending')).toHaveText('0');
  await expect(page.getByTestId('sync-balance')).toHaveAttribute('data-balanced', 'true');
  await expect(indicator(page)).toHaveAttribute('data-link', 'online');
  await expect(page.getByTestId('sync-indicator-pending')).toHaveText('无待同步');
  await expect(page.getByTestId('sync-last-success')).toHaveText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  await page.goto(`/#/applications/${id}`);
  await expect(page.getByTestId('detail-app-no')).toHaveText(appNo);
  const centralNo = page.getByTestId('detail-central-no');
  await expect(centralNo).not.toHaveText('尚未同步');
  const number = (await centralNo.textContent())!.trim();
  await expect(page.getByTestId('detail-central-stage')).toHaveText('受理');
  await expect(page.getByTestId('detail-state')).toHaveText('已确认');

  // The central system moves it on; the console mirrors the stage after its next pull.
  const advanced = await central.admin('/admin/advance', { centralNo: number });
  expect(advanced.status).toBe(200);
  expect(await advanced.json()).toMatchObject({ stage: 'METER_ENERGIZE' });
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('detail-central-stage')).toHaveText('装表接电', {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('detail-central-stage')).toHaveText(
    'Meter installed and energised',
  );
  await expect(page.getByTestId('sync-indicator-link')).toHaveText('Central system connected');
});

/** A household application through the API, as the intake form would send it. */
async function submitByApi(
  request: APIRequestContext,
  baseUrl: string,
  mobile: string,
): Promise<ApplicationDetail> {
  const input: ApplicationInput = {
    typeCode: 'NEW_LV_RES',
    accountKind: 'lv_resident',
    fields: {
      applicantName: '陈美华',
      idNumber: VALID.idNumber,
      mobile,
      address: {
        province: '福建省',
        city: '福州市',
        district: '鼓楼区',
        street: '',
        detail: '八一七北路1号',
      },
      requestedKva: 8,
      phases: '1',
      agent: 'no',
    },
    papers: [{ code: 'ID_CARD', status: 'received' }],
  };
  const res = await request.post(`${baseUrl}/api/applications.submit`, { data: input });
  const body = (await res.json()) as { ok: boolean; value: ApplicationDetail };
  expect(body.ok).toBe(true);
  return body.value;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A term of the sync page's equation, as the page shows it. */
async function countOf(page: Page, key: string): Promise<number> {
  return Number(await page.getByTestId(`sync-count-${key}`).textContent());
}

test('a supervisor corrects a rejected application; a clerk resolves a conflict side by side', async ({
  page,
  host,
  central,
}) => {
  test.setTimeout(90_000);
  const rejected = await submitByApi(page.request, host.url, '13800001111');
  const disputed = await submitByApi(page.request, host.url, '13800002222');
  const db = openDatabase(host.dbFile, { log: () => undefined });
  try {
    // What an older console with a looser check might have queued: a mobile the central
    // system's schema refuses. Rewritten in the host's own database while the link is down.
    const row = db
      .prepare('SELECT seq, payload FROM outbox WHERE application_id = ?')
      .get(rejected.id) as { seq: number; payload: string };
    // Payloads and fields are sealed at rest with the station's key (beside the database file).
    const cipher = cipherOf(db);
    const payload = JSON.parse(cipher.open(row.payload, OUTBOX_PAYLOAD_CONTEXT)) as {
      fields: Record<string, unknown>;
    };
    payload.fields.mobile = '1'.repeat(600);
    const text = canonicalJson(payload);
    db.prepare('UPDATE outbox SET payload = ?, payload_hash = ? WHERE seq = ?').run(
      cipher.seal(text, OUTBOX_PAYLOAD_CONTEXT),
      sha256(text),
      row.seq,
    );
    db.prepare('UPDATE applications SET fields_json = ?, mobile = ? WHERE id = ?').run(
      sealFields(cipher, JSON.stringify(payload.fields)),
      payload.fields.mobile,
      rejected.id,
    );
  } finally {
    db.close();
  }

  await central.start();
  await page.goto('/#/sync');
  // Everything but the rejected application goes through: the disputed application and the
  // customer record's own operations (customers travel to central too).
  await expect(page.getByTestId('sync-count-dead')).toHaveText('1', { timeout: 20_000 });
  await expect(page.getByTestId('sync-count-pending')).toHaveText('0', { timeout: 20_000 });
  const ackedFirst = await countOf(page, 'acknowledged');
  expect(ackedFirst).toBe((await countOf(page, 'created')) - 1);

  // The dead letter: reason and field named, the value never shown.
  const dead = page.getByTestId('sync-dead-letters').locator('tbody tr');
  await expect(dead).toHaveCount(1);
  await expect(dead).toContainText(rejected.appNo);
  await expect(dead.getByTestId('dead-reason')).toContainText('申请内容未通过校验');
  await expect(dead.getByTestId('dead-field')).toHaveText('联系电话（手机）');
  await expect(page.locator('body')).not.toContainText('1111111111');
  await expect(indicator(page)).toContainText('待处理 1');

  // Another submit of the disputed application with other content: the central system already
  // holds it, so this one comes back as a conflict for the clerk.
  const db2 = openDatabase(host.dbFile, { log: () => undefined });
  try {
    const first = db2
      .prepare('SELECT payload, created_at FROM outbox WHERE application_id = ?')
      .get(disputed.id) as { payload: string; created_at: number };
    const cipher = cipherOf(db2);
    const payload = JSON.parse(cipher.open(first.payload, OUTBOX_PAYLOAD_CONTEXT)) as {
      fields: Record<string, unknown>;
    };
    payload.fields.mobile = '13900003333';
    const text = canonicalJson(payload);
    db2
      .prepare(
        `INSERT INTO outbox (op_id, application_id, kind, payload, payload_hash, created_at)
         VALUES (?, ?, 'application.submit', ?, ?, ?)`,
      )
      .run(
        uuidv7(),
        disputed.id,
        cipher.seal(text, OUTBOX_PAYLOAD_CONTEXT),
        sha256(text),
        first.created_at,
      );
  } finally {
    db2.close();
  }
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-count-conflict')).toHaveText('1', { timeout: 20_000 });
  const conflict = page.getByTestId('sync-conflicts').locator('.conflict');
  await expect(conflict).toHaveCount(1);
  const mobileDiff = conflict.locator('tr[data-key="fields.mobile"]');
  await expect(mobileDiff).toContainText('联系电话（手机）');
  await expect(mobileDiff.getByTestId('diff-local')).toHaveText('139****3333');
  await expect(mobileDiff.getByTestId('diff-central')).toHaveText('138****2222');

  // The supervisor types the right number; it is checked like a submit, then sent.
  await dead.getByTestId('dead-correct').click();
  const dialog = page.getByTestId('correct-dialog');
  await expect(dialog.getByTestId('correct-current')).toHaveText(/：111\*+…\*+1111$/);
  await dialog.getByTestId('field-mobile').locator('input').fill('12345');
  await dialog.getByTestId('correct-submit').click();
  await expect(dialog.locator('.el-form-item__error')).toContainText('手机号应为11位');
  await expect(page.getByTestId('sync-count-dead')).toHaveText('1');
  await dialog.getByTestId('field-mobile').locator('input').fill('13912345678');
  await dialog.getByTestId('correct-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sync-count-dead')).toHaveText('0', { timeout: 20_000 });
  await expect
    .poll(() => countOf(page, 'acknowledged'), { timeout: 20_000 })
    .toBeGreaterThan(ackedFirst);

  // The clerk keeps the central record: the local application takes its values.
  await conflict.getByTestId('conflict-keep-central').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(page.getByTestId('sync-count-conflict')).toHaveText('0');
  await expect(page.getByTestId('sync-count-discarded')).toHaveText('1');
  await expect(page.getByTestId('sync-balance')).toHaveAttribute('data-balanced', 'true');
  await expect(indicator(page)).not.toContainText('待处理');

  await page.goto(`/#/applications/${rejected.id}`);
  await expect(page.getByTestId('detail-central-no')).not.toHaveText('尚未同步');
  await expect(page.getByTestId('detail-field-mobile')).toHaveText('139****5678');
  await expect(page.getByTestId('history')).toContainText('主管修正后重发');
  await page.goto(`/#/applications/${disputed.id}`);
  await expect(page.getByTestId('detail-field-mobile')).toHaveText('138****2222');
  await expect(page.getByTestId('history')).toContainText('采用中心记录');
});
