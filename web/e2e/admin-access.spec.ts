/** The admin is for staff: customers and visitors get a clear "not allowed" page, and no admin UI. */
import { expect, test } from './support/fixtures';
import { accountNav, expectHeading, expectTitleAndLang } from './support/ui';

test('a signed-in customer opening the admin is told it is not allowed', async ({ customerPage: page }) => {
  for (const path of ['/admin', '/admin/orders', '/admin/products/new']) {
    await page.goto(path);
    await expectHeading(page, 'Not allowed');
    await expectTitleAndLang(page, 'Not allowed · MenusKart');
    await expect(page.getByText('Your account cannot open it.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);
    await expect(accountNav(page).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  }
  await page.getByRole('link', { name: 'Go to the shop' }).click();
  await expect(page).toHaveURL('/');
});

test('a visitor opening the admin is asked to sign in with a staff account', async ({ page }) => {
  await page.goto('/admin/orders');
  await expectHeading(page, 'Not allowed');
  await expect(page.getByText('Sign in with a staff account to continue.')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/signin?next=%2Fadmin%2Forders');
});
