import type { LocalState } from '../../../shared/api/schemas';

/** The el-tag colour of each local state: StateTag and the list's plain state cells alike. */
export const STATE_TAG_TYPES: Record<
  LocalState,
  'primary' | 'success' | 'info' | 'warning' | 'danger'
> = {
  draft: 'info',
  ready: 'primary',
  queued: 'warning',
  sent: 'primary',
  acknowledged: 'success',
  rejected: 'danger',
  conflict: 'danger',
};

/** The classes of an `el-tag size="small" effect="light"`, for a tag drawn as a plain span. */
export const stateTagClass = (state: LocalState): string =>
  `el-tag el-tag--small el-tag--light el-tag--${STATE_TAG_TYPES[state]}`;
