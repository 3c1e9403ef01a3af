/**
 * On a phone (the `phone` project: 390x844, touch): the shop's main pages fit the screen's
 * width, and the header's navigation is there, big enough to tap, and works by touch.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Regular } from './support/fixtures';
import { accountNav, expectHeading, expectNoHorizontalScroll, orderStatus } from './support/ui';

/** WCAG 2.2's minimum target size (2.5.8), in CSS pixels. */
const MIN_TARGET = 24;

async function expectTappable(target: Locator, what: string) {
  await expect(target, `${what} is on screen`).toBeInViewport();
  const box = await target.boundingBox();
  expect(box, `${what} has a size`).not.toBeNull();
  expect(box?.height ?? 0, `${what} is at least ${MIN_TARGET}px tall`).toBeGreaterThanOrEqual(MIN_TARGET);
  expect(box?.width ?? 0, `${what} is at least ${MIN_TARGET}px wide`).toBeGreaterThanOrEqual(MIN_TARGET);
}

async function expectHeaderUsable(page: Page, signedIn: boolean) {
  const banner = page.getByRole('banner');
  await expectTappable(banner.getByRole('link', { name: 'MenusKart' }), 'the home link');
  await expectTappable(banner.getByRole('combobox', { name: 'Search products' }), 'the search box');
  const account = accountNav(page);
  await expectTappable(
    account.getByRole('link', { name: signedIn ? 'Account' : 'Sign in', exact: true }),
    'the account link',
  );
  await expectTappable(account.getByRole('link', { name: /^Basket, \d+ items?$/ }), 'the basket link');
  const categories = page.getByRole('navigation', { name: 'Categories' }).getByRole('link');
  expect(await categories.count()).toBeGreaterThan(1);
  for (const link of await categories.all()) {
    await expectTappable(link, `the category link "${await link.textContent()}"`);
  }
}

interface PhonePage {
  name: string;
  customer: boolean;
  path: (regular: Regular) => string;
  heading: (regular: Regular) => string;
  ready?: (page: Page) => Promise<void>;
}

const PAGES: PhonePage[] = [
  { name: 'home', customer: false, path: () => '/', heading: () => 'Dinner, sorted. Groceries, too.' },
  { name: 'shop', customer: false, path: () => '/shop', heading: () => 'All products' },
  { name: 'product', customer: false, path: () => '/p/pad-thai', heading: () => 'Pad Thai' },
  { name: 'basket', customer: true, path: () => '/basket', heading: () => 'Your basket' },
  {
    name: 'checkout',
    customer: true,
    path: () => '/checkout',
    heading: () => 'Checkout',
    ready: (page) => expect(page.getByRole('button', { name: /^Pay €/ })).toBeVisible(),
  },
  {
    name: 'order',
    customer: true,
    path: ({ order }) => `/account/orders/${order.id}`,
    heading: ({ order }) => `Order ${order.number}`,
    ready: (page) => expect(orderStatus(page)).toHaveText('Paid'),
  },
];

for (const view of PAGES) {
  test(`${view.name} fits a phone's width and its navigation can be tapped`, async ({
    page: visitorPage,
    pageAs,
    regular,
  }) => {
    const page = view.customer ? await pageAs(regular.customer.tokens) : visitorPage;
    await page.goto(view.path(regular));
    await expectHeading(page, view.heading(regular));
    await view.ready?.(page);
    await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
    await expectNoHorizontalScroll(page, view.name);
    await expectHeaderUsable(page, view.customer);
  });
}

test('on a phone, search and the basket work by touch', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search products' });
  await search.tap();
  await search.pressSequentially('dumpl');
  const option = page
    .getByRole('listbox', { name: 'Suggestions' })
    .getByRole('option', { name: /Pork Dumplings/ });
  await expect(option).toBeInViewport();
  // The suggestions open a product on mousedown, which a tap sends.
  await option.tap();
  await expectHeading(page, 'Pork Dumplings');
  await expectNoHorizontalScroll(page, 'product');

  await accountNav(page)
    .getByRole('link', { name: /^Basket/ })
    .tap();
  await expectHeading(page, 'Your basket');
  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Dishes' }).tap();
  await expectHeading(page, 'Dishes');
  await expectNoHorizontalScroll(page, 'the dishes');
});

test('on a phone, the filters take the shopper to what they found', async ({ page }) => {
  await page.goto('/shop');
  await expectHeading(page, 'All products');
  const panel = page.getByRole('complementary', { name: 'Filters' });
  await panel.locator('summary').tap();
  await panel.getByRole('radio', { name: 'Groceries' }).tap();
  await expectHeading(page, 'Groceries');
  // The open panel is taller than the screen; its button is always at hand.
  const show = panel.getByRole('button', { name: /^Show \d+ results?$/ });
  await expectTappable(show, 'Show results');
  await show.tap();
  await expect(panel.getByRole('radio', { name: 'Groceries' })).toBeHidden();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results).toBeFocused();
  await expect(results.getByRole('link').first()).toBeInViewport();
});

test("on a phone, the admin's order filters wrap to the screen's width", async ({ adminPage: page }) => {
  await page.goto('/admin/orders?from=2026-12-01&to=2026-12-07');
  await expectHeading(page, 'Orders');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-12-01');
  await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
  await expectNoHorizontalScroll(page, 'the admin orders');
  await expectTappable(page.getByRole('button', { name: 'Export CSV' }), 'Export CSV');
  for (const label of ['Status', 'From', 'To', 'Order number, name or email']) {
    const field = page.getByLabel(label, { exact: true });
    await field.scrollIntoViewIfNeeded();
    await expectTappable(field, `the ${label} field`);
  }
});
