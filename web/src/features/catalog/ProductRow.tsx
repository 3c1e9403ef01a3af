import type { ReactNode } from 'react';
import type { Product } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ProductGrid, ProductGridSkeleton } from './ProductGrid';

interface ProductRowProps {
  id: string;
  title: string;
  action?: ReactNode;
  products: Product[] | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
}

/** A titled section of products on the home page. */
export function ProductRow({ id, title, action, products, isPending, error, onRetry }: ProductRowProps) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <div className="mb-4 flex items-end justify-between gap-4">
        <h2 id={id} className="text-2xl font-bold">
          {title}
        </h2>
        {action}
      </div>
      {isPending ? (
        <ProductGridSkeleton count={4} />
      ) : error ? (
        <ErrorMessage error={error} title="We could not load these products." onRetry={onRetry} />
      ) : (
        <ProductGrid products={products ?? []} />
      )}
    </section>
  );
}
