import type { LocalizedText } from '../text';
import type { FieldOption, FigureSource } from './types';

/**
 * Request types beside applications (issue 17): handled at the counter or the guide desk in
 * one visit, with no papers and no central stage list. 校表 is an application type
 * (REQ_METER_TEST, 5 working days); 客户信息更新 is taken through the customer record
 * (customers.updateContact).
 */
export const REQUEST_KINDS = ['fault', 'subscription', 'enquiry'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Where the fault is: the arrival commitment depends on it. */
export const AREA_KINDS = ['urban', 'rural', 'remote'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export interface ArrivalCommitment {
  minutes: Record<AreaKind, number>;
  source: FigureSource;
}

export interface RequestCatalogue {
  version: string;
  /** Hall date ('YYYY-MM-DD') from which this version is in force (versions.ts). */
  effectiveFrom: string;
  names: Record<RequestKind, LocalizedText>;
  fault: {
    kinds: FieldOption[];
    areaKinds: FieldOption[];
    arrival: ArrivalCommitment;
  };
  subscription: {
    channels: FieldOption[];
    topics: FieldOption[];
    /** The consent statement read to (or signed by) the customer; its version is recorded. */
    consentText: LocalizedText;
    consentVersion: string;
    consentMethods: FieldOption[];
  };
  enquiry: {
    topics: FieldOption[];
  };
}

export const optionValues = (options: readonly FieldOption[]): string[] =>
  options.map((o) => o.value);
