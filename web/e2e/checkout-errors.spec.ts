/**
 * What stops a checkout is seen at once, on a phone (the `phone` project, 390 px) as on a
 * desktop: the message comes into view and takes focus, wherever the button pressed was. And
 * the basket offers only what the stock allows, naming the product when it falls short.
 */
import type { Locator } from '@playwright/test';
import { addToBasket, deleteProduct, newProduct, setStock, stockedProduct, uniqueTag } from './support/api';
import { BASE_URL } from './support/env';
import { expect, test } from './support/fixtures';
import {
  CARD,
  expectHeading,
  expectNoHorizontalScroll,
  fillAddress,
  orderStatus,
  payWith,
} from './support/ui';

/** In view (entirely) and focused: a phone user sees it, a screen reader lands on it. */
async function expectSeen(message: Locator) {
  await expect(message).toBeFocused();
  await expect(message).toBeInViewport({ ratio: 1 });
}

test('a declined card: the message is in view and focused', async ({ customer, customerPage: page }) => {
  await addToBasket(customer, (await stockedProduct('green-curry')).id);
  await page.goto('/checkout');
  await fillAddress(page);
  await payWith(page, CARD.declined);

  const declined = page.getByRole('alert').filter({ hasText: 'Your payment was declined' });
  await expect(declined).toContainText('Your payment was declined: card declined.');
  await expectSeen(declined);

  // Declined again with another card: the new message takes focus again.
  await payWith(page, CARD.insufficientFunds);
  await expect(declined).toContainText('insufficient funds');
  await expectSeen(declined);
});

test('an empty address: a summary of the problems is in view and focused, and links to each field', async ({
  customer,
  customerPage: page,
}) => {
  await addToBasket(customer, (await stockedProduct('mango-lassi')).id);
  await page.goto('/checkout');
  await expectHeading(page, 'Checkout');
  const delivery = page.getByRole('region', { name: 'Delivery address', exact: true });
  await delivery.getByLabel('Street and number').fill('');
  await payWith(page, CARD.ok);

  const summary = page.getByRole('alert').filter({ hasText: 'Please check these details' });
  await expectSeen(summary);
  await expect(summary.getByRole('link')).toHaveText([
    'Enter the street and house number.',
    'Enter the postcode.',
    'Enter the town or city.',
  ]);
  await summary.getByRole('link', { name: 'Enter the postcode.' }).click();
  const postcode = delivery.getByLabel('Postcode');
  await expect(postcode).toBeFocused();
  await expect(postcode).toBeInViewport();
  await expect(postcode).toHaveAccessibleDescription('Enter the postcode.');
  await expect(page).toHaveURL(/\/checkout$/);
});

test('the basket offers what the stock allows and names the product when it falls short', async ({
  customer,
  customerPage: page,
}) => {
  // One long word, as product names in some languages are: it must wrap, not widen the page.
  const name = `Kartoffelpufferteigwarenspezialitätenteller ${uniqueTag()}`;
  const product = await newProduct(name, 890, 3);
  try {
    await addToBasket(customer, product.id);
    await page.goto('/basket');
    await expectHeading(page, 'Your basket');
    const quantity = page.getByRole('combobox', { name: `Quantity of ${name}` });
    await expect(quantity.getByRole('option')).toHaveText(['1', '2', '3']);
    await quantity.selectOption('3');
    await expect(page.getByRole('link', { name: /^Basket, 3 items$/ })).toBeVisible();
    await expectNoHorizontalScroll(page, 'the basket');

    // The stock falls behind the shopper's back: the basket says so, by name.
    await setStock(product.id, 2);
    await page.reload();
    await expect(page.getByText(`Only 2 of ${name} left: lower the quantity to check out.`)).toBeVisible();
    await quantity.selectOption('2');
    await expect(page.getByText(/lower the quantity/)).toBeHidden();

    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await fillAddress(page);
    await payWith(page, CARD.ok);
    await expect(orderStatus(page)).toHaveText('Paid');
  } finally {
    await deleteProduct(product.id);
  }
});

test('the price on the product page includes VAT and is what checkout asks', async ({
  customer,
  customerPage: page,
}) => {
  // A fresh product at the demo's price of a dish: €11.90, 19 % VAT inside (€1.90).
  const product = await newProduct(`Khao Soi ${uniqueTag()}`, 1190, 5);
  try {
    await page.goto(`/p/${product.slug}`);
    await expect(page.getByTestId('product-price')).toHaveText('€11.90');
    await expect(page.getByTestId('tax-note')).toHaveText('incl. 19% VAT');
    // What search engines read: the page's one address, and the price and stock as data.
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${BASE_URL}/p/${product.slug}`,
    );
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(data.offers).toMatchObject({
      price: '11.90',
      priceCurrency: 'EUR',
      availability: 'https://schema.org/InStock',
    });

    await addToBasket(customer, product.id, 2);
    await page.goto('/checkout');
    await expectHeading(page, 'Checkout');
    const summary = page.getByRole('complementary', { name: 'Order summary' });
    await expect(summary.getByTestId('total')).toHaveText('€23.80');
    await expect(summary.getByText('incl. 19% VAT')).toBeVisible();
    await expect(summary.getByText('€3.80')).toBeVisible();
    await expectNoHorizontalScroll(page, 'the checkout');
  } finally {
    await deleteProduct(product.id);
  }
});
