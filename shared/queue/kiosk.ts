import { z } from 'zod';
import { freeText, nameText } from '../api/clean-text';
import { AddressSchema, LocalizedTextSchema } from '../api/schemas';
import { t } from '../text';
import { PERSON_CERTIFICATE_TYPES } from '../validators/certificates';

/** What the kiosk shows to read (tariffs, commitments, notices): settings data, per station. */
export const KioskContentSchema = z.object({
  /** Shown with the tariffs: figures are the province's, this says which table they come from. */
  version: z.string().max(40),
  effectiveFrom: z.iso.date(),
  tariffs: z
    .array(
      z.object({
        name: LocalizedTextSchema,
        price: z.string().max(40),
        unit: LocalizedTextSchema,
        note: LocalizedTextSchema.optional(),
      }),
    )
    .max(50),
  commitments: z.array(LocalizedTextSchema).max(50),
  notices: z
    .array(z.object({ title: LocalizedTextSchema, body: LocalizedTextSchema, date: z.iso.date() }))
    .max(50),
});
export type KioskContent = z.infer<typeof KioskContentSchema>;

/**
 * Seed content. The tariff rows are placeholders marked as such: the province's published
 * table replaces them through kiosk.saveContent, with its own version and date.
 */
export const DEFAULT_KIOSK_CONTENT: KioskContent = {
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  tariffs: [
    {
      name: t('居民生活用电 第一档', 'Household, first tier'),
      price: '0.4883',
      unit: t('元/千瓦时', 'CNY/kWh'),
      note: t(
        '示例数据，以当地价格主管部门公布为准',
        'Sample figure; the local price authority’s table applies',
      ),
    },
    {
      name: t('居民生活用电 第二档', 'Household, second tier'),
      price: '0.5383',
      unit: t('元/千瓦时', 'CNY/kWh'),
      note: t('示例数据', 'Sample figure'),
    },
    {
      name: t('居民生活用电 第三档', 'Household, third tier'),
      price: '0.7883',
      unit: t('元/千瓦时', 'CNY/kWh'),
      note: t('示例数据', 'Sample figure'),
    },
    {
      name: t('一般工商业用电（不满1千伏）', 'General business (below 1 kV)'),
      price: '0.6500',
      unit: t('元/千瓦时', 'CNY/kWh'),
      note: t(
        '示例数据，分时电价另行公布',
        'Sample figure; time-of-use rates published separately',
      ),
    },
  ],
  commitments: [
    t('居民客户办电全过程不超过5个工作日', 'Households: the whole process within 5 working days'),
    t(
      '低压非居民客户供电企业环节不超过6个工作日',
      'Low-voltage businesses: the utility’s part within 6 working days',
    ),
    t(
      '高压单电源客户供电企业环节不超过22个工作日，双电源不超过32个工作日',
      'High voltage: 22 working days (single supply), 32 (dual supply)',
    ),
    t('营业厅平均等候时间不超过15分钟', 'Average wait in the hall: 15 minutes at most'),
    t(
      '投诉24小时内联系，5个工作日内答复',
      'Complaints: contact within 24 hours, answer within 5 working days',
    ),
  ],
  notices: [
    {
      title: t('计划停电公告（示例）', 'Planned outage notice (sample)'),
      body: t(
        '因线路检修，部分区域将计划停电，具体范围与时间以短信通知为准。',
        'Some areas will be without power for line maintenance; the text message you receive gives the exact area and time.',
      ),
      date: '2026-01-01',
    },
  ],
};

/** A draft started at the kiosk, held with its ticket until a clerk verifies it. */
export const KioskDraftSchema = z.object({
  typeCode: z.string().min(1).max(64),
  accountKind: z.enum(['lv_resident', 'lv_business', 'hv']),
  fields: z
    .object({
      applicantName: nameText().trim().min(1).max(50),
      /** The certificate the number is from (居民身份证 when absent), as at the counter. */
      idType: z.enum(PERSON_CERTIFICATE_TYPES).optional(),
      idNumber: z.string().trim().max(30).optional(),
      mobile: z.string().trim().max(20),
      accountNo: z.string().trim().max(20).optional(),
      address: AddressSchema.optional(),
    })
    .strict(),
  note: freeText().max(200).default(''),
});
export type KioskDraft = z.infer<typeof KioskDraftSchema>;

/** Look-up by application number plus phone: both must match, or one generic "not found". */
export const LookupInputSchema = z.object({
  appNo: z
    .string()
    .trim()
    .toUpperCase()
    .min(4)
    .max(40)
    .regex(/^[A-Z0-9-]+$/),
  mobile: z.string().trim().min(5).max(20),
});
export type LookupInput = z.infer<typeof LookupInputSchema>;

/**
 * The kiosk's look-up as the station takes it: the same, with the visit (an id the kiosk makes
 * for each customer) whose misses count apart from other customers' (docs/security.md).
 */
export const KioskLookupInputSchema = LookupInputSchema.extend({ visit: z.uuid().optional() });
export type KioskLookupInput = z.infer<typeof KioskLookupInputSchema>;

export const LookupResultSchema = z.object({
  appNo: z.string(),
  centralNo: z.string().nullable(),
  typeCode: z.string(),
  applicantMasked: z.string(),
  phoneMasked: z.string(),
  acceptedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Central stage code when known (labels from the catalogue). */
  stage: z.string().nullable(),
  stageIndex: z.number().int().nullable(),
  stageCount: z.number().int().nullable(),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;
