/**
 * The owner's record of who changed what: the admin makes a colleague an admin on the People
 * page and takes the role back, and the audit log shows both, with the stock change made
 * meanwhile, each with who did it.
 */
import { adminCredentials } from './support/env';
import { createCustomer, productBySlug, setStock } from './support/api';
import { expect, test } from './support/fixtures';
import { expectHeading, expectTitleAndLang } from './support/ui';
import { saveScreenshot } from './support/screenshots';

test('the admin makes and unmakes an admin, and the audit log names who changed roles and stock', async ({
  adminPage: page,
}, testInfo) => {
  const colleague = await createCustomer('colleague');
  const admin = adminCredentials();

  await test.step('make the colleague an admin on the People page', async () => {
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'People' }).click();
    await expectHeading(page, 'People');
    await expectTitleAndLang(page, 'People · Admin · MenusKart');
    await page.getByLabel('Email').fill(colleague.email);
    await page.getByRole('button', { name: 'Search people' }).click();
    const row = page.getByRole('row').filter({ hasText: colleague.email });
    await row.getByRole('button', { name: `Make ${colleague.email} an admin` }).click();
    const dialog = page.getByRole('dialog', { name: `Make ${colleague.email} an admin?` });
    await dialog.getByRole('button', { name: 'Make admin' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      row.getByRole('button', { name: `Remove admin role from ${colleague.email}` }),
    ).toBeVisible();
  });

  await test.step('nobody can take the role from themselves', async () => {
    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('button', { name: 'Search people' }).click();
    const me = page.getByRole('row').filter({ hasText: admin.email });
    await expect(me).toContainText('You');
    await expect(me.getByRole('button')).toHaveCount(0);
  });

  await test.step('take it back', async () => {
    await page.getByLabel('Email').fill(colleague.email);
    await page.getByRole('button', { name: 'Search people' }).click();
    const row = page.getByRole('row').filter({ hasText: colleague.email });
    await row.getByRole('button', { name: `Remove admin role from ${colleague.email}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${colleague.email}'s admin role?` });
    await dialog.getByRole('button', { name: 'Remove admin role' }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByRole('button', { name: `Make ${colleague.email} an admin` })).toBeVisible();
  });

  const product = await productBySlug('pad-thai');
  const before = product.stock?.available ?? 0;
  await setStock(product.id, before + 1);

  await test.step('the audit log shows both role changes and the stock change, with who made them', async () => {
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    await expectHeading(page, 'Audit log');
    await expectTitleAndLang(page, 'Audit log · Admin · MenusKart');
    const log = page.getByRole('list', { name: 'Changes, newest first' });
    const stock = log.getByRole('listitem').first();
    await expect(stock).toContainText(`Stock of ${product.name} from ${before} to ${before + 1}`);
    await expect(stock).toContainText(`by ${admin.email}`);

    await page.getByLabel('Kind of change').selectOption({ label: 'Roles' });
    await expect(page).toHaveURL('/admin/audit?action=roles_changed');
    const roles = log.getByRole('listitem').filter({ hasText: colleague.email });
    await expect(roles).toHaveCount(2);
    await expect(roles.nth(0)).toContainText('from customer, admin to customer');
    await expect(roles.nth(1)).toContainText('from customer to customer, admin');
    await expect(roles.nth(0)).toContainText(`by ${admin.email}`);
    await page.getByLabel('Kind of change').selectOption({ label: 'Every change' });
    await expect(log.getByRole('listitem').first()).toContainText('Stock of');
    await saveScreenshot(page, 'admin-audit-log', testInfo);
  });
});
