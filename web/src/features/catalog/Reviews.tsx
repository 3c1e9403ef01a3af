import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Product } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Spinner } from '../../components/Spinner';
import { Stars } from '../../components/Stars';
import { Button } from '../../components/Button';
import { VerifiedBuyerBadge } from '../../components/VerifiedBuyerBadge';
import { formatDate } from '../../lib/date';
import { useSession } from '../../auth/useSession';
import { useReviews } from './api';
import { RemoveReviewButton } from './RemoveReviewButton';
import { ReviewForm } from './ReviewForm';

export function Reviews({ product }: { product: Product }) {
  const [page, setPage] = useState(1);
  const reviews = useReviews(product.id, page);
  const { signedIn, userId, isAdmin } = useSession();
  const location = useLocation();
  const pages = reviews.data ? Math.ceil(reviews.data.total / reviews.data.per_page) : 1;

  return (
    <section aria-labelledby="reviews-heading" className="mt-12 grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div>
        <h2 id="reviews-heading" className="text-2xl font-bold">
          Reviews
        </h2>
        {product.review_count > 0 && (
          <div className="mt-2">
            <Stars rating={product.rating} count={product.review_count} size="md" />
          </div>
        )}
        {reviews.isPending ? (
          <Spinner label="Loading reviews" className="mt-4" />
        ) : reviews.error ? (
          <div className="mt-4">
            <ErrorMessage
              error={reviews.error}
              title="Reviews did not load."
              onRetry={() => void reviews.refetch()}
            />
          </div>
        ) : reviews.data.items.length === 0 ? (
          <p className="mt-4 text-stone-600">No reviews yet. Be the first to tell others what you think.</p>
        ) : (
          <>
            <ul className="mt-4 space-y-4" aria-label="Reviews, newest first">
              {reviews.data.items.map((review) => (
                <li key={review.id} className="rounded-2xl border border-stone-200 bg-white p-4">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="flex flex-wrap items-center gap-2">
                      <Stars rating={review.rating} />
                      {review.verified_buyer && <VerifiedBuyerBadge />}
                    </span>
                    <span className="text-sm text-stone-600">
                      <span className="font-medium text-stone-800">{review.author ?? 'A customer'}</span>
                      {' · '}
                      {formatDate(review.created_at)}
                    </span>
                  </div>
                  {review.text && <p className="mt-2 whitespace-pre-line text-stone-800">{review.text}</p>}
                  {(isAdmin || review.user_id === userId) && (
                    <div className="mt-2 text-right">
                      <RemoveReviewButton
                        productId={product.id}
                        review={review}
                        own={review.user_id === userId}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {pages > 1 && (
              <div className="mt-4 flex items-center gap-3">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={page <= 1}
                  onClick={() => setPage((p) => p - 1)}
                >
                  Newer reviews
                </Button>
                <span className="text-sm text-stone-600">
                  Page {page} of {pages}
                </span>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={page >= pages}
                  onClick={() => setPage((p) => p + 1)}
                >
                  Older reviews
                </Button>
              </div>
            )}
          </>
        )}
      </div>
      <div>
        {signedIn ? (
          <ReviewForm productId={product.id} />
        ) : (
          <p className="rounded-2xl border border-stone-200 bg-white p-4 text-stone-700">
            <Link
              to={`/signin?next=${encodeURIComponent(location.pathname)}`}
              className="font-semibold text-orange-800 underline"
            >
              Sign in
            </Link>{' '}
            to write a review.
          </p>
        )}
      </div>
    </section>
  );
}
