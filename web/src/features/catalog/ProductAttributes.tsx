import { attributeLabel as label, capitalize } from '../../lib/attributeNames';

/** An attribute's value as a person reads it. */
function show(name: string, value: unknown): string {
  if (Array.isArray(value)) return capitalize(value.map(String).join(', '));
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (name === 'weight_g' && typeof value === 'number')
    return value >= 1000 ? `${value / 1000} kg` : `${value} g`;
  return capitalize(String(value));
}

/** A product's attributes (spice, allergens, weight...) as a readable list. */
export function ProductAttributes({ attributes }: { attributes: Record<string, unknown> | undefined }) {
  const entries = Object.entries(attributes ?? {});
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="details-heading" className="mt-8">
      <h2 id="details-heading" className="text-lg font-semibold">
        Details
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        {entries.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-stone-600">{label(name)}</dt>
            <dd className="text-stone-900">{show(name, value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
