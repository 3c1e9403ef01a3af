/**
 * Every main page, as a visitor, a customer or the admin sees it, on a desktop and on a phone
 * (the two projects): it has its own title and a language, axe finds no serious or critical
 * accessibility violation, and a full-page screenshot goes to docs/screenshots.
 */
import type { Page } from '@playwright/test';
import { adminSession } from './support/api';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { expect, test, type Regular } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';
import { expectHeading, expectTitleAndLang, orderStatus } from './support/ui';

type Who = 'visitor' | 'customer' | 'admin';

interface PageCase {
  name: string;
  who: Who;
  path: (regular: Regular) => string;
  title: (regular: Regular) => string;
  heading: (regular: Regular) => string | RegExp;
  /** What shows once the page has its content (beyond the heading and no loading indicator). */
  ready?: (page: Page, regular: Regular) => Promise<void>;
  /** The screenshot's name, for the pages that have one. */
  screenshot?: string;
}

const PAGES: PageCase[] = [
  {
    name: 'home',
    who: 'visitor',
    path: () => '/',
    title: () => 'MenusKart',
    heading: () => 'Dinner, sorted. Groceries, too.',
    ready: async (page) => {
      await expect(page.getByRole('navigation', { name: 'Browse by category' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'New in' }).getByRole('article')).toHaveCount(4);
    },
    screenshot: 'home',
  },
  {
    name: 'shop search results',
    who: 'visitor',
    path: () => '/shop?q=noodles',
    title: () => 'Search: noodles · MenusKart',
    heading: () => 'Results for “noodles”',
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'Results' }).getByRole('article').first()).toBeVisible();
    },
    screenshot: 'shop',
  },
  {
    name: 'product',
    who: 'visitor',
    path: () => '/p/pad-thai',
    title: () => 'Pad Thai · MenusKart',
    heading: () => 'Pad Thai',
    ready: async (page) => {
      await expect(page.getByRole('button', { name: 'Add to cart' })).toBeEnabled();
      await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();
    },
    screenshot: 'product',
  },
  {
    name: 'basket with an item',
    who: 'customer',
    path: () => '/basket',
    title: () => 'Basket · MenusKart',
    heading: () => 'Your basket',
    ready: async (page) => {
      await expect(
        page.getByRole('list', { name: 'Basket items' }).getByRole('link', { name: 'Vegetable Gyoza' }),
      ).toBeVisible();
    },
    screenshot: 'basket',
  },
  {
    name: 'checkout',
    who: 'customer',
    path: () => '/checkout',
    title: () => 'Checkout · MenusKart',
    heading: () => 'Checkout',
    ready: async (page) => {
      await expect(page.getByText(/^Signed in as /)).toBeVisible();
      await expect(page.getByRole('button', { name: /^Pay €/ })).toBeVisible();
    },
    screenshot: 'checkout',
  },
  {
    name: 'order (paid)',
    who: 'customer',
    path: ({ order }) => `/account/orders/${order.id}`,
    title: ({ order }) => `Order ${order.number} · MenusKart`,
    heading: ({ order }) => `Order ${order.number}`,
    ready: async (page) => {
      await expect(orderStatus(page)).toHaveText('Paid');
      await expect(
        page.getByRole('region', { name: 'History' }).getByText('Paid', { exact: true }),
      ).toBeVisible();
    },
    screenshot: 'order',
  },
  {
    name: 'account',
    who: 'customer',
    path: () => '/account',
    title: () => 'Your account · MenusKart',
    heading: ({ customer }) => `Hello, ${customer.name}`,
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'Saved addresses' })).toBeVisible();
    },
  },
  {
    name: 'order history',
    who: 'customer',
    path: () => '/account/orders',
    title: () => 'Your orders · MenusKart',
    heading: () => 'Your orders',
    ready: async (page, { order }) => {
      await expect(page.getByRole('link', { name: `Order ${order.number}` })).toBeVisible();
    },
    screenshot: 'account-orders',
  },
  {
    name: 'sign in',
    who: 'visitor',
    path: () => '/signin',
    title: () => 'Sign in · MenusKart',
    heading: () => 'Sign in',
  },
  {
    name: 'sign up',
    who: 'visitor',
    path: () => '/signup',
    title: () => 'Create an account · MenusKart',
    heading: () => 'Create an account',
  },
  {
    name: 'forgot password',
    who: 'visitor',
    path: () => '/forgot-password',
    title: () => 'Forgot your password? · MenusKart',
    heading: () => 'Forgot your password?',
  },
  {
    name: 'empty basket',
    who: 'visitor',
    path: () => '/basket',
    title: () => 'Basket · MenusKart',
    heading: () => 'Your basket',
    ready: async (page) => {
      await expect(page.getByText('Your basket is empty')).toBeVisible();
    },
  },
  {
    name: 'reset password (link without its token)',
    who: 'visitor',
    path: () => '/reset-password',
    title: () => 'Choose a new password · MenusKart',
    heading: () => 'Choose a new password',
  },
  {
    name: 'verify email (link without its token)',
    who: 'visitor',
    path: () => '/verify-email',
    title: () => 'Verify your email · MenusKart',
    heading: () => 'Verify your email',
  },
  {
    name: 'help: delivery and returns',
    who: 'visitor',
    path: () => '/help/delivery',
    title: () => 'Delivery and returns · MenusKart',
    heading: () => 'Delivery and returns',
    ready: async (page) => {
      await expect(page.getByRole('navigation', { name: 'Help topics' }).getByRole('link')).toHaveCount(3);
    },
  },
  {
    name: 'page not found',
    who: 'visitor',
    path: () => '/no-such-page',
    title: () => 'Page not found · MenusKart',
    heading: () => 'Page not found',
  },
  {
    name: 'admin page, as a customer',
    who: 'customer',
    path: () => '/admin/products',
    title: () => 'Not allowed · MenusKart',
    heading: () => 'Not allowed',
  },
  {
    name: 'admin overview',
    who: 'admin',
    path: () => '/admin',
    title: () => 'Overview · Admin · MenusKart',
    heading: () => 'Overview',
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'Today' })).toContainText(/\d+ orders?/);
      await expect(
        page.getByRole('region', { name: 'Recent orders' }).getByRole('link').first(),
      ).toBeVisible();
    },
    screenshot: 'admin-overview',
  },
  {
    name: 'admin products',
    who: 'admin',
    path: () => '/admin/products',
    title: () => 'Products · Admin · MenusKart',
    heading: () => 'Products',
    ready: async (page) => {
      const table = page.getByRole('table', { name: /^Products, \d+ in all/ });
      await expect(table.getByRole('link', { name: 'Pad Thai', exact: true })).toBeVisible();
      // Stock cells show "…" until their levels arrive.
      await expect(table.getByRole('cell', { name: '…' })).toHaveCount(0);
    },
    screenshot: 'admin-products',
  },
  {
    name: 'admin new product',
    who: 'admin',
    path: () => '/admin/products/new',
    title: () => 'New product · Admin · MenusKart',
    heading: () => 'New product',
  },
  {
    name: 'admin categories',
    who: 'admin',
    path: () => '/admin/categories',
    title: () => 'Categories · Admin · MenusKart',
    heading: () => 'Categories',
  },
  {
    name: 'admin orders',
    who: 'admin',
    path: () => '/admin/orders',
    title: () => 'Orders · Admin · MenusKart',
    heading: () => 'Orders',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: /^Orders, \d+ in all/ })).toBeVisible();
    },
    screenshot: 'admin-orders',
  },
  {
    name: 'admin order',
    who: 'admin',
    path: ({ order }) => `/admin/orders/${order.id}`,
    title: ({ order }) => `Order ${order.number} · Admin · MenusKart`,
    heading: ({ order }) => `Order ${order.number}`,
    ready: async (page) => {
      await expect(page.getByRole('button', { name: 'Mark as fulfilled' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Payments' }).getByText(/^Captured · €/)).toBeVisible();
    },
    screenshot: 'admin-order',
  },
  {
    name: 'campaigns',
    who: 'admin',
    path: () => '/admin/campaigns',
    title: () => 'Campaigns · Admin · MenusKart',
    heading: () => 'New campaign',
  },
];

for (const view of PAGES) {
  test(`${view.name}: title, language, no serious accessibility violations`, async ({
    page: visitorPage,
    pageAs,
    regular,
  }, testInfo) => {
    const page =
      view.who === 'visitor'
        ? visitorPage
        : await pageAs(view.who === 'admin' ? await adminSession() : regular.customer.tokens);
    await page.goto(view.path(regular));
    await expectHeading(page, view.heading(regular));
    await view.ready?.(page, regular);
    await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
    await expectTitleAndLang(page, view.title(regular));
    await expectNoSeriousA11yViolations(page, `${view.name} (${testInfo.project.name})`);
    if (view.screenshot) await saveScreenshot(page, view.screenshot, testInfo);
  });
}
