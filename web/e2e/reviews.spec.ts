/**
 * Reviews: a signed-in customer rates a product and writes a few words; the review shows at
 * once, named by the customer's first name and last initial, and the product's rating counts it.
 * A review by someone who paid for the product is marked "Verified buyer". The shop's admin
 * removes a review from the product page, and the rating follows.
 */
import { addReview, createCustomer, deleteProduct, newProduct, paidOrder, uniqueTag } from './support/api';
import { expect, test } from './support/fixtures';
import { expectHeading } from './support/ui';

test('a customer reviews a product and sees it published under their name', async ({
  customerPage: page,
}) => {
  // A product of the test's own: on a seeded one, earlier runs' reviews fill the first page.
  const product = await newProduct(`Mango Lassi ${uniqueTag()}`, 450, 5);
  try {
    await page.goto(`/p/${product.slug}`);
    await expectHeading(page, product.name);
    const reviews = page.getByRole('region', { name: 'Reviews' });
    await expect(reviews.getByText('No reviews yet.', { exact: false })).toBeVisible();

    await reviews.getByRole('radio', { name: '4 stars' }).check({ force: true });
    await reviews.getByLabel('Your review').fill('Thick, cold and not too sweet.');
    await reviews.getByRole('button', { name: 'Publish review' }).click();
    await expect(reviews.getByRole('status')).toHaveText('Thank you! Your review is published.');

    const list = reviews.getByRole('list', { name: 'Reviews, newest first' }).getByRole('listitem');
    await expect(list).toHaveCount(1);
    await expect(list).toContainText('Thick, cold and not too sweet.');
    // The fixture's customer is "Ada Tester <tag>": first name and the last word's initial.
    await expect(list).toContainText(/Ada \w\./);
  } finally {
    await deleteProduct(product.id);
  }
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

test('a review by a customer who paid for the product is marked as a verified buyer’s', async ({
  customer: buyer,
  page,
}) => {
  const product = await newProduct(`Verified Noodles ${uniqueTag()}`, 720, 5);
  try {
    await paidOrder(buyer, product.slug, 1);
    await addReview(buyer, product.id, 5, 'Bought it twice already.');
    const browser = await createCustomer();
    await addReview(browser, product.id, 3, 'Looks nice in the pictures.');

    await page.goto(`/p/${product.slug}`);
    await expectHeading(page, product.name);
    const reviews = page.getByRole('list', { name: 'Reviews, newest first' }).getByRole('listitem');
    await expect(reviews).toHaveCount(2);
    await expect(
      reviews.filter({ hasText: 'Bought it twice already.' }).getByText('Verified buyer'),
    ).toBeVisible();
    await expect(
      reviews.filter({ hasText: 'Looks nice in the pictures.' }).getByText('Verified buyer'),
    ).toHaveCount(0);
  } finally {
    await deleteProduct(product.id);
  }
});
