import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';

/** What the web host reads for the build label (scripts/build-node.mjs writes it). */
function expectedBuild(): string {
  const file = resolve(import.meta.dirname, '../out/build-info.json');
  if (!existsSync(file)) return 'development';
  const info = JSON.parse(readFileSync(file, 'utf8')) as { commit: string | null; builtAt: string };
  return [info.commit, info.builtAt].filter(Boolean).join(' · ');
}

test('About dialog from the top bar: version, build, station, config file, update state', async ({
  page,
}) => {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
    version: string;
  };
  await page.goto('/');
  await page.getByTestId('about-open').click();
  const dialog = page.getByTestId('about-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('about-version')).toHaveText(pkg.version);
  await expect(page.getByTestId('about-build')).toHaveText(expectedBuild());
  await expect(page.getByTestId('about-station')).toContainText('C01');
  await expect(page.getByTestId('about-config')).toHaveText('未使用配置文件（默认设置）');
  // The web host has no updater: the state says so rather than pretending to be current.
  await expect(page.getByTestId('about-update')).toHaveAttribute('data-state', 'off');
  await page.getByTestId('about-close').click();
  await expect(dialog).toBeHidden();
});
