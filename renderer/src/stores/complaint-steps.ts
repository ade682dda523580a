import { isAllowed, type Role } from '../../../shared/api/permissions';
import {
  COMPLAINT_STEPS,
  STEP_RULES,
  type ComplaintState,
  type ComplaintStep,
} from '../../../shared/service-rules/complaints';

/**
 * The steps the signed-in role may take on a complaint in `state`: the state rules and the
 * permission table the services enforce, so a screen never offers a step that ends in a refusal.
 */
export function complaintStepsOpenTo(
  state: ComplaintState | undefined,
  role: Role | undefined,
): ComplaintStep[] {
  if (!state || !role) return [];
  return COMPLAINT_STEPS.filter(
    (step) => STEP_RULES[step].from.includes(state) && isAllowed(role, `complaints.${step}`),
  );
}
