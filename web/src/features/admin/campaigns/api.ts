/** Promotional email campaigns (admin). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';

export function useSendCampaign() {
  return useMutation({
    mutationFn: ({ subject, body, key }: { subject: string; body: string; key: string }) =>
      unwrap(
        api.POST('/notifications/campaigns', {
          body: { subject, body },
          headers: { 'Idempotency-Key': key },
        }),
      ),
  });
}

/** A campaign's progress, polled every two seconds until every message is accounted for. */
export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/notifications/campaigns/{campaign_id}', {
          params: { path: { campaign_id: campaignId } },
          signal,
        }),
      ),
    refetchInterval: (query) => {
      const c = query.state.data;
      return c && c.sent + c.skipped + c.failed >= c.recipients ? false : 2000;
    },
  });
}
