import { countryName } from '../../lib/countries';

/** An order's frozen shipping address (free-form JSON), shown line by line. */
export function ShippingAddressView({ address }: { address: unknown }) {
  const a = typeof address === 'object' && address !== null ? (address as Record<string, unknown>) : {};
  const text = (key: string) => (typeof a[key] === 'string' ? (a[key] as string) : '');
  const lines = [
    text('name'),
    text('line1'),
    text('line2'),
    [text('postal_code'), text('city')].filter(Boolean).join(' '),
    text('country') ? countryName(text('country')) : '',
  ].filter(Boolean);
  return (
    <address className="not-italic text-stone-800">
      {lines.map((line, i) => (
        <span key={i} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
