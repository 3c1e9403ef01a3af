/**
 * Reviews: a signed-in customer rates a product and writes a few words; the review shows at
 * once, named by the customer's first name and last initial, and the product's rating counts it.
 * The shop's admin removes a review from the product page, and the rating follows.
 */
import { addReview, deleteProduct, newProduct, uniqueTag } from './support/api';
import { expect, test } from './support/fixtures';
import { expectHeading } from './support/ui';

test('a customer reviews a product and sees it published under their name', async ({
  customerPage: page,
}) => {
  await page.goto('/p/mango-lassi');
  await expectHeading(page, 'Mango Lassi');
  const reviews = page.getByRole('region', { name: 'Reviews' });
  const before = await reviews.getByRole('listitem').count();

  await reviews.getByRole('radio', { name: '4 stars' }).check({ force: true });
  await reviews.getByLabel('Your review').fill('Thick, cold and not too sweet.');
  await reviews.getByRole('button', { name: 'Publish review' }).click();
  await expect(reviews.getByRole('status')).toHaveText('Thank you! Your review is published.');

  const published = reviews
    .getByRole('list', { name: 'Reviews, newest first' })
    .getByRole('listitem')
    .filter({ hasText: 'Thick, cold and not too sweet.' });
  // The fixture's customer is "Ada Tester <tag>": first name and the last word's initial.
  await expect(published).toContainText(/Ada \w\./);
  await expect(
    reviews.getByRole('list', { name: 'Reviews, newest first' }).getByRole('listitem'),
  ).toHaveCount(before + 1);
});

test('the admin removes a review from the product page, and its stars go with it', async ({
  customer,
  adminPage: page,
}) => {
  const product = await newProduct(`Review Target ${uniqueTag()}`, 650, 5);
  try {
    await addReview(customer, product.id, 1, 'Spam spam spam, buy cheap watches elsewhere.');
    await page.goto(`/p/${product.slug}`);
    await expectHeading(page, product.name);
    const reviews = page.getByRole('region', { name: 'Reviews' });
    await expect(reviews.getByText('Spam spam spam')).toBeVisible();

    await reviews.getByRole('button', { name: /^Remove the review by Ada \w\.$/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Remove the review by Ada \w\.\?$/ });
    await expect(dialog).toContainText('This cannot be undone.');
    await dialog.getByRole('button', { name: 'Remove review' }).click();
    await expect(dialog).toBeHidden();
    await expect(reviews.getByText('Spam spam spam')).toBeHidden();
    await expect(reviews.getByText('No reviews yet.', { exact: false })).toBeVisible();
  } finally {
    await deleteProduct(product.id);
  }
});
