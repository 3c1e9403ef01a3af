/** The audit log (admin): newest first, a page at a time, older pages on demand. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { AuditAction } from '../../../api/types';

export const AUDIT_PAGE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  of: (action: AuditAction | null) => [...auditKeys.all, action ?? 'all'] as const,
};

/** The log, or one kind of change; `fetchNextPage` reads the next older page. */
export function useAuditLog(action: AuditAction | null) {
  return useInfiniteQuery({
    queryKey: auditKeys.of(action),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/audit', {
          params: {
            query: {
              limit: AUDIT_PAGE,
              ...(action ? { action } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next ?? null,
  });
}
