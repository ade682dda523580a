import { maskMobile, maskName } from '../../shared/domain/mask';
import type { KioskDraft, LookupInput, LookupResult } from '../../shared/queue/kiosk';
import { hallDate } from '../../shared/hall-time';
import { openDraft } from './draft-sealing';
import type { QueueOpParsed } from '../../shared/queue/protocol';
import { checkMobile } from '../../shared/validators/mobile';
import { get, all, run, type Work } from '../store/work';
import { APPLICATION_PAYLOAD_CONTEXT, openPayload } from '../sealed-payloads';
import {
  notFound,
  QueueRefusal,
  refuse,
  SELECT_TICKET,
  type QueueCore,
  type TicketRow,
} from './core';

/** What the self-service kiosk does: rate a visit, hand over a pre-filled draft, look up. */

export function* rate(
  q: QueueCore,
  hall: string,
  input: QueueOpParsed<'rate'>,
): Work<{ ticketNumber: string }> {
  {
    const today = hallDate(q.now());
    const rows = yield* all<TicketRow>(
      `${SELECT_TICKET} WHERE t.hall_code = ? AND t.day = ? AND t.number = ? ORDER BY t.rowid DESC`,
      hall,
      today,
      input.ticketNumber,
    );
    if (rows.length === 0) throw notFound();
    if (rows.some((r) => r.rated === 1)) throw refuse('conflict', 'already_rated');
    const done = rows.find((r) => r.state === 'done');
    if (!done) throw refuse('conflict', 'not_served');
    yield* run(
      `INSERT INTO queue_ratings (ticket_id, hall_code, day, rating, attitude, quality, efficiency, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      done.id,
      hall,
      done.day,
      input.rating,
      input.attitude ?? null,
      input.quality ?? null,
      input.efficiency ?? null,
      q.now(),
    );
    return { ticketNumber: done.number };
  }
}

/** The customer's own data: only for the counter that holds the ticket right now. */
export function* kioskDraft(
  q: QueueCore,
  hall: string,
  counter: string,
  id: string,
): Work<KioskDraft | null> {
  const row = yield* q.held(hall, counter, id, ['called', 'serving']);
  return row.kiosk_draft ? openDraft(q.cipher, row.kiosk_draft) : null;
}

/** The counter verifying a kiosk draft: records which application it became. */
export function* takeKioskDraft(
  q: QueueCore,
  hall: string,
  counter: string,
  input: QueueOpParsed<'takeKioskDraft'>,
): Work<KioskDraft> {
  const row = yield* q.held(hall, counter, input.ticketId, ['called', 'serving']);
  if (!row.kiosk_draft) throw notFound();
  yield* run(
    'UPDATE queue_tickets SET kiosk_application_id = ? WHERE id = ?',
    input.applicationId,
    row.id,
  );
  return openDraft(q.cipher, row.kiosk_draft);
}

const lookupNotFound = (): QueueRefusal =>
  new QueueRefusal('notFound', [
    '未找到匹配的申请，请核对申请编号和手机号',
    'No matching application; check the application number and the phone number',
  ]);

/**
 * An application of this hall by its counter or central number plus the phone on it. Anything
 * that does not match all three answers the same "not found", so the look-up cannot be used to
 * probe (nor to read another hall's applications).
 */
export function* lookup(q: QueueCore, hallCode: string, input: LookupInput): Work<LookupResult> {
  const mobile = checkMobile(input.mobile);
  if (!mobile.ok) throw lookupNotFound();
  const row = yield* get<{
    central_no: string;
    payload: string;
    stages: string;
    stage_index: number;
    type_code: string;
  }>(
    `SELECT central_no, payload, stages, stage_index, type_code FROM applications
       WHERE (app_no = ? OR central_no = ?) AND hall_code = ? LIMIT 1`,
    input.appNo,
    input.appNo,
    hallCode,
  );
  if (!row) throw lookupNotFound();
  const payload = JSON.parse(openPayload(q.cipher, row.payload, APPLICATION_PAYLOAD_CONTEXT)) as {
    appNo: string;
    acceptedAt: string;
    fields: Record<string, unknown>;
  };
  const stored =
    typeof payload.fields.mobile === 'string' ? checkMobile(payload.fields.mobile) : null;
  if (!stored?.ok || stored.value !== mobile.value) throw lookupNotFound();
  const stages = JSON.parse(row.stages) as string[];
  const name = typeof payload.fields.applicantName === 'string' ? payload.fields.applicantName : '';
  return {
    appNo: payload.appNo,
    centralNo: row.central_no,
    typeCode: row.type_code,
    applicantMasked: maskName(name),
    phoneMasked: maskMobile(mobile.value),
    acceptedAt: payload.acceptedAt,
    stage: stages[row.stage_index] ?? null,
    stageIndex: row.stage_index,
    stageCount: stages.length,
  };
}
