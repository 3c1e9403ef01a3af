/** Steps through the shop's screens, by role and accessible name as a screen reader finds them. */
import type { Page } from '@playwright/test';
import { TEST_ADDRESS, type ShippingAddress } from './api';
import { expect } from './fixtures';

/** The sandbox payment methods, by the words the checkout shows. */
export const CARD = {
  ok: 'Visa ending 4242 (succeeds)',
  declined: 'Card that is declined',
  insufficientFunds: 'Card with insufficient funds',
  bank: 'Bank payment, confirmed later',
} as const;

/** Minor units as the shop shows them (en-GB): `euros(1190)` is "€11.90". */
export const euros = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

/** The header's account navigation: Admin, Account or Sign in, and the basket. */
export const accountNav = (page: Page) => page.getByRole('navigation', { name: 'Account', exact: true });

/** The order page's live status (a status region named "Status"). */
export const orderStatus = (page: Page) => page.getByRole('status', { name: 'Status' });

/** Waits until a page of the app has rendered its main heading. */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The checkout's delivery address form. */
export async function fillAddress(page: Page, address: ShippingAddress = TEST_ADDRESS): Promise<void> {
  const delivery = page.getByRole('region', { name: 'Delivery address', exact: true });
  await delivery.getByLabel('Full name').fill(address.name);
  await delivery.getByLabel('Street and number').fill(address.line1);
  await delivery.getByLabel('Postcode').fill(address.postal_code);
  await delivery.getByLabel('Town or city').fill(address.city);
  await delivery.getByLabel('Country').selectOption(address.country);
}

/** Chooses a payment method and presses the Pay button (which names the amount). */
export async function payWith(page: Page, card: string): Promise<void> {
  const payment = page.getByRole('region', { name: 'Payment', exact: true });
  await payment.getByRole('radio', { name: card }).check();
  await payment.getByRole('button', { name: /^Pay / }).click();
}

/** The page's scroll width fits its viewport: nothing scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(
    widths.scroll,
    `${what} scrolls sideways (${widths.scroll}px wide in ${widths.client}px)`,
  ).toBeLessThanOrEqual(widths.client);
}

/** Every page says what it is: a title of its own after the shop's name, and a language. */
export async function expectTitleAndLang(page: Page, title: string | RegExp): Promise<void> {
  await expect(page).toHaveTitle(title);
  await expect(page.locator('html')).toHaveAttribute('lang', /^[a-z]{2}(-[A-Z]{2})?$/);
}
