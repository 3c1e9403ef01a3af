/**
 * A visitor's whole journey: search, product (its price including VAT, the price paid), basket,
 * an account made at checkout (the basket comes along), the address, a card that succeeds, the order turning paid live, and the order
 * in the history after a reload, still signed in. A customer's order links its lines to their
 * products and is ordered again in one click; items that cannot be had any more are named.
 */
import {
  deleteProduct,
  newAccount,
  newProduct,
  paidOrder,
  pay,
  placeOrder,
  setStock,
  stockedProduct,
  uniqueTag,
  waitForOrderStatus,
} from './support/api';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { expect, test } from './support/fixtures';
import {
  accountNav,
  CARD,
  expectHeading,
  expectTitleAndLang,
  fillAddress,
  orderStatus,
  payWith,
} from './support/ui';

test('a visitor finds a dish, signs up at checkout, pays, and follows the order live', async ({ page }) => {
  await stockedProduct('pad-thai');
  const account = newAccount();
  // The price on the product page, VAT included (`scripts/dev up` runs an EU shop): the total
  // of the basket, the checkout and the order.
  let price = '';

  await test.step('search from the home page and open a suggestion', async () => {
    await page.goto('/');
    await expectTitleAndLang(page, 'MenusKart');
    const search = page.getByRole('combobox', { name: 'Search products' });
    await search.pressSequentially('pad th');
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
    await expect(suggestions).toBeVisible();
    await expect(search).toHaveAttribute('aria-expanded', 'true');
    await suggestions.getByRole('option', { name: /Pad Thai/ }).click();
    await expectHeading(page, 'Pad Thai');
    await expect(page).toHaveURL(/\/p\/pad-thai$/);
    await expectTitleAndLang(page, 'Pad Thai · MenusKart');
  });

  await test.step('the price includes VAT', async () => {
    price = (await page.getByTestId('product-price').textContent()) ?? '';
    expect(price).toMatch(/^€\d+\.\d\d$/);
    await expect(page.getByTestId('tax-note')).toHaveText('incl. 19% VAT');
  });

  await test.step('add it to the basket', async () => {
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByText('Added to your basket.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Basket, 1 item' })).toBeVisible();
    await page.getByRole('link', { name: 'View basket' }).click();
    await expectHeading(page, 'Your basket');
    const items = page.getByRole('list', { name: 'Basket items' });
    await expect(items.getByRole('link', { name: 'Pad Thai' })).toBeVisible();
    const basketSummary = page.getByRole('complementary', { name: 'Order summary' });
    await expect(basketSummary.getByTestId('total')).toHaveText(price);
    await expect(basketSummary.getByText('incl. 19% VAT')).toBeVisible();
    await page.getByRole('link', { name: 'Go to checkout' }).click();
  });

  await test.step('create an account at checkout without losing the basket', async () => {
    await expectHeading(page, 'Checkout');
    await expectTitleAndLang(page, 'Checkout · MenusKart');
    await page.getByRole('button', { name: 'I am new here' }).click();
    const form = page.getByRole('form', { name: 'Create account' });
    await expect(form).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'checkout (account step)');
    await form.getByLabel('Full name').fill(account.name);
    await form.getByLabel('Email').fill(account.email);
    await form.getByLabel('Password').fill(account.password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText(`Signed in as ${account.name} (${account.email}).`)).toBeVisible();
    const summary = page.getByRole('complementary', { name: 'Order summary' });
    await expect(summary.getByText('1 × Pad Thai')).toBeVisible();
    await expect(summary.getByTestId('total')).toHaveText(price);
    await expect(page.getByRole('link', { name: 'Basket, 1 item' })).toBeVisible();
  });

  let orderNumber = '';
  await test.step('pay with the card that succeeds and see the order turn paid live', async () => {
    await fillAddress(page);
    // A full page load would drop this marker; the app navigates without one.
    await page.evaluate(() => Object.assign(window, { e2eSamePage: true }));
    const stream = page.waitForResponse(
      (r) => /\/orders\/[^/]+\/events$/.test(new URL(r.url()).pathname) && r.request().method() === 'GET',
    );
    await payWith(page, CARD.ok);

    await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}\?placed=1$/);
    await expect(page.getByText('Thank you! Your order is in.')).toBeVisible();
    const events = await stream;
    expect(events.status()).toBe(200);
    expect(events.headers()['content-type']).toContain('text/event-stream');
    await expect(orderStatus(page)).toHaveText('Paid');
    expect(await page.evaluate(() => 'e2eSamePage' in window), 'the page was not reloaded').toBe(true);
    // Whether the payment had reached the order before the page first read it is a race: when
    // not, "Paid" came from the stream. payments.spec and admin.spec see changes arrive live on
    // a page that is already open, every time.
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^Order MK-\d+$/);
    orderNumber = ((await heading.textContent()) ?? '').replace('Order ', '');
    await expectTitleAndLang(page, `Order ${orderNumber} · MenusKart`);
    const items = page.getByRole('region', { name: 'Items' });
    await expect(items.getByText('Pad Thai')).toBeVisible();
    await expect(items.getByTestId('total')).toHaveText(price);
  });

  await test.step('after a reload, still signed in, the order is in the history', async () => {
    await page.reload();
    await expect(orderStatus(page)).toHaveText('Paid');
    const nav = accountNav(page);
    await expect(nav.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Account', exact: true }).click();
    await expectHeading(page, `Hello, ${account.name}`);
    await page.getByRole('link', { name: 'Your orders' }).click();
    await expectHeading(page, 'Your orders');
    const entry = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: `Order ${orderNumber}` }) });
    await expect(entry).toBeVisible();
    await expect(entry.getByText('Paid')).toBeVisible();
    await entry.getByRole('link', { name: `Order ${orderNumber}` }).click();
    await expectHeading(page, `Order ${orderNumber}`);
  });
});

test('a paid order links its lines to their products and is ordered again into the basket', async ({
  customer,
  customerPage: page,
}) => {
  const order = await paidOrder(customer, 'pad-thai', 2);
  const line = order.items[0];
  expect(line?.name).toBe('Pad Thai');

  await page.goto(`/account/orders/${order.id}`);
  await expect(orderStatus(page)).toHaveText('Paid');
  const items = page.getByRole('region', { name: 'Items' });
  await items.getByRole('link', { name: 'Pad Thai' }).click();
  await expectHeading(page, 'Pad Thai');
  await expect(page).toHaveURL(`/p/${line?.product_id}`);
  await page.goBack();

  await expectHeading(page, `Order ${order.number}`);
  await page.getByRole('button', { name: 'Order again' }).click();
  await expectHeading(page, 'Your basket');
  await expect(page).toHaveURL('/basket');
  const basket = page.getByRole('list', { name: 'Basket items' });
  await expect(basket.getByRole('link', { name: 'Pad Thai' })).toBeVisible();
  await expect(basket.getByLabel('Quantity of Pad Thai')).toHaveValue('2');
  await expect(accountNav(page).getByRole('link', { name: 'Basket, 2 items' })).toBeVisible();
});

test('ordering again names the items that cannot be had any more, and adds the others', async ({
  customer,
  customerPage: page,
}) => {
  const soup = await newProduct(`Seasonal Soup ${uniqueTag()}`, 650, 5);
  try {
    const padThai = await stockedProduct('pad-thai');
    const placed = await placeOrder(customer, [
      { productId: padThai.id, quantity: 1 },
      { productId: soup.id, quantity: 1 },
    ]);
    await pay(customer, placed.id, 'pm_card_ok');
    const order = await waitForOrderStatus(customer.tokens, placed.id, 'paid');
    // Sold out since.
    await setStock(soup.id, 0);

    await page.goto(`/account/orders/${order.id}`);
    await expect(orderStatus(page)).toHaveText('Paid');
    await page.getByRole('button', { name: 'Order again' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be added' });
    await expect(alert).toContainText('Some items could not be added to the basket:');
    await expect(alert.getByRole('listitem')).toHaveText([`${soup.name}: out of stock`]);
    await alert.getByRole('link', { name: 'Go to the basket' }).click();
    await expectHeading(page, 'Your basket');
    const basket = page.getByRole('list', { name: 'Basket items' });
    await expect(basket.getByRole('link', { name: 'Pad Thai' })).toBeVisible();
    await expect(basket.getByRole('link', { name: soup.name })).toHaveCount(0);
  } finally {
    await deleteProduct(soup.id);
  }
});
