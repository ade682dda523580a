import { dirname, join } from 'node:path';
import type { KioskDraft } from '../../shared/queue/kiosk';
import {
  createFieldCipher,
  ephemeralKeys,
  FILE_MODE_WRAPPER,
  loadOrCreateKeys,
  type FieldCipher,
} from '../../electron/main/services/crypto';

/**
 * A kiosk draft is the customer's own data (name, phone, address) held with the ticket until a
 * counter takes it: sealed at rest on the hub with AES-256-GCM, as the stations seal theirs.
 * The hub's keys live in `hub-keys.json` beside its database (mode 0600, created on first
 * start; not the station's `hall-keys.json`, since `npm start` may keep both in one directory);
 * a throwaway (`:memory:`) hub uses keys that die with the process. Lists and the board
 * only ask whether a ticket has a draft (`kiosk_draft IS NOT NULL`), so they never decrypt.
 */
export const KIOSK_DRAFT_CONTEXT = 'queue_tickets.kiosk_draft';

export function hubCipher(dbFile: string, keyFile?: string): FieldCipher {
  if ((dbFile === ':memory:' && !keyFile) || keyFile === ':ephemeral:') {
    return createFieldCipher(ephemeralKeys());
  }
  if (/^postgres(ql)?:\/\//i.test(dbFile) && !keyFile) {
    throw new Error(
      '中心系统使用 PostgreSQL 时须指定密钥文件 (--key-file) / with PostgreSQL, central needs --key-file for the hub keys',
    );
  }
  return createFieldCipher(
    loadOrCreateKeys(keyFile ?? join(dirname(dbFile), 'hub-keys.json'), FILE_MODE_WRAPPER).keys,
  );
}

export const sealDraft = (cipher: FieldCipher, draft: KioskDraft): string =>
  cipher.seal(JSON.stringify(draft), KIOSK_DRAFT_CONTEXT);

/** Opens a stored draft; one written in clear by an older hub is read as it is. */
export const openDraft = (cipher: FieldCipher, stored: string): KioskDraft =>
  JSON.parse(
    cipher.isSealed(stored) ? cipher.open(stored, KIOSK_DRAFT_CONTEXT) : stored,
  ) as KioskDraft;

/** The guide's triage note is free text (it may hold a phone or an address): sealed the same way. */
export const NOTE_CONTEXT = 'queue_tickets.note';

export const sealNote = (cipher: FieldCipher, note: string | undefined): string | null =>
  note ? cipher.seal(note, NOTE_CONTEXT) : null;

/** Opens a stored note; one written in clear before sealing is read as it is. */
export const openNote = (cipher: FieldCipher, stored: string | null): string =>
  !stored ? '' : cipher.isSealed(stored) ? cipher.open(stored, NOTE_CONTEXT) : stored;
