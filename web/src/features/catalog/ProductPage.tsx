import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { usePageMeta } from '../../components/usePageMeta';
import { productJsonLd } from './productJsonLd';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NotFound } from '../../app/NotFound';
import { Price } from '../../components/Price';
import { taxNote } from '../../lib/taxRate';
import { ProductImage } from '../../components/ProductImage';
import { Skeleton } from '../../components/Skeleton';
import { Stars } from '../../components/Stars';
import { StockStatus } from '../../components/StockStatus';
import { findCategory, useCategories, useProduct } from './api';
import { AddToCart } from './AddToCart';
import { ProductAttributes } from './ProductAttributes';
import { Reviews } from './Reviews';
import { shopHref } from './shopParams';

/** A search result's snippet: the description, at most about 160 characters. */
function metaDescription(description: string, name: string): string {
  const text = description.trim() || name;
  return text.length <= 160 ? text : `${text.slice(0, 157).trimEnd()}…`;
}

function ProductSkeleton() {
  return (
    // The same boxes as the page (breadcrumb row, then image and text), so nothing moves when
    // the product arrives: this is what keeps the page's layout shift (CLS) near zero.
    <div role="status" aria-label="Loading product">
      <Skeleton className="mb-4 h-5 w-48" />
      <div className="grid gap-8 md:grid-cols-2">
        <Skeleton className="aspect-[4/3] w-full rounded-3xl" />
        <div className="space-y-4">
          <Skeleton className="h-10 w-2/3" />
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-5/6" />
          <Skeleton className="h-8 w-1/4" />
          <Skeleton className="h-12 w-1/2" />
        </div>
      </div>
    </div>
  );
}

export function ProductPage() {
  const { slug = '' } = useParams();
  const product = useProduct(slug);
  const categories = useCategories();
  useDocumentTitle(product.data?.name ?? (product.error ? 'Product not found' : 'Product'));
  usePageMeta({
    description: product.data ? metaDescription(product.data.description, product.data.name) : undefined,
    // The product's own address, however the page was reached (by id, with a query string).
    canonicalPath: product.data ? `/p/${product.data.slug}` : undefined,
  });

  if (product.isPending) return <ProductSkeleton />;
  if (product.error) {
    if (product.error instanceof ApiError && product.error.status === 404) return <NotFound />;
    return (
      <ErrorMessage
        error={product.error}
        title="We could not load this product."
        onRetry={() => void product.refetch()}
      />
    );
  }

  const p = product.data;
  const place = findCategory(categories.data, p.category);

  return (
    <article>
      <script type="application/ld+json">
        {JSON.stringify(productJsonLd(p, new URL(`/p/${p.slug}`, window.location.origin).href))}
      </script>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-stone-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link to="/shop" className="hover:underline">
              Shop
            </Link>
          </li>
          {place?.parent && (
            <li>
              <span aria-hidden="true">/ </span>
              <Link to={shopHref({ category: place.parent.slug })} className="hover:underline">
                {place.parent.name}
              </Link>
            </li>
          )}
          {place && (
            <li>
              <span aria-hidden="true">/ </span>
              <Link to={shopHref({ category: place.category.slug })} className="hover:underline">
                {place.category.name}
              </Link>
            </li>
          )}
        </ol>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <ProductImage
          name={p.name}
          category={p.category}
          images={p.images}
          size="lg"
          className="rounded-3xl"
        />
        <div>
          {p.status && p.status !== 'active' && (
            <p role="note" className="mb-3 rounded-xl bg-amber-50 p-3 text-sm font-medium text-amber-900">
              {p.status === 'draft' ? 'Draft' : 'Archived'}: only staff see this page; shoppers do not find
              this product.
            </p>
          )}
          <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">{p.name}</h1>
          {p.brand && <p className="mt-1 text-stone-600">by {p.brand}</p>}
          <div className="mt-2">
            <Stars rating={p.rating} count={p.review_count} />
          </div>
          <p className="mt-4 text-lg text-stone-700">{p.description}</p>
          <p className="mt-6 text-3xl font-bold" data-testid="product-price">
            <Price amount={p.price} currency={p.currency} />
          </p>
          <p className="text-sm text-stone-600" data-testid="tax-note">
            {taxNote(p.tax_rate_bp, p.price_includes_tax)}
          </p>
          <div className="mt-2">
            <StockStatus available={p.stock?.available} />
          </div>
          <div className="mt-6">
            <AddToCart product={p} />
          </div>
          <ProductAttributes attributes={p.attributes} />
        </div>
      </div>
      <Reviews product={p} />
    </article>
  );
}
