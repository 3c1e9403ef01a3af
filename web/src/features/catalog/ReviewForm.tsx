import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors';
import { Button } from '../../components/Button';
import { TextArea } from '../../components/TextArea';
import { useAddReview } from './api';
import { countOf } from '../../lib/plural';

/** Rating (1–5, as radio stars) and a text; one review per customer and product. */
export function ReviewForm({ productId }: { productId: string }) {
  const id = useId();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [ratingError, setRatingError] = useState<string | undefined>();
  const add = useAddReview(productId);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rating < 1) {
      setRatingError('Choose a rating from 1 to 5 stars.');
      return;
    }
    setRatingError(undefined);
    add.mutate({ rating, text: text.trim() }, { onSuccess: () => setText('') });
  }

  if (add.isSuccess) {
    return (
      <p role="status" className="rounded-xl bg-emerald-50 p-4 font-medium text-emerald-900">
        Thank you! Your review is published.
      </p>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-2xl border border-stone-200 bg-white p-4">
      <h3 className="text-lg font-semibold">Write a review</h3>
      <fieldset aria-describedby={ratingError ? `${id}-rating-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-stone-800">Your rating</legend>
        <div className="flex gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer">
              <input
                type="radio"
                name={`${id}-rating`}
                value={n}
                checked={rating === n}
                onChange={() => setRating(n)}
                className="peer sr-only"
                aria-label={countOf(n, 'star', 'stars')}
              />
              <span
                aria-hidden="true"
                className={`block rounded px-0.5 text-3xl peer-focus-visible:outline-2 peer-focus-visible:outline-orange-700 ${
                  n <= rating ? 'text-amber-600' : 'text-stone-300'
                }`}
              >
                ★
              </span>
            </label>
          ))}
        </div>
        {ratingError && (
          <p id={`${id}-rating-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">
            {ratingError}
          </p>
        )}
      </fieldset>
      <TextArea
        label="Your review"
        rows={4}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {add.isError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {add.error instanceof Error && 'status' in add.error && add.error.status === 409
            ? 'You have already reviewed this product.'
            : errorMessage(add.error)}
        </p>
      )}
      <Button type="submit" busy={add.isPending}>
        Publish review
      </Button>
    </form>
  );
}
