import { apiError } from '../../../../shared/api/errors';
import type { ApplicationServiceInfo } from '../../../../shared/api/methods/dashboard';
import type { FieldValues } from '../../../../shared/api/schemas';
import { typeIn, type CatalogueShelf } from '../../../../shared/catalogue/versions';
import { isFinishedStage } from '../../../../shared/catalogue/stages';
import { deadlineWarning } from '../../../../shared/deadline';
import { limitsFor, ruleSetAt, stageDeadline } from '../../../../shared/service-rules';
import { toHallIso } from '../../../../shared/hall-time';
import type { ComplaintService } from '../complaints/service';
import { createApplicationRepository } from '../applications/repository';
import type { Database } from '../db';
import type { SettingsService } from '../settings/service';

/**
 * One application's commitments: the process deadline fixed at acceptance, the limit of the
 * central stage it is in (counted from when it entered it), the earlier of the two as its
 * current deadline, the warning now, and repeat contacts of its customer.
 */
export function createServiceInfo(deps: {
  db: Database;
  catalogues: CatalogueShelf;
  settings: SettingsService;
  complaints: ComplaintService;
  now: () => Date;
}) {
  const applications = createApplicationRepository(deps.db);
  return (id: string): ApplicationServiceInfo => {
    const row = applications.withStage(id);
    if (!row) throw apiError('NOT_FOUND', '找不到该申请', 'Application not found', { field: 'id' });
    const { settings } = deps;
    const now = deps.now();
    const acceptedAt = new Date(row.accepted_at ?? now.getTime());
    // The limits of the version the application was accepted under.
    const type = typeIn(deps.catalogues, row.type_code, {
      version: row.catalogue_version,
      at: acceptedAt,
    });
    const fields = JSON.parse(row.fields_json) as FieldValues;
    const set = ruleSetAt(settings.ruleSets(), acceptedAt);
    const stageCode = row.stage ?? row.central_stage;
    const stageDue =
      type && row.accepted_at !== null && stageCode && row.stage_at !== null
        ? stageDeadline(
            settings.ruleSets(),
            type,
            fields,
            acceptedAt,
            stageCode,
            new Date(row.stage_at),
            settings.context(),
          )
        : null;
    const candidates = [row.deadline_at, stageDue?.getTime() ?? null].filter(
      (x): x is number => x !== null,
    );
    const current = candidates.length ? Math.min(...candidates) : null;
    // The same engine as at acceptance: only its second, whole-process limit is read here.
    const whole =
      type && row.accepted_at !== null
        ? settings.processDeadline(type, fields, acceptedAt).whole
        : undefined;
    const closed = isFinishedStage(row.central_stage);
    return {
      ruleVersion: set.version,
      workingDays: type ? limitsFor(set, type, fields).workingDays : 0,
      deadlineAt: row.deadline_at === null ? null : toHallIso(row.deadline_at),
      whole: whole
        ? {
            workingDays: whole.workingDays,
            deadlineAt: toHallIso(whole.deadlineAt.getTime()),
            provisional: whole.provisional,
          }
        : null,
      stage:
        stageCode && row.stage_at !== null
          ? {
              code: stageCode,
              startedAt: toHallIso(row.stage_at),
              deadlineAt: stageDue ? toHallIso(stageDue.getTime()) : null,
            }
          : null,
      currentDeadlineAt: current === null ? null : toHallIso(current),
      closed,
      warning:
        closed || current === null
          ? 'none'
          : deadlineWarning(new Date(current), now, {
              thresholds: settings.warnings(),
              calendar: settings.calendar(),
            }),
      repeat: deps.complaints.repeatForApplication(id),
    };
  };
}
