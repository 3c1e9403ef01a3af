/** Signing in and out, accounts and the profile. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, BROWSER_SESSION } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Profile } from '../../api/types';
import { session } from '../../auth/session';
import { useSession } from '../../auth/useSession';

export const profileKey = ['profile'] as const;

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Logs in and keeps the tokens. The visitor's cart cookie goes along, so the edge merges the
 * visitor cart into the user's; every cached query is then refetched for the user.
 */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) => {
      const pair = await unwrap(api.POST('/auth/login', { body: credentials, headers: BROWSER_SESSION }));
      session.set({ accessToken: pair.access_token });
      return pair;
    },
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Creates the account, then logs in with it (registration answers no tokens). */
export function useSignUp() {
  const signIn = useSignIn();
  return useMutation({
    mutationFn: async (input: Credentials & { name: string }) => {
      await unwrap(api.POST('/auth/register', { body: input }));
      return signIn.mutateAsync({ email: input.email, password: input.password });
    },
  });
}

/** Ends the session on the server, then forgets the tokens whatever the answer. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await unwrap(api.POST('/auth/logout'));
      } finally {
        session.clear();
      }
    },
    onSettled: () => {
      client.removeQueries({ queryKey: profileKey });
      return client.invalidateQueries();
    },
  });
}

export function useProfile() {
  const { signedIn, userId } = useSession();
  return useQuery({
    queryKey: [...profileKey, userId],
    queryFn: ({ signal }) => unwrap(api.GET('/users/me', { signal })),
    enabled: signedIn,
  });
}

export type ProfileChange = Partial<Pick<Profile, 'name' | 'addresses' | 'marketing_opt_in'>> & {
  phone?: string | null;
};

export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: ProfileChange) => unwrap(api.PATCH('/users/me', { body: change })),
    onSuccess: (profile) => client.setQueryData([...profileKey, profile.id], profile),
  });
}
