/** Account links from emails: password reset and email verification (no sign-in needed). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { profileKey } from './api';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/auth/password-reset', { body: { email } })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      unwrap(api.POST('/auth/password-reset/confirm', { body: input })),
  });
}

/**
 * Whether a reset link still works, asked when the page opens (it changes nothing), so a used
 * or expired link says so before a new password is typed.
 */
export function useResetLinkCheck(token: string) {
  return useQuery({
    queryKey: ['password-reset-check', token],
    queryFn: () => unwrap(api.POST('/auth/password-reset/check', { body: { token } })),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
  });
}

export function useVerifyEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/auth/verify-email', { body: { token } })),
    onSuccess: () => client.invalidateQueries({ queryKey: profileKey }),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/auth/verify-email/resend')),
  });
}
