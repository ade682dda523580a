import type { z } from 'zod';
import type { ServiceSettings } from '../../../../shared/api/methods/dashboard';
import { WarningThresholdsSchema } from '../../../../shared/api/methods/dashboard';
import {
  CALENDAR_DATA_LAST_YEAR,
  CalendarYearSchema,
  createCalendar,
  DEFAULT_WARNING_THRESHOLDS,
  DEFAULT_WORKING_HOURS,
  hallDate,
  warningBounds,
  type CalendarYear,
  type WarningBounds,
  type WarningThresholds,
  type WorkingCalendar,
} from '../../../../shared/deadline';
import {
  DEFAULT_RULE_SETS,
  hoursOf,
  processDeadline,
  ruleSetAt,
  ServiceRuleSetSchema,
  type DeadlineContext,
  type ServiceRuleSet,
} from '../../../../shared/service-rules';
import type { BusinessType } from '../../../../shared/catalogue/types';
import type { FieldValues } from '../../../../shared/api/schemas';
import { apiError } from '../../../../shared/api/errors';
import { toHallIso } from '../../../../shared/hall-time';
import { prepared, type Database } from '../db';
import { AlertThresholdsSchema } from '../../../../shared/api/methods/alerts';
import { DEFAULT_ALERT_THRESHOLDS, type AlertThresholds } from '../../../../shared/alerts';

const KEY_WARNINGS = 'warnings';
const KEY_CALENDAR = 'calendarYears';
const KEY_RULE_SETS = 'ruleSets';
const KEY_ALERT_THRESHOLDS = 'alertThresholds';

/**
 * Supervisor settings for the service commitments, in the local database: warning thresholds,
 * holiday notices loaded for years the bundled calendar does not cover (or corrections), and
 * rule sets added after this build. Every change is also appended to service_settings_log.
 * A stored value that no longer parses is ignored (defaults apply), never half-used.
 */
export function createSettingsService(deps: { db: Database; now: () => Date }) {
  const { db } = deps;
  const getStmt = prepared(db, 'SELECT value FROM service_settings WHERE key = ?').pluck();
  const putStmt = prepared(
    db,
    `INSERT INTO service_settings (key, value, updated_at, updated_by) VALUES (@key, @value, @at, @actor)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );
  const logStmt = prepared(
    db,
    'INSERT INTO service_settings_log (key, value, at, actor) VALUES (@key, @value, @at, @actor)',
  );
  const logOfStmt = prepared(
    db,
    'SELECT value, at, actor FROM service_settings_log WHERE key = ? ORDER BY at, rowid',
  );

  function read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const raw = getStmt.get(key) as string | undefined;
    if (raw === undefined) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  const write = db.transaction((key: string, value: unknown, actor: string) => {
    const row = { key, value: JSON.stringify(value), at: deps.now().getTime(), actor };
    putStmt.run(row);
    logStmt.run(row);
  });

  // Rebuilt only when a setting changes: building a calendar is cheap, but not per row.
  let cached: {
    calendar: WorkingCalendar;
    ruleSets: ServiceRuleSet[];
    warnings: WarningThresholds;
  } | null = null;
  function state() {
    if (cached) return cached;
    const years = read<CalendarYear[]>(KEY_CALENDAR, CalendarYearSchema.array(), []);
    const extraSets = read<ServiceRuleSet[]>(KEY_RULE_SETS, ServiceRuleSetSchema.array(), []);
    const known = new Set(extraSets.map((s) => s.version));
    const ruleSets = [...DEFAULT_RULE_SETS.filter((s) => !known.has(s.version)), ...extraSets].sort(
      (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom),
    );
    cached = {
      calendar: createCalendar(years),
      ruleSets,
      warnings: read(KEY_WARNINGS, WarningThresholdsSchema, DEFAULT_WARNING_THRESHOLDS),
    };
    return cached;
  }

  const calendarYears = () => read<CalendarYear[]>(KEY_CALENDAR, CalendarYearSchema.array(), []);
  const inForce = () => ruleSetAt(state().ruleSets, deps.now());
  /** The set in force may carry its own thresholds; otherwise the supervisor's setting. */
  const warnings = () => inForce().warnings ?? state().warnings;

  /** The versions in a logged rule-set list; a value that does not parse lists none. */
  function versionsIn(value: string): string[] {
    try {
      const list = JSON.parse(value) as { version?: unknown }[];
      return list.map((s) => s.version).filter((v): v is string => typeof v === 'string');
    } catch {
      return [];
    }
  }

  /** Who added each rule set version and when, read back from the settings log. */
  function ruleSetAudit(): { version: string; at: number; actor: string }[] {
    const out: { version: string; at: number; actor: string }[] = [];
    const seen = new Set<string>();
    for (const row of logOfStmt.all(KEY_RULE_SETS) as {
      value: string;
      at: number;
      actor: string;
    }[]) {
      const versions = versionsIn(row.value);
      for (const version of versions)
        if (!seen.has(version)) {
          seen.add(version);
          out.push({ version, at: row.at, actor: row.actor });
        }
    }
    return out;
  }

  function view(): ServiceSettings {
    const s = state();
    return {
      warnings: warnings(),
      workingHours: inForce().workingHours ?? DEFAULT_WORKING_HOURS,
      calendarYears: calendarYears(),
      bundledCalendarLastYear: CALENDAR_DATA_LAST_YEAR,
      ruleSets: s.ruleSets,
      ruleSetAudit: ruleSetAudit().map((a) => ({ ...a, at: toHallIso(a.at) })),
    };
  }

  function change(key: string, value: unknown, actor: string): ServiceSettings {
    write(key, value, actor);
    cached = null;
    return view();
  }

  const context = (): DeadlineContext => ({
    calendar: state().calendar,
    hours: hoursOf(inForce()),
  });

  return {
    view,
    calendar: () => state().calendar,
    ruleSets: () => state().ruleSets,
    warnings,
    context,
    warningBounds: (now: Date): WarningBounds =>
      warningBounds(now, { thresholds: warnings(), calendar: state().calendar }),
    /** The deadline policy the application service uses at acceptance. */
    processDeadline: (type: BusinessType, fields: FieldValues, acceptedAt: Date) =>
      processDeadline(state().ruleSets, type, fields, acceptedAt, context()),
    setWarnings: (t: WarningThresholds, actor: string) => change(KEY_WARNINGS, t, actor),
    /** Hall alert suggestion thresholds (issue 17): the hall's own setting, logged like the rest. */
    alertThresholds: (): AlertThresholds =>
      read(KEY_ALERT_THRESHOLDS, AlertThresholdsSchema, DEFAULT_ALERT_THRESHOLDS),
    setAlertThresholds: (t: AlertThresholds, actor: string): void => {
      write(KEY_ALERT_THRESHOLDS, t, actor);
    },
    loadCalendarYear(year: CalendarYear, actor: string): ServiceSettings {
      const others = calendarYears().filter((y) => y.year !== year.year);
      const next = [...others, year].sort((a, b) => a.year - b.year);
      return change(KEY_CALENDAR, next, actor);
    },
    /**
     * A new version only, in force from today or later: work already accepted keeps the
     * figures it was accepted under, so a set may never change them after the fact.
     */
    saveRuleSet(set: ServiceRuleSet, actor: string): ServiceSettings {
      if (state().ruleSets.some((s) => s.version === set.version))
        throw apiError(
          'CONFLICT',
          '该规则版本已存在，不能修改',
          'This rule version exists already and cannot change',
          {
            field: 'version',
          },
        );
      if (set.effectiveFrom < hallDate(deps.now()))
        throw apiError(
          'VALIDATION',
          '生效日期不能早于今天',
          'The effective date cannot be in the past',
          {
            field: 'effectiveFrom',
          },
        );
      const current = read<ServiceRuleSet[]>(KEY_RULE_SETS, ServiceRuleSetSchema.array(), []);
      return change(KEY_RULE_SETS, [...current, set], actor);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
