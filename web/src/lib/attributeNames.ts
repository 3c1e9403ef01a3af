/** How product attributes read to people: one place for the product page and the filters. */
const NAMES: Record<string, string> = {
  spice: 'Spice level',
  vegan: 'Vegan',
  allergens: 'Allergens',
  weight_g: 'Weight',
  size: 'Size',
  pieces: 'Pieces',
};

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `spice` -> "Spice level", `gluten_free` -> "Gluten free". */
export function attributeLabel(name: string): string {
  return NAMES[name] ?? capitalize(name.replace(/_/g, ' '));
}

/** Values that form a scale, in the scale's order; others keep the catalog's order. */
const SCALES: readonly (readonly string[])[] = [
  ['mild', 'medium', 'hot', 'extra hot'],
  ['small', 'regular', 'medium', 'large'],
  ['xs', 's', 'm', 'l', 'xl', 'xxl'],
];

/** Orders values along a known scale (mild, medium, hot), when all of them are on one. */
export function inScaleOrder(values: string[]): string[] {
  const scale = SCALES.find((s) => values.every((v) => s.includes(v.toLowerCase())));
  if (!scale) return values;
  return [...values].sort((a, b) => scale.indexOf(a.toLowerCase()) - scale.indexOf(b.toLowerCase()));
}
