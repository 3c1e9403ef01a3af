/** Delivery methods: what checkout offers, and the admin's changes to them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { components } from '../../api/schema';

export type DeliveryMethodInput = components['schemas']['DeliveryMethodInput'];

const deliveryKeys = {
  all: ['delivery-methods'] as const,
  list: (all: boolean) => [...deliveryKeys.all, all ? 'all' : 'offered'] as const,
};

/** The methods offered (`all`: the hidden ones too, for an admin), with the rate delivery carries. */
export function useDeliveryMethods(all = false) {
  return useQuery({
    queryKey: deliveryKeys.list(all),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/delivery-methods', { params: { query: all ? { all: true } : {} }, signal })),
  });
}

export function useCreateDeliveryMethod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DeliveryMethodInput) => unwrap(api.POST('/delivery-methods', { body: input })),
    onSuccess: () => client.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}

export function useUpdateDeliveryMethod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: DeliveryMethodInput }) =>
      unwrap(
        api.PATCH('/delivery-methods/{method_id}', { params: { path: { method_id: id } }, body: change }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}
