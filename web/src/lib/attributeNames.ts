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
