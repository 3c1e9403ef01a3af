/**
 * Forgot password: the reset link arrives by email (the platform's mail catcher), opens the
 * shop's reset page, and the new password works where the old one no longer does.
 */
import { createCustomer, uniqueTag } from './support/api';
import { expect, test } from './support/fixtures';
import { linkIn, waitForEmail } from './support/mail';
import { accountNav, expectHeading, expectTitleAndLang } from './support/ui';

test('a forgotten password is reset through the emailed link', async ({ page }) => {
  const user = await createCustomer('reset');
  const newPassword = `a brand new secret ${uniqueTag()}`;

  await test.step('ask for a reset link', async () => {
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expectHeading(page, 'Forgot your password?');
    await expectTitleAndLang(page, 'Forgot your password? · MenusKart');
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('status')).toContainText(`If an account exists for ${user.email}`);
  });

  await test.step('open the link from the email and choose a new password', async () => {
    const email = await waitForEmail(user.email, /reset your password/i);
    const link = linkIn(email, '/reset-password');
    await page.goto(link);
    await expectHeading(page, 'Choose a new password');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page.getByRole('status')).toContainText('Your password is changed.');
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  });

  await test.step('the old password is refused, the new one signs in', async () => {
    await expectHeading(page, 'Sign in');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(user.email);
    await form.getByLabel('Password').fill(user.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert')).toHaveText(/invalid email or password/i);
    await expect(page).toHaveURL(/\/signin$/);

    await form.getByLabel('Password').fill(newPassword);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading(page, `Hello, ${user.name}`);
    await expect(accountNav(page).getByRole('link', { name: 'Account', exact: true })).toBeVisible();
  });

  await test.step('the link works only once, and says so before a password is typed', async () => {
    const email = await waitForEmail(user.email, /reset your password/i);
    await page.goto(linkIn(email, '/reset-password'));
    await expectHeading(page, 'This link no longer works');
    await expect(page.getByRole('alert')).toContainText('already used, has expired');
    await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await expectHeading(page, 'Forgot your password?');
  });
});
