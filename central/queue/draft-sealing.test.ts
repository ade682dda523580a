import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCentralDb } from '../db';
import { SqliteStore } from '../store/sqlite-store';
import { DEFAULT_QUEUE_CONFIG } from '../../shared/queue/defaults';
import type { KioskDraft } from '../../shared/queue/kiosk';
import { hubCipher } from './draft-sealing';
import { QueueStore } from './store';

const HALL = 'H001';
const PHONE = '13957318866';
const DETAIL = '金丝雀路九十九号';
const DRAFT: KioskDraft = {
  typeCode: 'NEW_LV_RES',
  accountKind: 'lv_resident',
  fields: { applicantName: '金丝雀', mobile: PHONE },
  note: `住址 ${DETAIL}`,
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hub-drafts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function hub(file: string): Promise<{ store: QueueStore; close: () => void }> {
  const db = openCentralDb(file);
  const store = new QueueStore(new SqliteStore(db), { cipher: hubCipher(file) });
  await store.saveConfig(HALL, { config: DEFAULT_QUEUE_CONFIG });
  return { store, close: () => db.close() };
}

describe('kiosk drafts on the hall hub', () => {
  it('are sealed at rest, open for the counter that called the ticket, and survive a restart', async () => {
    const file = join(dir, 'hub.db');
    let h = await hub(file);
    const ticket = await h.store.issue(HALL, 'K01', {
      id: uuidv7(),
      serviceCode: 'NEW',
      priority: 'normal',
      channel: 'kiosk',
      kioskDraft: DRAFT,
    });
    h.close();
    // The hub's key file is its own, beside its database, mode 0600.
    expect(statSync(join(dir, 'hub-keys.json')).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    for (const secret of [PHONE, DETAIL]) {
      for (const enc of ['utf8', 'utf16le'] as const) {
        expect(bytes.includes(Buffer.from(secret, enc)), `${secret} ${enc}`).toBe(false);
      }
    }

    h = await hub(file);
    const called = await h.store.callNext(HALL, 'C01', { requestId: uuidv7(), services: ['NEW'] });
    expect(called.ticket?.id).toBe(ticket.id);
    expect(await h.store.kioskDraft(HALL, 'C01', ticket.id)).toEqual(DRAFT);
    h.close();
  });
});
