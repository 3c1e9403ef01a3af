/**
 * Products have no photos yet: each category gets a dish emoji and a warm gradient, so a
 * placeholder tile still says what the product is. Sub-categories fall back to their parent.
 */
interface Visual {
  emoji: string;
  gradient: string;
}

const VISUALS: Record<string, Visual> = {
  dishes: { emoji: '🍲', gradient: 'from-orange-200 via-amber-100 to-rose-100' },
  curries: { emoji: '🍛', gradient: 'from-amber-300 via-orange-200 to-yellow-100' },
  noodles: { emoji: '🍜', gradient: 'from-orange-200 via-amber-100 to-yellow-50' },
  dumplings: { emoji: '🥟', gradient: 'from-rose-200 via-orange-100 to-amber-50' },
  salads: { emoji: '🥗', gradient: 'from-lime-200 via-emerald-100 to-yellow-50' },
  desserts: { emoji: '🍰', gradient: 'from-pink-200 via-rose-100 to-amber-50' },
  groceries: { emoji: '🧺', gradient: 'from-amber-200 via-yellow-100 to-lime-50' },
  spices: { emoji: '🌶️', gradient: 'from-red-200 via-orange-200 to-amber-100' },
  sauces: { emoji: '🫙', gradient: 'from-orange-300 via-red-100 to-amber-50' },
  'rice-grains': { emoji: '🍚', gradient: 'from-stone-200 via-amber-50 to-yellow-50' },
  drinks: { emoji: '🧋', gradient: 'from-sky-200 via-teal-100 to-amber-50' },
};

const FALLBACK: Visual = { emoji: '🍽️', gradient: 'from-amber-200 via-orange-100 to-rose-50' };

export function categoryVisual(category: string, parent?: string | null): Visual {
  return VISUALS[category] ?? (parent ? VISUALS[parent] : undefined) ?? FALLBACK;
}
