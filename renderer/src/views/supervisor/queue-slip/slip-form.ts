import { invalidInput } from '../../../../../shared/api/input-errors';
import type { QueueConfig } from '../../../../../shared/queue/schemas';
import {
  DEFAULT_SLIP,
  SlipSettingsSchema,
  type SlipSettings,
} from '../../../../../shared/queue/slip';

/** The supervisor's form for the hall's ticket slip: roll width and queue query address. */
export interface SlipForm {
  paperMm: number;
  queueQueryUrl: string;
}

export function slipFormFrom(config: QueueConfig): SlipForm {
  const slip = config.slip ?? DEFAULT_SLIP;
  return { paperMm: slip.paperMm, queueQueryUrl: slip.queueQueryUrl ?? '' };
}

/** What is sent: an emptied address drops it (the slip then prints without a QR code). */
export function slipInputOf(form: SlipForm): { paperMm: number; queueQueryUrl?: string } {
  const url = form.queueQueryUrl.trim();
  return { paperMm: form.paperMm, ...(url ? { queueQueryUrl: url } : {}) };
}

/**
 * The schema the services check, run in the page: field → message in the chosen language,
 * each naming the field by its label and saying what to do.
 */
export function slipFieldErrors(form: SlipForm, zh: boolean): Record<string, string> {
  const parsed = SlipSettingsSchema.safeParse(slipInputOf(form));
  if (parsed.success) return {};
  const body = invalidInput(parsed.error.issues);
  return Object.fromEntries(
    (body.fieldErrors ?? []).map((f) => [f.field, zh ? f.message : f.messageEn]),
  );
}

/** The hall's queue configuration with the new slip; every other setting is kept as it is. */
export function configWithSlip(config: QueueConfig, slip: SlipSettings): QueueConfig {
  return { ...config, slip };
}
