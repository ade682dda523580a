import { prepared, type Database } from '../db';
import type { AuditEntry, AuditVerify } from '../../../../shared/auth/schemas';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import { toHallIso } from '../../../../shared/hall-time';
import { auditHash, GENESIS_HASH, type AuditRowData } from './chain';

/** What an audit row may say: keys, codes and counts only, never a personal value. */
export type AuditDetail = Record<string, string | number | boolean>;

export type AuditAction =
  | 'setup'
  | 'sign_in'
  | 'sign_in_failed'
  | 'locked_out'
  | 'sign_out'
  | 'account_create'
  | 'account_unlock'
  | 'secret_reset'
  // Sign-in hardening (issue 10): refusals, recovery, own secret, disable and role changes.
  | 'sign_in_refused'
  | 'recover'
  | 'recover_failed'
  | 'secret_change'
  | 'secret_change_failed'
  | 'account_disable'
  | 'account_enable'
  | 'account_role'
  | 'reveal'
  | 'print'
  | 'export'
  // Searches by a protected column (issue 10): the column, never the value; refusals too.
  | 'search'
  | 'search_refused'
  // Station setup (issue 11): a supervisor's change of the station config.
  | 'station_config'
  // Customer record (issue 15): tags, account managers, merges of duplicates.
  | 'customer_tag'
  | 'customer_untag'
  | 'customer_tag_define'
  | 'customer_manager'
  | 'customer_merge'
  // Hall alerts and subscription consent (issue 17).
  | 'alert_raise'
  | 'alert_end'
  | 'alert_thresholds'
  | 'consent_record'
  | 'consent_withdraw'
  // 客户信息更新 (issue 17): the fields changed, never their values.
  | 'customer_update';

export interface AuditRecord {
  actor: string;
  role: string;
  action: AuditAction;
  target: string;
  detail?: AuditDetail;
}

interface StoredRow extends AuditRowData {
  prev_hash: string;
  hash: string;
}

export interface AuditTrailDeps {
  db: Database;
  now: () => Date;
}

/**
 * The append-only audit trail: every reveal, print and export, and every sign-in event. Rows
 * are chained by hash so an edit made behind the triggers' back shows up in `verify`.
 */
export function createAuditTrail({ db, now }: AuditTrailDeps) {
  const last = prepared<[], { id: number; hash: string }>(
    db,
    'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1',
  );
  const insert = prepared<[StoredRow]>(
    db,
    `
    INSERT INTO audit_log (id, at, actor, role, action, target, detail, prev_hash, hash)
    VALUES (@id, @at, @actor, @role, @action, @target, @detail, @prev_hash, @hash)`,
  );
  const page = prepared<[number, number], StoredRow>(
    db,
    'SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?',
  );
  const all = prepared<[], StoredRow>(db, 'SELECT * FROM audit_log ORDER BY id');

  // Read the tail and insert in one transaction: one writer, so the chain never forks.
  const append = db.transaction((record: AuditRecord): number => {
    const tail = last.get();
    const row: AuditRowData = {
      id: (tail?.id ?? 0) + 1,
      at: now().getTime(),
      actor: record.actor,
      role: record.role,
      action: record.action,
      target: record.target,
      detail: canonicalJson(record.detail ?? {}),
    };
    const prev = tail?.hash ?? GENESIS_HASH;
    insert.run({ ...row, prev_hash: prev, hash: auditHash(prev, row) });
    return row.id;
  });

  function list(limit: number, beforeId?: number): AuditEntry[] {
    return page.all(beforeId ?? Number.MAX_SAFE_INTEGER, limit).map((r) => ({
      id: r.id,
      at: toHallIso(r.at),
      actor: r.actor,
      role: r.role,
      action: r.action,
      target: r.target,
      detail: JSON.parse(r.detail) as AuditDetail,
    }));
  }

  /** Walks the whole chain; the first row whose link or hash is wrong is reported. */
  function verify(): AuditVerify {
    let prev = GENESIS_HASH;
    let rows = 0;
    let expectedId = 1;
    for (const r of all.iterate()) {
      rows += 1;
      const data: AuditRowData = {
        id: r.id,
        at: r.at,
        actor: r.actor,
        role: r.role,
        action: r.action,
        target: r.target,
        detail: r.detail,
      };
      if (r.id !== expectedId || r.prev_hash !== prev || r.hash !== auditHash(prev, data)) {
        return { ok: false, rows, firstBadId: r.id };
      }
      prev = r.hash;
      expectedId += 1;
    }
    return { ok: true, rows, firstBadId: null };
  }

  /** The last row's id and hash (0 and '' when empty): sync reports it so a cut end shows. */
  function tail(): { lastId: number; hash: string } {
    const row = last.get();
    return { lastId: row?.id ?? 0, hash: row?.hash ?? '' };
  }

  return { append, list, verify, tail };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
