export { classifyQuery, compactQuery, type ProtectedColumn, type QueryClass } from './classify';
export { PROTECTED_LOOKUPS, NOT_LOOKUPS, protectedSearchHooks } from './guard';
export { SEARCHES_PER_MINUTE } from './errors';
