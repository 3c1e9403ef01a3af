/** The unsubscribe link of promotional emails. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { profileKey } from '../account/api';

/** Turns promotional emails off for the account the signed token names (no login). */
export function useUnsubscribe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST('/notifications/unsubscribe', { params: { query: { token } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: profileKey }),
  });
}
