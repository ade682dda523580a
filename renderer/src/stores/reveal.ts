import { defineStore } from 'pinia';
import type { REVEALABLE_FIELDS } from '../../../shared/auth/schemas';
import { call } from '../api/client';

/**
 * The audited reveal of one personal field. Deliberately stateless: the full value goes back to
 * the component that shows it for a moment and is never kept in a store.
 */
export const useRevealStore = defineStore('reveal', () => {
  async function reveal(
    applicationId: string,
    field: (typeof REVEALABLE_FIELDS)[number],
  ): Promise<string> {
    const { value } = await call('applications.reveal', { id: applicationId, field });
    return value;
  }
  return { reveal };
});
