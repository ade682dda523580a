import { test, expect } from './fixtures';
import { field } from './workbench';

// The catalogue by the hall date (no pinned version): on 30 November 2026 the counter works on
// 2026.1, whose 高压新装 asks for one requested capacity; 2026.2's transformer list comes the
// next day (shared/catalogue/versions.test.ts and the service tests cover the switch itself).
test.use({ catalogueVersion: null, hallNow: '2026-11-30T10:00:00+08:00' });

test('on 30 November the counter form is 2026.1’s: one requested capacity, no transformer list', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('type-card-NEW_HV').click();
  await expect(field(page, 'requestedKva')).toBeVisible();
  await expect(field(page, 'transformerCount')).toHaveCount(0);
});
