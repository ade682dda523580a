import { z } from 'zod';
import { nameText } from '../api/clean-text';
import { invalidInput } from '../api/input-errors';
import { SiteCodeSchema } from '../sync/protocol';
import type { StationRole } from '../auth/schemas';
import { ReceiptQueryUrlSchema } from './query-url';

/**
 * The station config file (docs/deploy.md "Station config file"): what a station is, written by
 * the first-start wizard or handed over with `--config FILE` for a roll-out. Readable JSON; the
 * one-time enrolment code stays in it only until the station has enrolled.
 */
export const STATION_KINDS = ['counter', 'guide', 'kiosk', 'display', 'supervisor'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export const STATION_CONFIG_VERSION = 1;

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** http(s) only; plain HTTP only to this machine (loopback). */
const serverUrl = () =>
  z
    .string()
    .max(200)
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          if (url.username || url.password) return false;
          return (
            url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))
          );
        } catch {
          return false;
        }
      },
      {
        params: {
          zh: '必须是 https:// 地址（http:// 仅限本机 127.0.0.1）',
          en: 'must be an https:// address (http:// only for 127.0.0.1)',
        },
      },
    );

/** SHA-256 of the hub's certificate, as browsers and openssl print it: 32 hex pairs with colons. */
export const FingerprintSchema = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine((v) => /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/.test(v), {
    params: {
      zh: '必须是证书的 SHA-256 指纹（32 组十六进制，用冒号分隔）',
      en: "must be the certificate's SHA-256 fingerprint (32 hex pairs separated by colons)",
    },
  });

/**
 * Whether an address is the ID card reader's local service as allowed (docs/id-reader.md): plain
 * http to this machine only, so a rogue config cannot send the card's data off the station.
 */
export function isLocalReaderUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password || url.protocol !== 'http:') return false;
    return url.hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  } catch {
    return false;
  }
}

const localReaderUrl = () =>
  z
    .string()
    .max(200)
    .refine(isLocalReaderUrl, {
      params: {
        zh: '必须是本机地址（http://127.0.0.1:端口 或 http://localhost:端口）',
        en: 'must be a local address (http://127.0.0.1:port or http://localhost:port)',
      },
    });

const EnrolmentCodeSchema = z
  .string()
  .transform((v) => v.trim())
  .refine((v) => /^[A-Za-z0-9-]{6,64}$/.test(v), {
    params: {
      zh: '必须是 6–64 位字母、数字或连字符',
      en: 'must be 6–64 letters, digits or hyphens',
    },
  });

const StationConfigShape = z
  .object({
    version: z.literal(STATION_CONFIG_VERSION),
    role: z.enum(STATION_KINDS),
    hallCode: SiteCodeSchema,
    hallName: nameText().min(1).max(60),
    stationCode: SiteCodeSchema,
    hubUrl: serverUrl().optional(),
    hubFingerprint: FingerprintSchema.optional(),
    centralUrl: serverUrl().optional(),
    enrolmentCode: EnrolmentCodeSchema.optional(),
    /** Where the desktop app looks for updates (electron-updater's generic feed). */
    updateUrl: serverUrl().optional(),
    /** The hall's 进度查询 page the receipt's QR code opens: https with {applicationNo}. */
    receiptQueryUrl: ReceiptQueryUrlSchema.optional(),
    /** The 身份证阅读器's local service, e.g. http://127.0.0.1:19196 (absent: no reader). */
    idReaderUrl: localReaderUrl().optional(),
  })
  .strict();

const fingerprintNeeded = {
  code: 'custom' as const,
  path: ['hubFingerprint'],
  message: 'hubFingerprint',
  params: {
    zh: '使用 https:// 的营业厅集线器时必须填写其证书指纹',
    en: 'is required when the hall hub uses https://',
  },
};

/** A station config as stored (version 1); unknown fields are refused, so a typo is named. */
export const StationConfigSchema = StationConfigShape.superRefine((config, ctx) => {
  if (config.hubUrl?.startsWith('https:') && !config.hubFingerprint)
    ctx.addIssue(fingerprintNeeded);
});
export type StationConfig = z.output<typeof StationConfigSchema>;

/** What the wizard sends: the stored shape without the version (the service adds it). */
export const StationSetupSchema = StationConfigShape.omit({ version: true }).superRefine(
  (config, ctx) => {
    if (config.hubUrl?.startsWith('https:') && !config.hubFingerprint)
      ctx.addIssue(fingerprintNeeded);
  },
);
export type StationSetupInput = z.input<typeof StationSetupSchema>;

/** The config as screens see it: the enrolment code only as "still waiting to be used". */
export const StationConfigPublicSchema = StationConfigShape.omit({ enrolmentCode: true }).extend({
  enrolmentPending: z.boolean(),
});
export type StationConfigPublic = z.output<typeof StationConfigPublicSchema>;

export function publicConfig(config: StationConfig): StationConfigPublic {
  const { enrolmentCode, ...rest } = config;
  return { ...rest, enrolmentPending: enrolmentCode !== undefined };
}

/** Counter, guide and supervisor desks are staff stations (the staff account decides the rest). */
export const stationRoleOf = (kind: StationKind): StationRole =>
  kind === 'kiosk' || kind === 'display' ? kind : 'staff';

/** Why a config was refused, naming the first wrong field, in Chinese and English. */
export interface ConfigProblem {
  field: string;
  message: string;
  messageEn: string;
}

export type ParsedConfig =
  { ok: true; config: StationConfig } | { ok: false; problem: ConfigProblem };

/** Checks a parsed JSON value as a station config; never echoes the values. */
export function checkStationConfig(value: unknown): ParsedConfig {
  const parsed = StationConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  // An unknown field has no path of its own: name it (a typo in a roll-out file is common).
  const issues = parsed.error.issues.map((issue) =>
    issue.code === 'unrecognized_keys' && issue.path.length === 0
      ? { ...issue, path: [issue.keys[0] ?? '(file)'] }
      : issue,
  );
  const body = invalidInput(issues);
  return {
    ok: false,
    problem: { field: body.field ?? '(file)', message: body.message, messageEn: body.messageEn },
  };
}
