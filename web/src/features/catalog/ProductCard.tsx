import { Link } from 'react-router';
import type { Product } from '../../api/types';
import { ProductImage } from '../../components/ProductImage';
import { Price } from '../../components/Price';
import { Stars } from '../../components/Stars';
import { StockStatus } from '../../components/StockStatus';
import { stockWorthMentioning } from '../../lib/stock';

interface ProductCardProps {
  product: Product;
  headingLevel?: 'h2' | 'h3';
}

/** A product in a grid; the whole card opens the product (one link, named by the product). */
export function ProductCard({ product, headingLevel: Heading = 'h3' }: ProductCardProps) {
  // Listings carry the catalog's last word on stock; details, inventory's own.
  const available = product.stock?.available ?? product.available;
  return (
    <article className="group relative flex w-full flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white p-3 shadow-sm transition hover:-translate-y-0.5 hover:shadow-md focus-within:ring-2 focus-within:ring-orange-700">
      <ProductImage name={product.name} category={product.category} images={product.images} />
      <div className="mt-3 flex flex-1 flex-col gap-1 px-1">
        <Heading className="font-semibold text-stone-900">
          <Link to={`/p/${product.slug}`} className="after:absolute after:inset-0 focus:outline-none">
            {product.name}
          </Link>
        </Heading>
        <p className="line-clamp-2 text-sm text-stone-600">{product.description}</p>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2">
          <Price
            amount={product.price}
            currency={product.currency}
            className="text-lg font-bold text-stone-900"
          />
          {product.review_count > 0 && <Stars rating={product.rating} count={product.review_count} />}
        </div>
        {stockWorthMentioning(available) && <StockStatus available={available} />}
      </div>
    </article>
  );
}
