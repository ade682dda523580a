import type { ListQuery } from '../../../shared/api/schemas';
import { PAGE_SIZE } from '../stores/list-page-size';
import { callEarly } from './client';
import { sessionToken } from './session-token';

/** What the list asks for first with its filters untouched (the list store's `refresh`). */
export const FIRST_LIST_PAGE: ListQuery = { offset: 0, limit: PAGE_SIZE };

/**
 * A start at the applications list (a reload, a bookmark) asks for its first page beside the
 * start-up call: the list would ask only once the router has the start-up answer and the screen
 * has rendered its filters. Without a session there is nothing to ask for yet.
 */
export function startEarlyFirstPage(path = location.hash.slice(1) || '/'): void {
  if (path !== '/applications' || !sessionToken()) return;
  callEarly('applications.list', FIRST_LIST_PAGE);
}
