/** Accounts (admin): the list, and who is an admin. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { Role } from '../../../api/types';
import { auditKeys } from '../audit/api';

export const PEOPLE_PER_PAGE = 25;

const peopleKeys = {
  all: ['people'] as const,
  page: (email: string, page: number) => [...peopleKeys.all, email, page] as const,
};

/** A page of accounts, newest first, or those whose email contains `email`. */
export function usePeople(email: string, page: number) {
  return useQuery({
    queryKey: peopleKeys.page(email, page),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/users', {
          params: { query: { page, per_page: PEOPLE_PER_PAGE, ...(email ? { email } : {}) } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Sets an account's roles; the list and the audit log then show the change. */
export function useSetRoles() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: Role[] }) =>
      unwrap(api.PUT('/users/{user_id}/roles', { params: { path: { user_id: userId } }, body: { roles } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: peopleKeys.all });
      void client.invalidateQueries({ queryKey: auditKeys.all });
    },
  });
}
