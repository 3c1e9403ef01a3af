/** A product's attributes (spice, allergens, weight...) as a readable list. */
const NAMES: Record<string, string> = {
  spice: 'Spice level',
  vegan: 'Vegan',
  allergens: 'Allergens',
  weight_g: 'Weight',
  size: 'Size',
  pieces: 'Pieces',
};

function show(name: string, value: unknown): string {
  if (Array.isArray(value)) return capitalize(value.map(String).join(', '));
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (name === 'weight_g' && typeof value === 'number')
    return value >= 1000 ? `${value / 1000} kg` : `${value} g`;
  return capitalize(String(value));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function label(name: string): string {
  return NAMES[name] ?? name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

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
