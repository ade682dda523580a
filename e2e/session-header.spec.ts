import { test, expect } from './fixtures';
import { SESSION_HEADER } from './staff-session';

// The fixture's session rides on the spec's own API calls only: the page's calls carry the
// header the renderer sends (or none), so whoever signs in on the page is who the services see.

type Status = { staff: { staffNo: string } | null };

test("the page's calls carry the page's session; page.request carries the fixture's", async ({
  page,
  host,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('staff-name')).toBeVisible();

  const asPage = (token: string | null) =>
    page.evaluate(
      async ({ header, token }) => {
        const res = await fetch('/api/auth.status', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { [header]: token } : {}) },
          body: '{}',
        });
        return ((await res.json()) as { value: Status }).value.staff?.staffNo ?? null;
      },
      { header: SESSION_HEADER, token },
    );
  // Another token, or none: the services must not see the fixture's supervisor.
  expect(await asPage('not-a-session-token')).toBeNull();
  expect(await asPage(null)).toBeNull();
  expect(await asPage(host.session!.token)).toBe(host.session!.staffNo);

  const status = (await (await page.request.post('/api/auth.status', { data: {} })).json()) as {
    value: Status;
  };
  expect(status.value.staff?.staffNo).toBe(host.session!.staffNo);
});
