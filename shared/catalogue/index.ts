import { CATALOGUE_2026_2 } from './data/catalogue-2026.2';
import type { Catalogue } from './types';

/** The catalogue version in force. A new version is a new data file with a later effectiveFrom. */
export const CATALOGUE: Catalogue = CATALOGUE_2026_2;

export * from './types';
export * from './labels';
export * from './stages';
export * from './applicability';
export { validateApplication, fieldErrorsToApiError } from './validate';
export type {
  FieldError,
  ApplicationToValidate,
  ValidationResult,
  ValidateOptions,
} from './validate';
export * from './sources';
export { RULE_CHECKS, isKnownRule } from './rules';
export { applicableFieldRows, fieldValueText, type FieldRow } from './display';
export * from './request-kinds';
export * from './request-checks';
/** The newest requests version (tests, and data that names no date); by date: REQUEST_CATALOGUES. */
export { REQUESTS_2026_2 as REQUEST_CATALOGUE } from './data/requests-2026.2';
