/**
 * Payments that do not simply succeed: a declined card, then the card that succeeds on the
 * same order; and a bank payment that the provider confirms later, which the open order page
 * follows live.
 */
import { addToBasket, confirmBankPayment, orderPayments, stockedProduct } from './support/api';
import { expect, test } from './support/fixtures';
import { CARD, expectHeading, fillAddress, orderStatus, payWith } from './support/ui';

test('a declined card says why, and the same order is then paid with another card', async ({
  customer,
  customerPage: page,
}) => {
  const product = await stockedProduct('green-curry');
  await addToBasket(customer, product.id);

  await page.goto('/checkout');
  await expectHeading(page, 'Checkout');
  await fillAddress(page);
  await payWith(page, CARD.declined);

  const declined = page.getByRole('alert').filter({ hasText: 'Your payment was declined' });
  await expect(declined).toContainText('Your payment was declined: card declined.');
  await expect(declined).toContainText(/Your order MK-\d+ is kept\. Choose another payment method/);
  // The order is placed once and kept in the address: paying again pays that one.
  await expect(page).toHaveURL(/\/checkout\?order=[0-9a-f-]{36}$/);
  const orderId = new URL(page.url()).searchParams.get('order') ?? '';

  await payWith(page, CARD.ok);
  await expect(page).toHaveURL(`/account/orders/${orderId}?placed=1`);
  await expect(orderStatus(page)).toHaveText('Paid');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText('Payment declined')).toBeVisible();
  await expect(history.getByText('card declined')).toBeVisible();
  await expect(history.getByText('Paid', { exact: true })).toBeVisible();

  const payments = await orderPayments(customer.tokens, orderId);
  expect(payments.map((p) => p.status).sort()).toEqual(['failed', 'succeeded']);
});

test('a card with insufficient funds says so in words', async ({ customer, customerPage: page }) => {
  const product = await stockedProduct('mango-lassi');
  await addToBasket(customer, product.id);

  await page.goto('/checkout');
  await fillAddress(page);
  await payWith(page, CARD.insufficientFunds);
  await expect(page.getByRole('alert').filter({ hasText: 'declined' })).toContainText(
    'Your payment was declined: insufficient funds.',
  );
  await expect(page.getByRole('button', { name: /^Pay €/ })).toBeEnabled();
});

test('a bank payment waits for the bank, and the open order page turns paid when it confirms', async ({
  customer,
  customerPage: page,
}) => {
  const product = await stockedProduct('jasmine-rice');
  await addToBasket(customer, product.id, 2);

  await page.goto('/checkout');
  await fillAddress(page);
  await payWith(page, CARD.bank);
  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}\?placed=1&payment=processing$/);
  await expect(page.getByText('We are waiting for your bank to confirm the payment.')).toBeVisible();
  await expect(orderStatus(page)).toHaveText('Pending payment');
  await page.evaluate(() => Object.assign(window, { e2eSamePage: true }));

  const orderId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  const [payment] = await orderPayments(customer.tokens, orderId);
  expect(payment?.status).toBe('processing');
  await confirmBankPayment(payment?.provider_reference ?? '');

  // No reload: the change arrives on the order's event stream.
  await expect(orderStatus(page)).toHaveText('Paid');
  await expect(page.getByText('We are waiting for your bank')).toBeHidden();
  expect(await page.evaluate(() => 'e2eSamePage' in window), 'the page was not reloaded').toBe(true);
});
