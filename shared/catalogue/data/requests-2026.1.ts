import type { RequestCatalogue } from '../request-kinds';
import { REQUESTS_2026_2 } from './requests-2026.2';

/**
 * Request types of catalogue 2026.1 (in force until 2026-11-30). Issue 13 changed no figure of
 * the requests: kinds, arrival times, channels and topics are those of 2026.2, and so is the
 * consent statement (its own consentVersion names the text, not the catalogue). A version whose
 * figures differ is a full data file of its own, like requests-2026.2.ts, added to
 * REQUEST_CATALOGUES in versions.ts with its effectiveFrom.
 */
export const REQUESTS_2026_1: RequestCatalogue = {
  ...REQUESTS_2026_2,
  version: '2026.1',
  effectiveFrom: '2026-01-01',
};
