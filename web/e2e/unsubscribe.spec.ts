/**
 * The unsubscribe link of a promotional email: opening it (as a person, or a mail system's
 * link scanner) changes nothing; the page asks, and its button unsubscribes.
 */
import { createHmac } from 'node:crypto';
import { createCustomer, marketingOptIn, optIn } from './support/api';
import { BASE_URL, setting } from './support/env';
import { expect, test } from './support/fixtures';
import { expectHeading } from './support/ui';

/** The link the notify worker puts in a campaign email, signed here from the shared secret
 * (HMAC-SHA256 of "menuskart unsubscribe v1:" and the user id), independently of its code. */
function unsubscribeLink(userId: string): string {
  const user = userId.replaceAll('-', '');
  const signature = createHmac('sha256', setting('MK_UNSUBSCRIBE_SECRET'))
    .update(`menuskart unsubscribe v1:${user}`)
    .digest('hex');
  return `${BASE_URL}/notifications/unsubscribe?token=${user}.${signature}`;
}

test('following the unsubscribe link asks first; the button unsubscribes', async ({ page }) => {
  const customer = await createCustomer('newsletter');
  await optIn(customer);

  await page.goto(unsubscribeLink(customer.id));
  await expectHeading(page, 'Unsubscribe from news and offers');
  expect(await marketingOptIn(customer), 'opening the link is no consent').toBe(true);

  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('status')).toContainText('you will get no more news and offers');
  expect(await marketingOptIn(customer)).toBe(false);
});

test('a forged link says so and changes nothing', async ({ page }) => {
  const customer = await createCustomer('newsletter');
  await optIn(customer);
  const forged = unsubscribeLink(customer.id).replace(/.$/, (last) => (last === '0' ? '1' : '0'));
  await page.goto(forged);
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('alert')).toContainText('not valid');
  expect(await marketingOptIn(customer)).toBe(true);
});
