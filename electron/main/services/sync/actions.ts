import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { lazyCipherOf } from '../crypto';
import { prepared, type Database } from '../db';
import { createApplicationRepository } from '../applications/repository';
import { apiError } from '../../../../shared/api/errors';
import type { FieldValue, FieldValues } from '../../../../shared/api/schemas';
import type { FieldKind } from '../../../../shared/catalogue/types';
import { maskPersonal } from '../../../../shared/domain/mask';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import type { ApplicationSubmitPayload } from '../../../../shared/sync/application-payload';
import type { OpResult } from '../../../../shared/sync/protocol';
import type {
  ConflictView,
  DeadLetter,
  DiscardDeadLetterInput,
  ResendDeadLetterInput,
  ResolveConflictInput,
} from '../../../../shared/sync/sync-api';
import { createOutbox, type OutboxRow } from './outbox';
import { createOutboxStore } from './outbox-store';

/**
 * Applies corrected (or central) field values to the local application: search columns,
 * history with masked values, version. Supplied by the application service, which owns those;
 * returns the submit payload rebuilt from the corrected record. Runs inside our transaction.
 */
export type ApplyCorrection = (
  applicationId: string,
  fields: FieldValues,
  actor: string,
  /** supervisor: checked like a submit; central: adopted as it is (the central record wins). */
  origin?: 'supervisor' | 'central',
) => ApplicationSubmitPayload;

export interface SyncActionsDeps {
  db: Database;
  now?: () => number;
  newOpId?: () => string;
  applyCorrection?: ApplyCorrection;
  /** Told after a change that gives the engine work (resend, send_local): engine.kick. */
  onQueued?: () => void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const GENERIC_REASON = {
  zh: '中心系统拒绝了该操作',
  en: 'The central system refused the operation',
};

/** Display kind of a field key, so personal values are masked in the side-by-side view. */
function kindOfKey(key: string): FieldKind {
  if (/idnumber/i.test(key)) return 'idNumber';
  if (/mobile|phone/i.test(key)) return 'mobile';
  if (/creditcode/i.test(key)) return 'creditCode';
  if (/address/i.test(key)) return 'address';
  return 'text';
}

const show = (key: string, value: unknown): string =>
  value === undefined
    ? ''
    : typeof value === 'object' && value !== null && !('province' in value)
      ? canonicalJson(value)
      : maskPersonal(kindOfKey(key), value as FieldValue);

/** Masked differences between two payloads: fields one by one, the rest as whole values. */
export function payloadDifferences(
  local: Record<string, unknown>,
  central: Record<string, unknown> | undefined,
): { key: string; local: string; central: string }[] {
  if (!central) return [];
  const out: { key: string; local: string; central: string }[] = [];
  const lf = (local.fields ?? {}) as Record<string, unknown>;
  const cf = (central.fields ?? {}) as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(lf), ...Object.keys(cf)])].sort()) {
    if (canonicalJson(lf[key] ?? null) !== canonicalJson(cf[key] ?? null)) {
      out.push({ key: `fields.${key}`, local: show(key, lf[key]), central: show(key, cf[key]) });
    }
  }
  const skip = new Set(['fields', 'baseHash']);
  for (const key of [...new Set([...Object.keys(local), ...Object.keys(central)])].sort()) {
    if (skip.has(key)) continue;
    if (canonicalJson(local[key] ?? null) !== canonicalJson(central[key] ?? null)) {
      out.push({ key, local: show(key, local[key]), central: show(key, central[key]) });
    }
  }
  return out;
}

const notFound = () =>
  apiError('NOT_FOUND', '找不到该同步记录', 'No such sync record', { field: 'seq' });
const wrongState = () =>
  apiError('CONFLICT', '该记录已被处理', 'This record was already dealt with', { field: 'seq' });

/**
 * What supervisors and clerks do about operations the central system refused. A resend keeps
 * the operation's place in its application's order (same outbox row) under a new operation id:
 * the old id keeps its answer centrally, so reusing it would be refused.
 */
/** The context a supervisor's reason for discarding a dead letter is sealed under. */
export const RESOLUTION_REASON_CONTEXT = 'sync_resolutions.reason';

export function createSyncActions(deps: SyncActionsDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const newOpId = deps.newOpId ?? uuidv7;
  const outbox = createOutbox(db);

  const store = createOutboxStore(db);
  const applications = createApplicationRepository(db);
  // This module owns sync_resolutions: who did what about a refused operation.
  // The supervisor's reason is free text: sealed at rest (it is only ever written, never listed).
  const cipher = lazyCipherOf(db);
  const sealReason = (text: string): string => cipher.seal(text, RESOLUTION_REASON_CONTEXT);
  const resolution = prepared(
    db,
    `
    INSERT INTO sync_resolutions (outbox_seq, action, actor, reason, old_op_id, new_op_id, at)
    VALUES (@seq, @action, @actor, @reason, @oldOpId, @newOpId, @at)`,
  );
  const answerOf = (r: OutboxRow): Partial<OpResult> & { detail?: string } =>
    r.response ? (JSON.parse(r.response) as Partial<OpResult>) : {};

  const mustBe = (seq: number, state: OutboxRow['state']): OutboxRow => {
    const r = store.bySeq(seq);
    if (!r) throw notFound();
    if (r.state !== state) throw wrongState();
    return r;
  };

  const requeueAs = (r: OutboxRow, kind: string, payload: Record<string, unknown>): string => {
    const text = canonicalJson(payload);
    const opId = newOpId();
    store.requeue(r.seq, opId, kind, text, sha256(text));
    outbox.refreshStates([r]);
    return opId;
  };

  return {
    deadLetters(): DeadLetter[] {
      return store.byState('dead').map((r) => {
        const answer = answerOf(r);
        const app = applications.syncInfo(r.application_id);
        return {
          seq: r.seq,
          opId: r.op_id,
          applicationId: r.application_id,
          appNo: app?.app_no ?? null,
          typeCode: app?.type_code ?? '',
          kind: r.kind,
          reasonCode: answer.reasonCode ?? r.last_error?.split(' ')[0] ?? null,
          reason: answer.reason ?? GENERIC_REASON,
          field: answer.field ?? null,
          attempts: r.attempts,
          createdAt: new Date(r.created_at).toISOString(),
        };
      });
    },

    conflicts(): ConflictView[] {
      return store.byState('conflict').map((r) => {
        const answer = answerOf(r);
        const app = applications.syncInfo(r.application_id);
        const local = JSON.parse(r.payload) as Record<string, unknown>;
        return {
          seq: r.seq,
          opId: r.op_id,
          applicationId: r.application_id,
          appNo: app?.app_no ?? null,
          typeCode: app?.type_code ?? '',
          kind: r.kind,
          reasonCode: answer.reasonCode ?? null,
          reason: answer.reason ?? GENERIC_REASON,
          centralNo: answer.central?.centralNo ?? app?.central_no ?? null,
          centralStage: answer.central?.stage ?? app?.central_stage ?? null,
          centralVersion: answer.central?.version ?? null,
          differences: payloadDifferences(local, answer.central?.payload),
          createdAt: new Date(r.created_at).toISOString(),
        };
      });
    },

    /** Supervisor: send a dead letter again, corrected or as it is, in its original place. */
    resendDeadLetter(input: ResendDeadLetterInput, actor: string): { opId: string } {
      const opId = db.transaction(() => {
        const r = mustBe(input.seq, 'dead');
        let payload = JSON.parse(r.payload) as Record<string, unknown>;
        if (input.fields && Object.keys(input.fields).length > 0) {
          // Only an application has fields a supervisor corrects; a hall record is resent as is.
          if (!r.kind.startsWith('application.')) {
            throw apiError(
              'VALIDATION',
              '该记录不是申请，只能原样重发或作废',
              'This record is not an application: resend it as it is or discard it',
              { field: 'fields' },
            );
          }
          if (!deps.applyCorrection) {
            throw apiError(
              'UNAVAILABLE',
              '暂不支持修改后重发',
              'Corrections cannot be applied here',
              {
                field: 'fields',
              },
            );
          }
          const merged = { ...(payload.fields as FieldValues), ...input.fields };
          const rebuilt = deps.applyCorrection(r.application_id, merged, actor, 'supervisor');
          // A correction keeps what only the operation knows (a replace's base).
          payload = { ...rebuilt, ...(payload.baseHash ? { baseHash: payload.baseHash } : {}) };
        }
        const id = requeueAs(r, r.kind, payload);
        resolution.run({
          seq: r.seq,
          action: 'resend',
          actor,
          reason: null,
          oldOpId: r.op_id,
          newOpId: id,
          at: now(),
        });
        return id;
      })();
      deps.onQueued?.();
      return { opId };
    },

    /** Supervisor: give up on a dead letter, saying why. A dropped submit takes its later ops along. */
    discardDeadLetter(input: DiscardDeadLetterInput, actor: string): void {
      db.transaction(() => {
        const r = mustBe(input.seq, 'dead');
        store.discard(r.seq);
        if (r.kind === 'application.submit') store.discardLater(r.application_id, r.seq);
        resolution.run({
          seq: r.seq,
          action: 'discard',
          actor,
          reason: sealReason(input.reason),
          oldOpId: r.op_id,
          newOpId: null,
          at: now(),
        });
        outbox.refreshStates([r]);
      })();
    },

    /** Clerk: keep the central record, or send ours as a correction based on it. */
    resolveConflict(input: ResolveConflictInput, actor: string): { opId: string | null } {
      const opId = db.transaction(() => {
        const r = mustBe(input.seq, 'conflict');
        const central = answerOf(r).central;
        if (!central) {
          throw apiError('CONFLICT', '缺少中心记录，无法处理', 'The central record is missing', {
            field: 'seq',
          });
        }
        if (input.choice === 'keep_central') {
          if (central.payload && deps.applyCorrection) {
            deps.applyCorrection(
              r.application_id,
              central.payload.fields as FieldValues,
              actor,
              'central',
            );
          }
          applications.adoptCentralNo(r.application_id, central.centralNo, central.stage);
          store.discard(r.seq);
          resolution.run({
            seq: r.seq,
            action: 'keep_central',
            actor,
            reason: null,
            oldOpId: r.op_id,
            newOpId: null,
            at: now(),
          });
          outbox.refreshStates([r]);
          return null;
        }
        const local = JSON.parse(r.payload) as Record<string, unknown>;
        const { baseHash: _old, ...content } = local;
        const id = requeueAs(r, 'application.replace', {
          ...content,
          baseHash: central.payloadHash,
        });
        resolution.run({
          seq: r.seq,
          action: 'send_local',
          actor,
          reason: null,
          oldOpId: r.op_id,
          newOpId: id,
          at: now(),
        });
        return id;
      })();
      if (opId) deps.onQueued?.();
      return { opId };
    },
  };
}

export type SyncActions = ReturnType<typeof createSyncActions>;
