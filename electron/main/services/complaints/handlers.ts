import type { HandlersFor } from '../../../../shared/api/dispatcher';
import type { complaintMethods } from '../../../../shared/api/methods/complaints';
import type { ComplaintService } from './service';

/** The complaints loop and repeat contacts behind the contract; the actor comes from ctx. */
export function createComplaintHandlers(deps: {
  complaints: ComplaintService;
}): HandlersFor<typeof complaintMethods> {
  const { complaints: c } = deps;
  return {
    'complaints.take': (input, ctx) => c.take(input, ctx.actor),
    'complaints.list': (input) => c.list(input),
    'complaints.get': (input) => c.get(input.id),
    'complaints.dispatch': (i, ctx) => c.dispatch(i.id, i.version, i.assignee, ctx.actor, i.note),
    'complaints.contact': (i, ctx) => c.contact(i.id, i.version, ctx.actor, i.note),
    'complaints.answer': (i, ctx) => c.answer(i.id, i.version, i.answer, ctx.actor, i.note),
    'complaints.visit': (i, ctx) => c.visit(i.id, i.version, i.result, ctx.actor, i.note),
    'complaints.archive': (i, ctx) => c.archive(i.id, i.version, ctx.actor, i.note),
    'repeats.forApplication': (input) => c.repeatForApplication(input.id),
    'repeats.list': (input) => c.repeatList(input.level),
  };
}
