/**
 * The `test` every spec uses: Playwright's, plus a fresh customer account, pages signed in as
 * someone (the session the app keeps in localStorage, put there before the first page loads),
 * and a check that no page threw an uncaught error.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { Order } from '../../src/api/types';
import {
  addToBasket,
  adminSession,
  createCustomer,
  paidOrder,
  stockedProduct,
  type Customer,
  type Tokens,
} from './api';
import { BASE_URL } from './env';

/** The app's localStorage key for the session (src/auth/session.ts). */
const SESSION_KEY = 'mk.session';

function sessionState(tokens: Tokens) {
  return {
    cookies: [],
    origins: [
      {
        origin: BASE_URL,
        localStorage: [{ name: SESSION_KEY, value: JSON.stringify(tokens) }],
      },
    ],
  };
}

interface Fixtures {
  /** A fresh account, registered and signed in through the API. */
  customer: Customer;
  /** A page in a new browser context, signed in with these tokens. */
  pageAs: (tokens: Tokens) => Promise<Page>;
  /** A page signed in as `customer`. */
  customerPage: Page;
  /** A page signed in as the first admin. */
  adminPage: Page;
}

/** A customer with a paid order and an item in the basket: pages to look at, never to change. */
export interface Regular {
  customer: Customer;
  order: Order;
}

/** Collects the uncaught exceptions of a context's pages. */
function watchErrors(context: BrowserContext, errors: string[]) {
  context.on('weberror', (error) => errors.push(`${error.page()?.url() ?? '?'}: ${error.error().message}`));
}

export const test = base.extend<Fixtures & { pageErrors: string[] }, { regular: Regular }>({
  /** One per worker: the pages that show a customer's things read it, none changes it. */
  regular: [
    async ({}, use) => {
      const customer = await createCustomer('regular');
      const order = await paidOrder(customer, 'pad-thai', 2);
      await addToBasket(customer, (await stockedProduct('vegetable-gyoza')).id);
      await use({ customer, order });
    },
    { scope: 'worker' },
  ],

  /** Uncaught exceptions of every page the test opened: any one of them fails the test. */
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      watchErrors(context, errors);
      await use(errors);
      expect(errors, 'uncaught errors in the pages').toEqual([]);
    },
    { auto: true },
  ],

  customer: async ({}, use) => {
    await use(await createCustomer());
  },

  pageAs: async ({ browser, pageErrors }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (tokens) => {
      const context = await browser.newContext({ storageState: sessionState(tokens) });
      watchErrors(context, pageErrors);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  customerPage: async ({ pageAs, customer }, use) => {
    await use(await pageAs(customer.tokens));
  },

  adminPage: async ({ pageAs }, use) => {
    await use(await pageAs(await adminSession()));
  },
});

export { expect };
