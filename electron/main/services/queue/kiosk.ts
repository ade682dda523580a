import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { apiError } from '../../../../shared/api/errors';
import type { StationKind } from '../../../../shared/api/methods/queue';
import { findType } from '../../../../shared/catalogue/applicability';
import type { CatalogueShelf } from '../../../../shared/catalogue/versions';
import { maskMobile, maskName } from '../../../../shared/domain/mask';
import {
  DEFAULT_KIOSK_CONTENT,
  KioskContentSchema,
  type KioskContent,
  type KioskDraft,
  type KioskLookupInput,
  type LookupResult,
} from '../../../../shared/queue/kiosk';
import type { IssuedTicket, Priority } from '../../../../shared/queue/schemas';
import { checkMobile } from '../../../../shared/validators/mobile';
import {
  checkCertificate,
  DEFAULT_CERTIFICATE_TYPE,
} from '../../../../shared/validators/certificates';
import { toHallIso } from '../../../../shared/hall-time';
import { cipherOf } from '../crypto';
import { createApplicationRepository } from '../applications/repository';
import { isBusinessRefusal } from '../central-client';
import { SETTINGS, type QueueContext } from './context';
import {
  KIOSK_DRAFT_OFFLINE,
  LOOKUP_NOT_FOUND,
  lookupThrottled,
  isUnavailable,
  queueError,
} from './errors';
import type { Issuing } from './offline-merge';
import { createMissBudget } from './lookup-misses';

export interface KioskOptions {
  kind: StationKind;
  stationCode: string;
  catalogues: CatalogueShelf;
  kioskIdleSeconds?: number | undefined;
  kioskCountdownSeconds?: number | undefined;
}

/** The kiosk's side: look-up by number and phone, drafts that travel with a ticket, content. */
export function createKiosk(ctx: QueueContext, issuing: Issuing, opts: KioskOptions) {
  const { link, settings, now } = ctx;
  const misses = createMissBudget(now);

  const localApp = { get: createApplicationRepository(ctx.db).withStageByNumber };

  /**
   * Number plus phone. Looks in this station's own store first, then the hall's; every
   * mismatch, absence or malformed phone answers the same NOT_FOUND, and repeated misses are
   * slowed down so the look-up cannot be used to guess phone numbers (lookup-misses.ts: per
   * visit, under a station ceiling).
   */
  async function lookup(input: KioskLookupInput): Promise<LookupResult> {
    const wait = misses.waitSeconds(input.visit);
    if (wait > 0) throw lookupThrottled(wait);
    const miss = (): never => {
      misses.miss(input.visit);
      throw LOOKUP_NOT_FOUND;
    };
    const mobile = checkMobile(input.mobile);
    if (!mobile.ok) return miss();
    const local = localApp.get(input.appNo);
    if (local) {
      // The stored phone is masked; the whole typed one is compared through its blind index.
      if (cipherOf(ctx.db).blindIndex('mobile', mobile.value) !== local.mobile_bidx) return miss();
      return {
        appNo: local.app_no ?? input.appNo,
        centralNo: local.central_no,
        typeCode: local.type_code,
        applicantMasked: maskName(local.applicant_name),
        phoneMasked: maskMobile(mobile.value),
        acceptedAt: local.accepted_at === null ? null : toHallIso(local.accepted_at),
        stage: local.stage,
        stageIndex: local.stage_index,
        stageCount: local.stage_count,
      };
    }
    if (!link) return miss();
    try {
      return await link.call('lookup', { appNo: input.appNo, mobile: mobile.value });
    } catch (err) {
      if (isBusinessRefusal(err) && err.kind === 'not_found') return miss();
      throw queueError(err);
    }
  }

  /** A kiosk draft travels with a new ticket of the service that takes its business type. */
  async function startApplication(draft: KioskDraft, priority: Priority): Promise<IssuedTicket> {
    // Only a type of the version in force today: a draft names what the counter will accept.
    const type = findType(opts.catalogues.inForce(now()), draft.typeCode);
    if (!type || !type.accountKinds.includes(draft.accountKind)) {
      throw apiError('VALIDATION', '请选择业务类型', 'Choose a business type', {
        field: 'draft.typeCode',
      });
    }
    const idNumber = draft.fields.idNumber;
    if (idNumber) {
      // The counter's check for the certificate's type: a wrong number is said at the kiosk.
      const type = draft.fields.idType ?? DEFAULT_CERTIFICATE_TYPE;
      const id = checkCertificate(type, idNumber, new Date(now()));
      if (!id.ok) {
        throw apiError('VALIDATION', id.reason.zh, id.reason.en, {
          field: 'draft.fields.idNumber',
        });
      }
      draft = { ...draft, fields: { ...draft.fields, idNumber: id.value } };
    }
    if (!link) throw KIOSK_DRAFT_OFFLINE;
    const cfg = (await issuing.config()).config;
    const service =
      cfg.services.find((s) => s.typeCodes.includes(type.code)) ??
      cfg.services.find((s) => s.families.includes(type.family)) ??
      cfg.services[0];
    if (!service) throw KIOSK_DRAFT_OFFLINE;
    try {
      return await link.call('issue', {
        id: uuidv7(),
        serviceCode: service.code,
        priority,
        channel: ctx.channel,
        kioskDraft: draft,
      });
    } catch (err) {
      if (isUnavailable(err)) throw KIOSK_DRAFT_OFFLINE;
      throw queueError(err);
    }
  }

  const kioskContent = (): KioskContent =>
    settings.read(SETTINGS.kioskContent, KioskContentSchema, DEFAULT_KIOSK_CONTENT);

  return {
    stationInfo: () => ({
      kind: opts.kind,
      stationCode: opts.stationCode,
      kioskIdleSeconds: settings.read(
        SETTINGS.kioskIdle,
        z.number().int().min(10).max(3600),
        opts.kioskIdleSeconds ?? 90,
      ),
      kioskCountdownSeconds: opts.kioskCountdownSeconds ?? 15,
      queueConfigured: link !== undefined,
    }),
    lookup,
    startApplication,
    kioskContent,
    saveKioskContent: (content: KioskContent): KioskContent => {
      settings.write(SETTINGS.kioskContent, content);
      return kioskContent();
    },
  };
}
