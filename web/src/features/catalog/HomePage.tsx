import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Skeleton } from '../../components/Skeleton';
import { LinkButton } from '../../components/LinkButton';
import { useCategories, useTopProducts } from './api';
import { CategoryTree } from './CategoryTree';
import { ProductRow } from './ProductRow';
import { bestRated } from './featured';
import { shopHref } from './shopParams';

export function HomePage() {
  useDocumentTitle(null);
  const categories = useCategories();
  const newest = useTopProducts('newest', 4);
  const all = useTopProducts('name', 100);
  const featured = all.data ? bestRated(all.data.items, 4) : undefined;
  const anyRated = all.data?.items.some((p) => p.review_count > 0) ?? false;

  return (
    <>
      <section className="overflow-hidden rounded-3xl bg-gradient-to-br from-orange-700 via-orange-700 to-rose-800 px-6 py-10 text-white sm:px-10 sm:py-14">
        <p className="text-sm font-semibold tracking-wide text-orange-100 uppercase">Fresh today</p>
        <h1 className="mt-2 max-w-xl text-4xl font-extrabold tracking-tight sm:text-5xl">
          Dinner, sorted. Groceries, too.
        </h1>
        <p className="mt-4 max-w-lg text-lg text-orange-50">
          Curries, noodles and dumplings cooked to order, and the spices, sauces and rice to make them at
          home.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <LinkButton to="/shop" size="lg" variant="secondary">
            Browse the shop
          </LinkButton>
          <Link
            to={shopHref({ attributes: { spice: 'hot' } })}
            className="inline-flex items-center rounded-lg px-4 py-3 font-semibold text-white underline-offset-4 hover:underline"
          >
            Something spicy <span aria-hidden="true">&nbsp;🌶️</span>
          </Link>
        </div>
      </section>

      <section aria-labelledby="categories-heading" className="mt-12">
        <h2 id="categories-heading" className="mb-4 text-2xl font-bold">
          Shop by category
        </h2>
        {categories.isPending ? (
          <div
            className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
            role="status"
            aria-label="Loading categories"
          >
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-32" />
            ))}
          </div>
        ) : categories.error ? (
          <ErrorMessage
            error={categories.error}
            title="We could not load the categories."
            onRetry={() => void categories.refetch()}
          />
        ) : (
          <nav aria-label="Browse by category">
            <CategoryTree categories={categories.data} />
          </nav>
        )}
      </section>

      <ProductRow
        id="featured-heading"
        title={anyRated ? 'Best rated' : 'Popular picks'}
        products={featured}
        isPending={all.isPending}
        error={all.error}
        onRetry={() => void all.refetch()}
      />

      <ProductRow
        id="newest-heading"
        title="New in"
        action={
          <Link
            to={shopHref({ sort: 'newest' })}
            className="text-sm font-semibold text-orange-800 hover:underline"
          >
            See all new products
          </Link>
        }
        products={newest.data?.items}
        isPending={newest.isPending}
        error={newest.error}
        onRetry={() => void newest.refetch()}
      />
    </>
  );
}
