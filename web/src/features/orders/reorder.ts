import { ApiError, errorMessage } from '../../api/errors';
import type { OrderLine } from '../../api/types';

/** A line of an old order that could not go into the basket, and why, in words. */
export interface ReorderFailure {
  productId: string;
  name: string;
  reason: string;
}

/** Why the basket refused a line: the product is gone, sold out, short, or the API's words. */
export function whyNotAdded(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return 'no longer sold';
    const available = error.details?.available;
    if (error.status === 409 && typeof available === 'number') {
      return available <= 0 ? 'out of stock' : `only ${available} left`;
    }
  }
  return errorMessage(error);
}

/**
 * Adds each line to the basket, one after the other: a line that is refused does not stop the
 * others. Answers the refused ones (none when everything went in).
 */
export async function addLines(
  lines: readonly OrderLine[],
  add: (line: OrderLine) => Promise<unknown>,
): Promise<ReorderFailure[]> {
  const failures: ReorderFailure[] = [];
  for (const line of lines) {
    try {
      await add(line);
    } catch (error) {
      failures.push({ productId: line.product_id, name: line.name, reason: whyNotAdded(error) });
    }
  }
  return failures;
}
