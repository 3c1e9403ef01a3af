/** Full-page screenshots of the main pages, for people to look at (docs/screenshots). */
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { SCREENSHOT_DIR } from './env';

/**
 * Saves `<name>-<project>.png` (the projects are `desktop` and `phone`) in MK_SCREENSHOT_DIR,
 * with animations stopped and the caret hidden, and attaches it to the test's report.
 */
export async function saveScreenshot(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  const file = path.join(SCREENSHOT_DIR, `${name}-${testInfo.project.name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
