import { Link } from 'react-router';
import { Price } from '../../../components/Price';
import type { AuditEntry } from '../../../api/types';
import { formatMoney } from '../../../lib/money';
import { deliveryTermsText, rolesText } from './auditActions';

const link = 'font-medium text-orange-800 hover:underline';

/** What one entry of the log changed, from what to what, in a sentence. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  switch (entry.action) {
    case 'price_changed':
      return (
        <span>
          Price of{' '}
          <Link to={`/admin/products/${entry.product_id}`} className={link}>
            {entry.product_name}
          </Link>{' '}
          from <Price amount={entry.from} currency={entry.from_currency} /> to{' '}
          <Price amount={entry.to} currency={entry.currency} />
        </span>
      );
    case 'stock_changed':
      return (
        <span>
          Stock of{' '}
          <Link to={`/admin/products/${entry.product_id}`} className={`${link} break-all`}>
            {entry.product_name ?? entry.product_id}
          </Link>{' '}
          from <span className="tabular-nums">{entry.from}</span> to{' '}
          <span className="tabular-nums">{entry.to}</span>
        </span>
      );
    case 'refunded':
      return (
        <span>
          Refunded <Price amount={entry.amount} currency={entry.currency} /> of{' '}
          <Link to={`/admin/orders/${entry.order_id}`} className={link}>
            an order
          </Link>
          {entry.reason && <span className="text-stone-600"> ({entry.reason})</span>}
        </span>
      );
    case 'delivery_changed': {
      const money = (minor: number) => formatMoney(minor, entry.currency);
      return (
        <span>
          Delivery{' '}
          <Link to="/admin/delivery" className={link}>
            {entry.name}
          </Link>{' '}
          {entry.from ? `from ${deliveryTermsText(entry.from, money)} to ` : 'offered: '}
          <strong>{deliveryTermsText(entry.to, money)}</strong>
        </span>
      );
    }
    case 'roles_changed':
      return (
        <span>
          Roles of <span className="font-medium break-all">{entry.email}</span> from {rolesText(entry.from)}{' '}
          to <strong>{rolesText(entry.to)}</strong>
        </span>
      );
  }
}
