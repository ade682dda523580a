/**
 * Rows per page of the applications list. A module of its own: the start-up code asks for the
 * first page beside the start-up call (api/early-first-page.ts), and importing the list store
 * for this number pulled the store into the entry chunk.
 */
export const PAGE_SIZE = 100;
