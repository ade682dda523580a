import type { Services } from '../createServices';
import { callOk } from '../auth/testing/services';
import { createOutboxStore } from '../sync/outbox-store';
import { SELF_SERVICE_STEPS } from '../../../../shared/queue/checklist';

/** What a test writes into every free-text column the station seals (migration 008). */
export interface FreeText {
  complaintContent: string;
  complaintAnswer: string;
  complaintNote: string;
  guideNote: string;
  discardReason: string;
  /** The customer's phone on the complaint (whole, valid). */
  complaintMobile: string;
}

/** Sessions by role (enforced services), or none (services without the gate). */
export interface RoleSessions {
  counter?: string;
  guide?: string;
  supervisor?: string;
}

/**
 * Writes each free-text column through the methods staff use: a complaint taken, contacted
 * and answered with notes; a guide's checklist with a note; a dead letter discarded with a
 * reason (the oldest pending operation is refused first, as the central system would). Needs
 * at least two submitted applications in the outbox (one is left for a correction).
 */
export async function writeFreeText(
  services: Services,
  text: FreeText,
  sessions: RoleSessions = {},
): Promise<{ complaintId: string; checklistId: string }> {
  type Detail = { id: string; version: number };
  let c = await callOk<Detail>(
    services,
    'complaints.take',
    {
      kind: 'complaint',
      subject: 'billing',
      channel: 'counter',
      customerName: '金丝雀',
      mobile: text.complaintMobile,
      content: text.complaintContent,
    },
    sessions.counter,
  );
  c = await callOk<Detail>(
    services,
    'complaints.contact',
    { id: c.id, version: c.version, note: text.complaintNote },
    sessions.counter,
  );
  await callOk(
    services,
    'complaints.answer',
    { id: c.id, version: c.version, answer: text.complaintAnswer, note: text.complaintNote },
    sessions.counter,
  );
  const checklist = await callOk<{ id: string }>(
    services,
    'guide.saveChecklist',
    {
      customer: 'A001',
      steps: Object.fromEntries(SELF_SERVICE_STEPS.map((step) => [step, step === 'register'])),
      note: text.guideNote,
    },
    sessions.guide ?? sessions.supervisor,
  );
  const outbox = createOutboxStore(services.db);
  const [first] = outbox.byState('pending');
  if (!first) throw new Error('writeFreeText needs a submitted application in the outbox');
  outbox.settle(first.seq, 'dead', 'invalid_field fields.mobile', '{"status":"rejected"}');
  await callOk(
    services,
    'sync.discardDeadLetter',
    { seq: first.seq, reason: text.discardReason },
    sessions.supervisor,
  );
  return { complaintId: c.id, checklistId: checklist.id };
}
