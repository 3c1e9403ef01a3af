import { Link } from 'react-router';
import type { Order } from '../../api/types';
import { Price } from '../../components/Price';

/** An order's lines as they were bought, each named with a link to its product's page. */
export function OrderLines({ order }: { order: Order }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Items in the order</caption>
      <thead>
        <tr className="border-b border-stone-200 text-left text-stone-600">
          <th scope="col" className="py-2 font-medium">
            Item
          </th>
          <th scope="col" className="py-2 text-right font-medium">
            Qty
          </th>
          <th scope="col" className="hidden py-2 text-right font-medium sm:table-cell">
            Price
          </th>
          <th scope="col" className="py-2 text-right font-medium">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((line) => (
          <tr key={line.product_id} className="border-b border-stone-100">
            <td className="py-2 pr-2">
              {/* By id: the product page takes its id as well as its slug, and the order keeps the id. */}
              <Link to={`/p/${line.product_id}`} className="font-medium text-orange-800 hover:underline">
                {line.name}
              </Link>
            </td>
            <td className="py-2 text-right tabular-nums">{line.quantity}</td>
            <td className="hidden py-2 text-right sm:table-cell">
              <Price amount={line.unit_price} currency={order.currency} />
            </td>
            <td className="py-2 text-right">
              <Price amount={line.line_total} currency={order.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
