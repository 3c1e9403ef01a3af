import type { ReactNode } from 'react';
import type { Order } from '../../api/types';
import { Panel } from '../../components/Panel';
import { CartTotals } from '../cart/CartTotals';
import { OrderLines } from './OrderLines';
import { RefundLines } from './RefundLines';
import { ShippingAddressView } from './ShippingAddressView';
import { StatusHistory } from './StatusHistory';

/** An order's lines and totals, delivery address and status history: the same for its
 * customer and for the shop owner. `historyNote` goes under the history. */
export function OrderDetails({ order, historyNote }: { order: Order; historyNote?: ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <Panel title="Items">
        <OrderLines order={order} />
        <CartTotals
          totals={order}
          deliveryName={order.delivery_method?.name}
          className="mt-4 ml-auto max-w-xs"
        />
        <RefundLines orderId={order.id} />
      </Panel>
      <div className="space-y-6">
        <Panel title="Delivery address">
          <ShippingAddressView address={order.shipping_address} />
        </Panel>
        <Panel title="History">
          <StatusHistory history={order.history} />
          {historyNote}
        </Panel>
      </div>
    </div>
  );
}
