import type { Review } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useRemoveReview } from './api';

interface RemoveReviewButtonProps {
  productId: string;
  review: Review;
  /** The author takes their own back; staff remove someone else's. */
  own: boolean;
}

/** Removes a review after a confirmation: shown to its author and to the shop's admins only. */
export function RemoveReviewButton({ productId, review, own }: RemoveReviewButtonProps) {
  const remove = useRemoveReview(productId);
  const author = review.author ?? 'a customer';
  return (
    <ConfirmButton
      label={own ? 'Delete my review' : 'Remove'}
      ariaLabel={own ? 'Delete my review' : `Remove the review by ${author}`}
      variant="ghost"
      size="sm"
      title={own ? 'Delete your review?' : `Remove the review by ${author}?`}
      confirmLabel={own ? 'Delete review' : 'Remove review'}
      action={remove}
      run={(done) => remove.mutate(review.id, { onSuccess: done })}
    >
      {own
        ? 'Your review and its stars leave the product at once. You can write a new one later.'
        : 'The review and its stars leave the product at once, for everyone. This cannot be undone.'}
    </ConfirmButton>
  );
}
