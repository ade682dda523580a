import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { apiError } from '../../../../shared/api/errors';
import type {
  ComplaintDetail,
  ComplaintSummary,
  ComplaintTakeInputSchema,
  RepeatInfo,
  RepeatRow,
} from '../../../../shared/api/methods/complaints';
import {
  complaintDeadlines,
  ruleSetAt,
  STEP_RULES,
  visitDeadline,
  reopenedAnswerDeadline,
  type ComplaintStep,
  type ServiceRuleSet,
  type VisitResult,
} from '../../../../shared/service-rules';
import { hallDateCompact } from '../../../../shared/hall-time';
import { createApplicationRepository } from '../applications/repository';
import { lazyCipherOf, storedIdentifiers } from '../crypto';
import { prepared, type Database } from '../db';
import type { SettingsService } from '../settings/service';
import { normalisedContactKeys } from './contact-keys';
import { notFound, stale, wrongStep } from './errors';
import { complaintListFilter, type ComplaintListQueryParsed } from './list-filter';
import { toComplaintDetail, toComplaintSummary } from './present';
import { createRepeatFinder } from './repeats';
import { openComplaint, openEvent, sealAnswer, sealContent, sealNote } from './sealing';
import type { ComplaintEventRow, ComplaintRow } from './rows';

export type ComplaintTake = z.output<typeof ComplaintTakeInputSchema>;
export type { ComplaintListQueryParsed };

export interface ComplaintServiceDeps {
  db: Database;
  settings: SettingsService;
  now: () => Date;
}

/**
 * Complaints, opinions and requests as a closed loop: take → dispatch → contact (24 h) →
 * answer (5 working days) → follow-up visit → archive. Each step checks the state it needs and
 * the version the caller saw, updates the case and appends who/when/note to complaint_events
 * in one transaction. Deadlines come from the rule set in force when the case was taken.
 */
export function createComplaintService(deps: ComplaintServiceDeps) {
  const { db, settings } = deps;
  const repeats = createRepeatFinder(db);
  const cipher = lazyCipherOf(db);

  const applications = createApplicationRepository(db);
  const byId = prepared(db, 'SELECT * FROM complaints WHERE id = ?');
  const eventsOf = prepared(
    db,
    'SELECT * FROM complaint_events WHERE complaint_id = ? ORDER BY id',
  );
  const insertEvent = prepared(
    db,
    `INSERT INTO complaint_events (complaint_id, at, actor, action, note)
     VALUES (@complaint_id, @at, @actor, @action, @note)`,
  );
  const lastNo = prepared(
    db,
    `SELECT complaint_no FROM complaints INDEXED BY complaints_no
       WHERE complaint_no >= @lo AND complaint_no < @hi ORDER BY complaint_no DESC LIMIT 1`,
  ).pluck();

  const find = (id: string): ComplaintRow | undefined => byId.get(id) as ComplaintRow | undefined;
  const setOf = (row: ComplaintRow): ServiceRuleSet =>
    settings.ruleSets().find((s) => s.version === row.rule_version) ??
    ruleSetAt(settings.ruleSets(), new Date(row.taken_at));

  function detail(id: string): ComplaintDetail {
    const row = find(id);
    if (!row) throw notFound();
    const events = (eventsOf.all(id) as ComplaintEventRow[]).map((e) => openEvent(cipher, e));
    return toComplaintDetail(openComplaint(cipher, row), events, setOf(row));
  }

  function nextNo(at: number): string {
    const prefix = `TS${hallDateCompact(at)}`;
    const last = lastNo.get({ lo: prefix, hi: `${prefix}~` }) as string | undefined;
    const seq = last ? Number(last.slice(prefix.length)) + 1 : 1;
    return `${prefix}${String(seq).padStart(4, '0')}`;
  }

  function take(input: ComplaintTake, actor: string): ComplaintDetail {
    const now = deps.now();
    const at = now.getTime();
    const keys = normalisedContactKeys(input, now);
    const stored = storedIdentifiers(cipher, {
      ...keys,
      id_number: keys.idNumber,
      credit_code: '',
    });
    const sets = settings.ruleSets();
    const set = ruleSetAt(sets, now);
    const due = complaintDeadlines(sets, now, settings.context());
    const id = uuidv7();
    db.transaction(() => {
      const repeat = repeats.info(
        'complaint',
        null,
        { idNumber: stored.id_number_bidx, creditCode: '', mobile: stored.mobile_bidx },
        input.subject,
        at,
        set,
      );
      prepared(
        db,
        `INSERT INTO complaints (id, complaint_no, kind, subject, channel, customer_name, id_number,
           mobile, id_number_bidx, mobile_bidx, account_no, application_id, content, state,
           rule_version, taken_at, taken_by, contact_due_at, answer_due_at, next_due_at,
           repeat_count)
         VALUES (@id, @no, @kind, @subject, @channel, @name, @idNumber, @mobile, @idNumberBidx,
           @mobileBidx, @accountNo,
           @applicationId, @content, 'taken', @ruleVersion, @at, @actor, @contactDue, @answerDue,
           @contactDue, @repeatCount)`,
      ).run({
        id,
        no: nextNo(at),
        kind: input.kind,
        subject: input.subject,
        channel: input.channel,
        name: input.customerName,
        idNumber: stored.id_number,
        mobile: stored.mobile,
        idNumberBidx: stored.id_number_bidx,
        mobileBidx: stored.mobile_bidx,
        accountNo: input.accountNo ?? '',
        applicationId: input.applicationId ?? null,
        content: sealContent(cipher, input.content),
        ruleVersion: due.ruleVersion,
        at,
        actor,
        contactDue: due.contactDueAt.getTime(),
        answerDue: due.answerDueAt.getTime(),
        repeatCount: repeat.count,
      });
      insertEvent.run({ complaint_id: id, at, actor, action: 'take', note: '' });
    })();
    return detail(id);
  }

  /** One step of the loop: checks state and version, updates, logs; all in one transaction. */
  function step(
    id: string,
    version: number,
    name: ComplaintStep,
    actor: string,
    note: string,
    patch: (row: ComplaintRow, at: number) => Record<string, string | number | null>,
  ): ComplaintDetail {
    const at = deps.now().getTime();
    db.transaction(() => {
      const row = find(id);
      if (!row) throw notFound();
      if (row.version !== version) throw stale();
      const rule = STEP_RULES[name];
      if (!rule.from.includes(row.state)) throw wrongStep();
      const changes = { ...patch(row, at), state: rule.to };
      const sets = Object.keys(changes)
        .map((k) => `${k} = @${k}`)
        .join(', ');
      const result = prepared(
        db,
        `UPDATE complaints SET ${sets}, version = version + 1 WHERE id = @id AND version = @version`,
      ).run({ ...changes, id, version });
      if (result.changes !== 1) throw stale();
      insertEvent.run({ complaint_id: id, at, actor, action: name, note: sealNote(cipher, note) });
    })();
    return detail(id);
  }

  const reopenStmt = prepared(
    db,
    `UPDATE complaints SET state = 'contacted', visited_at = @at, visit_result = 'dissatisfied',
       visit_due_at = NULL, answer_due_at = @due, next_due_at = @due, version = version + 1
     WHERE id = @id AND version = @version AND state = 'answered'`,
  );

  /**
   * A dissatisfied visit: the visit is logged, then the complaint goes back to be answered again
   * with a new answer deadline. Nothing is deleted: the events keep every step, and the reopen
   * event keeps the answer the customer was not satisfied with (the next answer replaces it).
   */
  function reopen(id: string, version: number, actor: string, note: string): ComplaintDetail {
    const now = deps.now();
    const at = now.getTime();
    db.transaction(() => {
      const row = find(id);
      if (!row) throw notFound();
      if (row.version !== version) throw stale();
      if (!STEP_RULES.visit.from.includes(row.state)) throw wrongStep();
      const due = reopenedAnswerDeadline(
        settings.ruleSets(),
        new Date(row.taken_at),
        now,
        settings.context(),
      ).getTime();
      if (reopenStmt.run({ id, version, at, due }).changes !== 1) throw stale();
      insertEvent.run({
        complaint_id: id,
        at,
        actor,
        action: 'visit',
        note: sealNote(cipher, note),
      });
      // The rejected answer moves into the reopen event: opened from its column, sealed as a note.
      const rejected = row.answer === null ? '' : (openComplaint(cipher, row).answer ?? '');
      insertEvent.run({
        complaint_id: id,
        at,
        actor,
        action: 'reopen',
        note: sealNote(cipher, rejected),
      });
    })();
    return detail(id);
  }

  function list(q: ComplaintListQueryParsed): { rows: ComplaintSummary[]; total: number } {
    const current = ruleSetAt(settings.ruleSets(), deps.now());
    const bounds = () => settings.warningBounds(deps.now());
    const { where: sql, order, params } = complaintListFilter(q, bounds, current);
    const rows = prepared(
      db,
      `SELECT * FROM complaints WHERE ${sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: q.limit, offset: q.offset }) as ComplaintRow[];
    const total = prepared(db, `SELECT count(*) FROM complaints WHERE ${sql}`)
      .pluck()
      .get(params) as number;
    return { rows: rows.map((r) => toComplaintSummary(r, setOf(r))), total };
  }

  function repeatForApplication(applicationId: string): RepeatInfo {
    const app = applications.contactKeys(applicationId);
    if (!app) throw apiError('NOT_FOUND', '找不到该申请', 'Application not found', { field: 'id' });
    const at = app.accepted_at ?? deps.now().getTime();
    const set = ruleSetAt(settings.ruleSets(), new Date(at));
    return repeats.info(
      'application',
      app.id,
      { idNumber: app.id_number_bidx, creditCode: app.credit_code_bidx, mobile: app.mobile_bidx },
      app.family,
      at,
      set,
    );
  }

  function repeatList(level: 'orange' | 'red'): RepeatRow[] {
    const now = deps.now();
    const set = ruleSetAt(settings.ruleSets(), now);
    return repeats.list(
      now.getTime(),
      set,
      level === 'red' ? set.repeat.redAt : set.repeat.orangeAt,
    );
  }

  return {
    take,
    list,
    get: detail,
    dispatch: (id: string, version: number, assignee: string, actor: string, note = '') =>
      step(id, version, 'dispatch', actor, note, (_row, at) => ({ assignee, dispatched_at: at })),
    contact: (id: string, version: number, actor: string, note = '') =>
      step(id, version, 'contact', actor, note, (row, at) => ({
        contacted_at: at,
        next_due_at: row.answer_due_at,
      })),
    answer: (id: string, version: number, answer: string, actor: string, note = '') =>
      step(id, version, 'answer', actor, note, (row, at) => {
        const due = visitDeadline(
          settings.ruleSets(),
          new Date(row.taken_at),
          new Date(at),
          settings.context(),
        ).getTime();
        return {
          answered_at: at,
          answer: sealAnswer(cipher, answer),
          visit_due_at: due,
          next_due_at: due,
        };
      }),
    visit: (id: string, version: number, result: VisitResult, actor: string, note = '') =>
      result === 'dissatisfied'
        ? reopen(id, version, actor, note)
        : step(id, version, 'visit', actor, note, (_row, at) => ({
            visited_at: at,
            visit_result: result,
            next_due_at: null,
          })),
    archive: (id: string, version: number, actor: string, note = '') =>
      step(id, version, 'archive', actor, note, (_row, at) => ({
        archived_at: at,
        next_due_at: null,
      })),
    repeatForApplication,
    repeatList,
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;

/** A complaint as a customer's timeline shows it: number, kind, state, times, 回访 result. */
export interface CustomerComplaint {
  id: string;
  complaint_no: string;
  kind: string;
  subject: string;
  state: string;
  assignee: string | null;
  taken_at: number;
  visited_at: number | null;
  visit_result: string | null;
}

/**
 * The complaints of a customer, by the blind index of their ID number or of their phone (the
 * customer record's timeline and satisfaction): newest first, at most 200.
 */
/** A complaint's customer keys (blind indexes) and what the sensitive list weighs. */
export interface ComplaintKey {
  id_number_bidx: string | null;
  mobile_bidx: string | null;
  subject: string;
  state: string;
  taken_at: number;
}

/** The keys of complaints taken since `from`, and of those in `openStates` whatever their age. */
export function complaintKeysOf(db: Database) {
  const keys = prepared<[number, string], ComplaintKey>(
    db,
    `SELECT id_number_bidx, mobile_bidx, subject, state, taken_at FROM complaints
      WHERE taken_at >= ? OR state IN (SELECT value FROM json_each(?))`,
  );
  return (from: number, openStates: readonly string[]): ComplaintKey[] =>
    keys.all(from, JSON.stringify(openStates));
}

export function complaintsOfCustomer(db: Database) {
  const COLUMNS =
    'id, complaint_no, kind, subject, state, assignee, taken_at, visited_at, visit_result';
  const byId = prepared<[string], CustomerComplaint>(
    db,
    `SELECT ${COLUMNS} FROM complaints WHERE id_number_bidx = ? ORDER BY taken_at DESC LIMIT 200`,
  );
  const byMobile = prepared<[string], CustomerComplaint>(
    db,
    `SELECT ${COLUMNS} FROM complaints WHERE mobile_bidx = ? ORDER BY taken_at DESC LIMIT 200`,
  );
  return (keys: { idNumberBidx: string; mobileBidx: string }): CustomerComplaint[] => {
    const seen = new Map<string, CustomerComplaint>();
    if (keys.idNumberBidx !== '') for (const c of byId.all(keys.idNumberBidx)) seen.set(c.id, c);
    if (keys.mobileBidx !== '') for (const c of byMobile.all(keys.mobileBidx)) seen.set(c.id, c);
    return [...seen.values()].sort((a, b) => b.taken_at - a.taken_at);
  };
}
