import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorMessage } from './ErrorMessage';
import { Skeleton } from './Skeleton';

interface PageOfItemsProps<T extends { items: readonly unknown[] }> {
  query: UseQueryResult<T>;
  /** What did not load, e.g. "Orders did not load." */
  errorTitle: string;
  /** What to show when the page has no items. */
  empty: ReactNode;
  children: (page: T) => ReactNode;
}

/** A page of items from the API: a placeholder while it loads, the error with a retry, what to
 * say when there are none, else the items (the admin's lists share these states). */
export function PageOfItems<T extends { items: readonly unknown[] }>({
  query,
  errorTitle,
  empty,
  children,
}: PageOfItemsProps<T>) {
  if (query.isPending) return <Skeleton className="h-64 w-full" />;
  if (query.isError)
    return <ErrorMessage error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
