/**
 * The platform's HTTP API, for what a test prepares or checks behind the user's back: accounts,
 * stock, orders paid ahead of a page visit. Typed by the same OpenAPI schema as the app.
 * Everything a test asserts about the shop itself goes through the browser.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import { expect } from '@playwright/test';
import type { paths } from '../../src/api/schema';
import type { Order, OrderStatus, Payment, Product, StockLevel } from '../../src/api/types';
import { adminCredentials, BASE_URL, setting } from './env';

export interface Tokens {
  accessToken: string;
}

export interface Account {
  name: string;
  email: string;
  password: string;
}

export interface Customer extends Account {
  id: string;
  tokens: Tokens;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  postal_code: string;
  city: string;
  country: string;
}

const client = createClient<paths>({ baseUrl: BASE_URL });

/** A short random tag that makes names and emails unique across runs. */
export function uniqueTag(): string {
  return randomBytes(5).toString('hex');
}

/** A fresh, never-used account (not registered yet). */
export function newAccount(prefix = 'shopper'): Account {
  const tag = uniqueTag();
  return {
    name: `Ada Tester ${tag}`,
    email: `${prefix}-${tag}@example.com`,
    password: `correct horse ${tag}`,
  };
}

export const TEST_ADDRESS: ShippingAddress = {
  name: 'Ada Lovelace',
  line1: '12 St James Square',
  postal_code: 'SW1Y 4JH',
  city: 'London',
  country: 'GB',
};

/** The data of an openapi-fetch answer, or an error naming the call and the API's answer. */
function ok<T>(what: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  throw new Error(`${what}: HTTP ${result.response.status} ${JSON.stringify(result.error ?? null)}`);
}

const bearer = (tokens: Tokens) => ({ Authorization: `Bearer ${tokens.accessToken}` });

export async function register(account: Account): Promise<void> {
  ok('register', await client.POST('/auth/register', { body: account }));
}

export async function login(email: string, password: string): Promise<Tokens> {
  const pair = ok('login', await client.POST('/auth/login', { body: { email, password } }));
  return { accessToken: pair.access_token };
}

/** Registers a fresh account and signs it in. */
export async function createCustomer(prefix = 'shopper'): Promise<Customer> {
  const account = newAccount(prefix);
  await register(account);
  const tokens = await login(account.email, account.password);
  const me = ok('users/me', await client.GET('/users/me', { headers: bearer(tokens) }));
  return { ...account, id: me.id, tokens };
}

/** Seconds left before an access token expires (its `exp` claim). */
function secondsLeft(tokens: Tokens): number {
  const payload = tokens.accessToken.split('.')[1] ?? '';
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: number };
  return (claims.exp ?? 0) - Date.now() / 1000;
}

let adminTokens: Promise<Tokens> | undefined;

/** The first admin's session, signed in once per worker (logins are rate limited per client). */
export async function adminSession(): Promise<Tokens> {
  const current = adminTokens ? await adminTokens.catch(() => undefined) : undefined;
  if (!current || secondsLeft(current) < 120) {
    const { email, password } = adminCredentials();
    adminTokens = login(email, password);
  }
  return adminTokens as Promise<Tokens>;
}

/** The shop's time zone: the one whose calendar days the order filters and the overview count. */
export async function shopTimeZone(): Promise<string> {
  const admin = await adminSession();
  return ok('sales overview', await client.GET('/sales/overview', { headers: bearer(admin) })).timezone;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function dayIn(timeZone: string, iso: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

export async function productBySlug(slug: string): Promise<Product> {
  return ok(`product ${slug}`, await client.GET('/products/{id}', { params: { path: { id: slug } } }));
}

export async function setStock(productId: string, available: number): Promise<StockLevel> {
  const admin = await adminSession();
  return ok(
    'set stock',
    await client.POST('/inventory/update', {
      body: { product_id: productId, set: available },
      headers: bearer(admin),
    }),
  );
}

/**
 * A seeded product with enough stock for a test to buy it: topped up when a run (or many)
 * bought it low. Returns the product as the shop shows it.
 */
export async function stockedProduct(slug: string, atLeast = 30): Promise<Product> {
  const product = await productBySlug(slug);
  if ((product.stock?.available ?? 0) < atLeast) {
    await setStock(product.id, 500);
    return productBySlug(slug);
  }
  return product;
}

/** A new product of the test's own (so no other test changes its stock), with `stock` units. */
export async function newProduct(name: string, price: number, stock: number): Promise<Product> {
  const admin = await adminSession();
  const product = ok(
    'create product',
    await client.POST('/products', {
      body: { name, description: 'Made by a browser test.', price, currency: 'EUR', category: 'dishes' },
      headers: bearer(admin),
    }),
  );
  await setStock(product.id, stock);
  return product;
}

/** The customer reviews a product (through the API). */
export async function addReview(customer: Customer, productId: string, rating: number, text: string) {
  ok(
    'add review',
    await client.POST('/products/{id}/reviews', {
      params: { path: { id: productId } },
      body: { rating, text },
      headers: bearer(customer.tokens),
    }),
  );
}

export async function deleteProduct(productId: string): Promise<void> {
  const admin = await adminSession();
  const { response } = await client.DELETE('/products/{id}', {
    params: { path: { id: productId } },
    headers: bearer(admin),
  });
  if (!response.ok && response.status !== 404) throw new Error(`delete product: HTTP ${response.status}`);
}

/** Puts the products in the customer's basket and places it as an order (pending payment). */
export async function placeOrder(
  customer: Customer,
  lines: { productId: string; quantity: number }[],
): Promise<Order> {
  for (const line of lines) {
    ok(
      'add to cart',
      await client.POST('/cart/add', {
        body: { product_id: line.productId, quantity: line.quantity },
        headers: bearer(customer.tokens),
      }),
    );
  }
  return ok(
    'place order',
    await client.POST('/orders', {
      body: { shipping_address: { ...TEST_ADDRESS, name: customer.name } },
      headers: { ...bearer(customer.tokens), 'Idempotency-Key': randomUUID() },
    }),
  );
}

export async function pay(customer: Customer, orderId: string, method: string): Promise<Payment> {
  return ok(
    'pay',
    await client.POST('/payments', {
      body: { order_id: orderId, payment_method: method },
      headers: { ...bearer(customer.tokens), 'Idempotency-Key': randomUUID() },
    }),
  );
}

export async function getOrder(tokens: Tokens, orderId: string): Promise<Order> {
  return ok(
    'get order',
    await client.GET('/orders/{order_id}', {
      params: { path: { order_id: orderId } },
      headers: bearer(tokens),
    }),
  );
}

/** Waits until the order has `status` (payment events reach orders asynchronously). */
export async function waitForOrderStatus(tokens: Tokens, orderId: string, status: OrderStatus) {
  await expect
    .poll(async () => (await getOrder(tokens, orderId)).status, {
      message: `order ${orderId} becomes ${status}`,
      timeout: 15_000,
    })
    .toBe(status);
  return getOrder(tokens, orderId);
}

/** An order of the customer's, placed and paid with the card that succeeds. */
export async function paidOrder(customer: Customer, slug = 'pad-thai', quantity = 1): Promise<Order> {
  const product = await stockedProduct(slug);
  const order = await placeOrder(customer, [{ productId: product.id, quantity }]);
  await pay(customer, order.id, 'pm_card_ok');
  return waitForOrderStatus(customer.tokens, order.id, 'paid');
}

/** Adds a product to the customer's basket (an item to see on the basket and checkout pages). */
export async function addToBasket(customer: Customer, productId: string, quantity = 1): Promise<void> {
  ok(
    'add to cart',
    await client.POST('/cart/add', {
      body: { product_id: productId, quantity },
      headers: bearer(customer.tokens),
    }),
  );
}

export async function orderPayments(tokens: Tokens, orderId: string): Promise<Payment[]> {
  const page = ok(
    'order payments',
    await client.GET('/orders/{order_id}/payments', {
      params: { path: { order_id: orderId } },
      headers: bearer(tokens),
    }),
  );
  return page.items;
}

/**
 * Plays the payment provider confirming a bank payment (`pm_card_async`): its signed webhook
 * (`MK-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.body">`, the platform's webhook secret).
 */
export async function confirmBankPayment(providerReference: string): Promise<void> {
  const secret = setting('MK_PAYMENTS_WEBHOOK_SECRETS').split(',')[0] ?? '';
  const body = JSON.stringify({
    id: `evt_e2e_${uniqueTag()}`,
    type: 'payment_intent.succeeded',
    data: { object: { id: providerReference } },
  });
  const t = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  const response = await fetch(`${BASE_URL}/payments/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'MK-Signature': `t=${t},v1=${signature}` },
    body,
  });
  if (!response.ok) throw new Error(`webhook: HTTP ${response.status} ${await response.text()}`);
}

/** Whether the customer wants promotional emails (`marketing_opt_in`), as the API says now. */
export async function marketingOptIn(customer: Customer): Promise<boolean> {
  return ok('users/me', await client.GET('/users/me', { headers: bearer(customer.tokens) })).marketing_opt_in;
}

/** Opts the customer in to promotional emails. */
export async function optIn(customer: Customer): Promise<void> {
  ok(
    'users/me',
    await client.PATCH('/users/me', { headers: bearer(customer.tokens), body: { marketing_opt_in: true } }),
  );
}

/** Hides the delivery methods named (a test's own), so orders placed after it need none. */
export async function hideDeliveryMethods(names: readonly string[]): Promise<void> {
  const admin = await adminSession();
  const all = ok(
    'delivery methods',
    await client.GET('/delivery-methods', { params: { query: { all: true } }, headers: bearer(admin) }),
  );
  for (const method of all.items.filter((m) => names.includes(m.name) && m.active)) {
    ok(
      `hide ${method.name}`,
      await client.PATCH('/delivery-methods/{method_id}', {
        params: { path: { method_id: method.id } },
        body: { active: false },
        headers: bearer(admin),
      }),
    );
  }
}
