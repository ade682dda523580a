import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../shared/sync/canonical-json';

/** The link before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRowData {
  id: number;
  at: number;
  actor: string;
  role: string;
  action: string;
  target: string;
  /** Canonical JSON text, as stored. */
  detail: string;
}

/** sha256(prev_hash + canonical JSON of the row's own columns): each row vouches for the last. */
export function auditHash(prevHash: string, row: AuditRowData): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson(row))
    .digest('hex');
}
