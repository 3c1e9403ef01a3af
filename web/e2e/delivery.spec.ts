/**
 * Delivery options, from the owner's admin to the shopper's receipt: the admin offers a
 * standard delivery (free from €50) and an express one; the shopper picks express at checkout,
 * sees it in the summary and in the amount to pay, and finds it on the order page.
 *
 * Runs in its own project, after the others (playwright.config.ts): while a shop offers
 * delivery methods an order must name one, and the other specs place orders without.
 */
import { addToBasket, hideDeliveryMethods, productBySlug, uniqueTag } from './support/api';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';
import { CARD, euros, expectHeading, fillAddress, payWith } from './support/ui';

test('the admin offers delivery options, and the shopper pays for express delivery', async ({
  adminPage,
  customer,
  pageAs,
}, testInfo) => {
  const tag = uniqueTag();
  const standard = `Standard ${tag}`;
  const express = `Express ${tag}`;
  try {
    await test.step('the admin adds two delivery methods', async () => {
      await adminPage.goto('/admin/delivery');
      await expectHeading(adminPage, 'Delivery');
      const form = adminPage.getByRole('region', { name: 'Add a delivery method' });
      for (const [name, price, freeFrom] of [
        [standard, '4.90', '50'],
        [express, '9.90', ''],
      ] as const) {
        await form.getByLabel('Name').fill(name);
        await form.getByLabel(/^Price/).fill(price);
        await form.getByLabel(/^Free from/).fill(freeFrom);
        await form.getByRole('button', { name: 'Add method' }).click();
        await expect(adminPage.getByRole('list', { name: 'Delivery methods' })).toContainText(name);
      }
      await expect(adminPage.getByRole('list', { name: 'Delivery methods' })).toContainText(
        `${standard}€4.90, free from €50.00`,
      );
    });

    const dish = await productBySlug('pad-thai');
    await addToBasket(customer, dish.id, 1);
    const page = await pageAs(customer.tokens);

    await test.step('the shopper picks express delivery and sees what it costs', async () => {
      await page.goto('/checkout');
      await expectHeading(page, 'Checkout');
      const options = page.getByRole('group', { name: 'Delivery method' });
      await expect(options.getByRole('radio', { name: new RegExp(standard) })).toBeChecked();
      await options.getByRole('radio', { name: new RegExp(express) }).check();
      const summary = page.getByRole('complementary', { name: 'Order summary' });
      await expect(summary.getByTestId('delivery')).toHaveText('€9.90');
      const total = euros(dish.price + 990);
      await expect(summary.getByTestId('total')).toHaveText(total);
      await expect(page.getByRole('button', { name: `Pay ${total}` })).toBeVisible();
      await fillAddress(page);
      await saveScreenshot(page, 'checkout-delivery', testInfo);
    });

    await test.step('the order carries the delivery it was paid with', async () => {
      await payWith(page, CARD.ok);
      await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}\?placed=1$/);
      const items = page.getByRole('region', { name: 'Items' });
      await expect(items.getByText(`Delivery, ${express}`)).toBeVisible();
      await expect(items.getByTestId('delivery')).toHaveText('€9.90');
      await expect(items.getByTestId('total')).toHaveText(euros(dish.price + 990));
    });
  } finally {
    await hideDeliveryMethods([standard, express]);
  }
});
