/**
 * The shop's staff at work: the admin signs in, adds a product with its stock (which the shop's
 * search then finds), and takes a paid order through fulfilment, shipping and a partial refund,
 * while the customer's open order page follows along live; finds orders by day and customer
 * name and downloads them as CSV.
 */
import { readFile } from 'node:fs/promises';
import { adminCredentials } from './support/env';
import { createCustomer, dayIn, deleteProduct, paidOrder, shopTimeZone, uniqueTag } from './support/api';
import { expect, test } from './support/fixtures';
import { waitForEmail } from './support/mail';
import { accountNav, euros, expectHeading, expectTitleAndLang, orderStatus } from './support/ui';

test('the admin adds a product with stock, the shop finds it, and the admin hides it as a draft', async ({
  page,
  browser,
}) => {
  const name = `Tamarind Tofu Bowl ${uniqueTag()}`;
  let productId = '';
  try {
    await test.step('sign in as the admin and open the admin', async () => {
      const { email, password } = adminCredentials();
      await page.goto('/signin');
      const form = page.getByRole('form', { name: 'Sign in' });
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('Password').fill(password);
      await form.getByRole('button', { name: 'Sign in' }).click();
      await accountNav(page).getByRole('link', { name: 'Admin' }).click();
      await expectHeading(page, 'Overview');
      await expect(page).toHaveURL('/admin');
      await expectTitleAndLang(page, 'Overview · Admin · MenusKart');
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Products' }).click();
      await expectHeading(page, 'Products');
      await expect(page).toHaveURL('/admin/products');
      await expectTitleAndLang(page, 'Products · Admin · MenusKart');
    });

    await test.step('create the product: name, price, category, an attribute', async () => {
      await page.getByRole('link', { name: 'New product' }).click();
      await expectHeading(page, 'New product');
      const form = page.getByRole('form', { name: 'Product' });
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByLabel('Description').fill('Crispy tofu, tamarind glaze and jasmine rice.');
      await form.getByLabel('Price', { exact: true }).fill('8.40');
      await form.getByLabel('Category').selectOption('noodles');
      await form.getByRole('button', { name: 'Add attribute' }).click();
      await form.getByLabel('Attribute 1 name').fill('spice');
      await form.getByLabel('Attribute 1 value').fill('hot');
      await form.getByRole('button', { name: 'Create product' }).click();
      await expectHeading(page, name);
      await expect(page.getByText('Product created. Set its stock below.')).toBeVisible();
      productId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    });

    await test.step('set its stock', async () => {
      const stock = page.getByRole('region', { name: 'Stock' });
      await stock.getByLabel('Set available units').fill('3');
      await stock.getByRole('button', { name: 'Update stock' }).click();
      await expect(stock.getByText('Stock updated.')).toBeVisible();
      await expect(stock.getByTestId('stock-available')).toHaveText('3');
    });

    await test.step('the shop finds it', async () => {
      const search = page.getByRole('combobox', { name: 'Search products' });
      await search.fill(name);
      await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible();
      await search.press('Enter');
      await expectHeading(page, `Results for “${name}”`);
      // The card says how few are left: the catalog hears of stock through events, so give it
      // a moment (a reload asks again).
      await expect(async () => {
        await page.reload();
        await expect(page.getByRole('article').filter({ hasText: name })).toContainText('Only 3 left', {
          timeout: 1000,
        });
      }).toPass({ timeout: 10_000 });
      await page.getByRole('link', { name }).click();
      await expectHeading(page, name);
      await expect(page.getByText('€8.40').first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'Details' })).toContainText('Spice level');
      await expect(page.getByRole('region', { name: 'Details' })).toContainText('Hot');
      await expect(page.getByRole('button', { name: 'Add to cart' })).toBeEnabled();
    });

    await test.step('hide it as a draft: shoppers no longer find it, the admin still does', async () => {
      await page.goto(`/admin/products/${productId}`);
      await expectHeading(page, name);
      const address = (await page.getByRole('link', { name: /^\/p\// }).textContent()) ?? '';
      const form = page.getByRole('form', { name: 'Product' });
      await form.getByLabel('Status').selectOption('draft');
      await expect(form.getByText('Hidden from shoppers until you make it active.')).toBeVisible();
      await form.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText('Changes saved.')).toBeVisible();

      await page.goto('/admin/products?status=draft');
      const row = page.getByRole('row').filter({ hasText: name });
      await expect(row.getByText('Draft', { exact: true })).toBeVisible();

      const visitor = await browser.newPage();
      try {
        await visitor.goto(`/shop?q=${encodeURIComponent(name)}`);
        await expectHeading(visitor, `Results for “${name}”`);
        // The results have loaded (other products may match a word of the name) ...
        await expect(visitor.getByText(/^\d+ products?$|^Nothing found/).first()).toBeVisible();
        // ... and the draft is not among them.
        await expect(visitor.getByRole('article').filter({ hasText: name })).toHaveCount(0);
        await visitor.goto(address);
        await expect(visitor).toHaveTitle(/^Product not found/);
        await expect(visitor.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
      } finally {
        await visitor.close();
      }
    });
  } finally {
    // Keep the catalog as the seed made it, for the next run and the screenshots.
    if (productId) await deleteProduct(productId);
  }
});

test('the admin finds a paid order by number, fulfils, ships and partly refunds it', async ({
  adminPage: page,
  pageAs,
}) => {
  const customer = await createCustomer();
  const order = await paidOrder(customer, 'pad-thai', 2);
  const customerPage = await pageAs(customer.tokens);
  await customerPage.goto(`/account/orders/${order.id}`);
  await expect(orderStatus(customerPage)).toHaveText('Paid');

  await test.step("the overview's first figures count today's paid orders, this one too", async () => {
    await page.goto('/admin');
    await expectHeading(page, 'Overview');
    const today = page.getByRole('region', { name: 'Today' });
    await expect(today).toContainText(/\d+ orders? · average €\d+\.\d{2}/);
    const revenue =
      (await today
        .getByText(/^€[\d,]+\.\d{2}$/)
        .first()
        .textContent()) ?? '';
    expect(Math.round(Number(revenue.replace(/[^\d.]/g, '')) * 100)).toBeGreaterThanOrEqual(order.total);
    await expect(page.getByRole('link', { name: /paid orders? waits? to be fulfilled/ })).toBeVisible();
  });

  await test.step('find the order by its number', async () => {
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Orders' }).click();
    await expectHeading(page, 'Orders');
    await page.getByLabel('Order number, name or email').fill(order.number);
    await page.getByRole('button', { name: 'Search orders' }).click();
    const table = page.getByRole('table', { name: /^Orders, 1 in all/ });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: order.number }) });
    await expect(row).toContainText('Paid');
    await row.getByRole('link', { name: order.number }).click();
    await expectHeading(page, `Order ${order.number}`);
    // The admin's status badge is a live region without a name: found by its test id.
    await expect(page.getByTestId('order-status')).toHaveText('Paid');
  });

  await test.step('mark it fulfilled, then shipped; the customer sees both live', async () => {
    const status = page.getByTestId('order-status');
    await page.getByRole('button', { name: 'Mark as fulfilled' }).click();
    await expect(status).toHaveText('Fulfilled');
    await expect(orderStatus(customerPage)).toHaveText('Fulfilled');
    await page.getByRole('button', { name: 'Mark as shipped' }).click();
    await expect(status).toHaveText('Shipped');
    await expect(page.getByText('Shipped. Nothing more to do.')).toBeVisible();
    await expect(orderStatus(customerPage)).toHaveText('Shipped');
    await expect(customerPage.getByRole('region', { name: 'History' }).getByText('Shipped')).toBeVisible();
  });

  await test.step('refund part of it', async () => {
    const payments = page.getByRole('region', { name: 'Payments' });
    await expect(payments.getByText(`Captured · ${euros(order.total)}`)).toBeVisible();
    const refund = payments.getByRole('form', { name: 'Refund' });
    await refund.getByLabel('Refund amount').fill('5.00');
    await refund.getByRole('button', { name: 'Refund' }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund €5.00?' });
    await expect(dialog).toContainText(
      `€5.00 goes back to the customer’s payment method for order ${order.number}.`,
    );
    await dialog.getByRole('button', { name: 'Refund €5.00' }).click();
    await expect(dialog).toBeHidden();
    // Never a bare "Partly refunded: <the whole amount>", which reads as if all of it went back.
    await expect(payments.getByText(`Partly refunded · captured ${euros(order.total)}`)).toBeVisible();
    await expect(
      payments.getByText(`€5.00 of ${euros(order.total)} refunded; ${euros(order.total - 500)} kept.`),
    ).toBeVisible();
    await expect(payments.getByLabel('Refund amount')).toHaveAccessibleDescription(
      `Empty refunds everything left: ${euros(order.total - 500)}.`,
    );
  });

  await test.step('the customer finds the refund on the order page', async () => {
    await customerPage.reload();
    const refunds = customerPage.getByRole('region', { name: 'Refunds' });
    await expect(refunds).toContainText(`Partly refunded: €5.00 of ${euros(order.total)} went back`);
    await expect(refunds).toContainText(/Refund of \d{1,2} \w{3} \d{4}−€5\.00/);
    await expect(refunds).toContainText(`Paid after refunds${euros(order.total - 500)}`);
  });

  const mail = await waitForEmail(customer.email, /refund/i);
  expect(mail.text).toContain('5.00');
});

test('the admin finds a day’s orders by customer name and downloads them as CSV', async ({
  adminPage: page,
}) => {
  const customer = await createCustomer();
  const order = await paidOrder(customer, 'pad-thai', 1);
  // The filters' days are the shop's calendar days.
  const day = dayIn(await shopTimeZone(), order.created_at);

  await page.goto('/admin/orders');
  await expectHeading(page, 'Orders');
  await page.getByLabel('From', { exact: true }).fill(day);
  await page.getByLabel('To', { exact: true }).fill(day);
  // The customer's name is unique to this test ("Ada Tester <tag>"): their one order matches.
  await page.getByLabel('Order number, name or email').fill(customer.name);
  await page.getByRole('button', { name: 'Search orders' }).click();
  const table = page.getByRole('table', { name: /^Orders, 1 in all/ });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: order.number }) });
  await expect(row).toContainText(customer.name);
  await expect(row).toContainText(customer.email);
  await expect(row).toContainText('Paid');

  // The filters are in the address: a reload (or a shared link) keeps them.
  await expect(page).toHaveURL(
    `/admin/orders?q=${encodeURIComponent(customer.name).replace(/%20/g, '+')}&from=${day}&to=${day}`,
  );
  await page.reload();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(day);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(day);
  await expect(page.getByRole('table', { name: /^Orders, 1 in all/ })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^number,placed_at,status,/);
  // Exactly the selection: the header and this one order.
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^${order.number},`));
  expect(lines[1]).toContain(customer.email);
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
});

/** The slug the categories form makes of a name. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

test('the owner sets a category’s tax rate, and its sub-category inherits it', async ({
  adminPage: page,
}) => {
  const tag = uniqueTag();
  const parent = `Teas ${tag}`;
  const child = `Green teas ${tag}`;
  await page.goto('/admin/categories');
  await expectHeading(page, 'Categories');
  const form = page.getByRole('form', { name: 'New category' });
  // Under Groceries (taxed at 7 % by the shop's configuration), so the shop's top categories
  // stay as they are.
  await form.getByLabel('Category name').fill(parent);
  await form.getByLabel('Parent category').selectOption('groceries');
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(form.getByText(`Category ${parent} created.`)).toBeVisible();
  await form.getByLabel('Category name').fill(child);
  await form.getByLabel('Parent category').selectOption({ label: `\u00a0\u00a0\u00a0${parent}` });
  await form.getByRole('button', { name: 'Create category' }).click();
  await expect(form.getByText(`Category ${child} created.`)).toBeVisible();

  // Without a rate of its own: its parent's, 7 %.
  await expect(page.getByTestId(`rate-${slugOf(parent)}`)).toHaveText('· tax 7% (inherited)');
  await page.getByRole('button', { name: `Edit ${parent}` }).click();
  const editor = page.getByRole('form', { name: `Edit ${parent}` });
  await editor.getByLabel('Tax rate (%)').fill('7,5');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId(`rate-${slugOf(parent)}`)).toHaveText('· tax 7.5%');
  // The sub-category takes its parent's rate.
  await expect(page.getByTestId(`rate-${slugOf(child)}`)).toHaveText('· tax 7.5% (inherited)');

  // A rate that is not one is refused where it was typed.
  await page.getByRole('button', { name: `Edit ${child}` }).click();
  const childEditor = page.getByRole('form', { name: `Edit ${child}` });
  await childEditor.getByLabel('Tax rate (%)').fill('120');
  await childEditor.getByRole('button', { name: 'Save' }).click();
  await expect(childEditor.getByText('Enter a percentage from 0 to 100')).toBeVisible();

  // Tidy up through the page: a category in use cannot go, an empty one can.
  await page.getByRole('button', { name: `Edit ${parent}` }).click();
  const parentEditor = page.getByRole('form', { name: `Edit ${parent}` });
  await parentEditor.getByRole('button', { name: `Delete ${parent}` }).click();
  let dialog = page.getByRole('dialog', { name: `Delete ${parent}?` });
  await dialog.getByRole('button', { name: 'Delete category' }).click();
  await expect(dialog.getByRole('alert')).toContainText('in use');
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await childEditor.getByRole('button', { name: `Delete ${child}` }).click();
  dialog = page.getByRole('dialog', { name: `Delete ${child}?` });
  await dialog.getByRole('button', { name: 'Delete category' }).click();
  await expect(page.getByTestId(`rate-${slugOf(child)}`)).toBeHidden();
  await parentEditor.getByRole('button', { name: `Delete ${parent}` }).click();
  dialog = page.getByRole('dialog', { name: `Delete ${parent}?` });
  await dialog.getByRole('button', { name: 'Delete category' }).click();
  await expect(page.getByTestId(`rate-${slugOf(parent)}`)).toBeHidden();
});
